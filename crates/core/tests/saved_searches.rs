//! Kept searches through the library: each counts the unread articles it finds as they arrive
//! and are read, within its scope and time span; kept across restarts, renamed, removed.

use std::sync::{Arc, Mutex};

use crate::support::refresh_now;
use tidings_core::api::{ErrorKind, KeptSearch, SearchScope};
use tidings_core::{Error, Library};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

/// A feed whose items are `(title, published in 2024)` in `items`: an old item carries a date
/// from 2024, a new one none (it is as old as its arrival).
async fn library(
    items: Arc<Mutex<Vec<(String, bool)>>>,
) -> (tempfile::TempDir, TestServer, Library) {
    let feed = move || {
        let xml: String = items
            .lock()
            .unwrap()
            .iter()
            .map(|(title, old)| {
                let date = if *old {
                    "<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>"
                } else {
                    ""
                };
                format!(
                    "<item><guid>{title}</guid><title>{title}</title>\
                     <description>Notes from the coast.</description>{date}</item>"
                )
            })
            .collect();
        format!("<rss version=\"2.0\"><channel><title>Coast</title>{xml}</channel></rss>")
    };
    let server = TestServer::start(
        Router::new().route("/feed.xml", get(move || std::future::ready(feed()))),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/feed.xml")).await.unwrap();
    (dir, server, library)
}

fn items(items: &[(&str, bool)]) -> Arc<Mutex<Vec<(String, bool)>>> {
    Arc::new(Mutex::new(
        items.iter().map(|(t, old)| (t.to_string(), *old)).collect(),
    ))
}

fn kept(text: &str, scope: SearchScope) -> KeptSearch {
    KeptSearch {
        text: text.to_string(),
        scope,
        unread_only: false,
        within_days: None,
    }
}

/// Each kept search's name and unread count.
async fn counts(library: &Library) -> Vec<(String, u32)> {
    let searches = library.saved_searches().await.unwrap();
    searches.into_iter().map(|s| (s.name, s.unread)).collect()
}

fn refused<T: std::fmt::Debug>(result: Result<T, Error>) -> ErrorKind {
    result.unwrap_err().kind()
}

#[tokio::test]
async fn a_kept_search_counts_its_unread_articles_as_they_arrive_and_are_read() {
    let items = items(&[("Seal pups counted", false), ("Gulls return", false)]);
    let (dir, _server, library) = library(Arc::clone(&items)).await;
    let saved = library
        .save_search("Seals".to_string(), kept("seal", SearchScope::All))
        .await
        .unwrap();
    assert_eq!((saved.unread, saved.unread_capped), (1, false));

    items
        .lock()
        .unwrap()
        .push(("Seal colony grows".to_string(), false));
    refresh_now(&library).await;
    assert_eq!(counts(&library).await, [("Seals".to_string(), 2)]);

    let pups = library
        .search(kept("pups", SearchScope::All).at(0), None)
        .await
        .unwrap()
        .hits[0]
        .article
        .id;
    library.set_read(pups, true).await.unwrap();
    assert_eq!(counts(&library).await, [("Seals".to_string(), 1)]);

    // Kept across a restart.
    drop(library);
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    assert_eq!(counts(&library).await, [("Seals".to_string(), 1)]);
}

#[tokio::test]
async fn a_kept_search_counts_only_within_its_scope_and_its_span_of_days() {
    let items = items(&[("Seal pups counted", false), ("Seal census of 2023", true)]);
    let (_dir, _server, library) = library(items).await;
    let feed_id = library.list_feeds().await.unwrap()[0].id;
    let this_week = KeptSearch {
        within_days: Some(7),
        ..kept("seal", SearchScope::Feed { feed_id })
    };
    library
        .save_search("Seals this week".to_string(), this_week)
        .await
        .unwrap();
    library
        .save_search("Seals ever".to_string(), kept("seal", SearchScope::All))
        .await
        .unwrap();
    library
        .save_search(
            "Bookmarked seals".to_string(),
            kept("seal", SearchScope::Bookmarks),
        )
        .await
        .unwrap();
    library
        .save_search(
            "Seals elsewhere".to_string(),
            kept(
                "seal",
                SearchScope::Feed {
                    feed_id: feed_id + 1,
                },
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        counts(&library).await,
        [
            ("Bookmarked seals".to_string(), 0),
            ("Seals elsewhere".to_string(), 0),
            ("Seals ever".to_string(), 2),
            ("Seals this week".to_string(), 1),
        ]
    );
}

#[tokio::test]
async fn past_its_cap_a_count_says_at_least() {
    let items = items(&[
        ("Seal one", false),
        ("Seal two", false),
        ("Seal three", false),
    ]);
    let (_dir, _server, library) = library(items).await;
    let store = library.store();
    let found = store
        .unread_found("\"seal\"", &kept("seal", SearchScope::All).at(0), 2)
        .unwrap();
    assert_eq!((found.count, found.capped), (2, true));
    let found = store
        .unread_found("\"seal\"", &kept("seal", SearchScope::All).at(0), 3)
        .unwrap();
    assert_eq!((found.count, found.capped), (3, false));
    // In one feed, counted another way, to the same cap.
    let feed_id = library.list_feeds().await.unwrap()[0].id;
    let in_feed = kept("seal", SearchScope::Feed { feed_id }).at(0);
    let found = store.unread_found("\"seal\"", &in_feed, 2).unwrap();
    assert_eq!((found.count, found.capped), (2, true));
}

#[tokio::test]
async fn kept_searches_are_renamed_and_removed_and_refuse_what_cannot_be_one() {
    let (_dir, _server, library) = library(items(&[("Seal pups", false)])).await;
    let id = library
        .save_search("seals".to_string(), kept("seal", SearchScope::All))
        .await
        .unwrap()
        .id;
    library
        .rename_saved_search(id, "  Harbour   seals ".to_string())
        .await
        .unwrap();
    assert_eq!(counts(&library).await, [("Harbour seals".to_string(), 1)]);

    let no_words = library
        .save_search("Nothing".to_string(), kept(" \"\" ", SearchScope::All))
        .await;
    assert!(matches!(refused(no_words), ErrorKind::Invalid));
    let no_name = library
        .save_search(" ".to_string(), kept("seal", SearchScope::All))
        .await;
    assert!(matches!(refused(no_name), ErrorKind::Invalid));
    let tab = library.rename_saved_search(id, "a\tb".to_string()).await;
    assert!(matches!(refused(tab), ErrorKind::Invalid));

    library.remove_saved_search(id).await.unwrap();
    assert!(counts(&library).await.is_empty());
    let gone = library.remove_saved_search(id).await;
    assert!(matches!(refused(gone), ErrorKind::NotFound));
}
