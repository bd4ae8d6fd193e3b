//! Feed icons, looked for by the backend after subscribing: the feed's own picture, else the icon
//! its site's home page links, else the site's /favicon.ico; kept in the library and served from
//! it, never from the network; looked for again weekly and no more often; what is not an icon
//! (a web page, something too big, a server's error) is never kept, and a letter stands in.

use std::net::{IpAddr, Ipv4Addr};

use tidings_core::Library;
use tidings_core::api::FeedSummary;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{StatusCode, header};
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;
use tidings_testkit::{TestServer, png};

const ICO: &[u8] = b"\x00\x00\x01\x00\x01\x00\x10\x10\x00\x00\x01\x00\x20\x00fake-ico-bytes";

fn feed(title: &str, icon: Option<&str>) -> String {
    let icon = icon
        .map(|i| format!("<icon>{i}</icon>"))
        .unwrap_or_default();
    format!(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:{title}</id>
        <link rel="alternate" href="/"/>{icon}
        <entry><id>urn:1</id><title>One</title><updated>2026-12-01T00:00:00Z</updated></entry></feed>"#
    )
}

fn png_response(bytes: Vec<u8>) -> ([(header::HeaderName, &'static str); 1], Vec<u8>) {
    ([(header::CONTENT_TYPE, "image/png")], bytes)
}

/// A site of its own: its home page and /favicon.ico are its own.
async fn site(routes: Router) -> TestServer {
    TestServer::start(routes).await
}

/// A PNG's signature and far more bytes than an icon needs.
fn huge_png() -> Vec<u8> {
    let mut bytes = png(8, 8, [1, 2, 3]);
    bytes.resize(300 * 1024, 7);
    bytes
}

async fn subscribed(library: &Library, server: &TestServer) -> FeedSummary {
    let feed = library.subscribe(&server.url("/feed.xml")).await.unwrap();
    // The look subscribing started is waited for, and nothing is left due.
    library.fetch_due_icons().await.unwrap();
    let feeds = library.list_feeds().await.unwrap();
    feeds.into_iter().find(|f| f.id == feed.id).unwrap()
}

fn library(dir: &tempfile::TempDir) -> Library {
    Library::open(&dir.path().join("tidings.db")).unwrap()
}

#[tokio::test]
async fn a_feed_gets_its_own_icon_else_its_sites_else_the_favicon() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(&dir);

    let own = site(
        Router::new()
            .route("/feed.xml", get(|| async { feed("Own", Some("/own.png")) }))
            .route(
                "/own.png",
                get(|| async { png_response(png(32, 32, [200, 0, 0])) }),
            ),
    )
    .await;
    let linked = site(
        Router::new()
            .route("/feed.xml", get(|| async { feed("Linked", None) }))
            .route(
                "/",
                get(|| async {
                    Html(r#"<html><head><link rel="icon" sizes="32x32" href="/static/i.png"></head></html>"#)
                }),
            )
            .route("/static/i.png", get(|| async { png_response(png(32, 32, [0, 200, 0])) })),
    )
    .await;
    let favicon = site(
        Router::new()
            .route("/feed.xml", get(|| async { feed("Favicon", None) }))
            .route(
                "/",
                get(|| async { Html("<html><head></head><body>hi</body></html>") }),
            )
            .route(
                "/favicon.ico",
                get(|| async { ([(header::CONTENT_TYPE, "image/vnd.microsoft.icon")], ICO) }),
            ),
    )
    .await;

    for (server, colour) in [(&own, [200, 0, 0]), (&linked, [0, 200, 0])] {
        let summary = subscribed(&library, server).await;
        let address = summary.icon.expect("an icon");
        assert_eq!(
            tidings_core::media::parse_app_icon_url(&address),
            Some(summary.id)
        );
        let icon = library.feed_icon(summary.id).await.unwrap().unwrap();
        assert_eq!(icon.mime_type, "image/png");
        assert_eq!(icon.bytes, png(32, 32, colour));
    }
    let summary = subscribed(&library, &favicon).await;
    assert!(summary.icon.is_some());
    let icon = library.feed_icon(summary.id).await.unwrap().unwrap();
    assert_eq!(
        (icon.mime_type.as_str(), icon.bytes.as_slice()),
        ("image/x-icon", ICO)
    );

    // Fetched as every content fetch is: no cookie, no Referer.
    for server in [&own, &linked, &favicon] {
        assert!(
            server
                .requests()
                .iter()
                .all(|r| !r.had_cookie && !r.had_referer)
        );
    }
}

#[tokio::test]
async fn what_is_not_an_icon_is_never_kept_and_a_letter_stands_in() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(&dir);
    let server = site(
        Router::new()
            .route(
                "/feed.xml",
                get(|| async { feed("Nothing", Some("/page.png")) }),
            )
            // A web page where the icon should be, an icon far too big, and a missing favicon.
            .route(
                "/page.png",
                get(|| async { Html("<html><body>not a picture</body></html>") }),
            )
            .route(
                "/",
                get(|| async {
                    Html(r#"<link rel="icon" href="/huge.png"><link rel="icon" href="/gone.png">"#)
                }),
            )
            .route("/huge.png", get(|| async { png_response(huge_png()) }))
            .route(
                "/gone.png",
                get(|| async { (StatusCode::NOT_FOUND, "gone") }),
            )
            .route(
                "/favicon.ico",
                get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "broken") }),
            ),
    )
    .await;
    assert!(huge_png().len() > tidings_core::icons::MAX_ICON_BYTES);
    let summary = subscribed(&library, &server).await;
    assert_eq!(summary.icon, None);
    assert_eq!(library.feed_icon(summary.id).await.unwrap(), None);
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    for tried in ["/page.png", "/", "/huge.png", "/gone.png", "/favicon.ico"] {
        assert!(
            paths.iter().any(|p| p == tried),
            "{tried} not tried: {paths:?}"
        );
    }

    // Not looked for again before a week has passed…
    let before = server.requests().len();
    assert_eq!(library.fetch_due_icons().await.unwrap(), 0);
    assert_eq!(server.requests().len(), before);
}

