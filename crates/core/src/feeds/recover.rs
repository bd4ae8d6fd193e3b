//! Reading a document with feed-rs, and recovering when it refuses.
//!
//! The happy path is one feed-rs parse of the bytes as they came. The document is repaired and
//! parsed again only when that parse fails or reads nothing (Atom 0.3, an `<rss>` version feed-rs
//! does not dispatch on), or when what it read, plus a byte search in the cases that call for one,
//! says feed-rs missed something: entities declared in the DOCTYPE (it leaves them unexpanded),
//! items it dropped or read blank, XHTML bodies and unescaped HTML (which it skips). The repair
//! makes the charset readable ([`super::charset`]), the XML well-formed ([`super::lenient`]) and
//! the dialect one feed-rs knows ([`super::dialect`]); a JSON Feed gets every field feed-rs reads
//! in the type it expects ([`super::jsonfeed`]). A clean feed costs one parse and a few checks of
//! what it yielded.

use crate::scan::find;
use std::borrow::Cow;

use feed_rs::model::{Entry, Feed};
use feed_rs::parser::ParseFeedError;
use url::Url;

use super::dialect::Dialect;
use super::{charset, jsonfeed, lenient};
use crate::scan::contains;

/// A parsed document and the bytes feed-rs read, for the scans that follow it.
pub(super) struct Document<'a> {
    pub feed: Feed,
    pub bytes: Cow<'a, [u8]>,
}

pub(super) fn read<'a>(bytes: &'a [u8], feed_url: &Url) -> Result<Document<'a>, ParseFeedError> {
    let prepared = before_parsing(charset::prepare(bytes));
    let first = parse(&prepared, feed_url);
    let first_is_empty = first.as_ref().is_ok_and(is_empty);
    let needs_repair = match &first {
        Ok(feed) => {
            first_is_empty
                || declares_entities(&prepared)
                || has_blank_items(feed)
                || (feed.entries.is_empty() && has_items(&prepared))
                || (lacks_bodies(feed) && has_markup_feed_rs_skips(&prepared))
        }
        Err(_) => true,
    };
    if !needs_repair {
        return first.map(|feed| Document {
            feed,
            bytes: prepared,
        });
    }
    let repaired = repair(bytes);
    match parse(&repaired, feed_url) {
        Ok(feed) if first.is_err() || first_is_empty || !is_empty(&feed) => Ok(Document {
            feed,
            bytes: Cow::Owned(repaired),
        }),
        _ => first.map(|feed| Document {
            feed,
            bytes: prepared,
        }),
    }
}

fn parse(bytes: &[u8], feed_url: &Url) -> Result<Feed, ParseFeedError> {
    let parse = || {
        feed_rs::parser::Builder::new()
            .base_uri(Some(feed_url.as_str()))
            // feed-rs invents ids (link hashes, random UUIDs) for items without one. A random
            // id would make the same item look new on every refresh, so ask for none and let
            // the store fall back to link, then content hash.
            .id_generator(|_, _, _| String::new())
            .sanitize_content(false)
            .build()
            .parse(bytes)
    };
    // quick-xml asserts things about its input that a hostile document can break (see
    // `charset::prepare` for the one we know of and avoid); one bad feed must not take the
    // refresh of all the others down with it.
    std::panic::catch_unwind(parse).unwrap_or_else(|_| {
        Err(ParseFeedError::IoError(std::io::Error::other(
            "the XML reader failed on this document",
        )))
    })
}

fn is_empty(feed: &Feed) -> bool {
    feed.entries.is_empty()
        && feed
            .title
            .as_ref()
            .is_none_or(|t| t.content.trim().is_empty())
}

fn has_no_body(entry: &Entry) -> bool {
    entry.content.is_none()
        && entry.summary.is_none()
        && entry.media.iter().all(|m| m.description.is_none())
}

fn lacks_bodies(feed: &Feed) -> bool {
    feed.entries.iter().any(has_no_body)
}

/// Items with neither a title nor a body: what they have is in elements feed-rs does not read
/// (Dublin Core's `dc:title`, `dc:description`), if anywhere.
fn has_blank_items(feed: &Feed) -> bool {
    feed.entries
        .iter()
        .any(|e| e.title.is_none() && has_no_body(e))
}

/// Items feed-rs did not read: RSS 1.0 items without a link, items in a namespace it ignores.
fn has_items(bytes: &[u8]) -> bool {
    contains(bytes, b"<item") || contains(bytes, b":item") || contains(bytes, b"<entry")
}

/// An XHTML `<body>` or a `<fullitem>` in an item, or an RSS `<description>` whose HTML is not
/// escaped.
fn has_markup_feed_rs_skips(bytes: &[u8]) -> bool {
    if contains(bytes, b"<body") || contains(bytes, b":body") || contains(bytes, b"<fullitem") {
        return true;
    }
    let mut rest = bytes;
    while let Some(at) = find(rest, b"<description") {
        rest = &rest[at..];
        let Some(end) = rest.iter().position(|b| *b == b'>') else {
            return false;
        };
        rest = &rest[end + 1..];
        let body = rest.trim_ascii_start();
        if body.first() == Some(&b'<') && body.get(1).is_some_and(u8::is_ascii_alphabetic) {
            return true;
        }
    }
    false
}

/// Entity declarations live in the DOCTYPE, before the root element.
fn declares_entities(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    contains(head, b"<!ENTITY")
}

/// RSS 0.90 is RDF with one of Netscape's namespaces; feed-rs only reads items in the RSS 1.0
/// namespace, which has the same elements.
const RSS_090_NAMESPACES: [&[u8]; 2] = [
    b"http://channel.netscape.com/rdf/simple/0.9/",
    b"http://my.netscape.com/rdf/simple/0.9/",
];
const RSS_10_NAMESPACE: &[u8] = b"http://purl.org/rss/1.0/";

fn before_parsing(bytes: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    let head = &bytes[..bytes.len().min(4096)];
    let Some((at, namespace)) = RSS_090_NAMESPACES
        .iter()
        .find_map(|ns| Some((find(head, ns)?, ns)))
    else {
        return bytes;
    };
    let mut fixed = Vec::with_capacity(bytes.len());
    fixed.extend_from_slice(&bytes[..at]);
    fixed.extend_from_slice(RSS_10_NAMESPACE);
    fixed.extend_from_slice(&bytes[at + namespace.len()..]);
    Cow::Owned(fixed)
}

fn repair(bytes: &[u8]) -> Vec<u8> {
    let prepared = charset::prepare(bytes);
    let readable = before_parsing(charset::to_readable(&prepared));
    if is_json(&readable) {
        return jsonfeed::normalise(&readable).unwrap_or_else(|| readable.into_owned());
    }
    lenient::rewrite(&readable, &mut Dialect::default())
}

fn is_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.trim_ascii_start().first() == Some(&b'{')
}
