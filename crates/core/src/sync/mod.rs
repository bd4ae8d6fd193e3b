//! Accounts on a feed service (FreshRSS, Miniflux, Tiny Tiny RSS…): the seam between Tidings and
//! each sync protocol.
//!
//! A backend ([`Backend`]) speaks one protocol and nothing else: it logs in, says what the
//! service lets a client do ([`Capabilities`]), answers what the server holds as plain data
//! ([`RemoteFeed`], [`RemoteItem`], id lists) and sends changes ([`Mark`], subscriptions). It
//! never touches the database: `library/sync` decides what a sync stores and sends, so every
//! protocol gets the same rules (the outbox, what a conflict means, retention).
//!
//! Every answer from a server is hostile input: a backend bounds time and memory through
//! [`http::SyncHttp`], tolerates ids as strings or numbers, missing fields and duplicates, and
//! turns each failure into a [`SyncError`] a person can act on.

#![allow(async_fn_in_trait)] // backends are used through `Client`, by their concrete types

pub mod fever;
pub mod greader;
pub mod http;
pub mod keychain;
mod lenient;
pub mod ttrss;

use std::collections::HashSet;

use crate::Timestamp;

pub use http::SyncHttp;

/// How to reach an account: the address a person typed, their user name and password.
#[derive(Clone, PartialEq, Eq)]
pub struct Login {
    /// The service's address as the person gave it (e.g. `https://rss.example.com/`); each
    /// backend finds its API under it (`api/greader.php`, `api/fever.php`, `api/`…) or takes it
    /// as the API's own address.
    pub url: String,
    pub user: String,
    pub password: String,
}

// Never print a password, even in a debug log.
impl std::fmt::Debug for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Login")
            .field("url", &self.url)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

/// What a service lets a client change besides read and starred state. The UI hides what an
/// account cannot do; core refuses it with a message naming the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Capabilities {
    pub subscribe: bool,
    pub unsubscribe: bool,
    pub rename_feed: bool,
    /// Put a feed in a folder, or take it out.
    pub move_feed: bool,
    /// Labels on articles, which are the account's tags here: a tag put on one of its articles
    /// reaches the server, and the server's labels become tags. Without them tags on the
    /// account's articles stay on this computer.
    pub labels: bool,
}

/// A subscription on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFeed {
    /// The server's id for it, as text whatever the protocol sends.
    pub id: String,
    pub title: String,
    /// The feed's own address (what a reader would poll).
    pub url: String,
    pub site_url: Option<String>,
    /// The folder (category, label, group) it is in; `None` when outside any. One level: where
    /// a protocol allows several, the first.
    pub folder: Option<String>,
}

/// An article as the server holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteItem {
    /// The server's id, as decimal text (Google Reader's long form is shortened).
    pub id: String,
    /// [`RemoteFeed::id`] of its feed.
    pub feed_id: String,
    pub title: String,
    pub url: Option<String>,
    pub author: Option<String>,
    /// As the server sends it: core sanitizes it before storing.
    pub content_html: String,
    pub published_at: Option<Timestamp>,
    pub read: bool,
    pub starred: bool,
}

/// One page of new articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPage {
    pub items: Vec<RemoteItem>,
    /// Where to go on from: stored with this page's items, in the same transaction, and given
    /// back to the next [`Backend::new_items`] call (this sync's next page, or the next sync).
    /// Opaque to core.
    pub cursor: String,
    /// True when this was the last page of what is new.
    pub done: bool,
}

/// A label on the server and the articles it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteLabel {
    pub name: String,
    /// [`RemoteItem::id`]s.
    pub ids: Vec<String>,
}

/// A change to an article's state on the server.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Mark {
    Read,
    Unread,
    Starred,
    Unstarred,
    /// The label of that name put on (the server makes it if it has none of that name).
    Labelled(String),
    Unlabelled(String),
}

/// How [`SyncError::Auth`] begins.
pub const LOGIN_REFUSED: &str = "the server refused the user name or password";
/// How [`SyncError::NoPassword`] begins.
pub const NO_PASSWORD: &str = "there is no password to log in with";

impl SyncError {
    /// Whether the error asks the person to give the password again: the server refused it,
    /// or there was none.
    pub fn asks_for_password(&self) -> bool {
        matches!(self, SyncError::Auth(_) | SyncError::NoPassword(_))
    }
}

