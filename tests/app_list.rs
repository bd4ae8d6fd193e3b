//! End to end: a long view in the real app. The list keeps only the rows near the screen
//! (ui/src/lib/loaded.ts); scrolling to the end and back, and j from a selection scrolled far
//! away, must show every article at its place as if all were loaded. Keyboard focus goes with
//! the selection (one row looks current, in the list and in the sidebar), and articles a refresh
//! brings in above the selected one leave it where it is on screen.
//! Needs an X display (`xvfb-run -a cargo test --test app app_list::`).

use std::sync::{Arc, Mutex};

use crate::support::reading::{
    Item, atom_at, changing_feed_server, item, row_titles, wait_for_heading, wait_for_reader,
};
use crate::support::{App, Driver, Sandbox};
use serde_json::Value;

/// Several times the rows the list keeps, so that scrolling drops and loads rows both ways.
const ARTICLES: usize = 1_500;
const FEED: &str = "Long Read Daily";

/// The seeded article at `index` (0 the newest) as the list and the reader title it.
fn title(index: usize) -> String {
    format!("Benchmark story number {index} with a title long enough to wrap once")
}

/// Scrolls the list `step` pixels a frame until `done` (a script expression over `scroller`)
/// holds, checking on every frame that each row drawn is the article of its place in the view;
/// returns the rows found out of place, as "place: title" (none expected).
async fn scroll_until(app: &App, step: i64, done: &str) -> Vec<String> {
    let script = format!(
        r#"
        const [step, finish] = arguments;
        const scroller = document.querySelector('[data-testid=article-scroller]');
        const wrong = [];
        const started = performance.now();
        const frame = () => {{
            for (const li of scroller.querySelectorAll('li')) {{
                const place = Number(li.getAttribute('aria-posinset'));
                const title = li.querySelector('.title').textContent;
                if (!title.startsWith(`Benchmark story number ${{place - 1}} `)) wrong.push(`${{place}}: ${{title}}`);
            }}
            if (({done}) || performance.now() - started > 60000) return finish(wrong);
            scroller.scrollTop += step;
            requestAnimationFrame(frame);
        }};
        frame();
        "#
    );
    let wrong = app
        .client
        .execute_async(&script, vec![step.into()])
        .await
        .unwrap();
    match wrong {
        Value::Array(items) => items.iter().map(|v| v.to_string()).collect(),
        other => panic!("unexpected answer {other}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_view_scrolled_to_the_end_and_back() {
    let sandbox = Sandbox::new();
    crate::support::seed::one_feed(&sandbox.database(), FEED, ARTICLES);
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.click_text("li.feed button", FEED).await;
    wait_for_heading(&app, FEED).await;
    app.press('j').await;
    wait_for_reader(&app, &title(0)).await;

    // Down to the last article: the list knows its end and numbers it right.
    let wrong = scroll_until(
        &app,
        2_000,
        "scroller.querySelector('li:last-child')?.getAttribute('aria-setsize') !== '-1'
            && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1",
    )
    .await;
    assert_eq!(wrong, Vec::<String>::new(), "rows out of place going down");
    let last = format!("{ARTICLES}");
    app.wait_until(
        "the last article at the end of the list",
        &format!(
            "const li = document.querySelector('section.list li:last-child');
             return li?.getAttribute('aria-posinset') === '{last}'
                 && li.querySelector('.title').textContent === {:?};",
            title(ARTICLES - 1)
        ),
    )
    .await;

    // Back to the top: the rows dropped on the way down are loaded again, in order.
    let wrong = scroll_until(
        &app,
        -2_000,
        "scroller.scrollTop === 0
            && scroller.querySelector('li')?.getAttribute('aria-posinset') === '1'",
    )
    .await;
    assert_eq!(wrong, Vec::<String>::new(), "rows out of place going up");

    // Far down again, the first article (still selected) is no longer loaded: j goes on from it.
    let wrong = scroll_until(
        &app,
        2_000,
        "Number(scroller.querySelector('li')?.getAttribute('aria-posinset')) > 1000",
    )
    .await;
    assert_eq!(
        wrong,
        Vec::<String>::new(),
        "rows out of place going down again"
    );
    app.press('j').await;
    wait_for_reader(&app, &title(1)).await;
    app.wait_until(
        "the list back at the selection",
        "return document.querySelector('section.list li.selected')?.getAttribute('aria-posinset') === '2'",
    )
    .await;
    app.quit().await;
}

/// The element with keyboard focus is the selected row's, in the list or the sidebar: nothing
/// else looks current.
const FOCUS_ON_SELECTED_ROW: &str = "
    const focused = document.activeElement;
    return focused?.closest('section.list li')?.classList.contains('selected') === true;";
const FOCUS_ON_CURRENT_VIEW: &str = "
    const focused = document.activeElement;
    return focused?.getAttribute('role') === 'treeitem' && focused.getAttribute('aria-current') === 'page';";

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_focus_goes_with_the_selection() {
    let sandbox = Sandbox::new();
    crate::support::seed::one_feed(&sandbox.database(), FEED, 30);
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // Clicked, then j: the focus moves on with the selection.
    app.click_text("li.feed button", FEED).await;
    wait_for_heading(&app, FEED).await;
    app.click_text("section.list li button", &title(2)).await;
    wait_for_reader(&app, &title(2)).await;
    app.wait_until("the clicked row to have focus", FOCUS_ON_SELECTED_ROW)
        .await;
    app.press('j').await;
    wait_for_reader(&app, &title(3)).await;
    app.wait_until("the focus on the row j selected", FOCUS_ON_SELECTED_ROW)
        .await;
    app.press('k').await;
    app.press('k').await;
    wait_for_reader(&app, &title(1)).await;
    app.wait_until("the focus on the row k selected", FOCUS_ON_SELECTED_ROW)
        .await;

    // In the sidebar, a view chosen by click, then another by g b: the focus goes along.
    app.click_text("ul.views button", "Unread").await;
    wait_for_heading(&app, "Unread").await;
    app.wait_until("the clicked view to have focus", FOCUS_ON_CURRENT_VIEW)
        .await;
    app.press('g').await;
    app.press('b').await;
    wait_for_heading(&app, "Bookmarks").await;
    app.wait_until("the focus on Bookmarks", FOCUS_ON_CURRENT_VIEW)
        .await;
    app.quit().await;
}

/// The selected row's place in the view and its distance from the top of the window.
const SELECTED_ROW: &str = "
    const li = document.querySelector('section.list li.selected');
    return li ? [Number(li.getAttribute('aria-posinset')), li.getBoundingClientRect().top] : null;";

#[tokio::test(flavor = "multi_thread")]
async fn new_articles_above_leave_the_selected_row_in_place() {
    let older: Vec<Item> = (1..=30)
        .map(|n| item(&format!("Story {n}"), 600 * n, "<p>Text.</p>"))
        .collect();
    let newer = [
        item("Breaking one", 10, "<p>New.</p>"),
        item("Breaking two", 20, "<p>New.</p>"),
        item("Breaking three", 30, "<p>New.</p>"),
    ];
    // The older items keep their dates and ids (the new ones come last in the document).
    let now = tidings_core::now();
    let before = atom_at("Steady Stream", &older, now);
    let after = atom_at("Steady Stream", &[older, newer.to_vec()].concat(), now);
    let served = Arc::new(Mutex::new(before));
    let server = changing_feed_server(Arc::clone(&served)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_heading(&app, "Steady Stream").await;
    app.wait_until(
        "the feed's 30 stories",
        "return document.querySelector('section.list li:last-child')?.getAttribute('aria-setsize') === '30'",
    )
    .await;
    for n in 1..=6 {
        app.press('j').await;
        wait_for_reader(&app, &format!("Story {n}")).await;
    }
    let value = app.client.execute(SELECTED_ROW, vec![]).await.unwrap();
    let (place, top): (u32, f64) = serde_json::from_value(value).unwrap();
    assert_eq!(place, 6);

    // Three newer stories arrive: the selected row is three places further down the view, and
    // where it was on screen.
    *served.lock().unwrap() = after;
    app.press('r').await;
    app.wait_until(
        "the selected row to stay in place with three rows above it",
        &format!(
            "const li = document.querySelector('section.list li.selected');
             return li?.getAttribute('aria-posinset') === '9'
                 && Math.abs(li.getBoundingClientRect().top - {top}) < 1;"
        ),
    )
    .await;
    wait_for_reader(&app, "Story 6").await;

    // They are there above it, newest first.
    app.wait_until(
        "the list at its top",
        "const scroller = document.querySelector('[data-testid=article-scroller]');
         scroller.scrollTop = 0;
         return document.querySelector('section.list li')?.getAttribute('aria-posinset') === '1';",
    )
    .await;
    let first: Vec<String> = row_titles(&app).await.into_iter().take(4).collect();
    assert_eq!(
        first,
        ["Breaking one", "Breaking two", "Breaking three", "Story 1"]
    );
    app.quit().await;
}
