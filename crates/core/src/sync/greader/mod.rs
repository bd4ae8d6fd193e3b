//! The Google Reader API, as FreshRSS, Miniflux, Inoreader, The Old Reader and BazQux speak it.
//!
//! ClientLogin (`Email`, `Passwd`) gives an `Auth` value sent with every call; changes also carry
//! a write token from `token`, fetched when first needed and again once when the server refuses
//! it. A session the server has forgotten is opened again once per call. Parsing is in
//! [`parse`] (pure, fuzzed); where a sync of new articles stands, in `cursor.rs`; finding the
//! API under a typed address, in `login.rs`.

mod cursor;
mod labels;
mod login;
pub mod parse;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use reqwest::header::AUTHORIZATION;

use super::http::Answer;
use super::{
    Backend, Capabilities, ItemPage, Login, Mark, RemoteFeed, RemoteLabel, SyncError, SyncHttp,
};
use cursor::Cursor;
use labels::label_stream;
use login::{auth_error, candidates, client_login};

/// Articles per page of new ones: a few MB with their text. Each request costs a server such as
/// FreshRSS about as much whatever its size (measured: 200 articles 30 ms, 1,000 40 ms), so
/// pages are large; a server allowing fewer says so with a continuation.
const PAGE: usize = 1000;
/// Ids per page of the unread and starred lists: one request for 10,000 costs FreshRSS what one
/// for 1,000 does (50 vs 40 ms), and a sync with nothing new is mostly these lists.
const ID_PAGE: usize = 10_000;
/// Ids per `edit-tag` request: small enough for any server's form size limit.
const MARK_BATCH: usize = 250;
/// More ids than any real account holds: a server that keeps sending is lying.
const MAX_IDS: usize = 2_000_000;

const READING_LIST: &str = "user/-/state/com.google/reading-list";
const READ: &str = "user/-/state/com.google/read";
const STARRED: &str = "user/-/state/com.google/starred";

/// An open session on a Google Reader API server.
pub struct GReader {
    http: SyncHttp,
    /// The API's base, without a trailing slash (`…/api/greader.php`, `https://www.inoreader.com`).
    base: String,
    login: Login,
    auth: String,
    token: Option<String>,
    /// Articles, and ids, asked for per page.
    pages: (usize, usize),
    /// The folders of the last subscription list: labels by those names are folders.
    folders: Option<HashSet<String>>,
}

