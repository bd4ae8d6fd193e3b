//! Damage found early: the library checks its own file after a start that followed an unclean
//! shutdown, and weekly; a file damaged inside (pages overwritten, as a failing disk or a power
//! cut leaves them) still opens, is found damaged, and is copied aside before anything else.

use std::io::{Seek, SeekFrom, Write};

use rusqlite::Connection;
use tidings_core::Library;
use tidings_core::store::{FeedUpdate, Store};

const NOW: i64 = 1_750_000_000;

/// A library of 3,000 articles, closed cleanly.
fn library_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("tidings.db");
    let store = Store::open(&path).unwrap();
    let update = FeedUpdate {
        title: "Feed".to_string(),
        articles: crate::support::new_articles(3_000, NOW, |_| {
            "Harbour news and weather. ".repeat(20)
        }),
        ..Default::default()
    };
    store
        .insert_feed("https://a.example/feed", &update, NOW, NOW)
        .unwrap();
    path
}

fn last_checked(path: &std::path::Path) -> Option<String> {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT value FROM settings WHERE key = 'last_quick_check_at'",
            [],
            |row| row.get(0),
        )
        .ok()
}

#[tokio::test]
async fn a_sound_library_is_checked_once_a_week() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_file(&dir);
    let library = Library::open(&path).unwrap();
    assert_eq!(library.check_health_if_due().await.unwrap(), None);
    let checked = last_checked(&path).expect("the check is recorded");
    // Not due again the same week.
    assert_eq!(library.check_health_if_due().await.unwrap(), None);
    assert_eq!(last_checked(&path), Some(checked));
}

#[tokio::test]
async fn pages_overwritten_inside_the_file_are_found_and_the_file_is_copied_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_file(&dir);
    {
        let library = Library::open(&path).unwrap();
        assert_eq!(library.check_health_if_due().await.unwrap(), None);
    }
    // Eight days on, a run of pages in the middle of the file is overwritten.
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE settings SET value = value - 8 * 86400 WHERE key = 'last_quick_check_at'",
            [],
        )
        .unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        size > 200 * 4096,
        "a file of {size} bytes is too small to damage inside"
    );
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.seek(SeekFrom::Start(size / 2 / 4096 * 4096)).unwrap();
    file.write_all(&[0x5a; 16 * 4096]).unwrap();
    drop(file);
    let damaged = std::fs::read(&path).unwrap();

    let library = Library::open(&path).expect("a file damaged inside still opens");
    let damage = library
        .check_health_if_due()
        .await
        .unwrap()
        .expect("the damage is found");
    assert!(!damage.problems.is_empty());
    assert_eq!(
        std::fs::read(&damage.backup).unwrap(),
        damaged,
        "the copy is the file as found"
    );
}

#[tokio::test]
async fn a_start_after_an_unclean_shutdown_checks_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_file(&dir);
    {
        let library = Library::open(&path).unwrap();
        assert_eq!(library.check_health_if_due().await.unwrap(), None);
    }
    let checked = last_checked(&path).unwrap();
    // A program that wrote and never closed: its write-ahead log stays behind, as after a kill.
    let crashed = Connection::open(&path).unwrap();
    crashed
        .execute_batch("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;")
        .unwrap();
    crashed
        .execute(
            "UPDATE settings SET value = value - 1 WHERE key = 'last_quick_check_at'",
            [],
        )
        .unwrap();
    std::mem::forget(crashed);

    let library = Library::open(&path).unwrap();
    assert_eq!(library.check_health_if_due().await.unwrap(), None);
    assert_ne!(
        last_checked(&path),
        Some((checked.parse::<i64>().unwrap() - 1).to_string()),
        "checked again, though a week had not passed"
    );
}
