//! The library against a real HTTP server on 127.0.0.1 and a real SQLite file: subscribing,
//! refreshing, and every way a server can fail leaving the stored articles as they were.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tidings_core::api::{ArticleView, ErrorKind, FeedOutcome, RefreshScope};
use tidings_core::fetch::FetchLimits;
use tidings_core::{CancelToken, Library};
use tidings_testkit::axum::Router;
use tidings_testkit::axum::body::Body;
use tidings_testkit::axum::extract::State;
use tidings_testkit::axum::http::{HeaderMap, StatusCode, header};
use tidings_testkit::axum::response::{IntoResponse, Redirect, Response};
use tidings_testkit::axum::routing::get;
use tidings_testkit::{TestServer, gzip};

/// What the server does at `/feed.xml` right now.
#[derive(Clone)]
enum Behaviour {
    Serve { body: String, etag: String },
    Status(u16),
    Stall,
    Huge,
    GzipBomb,
    RedirectLoop,
    Html,
}

type Shared = Arc<Mutex<Behaviour>>;

async fn feed(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let behaviour = state.lock().unwrap().clone();
    match behaviour {
        Behaviour::Serve { body, etag } => {
            if headers
                .get(header::IF_NONE_MATCH)
                .is_some_and(|v| v.as_bytes() == etag.as_bytes())
            {
                return StatusCode::NOT_MODIFIED.into_response();
            }
            ([(header::ETAG, etag)], body).into_response()
        }
        Behaviour::Status(code) => StatusCode::from_u16(code).unwrap().into_response(),
        Behaviour::Stall => std::future::pending().await,
        Behaviour::Huge => vec![b' '; 11 * 1024 * 1024].into_response(),
        Behaviour::GzipBomb => (
            [(header::CONTENT_ENCODING, "gzip")],
            gzip(&vec![b' '; 12 * 1024 * 1024]),
        )
            .into_response(),
        Behaviour::RedirectLoop => Redirect::temporary("/loop").into_response(),
        Behaviour::Html => (
            [(header::CONTENT_TYPE, "text/html")],
            Body::from("<!DOCTYPE html><html><body>Home</body></html>"),
        )
            .into_response(),
    }
}

