//! End to end: Tidings started from outside — a feed link or file opened with it is offered
//! for subscription; an article's link in an exported note shows the article. Needs an X
//! display (`xvfb-run -a cargo test --test app app_launch::`).

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_testkit::keychain::PrivateKeychain;

use crate::support::menus::feed_row;
use crate::support::reading::{atom, feed_server, item, wait_for_reader};
use crate::support::stored::article_id;
use crate::support::{Driver, Sandbox, seed};

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

/// A note exported from Tidings links back to its article with `tidings://article/ID` (the
/// desktop file registers the scheme): opened while Tidings is closed, Tidings starts showing
/// that article; opened while it runs, the running window shows it. A link to an article that
/// is gone says so.
#[tokio::test(flavor = "multi_thread")]
async fn an_article_link_from_a_note_shows_the_article() {
    // Its bus, not its keyring: a second launch finds the running app on the session bus.
    let bus = PrivateKeychain::start().expect("a private session bus");
    let mut sandbox = Sandbox::new();
    sandbox.use_session_bus(bus.bus_address());
    seed::one_feed(&sandbox.database(), "Harbour News", 30);
    let title =
        |i: usize| format!("Benchmark story number {i} with a title long enough to wrap once");
    let deep_in_the_list = article_id(&sandbox.database(), &title(25));
    let mut driver = Driver::start(&sandbox);
    driver.arguments = vec![format!("tidings://article/{deep_in_the_list}")];
    let app = driver.launch().await;
    wait_for_reader(&app, &title(25)).await;

    let another = article_id(&sandbox.database(), &title(3));
    sandbox.open_with_running_app(&format!("tidings://article/{another}"));
    wait_for_reader(&app, &title(3)).await;

    sandbox.open_with_running_app("tidings://article/999999");
    app.wait_for_text(
        "the reason a link to a removed article shows nothing",
        ".notice",
        "text.includes('article 999999 was not found')",
    )
    .await;
    sandbox.open_with_running_app("tidings://localhost/image?src=x");
    app.wait_for_text(
        "the reason a tidings link to no article was refused",
        ".notice",
        "text.includes('is not a link to an article in Tidings')",
    )
    .await;
    wait_for_reader(&app, &title(3)).await;
    app.quit().await;
}
