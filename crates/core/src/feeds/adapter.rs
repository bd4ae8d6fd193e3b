//! Maps feed-rs's model onto ours: picks the right link, body, author and dates, turns titles into
//! plain text, and keeps only http(s) links and enclosures (feed-rs passes `javascript:` and
//! `file:` through).

use feed_rs::model::{Entry, Feed, FeedType, Link, Person, Text};
use mediatype::MediaTypeBuf;
use url::Url;

use super::text::{from_windows_1252_controls, person_name, plain_text};
use super::{
    Enclosure, ParseError, ParsedFeed, ParsedItem, base64, enclosures, recover, schedule, xml_base,
};
use crate::sanitize::escape_text;

pub(super) fn parse(bytes: &[u8], feed_url: &Url) -> Result<ParsedFeed, ParseError> {
    let document = recover::read(bytes, feed_url).map_err(|e| describe_failure(bytes, e))?;
    let bases = xml_base::item_body_bases(&document.bytes, feed_url);
    let skip_hours = schedule::skip_hours(&document.bytes);
    let context = Context {
        feed_url,
        guids_are_links: guids_are_links(&document.feed, &document.bytes),
        rss_enclosures: enclosures::rss_enclosures(&document.bytes, feed_url),
    };
    Ok(adapt(document.feed, &context, bases, skip_hours))
}

/// What the adapter learnt from the document besides feed-rs's model.
struct Context<'a> {
    feed_url: &'a Url,
    guids_are_links: bool,
    /// Each item's RSS enclosures, when feed-rs may have lost some (see [`enclosures`]).
    rss_enclosures: Option<Vec<Vec<Enclosure>>>,
}

/// An RSS guid is the item's permalink unless it says `isPermaLink="false"`; feed-rs drops that
/// attribute, so the document is searched for it, and only when an item has no link of its own
/// (a generator marks all its guids alike).
fn guids_are_links(feed: &Feed, document: &[u8]) -> bool {
    let is_rss = matches!(
        feed.feed_type,
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2
    );
    is_rss
        && feed.entries.iter().any(|e| web_link(&e.links).is_none())
        && !crate::scan::contains(document, b"isPermaLink=\"false\"")
        && !crate::scan::contains(document, b"isPermaLink='false'")
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

fn adapt(
    feed: Feed,
    context: &Context,
    bases: Vec<Option<Url>>,
    skip_hours: Vec<u8>,
) -> ParsedFeed {
    let feed_url = context.feed_url;
    let title = feed
        .title
        .as_ref()
        .map(text_to_plain)
        .filter(|t| !t.is_empty())
        .or_else(|| feed_url.host_str().map(str::to_string))
        .unwrap_or_else(|| feed_url.to_string());
    let site_url = web_link(&feed.links).map(Url::into);
    let self_url = feed
        .links
        .iter()
        .filter(|l| l.rel.as_deref() == Some("self"))
        .filter_map(|l| feed_url.join(l.href.trim()).ok())
        .find(is_web_url)
        .map(Url::into);
    let icon_url = [&feed.icon, &feed.logo]
        .into_iter()
        .flatten()
        .filter_map(|image| feed_url.join(image.uri.trim()).ok())
        .find(is_web_url)
        .map(Url::into);
    // The scans and feed-rs see the same items in the same order; if they ever disagree, trust
    // neither scan and rely on feed-rs alone.
    let count = feed.entries.len();
    let bases = Some(bases).filter(|b| b.len() == count);
    let rss_enclosures = context.rss_enclosures.as_ref().filter(|e| e.len() == count);
    let items = feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let scanned = Scanned {
                xml_base: bases.as_ref().and_then(|b| b[i].clone()),
                enclosures: rss_enclosures.map(|e| e[i].clone()).unwrap_or_default(),
            };
            adapt_entry(entry, &feed, context, scanned)
        })
        .collect();
    ParsedFeed {
        title,
        site_url,
        self_url,
        icon_url,
        language: feed.language.as_deref().and_then(super::text::language_tag),
        ttl_minutes: feed.ttl,
        skip_hours,
        items,
    }
}

/// What the document scans found for one item.
struct Scanned {
    xml_base: Option<Url>,
    enclosures: Vec<Enclosure>,
}

fn adapt_entry(entry: &Entry, feed: &Feed, context: &Context, scanned: Scanned) -> ParsedItem {
    let guid = Some(entry.id.trim().to_string()).filter(|id| !id.is_empty());
    // feed-rs gives JSON Feed attachments as plain links; the MIME type JSON Feed requires of
    // them is what tells them from the item's address.
    let is_json = feed.feed_type == FeedType::JSON;
    let (attachments, links): (Vec<&Link>, Vec<&Link>) = entry.links.iter().partition(|l| {
        l.rel.as_deref() == Some("enclosure") || (is_json && l.media_type.is_some())
    });
    let link = web_link(links).or_else(|| {
        guid.as_deref()
            .filter(|_| context.guids_are_links)
            .and_then(|g| Url::parse(g).ok())
            .filter(is_web_url)
    });
    let base_url = scanned
        .xml_base
        .filter(is_web_url)
        .or_else(|| link.clone())
        .unwrap_or_else(|| context.feed_url.clone());
    let (content_html, summary_html) = bodies(entry);
    let title = entry
        .title
        .as_ref()
        .or_else(|| entry.media.iter().find_map(|m| m.title.as_ref()))
        .map(text_to_plain)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| title_from_body(&content_html));
    ParsedItem {
        guid,
        link: link.map(Url::into),
        title,
        author: author(entry, feed),
        content_html,
        base_url,
        published_at: entry.published.map(|d| d.timestamp()),
        updated_at: entry.updated.map(|d| d.timestamp()),
        summary_html,
        enclosures: enclosures(entry, &attachments, scanned.enclosures),
    }
}

