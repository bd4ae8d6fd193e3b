//! End to end: what the person is told when a command fails, and that confirming dialogs do what
//! they say. Another program holding the library's write lock makes a real command fail (after
//! SQLite's 5 s busy timeout): the toast says why, nothing after it claims success, and the
//! database still holds what the window shows. Let go, the same action succeeds, says so once,
//! and the database agrees. Needs an X display (`xvfb-run -a cargo test --test app app_commands::`).

use std::path::Path;

use crate::support::menus::{feed_row, folder_row};
use crate::support::stored::count;
use crate::support::{App, Driver, Sandbox};

/// Keeps every text the toast shows, in order, in `window.noticesShown` (the same text shown
/// again after the toast was dismissed counts again).
const RECORD_NOTICES: &str = "
    window.noticesShown = [];
    let current = null;
    const record = () => {
        const text = document.querySelector('.notice > span')?.textContent?.replace(/\\s+/g, ' ').trim() ?? null;
        if (text !== null && text !== current) window.noticesShown.push(text);
        current = text;
    };
    new MutationObserver(record).observe(document.body, { childList: true, subtree: true, characterData: true });";

async fn notices_shown(app: &App) -> Vec<String> {
    let shown = app
        .client
        .execute("return window.noticesShown;", vec![])
        .await
        .unwrap();
    serde_json::from_value(shown).unwrap()
}

/// Another program's transaction on the library, holding its write lock until dropped.
struct WriteLock(rusqlite::Connection);

impl WriteLock {
    fn take(db: &Path) -> WriteLock {
        let connection = rusqlite::Connection::open(db).unwrap();
        connection.execute_batch("BEGIN IMMEDIATE").unwrap();
        WriteLock(connection)
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        self.0.execute_batch("ROLLBACK").unwrap();
    }
}

async fn wait_for_notice(app: &App, what: &str, test: &str) {
    app.wait_for_text(what, ".notice", test).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_command_says_why_and_nothing_after_it_claims_success() {
    let sandbox = Sandbox::new();
    let db = sandbox.database();
    crate::support::seed::one_feed_in_folder(&db, "Harbour News", 3, "Local").await;
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.wait_for(fantoccini::Locator::XPath(&folder_row("Local")))
        .await;
    app.client.execute(RECORD_NOTICES, vec![]).await.unwrap();

    // Unsubscribing while the library cannot be written: the reason, and the feed stays.
    let lock = WriteLock::take(&db);
    app.open_row_menu(&feed_row("Harbour News")).await;
    app.pick("Unsubscribe…").await;
    app.click_text("dialog button", "Unsubscribe").await;
    wait_for_notice(&app, "the reason", "text.includes('database is locked')").await;
    drop(lock);
    assert_eq!(count(&db, "feeds"), 1);
    app.wait_for(fantoccini::Locator::XPath(&feed_row("Harbour News")))
        .await;
    app.click_text(".notice button", "✕").await;

    // Deleting the folder likewise.
    let lock = WriteLock::take(&db);
    app.open_row_menu(&folder_row("Local")).await;
    app.pick("Delete folder").await;
    wait_for_notice(
        &app,
        "the reason, again",
        "text.includes('database is locked') && window.noticesShown.length >= 2",
    )
    .await;
    drop(lock);
    assert_eq!(count(&db, "folders"), 1);

    // Once it can be written, each does what it says, says so once, and the file agrees.
    app.open_row_menu(&feed_row("Harbour News")).await;
    app.pick("Unsubscribe…").await;
    app.click_text("dialog button", "Unsubscribe").await;
    wait_for_notice(
        &app,
        "the unsubscribe",
        "text.startsWith('Unsubscribed from Harbour News.')",
    )
    .await;
    assert_eq!(count(&db, "feeds"), 0);
    assert_eq!(count(&db, "articles"), 0, "its articles go with it");
    app.open_row_menu(&folder_row("Local")).await;
    app.pick("Delete folder").await;
    wait_for_notice(
        &app,
        "the deletion",
        "text.startsWith('Deleted the folder Local.')",
    )
    .await;
    assert_eq!(count(&db, "folders"), 0);

    let shown = notices_shown(&app).await;
    let said = |start: &str| shown.iter().filter(|t| t.starts_with(start)).count();
    assert_eq!(said("Unsubscribed from"), 1, "{shown:?}");
    assert_eq!(said("Deleted the folder"), 1, "{shown:?}");
    assert!(
        shown[0].contains("database is locked") && shown[1].contains("database is locked"),
        "{shown:?}"
    );
    app.quit().await;
}
