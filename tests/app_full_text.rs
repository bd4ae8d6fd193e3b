//! End to end: full articles for feeds that carry only a line of each story. Turning *Read full
//! articles* on reads the unread articles already there, in the background (the article on
//! screen shows its full text when it arrives); *Load full text* reads one article on its own. Needs an X display
//! (`xvfb-run -a cargo test --test app app_full_text::`).

use fantoccini::Locator;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{HeaderMap, header};
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;

use crate::support::menus::feed_row;
use crate::support::{App, Driver, Sandbox};

/// A feed called `title` under `/{slug}/feed.xml` with two stories that carry one line each,
/// whose pages (`/{slug}/story-N.html`) hold the seed article in full.
fn summary_feed(title: &str, slug: &str, host: &str) -> String {
    let items: String = (1..=2)
        .map(|n| {
            format!(
                "<item><guid>{slug}-{n}</guid><title>{title} story {n}</title>
                 <link>http://{host}/{slug}/story-{n}.html</link>
                 <pubDate>Tue, 25 Jun 2024 0{n}:00:00 GMT</pubDate>
                 <description>Only a line about story {n}.</description></item>"
            )
        })
        .collect();
    format!(r#"<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>"#)
}

fn site(seed: &SeedArticle) -> Router {
    let page = seed.news_page();
    let host = |headers: &HeaderMap| headers[header::HOST].to_str().unwrap().to_string();
    Router::new()
        .route(
            "/brief/feed.xml",
            get(move |headers: HeaderMap| async move {
                summary_feed("Briefs", "brief", &host(&headers))
            }),
        )
        .route(
            "/digest/feed.xml",
            get(move |headers: HeaderMap| async move {
                summary_feed("Digest", "digest", &host(&headers))
            }),
        )
        .route(
            "/{section}/{story}",
            get(move || {
                let page = page.clone();
                async move { Html(page) }
            }),
        )
}

async fn open_article(app: &App, title: &str) {
    app.click_text("section.list li button", title).await;
    app.wait_for(Locator::XPath(&format!("//main//h1[.='{title}']")))
        .await;
}

/// Waits until the article on screen holds the seed story's last paragraph: read in full.
async fn wait_for_full_text(app: &App, seed: &SeedArticle, what: &str) {
    let last = &seed.paragraphs.last().unwrap()[..40];
    app.wait_for_text(
        &format!("{what} in full"),
        "main .content",
        &format!("text.includes({last:?})"),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unread_articles_are_read_in_full_when_a_feed_is_turned_and_one_on_request() {
    let seed = SeedArticle::load();
    let server = TestServer::start(site(&seed)).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // Two summary feeds; the second story of Briefs is read before anything changes.
    app.add_feed(&server.url("/digest/feed.xml")).await;
    app.add_feed(&server.url("/brief/feed.xml")).await;
    open_article(&app, "Briefs story 2").await;
    app.wait_for_text(
        "the feed's one line",
        "main .content",
        "text === 'Only a line about story 2.'",
    )
    .await;

    // Read full articles: the unread one already there is read in the background.
    app.open_row_menu(&feed_row("Briefs")).await;
    app.pick("Read full articles").await;
    open_article(&app, "Briefs story 1").await;
    wait_for_full_text(&app, &seed, "the unread story").await;
    open_article(&app, "Briefs story 2").await;
    app.wait_for_text(
        "the read story as it was",
        "main .content",
        "text === 'Only a line about story 2.'",
    )
    .await;

    // Load full text, on one article of the other feed.
    app.click_text("ul.views button", "All articles").await;
    open_article(&app, "Digest story 1").await;
    app.click_text("div.toolbar button", "Load full text").await;
    wait_for_full_text(&app, &seed, "the story asked for").await;
    app.wait_until(
        "the offer to go once read",
        "return ![...document.querySelectorAll('.toolbar button')].some((b) => b.textContent.includes('Load full text'))",
    )
    .await;
    open_article(&app, "Digest story 2").await;
    app.wait_for_text(
        "the other story as it was",
        "main .content",
        "text === 'Only a line about story 2.'",
    )
    .await;
    app.quit().await;
}
