//! Tags a person puts on articles, and the views they make.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub type TagId = i64;

/// A tag in use, with how many articles carry it, for the sidebar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Tag {
    #[ts(type = "number")]
    pub id: TagId,
    /// As it was first written; another spelling that differs only in case is the same tag.
    pub name: String,
    #[ts(type = "number")]
    pub articles: i64,
    #[ts(type = "number")]
    pub unread: i64,
}
