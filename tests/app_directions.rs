//! End to end: right-to-left reading. Articles of a feed in Arabic read right to left in the
//! list, the sidebar and the reader, beside left-to-right ones in the same list; a Hebrew title
//! in a feed that does not say its language is read right to left by its own letters. Needs an
//! X display (`xvfb-run -a cargo test --test app app_directions::`).

use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

use crate::support::App;
use crate::support::menus::feed_row;
use crate::support::reading::*;
use crate::support::{Driver, Sandbox};

const ARABIC_TITLE: &str = "افتتاح الميناء من جديد بعد الإصلاحات";
const ARABIC_BODY: &str =
    "أعلنت البلدية اليوم أن الميناء سيفتح أبوابه للسفن الأسبوع المقبل، بعد عامين من الإصلاحات.";
const HEBREW_TITLE: &str = "הנמל נפתח מחדש";
const ENGLISH_TITLE: &str = "The harbour reopens";

async fn feeds() -> TestServer {
    let arabic = atom(
        "أخبار الميناء",
        &[item(ARABIC_TITLE, 600, &format!("<p>{ARABIC_BODY}</p>"))],
    )
    .replacen("<feed ", r#"<feed xml:lang="ar" "#, 1);
    let english = atom(
        "Harbour News",
        &[
            item(
                ENGLISH_TITLE,
                900,
                "<p>The council said the port opens next week.</p>",
            ),
            item(HEBREW_TITLE, 1_200, "<p>מחר.</p>"),
        ],
    );
    TestServer::start(
        Router::new()
            .route("/arabic.xml", get(move || async move { arabic }))
            .route("/english.xml", get(move || async move { english })),
    )
    .await
}

/// The computed direction of the first element `css` finds whose text is `text`.
async fn direction(app: &App, css: &str, text: &str) -> String {
    app.client
        .execute(
            "const [css, text] = arguments;
             const e = [...document.querySelectorAll(css)].find((e) => e.textContent.trim() === text);
             return e ? getComputedStyle(e).direction : 'missing';",
            vec![css.into(), text.into()],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn right_to_left_text_reads_right_to_left_beside_left_to_right() {
    let server = feeds().await;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = driver.launch().await;
    app.add_feed(&server.url("/arabic.xml")).await;
    app.add_feed(&server.url("/english.xml")).await;
    app.press('g').await;
    app.press('a').await;
    wait_for_rows(
        &app,
        "every article",
        &[ARABIC_TITLE, ENGLISH_TITLE, HEBREW_TITLE],
    )
    .await;

    let row = "section.list li .title";
    assert_eq!(direction(&app, row, ARABIC_TITLE).await, "rtl");
    assert_eq!(direction(&app, row, HEBREW_TITLE).await, "rtl");
    assert_eq!(direction(&app, row, ENGLISH_TITLE).await, "ltr");
    assert_eq!(
        direction(&app, "nav.sidebar .name", "أخبار الميناء").await,
        "rtl"
    );
    assert_eq!(
        direction(&app, "nav.sidebar .name", "Harbour News").await,
        "ltr"
    );
    app.wait_for(fantoccini::Locator::XPath(&feed_row("Harbour News")))
        .await;

    app.click_text("section.list li button", ARABIC_TITLE).await;
    wait_for_reader(&app, ARABIC_TITLE).await;
    assert_eq!(
        direction(&app, "main article h1", ARABIC_TITLE).await,
        "rtl"
    );
    assert_eq!(
        direction(&app, "main article .content p", ARABIC_BODY).await,
        "rtl"
    );
    let lang = app
        .client
        .execute(
            "return document.querySelector('main article .content').lang",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(lang.as_str(), Some("ar"));
    // The text starts at the right: its first line ends near the column's right edge.
    let right_aligned = app
        .client
        .execute(
            "const p = document.querySelector('main article .content p');
             const range = document.createRange();
             range.selectNodeContents(p);
             const first = range.getClientRects()[0];
             return Math.abs(first.right - p.getBoundingClientRect().right) < 2;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(right_aligned.as_bool(), Some(true));
    photograph(&app, "right-to-left.png").await;

    app.click_text("section.list li button", ENGLISH_TITLE)
        .await;
    wait_for_reader(&app, ENGLISH_TITLE).await;
    assert_eq!(
        direction(&app, "main article h1", ENGLISH_TITLE).await,
        "ltr"
    );
    app.quit().await;
}
