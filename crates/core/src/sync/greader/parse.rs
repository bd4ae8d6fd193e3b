//! The Google Reader API's answers, read into plain data: pure functions, bytes in, so they can
//! be tested on recorded answers and fuzzed.
//!
//! Servers differ in the small things (FreshRSS sends ids as text, others as numbers; Inoreader
//! leaves out fields FreshRSS fills; some send `null`), so each field is read leniently and only
//! a wrong shape of the whole answer is an error. An entry that cannot be used at all (an article
//! without an id or a feed, a subscription without an address) is left out and logged: one bad
//! article must not stop every later sync. Duplicates keep their first occurrence.

use std::collections::HashSet;

use crate::sync::lenient::{self, kind, start};
use serde_json::{Map, Value};

use crate::Timestamp;
use crate::sanitize::plain_text;
use crate::sync::{RemoteFeed, RemoteItem, SyncError};

/// The prefix of an item id's long form; the rest is 16 hex digits.
const LONG_ID: &str = "tag:google.com,2005:reader/item/";
/// Later than any real article's date (the year 9999): beyond it a date is noise.
const LAST_SENSIBLE_SECOND: i64 = 253_402_300_799;

/// One page of `stream/contents`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stream {
    pub items: Vec<StreamItem>,
    /// Where the next page starts; `None` on the last page.
    pub continuation: Option<String>,
    /// The server's clock when it answered, in seconds (`updated`).
    pub updated: Option<i64>,
}

/// An article with what a client pages by: when the server crawled it, in microseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamItem {
    pub item: RemoteItem,
    pub crawled_us: Option<i64>,
}

/// One page of `stream/items/ids`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdPage {
    pub ids: Vec<String>,
    pub continuation: Option<String>,
}

/// The `Auth=` value of a ClientLogin answer; `None` when the body has none (the address is not
/// a Google Reader API: a web page, a login form).
pub fn login_auth(body: &[u8]) -> Option<String> {
    String::from_utf8_lossy(body)
        .lines()
        .find_map(|line| line.trim().strip_prefix("Auth="))
        .map(str::trim)
        .filter(|auth| !auth.is_empty())
        .map(str::to_string)
}

/// The write token of `/reader/api/0/token`: its one line of text.
pub fn token(body: &[u8]) -> Result<String, SyncError> {
    let text = String::from_utf8_lossy(body);
    let token = text.trim();
    if token.is_empty() || token.len() > 1024 || token.contains(char::is_whitespace) {
        return Err(SyncError::BadResponse(format!(
            "the write token was not one word: {:?}",
            start(body)
        )));
    }
    Ok(token.to_string())
}

/// `subscription/list?output=json`: every subscription with its first label as its folder.
pub fn subscriptions(body: &[u8]) -> Result<Vec<RemoteFeed>, SyncError> {
    let root = object(body, "the subscription list")?;
    let list = array_field(&root, "subscriptions", "the subscription list")?;
    let mut seen = HashSet::new();
    let mut feeds = Vec::with_capacity(list.len());
    for entry in list {
        let Some(feed) = entry.as_object().and_then(subscription) else {
            tracing::warn!(entry = %short(entry), "a subscription without an id or address, left out");
            continue;
        };
        if seen.insert(feed.id.clone()) {
            feeds.push(feed);
        }
    }
    Ok(feeds)
}

