//! Tiny Tiny RSS's JSON API, level 15 (the 2021 release Debian ships) and later.
//!
//! Every call is a POST of one JSON object `{"op", "sid", …}` to `…/api/`; the session id comes
//! from `login`, and an answer of `NOT_LOGGED_IN` means the server forgot it, so the client
//! logs in again once and repeats the call. Answers are read by [`parse`], pure functions.
//!
//! What the API cannot do shapes this client: there is no list of ids, so the unread and
//! starred ids are paged out of `getHeadlines`; there is no "add category", rename or move, so
//! [`Capabilities`] says so and those calls are [`SyncError::Unsupported`]. Article HTML is
//! asked for unsanitized: this version's sanitizer rewrites relative addresses wrongly (it
//! drops the port), and core sanitizes anyway.

mod cursor;
pub mod parse;

use std::collections::HashSet;

use reqwest::header::CONTENT_TYPE;
use serde_json::{Map, Value, json};

use super::{
    Backend, Capabilities, ItemPage, Login, Mark, RemoteFeed, RemoteLabel, SyncError, SyncHttp,
    no_labels,
};
use cursor::Cursor;
use parse::Reply;

/// `getHeadlines` answers at most 200 articles per call, whatever is asked.
const PAGE: usize = 200;
/// Ids per `updateArticle`: the server binds each as a query parameter, and PostgreSQL takes
/// at most 65,535 of them.
const MARK_BATCH: usize = 1000;

/// A logged-in session with one Tiny Tiny RSS account.
pub struct TtRss {
    http: SyncHttp,
    api: String,
    login: Login,
    sid: String,
}

