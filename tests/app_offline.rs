//! End to end: saving pages to read later and reading them with the network gone, in the real
//! app. The offline proof: a saved page and a bookmarked feed article open complete, pictures
//! included, after the server stopped and the app restarted — and the server's log shows that
//! every request came from the backend, never from the webview. Needs an X display
//! (`xvfb-run -a cargo test --test app app_offline::`).

use fantoccini::Locator;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::key::Key;
use serde_json::json;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{HeaderMap, header};
use tidings_testkit::axum::response::{Html, IntoResponse};
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;

use crate::support::menus::feed_row;
use crate::support::{App, Driver, Sandbox};

/// Where the saved copy of the seed story lives.
const SAVED_PAGE: &str = "/world/putin-kim.html";
/// Where the feed's item links to: the same story, its picture beside it under /news/img/.
const FEED_PAGE: &str = "/news/putin-kim.html";

fn png_response(bytes: Vec<u8>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "image/png")], bytes)
}

/// A news site: the seed story's page (for saving) and a feed carrying it (for bookmarking),
/// each with its own lead picture, so that both must be kept.
fn news_routes(seed: &SeedArticle) -> Router {
    let page = seed.news_page();
    let feed = seed.feed_xml("{PAGE_URL}");
    let saved_picture = tidings_testkit::png(640, 360, [180, 60, 40]);
    let feed_picture = tidings_testkit::png(640, 360, [40, 90, 160]);
    let feed_page = page.clone();
    Router::new()
        .route(SAVED_PAGE, get(move || async move { Html(page) }))
        .route(FEED_PAGE, get(move || async move { Html(feed_page) }))
        .route(
            "/world/img/putin-kim.png",
            get(move || async move { png_response(saved_picture) }),
        )
        .route(
            "/news/img/putin-kim.png",
            get(move || async move { png_response(feed_picture) }),
        )
        .route(
            "/news/feed.xml",
            // The item links to the page by absolute address, which needs the server's port.
            get(move |headers: HeaderMap| async move {
                let host = headers[header::HOST].to_str().unwrap().to_string();
                feed.replace("{PAGE_URL}", &format!("http://{host}{FEED_PAGE}"))
            }),
        )
}

async fn click_css(app: &App, css: &str) {
    app.wait_for(Locator::Css(css)).await.click().await.unwrap();
}

/// "Save a page…" from the sidebar's ⋯ menu.
async fn save_page(app: &App, address: &str) {
    click_css(app, "button[aria-label='More actions']").await;
    app.pick("Save a page…").await;
    app.answer_dialog(address).await;
}

/// Opens the article called `title` in the smart view called `view`.
async fn open_in_view(app: &App, view: &str, title: &str) {
    app.click_text("ul.views button", view).await;
    app.wait_for_text(
        &format!("the {view} list"),
        "section.list h1",
        &format!("text === {view:?}"),
    )
    .await;
    app.click_text("section.list li button", title).await;
    app.wait_for(Locator::XPath(&format!("//main//h1[.='{title}']")))
        .await;
}

async fn wait_until_available_offline(app: &App, what: &str) {
    app.wait_for_text(
        &format!("{what} to be available offline"),
        "main [data-testid=offline]",
        "text === '✓ Available offline'",
    )
    .await;
}

/// Every picture in the article on screen (at least one) was decoded: it really is there.
const EVERY_PICTURE_SHOWS: &str = "
    const pictures = [...document.querySelectorAll('main article .content img')];
    return pictures.length > 0 && pictures.every((img) => img.complete && img.naturalWidth > 0);";

async fn assert_reads_completely(app: &App, seed: &SeedArticle, what: &str) {
    app.wait_until(
        &format!("{what} to show its story"),
        "return document.querySelectorAll('main .content p').length > 5",
    )
    .await;
    let paragraphs = app.texts("main .content p").await;
    for paragraph in &seed.paragraphs {
        assert!(
            paragraphs.contains(paragraph),
            "{what} lacks {paragraph:?}: {paragraphs:?}"
        );
    }
    app.wait_until(
        &format!("every picture of {what} to show"),
        EVERY_PICTURE_SHOWS,
    )
    .await;
}

