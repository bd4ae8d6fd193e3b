//! End to end: feed icons. A feed's icon, fetched by the backend after subscribing, shows beside
//! its name in the sidebar and beside its articles in the list, from the app's own scheme; a feed
//! with no icon anywhere shows its first letter. Needs an X display
//! (`xvfb-run -a cargo test --test app app_feed_icons::`).

use fantoccini::Locator;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::header;
use tidings_testkit::axum::routing::get;
use tidings_testkit::{TestServer, png};

use crate::support::menus::feed_row;
use crate::support::reading::{atom, item, photograph};
use crate::support::{Driver, Sandbox};

/// A feed that names its icon, and one on a site with no icon at all.
async fn sites() -> TestServer {
    let iconic = atom(
        "Iconic Times",
        &[item("The harbour reopens", 600, "<p>Ships.</p>")],
    )
    .replacen("<title>", "<icon>/icon.png</icon><title>", 1);
    let plain = atom(
        "plain gazette",
        &[item("A quiet week", 900, "<p>Quiet.</p>")],
    );
    TestServer::start(
        Router::new()
            .route("/iconic.xml", get(move || async move { iconic }))
            .route("/plain.xml", get(move || async move { plain }))
            .route(
                "/icon.png",
                get(|| async {
                    (
                        [(header::CONTENT_TYPE, "image/png")],
                        png(16, 16, [200, 30, 30]),
                    )
                }),
            ),
    )
    .await
}

/// The size the image in `row` (an XPath) was decoded at, once it has loaded; 0 until then.
fn loaded_icon(row: &str) -> String {
    format!(
        "const row = document.evaluate({row:?}, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
         const icon = row?.querySelector('img.feed-icon');
         return !!icon && icon.complete && icon.naturalWidth === 16
             && icon.src.includes('icon?feed=');"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_shows_its_icon_and_one_without_shows_its_letter() {
    let server = sites().await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/iconic.xml")).await;
    app.add_feed(&server.url("/plain.xml")).await;

    app.wait_until(
        "the icon beside the feed's name",
        &loaded_icon(&feed_row("Iconic Times")),
    )
    .await;
    // Every article, both feeds'.
    app.press('g').await;
    app.press('a').await;
    app.wait_until(
        "the icon beside its article in the list",
        &loaded_icon("//section[contains(@class,'list')]//li[.//span[contains(@class,'title')]='The harbour reopens']"),
    )
    .await;
    let letter = app
        .wait_for(Locator::XPath(&format!(
            "{}//span[contains(@class,'tile')]",
            feed_row("plain gazette")
        )))
        .await;
    assert_eq!(letter.text().await.unwrap(), "P");
    let requests = server.requests();
    assert!(
        requests.iter().any(|r| r.path == "/icon.png"),
        "the backend never fetched the icon"
    );
    for request in &requests {
        assert!(
            request.user_agent.starts_with("Tidings/")
                && !request.had_cookie
                && !request.had_referer,
            "the webview fetched {request:?}"
        );
    }
    photograph(&app, "feed-icons.png").await;
    app.quit().await;
}
