use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_opener::OpenerExt;
use url::Url;

/// Creates the one window. It only ever shows the app itself: any attempt to navigate elsewhere
/// (a link in an article, a redirect) or to open another window is refused, and web links go to
/// the system browser.
pub fn create_main(app: &AppHandle) -> tauri::Result<()> {
    let dev_origin = app
        .config()
        .build
        .dev_url
        .as_ref()
        .filter(|_| tauri::is_dev())
        .map(Url::origin);
    let (navigating, opening) = (app.clone(), app.clone());
    WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
        .title("Tidings")
        .inner_size(1200.0, 800.0)
        .min_inner_size(480.0, 360.0)
        .on_navigation(move |url| {
            let inside = is_app_url(url) || dev_origin.as_ref() == Some(&url.origin());
            if !inside {
                open_outside(&navigating, url);
            }
            inside
        })
        .on_new_window(move |url, _features| {
            open_outside(&opening, &url);
            NewWindowResponse::Deny
        })
        .build()?;
    Ok(())
}

/// Shows the window and gives it focus (a second launch of the app lands here).
pub fn bring_forward(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Hands a web address to the system browser; anything else is refused.
fn open_outside(app: &AppHandle, url: &Url) {
    if !matches!(url.scheme(), "http" | "https") {
        tracing::warn!(%url, "refused to open");
        return;
    }
    if let Err(error) = app.opener().open_url(url.as_str(), None::<&str>) {
        tracing::warn!(%url, %error, "could not open the system browser");
    }
}

/// The app's own origins: `tauri://localhost` (Linux, macOS) and `http(s)://tauri.localhost`
/// (Windows).
fn is_app_url(url: &Url) -> bool {
    url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost")
}
