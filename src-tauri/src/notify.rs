//! The desktop notifications after a background refresh brought new articles.

use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;
use tidings_core::Library;
use tidings_core::api::RefreshSummary;
use tidings_core::library::notifications;

/// Notifies about new articles: of each feed the person asked to hear from, and of all of them
/// if they asked for that (off by default). Core decides what is said (never a flood).
pub fn new_articles(app: &AppHandle, summary: &RefreshSummary) {
    if summary.new_articles == 0 {
        return;
    }
    let library = app.state::<Library>().inner().clone();
    let app = app.clone();
    let summary = summary.clone();
    tauri::async_runtime::spawn(async move {
        let all_new = library
            .preferences()
            .await
            .is_ok_and(|p| p.notify_new_articles);
        for notification in notifications::after_refresh(&summary, all_new) {
            if let Err(error) = app
                .notification()
                .builder()
                .title(notification.title)
                .body(notification.body)
                .show()
            {
                tracing::warn!(%error, "could not show a notification");
            }
        }
    });
}
