//! A checkpoint off the person's click. SQLite copies the WAL back into the database file inside
//! the committing call once the WAL passes 1,000 pages; after a big change (marking 100k articles
//! read: ~5,000 pages) that took ~50 ms of the click on a disk-backed file
//! (docs/performance/costs.md, *Mark all read*). Such changes commit without it and wake a thread
//! that checkpoints as SQLite would (PASSIVE: it never waits for the writer or readers), through a
//! connection of its own. Everything else keeps SQLite's own checkpoint: run beside a refresh's
//! stream of commits, checkpoints from a thread cost the refresh 10% more CPU.

use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;

use rusqlite::Connection;

/// SQLite's automatic checkpoint threshold, in WAL pages (its default).
const AUTOCHECKPOINT_PAGES: i64 = 1000;

pub(super) struct Checkpointer {
    due: Option<mpsc::SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    pub(super) fn start(path: &Path) -> Result<Checkpointer, String> {
        let own = Connection::open(path).map_err(|e| e.to_string())?;
        own.execute_batch("PRAGMA busy_timeout = 5000;")
            .map_err(|e| e.to_string())?;
        // One pending wake-up is enough: a checkpoint copies whatever the WAL holds by then.
        let (due, wake) = mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("tidings-checkpoint".into())
            .spawn(move || {
                while wake.recv().is_ok() {
                    let done = own.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                    if let Err(error) = done {
                        tracing::warn!(%error, "checkpoint failed");
                    }
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(Checkpointer {
            due: Some(due),
            thread: Some(thread),
        })
    }

    /// Runs `change` on `writer` with SQLite's checkpoint off, then has the thread checkpoint.
    pub(super) fn aside<T>(
        &self,
        writer: &mut Connection,
        change: impl FnOnce(&mut Connection) -> crate::Result<T>,
    ) -> crate::Result<T> {
        writer.pragma_update(None, "wal_autocheckpoint", 0)?;
        let changed = change(writer);
        // The change's outcome is what the caller needs, whatever happens here.
        if let Err(error) = writer.pragma_update(None, "wal_autocheckpoint", AUTOCHECKPOINT_PAGES) {
            tracing::warn!(%error, "SQLite's automatic checkpoint could not be turned back on");
        }
        if let Some(due) = &self.due {
            let _ = due.try_send(());
        }
        changed
    }

    /// Ends the thread (after its checkpoint in progress, if any), so that its connection is
    /// closed before the store's: left open after the store is gone, it could, closing last,
    /// checkpoint into a file set aside and delete the WAL of a new one at the same path.
    pub(super) fn stop(&mut self) {
        self.due = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
