//! Fever's answers as plain data: pure functions from a body's bytes, so recorded and hostile
//! answers are unit-tested and fuzzed without a server.
//!
//! Every answer is a JSON object with `auth` (0 or 1) beside the data asked for. Servers disagree
//! on types (FreshRSS sends item ids as strings, Coldsweat as numbers), so every id, flag and
//! time is read whatever its JSON type. An entry that cannot be used (an item with no id) is left
//! out and named in `rejected`; an answer that cannot be used at all is
//! [`SyncError::BadResponse`] saying why.

use std::collections::{HashMap, HashSet};

use crate::sync::lenient::{start, text};
use serde_json::{Map, Value};

use crate::Timestamp;
use crate::sanitize::plain_text;
use crate::sync::{RemoteItem, SyncError};

/// The latest time a server may claim (the last second of year 9999): later is a lie, not a date.
const LATEST_TIME: Timestamp = 253_402_300_799;

/// A subscription as `?api&feeds` lists it, before folders are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: String,
    pub title: String,
    pub url: String,
    pub site_url: Option<String>,
}

/// What `?api&feeds` answered: the feeds, and which group each feed is in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feeds {
    pub feeds: Vec<Feed>,
    /// Feed id → the id of its first group.
    pub group_of: HashMap<String, String>,
    pub rejected: Vec<String>,
}

/// What `?api&items` answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Items {
    /// Each id once, in the order the server sent them.
    pub items: Vec<RemoteItem>,
    /// How many entries the answer held, usable or not: a full page means there may be more.
    pub received: usize,
    /// The highest item id the answer named, usable or not: where the next page starts.
    pub highest_id: Option<u64>,
    pub rejected: Vec<String>,
}

/// The answer's top-level object, once its `auth` says the key was accepted.
/// `auth: 0` is [`SyncError::Auth`]; a body without `auth` is not a Fever answer.
pub fn authorized(body: &[u8]) -> Result<Map<String, Value>, SyncError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        SyncError::BadResponse(format!(
            "a Fever answer is JSON, this was not ({e}); it began {:?}",
            start(body)
        ))
    })?;
    let Value::Object(object) = value else {
        return Err(bad("a Fever answer is a JSON object"));
    };
    match object.get("auth").and_then(flag) {
        Some(true) => Ok(object),
        Some(false) => Err(SyncError::Auth(String::new())),
        None => Err(bad(
            "a Fever answer says whether the key was accepted (`auth`)",
        )),
    }
}

/// `?api&feeds` (its `feeds_groups` too).
pub fn feeds(body: &[u8]) -> Result<Feeds, SyncError> {
    let object = authorized(body)?;
    let entries = list(&object, "feeds")?;
    let mut answer = Feeds::default();
    let mut seen = HashSet::new();
    for (n, entry) in entries.iter().enumerate() {
        match feed(entry) {
            Ok(feed) if seen.insert(feed.id.clone()) => answer.feeds.push(feed),
            Ok(feed) => answer
                .rejected
                .push(format!("feed {} is listed twice", feed.id)),
            Err(why) => answer.rejected.push(format!("feed #{}: {why}", n + 1)),
        }
    }
    answer.group_of = group_of(&object, &mut answer.rejected);
    Ok(answer)
}

/// `?api&groups`: group id → its title.
pub fn groups(body: &[u8]) -> Result<HashMap<String, String>, SyncError> {
    let object = authorized(body)?;
    let mut titles = HashMap::new();
    for entry in list(&object, "groups")? {
        let Some(id) = entry.get("id").and_then(id) else {
            continue;
        };
        let title = entry.get("title").and_then(text).map(|t| plain_text(&t));
        if let Some(title) = title.filter(|t| !t.is_empty()) {
            titles.entry(id.to_string()).or_insert(title);
        }
    }
    Ok(titles)
}

/// `?api&items`: one page of articles. Items at or below `since` are left out (a server that
/// ignores `since_id` sends them again), but still count as received.
pub fn items(body: &[u8], since: u64) -> Result<Items, SyncError> {
    let object = authorized(body)?;
    let entries = list(&object, "items")?;
    let mut answer = Items {
        received: entries.len(),
        ..Items::default()
    };
    let mut seen = HashSet::new();
    for (n, entry) in entries.iter().enumerate() {
        let item_id = entry.get("id").and_then(id);
        if let Some(item_id) = item_id {
            answer.highest_id = answer.highest_id.max(Some(item_id));
        }
        match item(entry) {
            Ok((id, _)) if id <= since => {}
            Ok((id, item)) if seen.insert(id) => answer.items.push(item),
            Ok((id, _)) => answer.rejected.push(format!("item {id} is listed twice")),
            Err(why) => answer.rejected.push(match item_id {
                Some(id) => format!("item {id}: {why}"),
                None => format!("item #{}: {why}", n + 1),
            }),
        }
    }
    Ok(answer)
}

/// `?api&items&with_ids=…`: the id of every item the answer names, usable or not (an item
/// with a broken field is still one the server keeps).
pub fn named_ids(body: &[u8]) -> Result<Vec<String>, SyncError> {
    let object = authorized(body)?;
    Ok(list(&object, "items")?
        .iter()
        .filter_map(|entry| entry.get("id").and_then(id))
        .map(|id| id.to_string())
        .collect())
}

