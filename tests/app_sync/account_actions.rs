//! What a person does with an account from its header: add a feed to it (its server subscribes,
//! and the feed comes with its articles), and give its password again when the login failed —
//! here after a restart without a keychain, where the password lasted for the run that ended.

use fantoccini::Locator;
use serde_json::Value;
use tidings_testkit::Farm;
use tidings_testkit::sync_servers::FreshRss;

use super::server::api;
use super::{fill, open_add_account, wait_for_sidebar_count, wait_for_status, wait_until_gone};
use crate::support::processes::app_pid;
use crate::support::reading::wait_for_heading;
use crate::support::{App, Driver, Sandbox, application};

const ITEMS: usize = 12;

/// The account on `server`, added through its dialog; waits for its first sync.
async fn add_freshrss_account(app: &App, server: &FreshRss) {
    open_add_account(app).await;
    fill(app, "url", &server.url()).await;
    fill(app, "user", FreshRss::USER).await;
    fill(app, "password", FreshRss::PASSWORD).await;
    app.click_text("dialog button", "Add").await;
    app.wait_for_no_dialog().await;
    wait_for_status(app, "text.includes('Synced')").await;
}

/// The account's name as its header shows it: the server's host and port.
fn account_name(server: &FreshRss) -> String {
    server
        .url()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_added_to_a_freshrss_account_is_subscribed_there_and_comes_with_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let farm = Farm::start(None, 1, ITEMS, dir.path()).unwrap();
    let server = FreshRss::start().unwrap();
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    add_freshrss_account(&app, &server).await;

    // From the account's menu, the dialog offers that account; the library stays the other choice.
    let name = account_name(&server);
    app.wait_for(Locator::Css(&format!(
        "li.account button[aria-label='Actions for {name}']"
    )))
    .await
    .click()
    .await
    .unwrap();
    app.pick("Add a feed…").await;
    let chosen = "const select = document.querySelector('dialog[open] select[name=account]');
        return [...select.options].map((o) => (o.selected ? '*' : '') + o.textContent.trim());";
    let options = app.client.execute(chosen, vec![]).await.unwrap();
    assert_eq!(
        options,
        serde_json::json!(["On this computer", format!("*{name} ({})", FreshRss::USER)])
    );
    let address = farm.url("/feeds/0000.rss");
    fill(&app, "address", &address).await;
    app.click_text("dialog button", "Add").await;
    app.wait_for_no_dialog().await;

    // The server has it, as another device would see.
    let list: Value =
        serde_json::from_str(&api(&server, "subscription/list?output=json", &[])).unwrap();
    let subscribed = list["subscriptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["url"].as_str() == Some(address.as_str()))
        .unwrap_or_else(|| panic!("{address} is not subscribed on the server: {list}"));
    let title = subscribed["title"].as_str().unwrap();

    // Under the account's header, with its articles, shown at once.
    wait_for_sidebar_count(&app, "li.feed", title, ITEMS as u64).await;
    wait_for_heading(&app, title).await;
    let section = format!(
        "const header = [...document.querySelectorAll('li.account')]
             .find((h) => h.querySelector('.name').textContent === {name:?});
         const feed = document.querySelector('li.feed');
         return Number(feed.dataset.index) > Number(header.dataset.index);"
    );
    let in_section = app.client.execute(&section, vec![]).await.unwrap();
    assert_eq!(in_section.as_bool(), Some(true));
    app.wait_until(
        "the feed's articles",
        &format!("return document.querySelectorAll('section.list li .title').length === {ITEMS}"),
    )
    .await;
    app.quit().await;
}

/// Without a keychain the password lasts for the run; after a restart the account's sync cannot
/// log in, says so, and offers the password dialog (in its header and in Settings), which refuses
/// a wrong password with the server's reason and syncs with the right one.
#[tokio::test(flavor = "multi_thread")]
async fn after_a_restart_without_a_keychain_the_password_is_entered_again() {
    let dir = tempfile::tempdir().unwrap();
    let farm = Farm::start(None, 1, ITEMS, dir.path()).unwrap();
    let server = FreshRss::start().unwrap();
    let opml = farm
        .download("/feeds.opml", &dir.path().join("feeds.opml"))
        .unwrap();
    server.import_opml(&opml).unwrap();
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    add_freshrss_account(&app, &server).await;

    let first_app = app_pid(driver.pid(), std::path::Path::new(&application()));
    app.quit().await;
    wait_until_gone(first_app).await;
    // The app syncs at start by itself, and finds no password.
    let app = driver.launch().await;
    app.wait_for(Locator::Css("li.account-status button.password"))
        .await;
    let warning = app
        .wait_for(Locator::Css("li.account-status .warning"))
        .await
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        warning.contains("there is no password to log in with"),
        "{warning}"
    );
    app.screenshot("account-password-wanted.png").await;

    // Settings offers it too.
    let name = account_name(&server);
    app.wait_for(Locator::Css("button[aria-label='Settings']"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(Locator::Css(&format!(
        "dialog[open] button[aria-label='Enter the password for {name}']"
    )))
    .await
    .click()
    .await
    .unwrap();
    app.wait_for_text(
        "the password dialog",
        "dialog[open] h2",
        "text === 'Enter the password'",
    )
    .await;

    // A wrong one is refused with the server's reason, and the dialog stays.
    fill(&app, "password", "not the password").await;
    app.click_text("dialog button", "Sign in").await;
    app.wait_for_text(
        "the server's refusal",
        "dialog[open] .error",
        "text.includes('refused the user name or password')",
    )
    .await;

    // The right one: the account syncs, and the failure goes.
    fill(&app, "password", FreshRss::PASSWORD).await;
    app.click_text("dialog button", "Sign in").await;
    app.wait_for_no_dialog().await;
    wait_for_status(
        &app,
        "text.includes('Synced') && !text.includes('Enter the password')",
    )
    .await;
    assert!(app.texts("li.account-status .warning").await.is_empty());
    app.quit().await;
}