impl Backend for TtRss {
    async fn log_in(http: SyncHttp, login: &Login) -> Result<Self, SyncError> {
        let mut client = TtRss {
            http,
            api: api_address(&login.url)?,
            login: login.clone(),
            sid: String::new(),
        };
        client.sid = client.new_session().await?;
        Ok(client)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            subscribe: true,
            unsubscribe: true,
            rename_feed: false,
            move_feed: false,
            labels: false,
        }
    }

    async fn feeds(&mut self) -> Result<Vec<RemoteFeed>, SyncError> {
        // cat_id -3: every real feed, whatever its category, without the virtual ones.
        let feeds = self
            .call("getFeeds", json!({"cat_id": -3}), parse::feeds)
            .await?;
        // getFeeds names only a feed's own category; the tree says which folder that is in.
        let folders = self.call("getFeedTree", json!({}), parse::folders).await?;
        Ok(feeds
            .into_iter()
            .map(|feed| RemoteFeed {
                folder: feed.category.and_then(|c| folders.get(&c).cloned()),
                id: feed.id,
                title: feed.title,
                url: feed.url,
                site_url: None,
            })
            .collect())
    }

    async fn new_items(&mut self, cursor: Option<&str>) -> Result<ItemPage, SyncError> {
        let cursor = Cursor::read(cursor);
        // TT-RSS cannot order by id. Its default order, newest arrival first, puts what arrives
        // while we page in front of where we are: the next sync's since_id picks it up, and
        // paging meanwhile sees at worst an article twice, never a gap.
        let page = self
            .call(
                "getHeadlines",
                json!({
                    "feed_id": -4,
                    "view_mode": "all_articles",
                    "since_id": cursor.since,
                    "skip": cursor.skip,
                    "limit": PAGE,
                    "show_content": true,
                    "sanitize": false,
                }),
                parse::headlines,
            )
            .await?;
        warn_skipped(page.skipped);
        let highest = page
            .items
            .iter()
            .filter_map(|item| item.id.parse::<u64>().ok())
            .fold(cursor.highest, u64::max);
        let done = page.listed < PAGE;
        let next = Cursor {
            since: cursor.since,
            skip: cursor.skip + page.listed as u64,
            highest,
        };
        Ok(ItemPage {
            items: page.items,
            cursor: if done { next.finished() } else { next.paging() },
            done,
        })
    }

    async fn unread_ids(&mut self) -> Result<Vec<String>, SyncError> {
        self.all_ids(json!({"feed_id": -4, "view_mode": "unread"}))
            .await
    }

    async fn starred_ids(&mut self) -> Result<Vec<String>, SyncError> {
        // Feed -1 is the virtual feed of starred articles.
        self.all_ids(json!({"feed_id": -1, "view_mode": "all_articles"}))
            .await
    }

    /// Every id the server keeps (feed -4 is all articles; 200 per request, without content).
    async fn kept(&mut self, ids: &[String]) -> Result<HashSet<String>, SyncError> {
        let all: HashSet<String> = self
            .all_ids(json!({"feed_id": -4, "view_mode": "all_articles"}))
            .await?
            .into_iter()
            .collect();
        Ok(ids.iter().filter(|id| all.contains(*id)).cloned().collect())
    }

    async fn mark(&mut self, ids: &[String], mark: &Mark) -> Result<(), SyncError> {
        if let Some(bad) = ids.iter().find(|id| !is_server_id(id)) {
            return Err(SyncError::Refused(format!(
                "{bad:?} is not a Tiny Tiny RSS article id"
            )));
        }
        // field 0 is "starred", 2 "unread"; mode 1 sets it, 0 clears it.
        let (field, mode) = match mark {
            Mark::Read => (2, 0),
            Mark::Unread => (2, 1),
            Mark::Starred => (0, 1),
            Mark::Unstarred => (0, 0),
            // Its labels are its own kind (numbered, made one by one); not synced yet.
            Mark::Labelled(_) | Mark::Unlabelled(_) => return Err(no_labels("Tiny Tiny RSS")),
        };
        for batch in ids.chunks(MARK_BATCH) {
            let params = json!({"article_ids": batch.join(","), "field": field, "mode": mode});
            self.call("updateArticle", params, parse::done).await?;
        }
        Ok(())
    }

    async fn labels(&mut self) -> Result<Vec<RemoteLabel>, SyncError> {
        Ok(Vec::new())
    }

    async fn subscribe(
        &mut self,
        url: &str,
        folder: Option<&str>,
    ) -> Result<RemoteFeed, SyncError> {
        let category = match folder {
            Some(name) => self.category(name).await?,
            None => "0".to_string(),
        };
        let params = json!({"feed_url": url, "category_id": category});
        let id = self
            .call("subscribeToFeed", params, parse::subscribed)
            .await?;
        self.feeds()
            .await?
            .into_iter()
            .find(|feed| feed.id == id)
            .ok_or_else(|| {
                SyncError::BadResponse(format!(
                    "the server subscribed to feed {id} but does not list it"
                ))
            })
    }

    async fn unsubscribe(&mut self, feed_id: &str) -> Result<(), SyncError> {
        if !is_server_id(feed_id) {
            return Err(SyncError::Refused(format!(
                "{feed_id:?} is not a Tiny Tiny RSS feed id"
            )));
        }
        let params = json!({"feed_id": feed_id});
        self.call("unsubscribeFeed", params, parse::unsubscribed)
            .await
    }

    async fn rename_feed(&mut self, _feed_id: &str, _title: &str) -> Result<(), SyncError> {
        Err(SyncError::Unsupported(
            "Tiny Tiny RSS's API cannot rename feeds: rename it on the server's web page \
             (Preferences, Feeds)"
                .into(),
        ))
    }

    async fn move_feed(&mut self, _feed_id: &str, _folder: Option<&str>) -> Result<(), SyncError> {
        Err(SyncError::Unsupported(
            "Tiny Tiny RSS's API cannot move feeds between folders: move it on the server's \
             web page (Preferences, Feeds)"
                .into(),
        ))
    }
}

impl TtRss {
    async fn new_session(&self) -> Result<String, SyncError> {
        let mut body = Map::new();
        body.insert("op".into(), "login".into());
        body.insert("user".into(), self.login.user.clone().into());
        body.insert("password".into(), self.login.password.clone().into());
        parse::session(&self.post(body).await?)
    }

