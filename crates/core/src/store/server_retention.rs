//! Retention for accounts on feed services: the server decides how long its articles live.
//! Once a day a sync asks which of the account's read articles the server still keeps, and
//! those it removed go here too, with a tombstone as local retention leaves. Bookmarked, saved
//! and tagged articles stay, and so does one whose change the server does not have yet.

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::tags::KEPT;
use crate::api::AccountId;
use crate::{Result, Timestamp};

/// How often a sync asks the server what it still keeps.
const KEPT_CHECK_EVERY: Timestamp = 86_400;

/// Articles removed per transaction: small enough that a click waits at most a few ms.
const BATCH: usize = 500;

/// The account's articles a sync may remove when the server no longer keeps them.
fn removable() -> String {
    format!(
        "FROM articles a JOIN feeds f ON f.id = a.feed_id
         WHERE f.account_id = ?1 AND a.identity LIKE 'r:%' AND a.is_read = 1 AND NOT {KEPT}
           AND NOT EXISTS (SELECT 1 FROM sync_outbox o
                           WHERE o.account_id = ?1 AND o.remote_id = substr(a.identity, 3))"
    )
}

impl Store {
    /// Whether the account's server has not been asked what it keeps for a day.
    pub fn kept_check_due(&self, account: AccountId, now: Timestamp) -> Result<bool> {
        let checked: Option<Timestamp> = self.reader().query_row(
            "SELECT kept_checked_at FROM accounts WHERE id = ?1",
            [account],
            |row| row.get(0),
        )?;
        Ok(checked.is_none_or(|at| now - at >= KEPT_CHECK_EVERY || at > now))
    }

    /// The server ids of the account's articles it may have removed (read, not bookmarked,
    /// saved or tagged, no change waiting), oldest first: servers remove the oldest first.
    pub fn removable_synced(&self, account: AccountId) -> Result<Vec<String>> {
        let conn = self.reader();
        let mut stmt = conn.prepare(&format!(
            "SELECT substr(a.identity, 3) {} ORDER BY a.sort_at, a.id",
            removable()
        ))?;
        let ids = stmt
            .query_map([account], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// The server id of the account's article that arrived last: the one its server is
    /// surest to keep.
    pub fn newest_synced(&self, account: AccountId) -> Result<Option<String>> {
        let newest = self
            .reader()
            .query_row(
                "SELECT substr(a.identity, 3) FROM articles a JOIN feeds f ON f.id = a.feed_id
                 WHERE f.account_id = ?1 AND a.identity LIKE 'r:%'
                 ORDER BY a.first_seen_at DESC, a.id DESC LIMIT 1",
                [account],
                |row| row.get(0),
            )
            .optional()?;
        Ok(newest)
    }

    /// Removes the account's articles with these server ids, those still removable (the
    /// person may have bookmarked one meanwhile). Returns how many.
    pub fn remove_unkept(
        &self,
        account: AccountId,
        remote_ids: &[String],
        now: Timestamp,
    ) -> Result<usize> {
        let mut removed = 0;
        for batch in remote_ids.chunks(BATCH) {
            let mut conn = self.writer();
            let tx = conn.transaction()?;
            super::retention::start_doomed(&tx)?;
            {
                let mut doom = tx.prepare(&format!(
                    "INSERT OR IGNORE INTO temp.doomed (id)
                     SELECT a.id {} AND a.identity = 'r:' || ?2",
                    removable()
                ))?;
                for remote in batch {
                    removed += doom.execute(params![account, remote])?;
                }
            }
            super::retention::remove_doomed(&tx, now)?;
            tx.commit()?;
        }
        Ok(removed)
    }

    /// Records that the account's server was asked what it keeps.
    pub fn kept_checked(&self, account: AccountId, now: Timestamp) -> Result<()> {
        self.writer().execute(
            "UPDATE accounts SET kept_checked_at = ?2 WHERE id = ?1",
            params![account, now],
        )?;
        Ok(())
    }
}
