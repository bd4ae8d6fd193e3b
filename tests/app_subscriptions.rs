//! End to end: organising subscriptions in the real app — choosing among a site's feeds,
//! folders, renames, a failing feed explained, the refresh bar. Needs an X display
//! (`xvfb-run -a cargo test --test app app_subscriptions::`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use fantoccini::Locator;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::key::Key;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::StatusCode;
use tidings_testkit::axum::response::{Html, IntoResponse};
use tidings_testkit::axum::routing::get;
use tokio::sync::Notify;

use crate::support::menus::{feed_row, folder_row};
use crate::support::stored;
use crate::support::{App, Driver, Sandbox};

/// An RSS feed titled `title` with one item per entry of `items`.
fn rss(title: &str, items: &[&str]) -> String {
    let items: String = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            format!(
                "<item><guid>{title}-{i}</guid><title>{item}</title>\
                 <pubDate>Tue, 25 Jun 2024 0{i}:00:00 GMT</pubDate></item>"
            )
        })
        .collect();
    format!(r#"<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>"#)
}

/// Keys WebDriver spells as private-use characters (arrows, Escape).
async fn press_key(app: &App, key: Key) {
    app.press(key.chars().next().unwrap()).await;
}

/// The feed's row in the folder: one level deeper, below the folder's row and no other folder's
/// (the sidebar's tree is a flat list of lines, each with its level).
fn feed_in_folder(folder: &str, feed: &str) -> String {
    format!(
        "{}[.//*[@role='treeitem'][@aria-level='2']]\
         [preceding-sibling::li[contains(@class,'folder')][1][./div//span[contains(@class,'name')]='{folder}']]",
        feed_row(feed)
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_site_offering_two_feeds_then_folders_and_renames() {
    let server = TestServer::start(
        Router::new()
            .route(
                "/journal/",
                get(|| async {
                    Html(
                        r#"<!DOCTYPE html><html><head><title>The Journal</title>
                        <link rel="alternate" type="application/rss+xml" title="Journal posts" href="/journal/posts.xml">
                        <link rel="alternate" type="application/atom+xml" title="Journal notes" href="/journal/notes.atom">
                        </head><body><p>Welcome</p></body></html>"#,
                    )
                }),
            )
            .route(
                "/journal/posts.xml",
                get(|| async { rss("The Journal", &["First post", "Second post"]) }),
            )
            .route(
                "/journal/notes.atom",
                get(|| async {
                    r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Journal notes</title><id>urn:notes</id><updated>2024-06-25T08:00:00Z</updated></feed>"#
                }),
            ),
    )
    .await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // The address of a page that links two feeds: the dialog offers both, with their formats.
    app.open_add_feed().await;
    app.submit_dialog(&server.url("/journal/")).await;
    app.wait_for(Locator::Css("dialog[open] ul.candidates"))
        .await;
    // textContent: WebKitWebDriver leaves out text that could be cut short with an ellipsis.
    let choices = app
        .client
        .execute(
            "return [...document.querySelectorAll('dialog[open] button.candidate')].map((b) => b.textContent)",
            vec![],
        )
        .await
        .unwrap();
    let choices: Vec<String> = serde_json::from_value(choices).unwrap();
    assert_eq!(choices.len(), 2, "{choices:?}");
    assert!(
        choices[0].contains("Journal posts")
            && choices[0].contains("RSS")
            && choices[0].contains(&server.url("/journal/posts.xml")),
        "{choices:?}"
    );
    assert!(
        choices[1].contains("Journal notes") && choices[1].contains("Atom"),
        "{choices:?}"
    );
    assert!(app.texts("[data-testid=feeds] li").await.is_empty());

    // Picking one subscribes to that feed only, and shows its articles.
    app.click_text("button.candidate", "Journal posts").await;
    app.wait_for_no_dialog().await;
    app.wait_for(Locator::XPath(&feed_row("The Journal"))).await;
    app.wait_for(Locator::XPath("//li//span[.='Second post']"))
        .await;
    assert_eq!(app.texts("li.feed").await.len(), 1);

    // Escape closes a menu and gives focus back to its button; the reading keys work again.
    app.open_row_menu(&feed_row("The Journal")).await;
    press_key(&app, Key::Escape).await;
    app.wait_until(
        "the menu to close and focus to return to its button",
        "return !document.querySelector('[role=menu]') && document.activeElement?.classList.contains('more')",
    )
    .await;
    app.press('j').await;
    app.wait_for(Locator::XPath("//main//h1[.='Second post']"))
        .await;

    // "New folder…" in the feed's menu creates a folder holding the feed.
    app.open_row_menu(&feed_row("The Journal")).await;
    app.pick("New folder…").await;
    app.answer_dialog("Tech").await;
    app.wait_for(Locator::XPath(&feed_in_folder("Tech", "The Journal")))
        .await;

    // Rename the folder from its "…" menu.
    app.open_row_menu(&folder_row("Tech")).await;
    app.pick("Rename…").await;
    app.answer_dialog("Reading").await;
    app.wait_for(Locator::XPath(&folder_row("Reading"))).await;

    // The folder view lists its feed's articles.
    app.client
        .find(Locator::XPath(&format!(
            "{}/div//button[contains(@class,'row')]",
            folder_row("Reading")
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_text(
        "the folder's heading",
        "section.list h1",
        "text === 'Reading'",
    )
    .await;
    app.wait_for(Locator::XPath("//section//li//span[.='First post']"))
        .await;
    app.wait_for(Locator::XPath("//section//li//span[.='Second post']"))
        .await;

    // Rename the feed with the keyboard alone: arrows move through the menu, Enter picks.
    app.open_row_menu(&feed_row("The Journal")).await;
    app.wait_until(
        "the first item to have focus",
        "return document.activeElement?.textContent.trim() === 'Refresh'",
    )
    .await;
    press_key(&app, Key::Down).await;
    press_key(&app, Key::Enter).await;
    let name = app
        .wait_for(Locator::Css("dialog[open] input[type=text]"))
        .await;
    assert_eq!(
        name.prop("value").await.unwrap().as_deref(),
        Some("The Journal")
    );
    app.answer_dialog("My journal").await;
    app.wait_for(Locator::XPath(&feed_in_folder("Reading", "My journal")))
        .await;
    let db = sandbox.database();
    assert_eq!(
        stored::feeds_and_folders(&db),
        [("My journal".into(), Some("Reading".into()))]
    );

    // Deleting the folder, from its right-click menu, keeps the feed, now outside any folder.
    let folder = app.wait_for(Locator::XPath(&folder_row("Reading"))).await;
    app.right_click(&folder.find(Locator::Css("button.row")).await.unwrap())
        .await;
    app.wait_for(Locator::Css(
        "[role=menu][aria-label='Actions for folder Reading']",
    ))
    .await;
    app.pick("Delete folder").await;
    app.wait_until(
        "the folder to go",
        "return document.querySelector('li.folder') === null",
    )
    .await;
    app.wait_for(Locator::XPath(&format!(
        "//ul[@data-testid='feeds']/{}",
        feed_row("My journal").trim_start_matches('/')
    )))
    .await;
    app.wait_for_text(
        "the list to leave the deleted folder",
        "section.list h1",
        "text === 'Unread'",
    )
    .await;
    assert_eq!(
        stored::feeds_and_folders(&db),
        [("My journal".into(), None)]
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_feed_is_marked_and_explained_and_the_bar_counts_feeds() {
    let failing = Arc::new(AtomicBool::new(false));
    let hold = Arc::new(AtomicBool::new(false));
    let release = Arc::new(Notify::new());
    let server = {
        let failing = Arc::clone(&failing);
        let hold = Arc::clone(&hold);
        let release = Arc::clone(&release);
        TestServer::start(
            Router::new()
                .route(
                    "/steady.xml",
                    get(|| async { rss("Steady News", &["Calm morning", "Quiet noon"]) }),
                )
                .route(
                    "/flaky.xml",
                    get(move || {
                        let failing = failing.load(Ordering::SeqCst);
                        async move {
                            if failing {
                                StatusCode::INTERNAL_SERVER_ERROR.into_response()
                            } else {
                                rss("Flaky Blog", &["Sometimes here"]).into_response()
                            }
                        }
                    }),
                )
                .route(
                    "/slow.xml",
                    get(move || {
                        let hold = hold.load(Ordering::SeqCst);
                        let release = Arc::clone(&release);
                        async move {
                            if hold {
                                release.notified().await;
                            }
                            rss("Slow Gazette", &["Late edition"])
                        }
                    }),
                ),
        )
        .await
    };
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    for path in ["/steady.xml", "/flaky.xml", "/slow.xml"] {
        app.add_feed(&server.url(path)).await;
    }
    app.wait_for(Locator::XPath(&feed_row("Slow Gazette")))
        .await;

    // Two feeds in a folder: the second moves into the folder the first one created.
    app.open_row_menu(&feed_row("Steady News")).await;
    app.pick("New folder…").await;
    app.answer_dialog("News").await;
    app.wait_for(Locator::XPath(&folder_row("News"))).await;
    app.open_row_menu(&feed_row("Slow Gazette")).await;
    app.pick("News").await;
    app.wait_for(Locator::XPath(&feed_in_folder("News", "Slow Gazette")))
        .await;

    // The flaky server starts failing and the slow one holds its answer: the bar counts the
    // feeds that are done and offers Cancel while the slow one is still out.
    failing.store(true, Ordering::SeqCst);
    hold.store(true, Ordering::SeqCst);
    app.client
        .find(Locator::Css("button[aria-label='Refresh all feeds']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_text(
        "the bar to count 2 of 3 feeds",
        ".refresh",
        "text.includes('2 of 3 feeds')",
    )
    .await;
    app.wait_for(Locator::XPath(
        "//*[contains(@class,'refresh')]//button[.='Cancel']",
    ))
    .await;
    release.notify_one();

    // When it ends the bar says how many failed and where to look; the feed shows ⚠ and why.
    app.wait_for_text(
        "the bar to point at the failure",
        ".refresh",
        "text.includes('1 feed could not be refreshed') && text.includes('⚠')",
    )
    .await;
    let warning = app
        .wait_for(Locator::XPath(&format!(
            "{}//span[contains(@class,'warning')]",
            feed_row("Flaky Blog")
        )))
        .await;
    let reason = warning
        .attr("data-tooltip")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        reason.contains("500 Internal Server Error"),
        "the ⚠ says {reason:?}"
    );
    assert_eq!(app.texts("li.feed .warning").await.len(), 1);
    // The pointer rests in the reader, away from the sidebar's hover marks.
    let away = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: None,
        x: 900.0,
        y: 600.0,
    });
    app.client.perform_actions(away).await.unwrap();
    let screenshot = app.screenshot("sidebar.png").await;
    eprintln!("sidebar screenshot: {}", screenshot.display());

    // The details dialog explains: the error, failures in a row, when it will try again.
    app.open_row_menu(&feed_row("Flaky Blog")).await;
    app.pick("Feed details…").await;
    app.wait_for(Locator::Css("dialog[open] dl")).await;
    let field = |name: &str| format!("dialog[open] [data-field={name}]");
    app.wait_for_text(
        "the last error",
        &field("last-error"),
        "text.includes('500 Internal Server Error')",
    )
    .await;
    app.wait_for_text("failures in a row", &field("failures"), "text === '1'")
        .await;
    app.wait_for_text(
        "the next check",
        &field("next-check"),
        "/^in \\d+ (min|h)/.test(text)",
    )
    .await;
    app.wait_for_text(
        "the last success",
        &field("last-success"),
        "text.startsWith('just now')",
    )
    .await;
    let address = app.texts("dialog[open] dd.address").await;
    assert_eq!(address, [server.url("/flaky.xml")]);

    // The server recovers; "Refresh now" clears the error in the dialog and the sidebar.
    failing.store(false, Ordering::SeqCst);
    app.click_text("dialog button", "Refresh now").await;
    app.wait_for_text(
        "the error to clear",
        &field("last-error"),
        "text === 'None'",
    )
    .await;
    app.wait_for_text("failures reset", &field("failures"), "text === '0'")
        .await;
    app.click_text("dialog button", "Done").await;
    app.wait_for_no_dialog().await;
    app.wait_until(
        "the ⚠ to go",
        "return document.querySelector('li.feed .warning') === null",
    )
    .await;
    app.quit().await;
}
