//! The UI's typed wrappers over the commands declared in `commands.rs`, one per command with its
//! declared argument names and types: `cargo test -p tidings --lib` writes them to
//! `ui/src/lib/bindings/commands.ts` beside ts-rs's types, and CI fails if they differ from what
//! is committed.

use std::any::TypeId;
use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;

use ts_rs::{Config, Dependency, TS, TypeVisitor};

use crate::events::APP_EVENT;

#[derive(Default)]
pub struct Module {
    imports: BTreeSet<String>,
    wrappers: String,
}

/// Ids and counts are `i64`/`u64` in Rust and numbers on the wire (all far below 2^53), as core's
/// types declare them for ts-rs.
fn config() -> Config {
    Config::new().with_large_int("number")
}

struct Imports<'a>(&'a Config, &'a mut BTreeSet<String>);

impl TypeVisitor for Imports<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if let Some(dependency) = Dependency::from_ty::<T>(self.0) {
            self.1.insert(dependency.ts_name);
        }
    }
}

impl Module {
    /// `T`'s TypeScript name; the types it names are imported.
    pub fn type_of<T: TS + 'static>(&mut self) -> String {
        if TypeId::of::<T>() == TypeId::of::<()>() {
            return "void".to_string();
        }
        let config = config();
        let mut imports = Imports(&config, &mut self.imports);
        imports.visit::<T>();
        T::visit_generics(&mut imports);
        T::name(&config)
    }

    /// One wrapper: `name` in camelCase, as Tauri names the arguments; trailing arguments that
    /// may be `null` may be left out.
    pub fn command(
        &mut self,
        name: &str,
        docs: &[&str],
        arguments: Vec<(&str, String)>,
        answer: String,
    ) {
        let optional_from = arguments
            .iter()
            .rposition(|(_, ty)| !ty.ends_with("| null"))
            .map_or(0, |last_required| last_required + 1);
        let parameters: Vec<String> = arguments
            .iter()
            .enumerate()
            .map(|(at, (argument, ty))| {
                let mark = if at >= optional_from { "?" } else { "" };
                format!("{}{mark}: {ty}", camel_case(argument))
            })
            .collect();
        let passed: Vec<String> = arguments
            .iter()
            .enumerate()
            .map(|(at, (argument, _))| {
                let argument = camel_case(argument);
                if at >= optional_from {
                    format!("{argument}: {argument} ?? null")
                } else {
                    argument
                }
            })
            .collect();
        let passed = if passed.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", passed.join(", "))
        };
        let docs: Vec<&str> = docs.iter().map(|line| line.trim()).collect();
        if !docs.is_empty() {
            let _ = writeln!(self.wrappers, "/** {} */", docs.join(" "));
        }
        let _ = writeln!(
            self.wrappers,
            "export const {} = ({}): Promise<{answer}> =>\n  invoke<{answer}>(\"{name}\"{passed});\n",
            camel_case(name),
            parameters.join(", "),
        );
    }

    pub fn finish(self) -> String {
        let mut module = String::from(
            "// Written by `cargo test -p tidings --lib` from src-tauri/src/commands.rs: one typed \
             wrapper per command. Do not edit.\nimport { invoke } from \"@tauri-apps/api/core\";\n",
        );
        for name in &self.imports {
            let _ = writeln!(module, "import type {{ {name} }} from \"./{name}\";");
        }
        let _ = writeln!(
            module,
            "\n/** The one Tauri event that carries every `AppEvent`. */\nexport const APP_EVENT = \"{APP_EVENT}\";\n"
        );
        module + &self.wrappers
    }
}

fn camel_case(snake: &str) -> String {
    let mut words = snake.split('_');
    let first = words.next().unwrap_or_default().to_string();
    words.fold(first, |mut name, word| {
        let mut letters = word.chars();
        name.extend(letters.next().map(|c| c.to_ascii_uppercase()));
        name.push_str(letters.as_str());
        name
    })
}

#[test]
fn the_ui_wrappers_are_written_from_the_declarations() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings/commands.ts");
    std::fs::write(&path, crate::commands::typescript()).unwrap();
}
