//! Tiny Tiny RSS's answers read as plain data: the body of one answer in, what it says out.
//!
//! Every answer is wrapped as `{"seq", "status": 0|1, "content"}`; status 1 carries
//! `content.error`. Nothing here panics or trusts a shape: ids may come as numbers or decimal
//! text, fields may be missing or null, lists may repeat an id (the first is kept). An entry
//! without a usable id is skipped and counted, since nothing could be done with it and failing
//! the whole page would stop every later sync on the same entry. An answer that is not
//! JSON, or has the wrong shape where a list or object belongs, is [`SyncError::BadResponse`]
//! saying what was wrong. Titles and names become plain text (`sanitize::plain_text`);
//! article HTML is passed on as sent.

use std::collections::{HashMap, HashSet};

use crate::sync::lenient::{self, kind, number};
use serde_json::Value;

use crate::Timestamp;
use crate::sanitize::plain_text;
use crate::sync::{RemoteItem, SyncError};

/// What one call answered once the session was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    Done(T),
    /// The session expired or the server forgot it: log in again and repeat the call.
    NotLoggedIn,
}

/// A subscription as `getFeeds` lists it; its category is looked up in the folder tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: String,
    pub title: String,
    pub url: String,
    /// The category's id; `None` when uncategorized.
    pub category: Option<String>,
}

/// One page of `getHeadlines`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headlines {
    pub items: Vec<RemoteItem>,
    /// Entries the server listed, kept or not: paging goes on by this many.
    pub listed: usize,
    /// Entries without a usable id.
    pub skipped: usize,
}

pub const API_DISABLED: &str = "API access is switched off for this user: turn on \
     \"Enable API\" in Tiny Tiny RSS's Preferences (General), then try again";

/// Latest date believed: the last second of year 9999. Earlier than 1970 is believed neither.
const LAST_TIMESTAMP: Timestamp = 253_402_300_799;
/// How much of a server's own error text is repeated in ours.
const SHOWN_CHARS: usize = 200;

/// The `content` of an answer, or why there is none.
pub fn reply(body: &[u8]) -> Result<Reply<Value>, SyncError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        bad(format!(
            "this address does not answer like Tiny Tiny RSS's API: not JSON ({e}); it began {:?}",
            shown(&String::from_utf8_lossy(&body[..body.len().min(120)]))
        ))
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(bad(format!(
            "Tiny Tiny RSS's answers are JSON objects, this was {}",
            kind(&value)
        )));
    };
    let content = envelope.remove("content").unwrap_or(Value::Null);
    match envelope.get("status").and_then(number) {
        Some(0) => Ok(Reply::Done(content)),
        Some(1) => failure(&content),
        _ => Err(bad(
            "the answer has no \"status\" of 0 or 1, so it is not Tiny Tiny RSS's API".into(),
        )),
    }
}

fn failure(content: &Value) -> Result<Reply<Value>, SyncError> {
    let error = content.get("error").and_then(Value::as_str).unwrap_or("");
    match error {
        "NOT_LOGGED_IN" => Ok(Reply::NotLoggedIn),
        "LOGIN_ERROR" => Err(SyncError::Auth(String::new())),
        "API_DISABLED" => Err(SyncError::Auth(API_DISABLED.into())),
        // The server understood the call but will not do it as asked (a method this version
        // lacks, a parameter it refuses).
        "INCORRECT_USAGE" | "UNKNOWN_METHOD" => Err(SyncError::Refused(format!(
            "Tiny Tiny RSS answered {}",
            shown(error)
        ))),
        "" => Err(SyncError::Server(
            "Tiny Tiny RSS reported an error without saying which".into(),
        )),
        other => Err(SyncError::Server(format!(
            "Tiny Tiny RSS answered {}",
            shown(other)
        ))),
    }
}

/// `login`: the session id.
pub fn session(body: &[u8]) -> Result<String, SyncError> {
    match reply(body)? {
        Reply::NotLoggedIn => Err(SyncError::Auth(String::new())),
        Reply::Done(content) => text(content.get("session_id"))
            .filter(|sid| !sid.is_empty())
            .ok_or_else(|| bad("the login answer has no session_id".into())),
    }
}

