//! Fetching one image: through the shared HTTP client's rules (no cookies, no Referer, timeouts,
//! redirect checks) plus image-only rules: the server must say it is an image, the bytes must
//! look like one, and it must fit the cap.

use url::Url;

use super::Image;
use crate::fetch::{FetchError, FetchOutcome, Fetcher, Reach, Validators};

/// Caps on what offline images may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageLimits {
    pub per_image: usize,
    pub per_article: usize,
}

impl Default for ImageLimits {
    fn default() -> Self {
        ImageLimits {
            per_image: 5 * 1024 * 1024,
            per_article: 25 * 1024 * 1024,
        }
    }
}

/// Fetches the image at `url` with `fetcher` (whose body cap should be the per-image cap), going
/// no further than `reach`.
pub async fn fetch_image(fetcher: &Fetcher, url: &Url, reach: Reach) -> Result<Image, FetchError> {
    let fetched = match fetcher
        .get_reaching(url, &Validators::default(), reach)
        .await?
    {
        FetchOutcome::Fetched(fetched) => fetched,
        FetchOutcome::NotModified(_) => return Err(FetchError::unexpected_not_modified()),
    };
    let declared = fetched
        .content_type
        .as_deref()
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let Some(sniffed) = sniff_image_type(&fetched.body) else {
        return Err(FetchError::NotAnImage(if declared.is_empty() {
            "unknown content".to_string()
        } else {
            declared
        }));
    };
    if !declared.starts_with("image/") && declared != "application/octet-stream" {
        return Err(FetchError::NotAnImage(declared));
    }
    Ok(Image {
        mime_type: sniffed.to_string(),
        bytes: fetched.body,
    })
}

/// The image type the bytes themselves show, whatever the server claimed.
pub fn sniff_image_type(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if starts(b"\xff\xd8\xff") {
        Some("image/jpeg")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && matches!(&bytes[8..12], b"avif" | b"avis")
    {
        Some("image/avif")
    } else if starts(b"\x00\x00\x01\x00") && bytes.len() >= 6 {
        // Windows icons: what a site's /favicon.ico usually is.
        Some("image/x-icon")
    } else if looks_like_svg(bytes) {
        Some("image/svg+xml")
    } else {
        None
    }
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    head.trim_start().starts_with('<') && head.contains("<svg")
}
