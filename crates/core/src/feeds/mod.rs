//! Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed) parsed into one model.
//!
//! feed-rs does the format work; [`recover`] gets real feeds' mistakes past it (charsets, broken
//! XML, dialects it does not know) and [`adapter`] maps its model onto ours. Everything here is
//! pure: bytes in, plain data out.

mod adapter;
mod base64;
mod charset;
mod dialect;
mod enclosures;
mod jsonfeed;
mod lenient;
mod recover;
mod schedule;
mod text;
mod xml_base;

use url::Url;

/// How a plain-text body and an untitled item are shown; public so that feedparser's answer key
/// (`tidings-testkit`) can hold feedparser's answers up to what a person sees.
pub use adapter::{plain_to_html, title_from_body};
pub(crate) use charset::windows_1252;

use crate::Timestamp;

/// A feed document as Tidings understands it. Titles are plain text; HTML is not yet sanitized.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub title: String,
    pub site_url: Option<String>,
    /// The address the feed names as its own (Atom's and RSS's `<atom:link rel="self">`), which
    /// may differ from where it was fetched.
    pub self_url: Option<String>,
    /// The picture the feed names for itself: Atom's `<icon>` (else `<logo>`), RSS's `<image>`,
    /// JSON Feed's `favicon` (else `icon`); http(s) only.
    pub icon_url: Option<String>,
    /// The language the feed says it is in (RSS `<language>`, Atom's `xml:lang`, JSON Feed's
    /// `language`), as a BCP 47 tag; `None` when it says nothing usable.
    pub language: Option<String>,
    /// RSS `<ttl>`: how many minutes the publisher says the feed may be cached.
    pub ttl_minutes: Option<u32>,
    /// RSS `<skipHours>`: UTC hours (0..=23) in which the publisher asks not to be polled; sorted,
    /// without duplicates.
    pub skip_hours: Vec<u8>,
    pub items: Vec<ParsedItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedItem {
    /// The feed's own identifier for the item, when it gave one.
    pub guid: Option<String>,
    /// The item's web page (http or https only).
    pub link: Option<String>,
    pub title: String,
    pub author: Option<String>,
    /// The richest body the feed offers (full content, else summary), as untrusted HTML.
    pub content_html: String,
    /// What relative URLs in `content_html` are relative to: `xml:base`, else the item's link,
    /// else the feed's own address.
    pub base_url: Url,
    pub published_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    /// The item's summary, as untrusted HTML, when the item also has separate full content (which
    /// is then `content_html`); `None` when the summary is the only body.
    pub summary_html: Option<String>,
    pub enclosures: Vec<Enclosure>,
}

/// A file attached to an item: a podcast episode, a video, an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enclosure {
    /// An absolute http or https URL.
    pub url: String,
    pub mime_type: Option<String>,
    /// Size in bytes, as the feed states it.
    pub length: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct ParseError {
    pub reason: String,
}

/// Parses a feed document fetched from `feed_url`.
pub fn parse(bytes: &[u8], feed_url: &Url) -> Result<ParsedFeed, ParseError> {
    adapter::parse(bytes, feed_url)
}

#[cfg(test)]
mod tests;
