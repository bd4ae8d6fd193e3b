//! Plain data exchanged with the UI. TypeScript versions are generated from these structs by ts-rs
//! (`cargo test -p tidings-core` writes them to `ui/src/lib/bindings/`), never written by hand.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Timestamp;

pub type FeedId = i64;
pub type FolderId = i64;
pub type ArticleId = i64;

/// A subscription as the sidebar shows it, with its health.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedSummary {
    #[ts(type = "number")]
    pub id: FeedId,
    pub url: String,
    /// The name the person gave the feed, else the feed's own title.
    pub title: String,
    pub site_url: Option<String>,
    #[ts(type = "number | null")]
    pub folder_id: Option<FolderId>,
    #[ts(type = "number")]
    pub unread_count: i64,
    pub status: FeedStatus,
    /// Last time the feed answered (new content or "not modified").
    #[ts(type = "number | null")]
    pub last_success_at: Option<Timestamp>,
    /// Why the last refresh failed, when it did; cleared by the next success.
    pub last_error: Option<String>,
    /// Refreshes that failed in a row; each one doubles the wait before the next try.
    #[ts(type = "number")]
    pub failure_count: i64,
    /// When the scheduler will next look at this feed.
    #[ts(type = "number | null")]
    pub next_poll_at: Option<Timestamp>,
    /// Each new article's page is fetched and read in full at refresh.
    pub full_text: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FeedStatus {
    Active,
    /// The server said 410 Gone: it is no longer polled.
    Gone,
}

/// A folder of feeds in the sidebar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Folder {
    #[ts(type = "number")]
    pub id: FolderId,
    pub name: String,
    #[ts(type = "number")]
    pub unread_count: i64,
}

/// Which feeds a refresh covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum RefreshScope {
    All,
    /// Only feeds whose next poll time has come (what the background scheduler runs).
    Due,
    #[serde(rename_all = "camelCase")]
    Folder {
        #[ts(type = "number")]
        folder_id: FolderId,
    },
    #[serde(rename_all = "camelCase")]
    Feed {
        #[ts(type = "number")]
        feed_id: FeedId,
    },
}

/// Which articles a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum ArticleView {
    All,
    Unread,
    Bookmarks,
    /// Pages and articles saved to read later.
    Saved,
    #[serde(rename_all = "camelCase")]
    Folder {
        #[ts(type = "number")]
        folder_id: FolderId,
    },
    #[serde(rename_all = "camelCase")]
    Feed {
        #[ts(type = "number")]
        feed_id: FeedId,
    },
}

/// Where the next page of a newest-first list starts: the last row of the previous page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ArticleCursor {
    #[ts(type = "number")]
    pub sort_at: Timestamp,
    #[ts(type = "number")]
    pub id: ArticleId,
}

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ArticleSummary {
    #[ts(type = "number")]
    pub id: ArticleId,
    #[ts(type = "number | null")]
    pub feed_id: Option<FeedId>,
    pub source_title: String,
    pub title: String,
    pub url: Option<String>,
    /// Publication time, or when Tidings first saw the article if the feed gave no date.
    #[ts(type = "number")]
    pub sort_at: Timestamp,
    pub is_read: bool,
    pub is_bookmarked: bool,
    pub is_saved: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ArticlePage {
    pub articles: Vec<ArticleSummary>,
    /// Present when more articles follow.
    pub next: Option<ArticleCursor>,
}

/// An article as the reader shows it. `content_html` is already sanitized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Article {
    #[ts(type = "number")]
    pub id: ArticleId,
    #[ts(type = "number | null")]
    pub feed_id: Option<FeedId>,
    pub source_title: String,
    pub title: String,
    pub url: Option<String>,
    pub author: Option<String>,
    pub content_html: String,
    pub enclosures: Vec<Enclosure>,
    #[ts(type = "number | null")]
    pub published_at: Option<Timestamp>,
    #[ts(type = "number")]
    pub sort_at: Timestamp,
    pub is_read: bool,
    pub is_bookmarked: bool,
    pub is_saved: bool,
    /// The picture that leads the article, when its page named one.
    pub lead_image: Option<String>,
    /// Minutes to read at 230 words a minute, when known.
    #[ts(type = "number | null")]
    pub reading_minutes: Option<u32>,
    /// Why the article's own page could not be read, when that was tried and failed.
    pub extract_error: Option<String>,
}

/// A file attached to an article: a podcast episode, a video, a PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Enclosure {
    pub url: String,
    pub mime_type: Option<String>,
    #[ts(type = "number | null")]
    pub length: Option<u64>,
}