    /// Sends `op` with `params` in this session; logs in again once if the server forgot it.
    async fn call<T>(
        &mut self,
        op: &str,
        params: Value,
        read: fn(&[u8]) -> Result<Reply<T>, SyncError>,
    ) -> Result<T, SyncError> {
        let mut body = match params {
            Value::Object(params) => params,
            _ => Map::new(),
        };
        body.insert("op".into(), op.into());
        let mut logged_in_again = false;
        loop {
            body.insert("sid".into(), self.sid.clone().into());
            match read(&self.post(body.clone()).await?)? {
                Reply::Done(answer) => return Ok(answer),
                Reply::NotLoggedIn if !logged_in_again => {
                    self.sid = self.new_session().await?;
                    logged_in_again = true;
                }
                Reply::NotLoggedIn => {
                    return Err(SyncError::Auth(
                        "the server forgets each new session at once".into(),
                    ));
                }
            }
        }
    }

    async fn post(&self, body: Map<String, Value>) -> Result<Vec<u8>, SyncError> {
        let request = self
            .http
            .client()
            .post(&self.api)
            .header(CONTENT_TYPE, "application/json")
            .body(Value::Object(body).to_string());
        Ok(self.http.send(request).await?.body)
    }

    /// Every id `getHeadlines` lists with `params`, page by page.
    async fn all_ids(&mut self, params: Value) -> Result<Vec<String>, SyncError> {
        let mut ids = Vec::new();
        let mut seen = HashSet::new();
        let mut skip = 0;
        loop {
            let mut params = params.clone();
            params["skip"] = skip.into();
            params["limit"] = PAGE.into();
            params["show_content"] = false.into();
            let page = self.call("getHeadlines", params, parse::headlines).await?;
            warn_skipped(page.skipped);
            let before = ids.len();
            ids.extend(
                page.items
                    .into_iter()
                    .map(|item| item.id)
                    .filter(|id| seen.insert(id.clone())),
            );
            if page.listed < PAGE {
                return Ok(ids);
            }
            if ids.len() == before {
                return Err(SyncError::BadResponse(
                    "the server sends the same articles page after page".into(),
                ));
            }
            skip += page.listed;
        }
    }

    /// The id of the top-level category named `name`.
    async fn category(&mut self, name: &str) -> Result<String, SyncError> {
        let params = json!({"enable_nested": true, "include_empty": true});
        let categories = self
            .call("getCategories", params, parse::categories)
            .await?;
        let wanted = name.trim();
        categories
            .iter()
            .find(|(_, title)| title == wanted)
            .or_else(|| {
                categories
                    .iter()
                    .find(|(_, title)| title.to_lowercase() == wanted.to_lowercase())
            })
            .map(|(id, _)| id.clone())
            .ok_or_else(|| {
                SyncError::Unsupported(format!(
                    "Tiny Tiny RSS's API cannot create folders: add the category \"{wanted}\" \
                     on the server's web page (Preferences, Feeds), then subscribe again"
                ))
            })
    }
}

/// The API's address for what a person typed: the site (`…/tt-rss/`) or the API itself
/// (`…/tt-rss/api/`, with or without the slash or `index.php`).
pub fn api_address(typed: &str) -> Result<String, SyncError> {
    let mut url = url::Url::parse(typed.trim())
        .map_err(|e| SyncError::Unreachable(format!("{typed:?} is not a web address ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(SyncError::Unreachable(format!(
            "{typed:?} is not a web address (it should start with https://)"
        )));
    }
    url.set_query(None);
    url.set_fragment(None);
    let path = url.path().trim_end_matches('/');
    let path = path.strip_suffix("/index.php").unwrap_or(path);
    let path = if path.ends_with("/api") {
        format!("{path}/")
    } else {
        format!("{path}/api/")
    };
    url.set_path(&path);
    Ok(url.to_string())
}

/// Article and feed ids are positive integers; anything else would reach TT-RSS's SQL as text.
fn is_server_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 19 && id.bytes().all(|b| b.is_ascii_digit())
}

fn warn_skipped(skipped: usize) {
    if skipped > 0 {
        tracing::warn!(
            skipped,
            "Tiny Tiny RSS listed articles without an id; skipped them"
        );
    }
}

#[cfg(test)]
mod tests;
