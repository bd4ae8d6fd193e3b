//! End to end: the window at 1280, 800 and 480 pixels wide. Three panes side by side; then the
//! sidebar folded into a drawer (☰) and the reader's toolbar folded into ⋯; then one pane at a
//! time, with a way back. At every width nothing overflows sideways and every action — Settings
//! above all — can be reached, by mouse and by keyboard. Needs an X display
//! (`xvfb-run -a cargo test --test app app_narrow::`).

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_testkit::seed::SeedArticle;

use crate::support::App;
use crate::support::reading::*;
use crate::support::{Driver, Sandbox};

/// Whether the element `css` is on screen (laid out, not folded away).
fn shown(css: &str) -> String {
    format!(
        "const e = document.querySelector({css:?}); return !!e && e.getClientRects().length > 0;"
    )
}

async fn is_shown(app: &App, css: &str) -> bool {
    app.client
        .execute(&shown(css), vec![])
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

/// Nothing wider than its pane, and the page no wider than the window.
async fn assert_nothing_overflows(app: &App, width: u32) {
    let overflowing = app
        .client
        .execute(
            "const wide = [];
             if (document.documentElement.scrollWidth > innerWidth) wide.push('the page');
             for (const pane of document.querySelectorAll('nav.sidebar, section.list, main.reader, main.reader article')) {
               if (pane.getClientRects().length > 0 && pane.scrollWidth > pane.clientWidth + 1) {
                 wide.push(pane.tagName + '.' + pane.className + ' ' + pane.scrollWidth + '>' + pane.clientWidth);
               }
             }
             return wide;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(overflowing, serde_json::json!([]), "at {width} px");
}

/// The element `css` lies wholly inside the window, so that it can be seen and clicked.
async fn assert_within_window(app: &App, css: &str, width: u32) {
    let inside = app
        .client
        .execute(
            &format!(
                "const box = document.querySelector({css:?}).getBoundingClientRect();
                 return box.width > 0 && box.left >= 0 && box.right <= innerWidth && box.top >= 0
                     && box.bottom <= innerHeight;"
            ),
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(inside.as_bool(), Some(true), "{css} cut off at {width} px");
}

/// The reader's toolbar is one row of buttons.
async fn assert_toolbar_is_one_row(app: &App, width: u32) {
    let rows = app
        .client
        .execute(
            "const middles = [...document.querySelectorAll('main.reader .toolbar button')]
                 .filter((b) => b.getClientRects().length > 0)
                 .map((b) => { const box = b.getBoundingClientRect(); return (box.top + box.bottom) / 2; })
                 .sort((a, b) => a - b);
             // Buttons a row apart sit a button's height apart; one row's differ by a pixel or two.
             return 1 + middles.slice(1).filter((m, i) => m - middles[i] > 12).length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(rows.as_u64(), Some(1), "the toolbar's rows at {width} px");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_action_stays_reachable_from_wide_to_narrow() {
    let seed = SeedArticle::load();
    let mut story = seed_item(&seed);
    story.link = Some("https://news.example/putin-kim".into());
    let long_title = "Averyveryverylongwordthatnocolumncouldholdwithoutbreakingitanywhereatall";
    let server = feed_server(atom(
        "The Daily Reader",
        &[story, item(long_title, 9_000, "<p>Short.</p>")],
    ))
    .await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.click_text("section.list li button", &seed.title).await;
    wait_for_reader(&app, &seed.title).await;

    // Wide: three panes, the whole toolbar.
    app.resize(1280, 760).await;
    for pane in ["nav.sidebar", "section.list", "main.reader"] {
        assert!(is_shown(&app, pane).await, "{pane} hidden at 1280 px");
    }
    assert!(!is_shown(&app, ".sidebar-toggle").await);
    assert!(is_shown(&app, "main.reader .toolbar .tag").await);
    assert_toolbar_is_one_row(&app, 1280).await;
    assert_within_window(&app, "button[aria-label=Settings]", 1280).await;
    assert_nothing_overflows(&app, 1280).await;
    photograph(&app, "width-1280.png").await;

    // Medium: the sidebar is a drawer behind ☰; the toolbar folds its less used actions into ⋯.
    app.resize(800, 760).await;
    assert!(
        !is_shown(&app, "nav.sidebar").await,
        "the sidebar still takes room at 800 px"
    );
    assert!(is_shown(&app, "section.list").await && is_shown(&app, "main.reader").await);
    assert!(!is_shown(&app, "main.reader .toolbar .tag").await);
    assert_toolbar_is_one_row(&app, 800).await;
    assert_nothing_overflows(&app, 800).await;
    photograph(&app, "width-800.png").await;
    app.wait_for(Locator::Css("main.reader .toolbar .more"))
        .await
        .click()
        .await
        .unwrap();
    for action in ["Mark unread", "Tags…", "Export…", "Open in browser"] {
        app.wait_for(Locator::XPath(&format!(
            "//*[@role='menu']//button[normalize-space(.)='{action}']"
        )))
        .await;
    }
    app.pick("Tags…").await;
    app.wait_for(Locator::Css("dialog[open]")).await;
    press_key(&app, Key::Escape).await;
    app.wait_for_no_dialog().await;
    // The drawer, by keyboard: Tab to ☰, Enter; Settings is in reach; Escape closes it.
    app.wait_for(Locator::Css(".sidebar-toggle"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_until("the drawer open", &shown("nav.sidebar"))
        .await;
    app.wait_until(
        "the keyboard in the drawer",
        "return document.activeElement?.closest('nav.sidebar') !== null",
    )
    .await;
    assert_within_window(&app, "button[aria-label=Settings]", 800).await;
    photograph(&app, "width-800-drawer.png").await;
    press_key(&app, Key::Escape).await;
    app.wait_until(
        "the drawer closed, the keyboard back on ☰",
        "return document.activeElement?.matches('.sidebar-toggle') === true
             && document.querySelector('nav.sidebar').getClientRects().length === 0",
    )
    .await;

    // Narrow: one pane. The article being read fills the window, with a way back.
    app.resize(480, 760).await;
    assert!(is_shown(&app, "main.reader").await && !is_shown(&app, "section.list").await);
    assert_toolbar_is_one_row(&app, 480).await;
    assert_nothing_overflows(&app, 480).await;
    photograph(&app, "width-480.png").await;
    press_key(&app, Key::Escape).await;
    app.wait_until(
        "the list back, its row holding the keyboard",
        "return document.querySelector('section.list').getClientRects().length > 0
             && document.querySelector('main.reader').getClientRects().length === 0
             && document.activeElement?.matches('section.list [data-row]') === true",
    )
    .await;
    assert_nothing_overflows(&app, 480).await;
    // j: the next article, in the list's place; its title breaks rather than overflows.
    app.press('j').await;
    wait_for_reader(&app, long_title).await;
    assert!(!is_shown(&app, "section.list").await);
    assert_nothing_overflows(&app, 480).await;
    app.wait_for(Locator::Css("main.reader .toolbar .back"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_until("the list back", &shown("section.list"))
        .await;
    // The sidebar as the one pane; Settings opens from it; a view chosen goes back to the list.
    app.wait_for(Locator::Css(".sidebar-toggle"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_until("the sidebar as the one pane", &shown("nav.sidebar"))
        .await;
    assert!(!is_shown(&app, "section.list").await);
    assert_within_window(&app, "button[aria-label=Settings]", 480).await;
    assert_nothing_overflows(&app, 480).await;
    app.wait_for(Locator::Css("button[aria-label=Settings]"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(Locator::Css("dialog[open]")).await;
    press_key(&app, Key::Escape).await;
    app.wait_for_no_dialog().await;
    app.press('g').await;
    app.press('a').await;
    wait_for_heading(&app, "All articles").await;
    app.wait_until("the list after choosing a view", &shown("section.list"))
        .await;
    assert!(!is_shown(&app, "nav.sidebar").await);
    app.quit().await;
}
