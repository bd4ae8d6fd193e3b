//! Subscriptions, folders, and adding feeds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::AccountId;
use crate::Timestamp;

pub type FeedId = i64;

pub type FolderId = i64;

/// A subscription as the sidebar shows it, with its health.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedSummary {
    #[ts(type = "number")]
    pub id: FeedId,
    #[ts(type = "number")]
    pub account_id: AccountId,
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
    /// Minutes between checks of this feed; `None`: the interval in Settings.
    #[ts(type = "number | null")]
    pub refresh_minutes: Option<i64>,
    /// A desktop notification when a refresh brings it new articles (one per feed and refresh).
    pub notify: bool,
    /// The pictures of each new article are kept for offline reading.
    pub keep_images: bool,
    /// The app's address of the feed's icon; `None` until one is found (a letter stands in).
    pub icon: Option<String>,
}

/// What a person sets for one feed, in *Feed details*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedSettings {
    /// Minutes between checks; `None`: the interval in Settings.
    #[ts(type = "number | null")]
    pub refresh_minutes: Option<i64>,
    pub notify: bool,
    pub keep_images: bool,
    pub full_text: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FeedStatus {
    Active,
    /// The server said 410 Gone: it is no longer polled.
    Gone,
    /// The feed of an account on a feed service: its server polls it.
    Synced,
}

/// A folder of feeds in the sidebar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Folder {
    #[ts(type = "number")]
    pub id: FolderId,
    #[ts(type = "number")]
    pub account_id: AccountId,
    pub name: String,
    #[ts(type = "number")]
    pub unread_count: i64,
}

/// A folder deleted, so that it can be undone: Undo puts it back with the feeds it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeletedFolder {
    /// How many feeds were in it (they are now outside any folder).
    #[ts(type = "number")]
    pub feeds: u64,
    /// Give this back to undo.
    #[ts(type = "number")]
    pub undo: u64,
}

/// What adding an address led to: a subscription, the one that already was, or a choice among
/// the feeds a site offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum AddFeedOutcome {
    Subscribed {
        feed: FeedSummary,
    },
    /// The feed was subscribed to already, maybe at another of its addresses; nothing changed.
    AlreadySubscribed {
        feed: FeedSummary,
    },
    Choose {
        candidates: Vec<FeedCandidate>,
    },
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
