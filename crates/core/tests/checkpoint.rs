//! Marking a whole view read commits without SQLite's checkpoint and leaves it to a thread of its
//! own (store/checkpoint.rs): the change still reaches the database file by itself, and that
//! thread's connection is closed with the store, so the WAL goes with it.

use std::time::{Duration, Instant};

use rusqlite::Connection;
use tidings_core::api::ArticleView;
use tidings_core::store::{FeedUpdate, Store};

const NOW: i64 = 1_750_000_000;

fn update(count: usize) -> FeedUpdate {
    FeedUpdate {
        title: "Feed".to_string(),
        articles: crate::support::new_articles(count as u32, NOW, |i| format!("Body {i}")),
        ..Default::default()
    }
}

#[test]
fn marking_all_read_reaches_the_database_file_by_itself_and_closing_leaves_no_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tidings.db");
    let wal = dir.path().join("tidings.db-wal");
    let store = Store::open(&path).unwrap();
    store
        .insert_feed("https://a.example/feed", &update(2_000), NOW, NOW)
        .unwrap();
    // Everything so far in the file, so that only the marking is left in the WAL.
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let before = std::fs::read(&path).unwrap();

    assert_eq!(
        store.mark_view_read(ArticleView::All, None).unwrap().len(),
        2_000
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::read(&path).unwrap() == before {
        assert!(Instant::now() < deadline, "the marking never left the WAL");
        std::thread::sleep(Duration::from_millis(20));
    }

    drop(store);
    assert!(
        !wal.exists(),
        "a connection outlived the store, keeping the WAL"
    );
    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.list_feeds().unwrap()[0].unread_count, 0);
}
