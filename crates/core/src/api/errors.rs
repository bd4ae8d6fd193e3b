//! Errors as the UI sees them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
