/// Every command the UI may call. Each becomes an `allow-<name>` permission that
/// `capabilities/main.json` grants to the main window; anything not listed here cannot be invoked.
const COMMANDS: &[&str] = &[
    "add_feed",
    "list_feeds",
    "remove_feed",
    "list_articles",
    "get_article",
    "set_read",
    "set_bookmarked",
    "refresh_all",
    "cancel_refresh",
    "open_in_browser",
];

fn main() {
    println!("cargo::rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
