//! The optional desktop notification after a background refresh brought new articles.

use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;
use tidings_core::Library;
use tidings_core::api::RefreshSummary;

/// Notifies about new articles, if the person asked for it (off by default).
pub fn new_articles(app: &AppHandle, summary: &RefreshSummary) {
    if summary.new_articles == 0 {
        return;
    }
    let library = app.state::<Library>().inner().clone();
    let app = app.clone();
    let count = summary.new_articles;
    tauri::async_runtime::spawn(async move {
        let wanted = library
            .preferences()
            .await
            .is_ok_and(|p| p.notify_new_articles);
        if !wanted {
            return;
        }
        let body = if count == 1 {
            "1 new article".to_string()
        } else {
            format!("{count} new articles")
        };
        if let Err(error) = app
            .notification()
            .builder()
            .title("Tidings")
            .body(body)
            .show()
        {
            tracing::warn!(%error, "could not show a notification");
        }
    });
}
