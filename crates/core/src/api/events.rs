//! What core tells the front ends as it happens: one enum, which the app sends to the UI as one
//! event and the CLI prints on stderr.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    RefreshProgress, RefreshSummary, SubscribeRequest, SyncSummary, UserError, WorkReport,
};

/// Something that happened outside any command's answer: progress of long work, its end, a feed
/// handed over by a second launch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    content = "details",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum AppEvent {
    /// A feed of the running refresh is done.
    RefreshProgress(RefreshProgress),
    /// A refresh ended (the person's or the schedule's).
    RefreshFinished(RefreshSummary),
    /// A refresh could not run (the database failed).
    RefreshFailed(UserError),
    /// An OPML import has added `done` of its `total` feeds.
    ImportProgress {
        #[ts(type = "number")]
        done: u64,
        #[ts(type = "number")]
        total: u64,
    },
    /// How work asked for on an article went.
    WorkReport(WorkReport),
    /// An account's sync ended (the person's or the schedule's); refused changes were undone.
    SyncFinished(SyncSummary),
    /// A feed link or file opened with Tidings while it was already running.
    SubscribeRequest(SubscribeRequest),
}

/// Where core's [`AppEvent`]s go: the app sends them to its window, the CLI prints them.
pub trait Reporter: Send + Sync {
    fn report(&self, event: AppEvent);
}
