//! JSON Feeds rewritten into exactly the shape feed-rs reads.
//!
//! feed-rs deserialises a JSON Feed into strict types, so one optional field of the wrong type
//! refuses the whole document: `"tags": "workflow,omnifocus"` (a template that joins a post's
//! tags), a numeric `id`, an `author` given as a bare name, an attachment without its
//! `mime_type`, even a key written twice. NetNewsWire and feedparser read such feeds and drop or
//! coerce what they cannot use, and so do we: every field feed-rs reads is coerced to its type
//! (numbers to strings, a comma-separated tags string to a list, a lone object to a list of one,
//! Unix times to dates) or dropped, and items that are not objects at all are dropped. Fields
//! feed-rs ignores are left out.
//!
//! Pure, bytes in and bytes out. It runs only after feed-rs refused a document or read it short
//! (see [`super::recover`]); its work is one pass over the parsed value, and serde_json's nesting
//! limit bounds the depth it sees.

use serde_json::{Map, Value};

/// The version feed-rs is told the document is: it refuses versions it does not know, and feeds
/// give none, or `http://` for `https://`.
const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// The document as feed-rs can read it, or `None` when it is not a JSON Feed (no items, and no
/// version naming JSON Feed) or not JSON at all.
pub(super) fn normalise(bytes: &[u8]) -> Option<Vec<u8>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Value::Object(document) = serde_json::from_slice::<Value>(bytes).ok()? else {
        return None;
    };
    let declares_json_feed = document
        .get("version")
        .and_then(Value::as_str)
        .is_some_and(|v| v.contains("jsonfeed.org"));
    let mut feed = Map::new();
    let mut items = None;
    let mut people = Vec::new();
    for (key, value) in document {
        match key.as_str() {
            "title" | "home_page_url" | "feed_url" | "description" | "icon" | "favicon"
            | "language" => insert_text(&mut feed, key, value),
            "author" | "authors" => collect_people(value, &mut people),
            "items" => items = Some(value),
            _ => {}
        }
    }
    let items = match items {
        Some(Value::Array(items)) => items,
        Some(item @ Value::Object(_)) => vec![item],
        _ if declares_json_feed => Vec::new(),
        _ => return None,
    };
    feed.insert("version".into(), VERSION.into());
    // The spec requires a title; without one the adapter names the feed after its host.
    feed.entry("title").or_insert_with(|| "".into());
    insert_people(&mut feed, people);
    let items = items.into_iter().filter_map(item).collect();
    feed.insert("items".into(), Value::Array(items));
    serde_json::to_vec(&Value::Object(feed)).ok()
}

fn item(value: Value) -> Option<Value> {
    let Value::Object(fields) = value else {
        return None;
    };
    let mut item = Map::new();
    let mut people = Vec::new();
    for (key, value) in fields {
        match key.as_str() {
            "id" | "url" | "external_url" | "title" | "content_html" | "content_text"
            | "summary" => insert_text(&mut item, key, value),
            "date_published" | "date_modified" => {
                if let Some(date) = date(value) {
                    item.insert(key, date.into());
                }
            }
            "author" | "authors" => collect_people(value, &mut people),
            "tags" => {
                item.insert(key, Value::Array(tags(value)));
            }
            "attachments" => {
                let attachments = one_or_many(value).filter_map(attachment).collect();
                item.insert(key, Value::Array(attachments));
            }
            _ => {}
        }
    }
    insert_people(&mut item, people);
    Some(Value::Object(item))
}

/// A string as it is; a number as it is written (ids like `4711`, titles like `2024`).
fn text(value: Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn insert_text(object: &mut Map<String, Value>, key: String, value: Value) {
    if let Some(text) = text(value) {
        object.insert(key, text.into());
    }
}

/// A date string is left to feed-rs, which drops what it cannot read. A number is a Unix time:
/// seconds below 10^11 (dates before the year 5138), else milliseconds, as JavaScript's
/// `Date.now()` writes them (dates after 1973).
fn date(value: Value) -> Option<String> {
    const LATEST_SECONDS: i64 = 100_000_000_000;
    match value {
        Value::String(date) => Some(date),
        Value::Number(number) => {
            let number = number.as_i64().or_else(|| {
                let float = number.as_f64()?;
                float.is_finite().then_some(float as i64)
            })?;
            let seconds = if number < LATEST_SECONDS {
                number
            } else {
                number / 1000
            };
            let date = chrono::DateTime::from_timestamp(seconds, 0).filter(|_| seconds > 0)?;
            Some(date.to_rfc3339())
        }
        _ => None,
    }
}

/// Tags as a list of strings: a string is read as comma-separated tags, the way templates that
/// join a post's tags write them.
fn tags(value: Value) -> Vec<Value> {
    match value {
        Value::String(joined) => joined
            .split(',')
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
            .map(Value::from)
            .collect(),
        Value::Array(tags) => tags.into_iter().filter_map(text).map(Value::from).collect(),
        _ => Vec::new(),
    }
}

/// A list's members, or a lone value as a list of one.
fn one_or_many(value: Value) -> impl Iterator<Item = Value> {
    let values = match value {
        Value::Array(values) => values,
        Value::Null => Vec::new(),
        one => vec![one],
    };
    values.into_iter()
}

/// JSON Feed 1.0's `author` and 1.1's `authors`, given as objects, bare names or lists of
/// either, gathered into one list of `{name, url}` objects.
fn collect_people(value: Value, people: &mut Vec<Value>) {
    for person in one_or_many(value) {
        let mut fields = Map::new();
        match person {
            Value::Object(person) => {
                for (key, value) in person {
                    if matches!(key.as_str(), "name" | "url") {
                        insert_text(&mut fields, key, value);
                    }
                }
            }
            Value::String(name) => {
                fields.insert("name".into(), name.into());
            }
            _ => continue,
        }
        people.push(Value::Object(fields));
    }
}

fn insert_people(object: &mut Map<String, Value>, people: Vec<Value>) {
    if !people.is_empty() {
        object.insert("authors".into(), Value::Array(people));
    }
}

/// An attachment with a URL. One without a MIME type gets an empty one: the adapter tells
/// attachments from the item's links by their having one, and drops it when it is blank.
fn attachment(value: Value) -> Option<Value> {
    let Value::Object(fields) = value else {
        return None;
    };
    let mut attachment = Map::new();
    for (key, value) in fields {
        match key.as_str() {
            "url" | "mime_type" | "title" => insert_text(&mut attachment, key, value),
            "size_in_bytes" => {
                if let Some(size) = size(value) {
                    attachment.insert(key, size.into());
                }
            }
            _ => {}
        }
    }
    attachment.get("url")?;
    attachment.entry("mime_type").or_insert_with(|| "".into());
    Some(Value::Object(attachment))
}

/// A size in bytes, also when written as a string or as a whole float.
fn size(value: Value) -> Option<u64> {
    match value {
        Value::Number(number) => number.as_u64().or_else(|| {
            let float = number.as_f64()?;
            (float >= 0.0 && float.fract() == 0.0 && float < u64::MAX as f64)
                .then_some(float as u64)
        }),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}
