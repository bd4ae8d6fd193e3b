//! Search queries and results.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ArticleSummary, FeedId, FeedSummary};
use crate::Timestamp;

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
