//! End to end: searching a big library in the real app. Results come a page at a time as they
//! scroll (every match can be reached, not the best 50), the count is the true one — or "2,000+"
//! when more match than are ranked —, a changed search starts at the top, and leaving the search
//! gives back the list with the article that was read there.
//! Needs an X display (`xvfb-run -a cargo test --test app app_search::`).

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::support::reading::{press_key, wait_for_heading, wait_for_reader};
use crate::support::{App, Driver, Sandbox};

const FEED: &str = "Coast Weekly";

/// The seeded article at `index` (0 the newest) as the list and the reader title it.
fn title(index: usize) -> String {
    format!("Benchmark story number {index} with a title long enough to wrap once")
}

/// Every article mentions the harbours; one in twenty (19, 39, …) the lighthouse too.
fn text(index: usize) -> String {
    let lighthouse = if index % 20 == 19 {
        " The lighthouse keeper reports."
    } else {
        ""
    };
    format!("Story {index} of the week: councils, harbours, weather and trains.{lighthouse}")
}

/// Opens `FEED`, reads its newest article and starts a search for `words`.
async fn read_then_search(app: &App, words: &str) {
    app.click_text("li.feed button", FEED).await;
    wait_for_heading(app, FEED).await;
    app.press('j').await;
    wait_for_reader(app, &title(0)).await;
    app.press('/').await;
    let field = app.wait_for(Locator::Css("#search-field")).await;
    field.send_keys(words).await.unwrap();
}

async fn wait_for_status(app: &App, status: &str) {
    app.wait_for_text(
        &format!("the results to say {status:?}"),
        "[data-search-results] .status",
        &format!("text === {status:?}"),
    )
    .await;
}

/// Scrolls the results to their end until `rows` results are on the page.
async fn scroll_results_until(app: &App, rows: usize) {
    app.wait_until(
        &format!("{rows} results loaded by scrolling"),
        &format!(
            "const results = document.querySelector('[data-search-results]');
             results.scrollTop = results.scrollHeight;
             return results.querySelectorAll('li').length >= {rows};"
        ),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn results_page_as_they_scroll_count_truly_and_start_at_the_top() {
    let sandbox = Sandbox::new();
    crate::support::seed::one_feed_saying(&sandbox.database(), FEED, 2_100, text);
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // A word in every article: more match than are ranked, and the count says so.
    read_then_search(&app, "harbours").await;
    wait_for_status(&app, "2,000+ articles in all articles").await;
    // Scrolling brings the next pages, well past the first 50.
    scroll_results_until(&app, 200).await;

    // A changed search (here its dates) starts again at the top, with the best match in view.
    app.wait_for(Locator::Css(
        "select[aria-label='When published'] option[value='week']",
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_until(
        "the changed search to start at the top",
        "const results = document.querySelector('[data-search-results]');
         return results.scrollTop === 0 && results.querySelectorAll('li').length <= 50;",
    )
    .await;

    // Fewer matches than are ranked: the count is exact, and every one of them comes.
    let field = app.wait_for(Locator::Css("#search-field")).await;
    field.send_keys(" lighthouse").await.unwrap();
    wait_for_status(&app, "105 articles in all articles (past week)").await;
    scroll_results_until(&app, 105).await;
    let titles = app.texts("[data-search-results] li .title").await;
    let mut expected: Vec<String> = (0..2_100).filter(|i| i % 20 == 19).map(title).collect();
    let mut found = titles.clone();
    expected.sort();
    found.sort();
    assert_eq!(found, expected, "each lighthouse story once: {titles:?}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn leaving_a_search_gives_back_the_list_and_the_article_read_there() {
    let sandbox = Sandbox::new();
    crate::support::seed::one_feed_saying(&sandbox.database(), FEED, 100, text);
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // The newest story, bookmarked, read in Bookmarks.
    app.click_text("li.feed button", FEED).await;
    wait_for_heading(&app, FEED).await;
    app.press('j').await;
    wait_for_reader(&app, &title(0)).await;
    app.press('b').await;
    app.click_text("ul.views button", "Bookmarks").await;
    wait_for_heading(&app, "Bookmarks").await;
    app.press('j').await;
    wait_for_reader(&app, &title(0)).await;

    // A search opens a story that is not in Bookmarks.
    app.press('/').await;
    let field = app.wait_for(Locator::Css("#search-field")).await;
    field.send_keys("lighthouse").await.unwrap();
    wait_for_status(&app, "5 articles in all articles").await;
    field.send_keys(&Key::Down.to_string()).await.unwrap();
    app.wait_until(
        "a search result in the reader",
        &format!(
            "const shown = document.querySelector('main article h1')?.textContent;
             return shown !== undefined && shown !== {:?};",
            title(0)
        ),
    )
    .await;

    // Escape: Bookmarks again, its article in the reader and selected in the list.
    press_key(&app, Key::Escape).await;
    wait_for_heading(&app, "Bookmarks").await;
    wait_for_reader(&app, &title(0)).await;
    app.wait_for_text(
        "the bookmark selected in the list",
        "section.list li.selected .title",
        &format!("text === {:?}", title(0)),
    )
    .await;
    app.quit().await;
}
