//! The main window's capability file, written from the declared commands by `cargo test -p
//! tidings --lib`: each command's `allow-<name>` and listening to core's events, nothing else.
//! `tests/lockdown.rs` fails if what is committed grants anything else.

use std::fmt::Write;
use std::path::Path;

use crate::commands::DECLARED;

fn capability() -> String {
    let mut permissions = vec![
        "core:event:allow-listen".to_string(),
        "core:event:allow-unlisten".to_string(),
    ];
    permissions.extend(
        DECLARED
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-"))),
    );
    let mut listed = String::new();
    for (at, permission) in permissions.iter().enumerate() {
        let comma = if at + 1 < permissions.len() { "," } else { "" };
        let _ = writeln!(listed, "    \"{permission}\"{comma}");
    }
    format!(
        r#"{{
  "$schema": "../../gen/schemas/desktop-schema.json",
  "identifier": "main",
  "description": "What the main window may do: Tidings' own commands and listening to its events. Nothing else.",
  "windows": [
    "main"
  ],
  "permissions": [
{listed}  ]
}}
"#
    )
}

#[test]
fn the_capability_file_is_written_from_the_declarations() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities/main.json");
    std::fs::write(&path, capability()).unwrap();
}
