//! Addresses of the app's own image scheme: what the webview asks for instead of the network.
//! `tidings://localhost/image?article=<id>&src=<original>` (on Windows
//! `http://tidings.localhost/…`); with `&load=1` when the person asked for the image with a click.
//! The article says where the image may be fetched from (see [`crate::fetch::Reach`]).
//! `tidings://localhost/icon?feed=<id>&v=<when it was fetched>` is a feed's icon, served only
//! from the library (`v` changes when the icon does, so the webview never shows a stale one).

use url::{Url, form_urlencoded};

use crate::Timestamp;
use crate::api::{ArticleId, FeedId};

/// What an app image address asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppImage {
    /// The article showing the image.
    pub article: ArticleId,
    /// The image's original address.
    pub src: String,
    /// The person clicked to load it.
    pub requested: bool,
}

/// The scheme's name, registered by the app shell.
pub const SCHEME: &str = "tidings";

/// Where the webview reaches the scheme on this platform.
pub fn scheme_base() -> &'static str {
    if cfg!(windows) {
        "http://tidings.localhost/"
    } else {
        "tidings://localhost/"
    }
}

/// The app address that serves the image at `src` in article `article`.
pub fn app_image_url(article: ArticleId, src: &str, requested: bool) -> String {
    let src: String = form_urlencoded::byte_serialize(src.as_bytes()).collect();
    let load = if requested { "&load=1" } else { "" };
    format!("{}image?article={article}&src={src}{load}", scheme_base())
}

/// What an app image address asks for. `None` for anything else, or for an original that isn't
/// http(s).
pub fn parse_app_image_url(address: &str) -> Option<AppImage> {
    let url = Url::parse(address).ok()?;
    if url.path() != "/image" {
        return None;
    }
    let (mut article, mut src, mut requested) = (None, None, false);
    for (key, value) in url.query_pairs() {
        match key.as_ref() {
            "article" => article = value.parse().ok(),
            "src" => src = Some(value.into_owned()),
            "load" => requested = value == "1",
            _ => {}
        }
    }
    let src =
        src.filter(|s| Url::parse(s).is_ok_and(|u| matches!(u.scheme(), "http" | "https")))?;
    Some(AppImage {
        article: article?,
        src,
        requested,
    })
}

/// The app address of feed `feed`'s icon, as fetched at `fetched_at`.
pub fn app_icon_url(feed: FeedId, fetched_at: Timestamp) -> String {
    format!("{}icon?feed={feed}&v={fetched_at}", scheme_base())
}

/// The feed whose icon an app address asks for; `None` for any other address.
pub fn parse_app_icon_url(address: &str) -> Option<FeedId> {
    let url = Url::parse(address).ok()?;
    if url.path() != "/icon" {
        return None;
    }
    url.query_pairs()
        .find(|(key, _)| key == "feed")
        .and_then(|(_, value)| value.parse().ok())
}

#[cfg(test)]
#[path = "tests/scheme.rs"]
mod tests;
