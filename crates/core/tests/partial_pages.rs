//! Pages that hold only part of their article (the rest behind a paywall): saved, the part is
//! kept and the reason recorded; read in full for a feed, the feed's own text stays. A real
//! loopback site and database file.

use std::sync::Mutex;

use tidings_core::Library;
use tidings_core::api::ArticleView;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;

/// A news page whose publisher tells search engines the article is not free, and shows its
/// first paragraph only.
const PAYWALLED: &str = r#"<html><head><title>The library closes</title>
<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>
</head><body><article><h1>The library closes</h1><p>The council voted on Tuesday to close the
old library on Main Street, a decision that surprised the families who use it every week.</p>
<div class="paywall">Subscribe to read the rest.</div></article></body></html>"#;

const FEED_SUMMARY: &str = "The council voted to close the old library; families and staff \
    were not told in advance, and a petition has 3,000 signatures.";

async fn site() -> TestServer {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let feed = format!(
        r#"<rss version="2.0"><channel><title>Town news</title><link>http://{addr}/</link>
        <item><guid>library</guid><title>The library closes</title>
        <link>http://{addr}/library.html</link><description>{FEED_SUMMARY}</description></item>
        </channel></rss>"#
    );
    let app = Router::new()
        .route("/feed.xml", get(move || async move { feed }))
        .route("/library.html", get(|| async { Html(PAYWALLED) }));
    TestServer::start_at(addr, app).await
}

#[tokio::test]
async fn a_saved_page_behind_a_paywall_keeps_its_part_and_says_why() {
    let server = site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();

    let saved = library
        .save_url(&server.url("/library.html"))
        .await
        .unwrap();
    let note = saved.note.expect("the person is told");
    assert!(note.contains("only part of the article"), "{note}");
    assert!(note.contains("subscribers"), "{note}");
    let article = library.article(saved.article.id).await.unwrap();
    assert!(article.content_html.contains("surprised the families"));
    let why = article.extract_error.expect("the reason is kept");
    assert!(why.contains("subscribers"), "{why}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_read_in_full_keeps_its_own_text_when_the_page_has_only_part() {
    let server = site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let feed = library.subscribe(&server.url("/feed.xml")).await.unwrap();
    library.set_full_text(feed.id, true).await.unwrap();
    let reports = Mutex::new(Vec::new());
    library
        .do_due_work(&|r| reports.lock().unwrap().push(r))
        .await
        .unwrap();

    let listed = library.list_articles(ArticleView::All, None).await.unwrap();
    let article = library.article(listed.articles[0].id).await.unwrap();
    assert!(
        article
            .content_html
            .contains("petition has 3,000 signatures")
    );
    let why = article.extract_error.expect("the reason is kept");
    assert!(why.contains("subscribers"), "{why}");
}
