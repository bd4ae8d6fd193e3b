//! What the library file holds, read as another program would, to check that what the window
//! shows is what was stored.

use std::path::Path;

/// Each feed's name as shown, and its folder's, in the order they were added.
pub fn feeds_and_folders(db: &Path) -> Vec<(String, Option<String>)> {
    let db = rusqlite::Connection::open(db).unwrap();
    let mut rows = db
        .prepare(
            "SELECT coalesce(f.custom_title, f.title), d.name FROM feeds f
             LEFT JOIN folders d ON d.id = f.folder_id ORDER BY f.id",
        )
        .unwrap();
    rows.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// How many rows `table` holds.
pub fn count(db: &Path, table: &str) -> i64 {
    let db = rusqlite::Connection::open(db).unwrap();
    db.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
        row.get(0)
    })
    .unwrap()
}

/// The id of the article titled `title`.
pub fn article_id(db: &Path, title: &str) -> i64 {
    let db = rusqlite::Connection::open(db).unwrap();
    db.query_row("SELECT id FROM articles WHERE title = ?1", [title], |row| {
        row.get(0)
    })
    .unwrap_or_else(|e| panic!("no article titled {title:?}: {e}"))
}
