//! Searches a person keeps, as smart folders in the sidebar with their unread counts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{SearchQuery, SearchScope};
use crate::Timestamp;

pub type SavedSearchId = i64;

/// What a kept search looks for. The time filter is kept as a span back from now, so that
/// "past week" stays the past week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KeptSearch {
    pub text: String,
    pub scope: SearchScope,
    #[serde(default)]
    pub unread_only: bool,
    /// Only articles published in the last this many days.
    #[serde(default)]
    pub within_days: Option<u32>,
}

impl KeptSearch {
    /// The search as it is asked at `now`.
    pub fn at(&self, now: Timestamp) -> SearchQuery {
        SearchQuery {
            text: self.text.clone(),
            scope: self.scope,
            unread_only: self.unread_only,
            since: self.within_days.map(|days| now - i64::from(days) * 86_400),
            until: None,
            whole_words: true,
        }
    }
}

/// A kept search, with how many unread articles it finds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedSearch {
    #[ts(type = "number")]
    pub id: SavedSearchId,
    pub name: String,
    pub search: KeptSearch,
    /// Unread articles it finds; when `unread_capped`, at least this many.
    pub unread: u32,
    pub unread_capped: bool,
}
