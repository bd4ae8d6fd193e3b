//! Tracking images: pictures in feeds, newsletters and pages that are there to tell their sender
//! that an article was opened, not to be seen. Fetching one is a read receipt, so none is kept.
//!
//! An image is taken for one when a person could not see it — a width or height of at most one
//! pixel, or hidden (`hidden`, `display: none`, `visibility: hidden`) — or when its address is a
//! known counter's, whatever its size. The list follows Miniflux's blocked resources, with the
//! open trackers of the newsletters feeds are made from (Mailchimp, Substack, Medium).
//!
//! [`without_tracking_images`] works on HTML the reader policy produced, which is how
//! [`super::sanitize_html`] ends; it is applied again wherever stored HTML is shown, exported or
//! has its pictures kept, so articles stored before this rule existed send no receipts either.

use std::borrow::Cow;

use url::Url;

/// Hosts (and their subdomains) whose pictures are counters, with the path under which they
/// count (`""`: everything on that host).
const TRACKERS: [(&str, &str); 14] = [
    // FeedBurner's per-item pixel (`/~r/Feed/~4/id`) and its "feed flare" buttons.
    ("feeds.feedburner.com", "/~r"),
    ("feeds.feedburner.com", "/~ff"),
    ("feedproxy.google.com", "/~r"),
    ("feedproxy.google.com", "/~ff"),
    ("feedsportal.com", ""),
    // WordPress.com and Jetpack statistics.
    ("stats.wordpress.com", ""),
    ("pixel.wp.com", ""),
    // Mailchimp's open tracker (`us1.list-manage.com/track/open.php`).
    ("list-manage.com", "/track"),
    // Substack's e-mail open tracker.
    ("eotrx.substackcdn.com", ""),
    // Medium's RSS items end with a 1×1 `/_/stat?event=post.clientViewed`.
    ("medium.com", "/_/stat"),
    ("google-analytics.com", ""),
    ("facebook.com", "/tr"),
    ("scorecardresearch.com", ""),
    ("quantserve.com", ""),
];

/// The value the reader policy gives an image's `style` when it hides the image: the only
/// `style` it ever lets through, and only so that [`without_tracking_images`] drops that image.
pub(super) const HIDDEN_MARK: &str = "display:none";

/// Whether an inline style hides an image or shrinks it to a pixel.
pub(super) fn style_hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let value = value.trim().to_ascii_lowercase();
        match property.trim().to_ascii_lowercase().as_str() {
            "display" => value.starts_with("none"),
            "visibility" => value.starts_with("hidden"),
            "width" | "height" | "max-width" | "max-height" => at_most_one_pixel(&value),
            _ => false,
        }
    })
}

/// Whether `address` is a known counter's (see [`TRACKERS`]).
pub fn is_tracking_address(address: &str) -> bool {
    let Ok(url) = Url::parse(address) else {
        return false;
    };
    let (Some(host), path) = (url.host_str(), url.path()) else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    TRACKERS.iter().any(|(tracker, under)| {
        let host_matches = host == *tracker
            || host
                .strip_suffix(tracker)
                .is_some_and(|sub| sub.ends_with('.'));
        host_matches
            && (under.is_empty()
                || path
                    .strip_prefix(under)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
    })
}

/// `html` (as the reader policy writes it) without its tracking images.
pub fn without_tracking_images(html: &str) -> Cow<'_, str> {
    if !html.contains("<img") {
        return Cow::Borrowed(html);
    }
    let mut kept = String::new();
    let mut copied = 0;
    for (start, end) in tags(html) {
        let tag = &html[start..end];
        if is_img(tag) && is_tracking_image(tag) {
            kept.push_str(&html[copied..start]);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    kept.push_str(&html[copied..]);
    Cow::Owned(kept)
}

fn is_img(tag: &str) -> bool {
    tag.strip_prefix("<img")
        .is_some_and(|rest| rest.starts_with([' ', '>', '/']))
}

fn is_tracking_image(tag: &str) -> bool {
    attributes(tag).any(|(name, value)| match name {
        "width" | "height" => at_most_one_pixel(value),
        // Kept by the policy on images only when they are hidden.
        "style" | "hidden" => true,
        "src" => is_tracking_address(&value.replace("&amp;", "&")),
        _ => false,
    })
}

/// A length of at most one pixel: `0`, `1`, `1px`, `0.5`.
fn at_most_one_pixel(value: &str) -> bool {
    let value = value.trim();
    let number = value
        .strip_suffix("px")
        .or_else(|| value.strip_suffix("PX"))
        .unwrap_or(value)
        .trim();
    number
        .parse::<f64>()
        .is_ok_and(|n| (0.0..=1.0).contains(&n))
}

/// The byte ranges of the tags in serialized HTML, `<` to `>` inclusive. Text there holds no
/// `<` (it is escaped), but attribute values may hold both `<` and `>`; they are always
/// double-quoted, so a quote-aware walk finds each tag's end exactly.
fn tags(html: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = html.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + crate::scan::find_byte(b'<', &bytes[at..])?;
        let mut quoted = false;
        let mut end = start + 1;
        while end < bytes.len() {
            match bytes[end] {
                b'"' => quoted = !quoted,
                b'>' if !quoted => break,
                _ => {}
            }
            end += 1;
        }
        at = (end + 1).min(bytes.len());
        Some((start, at))
    })
}

/// The attributes of one serialized start tag, values as written (escaped).
fn attributes(tag: &str) -> impl Iterator<Item = (&str, &str)> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut rest = inner.split_once(' ').map_or("", |(_, rest)| rest);
    std::iter::from_fn(move || {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let name_end = rest.find(['=', ' ']).unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = &rest[name_end..];
        let Some(quoted) = rest.strip_prefix("=\"") else {
            return Some((name, ""));
        };
        let value_end = quoted.find('"').unwrap_or(quoted.len());
        let value = &quoted[..value_end];
        rest = quoted.get(value_end + 1..).unwrap_or("");
        Some((name, value))
    })
}

#[cfg(test)]
#[path = "tests/trackers.rs"]
mod tests;
