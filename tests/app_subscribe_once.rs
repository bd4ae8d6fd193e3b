//! End to end: one feed is one subscription, however its address is written — `localhost` or
//! `127.0.0.1`, a trailing slash, its Atom version, an OPML file written elsewhere — so its
//! articles never show twice. Needs an X display (`xvfb-run -a cargo test --test app app_subscribe_once::`).

use fantoccini::Locator;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{HeaderMap, header};
use tidings_testkit::axum::routing::get;

use crate::support::menus::feed_row;
use crate::support::reading::{row_titles, wait_for_heading};
use crate::support::{App, Driver, Sandbox};

/// A blog's RSS feed (naming itself with `localhost`) and its Atom feed (same title and site).
async fn blog() -> TestServer {
    let rss = |headers: HeaderMap| async move {
        let host = headers[header::HOST].to_str().unwrap().to_string();
        format!(
            r#"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>The Blog</title>
            <link>http://{host}/</link><atom:link rel="self" href="http://{}/feed.xml"/>
            <item><guid>first</guid><title>First post</title></item>
            <item><guid>second</guid><title>Second post</title></item></channel></rss>"#,
            host.replace("127.0.0.1", "localhost")
        )
    };
    let atom = |headers: HeaderMap| async move {
        let host = headers[header::HOST].to_str().unwrap().to_string();
        format!(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>The Blog</title><id>urn:blog</id>
            <link href="http://{host}/"/><updated>2024-06-25T08:00:00Z</updated>
            <entry><id>urn:first</id><title>First post</title><updated>2024-06-25T08:00:00Z</updated></entry></feed>"#
        )
    };
    TestServer::start(
        Router::new()
            .route("/feed.xml", get(rss))
            .route("/atom.xml", get(atom))
            .route(
                "/notes.xml",
                get(|| async {
                    r#"<rss version="2.0"><channel><title>Notes</title><item><guid>n</guid><title>A note</title></item></channel></rss>"#
                }),
            ),
    )
    .await
}

/// The names of the feeds in the sidebar (textContent: WebKitWebDriver leaves out text that
/// could be cut short with an ellipsis).
async fn feed_rows(app: &App) -> Vec<String> {
    let names = app
        .client
        .execute(
            "return [...document.querySelectorAll('li.feed .name')].map((n) => n.textContent.trim())",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(names).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_added_again_at_another_address_is_already_subscribed() {
    let server = blog().await;
    let port = server.addr().port();
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_heading(&app, "The Blog").await;

    for again in [
        format!("http://localhost:{port}/feed.xml/"),
        server.url("/atom.xml"),
    ] {
        // Somewhere else first, to see the app come back to the feed.
        app.click_text("ul.views button", "Bookmarks").await;
        wait_for_heading(&app, "Bookmarks").await;
        app.add_feed(&again).await;
        app.wait_for_text(
            &format!("the toast for {again}"),
            ".notice",
            "text.includes('Already subscribed to “The Blog”.')",
        )
        .await;
        wait_for_heading(&app, "The Blog").await;
        assert_eq!(feed_rows(&app).await, ["The Blog"], "after adding {again}");
    }
    app.quit().await;

    // An OPML file from another reader, with the blog under another spelling and one new feed.
    let opml = format!(
        r#"<opml version="2.0"><body>
        <outline text="The Blog" type="rss" xmlUrl="https://localhost:{port}/feed.xml/"/>
        <outline text="Notes" type="rss" xmlUrl="http://127.0.0.1:{port}/notes.xml"/>
        </body></opml>"#
    );
    let file = sandbox.database().with_file_name("other-reader.opml");
    std::fs::write(&file, opml).unwrap();
    let report = tidings_core::Library::open(&sandbox.database())
        .unwrap()
        .import_opml_file(&file)
        .await
        .unwrap();
    assert_eq!(
        (report.added, report.already_subscribed),
        (1, 1),
        "{report:?}"
    );

    let app = driver.launch().await;
    app.wait_for(Locator::XPath(&feed_row("Notes"))).await;
    assert_eq!(feed_rows(&app).await, ["Notes", "The Blog"]);
    app.press('r').await;
    app.click_text("ul.views button", "All articles").await;
    wait_for_heading(&app, "All articles").await;
    app.wait_until(
        "the note's feed to arrive",
        "return [...document.querySelectorAll('section.list li .title')].some((t) => t.textContent.includes('A note'))",
    )
    .await;
    let mut titles = row_titles(&app).await;
    titles.sort();
    assert_eq!(titles, ["A note", "First post", "Second post"]);
    app.quit().await;
}
