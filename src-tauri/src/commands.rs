//! The UI's commands. Each is a one-line call into `tidings_core::Library`; failures become a
//! `UserError` the UI can show, and are logged.

use std::sync::Mutex;

use tauri::{AppHandle, Emitter, State};
use tauri_plugin_opener::OpenerExt;
use tidings_core::api::{
    Article, ArticleCursor, ArticleId, ArticlePage, ArticleView, FeedId, FeedSummary, RefreshScope,
    UserError,
};
use tidings_core::{CancelToken, Library};

type CommandResult<T> = Result<T, UserError>;

fn user_error(error: tidings_core::Error) -> UserError {
    tracing::warn!(%error, "command failed");
    error.to_user()
}

#[tauri::command]
pub async fn add_feed(library: State<'_, Library>, address: String) -> CommandResult<FeedSummary> {
    library.add_feed(&address).await.map_err(user_error)
}

#[tauri::command]
pub async fn list_feeds(library: State<'_, Library>) -> CommandResult<Vec<FeedSummary>> {
    library.list_feeds().await.map_err(user_error)
}

#[tauri::command]
pub async fn remove_feed(library: State<'_, Library>, feed_id: FeedId) -> CommandResult<()> {
    library.remove_feed(feed_id).await.map_err(user_error)
}

#[tauri::command]
pub async fn list_articles(
    library: State<'_, Library>,
    view: ArticleView,
    after: Option<ArticleCursor>,
) -> CommandResult<ArticlePage> {
    library.list_articles(view, after).await.map_err(user_error)
}

#[tauri::command]
pub async fn get_article(library: State<'_, Library>, id: ArticleId) -> CommandResult<Article> {
    library.article(id).await.map_err(user_error)
}

#[tauri::command]
pub async fn set_read(library: State<'_, Library>, id: ArticleId, read: bool) -> CommandResult<()> {
    library.set_read(id, read).await.map_err(user_error)
}

#[tauri::command]
pub async fn set_bookmarked(
    library: State<'_, Library>,
    id: ArticleId,
    bookmarked: bool,
) -> CommandResult<()> {
    library
        .set_bookmarked(id, bookmarked)
        .await
        .map_err(user_error)
}

/// The refresh in progress, if any, so a second request joins it instead of starting another.
#[derive(Default)]
pub struct RefreshState(Mutex<Option<CancelToken>>);

/// Starts refreshing every feed in the background. Progress arrives as `refresh-progress`
/// events and the end as one `refresh-finished` event.
#[tauri::command]
pub fn refresh_all(app: AppHandle, library: State<'_, Library>, state: State<'_, RefreshState>) {
    let mut running = state.0.lock().unwrap_or_else(|p| p.into_inner());
    if running.is_some() {
        return;
    }
    let cancel = CancelToken::new();
    *running = Some(cancel.clone());
    let library = Library::clone(&library);
    tauri::async_runtime::spawn(async move {
        let progress = |p| emit(&app, "refresh-progress", p);
        let result = library.refresh(RefreshScope::All, progress, &cancel).await;
        let state = tauri::Manager::state::<RefreshState>(&app);
        state.0.lock().unwrap_or_else(|p| p.into_inner()).take();
        match result {
            Ok(summary) => emit(&app, "refresh-finished", summary),
            Err(error) => emit(&app, "refresh-failed", user_error(error)),
        }
    });
}

#[tauri::command]
pub fn cancel_refresh(state: State<'_, RefreshState>) {
    if let Some(cancel) = state.0.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
        cancel.cancel();
    }
}

/// Opens a web address in the system browser; anything but http(s) is refused.
#[tauri::command]
pub fn open_in_browser(app: AppHandle, url: String) -> CommandResult<()> {
    let url = tidings_core::fetch::parse_web_url(&url).map_err(|e| user_error(e.into()))?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| UserError {
            kind: tidings_core::api::ErrorKind::Internal,
            message: format!("could not open the system browser: {e}"),
        })
}

fn emit<T: serde::Serialize + Clone>(app: &AppHandle, event: &str, payload: T) {
    if let Err(error) = app.emit(event, payload) {
        tracing::warn!(event, %error, "could not send an event to the UI");
    }
}
