//! End to end: how reading looks and behaves in the real app. The themes — each photographed —
//! with typography and pane widths kept in the database, and when an article counts as read.
//! Needs an X display (`xvfb-run -a cargo test --test app app_appearance::`).

use fantoccini::Locator;
use fantoccini::key::Key;
use tidings_testkit::seed::SeedArticle;

use crate::support::reading::*;
use crate::support::{App, Driver, Sandbox};

/// The body's background, as the page computes it.
async fn background(app: &App) -> String {
    app.client
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn themes_typography_and_panes_are_kept() {
    let seed = SeedArticle::load();
    let items = [
        item("A quiet morning in the archive", 3_600, "<p>Short.</p>"),
        seed_item(&seed),
        item("Notes from the harbour", 10_800, "<p>Short.</p>"),
    ];
    let server = feed_server(atom("The Daily Reader", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    app.click_text("section.list li button", &seed.title).await;
    wait_for_reader(&app, &seed.title).await;

    let themes = [
        ("light", "rgb(255, 255, 255)"),
        ("dark", "rgb(28, 28, 30)"),
        ("sepia", "rgb(246, 239, 223)"),
    ];
    for (theme, colour) in themes {
        app.open_reader_settings().await;
        app.pick_theme(theme).await;
        app.done().await;
        assert_eq!(background(&app).await, colour, "{theme}");
        photograph(&app, &format!("theme-{theme}.png")).await;
    }

    // Compact list, sans-serif type at 20 px, and a wider sidebar (moved with the keyboard).
    app.open_reader_settings().await;
    for choice in [
        "input[name=density][value=compact]",
        "input[name=reader-font][value=sans]",
    ] {
        app.wait_for(Locator::Css(&format!("dialog[open] {choice}")))
            .await
            .click()
            .await
            .unwrap();
    }
    app.set_reader_size(20).await;
    app.done().await;
    app.wait_for(Locator::Css("section.list[data-density=compact]"))
        .await;
    // The divider is a thin line: keyboard focus is its way in (Tab would reach it too).
    app.client
        .execute(
            "document.querySelector(\"[role=separator][aria-label='Resize the sidebar']\").focus()",
            vec![],
        )
        .await
        .unwrap();
    press_key(&app, Key::Right).await;
    press_key(&app, Key::Right).await;
    app.wait_until(
        "the sidebar 32 px wider",
        "return document.querySelector('nav.sidebar').getBoundingClientRect().width === 272",
    )
    .await;
    // The change is stored: wait for it before quitting.
    app.wait_until(
        "the width to be remembered",
        "return JSON.parse(localStorage.getItem('tidings.preferences') ?? '{}').sidebarWidth === 272",
    )
    .await;
    app.quit().await;

    // All of it is in the database…
    let library = tidings_core::Library::open(&sandbox.database()).unwrap();
    let stored = library.preferences().await.unwrap();
    assert_eq!(
        serde_json::to_value(&stored).unwrap(),
        serde_json::json!({
            "theme": "sepia", "density": "compact", "readerFont": "sans", "readerSize": 20,
            "lineHeightTenths": 16, "contentWidth": 68, "sidebarWidth": 272, "listWidth": 360,
            "markRead": "onOpen", "markReadDelaySecs": 3, "notifyNewArticles": false,
        })
    );
    drop(library);

    // …and the next launch looks the same.
    let app = driver.launch().await;
    app.wait_until(
        "sepia after a restart",
        "return document.documentElement.dataset.theme === 'sepia'",
    )
    .await;
    assert_eq!(background(&app).await, "rgb(246, 239, 223)");
    app.wait_for(Locator::Css("section.list[data-density=compact]"))
        .await;
    app.wait_until(
        "the wider sidebar after a restart",
        "return document.querySelector('nav.sidebar').getBoundingClientRect().width === 272",
    )
    .await;
    app.quit().await;
}

/// Opens "Appearance and reading…" from the ⋯ menu and picks when articles count as read.
async fn choose_mark_read(app: &App, value: &str) {
    app.wait_for(Locator::Css("button[aria-label='More actions']"))
        .await
        .click()
        .await
        .unwrap();
    app.pick("Appearance and reading…").await;
    app.wait_for(Locator::Css(&format!(
        "dialog[open] input[name=mark-read][value={value}]"
    )))
    .await
    .click()
    .await
    .unwrap();
}

async fn close_dialog(app: &App) {
    app.click_text("dialog button", "Done").await;
    app.wait_for_no_dialog().await;
}

fn row_is_read(title: &str) -> String {
    format!(
        "const row = [...document.querySelectorAll('section.list li')].find((li) => li.querySelector('.title').textContent === {title:?});
         return row !== undefined && !row.classList.contains('unread');"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn when_an_article_counts_as_read_is_the_readers_choice() {
    let long_read: String = (1..=60)
        .map(|n| format!("<p>Paragraph {n} of a story worth reading to the end.</p>"))
        .collect();
    let mut items = vec![
        item("One", 600, "<p>1</p>"),
        item("Two", 1_200, "<p>2</p>"),
        item("Three", 1_800, "<p>3</p>"),
        item("Four", 2_400, &long_read),
    ];
    items.extend(
        (1..=30).map(|n| item(&format!("Filler {n:02}"), 3_000 + n * 600, "<p>filler</p>")),
    );
    let server = feed_server(atom("Read Receipts", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_heading(&app, "Read Receipts").await;
    app.wait_until("Unread to count 34", &unread_count_is("Unread", 34))
        .await;

    // Only by hand: opening reads nothing; m does.
    choose_mark_read(&app, "manually").await;
    close_dialog(&app).await;
    app.click_text("section.list li button", "One").await;
    wait_for_reader(&app, "One").await;
    app.press('j').await;
    wait_for_reader(&app, "Two").await;
    app.press('m').await;
    app.wait_until("only Two read", &unread_count_is("Unread", 33))
        .await;
    let one_unread = app
        .client
        .execute(
            &format!("return !(() => {{ {} }})()", row_is_read("One")),
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        one_unread.as_bool(),
        Some(true),
        "One was read by opening it"
    );

    // After a second: the article on screen turns read by itself.
    choose_mark_read(&app, "afterDelay").await;
    app.client
        .execute(
            "const delay = document.querySelector('dialog[open] input[name=mark-read-delay]');
             delay.value = '1';
             delay.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    close_dialog(&app).await;
    app.press('j').await;
    wait_for_reader(&app, "Three").await;
    app.wait_until("Three read after a second", &row_is_read("Three"))
        .await;
    app.wait_until("Unread to count 32", &unread_count_is("Unread", 32))
        .await;

    // When scrolled past: reading to the end of the article counts…
    choose_mark_read(&app, "onScrollPast").await;
    close_dialog(&app).await;
    app.press('j').await;
    wait_for_reader(&app, "Four").await;
    assert!(app.texts("section.list li.selected.unread").await.len() == 1);
    app.client
        .execute(
            "const reader = document.querySelector('main.reader'); reader.scrollTop = reader.scrollHeight;",
            vec![],
        )
        .await
        .unwrap();
    app.wait_until("Four read at its end", &row_is_read("Four"))
        .await;
    app.wait_until("Unread to count 31", &unread_count_is("Unread", 31))
        .await;

    // …and so do rows scrolled out of the top of the list: One and Filler 01–06.
    app.client
        .execute(
            "const list = document.querySelector('[data-testid=article-scroller]');
             const row = list.querySelector('li').getBoundingClientRect().height;
             list.scrollTop = row * 10;",
            vec![],
        )
        .await
        .unwrap();
    app.wait_until(
        "the rows scrolled past to be read",
        &unread_count_is("Unread", 24),
    )
    .await;
    // The list stays where it was scrolled to; marking rows does not pull it back to the selection.
    let stayed = app
        .client
        .execute(
            "const list = document.querySelector('[data-testid=article-scroller]');
             return list.scrollTop >= list.querySelector('li').getBoundingClientRect().height * 10 - 1;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        stayed.as_bool(),
        Some(true),
        "the list jumped back to the selection"
    );
    app.quit().await;
}
