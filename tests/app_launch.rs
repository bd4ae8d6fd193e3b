//! End to end: Tidings started from outside — a feed link or file opened with it is offered
//! for subscription. Needs an X display (`xvfb-run -a cargo test --test app app_launch::`).

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::support::menus::feed_row;
use crate::support::reading::{atom, feed_server, item};
use crate::support::{Driver, Sandbox};

/// A feed link clicked in a browser starts Tidings with it (the desktop file registers `feed:`):
/// the "Add a feed" dialog offers the address, and one Enter subscribes. A link that is no web
/// address is refused with its reason, and nothing is offered.
#[tokio::test(flavor = "multi_thread")]
async fn a_feed_link_opened_with_tidings_is_offered_for_subscription() {
    let server = feed_server(atom(
        "Linked News",
        &[item("Opened from a browser", 60, "")],
    ))
    .await;
    let sandbox = Sandbox::new();
    let mut driver = Driver::start(&sandbox);
    let address = server.url("/feed.xml");
    driver.arguments = vec![address.replacen("http://", "feed://", 1)];
    let app = driver.launch().await;

    let input = app
        .wait_for(Locator::Css("dialog[open] input#feed-address"))
        .await;
    assert_eq!(
        input.prop("value").await.unwrap().as_deref(),
        Some(&*address)
    );
    assert!(
        server.requests().is_empty(),
        "subscribed before the person confirmed"
    );
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
    app.wait_for_no_dialog().await;
    app.wait_for(Locator::XPath(&feed_row("Linked News"))).await;
    app.quit().await;

    driver.arguments = vec!["feed:javascript:alert(1)".into()];
    let app = driver.launch().await;
    app.wait_for_text(
        "the reason the link was refused",
        ".notice",
        "text.includes('is not a web address')",
    )
    .await;
    assert!(app.client.find(Locator::Css("dialog[open]")).await.is_err());
    app.quit().await;
}
