//! Search queries and results.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ArticleId, ArticleSummary, FeedId, FeedSummary, TagId};
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
    /// The words are complete (a kept search's): the last is not the start of one being typed.
    #[serde(default)]
    pub whole_words: bool,
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
    #[serde(rename_all = "camelCase")]
    Tag {
        #[ts(type = "number")]
        tag_id: TagId,
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

/// A page of results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchResults {
    /// Best first: relevance, with newer articles ahead of older ones that match as well.
    pub hits: Vec<SearchHit>,
    /// Subscriptions whose name matches (on the first page).
    pub feeds: Vec<FeedSummary>,
    /// How many articles match; when `capped`, how many were counted: more match.
    pub total: u32,
    pub capped: bool,
    /// Where the next page starts; `None` on the last.
    pub next: Option<SearchCursor>,
}

/// Where a page of search results ends, for the next to start there. The matches stored last
/// (`search::CANDIDATES` of them) are ranked; those stored before follow, the last stored first.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum SearchCursor {
    /// After this hit of the ranked matches, scored as they were at `now` (so that every page
    /// ranks alike).
    #[serde(rename_all = "camelCase")]
    Ranked {
        #[ts(type = "number")]
        now: Timestamp,
        score: f64,
        #[ts(type = "number")]
        id: ArticleId,
    },
    /// Past the ranked matches: those stored before this one.
    #[serde(rename_all = "camelCase")]
    Older {
        #[ts(type = "number")]
        before_id: ArticleId,
    },
}
