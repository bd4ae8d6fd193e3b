//! The outbox: changes to synced articles that their server does not have yet, written in the
//! same transaction as the change itself, so that a quit, a crash or a lost network only delays
//! them. One row per article and field; a change and its opposite leave nothing to send. A
//! label is a field of its own (`label:` and its name), so that each tag put on or taken off
//! is one change.

use std::collections::HashMap;

use rusqlite::params;

use super::Store;
use crate::api::{AccountId, AccountKind, ArticleId, FeedId};
use crate::{Error, Result, Timestamp};

/// Which state of an article a change is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SyncedField {
    Read,
    /// Bookmarked here, starred (saved) on the server.
    Starred,
    /// Carries the tag of that name here, the label on the server.
    Label(String),
}

const LABEL: &str = "label:";

impl SyncedField {
    /// How the outbox's `field` column names it.
    pub(super) fn code(&self) -> String {
        match self {
            SyncedField::Read => "read".to_string(),
            SyncedField::Starred => "starred".to_string(),
            SyncedField::Label(name) => format!("{LABEL}{name}"),
        }
    }

    fn from_code(code: String) -> SyncedField {
        match code.as_str() {
            "read" => SyncedField::Read,
            "starred" => SyncedField::Starred,
            _ => SyncedField::Label(code.strip_prefix(LABEL).unwrap_or(&code).to_string()),
        }
    }
}

/// One change waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OutgoingChange {
    pub remote_id: String,
    pub field: SyncedField,
    pub value: bool,
}

/// Records that these articles' `field` became `value`. Only articles of synced feeds whose
/// state really changed should be given; others are ignored here, as are labels on the
/// articles of a service without them. Cheap when no account syncs.
pub(super) fn record(
    tx: &rusqlite::Connection,
    articles: &[ArticleId],
    field: &SyncedField,
    value: bool,
    now: Timestamp,
) -> rusqlite::Result<()> {
    let any_synced: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM accounts WHERE kind != 'local')")?
        .query_row([], |row| row.get(0))?;
    if !any_synced || articles.is_empty() {
        return Ok(());
    }
    let kinds: Vec<&str> = AccountKind::ALL
        .into_iter()
        .filter(|kind| match field {
            SyncedField::Label(_) => kind.abilities().labels,
            SyncedField::Read | SyncedField::Starred => true,
        })
        .map(AccountKind::code)
        .collect();
    let ids = serde_json::to_string(articles).unwrap_or_default();
    let kinds = serde_json::to_string(&kinds).unwrap_or_default();
    tx.prepare_cached(
        "INSERT INTO sync_outbox (account_id, remote_id, field, value, from_value, created_at)
         SELECT f.account_id, substr(a.identity, 3), ?2, ?3, NOT ?3, ?4
         FROM articles a JOIN feeds f ON f.id = a.feed_id JOIN accounts ac ON ac.id = f.account_id
         WHERE a.id IN (SELECT value FROM json_each(?1))
             AND f.status = 'synced' AND substr(a.identity, 1, 2) = 'r:'
             AND ac.kind IN (SELECT value FROM json_each(?5))
         ON CONFLICT (account_id, remote_id, field) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![ids, field.code(), value, now, kinds])?;
    // What was changed back before it was sent has nothing left to say.
    tx.prepare_cached("DELETE FROM sync_outbox WHERE field = ?1 AND value = from_value")?
        .execute([field.code()])?;
    Ok(())
}

impl Store {
    /// Up to `limit` changes waiting for `account`, oldest first.
    pub fn outbox(&self, account: AccountId, limit: usize) -> Result<Vec<OutgoingChange>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT remote_id, field, value FROM sync_outbox WHERE account_id = ?1
             ORDER BY created_at, remote_id LIMIT ?2",
        )?;
        let changes = stmt
            .query_map(params![account, limit as i64], |row| {
                Ok(OutgoingChange {
                    remote_id: row.get(0)?,
                    field: SyncedField::from_code(row.get(1)?),
                    value: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(changes)
    }

    /// The server has these changes: they leave the outbox, unless the person changed the same
    /// article again since they were read from it (that newer change is still to send).
    pub fn outbox_sent(&self, account: AccountId, sent: &[OutgoingChange]) -> Result<()> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        {
            let mut delete = tx.prepare_cached(
                "DELETE FROM sync_outbox
                 WHERE account_id = ?1 AND remote_id = ?2 AND field = ?3 AND value = ?4",
            )?;
            for change in sent {
                delete.execute(params![
                    account,
                    change.remote_id,
                    change.field.code(),
                    change.value
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The server refused these changes: each article goes back to the state the server has,
    /// and the change leaves the outbox. Returns the titles of the articles put back.
    pub fn outbox_refused(
        &self,
        account: AccountId,
        refused: &[OutgoingChange],
    ) -> Result<Vec<String>> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let mut titles = Vec::new();
        let mut unread_changes: HashMap<FeedId, i64> = HashMap::new();
        for change in refused {
            let article: Option<(ArticleId, FeedId, String)> = tx
                .query_row(
                    "SELECT a.id, a.feed_id, a.title FROM articles a JOIN feeds f ON f.id = a.feed_id
                     WHERE f.account_id = ?1 AND a.identity = 'r:' || ?2",
                    params![account, change.remote_id],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })?;
            tx.execute(
                "DELETE FROM sync_outbox WHERE account_id = ?1 AND remote_id = ?2 AND field = ?3",
                params![account, change.remote_id, change.field.code()],
            )?;
            let Some((id, feed, title)) = article else {
                continue;
            };
            let column = match &change.field {
                SyncedField::Read => "is_read",
                SyncedField::Starred => "is_bookmarked",
                SyncedField::Label(name) => {
                    let server_has = [id];
                    if change.value {
                        super::tags::unlink(&tx, &server_has, name)?;
                    } else {
                        super::tags::link(&tx, &server_has, name)?;
                    }
                    titles.push(title);
                    continue;
                }
            };
            let put_back = tx.execute(
                &format!("UPDATE articles SET {column} = ?2 WHERE id = ?1 AND {column} = ?3"),
                params![id, !change.value, change.value],
            )?;
            if put_back == 1 {
                if change.field == SyncedField::Read {
                    *unread_changes.entry(feed).or_default() += if change.value { 1 } else { -1 };
                }
                titles.push(title);
            }
        }
        for (feed, change) in unread_changes {
            tx.execute(
                "UPDATE feeds SET unread_count = unread_count + ?2 WHERE id = ?1",
                params![feed, change],
            )?;
        }
        tx.commit()?;
        Ok(titles)
    }

    /// How many changes wait for `account`.
    pub fn outbox_len(&self, account: AccountId) -> Result<u64> {
        let count: i64 = self.reader().query_row(
            "SELECT count(*) FROM sync_outbox WHERE account_id = ?1",
            [account],
            |row| row.get(0),
        )?;
        u64::try_from(count).map_err(|e| Error::Invalid(e.to_string()))
    }
}
