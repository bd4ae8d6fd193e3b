//! The refresh engine against a real loopback server: what each kind of answer does to the
//! schedule, the stored address and the feed's health, plus scopes, limits and retention.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::support::make_due;
use tidings_core::api::{ArticleView, FeedOutcome, FeedStatus, RefreshScope};
use tidings_core::{CancelToken, Library, RefreshLimits, now};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{StatusCode, header};
use tidings_testkit::axum::response::{IntoResponse, Redirect};
use tidings_testkit::axum::routing::get;

fn rss(title: &str, guids: &[&str]) -> String {
    let items: String = guids
        .iter()
        .map(|g| format!("<item><guid>{g}</guid><title>Item {g}</title><pubDate>Tue, 25 Jun 2024 08:00:00 GMT</pubDate></item>"))
        .collect();
    format!("<rss version=\"2.0\"><channel><title>{title}</title>{items}</channel></rss>")
}

async fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    (dir, library)
}

async fn refresh(library: &Library, scope: RefreshScope) -> Vec<FeedOutcome> {
    let outcomes = std::sync::Mutex::new(Vec::new());
    library
        .refresh(
            scope,
            |p| outcomes.lock().unwrap().push(p.outcome),
            &CancelToken::new(),
        )
        .await
        .unwrap();
    outcomes.into_inner().unwrap()
}

#[tokio::test]
async fn a_permanent_redirect_updates_the_stored_address_and_a_temporary_one_does_not() {
    let server = TestServer::start(
        Router::new()
            .route("/feed.xml", get(|| async { rss("Moved", &["1"]) }))
            .route(
                "/temp.xml",
                get(|| async { Redirect::temporary("/feed.xml") }),
            )
            .route(
                "/old.xml",
                get(|| async { Redirect::permanent("/feed.xml") }),
            ),
    )
    .await;
    let (_dir, library) = library().await;
    let moving = library.subscribe(&server.url("/old.xml")).await.unwrap();
    let staying = library.subscribe(&server.url("/temp.xml")).await.unwrap();
    assert_eq!(moving.url, server.url("/old.xml"));

    refresh(&library, RefreshScope::All).await;
    assert_eq!(
        library.feed(moving.id).await.unwrap().url,
        server.url("/feed.xml")
    );
    assert_eq!(
        library.feed(staying.id).await.unwrap().url,
        server.url("/temp.xml")
    );
}

#[tokio::test]
async fn a_410_marks_the_feed_gone_and_it_is_no_longer_polled() {
    let gone = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = Arc::clone(&gone);
    let server = TestServer::start(Router::new().route(
        "/feed.xml",
        get(move || {
            let gone = flag.load(Ordering::SeqCst);
            async move {
                if gone {
                    StatusCode::GONE.into_response()
                } else {
                    rss("Soon gone", &["1"]).into_response()
                }
            }
        }),
    ))
    .await;
    let (_dir, library) = library().await;
    let feed = library.subscribe(&server.url("/feed.xml")).await.unwrap();
    gone.store(true, Ordering::SeqCst);

    assert_eq!(
        refresh(&library, RefreshScope::All).await,
        [FeedOutcome::Gone]
    );
    let summary = library.feed(feed.id).await.unwrap();
    assert_eq!(summary.status, FeedStatus::Gone);
    assert!(summary.last_error.unwrap().contains("410 Gone"));
    let requests = server.requests().len();
    make_due(&library);
    assert!(refresh(&library, RefreshScope::All).await.is_empty());
    assert!(refresh(&library, RefreshScope::Due).await.is_empty());
    assert_eq!(
        server.requests().len(),
        requests,
        "a gone feed was fetched again"
    );
    assert_eq!(
        library
            .list_articles(ArticleView::All, None)
            .await
            .unwrap()
            .articles
            .len(),
        1
    );
}

