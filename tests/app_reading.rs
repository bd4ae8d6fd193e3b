//! End to end: the reading experience in the real app. The first-run welcome, the keyboard
//! (j/k, n/p, Space, o, v, b, m, g-sequences, ?, /), search as you type with its highlights,
//! scopes and filters, "mark all read" and "mark older than" with Undo, sorting and unread-only.
//! Needs an X display (`xvfb-run -a cargo test --test app app_reading::`).

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::support::reading::*;
use crate::support::{Driver, Sandbox};

#[tokio::test(flavor = "multi_thread")]
async fn first_run_keyboard_and_search() {
    let long_read: String = (1..=60)
        .map(|n| format!("<p>Paragraph {n} of a long read about delta wings and their makers.</p>"))
        .collect();
    let items = [
        item("Alpha arrives", 3_600, "<p>The first story.</p>"),
        item("Bravo briefs", 7_200, "<p>The second story.</p>"),
        item("Charlie checks", 10_800, "<p>The third story.</p>"),
        item("Delta long read", 14_400, &long_read),
        Item {
            link: Some("https://news.example/echo.html".to_string()),
            ..item(
                "Echo explores the zeppelin hangar",
                18_000,
                "<p>Inside the old hangar.</p>",
            )
        },
        item(
            "Foxtrot tales",
            21_600,
            "<p>Stories of the zeppelin &lt;script&gt;alert(1)&lt;/script&gt; era.</p>",
        ),
    ];
    let server = feed_server(atom("Phonetic News", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // First run: the welcome says what to do, with nothing on the network.
    app.wait_for_text(
        "the first-run welcome",
        "main.welcome",
        "text.includes('Add a feed') && text.includes('Import OPML') && text.includes('Save a page')",
    )
    .await;
    assert!(server.requests().is_empty());
    photograph(&app, "first-run.png").await;
    app.click_text("main.welcome button", "Add a feed").await;
    app.answer_dialog(&server.url("/feed.xml")).await;
    wait_for_heading(&app, "Phonetic News").await;
    wait_for_rows(
        &app,
        "the feed's six articles",
        &[
            "Alpha arrives",
            "Bravo briefs",
            "Charlie checks",
            "Delta long read",
            "Echo explores the zeppelin hangar",
            "Foxtrot tales",
        ],
    )
    .await;
    app.wait_until("Unread to count 6", &unread_count_is("Unread", 6))
        .await;

    // j and k step through the list; opening marks read.
    app.press('j').await;
    wait_for_reader(&app, "Alpha arrives").await;
    app.press('j').await;
    wait_for_reader(&app, "Bravo briefs").await;
    app.press('k').await;
    wait_for_reader(&app, "Alpha arrives").await;
    app.wait_until("Unread to count 4", &unread_count_is("Unread", 4))
        .await;

    // n skips what was read; m marks unread again; p goes back to it.
    app.press('n').await;
    wait_for_reader(&app, "Charlie checks").await;
    app.press('m').await;
    app.wait_for(Locator::Css("li.selected.unread")).await;
    app.press('j').await;
    wait_for_reader(&app, "Delta long read").await;
    app.press('p').await;
    wait_for_reader(&app, "Charlie checks").await;
    app.press('j').await;
    wait_for_reader(&app, "Delta long read").await;

    // Space pages through the long article, then moves on to the next unread one.
    app.wait_for(Locator::Css("main article h1"))
        .await
        .click()
        .await
        .unwrap();
    app.press(' ').await;
    app.wait_until(
        "Space to page down",
        "return document.querySelector('main.reader').scrollTop > 100",
    )
    .await;
    for _ in 0..40 {
        let before: f64 = app
            .client
            .execute(
                "return document.querySelector('main.reader').scrollTop",
                vec![],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        app.press(' ').await;
        let script = format!(
            "return document.querySelector('main article h1')?.textContent !== 'Delta long read'
                || document.querySelector('main.reader').scrollTop !== {before}"
        );
        app.wait_until("Space to page or move on", &script).await;
        let title = app.texts("main article h1").await;
        if title != ["Delta long read"] {
            break;
        }
    }
    wait_for_reader(&app, "Echo explores the zeppelin hangar").await;

    // v opens it in the browser; b bookmarks it.
    app.press('v').await;
    sandbox
        .wait_until_opened_in_browser("https://news.example/echo.html")
        .await;
    app.press('b').await;
    app.wait_for(Locator::Css("div.toolbar button[aria-pressed='true']"))
        .await;

    // g b, g u, g a jump between views; o opens the first row of a view.
    app.press('g').await;
    app.press('b').await;
    wait_for_heading(&app, "Bookmarks").await;
    wait_for_rows(&app, "the bookmark", &["Echo explores the zeppelin hangar"]).await;
    app.press('g').await;
    app.press('u').await;
    wait_for_heading(&app, "Unread").await;
    wait_for_rows(&app, "the one unread article", &["Foxtrot tales"]).await;
    app.press('o').await;
    wait_for_reader(&app, "Foxtrot tales").await;
    app.press('m').await;
    app.wait_for(Locator::Css("li.selected.unread")).await;
    app.press('g').await;
    app.press('a').await;
    wait_for_heading(&app, "All articles").await;
    assert_eq!(row_titles(&app).await.len(), 6);

    // ? shows every shortcut; Escape closes it.
    app.press('?').await;
    app.wait_for_text(
        "the shortcut sheet",
        "dialog[open]",
        "text.includes('Keyboard shortcuts') && text.includes('Shift+A') && text.includes('g then u')",
    )
    .await;
    press_key(&app, Key::Escape).await;
    app.wait_for_no_dialog().await;

    // / goes to the search field; results come as you type, the words marked, markup as text.
    app.press('/').await;
    app.wait_until(
        "the search field to have focus",
        "return document.activeElement?.id === 'search-field'",
    )
    .await;
    let field = app.wait_for(Locator::Css("#search-field")).await;
    field.send_keys("zeppelin").await.unwrap();
    app.wait_until(
        "two results",
        "return document.querySelectorAll('[data-search-results] li').length === 2",
    )
    .await;
    let marks = app.texts("[data-search-results] mark").await;
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m.eq_ignore_ascii_case("zeppelin")),
        "{marks:?}"
    );
    app.wait_until(
        "the snippet to show the markup as text",
        "const foxtrot = [...document.querySelectorAll('[data-search-results] li')]
             .find((li) => li.querySelector('.title').textContent === 'Foxtrot tales');
         return foxtrot?.querySelector('.snippet').textContent.includes('<script>alert(1)</script>') === true;",
    )
    .await;
    photograph(&app, "search.png").await;
    let injected = app
        .client
        .execute(
            "return document.querySelectorAll('[data-search-results] script, [data-search-results] img').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected.as_u64(), Some(0));

    // Scopes and filters narrow the results.
    app.wait_for(Locator::Css(
        "select[aria-label='Where to search'] option[value='bookmarks']",
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_until(
        "only the bookmark",
        "const titles = [...document.querySelectorAll('[data-search-results] li .title')].map((t) => t.textContent);
         return titles.length === 1 && titles[0].startsWith('Echo');",
    )
    .await;
    app.wait_for(Locator::Css(
        "select[aria-label='Where to search'] option[value='all']",
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_until(
        "both again",
        "return document.querySelectorAll('[data-search-results] li').length === 2",
    )
    .await;
    let read_echo = app
        .wait_for(Locator::Css("div.search input[type=checkbox]"))
        .await;
    read_echo.click().await.unwrap();
    app.wait_until(
        "only the unread result",
        "const titles = [...document.querySelectorAll('[data-search-results] li .title')].map((t) => t.textContent);
         return titles.length === 1 && titles[0] === 'Foxtrot tales';",
    )
    .await;

    // Nothing found says what was searched, and where; Escape gives the list back.
    let field = app.wait_for(Locator::Css("#search-field")).await;
    field.clear().await.unwrap();
    field.send_keys("quetzalcoatl").await.unwrap();
    app.wait_for_text(
        "the empty search to say what and where",
        "[data-search-results] .status",
        "text === 'No results for “quetzalcoatl” in all articles (unread).'",
    )
    .await;
    field.send_keys(&Key::Escape.to_string()).await.unwrap();
    wait_for_heading(&app, "All articles").await;
    assert_eq!(row_titles(&app).await.len(), 6);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn mark_all_read_with_undo_sorting_and_unread_only() {
    const DAY: i64 = 86_400;
    let items = [
        item("Fresh one", 3_600, "<p>1</p>"),
        item("Fresh two", 7_200, "<p>2</p>"),
        item("Three days old", 3 * DAY, "<p>3</p>"),
        item("Ten days old", 10 * DAY, "<p>4</p>"),
        item("Twelve days old", 12 * DAY, "<p>5</p>"),
    ];
    let server = feed_server(atom("Mixed Ages", &items)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/feed.xml")).await;
    wait_for_heading(&app, "Mixed Ages").await;
    app.wait_until("Unread to count 5", &unread_count_is("Unread", 5))
        .await;

    // Older than a day: three marked, with an Undo that puts them back.
    app.click_text("section.list button", "Mark read").await;
    app.pick("Mark older than a day read").await;
    app.wait_for_text(
        "the toast",
        ".notice",
        "text.includes('Marked 3 articles read.') && text.includes('Undo')",
    )
    .await;
    app.wait_until("Unread to count 2", &unread_count_is("Unread", 2))
        .await;
    assert_eq!(app.texts("section.list li.unread").await.len(), 2);
    app.click_text(".notice button", "Undo").await;
    app.wait_until("Unread to count 5 again", &unread_count_is("Unread", 5))
        .await;
    app.wait_until(
        "every row unread again",
        "return document.querySelectorAll('section.list li.unread').length === 5",
    )
    .await;

    // Shift+A: everything, no confirmation, Undo in the toast.
    app.press('A').await;
    app.wait_for_text(
        "the toast",
        ".notice",
        "text.includes('Marked 5 articles read.')",
    )
    .await;
    app.wait_until("Unread to count 0", &unread_count_is("Unread", 0))
        .await;
    app.click_text(".notice button", "Undo").await;
    app.wait_until("Unread to count 5 again", &unread_count_is("Unread", 5))
        .await;

    // Left alone (the pointer away from it), the Undo goes by itself after 10 seconds; what was
    // marked stays marked.
    app.move_pointer_away().await;
    app.press('A').await;
    app.wait_for_text("the toast", ".notice", "text.includes('Undo')")
        .await;
    app.wait_until(
        "the toast to go by itself",
        "return document.querySelector('.notice') === null",
    )
    .await;
    app.wait_until("Unread to count 0", &unread_count_is("Unread", 0))
        .await;

    // Oldest first, and back; "Unread only" hides what was read.
    app.click_text("section.list button", "Newest first").await;
    wait_for_rows(
        &app,
        "oldest first",
        &[
            "Twelve days old",
            "Ten days old",
            "Three days old",
            "Fresh two",
            "Fresh one",
        ],
    )
    .await;
    app.click_text("section.list button", "Oldest first").await;
    app.wait_until(
        "newest first",
        "return document.querySelector('section.list li .title')?.textContent === 'Fresh one'",
    )
    .await;
    app.click_text("section.list button", "Unread only").await;
    app.wait_for_text(
        "the empty unread-only list",
        "section.list .empty",
        "text === 'Nothing unread here.'",
    )
    .await;
    app.click_text("section.list button", "Unread only").await;
    wait_for_rows(
        &app,
        "every article again",
        &[
            "Fresh one",
            "Fresh two",
            "Three days old",
            "Ten days old",
            "Twelve days old",
        ],
    )
    .await;
    app.quit().await;
}