/// How one feed's refresh ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum FeedOutcome {
    #[serde(rename_all = "camelCase")]
    Updated {
        #[ts(type = "number")]
        new_articles: u64,
        #[ts(type = "number")]
        updated_articles: u64,
    },
    NotModified,
    Failed {
        reason: String,
    },
    /// 410: the feed was removed by its publisher and will not be polled again.
    Gone,
}

/// Sent after each feed of a refresh finishes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefreshProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub feed_id: FeedId,
    pub feed_title: String,
    pub outcome: FeedOutcome,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefreshSummary {
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub not_modified: u64,
    #[ts(type = "number")]
    pub failed: u64,
    #[ts(type = "number")]
    pub new_articles: u64,
    /// Wall time of the whole refresh.
    pub seconds: f64,
    pub cancelled: bool,
}

/// The person's settings that live in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Minutes between background checks of each feed (servers may ask for longer).
    #[ts(type = "number")]
    pub refresh_interval_minutes: i64,
    /// Read articles older than this are removed (bookmarks never are).
    #[ts(type = "number")]
    pub keep_read_days: i64,
    /// Whether images of articles not kept offline load (always through the app, never from the
    /// webview).
    pub remote_images: RemoteImages,
    /// Keep the images of every new article for offline reading, not only of bookmarked and
    /// saved ones.
    pub keep_all_images: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RemoteImages {
    Always,
    OnClick,
    Never,
}

impl RemoteImages {
    pub fn as_str(self) -> &'static str {
        match self {
            RemoteImages::Always => "always",
            RemoteImages::OnClick => "onClick",
            RemoteImages::Never => "never",
        }
    }

    pub fn parse(value: &str) -> Option<RemoteImages> {
        [
            RemoteImages::Always,
            RemoteImages::OnClick,
            RemoteImages::Never,
        ]
        .into_iter()
        .find(|r| r.as_str() == value)
    }
}

/// What keeping an article's images did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KeptImages {
    #[ts(type = "number")]
    pub stored: u64,
    #[ts(type = "number")]
    pub failed: u64,
    /// Images left out because the article's images passed the size cap.
    #[ts(type = "number")]
    pub over_cap: u64,
}

/// What the UI gets when a command fails: a kind to branch on and a sentence to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UserError {
    pub kind: ErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorKind {
    InvalidUrl,
    Network,
    Http,
    NotAFeed,
    NotFound,
    /// The request itself can't be carried out (an empty name, say).
    Invalid,
    Storage,
    Internal,
}

/// What adding an address led to: a subscription, or a choice among the feeds a site offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum AddFeedOutcome {
    Subscribed { feed: FeedSummary },
    Choose { candidates: Vec<FeedCandidate> },
}

/// What saving a page did: the article as stored, and a note when the page held no article and
/// was kept as a link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveOutcome {
    pub article: ArticleSummary,
    pub note: Option<String>,
}

/// A search as the person typed it, with where to look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchQuery {
    pub text: String,
    pub scope: SearchScope,
    #[serde(default)]
    pub unread_only: bool,
    /// Only articles from this time on (inclusive).
    #[ts(type = "number | null")]
    #[serde(default)]
    pub since: Option<Timestamp>,
    /// Only articles before this time.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub until: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum SearchScope {
    All,
    Bookmarks,
    Saved,
    #[serde(rename_all = "camelCase")]
    Feed {
        #[ts(type = "number")]
        feed_id: FeedId,
    },
}

/// One article that matched, with the words that matched marked up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub article: ArticleSummary,
    /// The title, escaped, with matches in `<mark>`.
    pub title_html: String,
    /// A few lines around the first match in the text, escaped, with matches in `<mark>`.
    pub snippet_html: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchResults {
    /// Best first: relevance, with newer articles ahead of older ones that match as well.
    pub hits: Vec<SearchHit>,
    /// Subscriptions whose name matches.
    pub feeds: Vec<FeedSummary>,
}

/// What an OPML import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    #[ts(type = "number")]
    pub added: u64,
    #[ts(type = "number")]
    pub already_subscribed: u64,
    pub rejected: Vec<RejectedOutline>,
}

/// A feed found on a web page, offered when a page links to several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedCandidate {
    pub url: String,
    /// The link's title attribute, when the page gave one.
    pub title: Option<String>,
    pub format: FeedFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FeedFormat {
    Rss,
    Atom,
    Json,
    /// Not known from the link alone (a generic XML type, or a common path).
    Unknown,
}

/// An OPML entry that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RejectedOutline {
    /// The entry's title or text, as plain text (may be empty).
    pub title: String,
    /// The entry's xmlUrl as written (may be empty).
    pub url: String,
    pub reason: String,
}