fn rss(items: &[(&str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(guid, body)| {
            format!(
                "<item><guid>{guid}</guid><title>Story {guid}</title><link>https://news.example/{guid}</link>\
                 <pubDate>Tue, 25 Jun 2024 08:00:00 GMT</pubDate>\
                 <description><![CDATA[{body}<script>steal()</script><img src=\"/img/{guid}.png\" onerror=\"x()\">]]></description></item>"
            )
        })
        .collect();
    format!(
        r#"<rss version="2.0"><channel><title>News &amp;amp; more</title><link>https://news.example/</link>{items}</channel></rss>"#
    )
}

struct Fixture {
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    server: TestServer,
    state: Shared,
    library: Library,
}

impl Fixture {
    async fn new() -> Fixture {
        let state: Shared = Arc::new(Mutex::new(Behaviour::Serve {
            body: rss(&[("1", "<p>One</p>"), ("2", "<p>Two</p>")]),
            etag: "\"a\"".to_string(),
        }));
        let app = Router::new()
            .route("/feed.xml", get(feed))
            .route("/loop", get(|| async { Redirect::temporary("/feed.xml") }))
            .with_state(Arc::clone(&state));
        let server = TestServer::start(app).await;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("tidings.db");
        // Short enough that the stalling server ends quickly, long enough that a loaded machine
        // pausing this test's one thread (server and client share it) is not taken for a stall:
        // at 500 ms the 11 MB answer was now and then cut short as "silent".
        let limits = FetchLimits {
            read_timeout: Duration::from_secs(3),
            total_timeout: Duration::from_secs(10),
            ..FetchLimits::default()
        };
        let library = Library::open_with_limits(&db, limits).unwrap();
        Fixture {
            _dir: dir,
            db,
            server,
            state,
            library,
        }
    }

    fn set(&self, behaviour: Behaviour) {
        *self.state.lock().unwrap() = behaviour;
    }

    /// Every article row as the user could see it, to compare before and after.
    fn snapshot(&self) -> Vec<String> {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT a.id, a.title, b.html, a.is_read, a.is_bookmarked
                 FROM articles a JOIN article_bodies b ON b.article_id = a.id ORDER BY a.id",
            )
            .unwrap();
        stmt.query_map([], |r| {
            Ok(format!(
                "{}|{}|{}|{}|{}",
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, bool>(4)?
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    async fn refresh(&self) -> Vec<FeedOutcome> {
        let outcomes = Mutex::new(Vec::new());
        self.library
            .refresh(
                RefreshScope::All,
                |p| outcomes.lock().unwrap().push(p.outcome),
                &CancelToken::new(),
            )
            .await
            .unwrap();
        outcomes.into_inner().unwrap()
    }
}

#[tokio::test]
async fn subscribing_stores_the_feed_with_sanitized_articles() {
    let fx = Fixture::new().await;
    let feed = fx
        .library
        .subscribe(&fx.server.url("/feed.xml"))
        .await
        .unwrap();
    assert_eq!(feed.title, "News & more");
    assert_eq!(feed.unread_count, 2);
    let page = fx
        .library
        .list_articles(ArticleView::Feed { feed_id: feed.id }, None)
        .await
        .unwrap();
    assert_eq!(page.articles.len(), 2);
    let article = fx.library.article(page.articles[0].id).await.unwrap();
    assert!(
        article.content_html.starts_with("<p>"),
        "{}",
        article.content_html
    );
    assert!(!article.content_html.contains("script") && !article.content_html.contains("onerror"));
    assert!(
        article
            .content_html
            .contains("src=\"https://news.example/img/"),
        "{}",
        article.content_html
    );

    let again = fx
        .library
        .subscribe(&fx.server.url("/feed.xml"))
        .await
        .unwrap();
    assert_eq!(again.id, feed.id, "adding twice does not duplicate");
    assert_eq!(fx.library.list_feeds().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_feed_that_cannot_be_added_says_why_and_stores_nothing() {
    let fx = Fixture::new().await;
    let cases = [
        (
            None,
            "http://exa mple.com/feed",
            ErrorKind::InvalidUrl,
            "is not a web address",
        ),
        (
            Some(Behaviour::Html),
            "/feed.xml",
            ErrorKind::NotAFeed,
            "no feed found at",
        ),
        (
            Some(Behaviour::Status(404)),
            "/feed.xml",
            ErrorKind::Http,
            "404 Not Found",
        ),
    ];
    for (behaviour, address, kind, message) in cases {
        if let Some(b) = behaviour {
            fx.set(b);
        }
        let address = if address.starts_with('/') {
            fx.server.url(address)
        } else {
            address.to_string()
        };
        let error = fx.library.subscribe(&address).await.unwrap_err();
        assert_eq!(error.kind(), kind, "{address}: {error}");
        assert!(error.to_string().contains(message), "{error}");
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let error = fx
        .library
        .subscribe(&format!("http://127.0.0.1:{port}/feed"))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Network);
    assert!(
        error
            .to_string()
            .starts_with("nothing answered at 127.0.0.1:"),
        "{error}"
    );
    assert!(fx.library.list_feeds().await.unwrap().is_empty());
    assert!(fx.snapshot().is_empty());
}

#[tokio::test]
async fn a_refresh_updates_changed_articles_and_keeps_read_and_bookmark_state() {
    let fx = Fixture::new().await;
    let feed = fx
        .library
        .subscribe(&fx.server.url("/feed.xml"))
        .await
        .unwrap();
    let page = fx
        .library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap();
    let story = page
        .articles
        .iter()
        .find(|a| a.title == "Story 1")
        .unwrap()
        .id;
    fx.library.set_read(story, true).await.unwrap();
    fx.library.set_bookmarked(story, true).await.unwrap();

    fx.set(Behaviour::Serve {
        body: rss(&[
            ("1", "<p>One, corrected</p>"),
            ("2", "<p>Two</p>"),
            ("3", "<p>Three</p>"),
        ]),
        etag: "\"b\"".to_string(),
    });
    let outcomes = fx.refresh().await;
    assert_eq!(
        outcomes,
        [FeedOutcome::Updated {
            new_articles: 1,
            updated_articles: 1,
            notified: Vec::new(),
        }]
    );
    let article = fx.library.article(story).await.unwrap();
    assert!(article.content_html.contains("One, corrected"));
    assert!(article.is_read && article.is_bookmarked);
    assert_eq!(fx.library.feed(feed.id).await.unwrap().unread_count, 2);
}

#[tokio::test]
async fn a_304_changes_no_article_only_the_feeds_schedule() {
    let fx = Fixture::new().await;
    fx.library
        .subscribe(&fx.server.url("/feed.xml"))
        .await
        .unwrap();
    let watcher = rusqlite::Connection::open(&fx.db).unwrap();
    let feed_row = || -> (String, Option<String>, i64) {
        watcher
            .query_row("SELECT title, etag, next_poll_at FROM feeds", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap()
    };
    let index_size = || -> i64 {
        watcher
            .query_row("SELECT count(*) FROM articles_fts", [], |r| r.get(0))
            .unwrap()
    };
    let (articles, feed, indexed) = (fx.snapshot(), feed_row(), index_size());
    watcher
        .execute("UPDATE feeds SET next_poll_at = 0", [])
        .unwrap();

    assert_eq!(fx.refresh().await, [FeedOutcome::NotModified]);
    assert_eq!(fx.snapshot(), articles, "a 304 touched articles");
    assert_eq!(index_size(), indexed, "a 304 touched the search index");
    let (title, etag, next_poll_at) = feed_row();
    assert_eq!(
        (title, etag),
        (feed.0, feed.1),
        "a 304 changed the feed's data"
    );
    assert!(
        next_poll_at > tidings_core::now(),
        "the next poll was not scheduled"
    );
}

#[tokio::test]
async fn every_failing_refresh_records_its_reason_and_leaves_articles_as_they_were() {
    let fx = Fixture::new().await;
    let feed = fx
        .library
        .subscribe(&fx.server.url("/feed.xml"))
        .await
        .unwrap();
    let story = fx
        .library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    fx.library.set_bookmarked(story, true).await.unwrap();
    let before = fx.snapshot();
    let cases = [
        (Behaviour::Status(404), "the server answered 404 Not Found"),
        (
            Behaviour::Status(500),
            "the server answered 500 Internal Server Error",
        ),
        (Behaviour::Stall, "the server went silent"),
        (Behaviour::Huge, "larger than the 10 MiB limit"),
        (Behaviour::GzipBomb, "larger than the 10 MiB limit"),
        (Behaviour::RedirectLoop, "redirected more than 5 times"),
        (Behaviour::Html, "web page, not a feed"),
    ];
    for (behaviour, reason) in cases {
        fx.set(behaviour);
        let outcomes = fx.refresh().await;
        assert!(
            matches!(&outcomes[..], [FeedOutcome::Failed { reason: r }] if r.contains(reason)),
            "expected {reason:?}, got {outcomes:?}"
        );
        let summary = fx.library.feed(feed.id).await.unwrap();
        assert!(summary.last_error.as_deref().unwrap().contains(reason));
        assert_eq!(fx.snapshot(), before, "articles changed after: {reason}");
    }
    fx.set(Behaviour::Serve {
        body: rss(&[("1", "<p>One</p>"), ("2", "<p>Two</p>")]),
        etag: "\"c\"".to_string(),
    });
    assert!(matches!(
        fx.refresh().await[..],
        [FeedOutcome::Updated { .. }]
    ));
    assert_eq!(
        fx.library.feed(feed.id).await.unwrap().last_error,
        None,
        "a success clears the error"
    );
}

#[tokio::test]
async fn cancelling_a_refresh_stops_it_and_keeps_what_was_stored() {
    let fx = Fixture::new().await;
    fx.library
        .subscribe(&fx.server.url("/feed.xml"))
        .await
        .unwrap();
    let before = fx.snapshot();
    fx.set(Behaviour::Stall);
    let cancel = CancelToken::new();
    cancel.cancel();
    let summary = fx
        .library
        .refresh(
            RefreshScope::All,
            |_| panic!("no feed should finish"),
            &cancel,
        )
        .await
        .unwrap();
    assert!(summary.cancelled);
    assert_eq!(fx.snapshot(), before);
}

#[tokio::test]
async fn removing_a_feed_keeps_bookmarked_articles_readable() {
    let fx = Fixture::new().await;
    let feed = fx
        .library
        .subscribe(&fx.server.url("/feed.xml"))
        .await
        .unwrap();
    let story = fx
        .library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    fx.library.set_bookmarked(story, true).await.unwrap();
    fx.library.remove_feed(feed.id).await.unwrap();
    assert!(fx.library.list_feeds().await.unwrap().is_empty());
    let bookmarks = fx
        .library
        .list_articles(ArticleView::Bookmarks, None)
        .await
        .unwrap();
    assert_eq!(bookmarks.articles.len(), 1);
    assert_eq!(bookmarks.articles[0].source_title, "News & more");
    assert_eq!(
        fx.library
            .list_articles(ArticleView::All, None)
            .await
            .unwrap()
            .articles
            .len(),
        1
    );
}
