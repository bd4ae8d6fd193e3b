//! Accounts: the local one (id 1, made by migration 7) and accounts on feed services.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::api::{AccountId, AccountKind, LOCAL_ACCOUNT};
use crate::{Error, Result, Timestamp};

/// An account as stored: what a sync needs to go on, and what the sidebar shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAccount {
    pub id: AccountId,
    pub kind: AccountKind,
    pub name: String,
    pub url: Option<String>,
    pub user_name: Option<String>,
    /// Where fetching new articles goes on from ([`crate::sync::ItemPage::cursor`]).
    pub cursor: Option<String>,
    pub last_sync_at: Option<Timestamp>,
    pub last_error: Option<String>,
    /// The last error was the server refusing the password, or there being none to give.
    pub login_failed: bool,
    /// Changes waiting in the outbox.
    pub pending_changes: i64,
}

const ACCOUNT_SELECT: &str = "SELECT a.id, a.kind, a.name, a.url, a.user_name, a.cursor,
        a.last_sync_at, a.last_error, a.login_failed,
        (SELECT count(*) FROM sync_outbox o WHERE o.account_id = a.id)
     FROM accounts a";

fn account_from_row(row: &rusqlite::Row) -> rusqlite::Result<StoredAccount> {
    let kind: String = row.get(1)?;
    Ok(StoredAccount {
        id: row.get(0)?,
        // An account written by a newer Tidings is shown as local: it is never synced.
        kind: AccountKind::from_code(&kind).unwrap_or(AccountKind::Local),
        name: row.get(2)?,
        url: row.get(3)?,
        user_name: row.get(4)?,
        cursor: row.get(5)?,
        last_sync_at: row.get(6)?,
        last_error: row.get(7)?,
        login_failed: row.get(8)?,
        pending_changes: row.get(9)?,
    })
}

impl Store {
    pub fn insert_account(
        &self,
        kind: AccountKind,
        name: &str,
        url: &str,
        user_name: &str,
        now: Timestamp,
    ) -> Result<AccountId> {
        let conn = self.writer();
        conn.execute(
            "INSERT INTO accounts (kind, name, url, user_name, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![kind.code(), name, url, user_name, now],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Every account, the local one first.
    pub fn accounts(&self) -> Result<Vec<StoredAccount>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&format!("{ACCOUNT_SELECT} ORDER BY a.id"))?;
        let accounts = stmt
            .query_map([], account_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(accounts)
    }

    pub fn account(&self, id: AccountId) -> Result<Option<StoredAccount>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&format!("{ACCOUNT_SELECT} WHERE a.id = ?1"))?;
        Ok(stmt.query_row([id], account_from_row).optional()?)
    }

    /// Removes an account on a feed service with its feeds and folders. Its bookmarked and
    /// saved articles stay, as an unsubscribed feed's do. The local account cannot be removed.
    pub fn remove_account(&self, id: AccountId) -> Result<bool> {
        if id == LOCAL_ACCOUNT {
            return Err(Error::Invalid(
                "the library on this computer cannot be removed".to_string(),
            ));
        }
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let feeds: Vec<i64> = tx
            .prepare("SELECT id FROM feeds WHERE account_id = ?1")?
            .query_map([id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for feed in feeds {
            super::feeds::remove_feed_in(&tx, feed)?;
        }
        // Folders and the outbox go with it: ON DELETE CASCADE.
        let removed = tx.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(removed == 1)
    }

    /// Records a sync that finished: clears the last error.
    pub fn account_synced(&self, id: AccountId, now: Timestamp) -> Result<()> {
        self.writer().execute(
            "UPDATE accounts SET last_sync_at = ?2, last_error = NULL, last_error_at = NULL,
                 login_failed = 0
             WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }

    /// Records why a sync stopped, and whether that asks for the password again.
    pub fn account_failed(
        &self,
        id: AccountId,
        error: &str,
        login_failed: bool,
        now: Timestamp,
    ) -> Result<()> {
        self.writer().execute(
            "UPDATE accounts SET last_error = ?2, login_failed = ?3, last_error_at = ?4
             WHERE id = ?1",
            params![id, error, login_failed, now],
        )?;
        Ok(())
    }
}

/// A feed of an account on a feed service, as its server knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncedFeedRef {
    pub account: AccountId,
    pub remote_id: String,
}

impl Store {
    /// The account and server id of a synced feed; `None` for a feed of this computer.
    pub fn synced_feed(&self, feed: crate::api::FeedId) -> Result<Option<SyncedFeedRef>> {
        let conn = self.reader();
        Ok(conn
            .query_row(
                "SELECT account_id, remote_id FROM feeds
                 WHERE id = ?1 AND status = 'synced' AND remote_id IS NOT NULL",
                [feed],
                |row| {
                    Ok(SyncedFeedRef {
                        account: row.get(0)?,
                        remote_id: row.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// A folder's account and name.
    pub fn folder_account(
        &self,
        folder: crate::api::FolderId,
    ) -> Result<Option<(AccountId, String)>> {
        let conn = self.reader();
        Ok(conn
            .query_row(
                "SELECT account_id, name FROM folders WHERE id = ?1",
                [folder],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }
}