/// `getFeeds` with `cat_id: -3`: every subscription, without the virtual feeds.
pub fn feeds(body: &[u8]) -> Result<Reply<Vec<Feed>>, SyncError> {
    with_content(body, |content| {
        let mut seen = HashSet::new();
        let mut feeds = Vec::new();
        for entry in list(&content, "getFeeds", "feeds")? {
            let (Some(feed_id), Some(url)) = (id(entry.get("id")), text(entry.get("feed_url")))
            else {
                continue;
            };
            let url = url.trim().to_string();
            if url.is_empty() || !seen.insert(feed_id) {
                continue;
            }
            let title = text(entry.get("title"))
                .map(|t| plain_text(&t))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| url.clone());
            feeds.push(Feed {
                id: feed_id.to_string(),
                title,
                url,
                category: id(entry.get("cat_id"))
                    .filter(|&c| c > 0)
                    .map(|c| c.to_string()),
            });
        }
        Ok(feeds)
    })
}

/// `getFeedTree`: each category's id → the title of the top-level category it is in (a
/// category nested three deep files its feeds under the first level, the folder).
pub fn folders(body: &[u8]) -> Result<Reply<HashMap<String, String>>, SyncError> {
    with_content(body, |content| {
        let tops = content
            .get("categories")
            .and_then(|c| c.get("items"))
            .and_then(Value::as_array)
            .ok_or_else(|| bad("getFeedTree's answer has no categories.items list".into()))?;
        let mut folders = HashMap::new();
        for top in tops {
            if category_id(top).is_none() {
                continue;
            }
            let name = text(top.get("name"))
                .map(|n| plain_text(&n))
                .unwrap_or_default();
            if name.is_empty() {
                continue;
            }
            // Depth-first without recursion: a hostile tree is as deep as JSON allows.
            let mut stack = vec![top];
            while let Some(node) = stack.pop() {
                if let Some(id) = category_id(node) {
                    folders
                        .entry(id.to_string())
                        .or_insert_with(|| name.clone());
                }
                if let Some(children) = node.get("items").and_then(Value::as_array) {
                    stack.extend(children);
                }
            }
        }
        Ok(folders)
    })
}

/// A tree node's category id (`"id": "CAT:12"`), when it is a real category (not the
/// virtual "Special", -1, nor "Uncategorized", 0).
fn category_id(node: &Value) -> Option<u64> {
    let id = node.get("id")?.as_str()?.strip_prefix("CAT:")?;
    id.trim().parse::<u64>().ok().filter(|&id| id > 0)
}

/// `getCategories` with `enable_nested`: the top-level categories, as (id, title).
pub fn categories(body: &[u8]) -> Result<Reply<Vec<(String, String)>>, SyncError> {
    with_content(body, |content| {
        let mut seen = HashSet::new();
        Ok(list(&content, "getCategories", "categories")?
            .iter()
            .filter_map(|entry| {
                let id = id(entry.get("id")).filter(|&id| id > 0)?;
                let title = plain_text(&text(entry.get("title"))?);
                seen.insert(id).then(|| (id.to_string(), title))
            })
            .collect())
    })
}

/// `getHeadlines`: one page of articles.
pub fn headlines(body: &[u8]) -> Result<Reply<Headlines>, SyncError> {
    with_content(body, |content| {
        let entries = list(&content, "getHeadlines", "articles")?;
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        let mut skipped = 0;
        for entry in entries {
            match id(entry.get("id")) {
                Some(id) if seen.insert(id) => items.push(item(id, entry)),
                Some(_) => {}
                None => skipped += 1,
            }
        }
        Ok(Headlines {
            items,
            listed: entries.len(),
            skipped,
        })
    })
}

