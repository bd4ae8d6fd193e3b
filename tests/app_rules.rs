//! End to end: a rule written in the real app — the live preview counting what it would take
//! (as core, and so `tidings-cli rules preview`, counts it), saving it (the matching articles
//! leave the lists; Undo brings them back), and a refresh bringing a new matching article that
//! never shows. Needs an X display (`xvfb-run -a cargo test --test app app_rules::`).

use std::sync::{Arc, Mutex};

use fantoccini::Locator;
use tidings_core::api::{Rule, RuleAction, RuleCondition, RuleField, RuleScope};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

use crate::support::reading::*;
use crate::support::{Driver, Sandbox};

#[tokio::test(flavor = "multi_thread")]
async fn a_mute_rule_previews_hides_undoes_and_holds_for_what_arrives() {
    let items = Arc::new(Mutex::new(vec![
        item("Sponsored: ferry deals", 60, "<p>Deals.</p>"),
        item("Harbour opens", 120, "<p>The harbour opens.</p>"),
        item("SPONSORED cruise offers", 180, "<p>Offers.</p>"),
    ]));
    let served = Arc::clone(&items);
    let server = TestServer::start(Router::new().route(
        "/feed.xml",
        get(move || {
            let xml = atom("Harbour Post", &served.lock().unwrap());
            async move { ([("content-type", "application/atom+xml")], xml) }
        }),
    ))
    .await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    let all = [
        "Sponsored: ferry deals",
        "Harbour opens",
        "SPONSORED cruise offers",
    ];
    wait_for_rows(&app, "every article", &all).await;

    // The builder: "In every feed, when the title has the words … then mute it".
    app.wait_for(Locator::Css("button[aria-label='More actions']"))
        .await
        .click()
        .await
        .unwrap();
    app.pick("Rules…").await;
    app.wait_for(Locator::Css("dialog[open] input[aria-label=Words]"))
        .await
        .send_keys("sponsored")
        .await
        .unwrap();
    app.wait_for_text(
        "the preview to count what the rule would take",
        "[data-testid=rule-preview] .count",
        "text === '2 articles match'",
    )
    .await;
    app.wait_until(
        "the preview to list them",
        "return [...document.querySelectorAll('[data-testid=rule-preview] li')].map((l) => l.textContent.trim()).join('|')
             === 'Harbour Post Sponsored: ferry deals|Harbour Post SPONSORED cruise offers'",
    )
    .await;
    // The same rule, counted by core as `tidings-cli rules preview` counts it.
    let rule = Rule {
        scope: RuleScope::All,
        condition: RuleCondition::Words {
            field: RuleField::Title,
            words: "sponsored".to_string(),
        },
        action: RuleAction::Mute,
    };
    let core = tidings_core::Library::open(&sandbox.database()).unwrap();
    assert_eq!(core.preview_rule(rule).await.unwrap().count, 2);
    drop(core);
    photograph(&app, "rules.png").await;

    app.click_text("dialog button", "Save rule").await;
    app.wait_until(
        "the rule to be listed",
        "return document.querySelectorAll('[data-testid=rules] li button').length === 1",
    )
    .await;
    app.click_text("dialog button", "Close").await;
    app.wait_for_no_dialog().await;
    wait_for_rows(&app, "the articles the rule left", &["Harbour opens"]).await;
    app.wait_until("the unread count to follow", &unread_count_is("Unread", 1))
        .await;

    // One Undo brings back all it muted.
    app.press_with_ctrl('z').await;
    wait_for_rows(&app, "every article again", &all).await;

    // A refresh brings a new sponsored story (never shown) beside one that is not.
    items.lock().unwrap().extend([
        item("Sponsored: tide app", 10, "<p>An app.</p>"),
        item("Tide tables", 20, "<p>Spring tides.</p>"),
    ]);
    app.press('r').await;
    wait_for_rows(
        &app,
        "the new story, without the sponsored one",
        &[
            "Tide tables",
            "Sponsored: ferry deals",
            "Harbour opens",
            "SPONSORED cruise offers",
        ],
    )
    .await;
    app.quit().await;
}
