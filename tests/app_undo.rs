//! End to end: taking back what was done in bulk — marking a view read, deleting a folder — from
//! the toast's Undo or with Ctrl+Z, and when toasts go. Needs an X display
//! (`xvfb-run -a cargo test --test app app_undo::`).

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::support::menus::{feed_row, folder_row};
use crate::support::reading::*;
use crate::support::{App, Driver, Sandbox};

/// How long a toast stays when nobody holds it (ui/src/lib/toast.ts).
const NOTICE: Duration = Duration::from_secs(10);

async fn wait_for_notice(app: &App, what: &str, text: &str) {
    app.wait_for_text(what, ".notice > span", &format!("text === {text:?}"))
        .await;
}

async fn notice_shown(app: &App) -> bool {
    app.client
        .execute("return document.querySelector('.notice') !== null", vec![])
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

/// The folder each feed is in, by the feed's title, as the database has it.
fn folders_of_feeds(db: &Path) -> Vec<(String, Option<String>)> {
    let db = rusqlite::Connection::open(db).unwrap();
    let mut rows = db
        .prepare(
            "SELECT f.title, d.name FROM feeds f LEFT JOIN folders d ON d.id = f.folder_id
             ORDER BY f.title",
        )
        .unwrap();
    rows.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

// Alone on the display: a second app's window coming or going moves the pointer out of this one,
// which lets a held toast go.
#[tokio::test(flavor = "multi_thread")]
async fn undo_from_the_toast_or_ctrl_z_and_toasts_that_wait_under_the_pointer() {
    let sandbox = Sandbox::new();
    let db = sandbox.database();
    crate::support::seed::one_feed_in_folder(&db, "Harbour News", 3, "Local").await;
    let driver = Driver::start_alone(&sandbox);
    let app = driver.launch().await;
    app.wait_until("Unread to count 3", &unread_count_is("Unread", 3))
        .await;

    // The pointer on the Undo keeps the toast however long it rests there, and Undo still works.
    app.press('A').await;
    wait_for_notice(&app, "the toast", "Marked 3 articles read.").await;
    let shown = Instant::now();
    let undo = app.wait_for(Locator::Css(".notice button.action")).await;
    app.hover(&undo).await.unwrap();
    while shown.elapsed() < NOTICE + Duration::from_secs(2) {
        assert!(
            notice_shown(&app).await,
            "the toast went from under the pointer after {:?}",
            shown.elapsed()
        );
        tokio::task::yield_now().await;
    }
    undo.click().await.unwrap();
    app.wait_until("Unread to count 3 again", &unread_count_is("Unread", 3))
        .await;
    wait_for_notice(&app, "what was undone", "Marked 3 articles unread again.").await;

    // Ctrl+Z takes back the last of them, toast or none.
    app.move_pointer_away().await;
    app.press('A').await;
    app.wait_until("Unread to count 0", &unread_count_is("Unread", 0))
        .await;
    app.click_text(".notice button", "✕").await;
    app.press_with_ctrl('z').await;
    app.wait_until(
        "Unread to count 3 after Ctrl+Z",
        &unread_count_is("Unread", 3),
    )
    .await;
    wait_for_notice(&app, "what Ctrl+Z undid", "Marked 3 articles unread again.").await;

    // Every toast goes by itself once left alone, this one too.
    app.move_pointer_away().await;
    app.wait_until(
        "the toast to go by itself",
        "return document.querySelector('.notice') === null",
    )
    .await;
    app.press_with_ctrl('z').await;
    wait_for_notice(&app, "an empty undo", "Nothing to undo.").await;

    // A folder deleted from its menu, with an Undo that puts it back around its feed.
    let in_local = vec![("Harbour News".to_string(), Some("Local".to_string()))];
    app.open_row_menu(&folder_row("Local")).await;
    app.pick("Delete folder").await;
    wait_for_notice(
        &app,
        "the deletion",
        "Deleted the folder Local. Its feed is kept, outside any folder.",
    )
    .await;
    assert_eq!(folders_of_feeds(&db), [("Harbour News".into(), None)]);
    app.click_text(".notice button", "Undo").await;
    wait_for_notice(
        &app,
        "the folder back",
        "The folder Local is back, with its feed.",
    )
    .await;
    assert_eq!(folders_of_feeds(&db), in_local);
    app.wait_for(Locator::XPath(&format!(
        "{}[.//*[@role='treeitem'][@aria-level='2']]",
        feed_row("Harbour News")
    )))
    .await;

    // Deleted again, Ctrl+Z does the same.
    app.open_row_menu(&folder_row("Local")).await;
    app.pick("Delete folder").await;
    app.wait_until(
        "the folder to go",
        "return ![...document.querySelectorAll('li.folder .name')].some((n) => n.textContent === 'Local')",
    )
    .await;
    app.press_with_ctrl('z').await;
    wait_for_notice(
        &app,
        "the folder back",
        "The folder Local is back, with its feed.",
    )
    .await;
    app.wait_for(Locator::XPath(&folder_row("Local"))).await;
    assert_eq!(folders_of_feeds(&db), in_local);
    app.quit().await;
}
