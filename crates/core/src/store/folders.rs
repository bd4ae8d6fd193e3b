//! Folders of feeds. One level, as in the sidebar; names are unique regardless of case.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use crate::Result;
use crate::api::{AccountId, FeedId, Folder, FolderId, LOCAL_ACCOUNT};

/// A folder as it was when deleted: enough to put it back as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedFolder {
    pub id: FolderId,
    pub name: String,
    /// The feeds that were in it.
    pub feeds: Vec<FeedId>,
}

/// The account's folder with this name, created if needed.
pub(super) fn folder_named(
    tx: &Transaction,
    account: AccountId,
    name: &str,
) -> rusqlite::Result<FolderId> {
    let name = name.trim();
    if let Some(id) = tx
        .query_row(
            "SELECT id FROM folders WHERE account_id = ?1 AND name = ?2",
            params![account, name],
            |r| r.get(0),
        )
        .optional()?
    {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO folders (account_id, name) VALUES (?1, ?2)",
        params![account, name],
    )?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    /// Every folder with the unread count of its feeds, alphabetically.
    pub fn list_folders(&self) -> Result<Vec<Folder>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT d.id, d.name, coalesce(sum(f.unread_count), 0), d.account_id
             FROM folders d LEFT JOIN feeds f ON f.folder_id = d.id
             GROUP BY d.id ORDER BY d.name COLLATE NOCASE",
        )?;
        let folders = stmt
            .query_map([], |row| {
                Ok(Folder {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    unread_count: row.get(2)?,
                    account_id: row.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(folders)
    }

    /// Creates a folder, or returns the one that already has this name.
    pub fn create_folder(&self, name: &str) -> Result<FolderId> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let id = folder_named(&tx, LOCAL_ACCOUNT, name)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn rename_folder(&self, id: FolderId, name: &str) -> Result<bool> {
        let changed = self.writer().execute(
            "UPDATE folders SET name = ?2 WHERE id = ?1",
            params![id, name.trim()],
        )?;
        Ok(changed == 1)
    }

    /// Deletes a folder; its feeds move to the top level, nothing else is lost. Returns the
    /// folder as it was (`None` when there was none), to put back with [`Store::restore_folder`].
    pub fn delete_folder(&self, id: FolderId) -> Result<Option<RemovedFolder>> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let Some(name) = tx
            .query_row("SELECT name FROM folders WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
        else {
            return Ok(None);
        };
        let feeds = tx
            .prepare("SELECT id FROM feeds WHERE folder_id = ?1 ORDER BY id")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // The feeds' folder_id goes with it: ON DELETE SET NULL.
        tx.execute("DELETE FROM folders WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(Some(RemovedFolder { id, name, feeds }))
    }

    /// Puts a deleted folder back, under its old id while no other folder took it, and moves
    /// back into it those of its feeds that are still outside any folder (a feed the person has
    /// put in another folder since stays there). A folder created since under the same name is
    /// the one they go back into. Returns the folder's id.
    pub fn restore_folder(&self, folder: &RemovedFolder) -> Result<FolderId> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let named: Option<FolderId> = tx
            .query_row(
                "SELECT id FROM folders WHERE account_id = 1 AND name = ?1",
                [&folder.name],
                |r| r.get(0),
            )
            .optional()?;
        let id = match named {
            Some(id) => id,
            None => {
                let reused = tx.execute(
                    "INSERT INTO folders (id, name) SELECT ?1, ?2
                     WHERE NOT EXISTS (SELECT 1 FROM folders WHERE id = ?1)",
                    params![folder.id, folder.name],
                )?;
                if reused == 1 {
                    folder.id
                } else {
                    folder_named(&tx, LOCAL_ACCOUNT, &folder.name)?
                }
            }
        };
        let feeds = serde_json::to_string(&folder.feeds)
            .map_err(|e| crate::Error::Invalid(e.to_string()))?;
        tx.execute(
            "UPDATE feeds SET folder_id = ?1
             WHERE id IN (SELECT value FROM json_each(?2)) AND folder_id IS NULL",
            params![id, feeds],
        )?;
        tx.commit()?;
        Ok(id)
    }
}
