//! What an undoable action changed — marking many articles read, deleting a folder — kept for a
//! while so that Undo can put it back exactly.

use std::collections::VecDeque;
use std::sync::Mutex;

use super::Library;
use crate::Result;
use crate::api::ArticleId;
use crate::store::{RemovedFolder, RuleChanges, Store};

/// Actions remembered; older ones can no longer be undone.
const KEPT: usize = 8;

/// What one action changed, as Undo needs it.
pub(super) enum Undoable {
    /// The articles it marked read.
    MarkedRead(Vec<ArticleId>),
    FolderDeleted(RemovedFolder),
    /// What a rule did when it was saved.
    RuleApplied(RuleChanges),
}

#[derive(Default)]
struct Log {
    last_token: u64,
    actions: VecDeque<(u64, Undoable)>,
}

#[derive(Default)]
pub(super) struct UndoLog(Mutex<Log>);

impl UndoLog {
    /// Keeps `action` and returns the token that undoes it.
    pub fn remember(&self, action: Undoable) -> u64 {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        log.last_token += 1;
        let token = log.last_token;
        log.actions.push_back((token, action));
        if log.actions.len() > KEPT {
            log.actions.pop_front();
        }
        token
    }

    fn take(&self, token: u64) -> Option<Undoable> {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let at = log.actions.iter().position(|(t, _)| *t == token)?;
        log.actions.remove(at).map(|(_, action)| action)
    }

    /// Keeps an action whose undoing failed, under its token, to be tried again.
    fn put_back(&self, token: u64, action: Undoable) {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let at = log.actions.partition_point(|(t, _)| *t < token);
        log.actions.insert(at, (token, action));
    }
}

impl Undoable {
    fn undo(&self, store: &Store) -> Result<()> {
        match self {
            Undoable::MarkedRead(ids) => store.mark_unread(ids),
            Undoable::FolderDeleted(folder) => store.restore_folder(folder).map(|_| ()),
            Undoable::RuleApplied(changes) => store.undo_rule(changes),
        }
    }
}

impl Library {
    /// Undoes the action `undo` was given for ([`Library::mark_view_read`],
    /// [`Library::mark_read_beside`], [`Library::delete_folder`]); false when it is too old to
    /// undo, or was undone already. An undo that fails can be tried again.
    pub async fn undo(&self, undo: u64) -> Result<bool> {
        let Some(action) = self.undo.take(undo) else {
            return Ok(false);
        };
        let (undone, action) = self.blocking(move |s| Ok((action.undo(s), action))).await?;
        if undone.is_err() {
            self.undo.put_back(undo, action);
        }
        self.outbox_may_have_changed();
        undone.map(|()| true)
    }
}
