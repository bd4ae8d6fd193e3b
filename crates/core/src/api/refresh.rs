//! Refreshing: what it covers and how it went.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FeedId, FolderId};

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
        /// Titles of its new articles a rule asked to be told of.
        #[serde(default)]
        notified: Vec<String>,
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
    /// Every feed failed without reaching its server, over two servers or more: the network,
    /// not the feeds, is what is wrong, and is what to tell the person (once).
    pub offline: bool,
    /// New articles of the feeds the person asked to be told of, each feed once.
    pub news: Vec<FeedNews>,
    /// New articles a rule asked to be told of, each with its feed.
    pub alerts: Vec<ArticleAlert>,
}

/// A new article a rule asked to be told of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ArticleAlert {
    pub feed_title: String,
    pub title: String,
}

/// A feed the person asked to be told of, and what a refresh brought it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FeedNews {
    #[ts(type = "number")]
    pub feed_id: FeedId,
    pub title: String,
    #[ts(type = "number")]
    pub new_articles: u64,
}
