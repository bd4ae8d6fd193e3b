/// Every command the UI may call. Each becomes an `allow-<name>` permission that
/// `capabilities/main.json` grants to the main window; anything not listed here cannot be invoked.
const COMMANDS: &[&str] = &[
    "add_feed",
    "list_feeds",
    "remove_feed",
    "rename_feed",
    "move_feed",
    "set_full_text",
    "read_full_article",
    "pages_to_read",
    "stop_reading_pages",
    "list_folders",
    "create_folder",
    "rename_folder",
    "delete_folder",
    "list_articles",
    "view_counts",
    "mark_view_read",
    "mark_read_beside",
    "undo",
    "get_preferences",
    "set_preferences",
    "get_article",
    "set_read",
    "set_bookmarked",
    "set_saved",
    "save_url",
    "search",
    "get_settings",
    "set_settings",
    "refresh",
    "cancel_refresh",
    "import_opml",
    "export_opml",
    "export_articles",
    "open_in_browser",
    "take_subscribe_request",
    "startup_problem",
    "recover",
];

fn main() {
    println!("cargo::rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