#[tokio::test]
async fn failures_back_off_and_honour_retry_after() {
    let server = TestServer::start(
        Router::new()
            .route("/ok.xml", get(|| async { rss("Fine", &["1"]) }))
            .route(
                "/busy.xml",
                get(|| async {
                    (
                        StatusCode::TOO_MANY_REQUESTS,
                        [(header::RETRY_AFTER, "7200")],
                    )
                        .into_response()
                }),
            )
            .route(
                "/broken.xml",
                get(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
            ),
    )
    .await;
    let (_dir, library) = library().await;
    let busy = library.subscribe(&server.url("/ok.xml")).await.unwrap();
    let conn = rusqlite::Connection::open(library.store().path()).unwrap();
    conn.execute("UPDATE feeds SET url = ?1", [server.url("/busy.xml")])
        .unwrap();

    let outcomes = refresh(&library, RefreshScope::All).await;
    assert!(
        matches!(&outcomes[..], [FeedOutcome::Failed { reason }] if reason.contains("429") && reason.contains("7200 s")),
        "{outcomes:?}"
    );
    let summary = library.feed(busy.id).await.unwrap();
    assert!(
        summary.next_poll_at.unwrap() >= now() + 7200,
        "Retry-After ignored"
    );

    conn.execute("UPDATE feeds SET url = ?1", [server.url("/broken.xml")])
        .unwrap();
    let mut waits = Vec::new();
    for _ in 0..4 {
        make_due(&library);
        refresh(&library, RefreshScope::Due).await;
        let summary = library.feed(busy.id).await.unwrap();
        waits.push(summary.next_poll_at.unwrap() - now());
    }
    assert_eq!(library.feed(busy.id).await.unwrap().failure_count, 5);
    assert!(
        waits.windows(2).all(|w| w[1] > w[0]),
        "no backoff: {waits:?}"
    );
    assert!(waits[3] >= 16 * 1800 - 5, "{waits:?}");
}

#[tokio::test]
async fn the_server_can_ask_for_a_longer_interval_and_due_refreshes_respect_it() {
    let server = TestServer::start(Router::new().route(
        "/feed.xml",
        get(|| async {
            (
                [(header::CACHE_CONTROL, "public, max-age=7200")],
                rss("Slow", &["1"]),
            )
        }),
    ))
    .await;
    let (_dir, library) = library().await;
    let feed = library.subscribe(&server.url("/feed.xml")).await.unwrap();
    make_due(&library);
    refresh(&library, RefreshScope::Due).await;
    let next = library.feed(feed.id).await.unwrap().next_poll_at.unwrap();
    assert!(
        next >= now() + 7200 - 5,
        "max-age ignored: {}",
        next - now()
    );
    let before = server.requests().len();
    assert!(
        refresh(&library, RefreshScope::Due).await.is_empty(),
        "not due yet"
    );
    assert_eq!(server.requests().len(), before);
}

#[tokio::test]
async fn scopes_pick_one_feed_or_one_folder() {
    let server = TestServer::start(
        Router::new()
            .route("/a.xml", get(|| async { rss("A", &["1"]) }))
            .route("/b.xml", get(|| async { rss("B", &["1"]) }))
            .route("/c.xml", get(|| async { rss("C", &["1"]) })),
    )
    .await;
    let (_dir, library) = library().await;
    let a = library.subscribe(&server.url("/a.xml")).await.unwrap();
    let b = library.subscribe(&server.url("/b.xml")).await.unwrap();
    library.subscribe(&server.url("/c.xml")).await.unwrap();
    let folder = library.create_folder("News").await.unwrap();
    library.move_feed(a.id, Some(folder)).await.unwrap();
    library.move_feed(b.id, Some(folder)).await.unwrap();

    assert_eq!(
        refresh(&library, RefreshScope::Feed { feed_id: a.id })
            .await
            .len(),
        1
    );
    assert_eq!(
        refresh(&library, RefreshScope::Folder { folder_id: folder })
            .await
            .len(),
        2
    );
    assert_eq!(refresh(&library, RefreshScope::All).await.len(), 3);
    let folders = library.list_folders().await.unwrap();
    assert_eq!(
        (folders[0].name.as_str(), folders[0].unread_count),
        ("News", 2)
    );
    let in_folder = library
        .list_articles(ArticleView::Folder { folder_id: folder }, None)
        .await
        .unwrap();
    assert_eq!(in_folder.articles.len(), 2);
}

#[tokio::test]
async fn one_host_gets_at_most_its_share_of_connections() {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (counter, high) = (Arc::clone(&in_flight), Arc::clone(&peak));
    let server = TestServer::start(Router::new().route(
        "/feed/{n}",
        get(move || {
            let (counter, high) = (Arc::clone(&counter), Arc::clone(&high));
            async move {
                let now = counter.fetch_add(1, Ordering::SeqCst) + 1;
                high.fetch_max(now, Ordering::SeqCst);
                // Hold the request open long enough for others to pile up if the limit leaks.
                tokio::time::sleep(Duration::from_millis(30)).await;
                counter.fetch_sub(1, Ordering::SeqCst);
                rss("Many", &["1"])
            }
        }),
    ))
    .await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db"))
        .unwrap()
        .with_refresh_limits(RefreshLimits {
            concurrent_feeds: 16,
            per_host: 3,
        });
    for n in 0..12 {
        library
            .subscribe(&server.url(&format!("/feed/{n}")))
            .await
            .unwrap();
    }
    peak.store(0, Ordering::SeqCst);
    assert_eq!(refresh(&library, RefreshScope::All).await.len(), 12);
    assert_eq!(peak.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn retention_removes_old_read_articles_for_good_but_never_bookmarks() {
    let server = TestServer::start(Router::new().route(
        "/feed.xml",
        get(|| async { rss("Old news", &["1", "2", "3"]) }),
    ))
    .await;
    let (_dir, library) = library().await;
    library.subscribe(&server.url("/feed.xml")).await.unwrap();
    let articles = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles;
    for article in &articles {
        library.set_read(article.id, true).await.unwrap();
    }
    library.set_bookmarked(articles[0].id, true).await.unwrap();
    library.set_read(articles[2].id, false).await.unwrap();

    // The items are from 2024; keeping read articles for 90 days removes the read, unbookmarked one.
    assert_eq!(library.apply_retention().await.unwrap(), 1);
    let left: Vec<_> = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(left, [articles[0].id, articles[2].id]);

    // The feed still lists the removed item: a refresh must not bring it back as unread.
    make_due(&library);
    assert!(matches!(
        refresh(&library, RefreshScope::All).await[..],
        [FeedOutcome::Updated {
            new_articles: 0,
            ..
        }]
    ));
    assert_eq!(
        library
            .list_articles(ArticleView::All, None)
            .await
            .unwrap()
            .articles
            .len(),
        2
    );
}

#[tokio::test]
async fn a_feeds_ttl_spaces_out_polls_and_enclosures_reach_the_article() {
    let server = TestServer::start(Router::new().route(
        "/podcast.xml",
        get(|| async {
            r#"<rss version="2.0"><channel><title>Pod</title><ttl>180</ttl>
               <item><guid>ep1</guid><title>Episode 1</title>
               <enclosure url="/audio/ep1.mp3" length="12345678" type="audio/mpeg"/></item></channel></rss>"#
        }),
    ))
    .await;
    let (_dir, library) = library().await;
    let feed = library
        .subscribe(&server.url("/podcast.xml"))
        .await
        .unwrap();
    assert!(
        feed.next_poll_at.unwrap() >= now() + 3 * 3600 - 5,
        "ttl ignored"
    );
    let id = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    let article = library.article(id).await.unwrap();
    assert_eq!(article.enclosures.len(), 1);
    assert_eq!(article.enclosures[0].url, server.url("/audio/ep1.mp3"));
    assert_eq!(
        article.enclosures[0].mime_type.as_deref(),
        Some("audio/mpeg")
    );
    assert_eq!(article.enclosures[0].length, Some(12_345_678));
}
