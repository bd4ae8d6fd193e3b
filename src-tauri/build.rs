// Every command the UI may call, from its declaration: each becomes an `allow-<name>` permission
// that `capabilities/main.json` grants to the main window; anything not declared cannot be invoked.
include!("command_names.rs");

fn main() {
    println!("cargo::rerun-if-changed=src-tauri/capabilities");
    println!("cargo::rerun-if-changed=src-tauri/src/commands.rs");
    println!("cargo::rerun-if-changed=src-tauri/command_names.rs");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
