//! What "mark all read" changed, kept for a while so that Undo can put it back exactly.

use std::collections::VecDeque;
use std::sync::Mutex;

use crate::api::ArticleId;

/// Batches remembered; older ones can no longer be undone.
const KEPT: usize = 8;

/// One "mark all read": its token and the articles it changed.
struct Batch {
    token: u64,
    ids: Vec<ArticleId>,
}

#[derive(Default)]
struct Log {
    last_token: u64,
    batches: VecDeque<Batch>,
}

#[derive(Default)]
pub(super) struct UndoLog(Mutex<Log>);

impl UndoLog {
    pub fn remember(&self, ids: Vec<ArticleId>) -> u64 {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        log.last_token += 1;
        let token = log.last_token;
        log.batches.push_back(Batch { token, ids });
        if log.batches.len() > KEPT {
            log.batches.pop_front();
        }
        token
    }

    pub fn take(&self, token: u64) -> Option<Vec<ArticleId>> {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let at = log.batches.iter().position(|b| b.token == token)?;
        log.batches.remove(at).map(|b| b.ids)
    }
}
