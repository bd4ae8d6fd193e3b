//! Maps feed-rs's model onto ours: picks the right link, body and dates, turns titles into plain
//! text, and drops links that are not http(s) (feed-rs passes `javascript:` and `file:` through).

use feed_rs::model::{Entry, Feed, Link, Text};
use mediatype::MediaTypeBuf;
use url::Url;

use super::{ParseError, ParsedFeed, ParsedItem, recover, xml_base};
use crate::sanitize::{escape_text, plain_text};

pub(super) fn parse(bytes: &[u8], feed_url: &Url) -> Result<ParsedFeed, ParseError> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(feed_url.as_str()))
        // feed-rs invents ids (link hashes, random UUIDs) for items without one. A random id
        // would make the same item look new on every refresh, so ask for none and let the store
        // fall back to link, then content hash.
        .id_generator(|_, _, _| String::new())
        .build();
    let bytes = recover::before_parsing(bytes);
    let feed = parser
        .parse(bytes.as_ref())
        .map_err(|e| describe_failure(&bytes, e))?;
    let bases = xml_base::item_body_bases(&bytes, feed_url);
    Ok(adapt(feed, feed_url, bases))
}

fn describe_failure(bytes: &[u8], error: feed_rs::parser::ParseFeedError) -> ParseError {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let reason = if bytes.iter().all(u8::is_ascii_whitespace) {
        "the server sent an empty document, not a feed".to_string()
    } else if head.contains("<!doctype html") || head.contains("<html") {
        "this is a web page, not a feed (no RSS, Atom or JSON Feed document found)".to_string()
    } else {
        match error {
            feed_rs::parser::ParseFeedError::ParseError(
                feed_rs::parser::ParseErrorKind::NoFeedRoot,
            ) => "no RSS, Atom or JSON Feed document found".to_string(),
            other => format!("the feed is malformed: {other}"),
        }
    };
    ParseError { reason }
}

fn adapt(feed: Feed, feed_url: &Url, bases: Vec<Option<Url>>) -> ParsedFeed {
    let title = feed
        .title
        .as_ref()
        .map(text_to_plain)
        .filter(|t| !t.is_empty())
        .or_else(|| feed_url.host_str().map(str::to_string))
        .unwrap_or_else(|| feed_url.to_string());
    let site_url = web_link(&feed.links).map(Url::into);
    // The scan and feed-rs see the same items in the same order; if they ever disagree, trust
    // neither and fall back to links.
    let bases = if bases.len() == feed.entries.len() {
        bases
    } else {
        Vec::new()
    };
    let mut bases = bases.into_iter();
    let items = feed
        .entries
        .into_iter()
        .map(|entry| adapt_entry(entry, feed_url, bases.next().flatten()))
        .collect();
    ParsedFeed {
        title,
        site_url,
        items,
    }
}

fn adapt_entry(entry: Entry, feed_url: &Url, xml_base: Option<Url>) -> ParsedItem {
    let link = web_link(&entry.links);
    let base_url = xml_base
        .filter(is_web_url)
        .or_else(|| link.clone())
        .unwrap_or_else(|| feed_url.clone());
    let content_html = body_html(&entry);
    let title = entry
        .title
        .as_ref()
        .map(text_to_plain)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| title_from_body(&content_html));
    let author = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().map(plain_text))
        .find(|name| !name.is_empty());
    ParsedItem {
        guid: Some(entry.id.trim().to_string()).filter(|id| !id.is_empty()),
        link: link.map(Url::into),
        title,
        author,
        content_html,
        base_url,
        published_at: entry.published.map(|d| d.timestamp()),
        updated_at: entry.updated.map(|d| d.timestamp()),
    }
}

/// The richest body available: full content, else the summary, else a media description.
fn body_html(entry: &Entry) -> String {
    if let Some(content) = &entry.content
        && let Some(body) = content.body.as_deref().filter(|b| !b.trim().is_empty())
    {
        return if is_plain_text(&content.content_type) {
            plain_to_html(body)
        } else {
            body.to_string()
        };
    }
    let fallback = entry
        .summary
        .as_ref()
        .or_else(|| entry.media.iter().find_map(|m| m.description.as_ref()));
    fallback.map(text_to_html).unwrap_or_default()
}

fn text_to_html(text: &Text) -> String {
    if is_plain_text(&text.content_type) {
        plain_to_html(&text.content)
    } else {
        text.content.clone()
    }
}

fn is_plain_text(media_type: &MediaTypeBuf) -> bool {
    media_type.ty().as_str() == "text" && media_type.subty().as_str() == "plain"
}

/// Titles are shown as text. Whatever type a feed declares, real feeds put tags and entities in
/// plain-text titles too, so every title is read as HTML and reduced to its text.
fn text_to_plain(text: &Text) -> String {
    plain_text(&text.content)
}

/// Plain text becomes paragraphs at blank lines and line breaks within them.
fn plain_to_html(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape_text(p).replace('\n', "<br>")))
        .collect()
}

fn title_from_body(html: &str) -> String {
    const MAX_CHARS: usize = 80;
    let text = plain_text(html);
    if text.is_empty() {
        return "Untitled".to_string();
    }
    if text.chars().count() <= MAX_CHARS {
        return text;
    }
    let cut: String = text.chars().take(MAX_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The link a person would open: an alternate (or unlabelled) http(s) link.
fn web_link(links: &[Link]) -> Option<Url> {
    links
        .iter()
        .filter(|l| matches!(l.rel.as_deref(), None | Some("alternate")))
        .chain(links.iter())
        .filter_map(|l| Url::parse(l.href.trim()).ok())
        .find(is_web_url)
}

fn is_web_url(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.has_host()
}