/// Privacy: every request the server saw came from the backend's HTTP client (its user agent,
/// no cookies, no Referer); none from the webview.
fn assert_only_the_backend_asked(server: &TestServer) {
    let requests = server.requests();
    assert!(!requests.is_empty());
    for request in &requests {
        assert!(
            request.user_agent.starts_with("Tidings/"),
            "the webview fetched {request:?}"
        );
        assert!(!request.had_cookie && !request.had_referer, "{request:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn saved_and_bookmarked_articles_read_offline_after_a_restart() {
    let seed = SeedArticle::load();
    let mut server = TestServer::start(news_routes(&seed)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // Save the seed page with the Save dialog: a toast names it.
    save_page(&app, &server.url(SAVED_PAGE)).await;
    app.wait_for_text(
        "the toast naming the saved page",
        ".notice",
        &format!("text.includes({:?})", format!("Saved “{}”", seed.title)),
    )
    .await;

    // Subscribe to the feed and bookmark its article.
    app.add_feed(&server.url("/news/feed.xml")).await;
    app.click_text("section.list li button", &seed.title).await;
    app.wait_for(Locator::Css("main article h1")).await;
    app.click_text("div.toolbar button", "Bookmark").await;
    app.wait_for(Locator::Css("li.selected [aria-label='Bookmarked']"))
        .await;
    wait_until_available_offline(&app, "the bookmarked article").await;
    open_in_view(&app, "Saved", &seed.title).await;
    wait_until_available_offline(&app, "the saved page").await;
    let seen = server.requests();
    for picture in ["/world/img/putin-kim.png", "/news/img/putin-kim.png"] {
        assert!(
            seen.iter().any(|r| r.path == picture),
            "{picture} was never fetched: {seen:?}"
        );
    }

    // The network goes away, and the app restarts.
    server.stop();
    app.quit().await;
    let app = driver.launch().await;

    // Both open complete: every paragraph and every picture.
    open_in_view(&app, "Saved", &seed.title).await;
    assert_reads_completely(&app, &seed, "the saved page").await;
    // The lead picture is at the top of the column, in view, for the README's screenshot.
    app.wait_until(
        "the lead picture to be in view",
        "const img = document.querySelector('main article .content img');
         const box = img.getBoundingClientRect();
         return box.top > 0 && box.bottom < window.innerHeight && box.width > 300;",
    )
    .await;
    let away = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: None,
        x: 1190.0,
        y: 790.0,
    });
    app.client.perform_actions(away).await.unwrap();
    let screenshot = app.screenshot("reader.png").await;
    eprintln!("reader screenshot: {}", screenshot.display());

    open_in_view(&app, "Bookmarks", &seed.title).await;
    assert_reads_completely(&app, &seed, "the bookmarked article").await;

    assert_only_the_backend_asked(&server);
    app.quit().await;
}

/// A feed whose one article has a picture above a long text: for "Load images" and scrolling.
fn gallery_feed() -> String {
    let text: String = (1..=40)
        .map(|i| format!("&lt;p&gt;Paragraph {i} of the launch report, long enough to fill a line or two of the reading column.&lt;/p&gt;"))
        .collect();
    format!(
        r#"<rss version="2.0"><channel><title>Launch Gallery</title>
        <item><guid>launch</guid><title>Pictures from the launch</title><link>/gallery/launch.html</link>
        <pubDate>Tue, 25 Jun 2024 08:00:00 GMT</pubDate>
        <description>&lt;p&gt;&lt;img src="/gallery/photo.png" alt="The rocket"&gt;&lt;/p&gt;{text}</description></item>
        </channel></rss>"#
    )
}

/// Drops a link on the article list the way a browser would: dragenter, dragover, drop, with
/// a DataTransfer holding a URI list (WebDriver cannot drag from outside the window).
async fn drop_link(app: &App, url: &str) {
    let script = "
        const url = arguments[0];
        const data = new DataTransfer();
        data.setData('text/uri-list', url);
        data.setData('text/plain', url);
        const target = document.querySelector('section.list');
        for (const type of ['dragenter', 'dragover', 'drop']) {
            let event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data });
            if (!event.dataTransfer) {
                event = new Event(type, { bubbles: true, cancelable: true });
                Object.defineProperty(event, 'dataTransfer', { value: data });
            }
            target.dispatchEvent(event);
            if (type === 'dragover' && !event.defaultPrevented) return 'the window refused the link';
        }
        return 'dropped';";
    let outcome = app.client.execute(script, vec![json!(url)]).await.unwrap();
    assert_eq!(outcome, json!("dropped"));
}