/// The richest body (full content, else the summary, else a media description), and the summary
/// too when there is separate full content.
fn bodies(entry: &Entry) -> (String, Option<String>) {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| Some((c.body.as_deref()?, &c.content_type)))
        .map(|(body, media_type)| to_html(body, media_type))
        .filter(|html| !html.trim().is_empty());
    let summary = entry
        .summary
        .as_ref()
        .or_else(|| entry.media.iter().find_map(|m| m.description.as_ref()))
        .map(|text| to_html(&text.content, &text.content_type))
        .filter(|html| !html.trim().is_empty());
    let (content, summary) = match (content, summary) {
        (Some(content), Some(summary)) if summary != content => (content, Some(summary)),
        (Some(content), _) => (content, None),
        (None, summary) => (summary.unwrap_or_default(), None),
    };
    (
        from_windows_1252_controls(content),
        summary.map(from_windows_1252_controls),
    )
}

/// A body of any declared type as HTML: plain text is escaped, HTML and XHTML kept, and any other
/// type (Atom's base64-encoded documents) decoded when it is text.
fn to_html(body: &str, media_type: &MediaTypeBuf) -> String {
    let (ty, subtype) = (media_type.ty().as_str(), media_type.subty().as_str());
    let suffix = media_type.suffix().map(|s| s.as_str());
    match (ty, subtype) {
        ("text", "html") | (_, "xhtml" | "xml") => body.to_string(),
        _ if suffix == Some("xml") => body.to_string(),
        ("text", _) => plain_to_html(body),
        _ => base64::decode_text(body.as_bytes()).unwrap_or_default(),
    }
}

/// Titles are shown as text. Whatever type a feed declares, real feeds put tags and entities in
/// plain-text titles too, so every title is read as HTML and reduced to its text.
fn text_to_plain(text: &Text) -> String {
    from_windows_1252_controls(plain_text(&text.content))
}

/// Plain text becomes paragraphs at blank lines and line breaks within them.
pub fn plain_to_html(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape_text(p).replace('\n', "<br>")))
        .collect()
}

pub fn title_from_body(html: &str) -> String {
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

/// The item's author's name: its own author, else an iTunes author, else the feed's (Atom and
/// JSON Feed entries inherit the feed's author).
fn author(entry: &Entry, feed: &Feed) -> Option<String> {
    let credits = entry
        .media
        .iter()
        .flat_map(|m| &m.credits)
        .map(|c| person_name(&c.entity));
    entry
        .authors
        .iter()
        .filter_map(display_name)
        .chain(credits)
        .chain(feed.authors.iter().filter_map(display_name))
        .find(|name| !name.is_empty())
}

fn display_name(person: &Person) -> Option<String> {
    let name = person
        .name
        .as_deref()
        .map(person_name)
        .filter(|n| !n.is_empty());
    name.or_else(|| person.email.as_deref().map(plain_text))
}

/// Attached files: RSS enclosures and Media RSS content (feed-rs merges the two), Atom
/// `rel="enclosure"` links and JSON Feed attachments; http(s) only, each URL once.
fn enclosures(entry: &Entry, attachments: &[&Link], scanned: Vec<Enclosure>) -> Vec<Enclosure> {
    let media = entry.media.iter().flat_map(|m| &m.content).filter_map(|c| {
        Some(Enclosure {
            url: c.url.as_ref()?.to_string(),
            mime_type: c.content_type.as_ref().map(ToString::to_string),
            length: c.size,
        })
    });
    let links = attachments.iter().map(|l| Enclosure {
        url: l.href.trim().to_string(),
        mime_type: l.media_type.clone().filter(|t| !t.trim().is_empty()),
        length: l.length,
    });
    let mut found: Vec<Enclosure> = Vec::new();
    for mut enclosure in scanned.into_iter().chain(media).chain(links) {
        let Some(url) = Url::parse(&enclosure.url).ok().filter(is_web_url) else {
            continue;
        };
        enclosure.url = url.into();
        if !found.iter().any(|e| e.url == enclosure.url) {
            found.push(enclosure);
        }
    }
    found
}

/// The link a person would open: an alternate (or unlabelled) http(s) link, not a comments page.
fn web_link<'a>(links: impl IntoIterator<Item = &'a Link>) -> Option<Url> {
    links
        .into_iter()
        .filter(|l| matches!(l.rel.as_deref(), None | Some("alternate")) && l.target.is_none())
        .filter_map(|l| Url::parse(l.href.trim()).ok())
        .find(is_web_url)
}

fn is_web_url(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.has_host()
}