/// Why a call to a service failed. Each says what a person can do about it; none carries a
/// password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// The user name or password was refused (or the API is switched off for this user).
    #[error("{}{}", LOGIN_REFUSED, detail(.0))]
    Auth(String),
    /// No password was found to log in with: no keychain kept it past the last run, or none
    /// answers (says which). The server was not asked.
    #[error("{}: {}", NO_PASSWORD, .0)]
    NoPassword(String),
    /// No answer: the name does not resolve, nothing listens, the connection dropped.
    #[error("the server could not be reached: {0}")]
    Unreachable(String),
    #[error("the secure connection failed: {0}")]
    Tls(String),
    /// The server took longer than we wait, or stopped sending.
    #[error("the server took too long to answer")]
    Timeout,
    /// 429 or 503 with Retry-After: try again no sooner than this many seconds.
    #[error("the server asked us to slow down{}", match .retry_after { Some(s) => format!(" (for {s} s)"), None => String::new() })]
    RateLimited { retry_after: Option<u64> },
    /// The server answered with an error of its own (5xx, or an error in the protocol's body).
    #[error("the server had a problem: {0}")]
    Server(String),
    /// The answer was not what the protocol says: not JSON, wrong shape, too big.
    #[error("the server's answer made no sense: {0}")]
    BadResponse(String),
    /// The server refused a change it understood (an unknown article, a read-only feature).
    #[error("the server refused the change: {0}")]
    Refused(String),
    /// This service cannot do that at all (Fever cannot subscribe).
    #[error("{0}")]
    Unsupported(String),
}

/// What a service without labels answers a label change.
pub(crate) fn no_labels(service: &str) -> SyncError {
    SyncError::Unsupported(format!(
        "{service} has no labels: tags on its articles stay on this computer"
    ))
}

fn detail(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" ({text})")
    }
}

/// One sync protocol. Implementations hold their session (token, session id) and log in again
/// by themselves when the server says it expired.
pub trait Backend: Sized {
    /// Logs in; fails with [`SyncError::Auth`] on a wrong password.
    async fn log_in(http: SyncHttp, login: &Login) -> Result<Self, SyncError>;

    fn capabilities(&self) -> Capabilities;

    /// Every subscription, with its folder.
    async fn feeds(&mut self) -> Result<Vec<RemoteFeed>, SyncError>;

    /// The next page of articles new since `cursor` (`None`: the first sync, everything the
    /// server keeps). Oldest or newest first, as the protocol pages; at most a few hundred per page.
    async fn new_items(&mut self, cursor: Option<&str>) -> Result<ItemPage, SyncError>;

    /// The ids of every unread article on the server.
    async fn unread_ids(&mut self) -> Result<Vec<String>, SyncError>;

    /// The ids of every starred article on the server.
    async fn starred_ids(&mut self) -> Result<Vec<String>, SyncError>;

    /// Which of these articles the server still keeps: the rest it has removed (servers drop
    /// old read articles on their own schedule). A server may check only some of a long list;
    /// those it did not check count as kept.
    async fn kept(&mut self, ids: &[String]) -> Result<HashSet<String>, SyncError>;

    /// Applies `mark` to these articles, in as few requests as the protocol allows. A label
    /// where [`Capabilities::labels`] is false is [`SyncError::Unsupported`].
    async fn mark(&mut self, ids: &[String], mark: &Mark) -> Result<(), SyncError>;

    /// Every label that is on some article, with the articles it is on; none where
    /// [`Capabilities::labels`] is false. Folders are not labels here, even where the protocol
    /// sends them as ones.
    async fn labels(&mut self) -> Result<Vec<RemoteLabel>, SyncError>;

    /// Subscribes to the feed at `url`, in `folder` when given.
    async fn subscribe(&mut self, url: &str, folder: Option<&str>)
    -> Result<RemoteFeed, SyncError>;

    async fn unsubscribe(&mut self, feed_id: &str) -> Result<(), SyncError>;

    async fn rename_feed(&mut self, feed_id: &str, title: &str) -> Result<(), SyncError>;

    /// Puts the feed in `folder`, or outside any when `None`.
    async fn move_feed(&mut self, feed_id: &str, folder: Option<&str>) -> Result<(), SyncError>;
}

/// Logs in with the backend of `kind` and evaluates `body` with `backend` bound to it
/// (`&mut impl Backend`). Answers `Result<body's value, SyncError>`.
macro_rules! with_backend {
    ($kind:expr, $http:expr, $login:expr, |$backend:ident| $body:expr) => {
        async {
            use $crate::api::AccountKind;
            use $crate::sync::{Backend, SyncError, fever, greader, ttrss};
            match $kind {
                AccountKind::Greader => {
                    let mut client = greader::GReader::log_in($http, $login).await?;
                    let $backend = &mut client;
                    Ok($body)
                }
                AccountKind::Fever => {
                    let mut client = fever::Fever::log_in($http, $login).await?;
                    let $backend = &mut client;
                    Ok($body)
                }
                AccountKind::Ttrss => {
                    let mut client = ttrss::TtRss::log_in($http, $login).await?;
                    let $backend = &mut client;
                    Ok($body)
                }
                AccountKind::Local => Err(SyncError::Unsupported(
                    "the library on this computer has no server".to_string(),
                )),
            }
        }
        .await
    };
}
pub(crate) use with_backend;
