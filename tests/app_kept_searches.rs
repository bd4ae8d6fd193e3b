//! End to end: a search kept in the sidebar of the real app — saved from the search bar under a
//! name, its unread count there following what is read, opened again with one click, and kept
//! across a restart. Needs an X display (`xvfb-run -a cargo test --test app app_kept_searches::`).

use fantoccini::Locator;

use crate::support::reading::*;
use crate::support::stored;
use crate::support::{Driver, Sandbox};

#[tokio::test(flavor = "multi_thread")]
async fn a_kept_search_shows_its_unread_count_and_opens_again() {
    let items = [
        item(
            "Seals return",
            60,
            "<p>Grey seals are back on the sandbank.</p>",
        ),
        item(
            "Ferry timetable",
            120,
            "<p>The winter timetable starts.</p>",
        ),
        item(
            "Seal pups counted",
            180,
            "<p>Rangers counted forty seals.</p>",
        ),
    ];
    let server = feed_server(atom("Harbour Post", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_rows(
        &app,
        "every article",
        &["Seals return", "Ferry timetable", "Seal pups counted"],
    )
    .await;

    // Searched for, then kept under a name of the person's choosing.
    let field = app.wait_for(Locator::Css("#search-field")).await;
    field.send_keys("seals").await.unwrap();
    app.wait_for_text(
        "the results",
        "[data-search-results] p.status",
        "text === '2 articles in all articles'",
    )
    .await;
    app.click_text("button", "Save search…").await;
    app.answer_dialog("Seal news").await;
    app.wait_until("the kept search's count", &unread_count_is("Seal news", 2))
        .await;

    // Reading one of its articles takes it off the count.
    field
        .send_keys(&fantoccini::key::Key::Escape.to_string())
        .await
        .unwrap();
    app.press('j').await;
    wait_for_reader(&app, "Seals return").await;
    app.wait_until("the count to follow", &unread_count_is("Seal news", 1))
        .await;

    // One click searches again, and the kept search is where the person is.
    app.wait_for(Locator::XPath(
        "//ul[@data-testid='kept-searches']//button[.//span[contains(@class,'name')]='Seal news']",
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_for_text(
        "the kept search's results",
        "[data-search-results] p.status",
        "text === '2 articles in all articles'",
    )
    .await;
    app.wait_for(Locator::Css(
        "[data-testid=kept-searches] button[aria-current=page]",
    ))
    .await;
    // Pointer and focus off the row, whose "…" would cover its count.
    let field = app.wait_for(Locator::Css("#search-field")).await;
    field.click().await.unwrap();
    app.wait_until("the kept search's count", &unread_count_is("Seal news", 1))
        .await;
    photograph(&app, "kept-searches.png").await;
    app.quit().await;

    assert_eq!(stored::count(&sandbox.database(), "saved_searches"), 1);
    let app = driver.launch().await;
    app.wait_until(
        "the count after a restart",
        &unread_count_is("Seal news", 1),
    )
    .await;
    app.quit().await;
}
