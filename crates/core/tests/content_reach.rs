//! Fetches that content asks for — images, full-article pages, a saved page's images — stay on
//! the public internet unless the content itself came from this computer or a private network:
//! a hostile feed cannot make Tidings probe the person's router or local services, whether it
//! names them directly or by a host name that resolves there.
//!
//! Everything here runs on 127.0.0.1, so a "public" site is a public-looking name that the
//! library is told resolves to 127.0.0.1 (as /etc/hosts would): exactly what DNS rebinding does.

use std::net::{IpAddr, Ipv4Addr};

use tidings_core::api::{ArticleView, RefreshScope};
use tidings_core::{CancelToken, Library};
use tidings_testkit::axum::Router;
use tidings_testkit::axum::extract::Path;
use tidings_testkit::axum::http::{HeaderMap, header};
use tidings_testkit::axum::response::{Html, Redirect};
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;
use tidings_testkit::{TestServer, png};

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// A site whose feed's one item shows a picture reached four ways and links to a full page.
/// `{HOST}` in the feed becomes the host (and port) the feed was asked for.
async fn site() -> TestServer {
    let page = SeedArticle::load().news_page();
    TestServer::start(
        Router::new()
            .route(
                "/feed.xml",
                get(|headers: HeaderMap| async move {
                    let host = headers[header::HOST].to_str().unwrap().to_string();
                    let port = host.rsplit(':').next().unwrap().to_string();
                    FEED.replace("{HOST}", &host).replace("{PORT}", &port)
                }),
            )
            .route("/story.html", get(move || async move { Html(page) }))
            .route(
                "/to/{target}",
                get(
                    |Path(target): Path<String>, headers: HeaderMap| async move {
                        let host = headers[header::HOST].to_str().unwrap();
                        let port = host.rsplit(':').next().unwrap();
                        Redirect::temporary(&format!("http://127.0.0.1:{port}/{target}"))
                    },
                ),
            )
            .route(
                "/img/{name}",
                get(|| async { ([(header::CONTENT_TYPE, "image/png")], png(8, 8, [1, 2, 3])) }),
            ),
    )
    .await
}

const FEED: &str = r#"<rss version="2.0"><channel><title>Site</title>
<item><guid>1</guid><title>Pictures</title><link>http://{HOST}/story.html</link>
<description>
&lt;img src="http://127.0.0.1:{PORT}/img/literal.png"&gt;
&lt;img src="http://cdn.example:{PORT}/img/resolved.png"&gt;
&lt;img src="http://{HOST}/to/img%2Fredirected.png"&gt;
&lt;img src="http://localhost:{PORT}/img/named.png"&gt;
</description></item>
</channel></rss>"#;

async fn library_with_hosts(dir: &tempfile::TempDir) -> Library {
    Library::open(&dir.path().join("tidings.db"))
        .unwrap()
        .with_hosts(&[("news.example", LOOPBACK), ("cdn.example", LOOPBACK)])
        .unwrap()
}

/// Subscribes to `feed_url` in full-text mode and refreshes, so the item's page is fetched.
async fn read_in_full(library: &Library, feed_url: &str) -> tidings_core::api::Article {
    let feed = library.subscribe(feed_url).await.unwrap();
    library.set_full_text(feed.id, true).await.unwrap();
    // The first fetch stored the summary; make the item look changed so its page is read.
    rusqlite::Connection::open(library.store().path())
        .unwrap()
        .execute("UPDATE articles SET content_hash = x''", [])
        .unwrap();
    library
        .refresh(RefreshScope::All, |_| {}, &CancelToken::new())
        .await
        .unwrap();
    let id = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    library.article(id).await.unwrap()
}

fn image_requests(server: &TestServer) -> Vec<String> {
    server
        .requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.starts_with("/img/") || p.starts_with("/to/") || p == "/story.html")
        .collect()
}

#[tokio::test]
async fn a_public_feed_cannot_reach_this_computer_directly_or_by_name() {
    let server = site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = library_with_hosts(&dir).await;
    let feed_url = server.url("/feed.xml").replace("127.0.0.1", "news.example");

    let article = read_in_full(&library, &feed_url).await;
    let refusal = article.extract_error.clone().expect("the page was refused");
    assert!(
        refusal.contains("news.example (127.0.0.1) is on this computer or a private network"),
        "{refusal}"
    );

    let kept = library.keep_images(article.id).await.unwrap();
    assert_eq!((kept.stored, kept.failed), (0, 4), "{kept:?}");
    // Shown in the reader, with a click to load them: still refused.
    for src in [
        server.url("/img/literal.png"),
        format!(
            "http://cdn.example:{}/img/resolved.png",
            server.addr().port()
        ),
    ] {
        assert_eq!(library.image(article.id, &src, true).await.unwrap(), None);
    }
    // Nothing reached the server. (Here even the redirecting host resolves to 127.0.0.1, so it
    // is refused before its redirect; a redirect hop to a private address is refused on its own
    // too, see fetch::reach's tests.)
    assert_eq!(image_requests(&server), Vec::<String>::new());
}

#[tokio::test]
async fn a_feed_on_this_computer_may_fetch_from_it() {
    let server = site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = library_with_hosts(&dir).await;

    let article = read_in_full(&library, &server.url("/feed.xml")).await;
    assert_eq!(article.extract_error, None);
    assert!(
        article.content_html.contains("Putin"),
        "the full page was read"
    );

    // The full page's images replaced the feed's; its lead picture is on 127.0.0.1 too.
    let kept = library.keep_images(article.id).await.unwrap();
    assert!(kept.stored >= 1 && kept.failed == 0, "{kept:?}");
}

#[tokio::test]
async fn a_saved_page_may_fetch_images_from_where_it_lives_and_only_there() {
    let server = site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = library_with_hosts(&dir).await;
    let local = library.save_url(&server.url("/story.html")).await.unwrap();
    let public = library
        .save_url(
            &server
                .url("/story.html")
                .replace("127.0.0.1", "news.example"),
        )
        .await
        .unwrap();
    // The person asked for both pages, so both were fetched; their images differ in reach.
    assert!(library.keep_images(local.article.id).await.unwrap().stored >= 1);
    let kept = library.keep_images(public.article.id).await.unwrap();
    assert_eq!(kept.stored, 0, "{kept:?}");
}

#[tokio::test]
async fn content_never_reaches_other_schemes() {
    let server = site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = library_with_hosts(&dir).await;
    let saved = library.save_url(&server.url("/story.html")).await.unwrap();
    for src in [
        "file:///etc/passwd",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://x/y.png",
    ] {
        assert_eq!(
            library.image(saved.article.id, src, true).await.unwrap(),
            None,
            "{src}"
        );
    }
}