fn subscription(entry: &Map<String, Value>) -> Option<RemoteFeed> {
    let id = text(entry.get("id"))?;
    // Google's own ids are `feed/` + the address; FreshRSS numbers its feeds and sends `url`.
    let url = text(entry.get("url")).or_else(|| {
        id.strip_prefix("feed/")
            .filter(|u| is_web(u))
            .map(str::to_string)
    })?;
    let title = text(entry.get("title"))
        .map(|t| plain_text(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| url.clone());
    let folder = entry
        .get("categories")
        .and_then(Value::as_array)
        .and_then(|categories| categories.iter().find_map(label));
    Some(RemoteFeed {
        id,
        title,
        url,
        site_url: text(entry.get("htmlUrl")).filter(|u| is_web(u)),
        folder,
    })
}

/// A category's label: `{"id": "user/-/label/Tech", "label": "Tech"}`, or the id alone.
fn label(category: &Value) -> Option<String> {
    let (id, name) = match category {
        Value::String(id) => (id.clone(), None),
        Value::Object(fields) => (text(fields.get("id"))?, text(fields.get("label"))),
        _ => return None,
    };
    let from_id = label_of(&id)?;
    Some(name.filter(|n| !n.trim().is_empty()).unwrap_or(from_id))
}

/// `Tech` of `user/-/label/Tech` (or `user/1234/label/Tech`).
fn label_of(tag: &str) -> Option<String> {
    let (user, name) = tag.strip_prefix("user/")?.split_once("/label/")?;
    (!user.contains('/') && !name.trim().is_empty()).then(|| name.to_string())
}

/// `stream/contents?output=json`.
pub fn stream(body: &[u8]) -> Result<Stream, SyncError> {
    let mut root = object(body, "the article list")?;
    let list = match root.remove("items") {
        // Some servers leave the list out when nothing is new.
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => return Err(wrong_field("the article list", "items", &other)),
    };
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(list.len());
    for mut entry in list {
        let Some(item) = entry.as_object_mut().and_then(stream_item) else {
            tracing::warn!(entry = %short(&entry), "an article without an id or feed, left out");
            continue;
        };
        if seen.insert(item.item.id.clone()) {
            items.push(item);
        }
    }
    Ok(Stream {
        items,
        continuation: continuation(&root),
        updated: number(root.get("updated")).filter(|s| sensible_second(*s)),
    })
}

/// One article; its content is moved out of `entry` rather than copied (it is most of a page).
fn stream_item(entry: &mut Map<String, Value>) -> Option<StreamItem> {
    let id = item_id(&text(entry.get("id"))?)?;
    let origin = entry.get("origin").and_then(Value::as_object);
    let feed_id = text(origin.and_then(|o| o.get("streamId")))?;
    let states: Vec<String> = entry
        .get("categories")
        .and_then(Value::as_array)
        .map(|c| c.iter().filter_map(|c| text(Some(c))).collect())
        .unwrap_or_default();
    let has_state = |state: &str| {
        states
            .iter()
            .any(|c| c.starts_with("user/") && c.ends_with(&format!("/state/com.google/{state}")))
    };
    let content = ["content", "summary"].iter().find_map(|field| {
        let content = entry.get_mut(*field)?.as_object_mut()?.get_mut("content")?;
        match content {
            Value::String(text) if !text.is_empty() => Some(std::mem::take(text)),
            _ => None,
        }
    });
    let item = RemoteItem {
        id,
        feed_id,
        title: text(entry.get("title"))
            .map(|t| plain_text(&t))
            .unwrap_or_default(),
        url: ["canonical", "alternate"]
            .iter()
            .find_map(|field| href(entry.get(*field)?)),
        author: text(entry.get("author"))
            .map(|a| plain_text(&a))
            .filter(|a| !a.is_empty()),
        content_html: content.unwrap_or_default(),
        published_at: number(entry.get("published")).filter(|s| sensible_second(*s)),
        read: has_state("read"),
        starred: has_state("starred"),
    };
    Some(StreamItem {
        item,
        crawled_us: crawled_us(entry),
    })
}

/// When the server took the article in, in microseconds. `crawlTimeMsec` is that time;
/// `timestampUsec` is the same time finer on FreshRSS (where a whole fetch shares one
/// millisecond) but the published date on Miniflux, so it is used only when it agrees.
fn crawled_us(entry: &Map<String, Value>) -> Option<i64> {
    let msec = number(entry.get("crawlTimeMsec")).filter(|m| *m > 0);
    let usec = number(entry.get("timestampUsec")).filter(|u| *u > 0);
    match (msec, usec) {
        (Some(m), Some(u)) if u / 1000 == m => Some(u),
        (Some(m), _) => m.checked_mul(1000),
        (None, _) => None,
    }
}

/// `[{"href": "…"}]` or `{"href": "…"}`: the first http(s) address.
fn href(links: &Value) -> Option<String> {
    let first = |link: &Value| text(link.get("href")).filter(|u| is_web(u));
    match links {
        Value::Array(links) => links.iter().find_map(first),
        link => first(link),
    }
}

/// `stream/items/ids?output=json`.
pub fn item_ids(body: &[u8]) -> Result<IdPage, SyncError> {
    let root = object(body, "the id list")?;
    let refs = match root.get("itemRefs") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(refs)) => refs,
        Some(other) => return Err(wrong_field("the id list", "itemRefs", other)),
    };
    let mut seen = HashSet::new();
    let mut ids = Vec::with_capacity(refs.len());
    for entry in refs {
        match text(entry.get("id")).and_then(|id| item_id(&id)) {
            Some(id) if seen.insert(id.clone()) => ids.push(id),
            Some(_) => {}
            None => tracing::warn!(entry = %short(entry), "an id that is no article id, left out"),
        }
    }
    Ok(IdPage {
        ids,
        continuation: continuation(&root),
    })
}

