//! End to end: what goes wrong is said for a person, with what to do — never as a log line
//! ("Connection refused (os error 111)", "received corrupt message of type InvalidContentType",
//! a launcher's exit status) — and a network that is away is said once, not as a warning per
//! feed. Needs an X display (`xvfb-run -a cargo test --test app app_errors::`).

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

use crate::support::menus::feed_row;
use crate::support::{App, Driver, Sandbox};

/// A plain-http server (as small sites and servers on this computer are) with one feed whose
/// item links to a page.
async fn news_server(title: &'static str) -> TestServer {
    TestServer::start(Router::new().route(
        "/feed.xml",
        get(move || async move {
            format!(
                r#"<rss version="2.0"><channel><title>{title}</title><item><guid>1</guid>
                <title>{title}: the story</title><link>https://news.example/story.html</link>
                <description>The story.</description></item></channel></rss>"#
            )
        }),
    ))
    .await
}

const LOG_WORDS: [&str; 6] = [
    "os error",
    "Connection refused",
    "InvalidContentType",
    "corrupt message",
    "ExitStatus",
    "exit status",
];

/// Types `address` into the open "Add a feed" dialog and waits for its error to say `says`.
async fn refused(app: &App, address: &str, says: &str) {
    let input = app.wait_for(Locator::Css("#feed-address")).await;
    input.clear().await.unwrap();
    input.send_keys(address).await.unwrap();
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
    app.wait_for_text(
        &format!("the dialog to say {says:?} for {address}"),
        "#feed-error",
        &format!("text === {says:?}"),
    )
    .await;
}

fn no_log_words(text: &str) {
    for word in LOG_WORDS {
        assert!(!text.contains(word), "{word:?} in {text:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn failures_say_what_happened_and_what_to_do_and_offline_is_said_once() {
    let mut plain = news_server("Plain News").await;
    let mut other = news_server("Other News").await;
    let port = plain.addr().port();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    app.open_add_feed().await;
    refused(
        &app,
        &format!("https://127.0.0.1:{port}/feed.xml"),
        &format!(
            "127.0.0.1:{port} does not offer a secure (https) connection — write its address with http:// instead"
        ),
    )
    .await;
    refused(
        &app,
        &format!("http://127.0.0.1:{closed}/feed.xml"),
        &format!(
            "nothing answered at 127.0.0.1:{closed} — the site may be down (try again later), or the address may be wrong"
        ),
    )
    .await;
    // Typed without a scheme: https is tried, then http, which this server speaks.
    app.answer_dialog(&format!("127.0.0.1:{port}/feed.xml"))
        .await;
    let row = app.wait_for(Locator::XPath(&feed_row("Plain News"))).await;
    let address = row
        .find(Locator::Css("button.row[data-tooltip]"))
        .await
        .unwrap()
        .attr("data-tooltip")
        .await
        .unwrap();
    assert_eq!(address.as_deref(), Some(plain.url("/feed.xml").as_str()));
    app.add_feed(&other.url("/feed.xml")).await;
    app.wait_for(Locator::XPath(&feed_row("Other News"))).await;

    // The network goes away: one sentence in the refresh bar, no ⚠ on each feed.
    plain.shut_down().await;
    other.shut_down().await;
    app.press('r').await;
    app.wait_for_text(
        "the bar to say the network is away",
        ".refresh",
        "text.startsWith(\"You seem to be offline: no feed could be reached. Check this computer's connection\")",
    )
    .await;
    assert_eq!(app.texts("li.feed .warning").await.len(), 0);
    // Dismissed, each feed's own mark comes back, and says what happened.
    app.wait_for(Locator::Css(".refresh button[aria-label='Dismiss']"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_until(
        "each feed's ⚠",
        "return document.querySelectorAll('li.feed .warning').length === 2",
    )
    .await;
    for warning in app
        .client
        .find_all(Locator::Css("li.feed .warning"))
        .await
        .unwrap()
    {
        let reason = warning
            .attr("data-tooltip")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            reason.starts_with("Last refresh failed: nothing answered at 127.0.0.1:"),
            "{reason}"
        );
        no_log_words(&reason);
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_browser_that_does_not_open_is_explained() {
    let server = news_server("Plain News").await;
    let sandbox = Sandbox::without_a_browser();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.click_text("section.list li button", "Plain News: the story")
        .await;
    crate::support::reading::wait_for_reader(&app, "Plain News: the story").await;
    app.open_in_browser_from_toolbar().await;
    app.wait_for_text(
        "the toast saying the browser did not open",
        ".notice",
        "text.startsWith(\"Your web browser didn't open. Check that this computer has a default web browser\") && text.includes('https://news.example/story.html')",
    )
    .await;
    no_log_words(&app.texts(".notice").await.join(" "));
    app.quit().await;
}
