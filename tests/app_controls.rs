//! End to end: how the controls look and behave — tooltips that never cover an open menu and say
//! what a toggle does now, menus wide enough for their items, toolbar buttons that stay put when
//! their labels change, and radios and checkboxes drawn in the dark theme's colours (a focused
//! radio ringed round, not square). Needs an X display (`xvfb-run -a cargo test --test app app_controls::`).

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_testkit::{Pixels, decode_png};

use crate::support::reading::*;
use crate::support::{App, Driver, Sandbox};

async fn wait_for_tooltip(app: &App, text: &str) {
    app.wait_for_text(
        &format!("the tooltip {text:?}"),
        "[role=tooltip]",
        &format!("text === {text:?}"),
    )
    .await;
}

/// Where each of the reader toolbar's buttons is, left edge and width.
async fn toolbar_places(app: &App) -> String {
    let places = app
        .client
        .execute(
            "return JSON.stringify([...document.querySelectorAll('div.toolbar button')].map((b) => {
                const r = b.getBoundingClientRect(); return [r.left, r.width]; }))",
            vec![],
        )
        .await
        .unwrap();
    places.as_str().unwrap().to_string()
}

/// The box of the first element matching `css`: left, top, width, height.
async fn box_of(app: &App, css: &str) -> [f64; 4] {
    let value = app
        .client
        .execute(
            &format!(
                "const r = document.querySelector({css:?}).getBoundingClientRect(); return [r.left, r.top, r.width, r.height];"
            ),
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

async fn window_pixels(app: &App, name: &str) -> Pixels {
    let shot = app.screenshot(name).await;
    decode_png(&std::fs::read(shot).unwrap())
}

fn luminance([r, g, b, _]: [u8; 4]) -> u32 {
    (2126 * r as u32 + 7152 * g as u32 + 722 * b as u32) / 10_000
}

// Alone on the display: a second app's window coming or going moves the pointer out of this one,
// which hides a tooltip.
#[tokio::test(flavor = "multi_thread")]
async fn tooltips_menus_toolbars_and_dark_form_controls() {
    let items = [item(
        "Harbour lights",
        3_600,
        "<p>The lights came on at dusk.</p>",
    )];
    let server = feed_server(atom("Harbour Log", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start_alone(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.click_text("section.list li button", "Harbour lights")
        .await;
    wait_for_reader(&app, "Harbour lights").await;

    // The ⋯ button's tooltip shows while the pointer rests on it, and goes when its menu opens:
    // every item of the menu can be seen and clicked.
    let more = app
        .wait_for(Locator::Css("button[aria-label='More actions']"))
        .await;
    app.hover(&more).await.unwrap();
    wait_for_tooltip(&app, "Save a page, import and export").await;
    more.click().await.unwrap();
    app.wait_for(Locator::Css("[role=menu]")).await;
    app.wait_until(
        "every item of the open menu in sight, no tooltip over it",
        "const items = [...document.querySelectorAll('[role=menu] [data-menu-item]')];
         return items.length === 8 && !document.querySelector('[role=tooltip]') && items.every((b) => {
             const r = b.getBoundingClientRect();
             return b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
         });",
    )
    .await;
    press_key(&app, Key::Escape).await;

    // A toggle's tooltip says what pressing it does now, as soon as it has been pressed.
    let bookmark = app
        .wait_for(Locator::Css("div.toolbar button[aria-keyshortcuts=b]"))
        .await;
    app.hover(&bookmark).await.unwrap();
    wait_for_tooltip(&app, "Bookmark (b)").await;
    bookmark.click().await.unwrap();
    wait_for_tooltip(&app, "Remove bookmark (b)").await;
    // Unpressed again, for what follows.
    bookmark.click().await.unwrap();
    wait_for_tooltip(&app, "Bookmark (b)").await;
    app.move_pointer_away().await;

    // The ⋯ menu shows each item's whole label.
    app.wait_for(Locator::Css("button[aria-label='More actions']"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(Locator::Css("[role=menu]")).await;
    let clipped = app
        .client
        .execute(
            "return [...document.querySelectorAll('[role=menu] [data-menu-item]')]
                 .filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.textContent.trim())",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(clipped, serde_json::json!([]), "items cut short");
    press_key(&app, Key::Escape).await;

    // Pressing a toggle of the reader's toolbar moves nothing: not itself, not its neighbours.
    let before = toolbar_places(&app).await;
    for (toggle, pressed) in [
        (
            "button[aria-keyshortcuts=b]",
            "button[aria-keyshortcuts=b][aria-pressed=true]",
        ),
        ("button.save", "button.save[aria-pressed=true]"),
    ] {
        app.wait_for(Locator::Css(&format!("div.toolbar {toggle}")))
            .await
            .click()
            .await
            .unwrap();
        app.wait_for(Locator::Css(&format!("div.toolbar {pressed}")))
            .await;
        assert_eq!(toolbar_places(&app).await, before, "after {toggle}");
    }
    app.wait_for(Locator::Css("div.toolbar button.read"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_until(
        "the article unread",
        "return document.querySelectorAll('section.list li.unread').length === 1",
    )
    .await;
    assert_eq!(toolbar_places(&app).await, before, "after Mark unread");

    // In the dark theme, radios and checkboxes are dark too; a radio focused from the keyboard
    // is ringed round, clear of its square corners.
    app.wait_for(Locator::Css("button[aria-label='Reader settings']"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(Locator::Css("dialog[open] input[name=theme][value=dark]"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_until(
        "the dark theme",
        "return document.documentElement.dataset.theme === 'dark'",
    )
    .await;
    // Tab, from the theme's radios to the list's.
    press_key(&app, Key::Tab).await;
    app.wait_until(
        "the keyboard on Comfortable",
        "return document.activeElement?.matches('input[value=comfortable]:focus-visible') === true",
    )
    .await;
    let dialog = box_of(&app, "dialog[open]").await;
    let unchecked_radio = box_of(&app, "dialog[open] input[name=theme][value=light]").await;
    let checkbox = box_of(&app, "dialog[open] input[name=notify]").await;
    let focused = box_of(&app, "dialog[open] input[value=comfortable]").await;
    let pixels = window_pixels(&app, "controls-dark.png").await;
    let at = |x: f64, y: f64| pixels.at(x as u32, y as u32);
    let centre = |b: [f64; 4]| at(b[0] + b[2] / 2.0, b[1] + b[3] / 2.0);
    // The screenshot is read right: the dialog's own background is the dark theme's.
    assert_eq!(
        at(dialog[0] + 8.0, dialog[1] + dialog[3] - 8.0),
        [28, 28, 30, 255]
    );
    assert!(
        luminance(centre(unchecked_radio)) < 60,
        "an unchecked radio is {:?}",
        centre(unchecked_radio)
    );
    assert!(
        luminance(centre(checkbox)) < 60,
        "an unchecked checkbox is {:?}",
        centre(checkbox)
    );
    // Three pixels out from its box: on the ring above its middle, clear of it at the corner.
    let ring = at(focused[0] + focused[2] / 2.0, focused[1] - 3.0);
    let corner = at(focused[0] - 3.0, focused[1] - 3.0);
    assert!(
        luminance(ring) > 120,
        "no ring around the focused radio: {ring:?}"
    );
    assert!(
        luminance(corner) < 60,
        "the focus ring is square: {corner:?}"
    );
    app.quit().await;
}
