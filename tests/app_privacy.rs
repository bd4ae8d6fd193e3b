//! End to end: reading is private. A tenth of the feed farm's feeds carry a 1×1 tracking pixel
//! in every item, as newsletters do, and its pages carry them too; opening those articles,
//! keeping them offline, saving a page and exporting them all must never fetch one — nor open an
//! article stored by an older Tidings with the pixel still in its HTML. The farm's own request
//! log is the proof. Needs an X display (`xvfb-run -a cargo test --test app app_privacy::`).

use serde_json::Value;
use tidings_core::export::{ExportFormat, ExportSelection};
use tidings_core::store::{FeedUpdate, NewArticle, Store};
use tidings_testkit::Farm;

use crate::support::{App, Driver, Sandbox};

/// What the farm logged for the request prefixes `prefixes` (`pixel`, `images`, …).
fn logged(farm: &Farm, prefixes: &str) -> Vec<Value> {
    let body = farm
        .get(&format!("/admin/requests?since=0&prefix={prefixes}"))
        .unwrap();
    let log: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        log["truncated"],
        Value::Bool(false),
        "the log lost requests"
    );
    log["requests"].as_array().unwrap().clone()
}

/// The first of the farm's feeds whose items carry its tracking pixel.
fn feed_with_pixels(farm: &Farm) -> String {
    // newsboat's list: an address and its tags on each line.
    let list = String::from_utf8(farm.get("/urls?count=30").unwrap()).unwrap();
    list.lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(|url| format!("/feeds/{}", url.rsplit("/feeds/").next().unwrap()))
        .find(|path| {
            let feed = farm.get(path).unwrap();
            String::from_utf8_lossy(&feed).contains("/pixel.gif?feed=")
        })
        .expect("a feed with tracking pixels among the farm's 30")
}

/// An article as an older Tidings stored it, before pixels were dropped: a picture and a pixel.
fn store_an_old_article(sandbox: &Sandbox, farm: &Farm) {
    let db = sandbox.database();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let html = format!(
        r#"<p>Last year's letter.</p><p><img src="{}" alt="The harbour"></p><img src="{}" width="1" height="1" alt="">"#,
        farm.url("/site/0/img/old-harbour.png"),
        farm.url("/pixel.gif?feed=old&amp;item=1"),
    );
    let article = NewArticle {
        identity: "old-letter".into(),
        guid: Some("old-letter".into()),
        url: Some(farm.url("/site/0/old-letter.html")),
        title: "Last year's letter".into(),
        author: None,
        content_html: html,
        content_text: "Last year's letter.".into(),
        content_hash: vec![1],
        published_at: Some(tidings_core::now() - 86_400),
        updated_at: None,
        enclosures_json: None,
        lead_image: None,
        word_count: Some(3),
        extract_error: None,
    };
    let update = FeedUpdate {
        title: "Old Letters".into(),
        articles: vec![article],
        ..Default::default()
    };
    let now = tidings_core::now();
    // Not due for a day: the app has no reason to fetch its (missing) feed.
    Store::open(&db)
        .unwrap()
        .insert_feed(&farm.url("/feeds/old.rss"), &update, now + 86_400, now)
        .unwrap();
}

/// Every picture in the article on screen has loaded or failed: anything it was going to fetch,
/// it has asked for.
const PICTURES_SETTLED: &str = "
    return [...document.querySelectorAll('main article .content img')].every((img) => img.complete);";

async fn read(app: &App, title: &str) {
    app.click_text("section.list li button", title).await;
    crate::support::reading::wait_for_reader(app, title).await;
    app.wait_until(&format!("the pictures of {title:?}"), PICTURES_SETTLED)
        .await;
}

async fn keep_offline(app: &App, what: &str) {
    app.click_text("div.toolbar button", "Bookmark").await;
    app.wait_for_text(
        &format!("{what} to be available offline"),
        "main [data-testid=offline]",
        "text === '✓ Available offline'",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reading_keeping_saving_and_exporting_never_fetch_a_tracking_pixel() {
    let work = tempfile::tempdir().unwrap();
    let farm = Farm::start_local_site(30, 6, work.path()).unwrap();
    let newsletter = feed_with_pixels(&farm);
    let sandbox = Sandbox::new();
    store_an_old_article(&sandbox, &farm);
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;

    // Three articles of a feed whose every item carries a pixel, one of them kept offline.
    app.add_feed(&farm.url(&newsletter)).await;
    app.wait_until(
        "the newsletter's articles",
        "return document.querySelectorAll('section.list li .title').length >= 3",
    )
    .await;
    let titles = crate::support::reading::row_titles(&app).await;
    for title in &titles[..3] {
        read(&app, title).await;
    }
    keep_offline(&app, "the newsletter's article").await;

    // The article an older version stored, pixel and all, read and kept offline.
    app.click_text("li.feed button", "Old Letters").await;
    crate::support::reading::wait_for_heading(&app, "Old Letters").await;
    read(&app, "Last year's letter").await;
    keep_offline(&app, "the old article").await;

    // The seed story's page, saved: the farm puts a pixel in its text and one in its footer.
    app.save_page(&farm.url("/site/seed/putin-kim.html")).await;
    app.click_text(".notice button", "Open").await;
    app.wait_for_text("the Saved list", "section.list h1", "text === 'Saved'")
        .await;
    app.wait_until("the saved page's pictures", PICTURES_SETTLED)
        .await;
    app.wait_for_text(
        "the saved page to be available offline",
        "main [data-testid=offline]",
        "text === '✓ Available offline'",
    )
    .await;
    app.quit().await;

    // Exported as HTML, pictures inside. (The app's Export asks for a folder with the system's
    // dialog, which WebDriver cannot reach; this is the export it then runs, on its library.)
    let folder = tempfile::tempdir().unwrap();
    let report = tidings_core::Library::open(&sandbox.database())
        .unwrap()
        .export(
            ExportSelection::BookmarksAndSaved,
            ExportFormat::Html,
            folder.path(),
        )
        .await
        .unwrap();
    assert_eq!(report.written.len(), 3, "{report:?}");
    for file in &report.written {
        let html = std::fs::read_to_string(file).unwrap();
        assert!(!html.contains("pixel.gif"), "{}", file.display());
    }

    // Pictures came from the farm; not one pixel did.
    assert!(
        logged(&farm, "images").len() >= 2,
        "no picture was fetched: the proof proves nothing"
    );
    assert_eq!(logged(&farm, "pixel"), Vec::<Value>::new());
}