#[tokio::test(flavor = "multi_thread")]
async fn drop_a_link_save_with_s_load_images_on_click_and_read_in_full() {
    let seed = SeedArticle::load();
    let photo = tidings_testkit::png(800, 450, [30, 140, 80]);
    let server = TestServer::start(
        news_routes(&seed)
            .route("/gallery.xml", get(|| async { gallery_feed() }))
            .route(
                "/gallery/photo.png",
                get(move || async move { png_response(photo) }),
            ),
    )
    .await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // A link dropped on the window is saved; the toast names it and opens it.
    drop_link(&app, &server.url(SAVED_PAGE)).await;
    app.wait_for_text(
        "the toast naming the dropped page",
        ".notice",
        &format!("text.includes({:?})", format!("Saved “{}”", seed.title)),
    )
    .await;
    app.click_text(".notice button", "Open").await;
    app.wait_for_text("the Saved list", "section.list h1", "text === 'Saved'")
        .await;
    app.wait_for_text(
        "the saved page",
        "main article h1",
        &format!("text === {:?}", seed.title),
    )
    .await;

    // Images not kept offline load only on a click.
    click_css(&app, "button[aria-label='Settings']").await;
    click_css(
        &app,
        "dialog[open] input[name=remote-images][value=onClick]",
    )
    .await;
    app.click_text("dialog button", "Save").await;
    app.wait_for_no_dialog().await;
    app.add_feed(&server.url("/gallery.xml")).await;
    app.click_text("section.list li button", "Pictures from the launch")
        .await;
    app.wait_for(Locator::XPath(
        "//div[contains(@class,'toolbar')]//button[contains(.,'Load images')]",
    ))
    .await;
    assert!(
        !server
            .requests()
            .iter()
            .any(|r| r.path == "/gallery/photo.png"),
        "the picture was fetched before the click"
    );
    // Read on a little, then ask for the pictures: the reader stays where it was.
    let scrolled = app
        .client
        .execute(
            "const reader = document.querySelector('main.reader'); reader.scrollTop = 300; return reader.scrollTop;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(scrolled, json!(300));
    app.click_text("div.toolbar button", "Load images").await;
    app.wait_until("the picture to load", EVERY_PICTURE_SHOWS)
        .await;
    app.wait_until(
        "the offer to go, the place in the article kept",
        "return !document.querySelector('.toolbar .load') && document.querySelector('main.reader').scrollTop >= 300",
    )
    .await;

    // s saves the article on screen, and again takes it out of Saved.
    app.press('s').await;
    app.wait_for(Locator::Css("div.toolbar button.save[aria-pressed='true']"))
        .await;
    app.wait_for(Locator::Css("li.selected [aria-label='Saved']"))
        .await;
    wait_until_available_offline(&app, "the article saved with s").await;
    app.press('s').await;
    app.wait_for(Locator::Css(
        "div.toolbar button.save[aria-pressed='false']",
    ))
    .await;
    app.wait_until(
        "the row to lose its saved mark",
        "return document.querySelector(\"li.selected [aria-label='Saved']\") === null",
    )
    .await;

    // "Read full articles" in the feed's menu is an on/off item that remembers its state.
    let checked = |on: bool| {
        format!(
            "//*[@role='menu']//button[@role='menuitemcheckbox'][contains(.,'Read full articles')][@aria-checked='{on}']"
        )
    };
    for on in [true, false] {
        app.open_row_menu(&feed_row("Launch Gallery")).await;
        app.wait_for(Locator::XPath(&checked(!on))).await;
        app.pick("Read full articles").await;
        app.open_row_menu(&feed_row("Launch Gallery")).await;
        app.wait_for(Locator::XPath(&checked(on))).await;
        app.press(Key::Escape.chars().next().unwrap()).await;
        app.wait_until(
            "the menu to close",
            "return document.querySelector('[role=menu]') === null",
        )
        .await;
    }

    assert_only_the_backend_asked(&server);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_that_cannot_be_read_say_why_and_attachments_open_in_the_browser() {
    use std::sync::{Arc, Mutex};
    let episode = |n: u32| {
        format!(
            r#"<item><guid>ep{n}</guid><title>Episode {n}</title><link>/podcast/ep{n}.html</link>
            <pubDate>Tue, 25 Jun 2024 0{n}:00:00 GMT</pubDate>
            <description>&lt;p&gt;Show notes for episode {n}.&lt;/p&gt;</description>
            <enclosure url="/podcast/ep{n}.mp3" type="audio/mpeg" length="24400000"/></item>"#
        )
    };
    let podcast = |items: &str| {
        format!(r#"<rss version="2.0"><channel><title>The Podcast</title>{items}</channel></rss>"#)
    };
    let feed = Arc::new(Mutex::new(podcast(&episode(1))));
    let served = Arc::clone(&feed);
    // Every page but the feed is missing: the server answers 404.
    let server = TestServer::start(Router::new().route(
        "/podcast.xml",
        get(move || async move { served.lock().unwrap().clone() }),
    ))
    .await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // A page that cannot be read is kept as a link: the toast says so, the reader explains
    // calmly and offers the browser.
    let missing = server.url("/gone.html");
    save_page(&app, &missing).await;
    app.wait_for_text(
        "the toast saying it was kept as a link",
        ".notice",
        "text.startsWith('Saved as a link only:') && text.includes('404')",
    )
    .await;
    app.click_text(".notice button", "Open").await;
    app.wait_for_text("the note about the unreadable page",
        "main .link-only p",
        "text.startsWith(\"Tidings couldn't read this page:\") && text.includes('404') && text.endsWith('.')",
    )
    .await;
    app.click_text("main .link-only button", "Open in browser")
        .await;
    sandbox.wait_until_opened_in_browser(&missing).await;

    // An attachment is listed with its type and size, and opens in the browser.
    app.add_feed(&server.url("/podcast.xml")).await;
    app.click_text("section.list li button", "Episode 1").await;
    app.wait_for_text(
        "the attachment",
        "main .attachments li",
        "text.includes('ep1.mp3') && text.includes('MP3 audio · 24 MB')",
    )
    .await;
    app.click_text("main .attachments button", "ep1.mp3").await;
    sandbox
        .wait_until_opened_in_browser(&server.url("/podcast/ep1.mp3"))
        .await;

    // Read in full, a new episode whose page is missing shows the feed's notes, and says why.
    app.open_row_menu(&feed_row("The Podcast")).await;
    app.pick("Read full articles").await;
    *feed.lock().unwrap() = podcast(&format!("{}{}", episode(1), episode(2)));
    app.press('r').await;
    app.click_text("section.list li button", "Episode 2").await;
    app.wait_for_text("the note above the feed's summary",
        "main .summary-note p",
        "text.startsWith(\"Couldn't read the full article:\") && text.endsWith(\"Showing the feed's summary.\")",
    )
    .await;
    app.wait_for_text(
        "the feed's summary",
        "main .content",
        "text === 'Show notes for episode 2.'",
    )
    .await;
    app.screenshot("reader-notes.png").await;
    assert_only_the_backend_asked(&server);
    app.quit().await;
}
