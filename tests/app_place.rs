//! End to end: the list keeps your place, 50,000 rows deep. With an article selected far down
//! All articles, a refresh that brings newer articles in above it, marking everything read and
//! undoing it, and saving the article each leave the selected row where it was on screen (and
//! the reader on it). Needs an X display (`xvfb-run -a cargo test --test app app_place::`).

use std::sync::{Arc, Mutex};

use crate::support::reading::{
    atom_at, changing_feed_server, item, wait_for_heading, wait_for_reader,
};
use crate::support::{App, Driver, Sandbox, seed};

const SEEDED: usize = 50_000;
/// The row picked: deep in the view, far from anything loaded at the start.
const DEEP: usize = 40_000;

/// The selected row's place in the view, where it is on screen, and its title.
async fn selected(app: &App) -> (u64, f64, String) {
    let found = app
        .client
        .execute(
            "const li = document.querySelector('section.list li.selected');
             return li ? [Number(li.getAttribute('aria-posinset')), li.getBoundingClientRect().top,
                          li.querySelector('.title').textContent] : null;",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found).expect("a selected row")
}

/// Waits until the selected row is the one titled `title`, `top` on screen. (Its number in the
/// view may lag: rows arriving far above are counted when scrolled to, `ui/src/lib/loaded.ts`.)
async fn wait_in_place(app: &App, what: &str, title: &str, top: f64) {
    app.wait_until(
        what,
        &format!(
            "const li = document.querySelector('section.list li.selected');
             return li?.querySelector('.title').textContent === {title:?}
                 && Math.abs(li.getBoundingClientRect().top - {top}) < 1;"
        ),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_selected_row_stays_put_fifty_thousand_rows_deep() {
    let sandbox = Sandbox::new();
    seed::one_feed(&sandbox.database(), "Deep Archive", SEEDED);
    // A second feed whose one story is older than everything seeded, then three newer ones.
    let now = tidings_core::now();
    let old = item("From the vaults", 90 * 86_400, "<p>Old.</p>");
    let served = Arc::new(Mutex::new(atom_at("Wire", std::slice::from_ref(&old), now)));
    let server = changing_feed_server(Arc::clone(&served)).await;
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.press('g').await;
    app.press('a').await;
    wait_for_heading(&app, "All articles").await;

    // Far down, a row in the middle of the list's window is picked.
    app.wait_until(
        "row 40,000 drawn, mid-list",
        &format!(
            "const scroller = document.querySelector('[data-testid=article-scroller]');
             const height = scroller.querySelector('li')?.getBoundingClientRect().height;
             if (!height) return false;
             scroller.scrollTop = {DEEP} * height - scroller.clientHeight / 2;
             const li = scroller.querySelector('li[aria-posinset=\"{DEEP}\"]');
             if (!li) return false;
             li.querySelector('button').click();
             return true;"
        ),
    )
    .await;
    app.wait_until(
        "row 40,000 selected",
        &format!("return document.querySelector('section.list li.selected')?.getAttribute('aria-posinset') === '{DEEP}'"),
    )
    .await;
    let (_, top, title) = selected(&app).await;
    wait_for_reader(&app, &title).await;

    // A refresh brings three newer stories in above it.
    let newer = [
        item("Breaking one", 10, "<p>New.</p>"),
        item("Breaking two", 20, "<p>New.</p>"),
        item("Breaking three", 30, "<p>New.</p>"),
    ];
    *served.lock().unwrap() = atom_at("Wire", &[vec![old], newer.to_vec()].concat(), now);
    app.press('r').await;
    app.wait_until(
        "the refresh to bring them",
        "return [...document.querySelectorAll('nav.sidebar li.feed')].some((li) =>
             li.textContent.includes('Wire') && li.querySelector('.count')?.textContent.includes('4'))",
    )
    .await;
    wait_in_place(&app, "the row in place after the refresh", &title, top).await;
    wait_for_reader(&app, &title).await;

    // Everything marked read, then that undone.
    app.press('A').await;
    app.wait_until(
        "all read",
        "return document.querySelectorAll('section.list li.unread').length === 0",
    )
    .await;
    wait_in_place(&app, "the row in place after marking all read", &title, top).await;
    app.press_with_ctrl('z').await;
    app.wait_until(
        "unread again",
        "return document.querySelectorAll('section.list li.unread').length > 0",
    )
    .await;
    wait_in_place(&app, "the row in place after the undo", &title, top).await;

    // Saved for later.
    app.press('s').await;
    app.wait_for(fantoccini::Locator::Css(
        "section.list li.selected [aria-label=Saved]",
    ))
    .await;
    wait_in_place(&app, "the row in place after saving it", &title, top).await;
    wait_for_reader(&app, &title).await;

    // Dragged to the top: the stories the refresh brought are there (the seeded newest is newer).
    app.wait_until(
        "the top of the list, with the new stories",
        "const scroller = document.querySelector('[data-testid=article-scroller]');
         scroller.scrollTop = 0;
         const titles = [...scroller.querySelectorAll('li')].slice(0, 4).map((li) => li.querySelector('.title').textContent);
         return scroller.querySelector('li')?.getAttribute('aria-posinset') === '1'
             && titles.filter((t) => t.startsWith('Breaking')).join('|') === 'Breaking one|Breaking two|Breaking three';",
    )
    .await;
    app.quit().await;
}
