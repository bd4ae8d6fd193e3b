//! End to end: the reading experience in the real app. The first-run welcome, the keyboard
//! (j/k, n/p, Space, o, v, b, m, g-sequences, ?, /), search as you type with its highlights,
//! scopes and filters, "mark all read" and "mark older than" with Undo, sorting and unread-only,
//! and the themes — each photographed — with typography and pane widths kept in the database.
//! Needs an X display (`xvfb-run -a cargo test --test app_reading`).

// Each test binary uses a different part of the shared harness.
#[allow(dead_code)]
mod support;

use fantoccini::Locator;
use fantoccini::key::Key;
use support::{App, Driver, Sandbox};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;

/// One feed item: title, seconds before now, link, HTML body (escaped into the XML here).
struct Item {
    title: String,
    age_secs: i64,
    link: Option<String>,
    body: String,
}

fn item(title: &str, age_secs: i64, body: &str) -> Item {
    Item {
        title: title.to_string(),
        age_secs,
        link: None,
        body: body.to_string(),
    }
}

/// An Atom feed of `items`, dated relative to now.
fn atom(title: &str, items: &[Item]) -> String {
    let now = tidings_core::now();
    let entries: String = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let link = item
                .link
                .as_ref()
                .map(|l| format!(r#"<link rel="alternate" href="{l}"/>"#))
                .unwrap_or_default();
            format!(
                r#"<entry><id>urn:reading:{i}</id><title>{}</title>{link}<updated>{}</updated><content type="html">{}</content></entry>"#,
                escape(&item.title),
                rfc3339(now - item.age_secs),
                escape(&item.body),
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:reading</id><updated>{}</updated>{entries}</feed>"#,
        rfc3339(now)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Unix seconds as an RFC 3339 UTC time (days to civil date: Howard Hinnant's algorithm).
fn rfc3339(secs: i64) -> String {
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

async fn feed_server(xml: String) -> TestServer {
    TestServer::start(Router::new().route(
        "/feed.xml",
        get(move || {
            let xml = xml.clone();
            async move { ([("content-type", "application/atom+xml")], xml) }
        }),
    ))
    .await
}

async fn wait_for_reader(app: &App, title: &str) {
    app.wait_for_text(
        &format!("the reader to show {title:?}"),
        "main article h1",
        &format!("text === {title:?}"),
    )
    .await;
}

async fn wait_for_heading(app: &App, heading: &str) {
    app.wait_for_text(
        &format!("the list of {heading:?}"),
        "section.list h1",
        &format!("text === {heading:?}"),
    )
    .await;
}

/// The titles of the article rows on screen, top to bottom.
async fn row_titles(app: &App) -> Vec<String> {
    let value = app
        .client
        .execute(
            "return [...document.querySelectorAll('section.list li .title')].map((t) => t.textContent.trim())",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

async fn wait_for_rows(app: &App, what: &str, titles: &[&str]) {
    let script = format!(
        "return JSON.stringify([...document.querySelectorAll('section.list li .title')].map((t) => t.textContent.trim())) === {:?}",
        serde_json::to_string(titles).unwrap()
    );
    app.wait_until(what, &script).await;
}

/// The unread count beside a smart view in the sidebar (0 when it shows none).
fn unread_count_is(view: &str, count: usize) -> String {
    format!(
        "const row = [...document.querySelectorAll('ul.views button.row')].find((b) => b.querySelector('.name').textContent === {view:?});
         const pill = row?.querySelector('.count');
         return (pill ? Number(pill.textContent.replace(/\\D/g, '')) : 0) === {count};"
    )
}

/// A screenshot in `target/e2e-artifacts/`; with `TIDINGS_UPDATE_SCREENSHOTS=1`, also in
/// `tests/screenshots/` for the README.
async fn photograph(app: &App, name: &str) {
    let shot = app.screenshot(name).await;
    eprintln!("screenshot: {}", shot.display());
    if std::env::var_os("TIDINGS_UPDATE_SCREENSHOTS").is_some() {
        let readme = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/screenshots")
            .join(name);
        std::fs::copy(&shot, readme).unwrap();
    }
}

async fn press_key(app: &App, key: Key) {
    app.press(key.into()).await;
}

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

    // The Undo goes away by itself after 10 seconds; what was marked stays marked.
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
    let body: String = seed
        .paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    let items = [
        item("A quiet morning in the archive", 3_600, "<p>Short.</p>"),
        item(&seed.title, 7_200, &body),
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
        app.wait_for(Locator::Css("button[aria-label='Reader settings']"))
            .await
            .click()
            .await
            .unwrap();
        app.wait_for(Locator::Css(&format!(
            "dialog[open] input[name=theme][value={theme}]"
        )))
        .await
        .click()
        .await
        .unwrap();
        app.wait_until(
            &format!("the {theme} theme"),
            &format!("return document.documentElement.dataset.theme === {theme:?}"),
        )
        .await;
        app.click_text("dialog button", "Done").await;
        app.wait_for_no_dialog().await;
        assert_eq!(background(&app).await, colour, "{theme}");
        photograph(&app, &format!("theme-{theme}.png")).await;
    }

    // Compact list, sans-serif type at 20 px, and a wider sidebar (moved with the keyboard).
    app.wait_for(Locator::Css("button[aria-label='Reader settings']"))
        .await
        .click()
        .await
        .unwrap();
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
    // A range input has no WebDriver gesture: set it as a drag would, then let go.
    app.client
        .execute(
            "const size = document.querySelector('dialog[open] input[name=reader-size]');
             size.value = '20';
             size.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    app.wait_until(
        "the reader at 20 px",
        "return getComputedStyle(document.querySelector('main article')).fontSize === '20px'",
    )
    .await;
    app.click_text("dialog button", "Done").await;
    app.wait_for_no_dialog().await;
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