impl Backend for GReader {
    async fn log_in(http: SyncHttp, login: &Login) -> Result<GReader, SyncError> {
        let mut tried = Vec::new();
        for base in candidates(&login.url)? {
            match client_login(&http, &base, login).await {
                Ok(Some(auth)) => {
                    return Ok(GReader {
                        http,
                        base,
                        login: login.clone(),
                        auth,
                        token: None,
                        pages: (PAGE, ID_PAGE),
                        folders: None,
                    });
                }
                Ok(None) => tried.push(base),
                Err(SyncError::Auth(detail)) => return Err(auth_error(&base, detail)),
                Err(error @ (SyncError::Refused(_) | SyncError::BadResponse(_))) => {
                    tracing::debug!(%base, %error, "no ClientLogin here");
                    tried.push(base);
                }
                Err(error) => return Err(error),
            }
        }
        Err(SyncError::BadResponse(format!(
            "no Google Reader API answered at {}",
            tried.join(" nor at ")
        )))
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            subscribe: true,
            unsubscribe: true,
            rename_feed: true,
            move_feed: true,
            labels: true,
        }
    }

    async fn feeds(&mut self) -> Result<Vec<RemoteFeed>, SyncError> {
        let answer = self
            .get("subscription/list", &[("output", "json".into())])
            .await?;
        let feeds = parse::subscriptions(&answer.body)?;
        self.folders = Some(feeds.iter().filter_map(|f| f.folder.clone()).collect());
        Ok(feeds)
    }

    async fn new_items(&mut self, cursor: Option<&str>) -> Result<ItemPage, SyncError> {
        let mut cursor = Cursor::parse(cursor);
        let mut query = vec![
            ("output", "json".to_string()),
            ("n", self.pages.0.to_string()),
        ];
        if let Some(ot) = cursor.ot() {
            query.push(("ot", ot.to_string()));
        }
        if let Some(continuation) = &cursor.continuation {
            query.push(("c", continuation.clone()));
        }
        let answer = self
            .get(&format!("stream/contents/{READING_LIST}"), &query)
            .await?;
        let stream = parse::stream(&answer.body)?;
        let arrived = stream.items.len();
        let run_starts = cursor.continuation.is_none();
        let mut crawl_times = false;
        // The reading list comes newest first by crawl time: once an article the last sync had
        // is reached, the rest are older still. (`ot` is in whole seconds, so without this a
        // sync after a server's big fetch would page through all of that second's articles.)
        let mut reached_known = false;
        let mut items = Vec::with_capacity(arrived);
        for entry in stream.items {
            if let Some(crawled) = entry.crawled_us {
                crawl_times = true;
                if crawled <= cursor.since {
                    reached_known = cursor.since > 0;
                    continue;
                }
                cursor.high = cursor.high.max(crawled);
            }
            items.push(entry.item);
        }
        if run_starts && arrived > 0 && !crawl_times {
            // A server that sends no crawl times: its clock as the run began marks where the
            // next run starts (some articles may come twice; none is lost).
            if let Some(updated) = stream.updated {
                cursor.high = cursor.high.max(updated.saturating_mul(1_000_000));
            }
        }
        // A server that hands back the continuation it was given would page forever.
        let more = stream.continuation.filter(|next| {
            arrived > 0 && !reached_known && Some(next) != cursor.continuation.as_ref()
        });
        let done = more.is_none();
        cursor.continuation = more;
        if done {
            cursor.since = cursor.high;
        }
        Ok(ItemPage {
            items,
            cursor: cursor.to_text(),
            done,
        })
    }

    async fn unread_ids(&mut self) -> Result<Vec<String>, SyncError> {
        self.ids(READING_LIST, Some(READ)).await
    }

    async fn starred_ids(&mut self) -> Result<Vec<String>, SyncError> {
        self.ids(STARRED, None).await
    }

    /// One list of every id the server keeps (a request per 10,000), whatever `ids` holds.
    async fn kept(&mut self, ids: &[String]) -> Result<HashSet<String>, SyncError> {
        let all: HashSet<String> = self.ids(READING_LIST, None).await?.into_iter().collect();
        Ok(ids.iter().filter(|id| all.contains(*id)).cloned().collect())
    }

    async fn mark(&mut self, ids: &[String], mark: &Mark) -> Result<(), SyncError> {
        let (change, tag) = match mark {
            Mark::Read => ("a", READ.to_string()),
            Mark::Unread => ("r", READ.to_string()),
            Mark::Starred => ("a", STARRED.to_string()),
            Mark::Unstarred => ("r", STARRED.to_string()),
            Mark::Labelled(name) => ("a", label_stream(name)),
            Mark::Unlabelled(name) => ("r", label_stream(name)),
        };
        for batch in ids.chunks(MARK_BATCH) {
            let mut form = vec![(change, tag.clone())];
            for id in batch {
                let id = parse::item_id(id).ok_or_else(|| {
                    SyncError::Refused(format!("{id:?} is not a Google Reader article id"))
                })?;
                form.push(("i", id));
            }
            self.post("edit-tag", form).await?;
        }
        Ok(())
    }

    async fn labels(&mut self) -> Result<Vec<RemoteLabel>, SyncError> {
        self.tags_with_ids().await
    }

    async fn subscribe(
        &mut self,
        url: &str,
        folder: Option<&str>,
    ) -> Result<RemoteFeed, SyncError> {
        let answer = self
            .post("subscription/quickadd", vec![("quickadd", url.to_string())])
            .await?;
        let id = parse::quickadd(&answer.body)?;
        if folder.is_some() {
            self.move_feed(&id, folder).await?;
        }
        let feeds = self.feeds().await?;
        feeds.into_iter().find(|feed| feed.id == id).ok_or_else(|| {
            SyncError::BadResponse(format!(
                "the server said it subscribed to {url} as {id}, but does not list it"
            ))
        })
    }

    async fn unsubscribe(&mut self, feed_id: &str) -> Result<(), SyncError> {
        self.edit_subscription(feed_id, vec![("ac", "unsubscribe".into())])
            .await
    }

    async fn rename_feed(&mut self, feed_id: &str, title: &str) -> Result<(), SyncError> {
        self.edit_subscription(feed_id, vec![("ac", "edit".into()), ("t", title.into())])
            .await
    }

    async fn move_feed(&mut self, feed_id: &str, folder: Option<&str>) -> Result<(), SyncError> {
        let current = self
            .feeds()
            .await?
            .into_iter()
            .find(|feed| feed.id == feed_id)
            .ok_or_else(|| SyncError::Refused(format!("the server has no feed {feed_id}")))?
            .folder;
        if current.as_deref() == folder {
            return Ok(());
        }
        let mut form = vec![("ac", "edit".to_string())];
        if let Some(folder) = folder {
            form.push(("a", label_stream(folder)));
        }
        if let Some(current) = current {
            form.push(("r", label_stream(&current)));
        }
        self.edit_subscription(feed_id, form).await
    }
}

