//! End to end: tags in the real app — `t` on the article on screen, "Tags…" in a row's menu, a
//! tag in use offered again, a tag taken off, the tag's view in the sidebar with its articles,
//! the tags under the reader's title, and a search within the tag. Needs an X display
//! (`xvfb-run -a cargo test --test app app_tags::`).

use fantoccini::Locator;

use crate::support::reading::*;
use crate::support::stored;
use crate::support::{App, Driver, Sandbox};

/// The tags the open tags dialog lists for its article.
async fn wait_for_dialog_tags(app: &App, tags: &[&str]) {
    let script = format!(
        "return JSON.stringify([...document.querySelectorAll('[data-testid=article-tags] li > span')]
             .map((t) => t.textContent.trim())) === {:?}",
        serde_json::to_string(tags).unwrap()
    );
    app.wait_until(&format!("the dialog to list {tags:?}"), &script)
        .await;
}

/// Closes the tags dialog with its Done button.
async fn close_dialog(app: &App) {
    app.wait_for(Locator::XPath("//dialog[@open]//button[.='Done']"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_no_dialog().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tagged_articles_are_found_under_their_tag() {
    let items = [
        item(
            "Harbour opens",
            60,
            "<p>The new harbour opens to ferries.</p>",
        ),
        item(
            "Ferry returns",
            120,
            "<p>The ferry returns to the harbour.</p>",
        ),
        item(
            "Tide tables",
            180,
            "<p>Spring tides in the harbour this week.</p>",
        ),
    ];
    let server = feed_server(atom("Harbour Post", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_rows(
        &app,
        "every article",
        &["Harbour opens", "Ferry returns", "Tide tables"],
    )
    .await;

    // t on the article on screen: two tags typed at once, one taken off again.
    app.press('j').await;
    wait_for_reader(&app, "Harbour opens").await;
    app.press('t').await;
    app.submit_dialog("Ferries,  to read").await;
    wait_for_dialog_tags(&app, &["Ferries", "to read"]).await;
    app.wait_for(Locator::Css("button[aria-label='Remove the tag to read']"))
        .await
        .click()
        .await
        .unwrap();
    wait_for_dialog_tags(&app, &["Ferries"]).await;
    close_dialog(&app).await;
    app.wait_for_text(
        "the reader to show its tag",
        "[data-testid=reader-tags]",
        "text === 'Ferries'",
    )
    .await;

    // "Tags…" in another row's menu offers the tag in use, in whatever case it was typed.
    app.article_menu("Ferry returns").await;
    app.pick("Tags…").await;
    app.wait_for(Locator::XPath(
        "//dialog[@open]//*[contains(@class,'suggestions')]/button[.='Ferries']",
    ))
    .await
    .click()
    .await
    .unwrap();
    wait_for_dialog_tags(&app, &["Ferries"]).await;
    close_dialog(&app).await;

    // The sidebar's tag lists both; "to read" is gone with its only article.
    app.wait_for(Locator::XPath(
        "//ul[@data-testid='tags']//button[.//span[contains(@class,'name')]='Ferries']",
    ))
    .await
    .click()
    .await
    .unwrap();
    wait_for_heading(&app, "Ferries").await;
    wait_for_rows(
        &app,
        "the tagged articles",
        &["Harbour opens", "Ferry returns"],
    )
    .await;
    app.wait_until(
        "the sidebar to list only Ferries",
        "return [...document.querySelectorAll('[data-testid=tags] .name')].map((n) => n.textContent).join() === 'Ferries'",
    )
    .await;

    app.press('j').await;
    wait_for_reader(&app, "Harbour opens").await;
    photograph(&app, "tags.png").await;

    // Searching there looks within the tag (all articles would be three).
    let search = app.wait_for(Locator::Css("#search-field")).await;
    search.send_keys("harbour").await.unwrap();
    let scope = app
        .wait_for(Locator::Css("select[aria-label='Where to search']"))
        .await;
    scope.select_by_value("here").await.unwrap();
    app.wait_for_text(
        "results within the tag",
        "[data-search-results] p.status",
        "text === '2 articles in Ferries'",
    )
    .await;

    let db = sandbox.database();
    assert_eq!(stored::count(&db, "article_tags"), 2);
    assert_eq!(stored::count(&db, "tags WHERE name = 'Ferries'"), 1);
    app.quit().await;
}
