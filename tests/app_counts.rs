//! End to end: the sidebar's numbers in the real app. Each says what it counts — unread articles
//! beside Today, Unread, folders and feeds; every article kept beside Bookmarks and Saved — and
//! follows each change at once (b, s, Save a page…, reading); Today lists exactly the unread
//! articles of today it counts. Needs an X display (`xvfb-run -a cargo test --test app app_counts::`).

use fantoccini::Locator;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;

use crate::support::reading::*;
use crate::support::{App, Driver, Sandbox};

const PAGE: &str = "<!doctype html><html><head><title>Harbour notes</title></head><body><article>
    <h1>Harbour notes</h1>
    <p>The harbour master keeps a log of every ship that comes and goes, and of the weather.</p>
    <p>On calm days the ferries run every hour; on stormy ones they wait in the lee of the pier.</p>
    <p>The fishing fleet leaves before dawn and is back by noon with the day's catch.</p>
    </article></body></html>";

/// A feed of `items` at /feed.xml and a page to save at /notes.html.
async fn site(items: &[Item]) -> TestServer {
    let xml = atom("Harbour Post", items);
    TestServer::start(
        Router::new()
            .route(
                "/feed.xml",
                get(move || {
                    let xml = xml.clone();
                    async move { ([("content-type", "application/atom+xml")], xml) }
                }),
            )
            .route("/notes.html", get(|| async { Html(PAGE) })),
    )
    .await
}

/// What the number beside the smart view `view` says it counts, when pointed at.
async fn count_tooltip(app: &App, view: &str) -> String {
    let script = format!(
        "const row = [...document.querySelectorAll('ul.views button.row')].find((b) => b.querySelector('.name').textContent === {view:?});
         return row?.querySelector('.count')?.dataset.tooltip ?? '';"
    );
    let value = app.client.execute(&script, vec![]).await.unwrap();
    value.as_str().unwrap_or_default().to_string()
}

async fn wait_for_count(app: &App, view: &str, count: usize) {
    app.wait_until(
        &format!("{view} to count {count}"),
        &unread_count_is(view, count),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bookmarks_and_saved_count_what_they_hold_after_each_change() {
    let items = [
        item("Harbour opens", 60, "<p>One.</p>"),
        item("Ferry returns", 120, "<p>Two.</p>"),
        item("Tide tables", 180, "<p>Three.</p>"),
    ];
    let server = site(&items).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_heading(&app, "Harbour Post").await;
    wait_for_count(&app, "Unread", 3).await;

    // b and s: the numbers beside Bookmarks and Saved follow at once, both ways.
    app.press('j').await;
    wait_for_reader(&app, "Harbour opens").await;
    app.press('b').await;
    wait_for_count(&app, "Bookmarks", 1).await;
    app.press('s').await;
    wait_for_count(&app, "Saved", 1).await;
    app.press('j').await;
    wait_for_reader(&app, "Ferry returns").await;
    app.press('b').await;
    wait_for_count(&app, "Bookmarks", 2).await;
    app.press('b').await;
    wait_for_count(&app, "Bookmarks", 1).await;

    // Save a page…: Saved holds it, and Unread counts it until it is read.
    app.wait_for(Locator::Css("button[aria-label='More actions']"))
        .await
        .click()
        .await
        .unwrap();
    app.pick("Save a page…").await;
    app.answer_dialog(&server.url("/notes.html")).await;
    wait_for_count(&app, "Saved", 2).await;
    wait_for_count(&app, "Unread", 2).await;

    // Each number says what it counts.
    assert_eq!(
        count_tooltip(&app, "Bookmarks").await,
        "1 bookmarked article"
    );
    assert_eq!(count_tooltip(&app, "Saved").await, "2 saved articles");
    assert_eq!(count_tooltip(&app, "Unread").await, "2 unread articles");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn today_lists_the_unread_articles_it_counts() {
    // Seconds old: today, unless the test started in the first minute after midnight.
    let items = [
        item("Morning tide", 20, "<p>One.</p>"),
        item("Noon tide", 40, "<p>Two.</p>"),
        item("Last week's storm", 7 * 86_400, "<p>Three.</p>"),
    ];
    let server = site(&items).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_heading(&app, "Harbour Post").await;
    wait_for_count(&app, "Today", 2).await;
    app.click_text("ul.views button", "Today").await;
    wait_for_heading(&app, "Today").await;
    wait_for_rows(&app, "today's two articles", &["Morning tide", "Noon tide"]).await;

    // Read one: Today counts the other, and lists only it when next opened.
    app.press('j').await;
    wait_for_reader(&app, "Morning tide").await;
    wait_for_count(&app, "Today", 1).await;
    app.click_text("ul.views button", "Unread").await;
    wait_for_heading(&app, "Unread").await;
    app.click_text("ul.views button", "Today").await;
    wait_for_heading(&app, "Today").await;
    wait_for_rows(&app, "today's unread article", &["Noon tide"]).await;
    app.quit().await;
}
