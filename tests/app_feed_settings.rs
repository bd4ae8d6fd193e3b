//! End to end: what a person sets for one feed in Feed details — how often it is checked,
//! a notification of its new articles, its pictures kept — kept as chosen, and shown again when
//! the dialog opens. Needs an X display (`xvfb-run -a cargo test --test app app_feed_settings::`).

use fantoccini::Locator;

use crate::support::menus::feed_row;
use crate::support::reading::*;
use crate::support::stored;
use crate::support::{App, Driver, Sandbox};

async fn open_details(app: &App) {
    app.open_row_menu(&feed_row("Harbour Post")).await;
    app.pick("Feed details…").await;
    app.wait_for(Locator::Css("dialog[open] fieldset.settings"))
        .await;
}

async fn close_details(app: &App) {
    app.click_text("dialog button", "Done").await;
    app.wait_for_no_dialog().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_s_own_settings_are_kept_as_chosen() {
    let server = feed_server(atom(
        "Harbour Post",
        &[item("Tide tables", 60, "<p>Spring tides.</p>")],
    ))
    .await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;

    open_details(&app).await;
    app.wait_for(Locator::Css("dialog[open] select[name=refresh-minutes]"))
        .await
        .select_by_label("Every hour")
        .await
        .unwrap();
    for name in ["notify", "keep-images"] {
        app.wait_for(Locator::Css(&format!("dialog[open] input[name={name}]")))
            .await
            .click()
            .await
            .unwrap();
    }
    photograph(&app, "feed-settings.png").await;
    close_details(&app).await;

    // Opened again, the dialog shows the feed as the library now has it.
    open_details(&app).await;
    app.wait_until(
        "the dialog to show them again",
        "const d = document.querySelector('dialog[open]');
         return d.querySelector('select[name=refresh-minutes]').selectedOptions[0].text === 'Every hour'
             && d.querySelector('input[name=notify]').checked
             && !d.querySelector('input[name=full-text]').checked",
    )
    .await;
    close_details(&app).await;
    let kept =
        "feeds WHERE refresh_minutes = 60 AND notify = 1 AND keep_images = 1 AND full_text = 0";
    assert_eq!(stored::count(&sandbox.database(), kept), 1);
    app.quit().await;
}