impl GReader {
    /// Asks for `articles` articles and `ids` ids per page instead: paging exercised on a
    /// server holding a few hundred articles.
    pub fn with_pages(mut self, articles: usize, ids: usize) -> GReader {
        self.pages = (articles.max(1), ids.max(1));
        self
    }

    /// The API's base this session talks to (where the address a person typed led).
    pub fn base(&self) -> &str {
        &self.base
    }

    async fn ids(&mut self, stream: &str, exclude: Option<&str>) -> Result<Vec<String>, SyncError> {
        let mut ids = Vec::new();
        let mut seen = HashSet::new();
        let mut continuation: Option<String> = None;
        loop {
            let mut query = vec![
                ("output", "json".to_string()),
                ("s", stream.to_string()),
                ("n", self.pages.1.to_string()),
            ];
            if let Some(exclude) = exclude {
                query.push(("xt", exclude.to_string()));
            }
            if let Some(continuation) = &continuation {
                query.push(("c", continuation.clone()));
            }
            let page = parse::item_ids(&self.get("stream/items/ids", &query).await?.body)?;
            let arrived = page.ids.len();
            ids.extend(page.ids.into_iter().filter(|id| seen.insert(id.clone())));
            if ids.len() > MAX_IDS {
                return Err(SyncError::BadResponse(format!(
                    "the server listed more than {MAX_IDS} articles"
                )));
            }
            match page.continuation {
                Some(next) if arrived > 0 && continuation.as_ref() != Some(&next) => {
                    continuation = Some(next);
                }
                _ => return Ok(ids),
            }
        }
    }

    async fn edit_subscription(
        &mut self,
        feed_id: &str,
        mut form: Vec<(&'static str, String)>,
    ) -> Result<(), SyncError> {
        form.push(("s", feed_id.to_string()));
        self.post("subscription/edit", form).await.map(|_| ())
    }

    fn url(&self, path: &str) -> String {
        format!("{}/reader/api/0/{path}", self.base)
    }

    /// A read; a forgotten session is opened again once.
    async fn get(&mut self, path: &str, query: &[(&str, String)]) -> Result<Answer, SyncError> {
        let mut again = true;
        loop {
            let request = self
                .http
                .client()
                .get(self.url(path))
                .query(query)
                .header(AUTHORIZATION, format!("GoogleLogin auth={}", self.auth));
            match self.http.send(request).await {
                Err(SyncError::Auth(_)) if again => {
                    again = false;
                    self.log_in_again().await?;
                }
                answer => return answer,
            }
        }
    }

    /// A change, with the write token: on a 401 the token is fetched again, then the session
    /// opened again, before giving up.
    async fn post(
        &mut self,
        path: &str,
        form: Vec<(&'static str, String)>,
    ) -> Result<Answer, SyncError> {
        let mut attempts = 0;
        loop {
            let token = match &self.token {
                Some(token) => token.clone(),
                None => self.fetch_token().await?,
            };
            let mut body = form.clone();
            body.push(("T", token));
            let request = self
                .http
                .client()
                .post(self.url(path))
                .form(&body)
                .header(AUTHORIZATION, format!("GoogleLogin auth={}", self.auth));
            match self.http.send(request).await {
                Err(SyncError::Auth(_)) if attempts < 2 => {
                    attempts += 1;
                    self.token = None;
                    if attempts == 2 {
                        self.log_in_again().await?;
                    }
                }
                answer => return answer,
            }
        }
    }

    async fn fetch_token(&mut self) -> Result<String, SyncError> {
        let answer = self.get("token", &[]).await?;
        let token = parse::token(&answer.body)?;
        self.token = Some(token.clone());
        Ok(token)
    }

    async fn log_in_again(&mut self) -> Result<(), SyncError> {
        match client_login(&self.http, &self.base, &self.login).await? {
            Some(auth) => {
                self.auth = auth;
                self.token = None;
                Ok(())
            }
            None => Err(SyncError::BadResponse(format!(
                "{} no longer answers as a Google Reader API",
                self.base
            ))),
        }
    }
}