/// A label `tag/list` names, and what the server says it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedLabel {
    pub name: String,
    /// `Some(true)` for `"type": "tag"`, `Some(false)` for `"type": "folder"`; `None` where the
    /// server does not say (then a label naming no feed's folder is a tag).
    pub is_tag: Option<bool>,
}

/// `tag/list?output=json`: the labels among the server's tags (states such as starred are
/// not labels).
pub fn tag_list(body: &[u8]) -> Result<Vec<ListedLabel>, SyncError> {
    let root = object(body, "the tag list")?;
    let list = array_field(&root, "tags", "the tag list")?;
    let mut seen = HashSet::new();
    let mut labels = Vec::new();
    for entry in list {
        let Some(name) = label(entry) else { continue };
        let is_tag = match text(entry.get("type")).as_deref() {
            Some("tag") => Some(true),
            Some("folder") => Some(false),
            _ => None,
        };
        if seen.insert(name.clone()) {
            labels.push(ListedLabel { name, is_tag });
        }
    }
    Ok(labels)
}

/// `subscription/quickadd`: the new feed's stream id, or the server's reason for refusing.
pub fn quickadd(body: &[u8]) -> Result<String, SyncError> {
    let root = object(body, "the answer to subscribing")?;
    if let Some(id) = text(root.get("streamId")).filter(|id| !id.is_empty()) {
        return Ok(id);
    }
    Err(match text(root.get("error")) {
        // Plain text with the address in it, not markup: shown as it came, cut short.
        Some(error) => SyncError::Refused(error.trim().chars().take(300).collect()),
        None => SyncError::Refused(format!(
            "the server subscribed to nothing ({})",
            start(body)
        )),
    })
}

/// An article id as decimal text: the long form's 16 hex digits, or the short decimal form,
/// read as Google's signed 64-bit number so that both forms of one article agree.
pub fn item_id(id: &str) -> Option<String> {
    let id = id.trim();
    let number = match id.strip_prefix(LONG_ID) {
        Some(hex) if !hex.is_empty() && hex.len() <= 16 => {
            u64::from_str_radix(hex, 16).ok().map(|n| n as i64)
        }
        Some(_) => None,
        None => id
            .parse::<i64>()
            .ok()
            .or_else(|| id.parse::<u64>().ok().map(|n| n as i64)),
    }?;
    Some(number.to_string())
}

fn continuation(root: &Map<String, Value>) -> Option<String> {
    text(root.get("continuation")).filter(|c| !c.is_empty())
}

fn object(body: &[u8], what: &str) -> Result<Map<String, Value>, SyncError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(root)) => Ok(root),
        Ok(other) => Err(SyncError::BadResponse(format!(
            "{what} was JSON {}, not an object",
            kind(&other)
        ))),
        Err(error) => Err(SyncError::BadResponse(format!(
            "{what} was not JSON ({error}); it began {:?}",
            start(body)
        ))),
    }
}

fn array_field<'a>(
    root: &'a Map<String, Value>,
    field: &str,
    what: &str,
) -> Result<&'a Vec<Value>, SyncError> {
    match root.get(field) {
        Some(Value::Array(list)) => Ok(list),
        Some(other) => Err(wrong_field(what, field, other)),
        None => Err(SyncError::BadResponse(format!("{what} had no `{field}`"))),
    }
}

fn wrong_field(what: &str, field: &str, value: &Value) -> SyncError {
    SyncError::BadResponse(format!(
        "{what} had `{field}` as {}, not a list",
        kind(value)
    ))
}

/// Text or a number as text; anything else is missing.
fn text(value: Option<&Value>) -> Option<String> {
    value.and_then(lenient::text)
}

/// A whole number, sent as a number or as text.
fn number(value: Option<&Value>) -> Option<i64> {
    value.and_then(lenient::number)
}

fn sensible_second(second: Timestamp) -> bool {
    (1..=LAST_SENSIBLE_SECOND).contains(&second)
}

fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}
