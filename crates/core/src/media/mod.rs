//! Images, for reading offline and without the webview touching the network: which images an
//! article shows, fetching them through the backend (image types only, size caps, no cookies, no
//! Referer), and pointing the article's HTML at the app's own image scheme.

mod fetch;
mod html;
mod scheme;

pub use fetch::{ImageLimits, fetch_image, sniff_image_type};
pub use html::{image_urls, route_images};
pub use scheme::{
    AppImage, SCHEME, app_icon_url, app_image_url, parse_app_icon_url, parse_app_image_url,
    scheme_base,
};

/// A picture ready to serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub mime_type: String,
    pub bytes: Vec<u8>,
}

#[cfg(test)]
mod tests;