/// `?api&unread_item_ids` (`field` `unread_item_ids`) or `?api&saved_item_ids`: every id, once.
/// A list that is missing, or holds something that is not an id, is an error and never an empty
/// list: core reconciles read state from it, and an empty list would mark everything read.
pub fn id_list(body: &[u8], field: &str) -> Result<Vec<String>, SyncError> {
    let object = authorized(body)?;
    let pieces: Vec<Value> = match object.get(field) {
        Some(Value::String(csv)) => csv
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Value::String(p.to_string()))
            .collect(),
        Some(Value::Array(values)) => values.clone(),
        Some(number @ Value::Number(_)) => vec![number.clone()],
        _ => return Err(bad(&format!("the answer has no list of ids (`{field}`)"))),
    };
    let mut seen = HashSet::new();
    let mut ids = Vec::with_capacity(pieces.len());
    for piece in &pieces {
        let Some(n) = id(piece) else {
            return Err(bad(&format!(
                "`{field}` holds {}, which is not an item id",
                shown(piece)
            )));
        };
        if seen.insert(n) {
            ids.push(n.to_string());
        }
    }
    Ok(ids)
}

fn feed(entry: &Value) -> Result<Feed, String> {
    let id = entry.get("id").and_then(id).ok_or("no id")?;
    let url = entry
        .get("url")
        .and_then(text)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .ok_or("no address")?;
    let title = entry
        .get("title")
        .and_then(text)
        .map(|t| plain_text(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| url.clone());
    Ok(Feed {
        id: id.to_string(),
        title,
        url,
        site_url: entry.get("site_url").and_then(address),
    })
}

fn item(entry: &Value) -> Result<(u64, RemoteItem), String> {
    let id = entry.get("id").and_then(self::id).ok_or("no id")?;
    let feed_id = entry.get("feed_id").and_then(self::id).ok_or("no feed")?;
    let item = RemoteItem {
        id: id.to_string(),
        feed_id: feed_id.to_string(),
        title: entry
            .get("title")
            .and_then(text)
            .map(|t| plain_text(&t))
            .unwrap_or_default(),
        url: entry.get("url").and_then(address),
        author: entry
            .get("author")
            .and_then(text)
            .map(|a| plain_text(&a))
            .filter(|a| !a.is_empty()),
        content_html: entry.get("html").and_then(text).unwrap_or_default(),
        published_at: entry.get("created_on_time").and_then(time),
        read: entry.get("is_read").and_then(flag).unwrap_or(false),
        starred: entry.get("is_saved").and_then(flag).unwrap_or(false),
    };
    Ok((id, item))
}

/// `feeds_groups`: `[{"group_id": 2, "feed_ids": "1,3"}]`. A feed in several groups keeps the
/// first, since [`crate::sync::RemoteFeed::folder`] holds one.
fn group_of(object: &Map<String, Value>, rejected: &mut Vec<String>) -> HashMap<String, String> {
    let mut group_of = HashMap::new();
    let Some(Value::Array(entries)) = object.get("feeds_groups") else {
        return group_of;
    };
    for entry in entries {
        let Some(group) = entry.get("group_id").and_then(id) else {
            rejected.push(format!("a group without an id: {}", shown(entry)));
            continue;
        };
        let members: Vec<Value> = match entry.get("feed_ids") {
            Some(Value::String(csv)) => csv
                .split(',')
                .map(|p| Value::String(p.trim().to_string()))
                .collect(),
            Some(Value::Array(values)) => values.clone(),
            Some(number @ Value::Number(_)) => vec![number.clone()],
            _ => Vec::new(),
        };
        for feed in members.iter().filter_map(id) {
            group_of
                .entry(feed.to_string())
                .or_insert_with(|| group.to_string());
        }
    }
    group_of
}

fn list<'a>(object: &'a Map<String, Value>, field: &str) -> Result<&'a Vec<Value>, SyncError> {
    match object.get(field) {
        Some(Value::Array(entries)) => Ok(entries),
        Some(Value::Null) | None => Err(bad(&format!("the answer has no `{field}`"))),
        Some(other) => Err(bad(&format!(
            "`{field}` should be a list, it is {}",
            shown(other)
        ))),
    }
}

/// An id: a non-negative integer, as a JSON number or as decimal text.
fn id(value: &Value) -> Option<u64> {
    match value {
        // 2.0 is an id written by a sloppy encoder; 3.5 or 1e300 is not.
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && (0.0..9.0e15).contains(f))
                .map(|f| f as u64)
        }),
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        }
        _ => None,
    }
}

/// 0/1, a boolean, or their text.
fn flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|n| n != 0.0),
        Value::String(s) => match s.trim() {
            "1" | "true" => Some(true),
            "0" | "false" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Seconds since 1970, as a number or text; outside 1970..=9999 it is no date at all.
fn time(value: &Value) -> Option<Timestamp> {
    let seconds = match value {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64))?,
        Value::String(s) => s.trim().parse::<i64>().ok()?,
        _ => return None,
    };
    (1..=LATEST_TIME).contains(&seconds).then_some(seconds)
}

fn address(value: &Value) -> Option<String> {
    text(value)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
}

fn bad(why: &str) -> SyncError {
    SyncError::BadResponse(why.to_string())
}

/// A value as it appears in an error message: short, and never the whole of a huge answer.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}
