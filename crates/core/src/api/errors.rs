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

impl UserError {
    /// The system would not open `url` in a web browser. What the launcher said (an exit status)
    /// goes to the log: it tells the person nothing they can act on.
    pub fn browser_did_not_open(url: &str, cause: &dyn std::fmt::Display) -> UserError {
        tracing::warn!(url, %cause, "the system browser did not open");
        UserError {
            kind: ErrorKind::Internal,
            message: format!(
                "Your web browser didn't open. Check that this computer has a default web browser, then try again — or copy the address: {url}"
            ),
        }
    }
}
