//! End to end: the real app binary in a real window, a real feed over loopback HTTP, a real
//! database file that survives restarts. Needs an X display (`xvfb-run -a cargo test`).

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{HeaderMap, header};
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;

use crate::support::{Driver, Sandbox};

const PAGE: &str = "/world/putin-kim.html";

async fn news_site(seed: &SeedArticle) -> TestServer {
    let page = seed.news_page();
    let feed_template = seed.feed_xml("{PAGE_URL}");
    TestServer::start(
        Router::new()
            .route(
                PAGE,
                get(move || async move { tidings_testkit::axum::response::Html(page) }),
            )
            .route(
                "/feed.xml",
                // The item links to the page by absolute address, which needs the server's port.
                get(move |headers: HeaderMap| async move {
                    let host = headers[header::HOST].to_str().unwrap().to_string();
                    feed_template.replace("{PAGE_URL}", &format!("http://{host}{PAGE}"))
                }),
            ),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn subscribe_read_bookmark_restart_and_read_offline() {
    let seed = SeedArticle::load();
    let mut server = news_site(&seed).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);

    // First run: subscribe through the Add feed dialog.
    let app = driver.launch().await;
    app.open_add_feed().await;
    app.submit_dialog(&server.url("/feed.xml")).await;

    // The article appears; open it and see every paragraph of the story.
    app.click_text("li button", &seed.title).await;
    let heading = app.wait_for(Locator::Css("main article h1")).await;
    assert_eq!(heading.text().await.unwrap(), seed.title);
    assert_eq!(app.texts("main .content p").await, seed.paragraphs);

    // Bookmark it with the mouse; the toolbar and the list both say so.
    app.click_text("div.toolbar button", "Bookmark").await;
    app.wait_for(Locator::Css("div.toolbar button[aria-pressed='true']"))
        .await;
    app.wait_for(Locator::Css("li.selected [aria-label='Bookmarked']"))
        .await;

    // "Open in browser" goes to the system browser; the window stays on the app.
    let app_url = app.client.current_url().await.unwrap();
    app.open_in_browser_from_toolbar().await;
    sandbox
        .wait_until_opened_in_browser(&server.url(PAGE))
        .await;
    assert_eq!(app.client.current_url().await.unwrap(), app_url);
    app.quit().await;

    // Second run: the bookmark survived the restart.
    let app = driver.launch().await;
    app.click_text("ul.views button", "Bookmarks").await;
    app.click_text("li button", &seed.title).await;
    app.wait_for(Locator::Css("div.toolbar button[aria-pressed='true']"))
        .await;

    // The network goes away; the article still opens, complete.
    server.stop();
    app.click_text("ul.views button", "All articles").await;
    app.click_text("li button", &seed.title).await;
    app.wait_until(
        "the reader shows the story",
        "return document.querySelectorAll('main .content p').length > 5",
    )
    .await;
    assert_eq!(app.texts("main .content p").await, seed.paragraphs);
    let screenshot = app.screenshot("reader-feed.png").await;
    eprintln!("reader screenshot: {}", screenshot.display());

    // Privacy: every request (the feed, and the lead image the reader asked the app for) came from
    // the backend's HTTP client, none from the webview.
    let requests = server.requests();
    assert!(!requests.is_empty());
    for request in &requests {
        assert!(
            request.user_agent.starts_with("Tidings/"),
            "the webview fetched {request:?}"
        );
        assert!(!request.had_cookie && !request.had_referer, "{request:?}");
    }
    app.quit().await;
    assert!(sandbox.database().exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_show_their_reason_and_the_keyboard_drives_reading() {
    use std::sync::{Arc, Mutex};
    let first = r#"<rss version="2.0"><channel><title>Keys</title>
        <item><guid>1</guid><title>Older story</title><pubDate>Mon, 24 Jun 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;Old&lt;/p&gt;</description></item>
        <item><guid>2</guid><title>Newer story</title><pubDate>Tue, 25 Jun 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;New, &lt;a href="/more.html"&gt;read more&lt;/a&gt;&lt;/p&gt;</description><link>https://news.example/newer.html</link></item>
        </channel></rss>"#;
    let feed = Arc::new(Mutex::new(first.to_string()));
    let served = Arc::clone(&feed);
    let server = TestServer::start(
        Router::new()
            .route(
                "/news/keys.xml",
                get(move || async move { served.lock().unwrap().clone() }),
            )
            .route(
                "/home.html",
                get(|| async {
                    tidings_testkit::axum::response::Html(
                        "<!DOCTYPE html><html><body>Home</body></html>",
                    )
                }),
            ),
    )
    .await;
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // Each bad address is refused with its reason, in the dialog, and nothing is added.
    app.open_add_feed().await;
    let input = app.wait_for(Locator::Css("#feed-address")).await;
    let cases = [
        (
            "http://exa mple.com/feed".to_string(),
            "is not a web address",
        ),
        (server.url("/home.html"), "no feed found at"),
        (
            format!("http://127.0.0.1:{closed_port}/feed.xml"),
            "nothing answered at 127.0.0.1:",
        ),
        (
            server.url("/missing.xml"),
            "the server answered 404 Not Found",
        ),
    ];
    for (address, reason) in cases {
        input.clear().await.unwrap();
        input.send_keys(&address).await.unwrap();
        input.send_keys(&Key::Enter.to_string()).await.unwrap();
        let script = format!(
            "return (document.querySelector('#feed-error')?.textContent ?? '').includes({reason:?})"
        );
        app.wait_until(&format!("the error {reason:?} for {address}"), &script)
            .await;
    }
    assert!(app.texts("[data-testid=feeds] li").await.is_empty());
    input.clear().await.unwrap();
    input
        .send_keys(&server.url("/news/keys.xml"))
        .await
        .unwrap();
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
    app.click_text("li button", "Newer story").await;
    app.wait_for(Locator::XPath("//main//h1[.='Newer story']"))
        .await;

    // A link in an article goes to the system browser, resolved against the article's address;
    // the window stays on the app.
    let app_url = app.client.current_url().await.unwrap();
    app.click_text("main .content a", "read more").await;
    let wanted = "https://news.example/more.html".to_string();
    sandbox.wait_until_opened_in_browser(&wanted).await;
    assert_eq!(app.client.current_url().await.unwrap(), app_url);

    // j/k move through the list, b bookmarks, m toggles read.
    app.press('j').await;
    app.wait_for(Locator::XPath("//main//h1[.='Older story']"))
        .await;
    app.press('k').await;
    app.wait_for(Locator::XPath("//main//h1[.='Newer story']"))
        .await;
    app.press('b').await;
    app.wait_for(Locator::Css("div.toolbar button[aria-pressed='true']"))
        .await;
    app.press('b').await;
    app.wait_for(Locator::Css("div.toolbar button[aria-pressed='false']"))
        .await;
    app.press('m').await;
    app.wait_for(Locator::Css("li.selected.unread")).await;
    app.press('m').await;
    app.wait_until(
        "the row reads as read",
        "return !document.querySelector('li.selected').classList.contains('unread')",
    )
    .await;

    // r refreshes: a story published since appears without any click.
    *feed.lock().unwrap() = first.replace(
        "</channel>",
        "<item><guid>3</guid><title>Breaking story</title><pubDate>Wed, 26 Jun 2024 08:00:00 GMT</pubDate></item></channel>",
    );
    app.press('r').await;
    app.wait_for(Locator::XPath("//li//span[.='Breaking story']"))
        .await;
    app.quit().await;
}