#[tokio::test]
async fn an_icon_is_looked_for_again_after_a_week() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(&dir);
    let colour = std::sync::Arc::new(std::sync::Mutex::new([10, 20, 30]));
    let served = colour.clone();
    let server = site(
        Router::new()
            .route(
                "/feed.xml",
                get(|| async { feed("Weekly", Some("/icon.png")) }),
            )
            .route(
                "/icon.png",
                get(move || {
                    let colour = *served.lock().unwrap();
                    async move { png_response(png(16, 16, colour)) }
                }),
            ),
    )
    .await;
    let first = subscribed(&library, &server).await;
    *colour.lock().unwrap() = [90, 80, 70];
    assert_eq!(library.fetch_due_icons().await.unwrap(), 0);
    assert_eq!(
        library.feed_icon(first.id).await.unwrap().unwrap().bytes,
        png(16, 16, [10, 20, 30])
    );

    // Eight days later.
    rusqlite::Connection::open(dir.path().join("tidings.db"))
        .unwrap()
        .execute(
            "UPDATE feed_icons SET fetched_at = fetched_at - 8 * 86400",
            [],
        )
        .unwrap();
    assert_eq!(library.fetch_due_icons().await.unwrap(), 1);
    assert_eq!(
        library.feed_icon(first.id).await.unwrap().unwrap().bytes,
        png(16, 16, [90, 80, 70])
    );
}

#[tokio::test]
async fn a_public_feed_cannot_point_its_icon_at_the_persons_network() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(&dir)
        .with_hosts(&[("news.example", IpAddr::V4(Ipv4Addr::LOCALHOST))])
        .unwrap();
    let server = site(
        Router::new()
            .route(
                "/feed.xml",
                get(
                    |headers: tidings_testkit::axum::http::HeaderMap| async move {
                        let port = headers[header::HOST]
                            .to_str()
                            .unwrap()
                            .rsplit(':')
                            .next()
                            .unwrap()
                            .to_string();
                        feed(
                            "Probe",
                            Some(&format!("http://127.0.0.1:{port}/router.png")),
                        )
                    },
                ),
            )
            .route(
                "/router.png",
                get(|| async { png_response(png(16, 16, [9, 9, 9])) }),
            ),
    )
    .await;
    let port = server.addr().port();
    let feed = library
        .subscribe(&format!("http://news.example:{port}/feed.xml"))
        .await
        .unwrap();
    library.fetch_due_icons().await.unwrap();
    assert_eq!(library.feed_icon(feed.id).await.unwrap(), None);
    assert!(
        server.requests().iter().all(|r| r.path != "/router.png"),
        "the icon on the person's network was fetched"
    );
}

#[tokio::test]
async fn feeds_of_one_site_are_looked_for_once() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(&dir);
    let server = site(
        Router::new()
            .route(
                "/",
                get(|| async { Html(r#"<link rel="icon" href="/i.png">"#) }),
            )
            .route(
                "/i.png",
                get(|| async { png_response(png(16, 16, [5, 6, 7])) }),
            ),
    )
    .await;
    let opml = format!(
        r#"<opml version="2.0"><body>
        <outline type="rss" text="Sport" xmlUrl="{0}/sport.xml" htmlUrl="{0}/"/>
        <outline type="rss" text="Weather" xmlUrl="{0}/weather.xml" htmlUrl="{0}/"/>
        </body></opml>"#,
        server.url("").trim_end_matches('/')
    );
    library
        .import_opml(opml.into_bytes(), |_, _| {})
        .await
        .unwrap();
    assert_eq!(library.fetch_due_icons().await.unwrap(), 2);
    let home_pages = server.requests().iter().filter(|r| r.path == "/").count();
    assert_eq!(home_pages, 1);
    for feed in library.list_feeds().await.unwrap() {
        assert!(feed.icon.is_some(), "{} has no icon", feed.title);
    }
}
