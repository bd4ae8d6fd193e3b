//! End to end: an accessibility audit in the real webview. axe-core runs inside the app on each
//! screen a person meets — the first run, the reader in each theme, a row's menu opened from the
//! keyboard, each dialog, the Highlights view, the narrow window's panes — and finds no serious
//! or critical violation; a dialog closed gives the keyboard back to what opened it. Needs an X
//! display (`xvfb-run -a cargo test --test app app_audit::`).

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_testkit::seed::SeedArticle;

use crate::support::App;
use crate::support::audit::serious_violations;
use crate::support::menus::feed_row;
use crate::support::reading::*;
use crate::support::{Driver, Sandbox};

/// What axe found wrong, screen by screen.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    async fn audit(&mut self, app: &App, screen: &str) {
        for violation in serious_violations(app).await {
            self.0.push(format!("{screen}: {violation}"));
        }
    }
}

/// Opens a dialog with `opener` (a CSS selector), audits it, closes it with Escape and checks
/// that the keyboard is back on the opener.
async fn audit_dialog(app: &App, findings: &mut Findings, name: &str, opener: &str) {
    app.wait_for(Locator::Css(opener))
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("opening the {name} dialog: {e}"));
    app.wait_for(Locator::Css("dialog[open]")).await;
    findings.audit(app, &format!("the {name} dialog")).await;
    press_key(app, Key::Escape).await;
    app.wait_for_no_dialog().await;
    app.wait_until(
        &format!("the keyboard back on what opened the {name} dialog"),
        &format!("return document.activeElement?.matches({opener:?}) === true"),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_screen_has_a_serious_accessibility_violation() {
    let seed = SeedArticle::load();
    let mut story = seed_item(&seed);
    story.link = Some("https://news.example/putin-kim".into());
    let server = feed_server(atom("The Daily Reader", &[story])).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    // Wide enough for the reader's whole toolbar.
    app.resize(1400, 900).await;
    let mut findings = Findings::default();

    findings.audit(&app, "the first run").await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.click_text("section.list li button", &seed.title).await;
    wait_for_reader(&app, &seed.title).await;
    findings.audit(&app, "the reader").await;

    // A feed's menu from the keyboard: the row, then Shift+F10.
    let row = app
        .wait_for(Locator::XPath(&format!(
            "{}//button[@role='treeitem']",
            feed_row("The Daily Reader")
        )))
        .await;
    row.send_keys(&format!("{}{}", Key::Shift, Key::F10))
        .await
        .unwrap();
    app.wait_for(Locator::Css("[role=menu]")).await;
    findings.audit(&app, "a feed's menu").await;
    press_key(&app, Key::Escape).await;

    audit_dialog(
        &app,
        &mut findings,
        "Settings",
        "button[aria-label=Settings]",
    )
    .await;
    audit_dialog(
        &app,
        &mut findings,
        "reader settings",
        "button[aria-label='Reader settings']",
    )
    .await;
    audit_dialog(
        &app,
        &mut findings,
        "Add a feed",
        "button[aria-label='Add a feed']",
    )
    .await;
    audit_dialog(&app, &mut findings, "tags", "main.reader .toolbar .tag").await;

    for theme in ["dark", "sepia"] {
        app.open_reader_settings().await;
        app.pick_theme(theme).await;
        app.done().await;
        findings.audit(&app, &format!("the reader, {theme}")).await;
    }
    app.open_reader_settings().await;
    app.pick_theme("light").await;
    app.done().await;

    app.wait_for(Locator::XPath(
        "//ul[contains(@class,'views')]//button[.//span[contains(@class,'name')]='Highlights']",
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_for(Locator::Css("section.highlights")).await;
    findings.audit(&app, "the Highlights view").await;
    app.press('g').await;
    app.press('a').await;

    app.resize(480, 760).await;
    findings.audit(&app, "one pane, the reader").await;
    // Back to the list, where ☰ is.
    press_key(&app, Key::Escape).await;
    app.wait_for(Locator::Css(".sidebar-toggle"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_until(
        "the sidebar as the one pane",
        "return document.querySelector('nav.sidebar').getClientRects().length > 0",
    )
    .await;
    findings.audit(&app, "one pane, the sidebar").await;
    app.quit().await;

    assert!(findings.0.is_empty(), "{:#?}", findings.0);
}
