//! Commands that ask the person with the system's dialogs (the webview never names a path) or hand
//! an address to the system's browser.

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tidings_core::api::{ErrorKind, ImportReport, UserError};
use tidings_core::export::{ExportFormat, ExportReport, ExportSelection};

use crate::declare::Shell;

/// Asks for an OPML file and imports it; `None` when the person cancelled the dialog.
pub async fn import_opml(app: &AppHandle) -> Result<Option<ImportReport>, UserError> {
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
    Ok(Some(app.library()?.import_opml_file(&path).await?))
}

/// Asks where to save and writes every subscription as OPML; where it was saved, or `None` when
/// the person cancelled.
pub async fn export_opml(app: &AppHandle) -> Result<Option<String>, UserError> {
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
    let opml = app.library()?.export_opml().await?;
    std::fs::write(&path, opml).map_err(|e| UserError {
        kind: ErrorKind::Invalid,
        message: format!("could not write {}: {e}", path.display()),
    })?;
    Ok(Some(path.display().to_string()))
}

/// Asks where to save and writes every rule as JSON; where it was saved, or `None` when the
/// person cancelled.
pub async fn export_rules(app: &AppHandle) -> Result<Option<String>, UserError> {
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Export rules")
        .set_file_name("tidings-rules.json")
        .add_filter("JSON", &["json"])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let json = app.library()?.export_rules().await?;
    std::fs::write(&path, json).map_err(|e| UserError {
        kind: ErrorKind::Invalid,
        message: format!("could not write {}: {e}", path.display()),
    })?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a rules file and adds its rules; how many, or `None` when the person cancelled.
pub async fn import_rules(app: &AppHandle) -> Result<Option<u64>, UserError> {
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Import rules")
        .add_filter("JSON", &["json"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let added = app.library()?.import_rules_file(&path).await?;
    Ok(Some(added as u64))
}

/// Asks for a folder and writes the selection there; `None` when the person cancelled.
pub async fn export_articles(
    app: &AppHandle,
    selection: ExportSelection,
    format: ExportFormat,
) -> Result<Option<ExportReport>, UserError> {
    let Some(dir) = app
        .dialog()
        .file()
        .set_title("Export to folder")
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    Ok(Some(app.library()?.export(selection, format, &dir).await?))
}

pub async fn export_highlights(app: &AppHandle) -> Result<Option<ExportReport>, UserError> {
    let Some(dir) = app
        .dialog()
        .file()
        .set_title("Export highlights to folder")
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    Ok(Some(app.library()?.export_highlights(&dir, None).await?))
}

/// Anything but an http(s) address is refused.
pub fn open_in_browser(app: &AppHandle, url: &str) -> Result<(), UserError> {
    let url = tidings_core::fetch::parse_web_url(url).map_err(tidings_core::Error::from)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| UserError::browser_did_not_open(url.as_str(), &e))
}
