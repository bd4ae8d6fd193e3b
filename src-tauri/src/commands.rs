//! The UI's commands. Each is a one-line call into `tidings_core`; failures become a `UserError`
//! the UI can show, and are logged.

use std::sync::Arc;

use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tidings_core::api::{
    AddFeedOutcome, Article, ArticleCursor, ArticleId, ArticlePage, ArticleView, DeletedFolder,
    ErrorKind, FeedId, FeedSummary, Folder, FolderId, ImportReport, RefreshScope, SaveOutcome,
    SearchCursor, SearchQuery, SearchResults, Settings, UserError,
};
use tidings_core::api::{ListOptions, MarkedRead, Preferences, Side, ViewCounts};
use tidings_core::export::{ExportFormat, ExportReport, ExportSelection};
use tidings_core::{Library, Refresher};

type CommandResult<T> = Result<T, UserError>;

fn user_error(error: tidings_core::Error) -> UserError {
    tracing::warn!(%error, "command failed");
    error.to_user()
}

#[tauri::command]
pub async fn add_feed(
    library: State<'_, Library>,
    address: String,
) -> CommandResult<AddFeedOutcome> {
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
pub async fn rename_feed(
    library: State<'_, Library>,
    feed_id: FeedId,
    title: Option<String>,
) -> CommandResult<()> {
    library
        .rename_feed(feed_id, title)
        .await
        .map_err(user_error)
}

#[tauri::command]
pub async fn move_feed(
    library: State<'_, Library>,
    feed_id: FeedId,
    folder_id: Option<FolderId>,
) -> CommandResult<()> {
    library
        .move_feed(feed_id, folder_id)
        .await
        .map_err(user_error)
}

/// Reads each new article of a feed in full from its page (for feeds that carry summaries).
#[tauri::command]
pub async fn set_full_text(
    library: State<'_, Library>,
    feed_id: FeedId,
    full_text: bool,
) -> CommandResult<()> {
    library
        .set_full_text(feed_id, full_text)
        .await
        .map_err(user_error)
}

/// Reads one article's page in full in the background ("Load full text"); `work-report` says
/// when it is done.
#[tauri::command]
pub async fn read_full_article(library: State<'_, Library>, id: ArticleId) -> CommandResult<()> {
    library.read_full_article(id).await.map_err(user_error)
}

/// How many feed articles' pages are still to be read in full.
#[tauri::command]
pub async fn pages_to_read(library: State<'_, Library>) -> CommandResult<u64> {
    library.pages_to_read().await.map_err(user_error)
}

/// Stops reading feed articles' pages in full; what was read stays.
#[tauri::command]
pub async fn stop_reading_pages(library: State<'_, Library>) -> CommandResult<()> {
    library.stop_reading_pages().await.map_err(user_error)
}

#[tauri::command]
pub async fn list_folders(library: State<'_, Library>) -> CommandResult<Vec<Folder>> {
    library.list_folders().await.map_err(user_error)
}

#[tauri::command]
pub async fn create_folder(library: State<'_, Library>, name: String) -> CommandResult<FolderId> {
    library.create_folder(&name).await.map_err(user_error)
}

#[tauri::command]
pub async fn rename_folder(
    library: State<'_, Library>,
    folder_id: FolderId,
    name: String,
) -> CommandResult<()> {
    library
        .rename_folder(folder_id, &name)
        .await
        .map_err(user_error)
}

/// The answer's token puts the folder back with its feeds.
#[tauri::command]
pub async fn delete_folder(
    library: State<'_, Library>,
    folder_id: FolderId,
) -> CommandResult<DeletedFolder> {
    library.delete_folder(folder_id).await.map_err(user_error)
}

#[tauri::command]
pub async fn list_articles(
    library: State<'_, Library>,
    view: ArticleView,
    after: Option<ArticleCursor>,
    options: Option<ListOptions>,
) -> CommandResult<ArticlePage> {
    let options = options.unwrap_or_default();
    library
        .list_articles_with(view, after, options)
        .await
        .map_err(user_error)
}

#[tauri::command]
pub async fn view_counts(library: State<'_, Library>) -> CommandResult<ViewCounts> {
    library.view_counts().await.map_err(user_error)
}

/// Marks a view's unread articles read (or those older than `older_than`); the answer's token
/// undoes it.
#[tauri::command]
pub async fn mark_view_read(
    library: State<'_, Library>,
    view: ArticleView,
    older_than: Option<i64>,
) -> CommandResult<MarkedRead> {
    library
        .mark_view_read(view, older_than)
        .await
        .map_err(user_error)
}

/// Marks read the unread articles above or below the row at `at`; the answer's token undoes it.
#[tauri::command]
pub async fn mark_read_beside(
    library: State<'_, Library>,
    view: ArticleView,
    options: ListOptions,
    at: ArticleCursor,
    side: Side,
) -> CommandResult<MarkedRead> {
    library
        .mark_read_beside(view, options, at, side)
        .await
        .map_err(user_error)
}

/// Undoes what gave the token `undo` (marking read, deleting a folder); false when too old.
#[tauri::command]
pub async fn undo(library: State<'_, Library>, undo: u64) -> CommandResult<bool> {
    library.undo(undo).await.map_err(user_error)
}

#[tauri::command]
pub async fn get_preferences(library: State<'_, Library>) -> CommandResult<Preferences> {
    library.preferences().await.map_err(user_error)
}

#[tauri::command]
pub async fn set_preferences(
    library: State<'_, Library>,
    preferences: Preferences,
) -> CommandResult<Preferences> {
    library
        .set_preferences(preferences)
        .await
        .map_err(user_error)
}

/// One article, its images pointed at the app's image scheme; `load_images` when the person
/// clicked to load images their setting holds back.
#[tauri::command]
pub async fn get_article(
    library: State<'_, Library>,
    id: ArticleId,
    load_images: bool,
) -> CommandResult<Article> {
    let route = |src: &str| tidings_core::media::app_image_url(id, src, load_images);
    library
        .article_for_display(id, route)
        .await
        .map_err(user_error)
}

#[tauri::command]
pub async fn set_read(library: State<'_, Library>, id: ArticleId, read: bool) -> CommandResult<()> {
    library.set_read(id, read).await.map_err(user_error)
}

/// Bookmarks (or un-bookmarks) an article; core keeps a bookmarked article's pictures offline
/// in the background (`work-report` says how it went).
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

/// Marks an article saved to read later (or no longer); its pictures are then kept offline.
#[tauri::command]
pub async fn set_saved(
    library: State<'_, Library>,
    id: ArticleId,
    saved: bool,
) -> CommandResult<()> {
    library.set_saved(id, saved).await.map_err(user_error)
}

/// Saves any page to read later, in reader mode; its pictures are then kept offline.
#[tauri::command]
pub async fn save_url(library: State<'_, Library>, address: String) -> CommandResult<SaveOutcome> {
    library.save_url(&address).await.map_err(user_error)
}

#[tauri::command]
pub async fn search(
    library: State<'_, Library>,
    query: SearchQuery,
    after: Option<SearchCursor>,
) -> CommandResult<SearchResults> {
    library.search(query, after).await.map_err(user_error)
}

#[tauri::command]
pub async fn get_settings(library: State<'_, Library>) -> CommandResult<Settings> {
    library.settings().await.map_err(user_error)
}

#[tauri::command]
pub async fn set_settings(
    library: State<'_, Library>,
    refresher: State<'_, Arc<Refresher>>,
    settings: Settings,
) -> CommandResult<()> {
    library.set_settings(settings).await.map_err(user_error)?;
    refresher.wake();
    Ok(())
}

/// Starts refreshing `scope` in the background unless a refresh is already running. Progress
/// arrives as `refresh-progress` events and the end as `refresh-finished` (or `refresh-failed`).
#[tauri::command]
pub fn refresh(app: AppHandle, refresher: State<'_, Arc<Refresher>>, scope: RefreshScope) {
    let refresher = Arc::clone(&refresher);
    tauri::async_runtime::spawn(async move {
        let progress = |p| emit(&app, "refresh-progress", p);
        if let Some(result) = refresher.refresh(scope, progress).await {
            report_refresh(&app, result);
        }
    });
}

#[tauri::command]
pub fn cancel_refresh(refresher: State<'_, Arc<Refresher>>) {
    refresher.cancel();
}

/// Asks for an OPML file with the system's file dialog and imports it; the webview never
/// names a path. `None` when the person cancelled the dialog.
#[tauri::command]
pub async fn import_opml(
    app: AppHandle,
    library: State<'_, Library>,
    refresher: State<'_, Arc<Refresher>>,
) -> CommandResult<Option<ImportReport>> {
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Import subscriptions")
        .add_filter("OPML", &["opml", "xml"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let progress = move |done, total| emit(&app, "import-progress", (done, total));
    let report = library
        .import_opml_file(&path, progress)
        .await
        .map_err(user_error)?;
    refresher.wake();
    Ok(Some(report))
}

/// Asks where to save with the system's file dialog and writes every subscription as OPML.
/// Returns where it was saved, or `None` when the person cancelled.
#[tauri::command]
pub async fn export_opml(
    app: AppHandle,
    library: State<'_, Library>,
) -> CommandResult<Option<String>> {
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Export subscriptions")
        .set_file_name("tidings-subscriptions.opml")
        .add_filter("OPML", &["opml"])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let opml = library.export_opml().await.map_err(user_error)?;
    std::fs::write(&path, opml).map_err(|e| UserError {
        kind: ErrorKind::Invalid,
        message: format!("could not write {}: {e}", path.display()),
    })?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a folder with the system's dialog and writes the selection there; `None` when the
/// person cancelled. The webview never names a path.
#[tauri::command]
pub async fn export_articles(
    app: AppHandle,
    library: State<'_, Library>,
    selection: ExportSelection,
    format: ExportFormat,
) -> CommandResult<Option<ExportReport>> {
    let Some(dir) = app
        .dialog()
        .file()
        .set_title("Export to folder")
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let report = library
        .export(selection, format, &dir)
        .await
        .map_err(user_error)?;
    Ok(Some(report))
}

/// Opens a web address in the system browser; anything but http(s) is refused.
#[tauri::command]
pub fn open_in_browser(app: AppHandle, url: String) -> CommandResult<()> {
    let url = tidings_core::fetch::parse_web_url(&url).map_err(|e| user_error(e.into()))?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| UserError::browser_did_not_open(url.as_str(), &e))
}

pub fn report_refresh(
    app: &AppHandle,
    result: tidings_core::Result<tidings_core::api::RefreshSummary>,
) {
    match result {
        Ok(summary) => emit(app, "refresh-finished", summary),
        Err(error) => emit(app, "refresh-failed", user_error(error)),
    }
}

pub fn emit<T: serde::Serialize + Clone>(app: &AppHandle, event: &str, payload: T) {
    if let Err(error) = app.emit(event, payload) {
        tracing::warn!(event, %error, "could not send an event to the UI");
    }
}
