//! What core tells the front ends as it happens: one enum, which the app sends to the UI as one
//! event and the CLI prints on stderr.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RefreshProgress, RefreshSummary, StartupProblem, SyncSummary, UserError, WorkReport};

/// Something that happened outside any command's answer: progress of long work, its end, a link
/// handed over by a second launch, damage found in the library.
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
    /// A check of the library's file, in use, found it damaged: the recovery screen offers the
    /// ways out.
    LibraryDamaged(StartupProblem),
    /// `found` feeds got an icon (looked for after a refresh): the feed list shows them.
    FeedIconsChanged {
        #[ts(type = "number")]
        found: u64,
    },
    /// A feed link or file, or an article's link, opened with Tidings while it was running.
    LaunchRequest(LaunchRequest),
}

/// What Tidings was opened with from outside: a feed (a `feed:` link in a browser, a saved feed
/// file) to offer in the "Add a feed" dialog, an article to show (its `tidings://article/ID`
/// link, in a note exported from Tidings), or why neither can be done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum LaunchRequest {
    Offer {
        address: String,
    },
    OpenArticle {
        #[ts(type = "number")]
        article_id: i64,
    },
    Refused {
        reason: String,
    },
}

/// Where core's [`AppEvent`]s go: the app sends them to its window, the CLI prints them.
pub trait Reporter: Send + Sync {
    fn report(&self, event: AppEvent);
}