fn item(id: u64, entry: &Value) -> RemoteItem {
    let optional = |key: &str| {
        text(entry.get(key))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    RemoteItem {
        id: id.to_string(),
        // Archived articles (their feed unsubscribed) belong to feed 0.
        feed_id: id_of(entry.get("feed_id")).unwrap_or(0).to_string(),
        title: text(entry.get("title"))
            .map(|t| plain_text(&t))
            .unwrap_or_default(),
        url: optional("link"),
        author: optional("author")
            .map(|a| plain_text(&a))
            .filter(|a| !a.is_empty()),
        content_html: text(entry.get("content")).unwrap_or_default(),
        published_at: entry
            .get("updated")
            .and_then(number)
            .filter(|t| (1..=LAST_TIMESTAMP).contains(t)),
        // An article whose state is unreadable stays unread: better shown twice than missed.
        read: !flag(entry.get("unread")).unwrap_or(true),
        starred: flag(entry.get("marked")).unwrap_or(false),
    }
}

/// `subscribeToFeed`: the feed's id, new or already subscribed.
pub fn subscribed(body: &[u8]) -> Result<Reply<String>, SyncError> {
    with_content(body, |content| {
        let status = content
            .get("status")
            .ok_or_else(|| bad("subscribeToFeed's answer has no status".into()))?;
        let refused = |why: String| Err(SyncError::Refused(why));
        match status.get("code").and_then(number) {
            Some(0 | 1) => id(status.get("feed_id"))
                .map(|id| id.to_string())
                .ok_or_else(|| bad("subscribeToFeed's answer has no feed_id".into())),
            Some(2) => refused("Tiny Tiny RSS says this is not a valid feed address".into()),
            Some(3) => refused("Tiny Tiny RSS found no feed at this address".into()),
            Some(4) => {
                let offered: Vec<&str> = status
                    .get("feeds")
                    .and_then(Value::as_object)
                    .map(|feeds| feeds.keys().take(5).map(String::as_str).collect())
                    .unwrap_or_default();
                refused(format!(
                    "this page offers several feeds; subscribe to one of them: {}",
                    shown(&offered.join(", "))
                ))
            }
            Some(5) => refused(format!(
                "Tiny Tiny RSS could not download the feed: {}",
                shown(&text(status.get("message")).unwrap_or_default())
            )),
            _ => Err(bad(
                "subscribeToFeed answered a code it does not document".into()
            )),
        }
    })
}

/// `updateArticle` and other calls whose answer only says it went well.
pub fn done(body: &[u8]) -> Result<Reply<()>, SyncError> {
    Ok(match reply(body)? {
        Reply::Done(_) => Reply::Done(()),
        Reply::NotLoggedIn => Reply::NotLoggedIn,
    })
}

/// `unsubscribeFeed`. A feed already gone counts as unsubscribed: repeating a change that
/// reached the server before must not fail.
pub fn unsubscribed(body: &[u8]) -> Result<Reply<()>, SyncError> {
    match done(body) {
        Err(SyncError::Server(error)) if error.ends_with("FEED_NOT_FOUND") => Ok(Reply::Done(())),
        other => other,
    }
}

fn with_content<T>(
    body: &[u8],
    read: impl FnOnce(Value) -> Result<T, SyncError>,
) -> Result<Reply<T>, SyncError> {
    match reply(body)? {
        Reply::Done(content) => read(content).map(Reply::Done),
        Reply::NotLoggedIn => Ok(Reply::NotLoggedIn),
    }
}

fn list<'a>(content: &'a Value, call: &str, what: &str) -> Result<&'a Vec<Value>, SyncError> {
    content.as_array().ok_or_else(|| {
        bad(format!(
            "{call} answered {} where a list of {what} belongs",
            kind(content)
        ))
    })
}

/// A positive id, as a number or decimal text.
fn id(value: Option<&Value>) -> Option<u64> {
    id_of(value).filter(|&id| id > 0)
}

fn id_of(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    value.and_then(lenient::text)
}

/// PHP's booleans as JSON sends them, and PostgreSQL's as text.
fn flag(value: Option<&Value>) -> Option<bool> {
    match value? {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|n| n != 0.0),
        Value::String(s) => match s.trim() {
            "1" | "t" | "true" => Some(true),
            "0" | "f" | "false" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// A server's text, short and without control characters, fit to quote in a message.
fn shown(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(SHOWN_CHARS)
        .collect()
}

fn bad(what: String) -> SyncError {
    SyncError::BadResponse(what)
}
