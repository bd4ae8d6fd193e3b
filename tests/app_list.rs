//! End to end: a long view in the real app. The list keeps only the rows near the screen
//! (ui/src/lib/loaded.ts); scrolling to the end and back, and j from a selection scrolled far
//! away, must show every article at its place as if all were loaded.
//! Needs an X display (`xvfb-run -a cargo test --test app_list`).

// Each test binary uses a different part of the shared harness.
#[allow(dead_code)]
mod support;

use serde_json::Value;
use support::reading::{wait_for_heading, wait_for_reader};
use support::{App, Driver, Sandbox};

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
    support::seed::one_feed(&sandbox.database(), FEED, ARTICLES);
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
