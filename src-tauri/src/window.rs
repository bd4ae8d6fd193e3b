use tauri::{AppHandle, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_opener::OpenerExt;
use url::Url;

/// Creates the one window. It only ever shows the app itself: any attempt to navigate elsewhere
/// (a link in an article, a redirect) is refused, and web links go to the system browser.
pub fn create_main(app: &AppHandle) -> tauri::Result<()> {
    let opener = app.clone();
    let dev_origin = app
        .config()
        .build
        .dev_url
        .as_ref()
        .filter(|_| tauri::is_dev())
        .map(Url::origin);
    WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
        .title("Tidings")
        .inner_size(1200.0, 800.0)
        .min_inner_size(480.0, 360.0)
        .on_navigation(move |url| {
            if is_app_url(url) || dev_origin.as_ref() == Some(&url.origin()) {
                return true;
            }
            if matches!(url.scheme(), "http" | "https") {
                if let Err(error) = opener.opener().open_url(url.as_str(), None::<&str>) {
                    tracing::warn!(%url, %error, "could not open the system browser");
                }
            } else {
                tracing::warn!(%url, "refused to navigate");
            }
            false
        })
        .build()?;
    Ok(())
}

/// The app's own origins: `tauri://localhost` (Linux, macOS) and `http(s)://tauri.localhost`
/// (Windows).
fn is_app_url(url: &Url) -> bool {
    url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost")
}
