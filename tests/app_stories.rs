//! End to end: one story from two feeds in the real app — listed once in All articles, where it
//! first came, the reader naming the other feed ("Also in"), whose copy a click opens and whose
//! own list still holds it. Needs an X display (`xvfb-run -a cargo test --test app app_stories::`).

use fantoccini::Locator;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

use crate::support::reading::*;
use crate::support::{Driver, Sandbox};

const SEALS: &str = "<p>Grey seals have returned to the sandbank off the harbour for the first \
    time in a decade, rangers said on Tuesday, after a winter in which the colony was feared \
    lost to the storms that reshaped the coast.</p><p>Forty pups were counted.</p>";

fn linked(title: &str, age_secs: i64, link: &str, body: &str) -> Item {
    Item {
        link: Some(link.to_string()),
        ..item(title, age_secs, body)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_story_two_feeds_carry_is_shown_once_with_also_in() {
    let coast = atom(
        "Coast News",
        &[
            linked(
                "Seals return to the sandbank",
                600,
                "https://coast.example/seals",
                SEALS,
            ),
            linked(
                "Harbour works begin",
                1200,
                "https://coast.example/works",
                "<p>Cranes arrive.</p>",
            ),
        ],
    );
    let wire = atom(
        "Daily Wire",
        &[
            linked(
                "Rangers: the colony is back",
                300,
                "https://wire.example/story/991?utm_source=rss",
                SEALS,
            ),
            linked(
                "Ferry strike called off",
                900,
                "https://wire.example/story/992",
                "<p>Boats run.</p>",
            ),
        ],
    );
    let server = TestServer::start(
        Router::new()
            .route("/coast.xml", get(move || async move { coast }))
            .route("/wire.xml", get(move || async move { wire })),
    )
    .await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/coast.xml")).await;
    app.add_feed(&server.url("/wire.xml")).await;

    app.press('g').await;
    app.press('a').await;
    wait_for_heading(&app, "All articles").await;
    wait_for_rows(
        &app,
        "each story once",
        &[
            "Seals return to the sandbank",
            "Ferry strike called off",
            "Harbour works begin",
        ],
    )
    .await;
    app.wait_until("three unread, not four", &unread_count_is("Unread", 3))
        .await;

    app.press('j').await;
    wait_for_reader(&app, "Seals return to the sandbank").await;
    app.wait_for_text(
        "the other feed named",
        "[data-testid=also-in]",
        "text.includes('Also in Daily Wire')",
    )
    .await;
    photograph(&app, "stories.png").await;
    app.wait_for(Locator::XPath(
        "//p[@data-testid='also-in']/button[normalize-space(.)='Daily Wire']",
    ))
    .await
    .click()
    .await
    .unwrap();
    wait_for_reader(&app, "Rangers: the colony is back").await;
    app.wait_for_text(
        "and back",
        "[data-testid=also-in]",
        "text.includes('Also in Coast News')",
    )
    .await;

    // The copy stays in its own feed's list, read.
    app.wait_for(Locator::XPath(
        "//ul[@data-testid='feeds']//button[.//span[contains(@class,'name')]='Daily Wire']",
    ))
    .await
    .click()
    .await
    .unwrap();
    wait_for_rows(
        &app,
        "the feed's own list",
        &["Rangers: the colony is back", "Ferry strike called off"],
    )
    .await;
    app.quit().await;
}
