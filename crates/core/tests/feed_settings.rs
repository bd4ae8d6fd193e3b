//! What a person sets for one feed (Feed details): its own refresh interval, a notification of
//! its new articles in the refresh's summary, its new articles' pictures kept, and reading in
//! full — each for that feed alone.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tidings_core::api::{ErrorKind, FeedSettings, FeedSummary, RefreshScope};
use tidings_core::library::notifications::after_refresh;
use tidings_core::{CancelToken, Library, now};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

use crate::support::{make_due, refresh_now};

fn rss(name: &str, items: usize) -> String {
    let items: String = (0..items)
        .map(|i| format!("<item><guid>{name}-{i}</guid><title>{name} {i}</title></item>"))
        .collect();
    format!("<rss version=\"2.0\"><channel><title>{name}</title>{items}</channel></rss>")
}

/// Two feeds, Coast (two items) and Wire (one), served over loopback and subscribed.
async fn two_feeds() -> (
    tempfile::TempDir,
    TestServer,
    Library,
    FeedSummary,
    FeedSummary,
) {
    let (coast, wire) = (rss("Coast", 2), rss("Wire", 1));
    let server = TestServer::start(
        Router::new()
            .route("/coast.xml", get(move || async move { coast }))
            .route("/wire.xml", get(move || async move { wire })),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let coast = library.subscribe(&server.url("/coast.xml")).await.unwrap();
    let wire = library.subscribe(&server.url("/wire.xml")).await.unwrap();
    (dir, server, library, coast, wire)
}

fn settings(refresh_minutes: Option<i64>, notify: bool, keep_images: bool) -> FeedSettings {
    FeedSettings {
        refresh_minutes,
        notify,
        keep_images,
        full_text: false,
    }
}

async fn feed(library: &Library, id: i64) -> FeedSummary {
    let feeds = library.list_feeds().await.unwrap();
    feeds.into_iter().find(|f| f.id == id).unwrap()
}

#[tokio::test]
async fn a_feed_checked_on_its_own_interval() {
    let (_dir, _server, library, coast, wire) = two_feeds().await;
    library
        .set_feed_settings(coast.id, settings(Some(24 * 60), false, false))
        .await
        .unwrap();
    make_due(&library);
    let started = now();
    library
        .refresh(RefreshScope::All, |_| {}, &CancelToken::new())
        .await
        .unwrap();
    let next = |f: &FeedSummary| f.next_poll_at.unwrap() - started;
    let (coast, wire) = (
        feed(&library, coast.id).await,
        feed(&library, wire.id).await,
    );
    // The interval and up to a tenth more (feeds due together are spread out).
    let within = |minutes: i64| minutes * 60..minutes * 66 + 60;
    assert_eq!(coast.refresh_minutes, Some(24 * 60));
    assert!(within(24 * 60).contains(&next(&coast)), "{}", next(&coast));
    // The other follows Settings (30 minutes unless changed).
    assert!(within(30).contains(&next(&wire)), "{}", next(&wire));

    // A shorter interval brings the next check closer at once.
    library
        .set_feed_settings(coast.id, settings(Some(15), false, false))
        .await
        .unwrap();
    assert!(next(&feed(&library, coast.id).await) <= 15 * 60 + 60);

    let refused = library
        .set_feed_settings(coast.id, settings(Some(0), false, false))
        .await;
    assert!(matches!(refused.unwrap_err().kind(), ErrorKind::Invalid));
}

#[tokio::test]
async fn only_the_feeds_asked_for_are_notified_each_once() {
    // Each feed brings one more item at every fetch.
    let fetches = Arc::new(AtomicUsize::new(1));
    let growing = |name: &'static str| {
        let fetches = Arc::clone(&fetches);
        get(move || std::future::ready(rss(name, fetches.fetch_add(1, Ordering::SeqCst))))
    };
    let server = TestServer::start(
        Router::new()
            .route("/coast.xml", growing("Coast"))
            .route("/wire.xml", growing("Wire")),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let coast = library.subscribe(&server.url("/coast.xml")).await.unwrap();
    library.subscribe(&server.url("/wire.xml")).await.unwrap();
    library
        .set_feed_settings(coast.id, settings(None, true, false))
        .await
        .unwrap();
    assert!(feed(&library, coast.id).await.notify);
    let summary = refresh_now(&library).await;
    assert_eq!(summary.new_articles, 4, "each feed two more");
    let told: Vec<_> = summary
        .news
        .iter()
        .map(|n| (n.title.as_str(), n.new_articles))
        .collect();
    assert_eq!(told, [("Coast", 2)]);
    let notifications: Vec<_> = after_refresh(&summary, false)
        .into_iter()
        .map(|n| format!("{}: {}", n.title, n.body))
        .collect();
    assert_eq!(notifications, ["Coast: 2 new articles"]);
}

#[tokio::test]
async fn only_a_feed_set_to_keep_its_pictures_has_its_new_articles_kept() {
    let (_dir, _server, library, coast, wire) = two_feeds().await;
    library
        .set_feed_settings(wire.id, settings(None, false, true))
        .await
        .unwrap();
    let since = 0;
    let kept = library
        .store()
        .articles_first_seen_since(since, false)
        .unwrap();
    let wire_articles = library
        .list_articles(
            tidings_core::api::ArticleView::Feed { feed_id: wire.id },
            None,
        )
        .await
        .unwrap()
        .articles;
    assert_eq!(kept, [wire_articles[0].id]);
    assert_eq!(
        library
            .store()
            .articles_first_seen_since(since, true)
            .unwrap()
            .len(),
        3,
        "with every picture kept, every feed's"
    );
    assert!(!feed(&library, coast.id).await.keep_images);
}
