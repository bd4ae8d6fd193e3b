//! The database file: found once (`--db`, or the app's), opened for the commands that need it,
//! copied and checked.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tidings_core::Library;
use tidings_core::store::default_db_path;

use crate::error::Failure;
use crate::terminal::Terminal;

pub struct Database(Option<PathBuf>);

impl Database {
    /// `--db`, or the app's database when there is none.
    pub fn new(db: Option<PathBuf>) -> Database {
        Database(db.or_else(default_db_path))
    }

    pub fn path(&self) -> Result<&Path, Failure> {
        self.0.as_deref().ok_or(Failure::NoDataFolder)
    }

    /// The library, reporting the progress of long work (an import) to the terminal.
    pub fn open(&self) -> Result<Library, Failure> {
        let library = Library::open(self.path()?)?;
        Ok(match Terminal::if_attached() {
            Some(terminal) => library.reporting_to(Arc::new(terminal)),
            None => library,
        })
    }
}

/// Writes a consistent copy of the database to `file` while it stays in use.
pub async fn backup(library: &Library, file: &Path) -> Result<(), Failure> {
    library.backup(file).await?;
    println!("{}", file.display());
    Ok(())
}

/// Prints SQLite's verdict on the file ("ok" when it is sound).
pub fn check(path: &Path) -> Result<(), Failure> {
    let verdict = tidings_core::store::integrity_check(path)?;
    println!("{verdict}");
    if verdict != "ok" {
        return Err(Failure::Damaged(path.to_path_buf()));
    }
    Ok(())
}
