//! Retention: read articles older than the configured age are removed, in small batches so
//! the UI's writes never wait long. Bookmarked, saved and tagged articles are never removed. A tombstone keeps
//! each removed article's identity so that the next refresh doesn't bring it back as new.
//! Articles of accounts on feed services follow their server instead (`server_retention.rs`).

use rusqlite::params;

use super::Store;
use super::tags::KEPT;
use crate::api::LOCAL_ACCOUNT;
use crate::{Result, Timestamp};

/// Articles removed per transaction: small enough that a bookmark click waits at most a few ms.
const BATCH: usize = 500;

impl Store {
    /// Removes read articles no one kept (bookmarked, saved, tagged) published before `older_than`,
    /// and forgets the story keys of articles too old to have new copies. Returns how many.
    pub fn prune_read_articles(&self, older_than: Timestamp, now: Timestamp) -> Result<usize> {
        {
            let mut conn = self.writer();
            let tx = conn.transaction()?;
            super::stories::forget_old_prints(&tx, now)?;
            tx.commit()?;
            self.stories.forget();
        }
        let mut total = 0;
        loop {
            let removed = self.prune_batch(older_than, now)?;
            total += removed;
            if removed < BATCH {
                return Ok(total);
            }
        }
    }

    fn prune_batch(&self, older_than: Timestamp, now: Timestamp) -> Result<usize> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        start_doomed(&tx)?;
        let chosen = tx.execute(
            &format!(
                "INSERT INTO temp.doomed (id)
                 SELECT a.id FROM articles a
                 WHERE a.is_read = 1 AND a.sort_at < ?1 AND NOT {KEPT}
                   AND a.feed_id IN (SELECT id FROM feeds WHERE account_id = ?3)
                 LIMIT ?2"
            ),
            params![older_than, BATCH as i64, LOCAL_ACCOUNT],
        )?;
        remove_doomed(&tx, now)?;
        tx.commit()?;
        Ok(chosen)
    }
}

/// An empty `temp.doomed` to put the ids of articles to remove in.
pub(super) fn start_doomed(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY)",
        [],
    )?;
    tx.execute("DELETE FROM temp.doomed", [])?;
    Ok(())
}

/// Removes the articles in `temp.doomed` and their search entries, leaving a tombstone for
/// each so that its feed or server listing it again does not bring it back as new.
pub(super) fn remove_doomed(tx: &rusqlite::Transaction, now: Timestamp) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO article_tombstones (feed_id, identity, removed_at)
         SELECT feed_id, identity, ?1 FROM articles
         WHERE id IN (SELECT id FROM temp.doomed) AND feed_id IS NOT NULL",
        [now],
    )?;
    tx.execute(
        "DELETE FROM articles_fts WHERE rowid IN (SELECT id FROM temp.doomed)",
        [],
    )?;
    tx.execute(
        "DELETE FROM articles WHERE id IN (SELECT id FROM temp.doomed)",
        [],
    )?;
    Ok(())
}
