//! End to end: an article bookmarked while its pictures cannot be reached — before a flight, say —
//! says so, and its pictures arrive by themselves once the network is back: after the app was
//! quit and started again with no action from the person, and, with the article on screen, as
//! soon as something reaches the network. Needs an X display
//! (`xvfb-run -a cargo test --test app app_pending_work::`).

use std::net::SocketAddr;
use std::path::Path;
use std::time::Instant;

use fantoccini::Locator;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::header;
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;

use crate::support::{App, Driver, PATIENCE, Sandbox};

const PAGE: &str = "/world/putin-kim.html";
const PICTURE: &str = "/world/img/putin-kim.png";

/// The news site at `addr`: a feed whose article leads with a picture, and the article's page.
async fn news_site(seed: &SeedArticle, addr: SocketAddr) -> TestServer {
    let feed = seed.feed_xml(&format!("http://{addr}{PAGE}"));
    let page = seed.news_page();
    let picture = tidings_testkit::png(640, 360, [40, 90, 160]);
    let routes = Router::new()
        .route("/world/feed.xml", get(move || async move { feed }))
        .route(PAGE, get(move || async move { Html(page) }))
        .route(
            PICTURE,
            get(move || async move { ([(header::CONTENT_TYPE, "image/png")], picture) }),
        );
    TestServer::start_at(addr, routes).await
}

fn free_address() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

/// Whether the library file holds `url`'s picture, and how much work is still pending.
fn kept_and_pending(db: &Path, url: &str) -> (bool, i64) {
    let db = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let kept = db
        .query_row(
            "SELECT count(*) FROM image_sources s JOIN images i ON i.hash = s.hash WHERE s.url = ?1",
            [url],
            |row| row.get::<_, i64>(0),
        )
        .unwrap();
    let pending = db
        .query_row("SELECT count(*) FROM pending_work", [], |row| row.get(0))
        .unwrap();
    (kept == 1, pending)
}

async fn wait_for_offline_mark(app: &App, text: &str) {
    app.wait_for_text(
        &format!("the reader to say {text:?}"),
        "main [data-testid=offline]",
        &format!("text === {text:?}"),
    )
    .await;
}

/// Every picture in the article on screen (at least one) was decoded: it really is there.
const EVERY_PICTURE_SHOWS: &str = "
    const pictures = [...document.querySelectorAll('main article .content img')];
    return pictures.length > 0 && pictures.every((img) => img.complete && img.naturalWidth > 0);";

async fn open_bookmarked(app: &App, title: &str) {
    app.click_text("ul.views button", "Bookmarks").await;
    app.click_text("section.list li button", title).await;
    app.wait_for(Locator::XPath(&format!("//main//h1[.='{title}']")))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pictures_of_an_article_bookmarked_offline_arrive_by_themselves_when_the_network_is_back() {
    let seed = SeedArticle::load();
    let addr = free_address();
    let picture = format!("http://{addr}{PICTURE}");
    let mut site = news_site(&seed, addr).await;
    let sandbox = Sandbox::new();
    let db = sandbox.database();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&site.url("/world/feed.xml")).await;
    app.wait_for(Locator::XPath(&format!(
        "//section[contains(@class,'list')]//li//button[contains(.,{:?})]",
        seed.title
    )))
    .await;

    // The network goes away; the article is opened and bookmarked all the same.
    site.shut_down().await;
    app.click_text("section.list li button", &seed.title).await;
    app.wait_for(Locator::Css("main article h1")).await;
    app.click_text("div.toolbar button", "Bookmark").await;
    wait_for_offline_mark(&app, "Pictures will be kept when you are back online").await;
    assert_eq!(kept_and_pending(&db, &picture), (false, 1));

    // The person quits; the network comes back; the app starts again.
    app.quit().await;
    let _site = news_site(&seed, addr).await;
    let app = driver.launch().await;
    let deadline = Instant::now() + PATIENCE;
    while kept_and_pending(&db, &picture) != (true, 0) {
        assert!(Instant::now() < deadline, "the picture never arrived");
        // A poll with a deadline; the file is read, not the app asked.
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    open_bookmarked(&app, &seed.title).await;
    wait_for_offline_mark(&app, "✓ Available offline").await;
    app.wait_until("the picture to show", EVERY_PICTURE_SHOWS)
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_article_on_screen_shows_its_pictures_once_a_refresh_finds_the_network() {
    let seed = SeedArticle::load();
    let addr = free_address();
    let mut site = news_site(&seed, addr).await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&site.url("/world/feed.xml")).await;
    site.shut_down().await;
    app.click_text("section.list li button", &seed.title).await;
    app.wait_for(Locator::Css("main article h1")).await;
    app.click_text("div.toolbar button", "Bookmark").await;
    wait_for_offline_mark(&app, "Pictures will be kept when you are back online").await;

    // Back online: a refresh reaches the feed, and the waiting pictures go at once, not at
    // their next turn; the reader shows them in place.
    let _site = news_site(&seed, addr).await;
    app.press('r').await;
    wait_for_offline_mark(&app, "✓ Available offline").await;
    app.wait_until("the picture to show", EVERY_PICTURE_SHOWS)
        .await;
    app.quit().await;
}
