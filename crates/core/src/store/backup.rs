//! Copies of the database file: an online backup of a working library (consistent while the app
//! keeps running), and, for a file that cannot be opened, a byte-for-byte copy or setting it
//! aside so that a fresh library can start — never deleting what the person had.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::Store;
use crate::{Error, Result};

/// The files SQLite keeps beside the database in WAL mode; they hold committed changes too.
const COMPANIONS: [&str; 2] = ["-wal", "-shm"];

impl Store {
    /// Writes a consistent copy of the whole database to `to` with SQLite's online backup, while
    /// the library stays usable. Refuses to overwrite an existing file. The copy is written under
    /// a temporary name and renamed, so `to` is either complete or absent.
    pub fn backup_to(&self, to: &Path) -> Result<()> {
        let file_error = |reason: String| Error::File {
            path: to.display().to_string(),
            reason,
        };
        if to.exists() {
            return Err(file_error(
                "a file of that name exists; choose another name".into(),
            ));
        }
        let partial = with_suffix(to, ".partial");
        let result = (|| -> rusqlite::Result<String> {
            let mut copy = Connection::open(&partial)?;
            {
                let source = self.reader();
                let backup = Backup::new(&source, &mut copy)?;
                // All pages in one step: one read transaction, one consistent snapshot. A writer
                // holding a lock only delays it.
                while backup.step(-1)? != StepResult::Done {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
            let check: String = copy.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
            copy.close().map_err(|(_, e)| e)?;
            Ok(check)
        })()
        .map_err(|e| e.to_string())
        .and_then(|check| match check.as_str() {
            "ok" => Ok(()),
            _ => Err(format!("the copy does not check out: {check}")),
        });
        if let Err(error) = result {
            let _ = std::fs::remove_file(&partial);
            return Err(file_error(format!("the backup failed: {error}")));
        }
        std::fs::rename(&partial, to).map_err(|e| file_error(e.to_string()))
    }
}

/// Copies the database at `path` (and its WAL) byte for byte beside it, as
/// `tidings.db.backup-<time>`, without opening it: it may be damaged. Returns the copy's path.
pub fn copy_aside(path: &Path) -> Result<PathBuf> {
    let to = aside_name(path, "backup");
    for suffix in std::iter::once("").chain(COMPANIONS) {
        let from = with_suffix(path, suffix);
        if from.exists() {
            std::fs::copy(&from, with_suffix(&to, suffix)).map_err(|e| Error::File {
                path: from.display().to_string(),
                reason: e.to_string(),
            })?;
        }
    }
    Ok(to)
}

/// Moves the database at `path` (and its WAL) aside, as `tidings.db.unreadable-<time>`, so that a
/// fresh library can start at `path`. Returns where the old file went.
pub fn set_aside(path: &Path) -> Result<PathBuf> {
    let to = aside_name(path, "unreadable");
    for suffix in std::iter::once("").chain(COMPANIONS) {
        let from = with_suffix(path, suffix);
        if from.exists() {
            std::fs::rename(&from, with_suffix(&to, suffix)).map_err(|e| Error::File {
                path: from.display().to_string(),
                reason: e.to_string(),
            })?;
        }
    }
    Ok(to)
}

/// Runs SQLite's full integrity check on the file at `path`, read-only: "ok", or what is wrong.
pub fn integrity_check(path: &Path) -> Result<String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(problems.join("\n"))
}

fn aside_name(path: &Path, why: &str) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let base = with_suffix(path, &format!(".{why}-{stamp}"));
    // Two in the same second get -2, -3…
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                with_suffix(&base, &format!("-{n}"))
            }
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or(base)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
