//! Articles: views and lists, one article in full, reading state.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FeedId, FolderId, TagId};
use crate::Timestamp;

pub type ArticleId = i64;

/// Which articles a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum ArticleView {
    All,
    Unread,
    /// Articles from the start of today (local time).
    Today,
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
    /// Articles carrying a tag.
    #[serde(rename_all = "camelCase")]
    Tag {
        #[ts(type = "number")]
        tag_id: TagId,
    },
}

/// How a list is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ListOptions {
    #[serde(default)]
    pub oldest_first: bool,
    #[serde(default)]
    pub unread_only: bool,
}

/// Counts for the smart views, to show next to them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ViewCounts {
    #[ts(type = "number")]
    pub unread: i64,
    #[ts(type = "number")]
    pub today_unread: i64,
    #[ts(type = "number")]
    pub bookmarks: i64,
    #[ts(type = "number")]
    pub saved: i64,
    /// Every highlight in the library.
    #[ts(type = "number")]
    pub highlights: i64,
}

/// Articles marked read together, so that it can be undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MarkedRead {
    #[ts(type = "number")]
    pub count: u64,
    /// Give this back to undo.
    #[ts(type = "number")]
    pub undo: u64,
}

/// Which rows of a list, seen from one of them, "mark read" takes: those above it or those below
/// it, in the order the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Side {
    Above,
    Below,
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
    /// Its pictures are still to be kept for offline reading, if they are.
    pub pictures_pending: Option<PendingWork>,
    /// Its page is still to be read in full (a page saved while offline, "Load full text", a
    /// feed turned to full articles), if it is.
    pub page_pending: Option<PendingWork>,
    /// The names of its tags, in alphabetical order.
    pub tags: Vec<String>,
    /// The other copies of its story, from other feeds: first the story's first article, then
    /// the rest as they came ("Also in").
    pub also_in: Vec<StoryCopy>,
    /// The language its feed says it is written in (a BCP 47 tag such as `ar` or `en-GB`), when
    /// it says: the reader sets the text's direction from it.
    pub language: Option<String>,
}

/// A copy of a story in another feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoryCopy {
    #[ts(type = "number")]
    pub id: ArticleId,
    /// The feed it came in.
    pub source_title: String,
}

/// Where work a person asked for on an article (keeping its pictures, reading a page saved
/// while offline) stands, when it is not done yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PendingWork {
    /// Not tried yet, or being done.
    Working,
    /// The last try found no network (or the server away); Tidings tries again by itself.
    WaitingForNetwork,
}

/// What became of work a person asked for, told as it happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum WorkReport {
    /// A bookmarked or saved article's pictures are kept, all that can be.
    ImagesKept {
        #[ts(type = "number")]
        article_id: ArticleId,
        kept: KeptImages,
    },
    /// Its pictures or its page could not be fetched for now (`reason`); tried again later.
    WaitingForNetwork {
        #[ts(type = "number")]
        article_id: ArticleId,
        reason: String,
    },
    /// An article's page has been read (or could not be, for good; the article says why): a
    /// page saved while offline, a full article asked for.
    PageRead {
        #[ts(type = "number")]
        article_id: ArticleId,
    },
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
    /// Images that could not be fetched for now (no network, a server down); Tidings tries
    /// again later by itself.
    #[ts(type = "number")]
    pub waiting: u64,
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
