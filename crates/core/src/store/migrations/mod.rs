//! Numbered schema migrations. `PRAGMA user_version` records how many have run; each runs once, in
//! its own transaction, in order. Never edit a released migration: add the next one.

use rusqlite::{Connection, OptionalExtension};

mod steps;

use steps::MIGRATIONS;

pub(super) fn apply(conn: &mut Connection) -> Result<(), String> {
    let current: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| e.to_string())?;
    if current > LATEST as i64 {
        return Err(format!(
            "it was written by a newer version of Tidings (schema {current}, this one knows {LATEST})"
        ));
    }
    run(conn, current as usize, LATEST)
}

/// Runs migrations `from + 1 ..= to`, each in its own transaction together with the version
/// number, so a crash leaves the schema of one version or the next, never half of one.
///
/// Foreign keys are off meanwhile, as SQLite's way of rebuilding a table asks (dropping the old
/// `feeds` would otherwise empty every article's feed), and checked before each commit.
fn run(conn: &mut Connection, from: usize, to: usize) -> Result<(), String> {
    let enforced: bool = conn
        .pragma_query_value(None, "foreign_keys", |row| row.get(0))
        .map_err(|e| e.to_string())?;
    conn.pragma_update(None, "foreign_keys", false)
        .map_err(|e| e.to_string())?;
    let result = (|| -> Result<(), String> {
        for (index, sql) in MIGRATIONS[..to].iter().enumerate().skip(from) {
            let mut migrate = || -> rusqlite::Result<Option<String>> {
                // Immediate: the write lock first, waiting for another writer as the busy
                // timeout allows. A migration that reads before it writes (FTS5's settings do)
                // would otherwise be refused at once while another program writes.
                let tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                tx.execute_batch(sql)?;
                let broken: Option<String> = tx
                    .query_row("PRAGMA foreign_key_check", [], |row| row.get(0))
                    .optional()?;
                if broken.is_none() {
                    tx.pragma_update(None, "user_version", index as i64 + 1)?;
                    tx.commit()?;
                }
                Ok(broken)
            };
            if let Some(table) = migrate().map_err(|e| e.to_string())? {
                return Err(format!(
                    "migration {} left rows of {table} pointing nowhere",
                    index + 1
                ));
            }
        }
        Ok(())
    })();
    conn.pragma_update(None, "foreign_keys", enforced)
        .map_err(|e| e.to_string())?;
    result
}

/// The schema version this build writes.
pub const LATEST: usize = MIGRATIONS.len();

/// Creates (or brings up to date) the database at `path` with the schema of version `version`
/// only, as an older build of Tidings left it: for tests of upgrades and of crashes during them.
pub fn create_at_version(path: &std::path::Path, version: usize) -> Result<(), String> {
    let mut conn = Connection::open(path).map_err(|e| e.to_string())?;
    conn.execute_batch("PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;")
        .map_err(|e| e.to_string())?;
    let current: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| e.to_string())?;
    run(&mut conn, current as usize, version.min(LATEST))
}
