//! End to end: the Settings dialog checks what is typed, saves it and reads it back. Needs an X
//! display (`xvfb-run -a cargo test --test app app_settings::`).

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::support::{Driver, Sandbox};

#[tokio::test(flavor = "multi_thread")]
async fn settings_are_checked_saved_and_read_back() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    let interval = "dialog[open] input[name=refresh-interval]";
    let keep = "dialog[open] input[name=keep-read]";
    let open_settings = async || {
        app.client
            .find(Locator::Css("button[aria-label='Settings']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        app.wait_for(Locator::Css(interval)).await;
    };

    // The defaults, then a value out of range is refused inline with the reason.
    open_settings().await;
    let value = async |css: &str| {
        let field = app.wait_for(Locator::Css(css)).await;
        field.prop("value").await.unwrap().unwrap_or_default()
    };
    assert_eq!(value(interval).await, "30");
    assert_eq!(value(keep).await, "90");
    let field = app.wait_for(Locator::Css(interval)).await;
    field.clear().await.unwrap();
    field.send_keys("0").await.unwrap();
    app.click_text("dialog button", "Save").await;
    app.wait_for_text(
        "the reason the interval is refused",
        "dialog[open] .error",
        "text === 'Enter between 1 and 10,080 minutes.'",
    )
    .await;
    app.wait_for(Locator::Css(
        "dialog[open] input[name=refresh-interval][aria-invalid=true]",
    ))
    .await;

    // Good values are saved; the dialog closes, and opening it again reads them back.
    field.clear().await.unwrap();
    field.send_keys("45").await.unwrap();
    let days = app.wait_for(Locator::Css(keep)).await;
    days.clear().await.unwrap();
    days.send_keys("14").await.unwrap();
    days.send_keys(&Key::Enter.to_string()).await.unwrap();
    app.wait_for_no_dialog().await;
    open_settings().await;
    assert_eq!(value(interval).await, "45");
    assert_eq!(value(keep).await, "14");
    // And the library file holds them, for the CLI and the next start.
    let stored = tidings_core::Library::open(&sandbox.database())
        .unwrap()
        .settings()
        .await
        .unwrap();
    assert_eq!(
        (stored.refresh_interval_minutes, stored.keep_read_days),
        (45, 14)
    );
    app.quit().await;
}
