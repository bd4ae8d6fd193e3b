//! When the library cannot be opened at startup, or a check finds its file damaged while it is
//! in use: what went wrong and the ways out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The database could not be opened, or opened and was found damaged; the app shows a recovery
/// screen instead of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StartupProblem {
    /// The database file.
    pub path: String,
    /// Why it could not be opened (or what is damaged), for the person to read.
    pub reason: String,
    /// It opened, and a check of its file found damage (a copy of the file was taken first).
    pub damaged: bool,
}

/// What the person chose on the recovery screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RecoveryAction {
    /// Try to open the file again (after freeing disk space, say).
    Retry,
    /// Copy the file, as it is, beside it.
    BackUp,
    /// Move the file aside (it is kept) and start an empty library.
    StartFresh,
}

/// After a recovery action: the problem if there still is one, and where a copy was put.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecoveryReport {
    pub problem: Option<StartupProblem>,
    pub copy: Option<String>,
}
