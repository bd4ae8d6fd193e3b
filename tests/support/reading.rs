//! Feeds and checks shared by the reading tests (`app_reading`, `app_appearance`): a feed of
//! items dated relative to now, served over loopback, and what the list, reader and sidebar show.

use std::sync::{Arc, Mutex};

use fantoccini::key::Key;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

use super::App;

/// One feed item: title, seconds before now, link, HTML body (escaped into the XML here).
#[derive(Clone)]
pub struct Item {
    pub title: String,
    pub age_secs: i64,
    pub link: Option<String>,
    pub body: String,
}

/// The seed article as a feed's item two hours old, each of its paragraphs a `<p>`.
pub fn seed_item(seed: &tidings_testkit::seed::SeedArticle) -> Item {
    let body: String = seed
        .paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    item(&seed.title, 7_200, &body)
}

pub fn item(title: &str, age_secs: i64, body: &str) -> Item {
    Item {
        title: title.to_string(),
        age_secs,
        link: None,
        body: body.to_string(),
    }
}

/// An Atom feed of `items`, dated relative to now.
pub fn atom(title: &str, items: &[Item]) -> String {
    atom_at(title, items, tidings_core::now())
}

/// An Atom feed of `items`, dated relative to `now`; item `i`'s id is its place in `items`.
pub fn atom_at(title: &str, items: &[Item], now: i64) -> String {
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

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Unix seconds as an RFC 3339 UTC time (days to civil date: Howard Hinnant's algorithm).
pub fn rfc3339(secs: i64) -> String {
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

pub async fn feed_server(xml: String) -> TestServer {
    changing_feed_server(Arc::new(Mutex::new(xml))).await
}

/// A feed at `/feed.xml` that is whatever `served` holds when it is asked for: a test changes
/// it to have the next refresh bring new or edited items.
pub async fn changing_feed_server(served: Arc<Mutex<String>>) -> TestServer {
    TestServer::start(Router::new().route(
        "/feed.xml",
        get(move || {
            let xml = served.lock().unwrap().clone();
            async move { ([("content-type", "application/atom+xml")], xml) }
        }),
    ))
    .await
}

pub async fn wait_for_reader(app: &App, title: &str) {
    app.wait_for_text(
        &format!("the reader to show {title:?}"),
        "main article h1",
        &format!("text === {title:?}"),
    )
    .await;
}

pub async fn wait_for_heading(app: &App, heading: &str) {
    app.wait_for_text(
        &format!("the list of {heading:?}"),
        "section.list h1",
        &format!("text === {heading:?}"),
    )
    .await;
}

/// The titles of the article rows on screen, top to bottom.
pub async fn row_titles(app: &App) -> Vec<String> {
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

pub async fn wait_for_rows(app: &App, what: &str, titles: &[&str]) {
    let script = format!(
        "return JSON.stringify([...document.querySelectorAll('section.list li .title')].map((t) => t.textContent.trim())) === {:?}",
        serde_json::to_string(titles).unwrap()
    );
    app.wait_until(what, &script).await;
}

/// The unread count beside a smart view in the sidebar (0 when it shows none).
pub fn unread_count_is(view: &str, count: usize) -> String {
    format!(
        "const row = [...document.querySelectorAll('ul.views button.row')].find((b) => b.querySelector('.name').textContent === {view:?});
         const pill = row?.querySelector('.count');
         return (pill ? Number(pill.textContent.replace(/\\D/g, '')) : 0) === {count};"
    )
}

/// A screenshot in `target/e2e-artifacts/`; with `TIDINGS_UPDATE_SCREENSHOTS=1`, also in
/// `tests/screenshots/` for the README.
pub async fn photograph(app: &App, name: &str) {
    let shot = app.screenshot(name).await;
    eprintln!("screenshot: {}", shot.display());
    if std::env::var_os("TIDINGS_UPDATE_SCREENSHOTS").is_some() {
        let readme = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/screenshots")
            .join(name);
        std::fs::copy(&shot, readme).unwrap();
    }
}

pub async fn press_key(app: &App, key: Key) {
    app.press(key.into()).await;
}
