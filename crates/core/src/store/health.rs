//! Damage found early: SQLite's `quick_check` on the library while it is in use, after a start
//! that followed an unclean shutdown (the last run left its write-ahead log behind) and weekly.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::Store;
use crate::Result;

impl Store {
    /// The problems `PRAGMA quick_check` finds in the library, one a line; none for a sound file.
    /// On a connection of its own, read-only, so that the library stays usable meanwhile.
    pub fn quick_check(&self) -> Result<Vec<String>> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let found = conn.prepare("PRAGMA quick_check").and_then(|mut check| {
            check
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        });
        match found {
            Ok(lines) => Ok(lines.into_iter().filter(|line| line != "ok").collect()),
            // Damage bad enough that the check itself stops is damage found, not a failure.
            Err(rusqlite::Error::SqliteFailure(error, message))
                if matches!(
                    error.code,
                    ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase
                ) =>
            {
                Ok(vec![message.unwrap_or_else(|| error.to_string())])
            }
            Err(error) => Err(error.into()),
        }
    }
}

/// Whether the last program to use the library at `path` stopped without closing it: SQLite
/// folds the write-ahead log into the file and removes it when the last connection closes, so a
/// log with anything in it before this start was left by a crash, a kill or a power cut (or by a
/// program using it now, which only means a check that was not needed).
pub(super) fn left_unclean(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}
