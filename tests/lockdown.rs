//! The app's lockdown, read from the files that declare it: the content security policy, the
//! prototype freeze, the one capability file against the declared commands, the commands the UI
//! calls, and the plugins the app depends on. A change that loosens any of them fails here.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn security() -> Value {
    json("tauri.conf.json")["app"]["security"].clone()
}

#[test]
fn the_content_security_policy_allows_only_the_app_itself() {
    let csp = security()["csp"].clone();
    let directive = |name: &str| {
        csp[name]
            .as_str()
            .unwrap_or_else(|| panic!("the CSP has no {name}"))
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(directive("default-src"), ["'self'"]);
    // No inline or evaluated script, and no script from data: or blob: addresses.
    assert_eq!(directive("script-src"), ["'self'"]);
    for name in [
        "object-src",
        "frame-src",
        "child-src",
        "worker-src",
        "media-src",
    ] {
        assert_eq!(directive(name), ["'none'"], "{name}");
    }
    assert_eq!(directive("base-uri"), ["'none'"]);
    assert_eq!(directive("form-action"), ["'none'"]);
    // Images only from the app and its own image scheme (which the backend serves).
    assert_eq!(
        directive("img-src"),
        ["'self'", "tidings:", "http://tidings.localhost"]
    );
    // Only the IPC channel to the backend (ipc: on Linux and macOS, ipc.localhost on Windows).
    assert_eq!(directive("connect-src"), ["ipc:", "http://ipc.localhost"]);
    for name in ["style-src", "font-src"] {
        assert_eq!(directive(name), ["'self'"], "{name}");
    }
    let text = csp.to_string();
    for loose in [
        "unsafe-inline",
        "unsafe-eval",
        "unsafe-hashes",
        "data:",
        "blob:",
        "*",
    ] {
        assert!(!text.contains(loose), "the CSP allows {loose}: {text}");
    }
    assert!(
        security()
            .get("dangerousDisableAssetCspModification")
            .is_none()
    );
}

#[test]
fn the_prototype_is_frozen_and_no_global_tauri_object_exists() {
    assert_eq!(security()["freezePrototype"], Value::Bool(true));
    let app = &json("tauri.conf.json")["app"];
    assert_ne!(app.get("withGlobalTauri"), Some(&Value::Bool(true)));
    assert!(
        security().get("dangerousRemoteDomainIpcAccess").is_none(),
        "no remote page may call the app"
    );
}

// The commands as declared (src-tauri/src/commands.rs), which also make the handler list, the
// allow-list in build.rs, the UI's wrappers and the capability file.
include!("../src-tauri/command_names.rs");

fn declared() -> BTreeSet<String> {
    COMMANDS.iter().map(|c| c.to_string()).collect()
}

#[test]
fn one_capability_file_grants_exactly_the_declared_commands() {
    let files: Vec<_> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
    assert_eq!(files, ["main.json"]);
    let capability = json("src-tauri/capabilities/main.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(
        capability.get("remote").is_none(),
        "no remote origin gets a capability"
    );
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names").to_string())
        .collect();
    let mut expected: BTreeSet<String> = declared()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // The UI listens to core's events; nothing else of Tauri's core.
    expected.insert("core:event:allow-listen".into());
    expected.insert("core:event:allow-unlisten".into());
    assert_eq!(granted, expected);
    assert!(
        read("ui/src/lib/api.ts").contains("listen<"),
        "event permissions granted but unused"
    );
}

#[test]
fn the_ui_calls_only_declared_commands_and_only_through_their_wrappers() {
    let wrappers = "ui/src/lib/bindings/commands.ts";
    let mut invoked = BTreeSet::new();
    for file in ui_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let calls = commands_invoked(&text);
        if !file.ends_with(wrappers) {
            assert!(
                calls.is_empty() && !text.contains("invoke("),
                "{} invokes a command itself: call it through api.ts",
                file.display()
            );
        }
        invoked.extend(calls);
    }
    assert_eq!(
        invoked,
        declared(),
        "the UI calls a command the shell does not declare (and so does not allow), or misses one"
    );
}

/// The names in `invoke<…>("name"` calls.
fn commands_invoked(text: &str) -> BTreeSet<String> {
    text.match_indices("invoke<")
        .filter_map(|(at, _)| {
            let rest = &text[at..];
            let open = rest.find("(\"")? + 2;
            let close = open + rest[open..].find('"')?;
            Some(rest[open..close].to_string())
        })
        .collect()
}

/// Every TypeScript and Svelte file of the UI but its tests.
fn ui_sources(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            files.extend(ui_sources(&path));
        } else if (name.ends_with(".ts") || name.ends_with(".svelte")) && !name.contains(".test.") {
            files.push(path);
        }
    }
    files
}

#[test]
fn no_plugin_reaches_files_processes_or_the_network_from_the_webview() {
    let manifest: toml_like::Manifest = toml_like::Manifest::read(&read("Cargo.toml"));
    for dangerous in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-upload",
        "tauri-plugin-websocket",
        "tauri-plugin-sql",
        "tauri-plugin-process",
        "tauri-plugin-updater",
    ] {
        assert!(
            !manifest.has_dependency(dangerous),
            "{dangerous} must not be a dependency"
        );
    }
    // The tauri crate's own risky features (the asset protocol serves files from disk).
    let tauri = manifest.dependency_line("tauri").expect("tauri dependency");
    assert!(!tauri.contains("protocol-asset"), "{tauri}");
    let package: Value = json("ui/package.json");
    let js_dependencies: Vec<&String> = package["dependencies"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert!(
        js_dependencies
            .iter()
            .all(|d| !d.starts_with("@tauri-apps/plugin-")),
        "the webview talks to no plugin: {js_dependencies:?}"
    );
}

#[test]
fn the_window_refuses_navigation_and_new_windows_and_opens_only_web_links() {
    let window = read("src-tauri/src/window.rs");
    assert!(window.contains(".on_navigation("));
    assert!(window.contains("NewWindowResponse::Deny"));
    assert!(window.contains(r#"matches!(url.scheme(), "http" | "https")"#));
    let lib = read("src-tauri/src/lib.rs");
    assert!(
        !lib.contains("WebviewWindowBuilder"),
        "the one window is built in window.rs, with its navigation rules"
    );
    assert_eq!(
        json("tauri.conf.json")["app"]["windows"],
        serde_json::json!([]),
        "a window declared in the config would skip window.rs's rules"
    );
}

/// Just enough of Cargo.toml's `[dependencies]` to ask what is there, without a TOML parser.
mod toml_like {
    pub struct Manifest {
        dependencies: Vec<String>,
    }

    impl Manifest {
        pub fn read(text: &str) -> Manifest {
            let mut dependencies = Vec::new();
            let mut in_dependencies = false;
            for line in text.lines().map(str::trim) {
                if line.starts_with('[') {
                    in_dependencies = line == "[dependencies]";
                } else if in_dependencies && !line.is_empty() && !line.starts_with('#') {
                    dependencies.push(line.to_string());
                }
            }
            Manifest { dependencies }
        }

        pub fn dependency_line(&self, name: &str) -> Option<&str> {
            self.dependencies
                .iter()
                .find(|line| {
                    line.split(['=', '.'])
                        .next()
                        .is_some_and(|key| key.trim() == name)
                })
                .map(String::as_str)
        }

        pub fn has_dependency(&self, name: &str) -> bool {
            self.dependency_line(name).is_some()
        }
    }
}
