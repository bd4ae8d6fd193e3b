//! End to end: an article's own menu, from a right-click on its row or in the reader — read and
//! unread, everything above or below it read (in the order on screen, with Undo), bookmark,
//! open in the browser, copy its link, export — and no WebKit menu (Back, Reload, Inspect)
//! anywhere else. Needs an X display (`xvfb-run -a cargo test --test app app_article_menu::`).

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::support::reading::*;
use crate::support::{App, Driver, Sandbox};

/// Newest first, an hour apart, each with its own page.
const TITLES: [&str; 5] = ["Newest", "Second", "Middle", "Fourth", "Oldest"];

fn link(title: &str) -> String {
    format!("https://harbour.example/{}", title.to_lowercase())
}

async fn wait_for_unread_rows(app: &App, what: &str, titles: &[&str]) {
    let script = format!(
        "return JSON.stringify([...document.querySelectorAll('section.list li.unread .title')].map((t) => t.textContent.trim())) === {:?}",
        serde_json::to_string(titles).unwrap()
    );
    app.wait_until(what, &script).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_articles_menu_does_what_it_says_and_webkits_stays_away() {
    let items: Vec<Item> = TITLES
        .iter()
        .enumerate()
        .map(|(i, title)| Item {
            link: Some(link(title)),
            ..item(
                title,
                3_600 * (i as i64 + 1),
                &format!("<p>{title} body.</p>"),
            )
        })
        .collect();
    let server = feed_server(atom("Harbour Log", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_rows(&app, "every article", &TITLES).await;

    // Where the app has no menu of its own, WebKit's does not show either.
    app.client
        .execute(
            "window.addEventListener('contextmenu', (e) => { window.systemMenuRefused = e.defaultPrevented; });",
            vec![],
        )
        .await
        .unwrap();
    let heading = app.wait_for(Locator::Css("section.list h1")).await;
    app.right_click(&heading).await;
    app.wait_until(
        "WebKit's menu to be refused",
        "return window.systemMenuRefused === true",
    )
    .await;

    // Everything above Middle, then everything below it, each with its Undo.
    app.article_menu("Middle").await;
    app.pick("Mark above read").await;
    wait_for_unread_rows(&app, "the two above read", &["Middle", "Fourth", "Oldest"]).await;
    app.wait_for_text(
        "the toast",
        ".notice",
        "text.includes('Marked 2 articles read.')",
    )
    .await;
    app.wait_until("Unread to count 3", &unread_count_is("Unread", 3))
        .await;
    app.click_text(".notice button", "Undo").await;
    wait_for_unread_rows(&app, "all unread again", &TITLES).await;
    app.article_menu("Middle").await;
    app.pick("Mark below read").await;
    wait_for_unread_rows(&app, "the two below read", &["Newest", "Second", "Middle"]).await;

    // Oldest first, below is newer: below Second is only Newest.
    app.click_text("section.list button", "Newest first").await;
    wait_for_rows(
        &app,
        "oldest first",
        &["Oldest", "Fourth", "Middle", "Second", "Newest"],
    )
    .await;
    app.article_menu("Second").await;
    app.pick("Mark below read").await;
    wait_for_unread_rows(&app, "Newest read too", &["Middle", "Second"]).await;
    app.wait_until("Unread to count 2", &unread_count_is("Unread", 2))
        .await;

    // One row at a time: unread again, bookmarked, without opening it.
    app.article_menu("Oldest").await;
    app.pick("Mark unread").await;
    wait_for_unread_rows(&app, "Oldest unread", &["Oldest", "Middle", "Second"]).await;
    app.article_menu("Fourth").await;
    app.pick("Bookmark").await;
    app.wait_for(Locator::XPath(
        "//li[.//span[contains(@class,'title')]='Fourth']//*[@aria-label='Bookmarked']",
    ))
    .await;
    assert!(
        app.texts("main article h1").await.is_empty(),
        "nothing was opened"
    );

    // Its page in the browser, its export, its link.
    app.article_menu("Fourth").await;
    app.pick("Open in browser").await;
    sandbox.wait_until_opened_in_browser(&link("Fourth")).await;
    app.article_menu("Fourth").await;
    app.pick("Export…").await;
    app.wait_for_text(
        "the export dialog",
        "dialog[open] h2",
        "text === 'Export “Fourth”'",
    )
    .await;
    press_key(&app, Key::Escape).await;
    app.wait_for_no_dialog().await;
    app.article_menu("Fourth").await;
    app.pick("Copy link").await;
    app.wait_for_text("the toast", ".notice", "text.includes('Copied the link.')")
        .await;
    let field = app.wait_for(Locator::Css("#search-field")).await;
    field.click().await.unwrap();
    app.press_with_ctrl('v').await;
    app.wait_until(
        "the link to paste",
        &format!(
            "return document.querySelector('#search-field').value === {:?}",
            link("Fourth")
        ),
    )
    .await;
    press_key(&app, Key::Escape).await;

    // In the reader, the article on screen has the same menu.
    app.click_text("section.list li button", "Middle").await;
    wait_for_reader(&app, "Middle").await;
    wait_for_unread_rows(&app, "Middle read once open", &["Oldest", "Second"]).await;
    let body = app.wait_for(Locator::Css("main article .content p")).await;
    app.right_click(&body).await;
    app.wait_for(Locator::Css("[role=menu][aria-label='Actions for Middle']"))
        .await;
    app.pick("Mark unread").await;
    wait_for_unread_rows(&app, "Middle unread again", &["Oldest", "Middle", "Second"]).await;
    app.quit().await;
}
