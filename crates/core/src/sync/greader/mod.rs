//! The Google Reader API, as FreshRSS, Miniflux, Inoreader, The Old Reader and BazQux speak it.
//!
//! ClientLogin (`Email`, `Passwd`) gives an `Auth` value sent with every call; changes also carry
//! a write token from `token`, fetched when first needed and again once when the server refuses
//! it. A session the server has forgotten is opened again once per call. Parsing is in
//! [`parse`] (pure, fuzzed); where a sync of new articles stands is [`cursor`]'s.

mod cursor;
pub mod parse;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use reqwest::header::AUTHORIZATION;

use super::http::Answer;
use super::{Backend, Capabilities, ItemPage, Login, Mark, RemoteFeed, SyncError, SyncHttp};
use cursor::Cursor;

/// Articles per page of new ones: a few hundred, a few MB with their text.
const PAGE: usize = 200;
/// Ids per page of the unread and starred lists (ids are short; FreshRSS allows more).
const ID_PAGE: usize = 1000;
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
        }
    }

    async fn feeds(&mut self) -> Result<Vec<RemoteFeed>, SyncError> {
        let answer = self
            .get("subscription/list", &[("output", "json".into())])
            .await?;
        parse::subscriptions(&answer.body)
    }

    async fn new_items(&mut self, cursor: Option<&str>) -> Result<ItemPage, SyncError> {
        let mut cursor = Cursor::parse(cursor);
        let mut query = vec![("output", "json".to_string()), ("n", PAGE.to_string())];
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
        let mut items = Vec::with_capacity(arrived);
        for entry in stream.items {
            match entry.crawled_us {
                Some(crawled) if crawled <= cursor.since => continue,
                Some(crawled) => cursor.high = cursor.high.max(crawled),
                None => {}
            }
            items.push(entry.item);
        }
        if cursor.high == cursor.since && cursor.since == 0 {
            // A server that sends no crawl times: its clock marks where the next run starts,
            // so that run asks only for what came after (some may come twice; none is lost).
            if let Some(updated) = stream.updated {
                cursor.high = updated.saturating_mul(1_000_000);
            }
        }
        // A server that hands back the continuation it was given would page forever.
        let more = stream
            .continuation
            .filter(|next| arrived > 0 && Some(next) != cursor.continuation.as_ref());
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

    async fn mark(&mut self, ids: &[String], mark: Mark) -> Result<(), SyncError> {
        let (change, tag) = match mark {
            Mark::Read => ("a", READ),
            Mark::Unread => ("r", READ),
            Mark::Starred => ("a", STARRED),
            Mark::Unstarred => ("r", STARRED),
        };
        for batch in ids.chunks(MARK_BATCH) {
            let mut form = vec![(change, tag.to_string())];
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
            form.push(("a", format!("user/-/label/{folder}")));
        }
        if let Some(current) = current {
            form.push(("r", format!("user/-/label/{current}")));
        }
        self.edit_subscription(feed_id, form).await
    }
}

impl GReader {
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
                ("n", ID_PAGE.to_string()),
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

/// The bases to try for the address a person typed: the API's own address as given, then, for
/// a site's root (FreshRSS), `api/greader.php` under it.
fn candidates(typed: &str) -> Result<Vec<String>, SyncError> {
    let mut url = url::Url::parse(typed.trim())
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
        .ok_or_else(|| SyncError::Unreachable(format!("{typed:?} is not an http(s) address")))?;
    url.set_query(None);
    url.set_fragment(None);
    let base = url.as_str().trim_end_matches('/').to_string();
    if base.ends_with("/greader.php") {
        return Ok(vec![base]);
    }
    let under = format!("{base}/api/greader.php");
    Ok(vec![base, under])
}

/// ClientLogin at `base`: the `Auth` value, or `None` when something else answered there.
async fn client_login(
    http: &SyncHttp,
    base: &str,
    login: &Login,
) -> Result<Option<String>, SyncError> {
    let request = http
        .client()
        .post(format!("{base}/accounts/ClientLogin"))
        .form(&[
            ("Email", login.user.as_str()),
            ("Passwd", login.password.as_str()),
            ("client", "Tidings"),
        ]);
    let answer = http.send(request).await?;
    Ok(parse::login_auth(&answer.body))
}

/// Inoreader takes ClientLogin only from registered apps; its people need to be told.
fn auth_error(base: &str, detail: String) -> SyncError {
    let host = url::Url::parse(base)
        .ok()
        .and_then(|url| url.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default();
    if host == "inoreader.com" || host.ends_with(".inoreader.com") {
        return SyncError::Auth(
            "Inoreader needs its app password or OAuth sign-in, which Tidings does not do yet"
                .to_string(),
        );
    }
    SyncError::Auth(detail)
}

pub use GReader as Client;
