//! Folders of feeds. One level, as in the sidebar; names are unique regardless of case.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use crate::Result;
use crate::api::{Folder, FolderId};

/// The folder with this name, created if needed.
pub(super) fn folder_named(tx: &Transaction, name: &str) -> rusqlite::Result<FolderId> {
    let name = name.trim();
    if let Some(id) = tx
        .query_row("SELECT id FROM folders WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?
    {
        return Ok(id);
    }
    tx.execute("INSERT INTO folders (name) VALUES (?1)", [name])?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    /// Every folder with the unread count of its feeds, alphabetically.
    pub fn list_folders(&self) -> Result<Vec<Folder>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT d.id, d.name, coalesce(sum(f.unread_count), 0)
             FROM folders d LEFT JOIN feeds f ON f.folder_id = d.id
             GROUP BY d.id ORDER BY d.name COLLATE NOCASE",
        )?;
        let folders = stmt
            .query_map([], |row| {
                Ok(Folder {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    unread_count: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(folders)
    }

    /// Creates a folder, or returns the one that already has this name.
    pub fn create_folder(&self, name: &str) -> Result<FolderId> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let id = folder_named(&tx, name)?;
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

    /// Deletes a folder; its feeds move to the top level, nothing else is lost.
    pub fn delete_folder(&self, id: FolderId) -> Result<bool> {
        let changed = self
            .writer()
            .execute("DELETE FROM folders WHERE id = ?1", [id])?;
        Ok(changed == 1)
    }
}
