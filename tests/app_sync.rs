//! End to end: an account on a real FreshRSS (Google Reader API). Added through its dialog (a
//! wrong password is refused there, what was typed kept); the sidebar shows the server's feeds,
//! folders and unread counts, the arrow keys passing over the account's header; an article read
//! in Tidings is read on the server after *Sync now*, one starred on the server is in Bookmarks,
//! one labelled there is under that tag, and a tag put on here is a label there;
//! 100 articles marked read while the server is down reach it after the app and the server start
//! again, the password read from a real keychain. What the server holds is asked with curl, as
//! another device would. Without a keychain, the password lasts for the run, and it is said.
//! Needs an X display, PHP and gnome-keyring (`.ci/setup`):
//! `xvfb-run -a cargo test --test app app_sync::`. What a person does from an account's header
//! (adding a feed to it, giving its password again) is in `account_actions`.

mod account_actions;
mod server;

use std::path::Path;
use std::time::Instant;

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_testkit::Farm;
use tidings_testkit::sync_servers::FreshRss;

use crate::support::processes::app_pid;
use crate::support::reading::*;
use crate::support::{App, Driver, PATIENCE, Sandbox, application};
use tidings_testkit::keychain::PrivateKeychain;

use server::{
    STARRED, edit_tag, label_titles, newest_item, server_feeds, server_unread, server_unread_ids,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_freshrss_account_syncs_both_ways_and_keeps_what_was_read_offline() {
    let dir = tempfile::tempdir().unwrap();
    let farm = Farm::start(None, 2, 100, dir.path()).unwrap();
    let server = FreshRss::start().unwrap();
    let opml = farm
        .download("/feeds.opml", &dir.path().join("feeds.opml"))
        .unwrap();
    server.import_opml(&opml).unwrap();
    let feeds = server_feeds(&server);
    assert_eq!(feeds.len(), 2, "{feeds:?}");
    let keychain = PrivateKeychain::start().unwrap();
    let mut sandbox = Sandbox::new();
    sandbox.use_session_bus(keychain.bus_address());
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // With the library alone, the sidebar has no account headers.
    assert!(app.texts("li.account").await.is_empty());

    // A wrong password is refused in the dialog, with what was typed kept.
    open_add_account(&app).await;
    fill(&app, "url", &server.url()).await;
    fill(&app, "user", FreshRss::USER).await;
    fill(&app, "password", "not the password").await;
    app.click_text("dialog button", "Add").await;
    app.wait_for(Locator::Css("dialog[open] .error")).await;
    let kept = app
        .client
        .execute(
            "return document.querySelector('dialog[open] input[name=url]').value",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(kept.as_str(), Some(server.url().as_str()));
    fill(&app, "password", FreshRss::PASSWORD).await;
    app.click_text("dialog button", "Add").await;
    app.wait_for_no_dialog().await;

    // The server's feeds, in its folders, with its unread counts, under the account's header.
    let counts = server_unread(&server);
    for feed in &feeds {
        let unread = counts[&feed.id];
        assert!(unread > 0, "{feed:?} has nothing unread on the server");
        wait_for_sidebar_count(&app, "li.feed", &feed.title, unread).await;
        let folder_unread = counts[&format!("user/-/label/{}", feed.folder)];
        wait_for_sidebar_count(&app, "li.folder", &feed.folder, folder_unread).await;
    }
    wait_for_status(&app, "text.includes('Synced') && !text.includes('to send')").await;
    assert!(!app.texts("li.account").await.is_empty());
    photograph(&app, "sidebar-accounts.png").await;

    // The arrow keys pass over the headers (the library's has no feeds here): up from the first
    // folder is the last of the views, Highlights.
    let focused = "return document.activeElement?.querySelector('.name')?.textContent";
    let folder = app
        .client
        .execute(
            "return document.querySelector('li.folder .name').textContent",
            vec![],
        )
        .await
        .unwrap();
    app.wait_for(Locator::Css("li.folder button.row"))
        .await
        .click()
        .await
        .unwrap();
    press_key(&app, Key::Up).await;
    let name = app.client.execute(focused, vec![]).await.unwrap();
    assert_eq!(name.as_str(), Some("Highlights"));
    press_key(&app, Key::Down).await;
    let name = app.client.execute(focused, vec![]).await.unwrap();
    assert_eq!(name.as_str(), folder.as_str());

    // Read in Tidings, then Sync now: the server has it read.
    let (first, second) = (&feeds[0], &feeds[1]);
    app.click_text("li.feed button.row", &first.title).await;
    wait_for_heading(&app, &first.title).await;
    app.press('j').await;
    app.wait_for(Locator::Css("main article h1")).await;
    wait_for_status(&app, "text.includes('1 change to send')").await;
    sync_now(&app).await;
    wait_for_status(&app, "text.includes('Synced') && !text.includes('to send')").await;
    assert_eq!(server_unread_ids(&server).len(), 199);

    // Starred on the server, then Sync now: it is in Bookmarks.
    let (id, title) = newest_item(&server, &second.id);
    edit_tag(&server, &id, STARRED);
    sync_now(&app).await;
    app.click_text("ul.views button.row", "Bookmarks").await;
    wait_for_rows(&app, "the article starred on the server", &[&title]).await;

    // Labelled on the server, then Sync now: it is under that tag. Tagged here, the tags
    // dialog saying tags are the server's labels: after Sync now the server has the label.
    edit_tag(&server, &id, "user/-/label/Later");
    sync_now(&app).await;
    app.wait_for(Locator::XPath(
        "//ul[@data-testid='tags']//button[.//span[contains(@class,'name')]='Later']",
    ))
    .await
    .click()
    .await
    .unwrap();
    wait_for_rows(&app, "the article labelled on the server", &[&title]).await;
    app.press('j').await;
    wait_for_reader(&app, &title).await;
    app.press('t').await;
    app.wait_for_text(
        "the tags dialog to say where tags go",
        "[data-testid=tags-sync]",
        "text.includes('Tags here are labels on')",
    )
    .await;
    app.submit_dialog("Keep").await;
    app.wait_for_text(
        "the article's tags",
        "[data-testid=article-tags]",
        "text.includes('Keep') && text.includes('Later')",
    )
    .await;
    app.click_text("dialog button", "Done").await;
    app.wait_for_no_dialog().await;
    // Unread again (the 100 below are all unread): the read and its undoing cancel out.
    app.press('m').await;
    wait_for_status(&app, "text.includes('1 change to send')").await;
    sync_now(&app).await;
    wait_for_status(&app, "text.includes('Synced') && !text.includes('to send')").await;
    assert_eq!(label_titles(&server, "Keep"), std::slice::from_ref(&title));

    // The server goes away; 100 articles are marked read here, and wait to be sent.
    server.stop().unwrap();
    let unread = counts[&second.id];
    assert_eq!(unread, 100);
    app.click_text("li.feed button.row", &second.title).await;
    wait_for_heading(&app, &second.title).await;
    app.press('A').await;
    app.wait_for_text(
        "the toast",
        ".notice",
        "text.includes('Marked 100 articles read.')",
    )
    .await;
    sync_now(&app).await;
    wait_for_status(&app, "text.includes('100 changes to send')").await;
    app.wait_for(Locator::Css("li.account-status .warning"))
        .await;

    // Both start again; the password comes from the keychain, and everything reaches the server.
    let first_app = app_pid(driver.pid(), Path::new(&application()));
    app.quit().await;
    wait_until_gone(first_app).await;
    server.restart().unwrap();
    // The app syncs at start by itself: what waited is sent without anyone asking.
    let app = driver.launch().await;
    wait_for_status(&app, "text.includes('Synced') && !text.includes('to send')").await;
    assert!(app.texts("li.account-status .warning").await.is_empty());
    assert_eq!(
        server_unread(&server).get(&second.id).copied().unwrap_or(0),
        0
    );
    assert_eq!(server_unread_ids(&server).len(), 99);

    // Removed in Settings (asked twice): the sidebar is the library's alone again, and the
    // bookmarked article stays.
    app.wait_for(Locator::Css("button[aria-label='Settings']"))
        .await
        .click()
        .await
        .unwrap();
    // Settings says what stays on this computer: tags sync here, highlights and notes do not.
    app.wait_for_text(
        "what stays on this computer",
        "dialog[open] [data-testid=kept-here]",
        "text === 'Tags sync as its labels; highlights and notes stay on this computer.'",
    )
    .await;
    app.click_text("dialog button", "Remove").await;
    app.click_text("dialog button", "Remove it and its feeds")
        .await;
    app.wait_until(
        "the account's section to go",
        "return document.querySelector('li.account') === null && document.querySelector('li.feed') === null",
    )
    .await;
    app.click_text("dialog button", "Cancel").await;
    app.wait_until("Bookmarks to count 1", &unread_count_is("Bookmarks", 1))
        .await;
    app.quit().await;
}

/// Without a keychain (no session bus at all), the account still works, and the person is told
/// that its password lasts until Tidings quits.
#[tokio::test(flavor = "multi_thread")]
async fn without_a_keychain_the_password_lasts_for_this_run_and_says_so() {
    let server = FreshRss::start().unwrap();
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    open_add_account(&app).await;
    fill(&app, "url", &server.url()).await;
    fill(&app, "user", FreshRss::USER).await;
    fill(&app, "password", FreshRss::PASSWORD).await;
    app.click_text("dialog button", "Add").await;
    app.wait_for_no_dialog().await;
    app.wait_for_text(
        "the toast",
        ".notice",
        "text.includes('No keychain answered') && text.includes('lasts until Tidings quits')",
    )
    .await;
    wait_for_status(&app, "text.includes('Synced')").await;
    app.quit().await;
}

async fn open_add_account(app: &App) {
    app.wait_for(Locator::Css("button[aria-label='More actions']"))
        .await
        .click()
        .await
        .unwrap();
    app.pick("Add an account…").await;
    app.wait_for(Locator::Css("dialog[open] input[name=url]"))
        .await;
}

/// Replaces what the dialog's field `name` holds.
async fn fill(app: &App, name: &str, text: &str) {
    let input = app
        .wait_for(Locator::Css(&format!("dialog[open] input[name={name}]")))
        .await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

async fn sync_now(app: &App) {
    let button = "li.account button.sync";
    app.wait_until(
        "Sync now to be ready",
        &format!("return document.querySelector({button:?})?.disabled === false"),
    )
    .await;
    app.wait_for(Locator::Css(button))
        .await
        .click()
        .await
        .unwrap();
}

/// Waits until the remote account's status line (its last sync, changes to send) passes `test`.
async fn wait_for_status(app: &App, test: &str) {
    app.wait_for_text("the account's status", "li.account-status", test)
        .await;
}

/// Waits until the sidebar row `row` (`li.feed`, `li.folder`) named `name` shows `count` unread.
async fn wait_for_sidebar_count(app: &App, row: &str, name: &str, count: u64) {
    let script = format!(
        "const row = [...document.querySelectorAll({row:?})].find((r) => r.querySelector('.name')?.textContent === {name:?});
         const pill = row?.querySelector('.count');
         return row !== undefined && (pill ? Number(pill.textContent.replace(/\\D/g, '')) : 0) === {count};"
    );
    app.wait_until(&format!("{name} to show {count} unread"), &script)
        .await;
}

async fn wait_until_gone(pid: u32) {
    let deadline = Instant::now() + PATIENCE;
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(Instant::now() < deadline, "the app {pid} did not quit");
        tokio::task::yield_now().await;
    }
}
