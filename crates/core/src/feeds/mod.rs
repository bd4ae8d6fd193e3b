//! Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed) parsed into one model.
//!
//! feed-rs does the format work; [`adapter`] maps its model onto ours and is the only place that
//! knows feed-rs exists. Everything here is pure: bytes in, plain data out.

mod adapter;
pub mod discover;
pub mod opml;
mod recover;
mod xml_base;

use url::Url;

use crate::Timestamp;

/// A feed document as Tidings understands it. Titles are plain text; HTML is not yet sanitized.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub title: String,
    pub site_url: Option<String>,
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
