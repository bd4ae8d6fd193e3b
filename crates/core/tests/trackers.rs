//! Tracking images are never fetched: not when an article is stored, shown, kept offline or
//! exported — and not for an article stored before Tidings dropped them, whose stored HTML still
//! holds one. Each fetch would be a read receipt. Against a real loopback site and database.

use std::net::{IpAddr, Ipv4Addr};

use tidings_core::api::{ArticleView, RefreshScope};
use tidings_core::export::{ExportFormat, ExportSelection};
use tidings_core::store::{FeedUpdate, NewArticle};
use tidings_core::{CancelToken, Library};
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{HeaderMap, header};
use tidings_testkit::axum::routing::get;
use tidings_testkit::{TestServer, png};

/// A feed whose item carries a picture, a 1×1 pixel and a FeedBurner counter of normal size
/// (`feeds.feedburner.com` resolves to this server).
const FEED: &str = r#"<rss version="2.0"><channel><title>Newsletter</title>
<item><guid>1</guid><title>This week</title><link>http://{HOST}/week.html</link>
<description>
&lt;p&gt;News of the week.&lt;img src="/img/harbour.png" alt="The harbour"&gt;&lt;/p&gt;
&lt;img src="/pixel.gif?item=1" width="1" height="1" alt=""&gt;
&lt;img src="http://feeds.feedburner.com:{PORT}/~r/Newsletter/~4/abc" width="300" height="40"&gt;
</description></item>
</channel></rss>"#;

async fn site() -> TestServer {
    let picture = || async { ([(header::CONTENT_TYPE, "image/png")], png(8, 8, [1, 2, 3])) };
    TestServer::start(
        Router::new()
            .route(
                "/feed.xml",
                get(|headers: HeaderMap| async move {
                    let host = headers[header::HOST].to_str().unwrap().to_string();
                    let port = host.rsplit(':').next().unwrap().to_string();
                    FEED.replace("{HOST}", &host).replace("{PORT}", &port)
                }),
            )
            .route("/img/harbour.png", get(picture))
            .route("/pixel.gif", get(picture))
            .route("/~r/Newsletter/~4/abc", get(picture)),
    )
    .await
}

fn receipts(server: &TestServer) -> Vec<String> {
    server
        .requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.starts_with("/pixel.gif") || p.starts_with("/~r/"))
        .collect()
}

#[tokio::test]
async fn tracking_images_are_never_fetched_new_or_stored_before() {
    let server = site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db"))
        .unwrap()
        .with_hosts(&[("feeds.feedburner.com", IpAddr::V4(Ipv4Addr::LOCALHOST))])
        .unwrap();
    let port = server.addr().port();

    // An article stored by an older Tidings, its pixel and counter still in the stored HTML.
    let old_pixel = server.url("/pixel.gif?item=old");
    let old_counter = format!("http://feeds.feedburner.com:{port}/~r/Newsletter/~4/old");
    let stored = format!(
        r#"<p>Last year's news.</p><img src="{}" width="1" height="1" alt=""><img src="{old_counter}">"#,
        old_pixel.replace('&', "&amp;")
    );
    let old = NewArticle {
        identity: "old".into(),
        guid: Some("old".into()),
        url: Some(server.url("/old.html")),
        title: "Last year".into(),
        author: None,
        content_html: stored,
        content_text: "Last year's news.".into(),
        content_hash: vec![1],
        published_at: Some(tidings_core::now() - 86_400),
        updated_at: None,
        enclosures_json: None,
        lead_image: Some(old_counter.clone()),
        word_count: Some(3),
        extract_error: None,
    };
    let update = FeedUpdate {
        title: "Old newsletter".into(),
        articles: vec![old],
        ..Default::default()
    };
    let now = tidings_core::now();
    library
        .store()
        .insert_feed(&server.url("/old.xml"), &update, now + 86_400, now)
        .unwrap();

    library.subscribe(&server.url("/feed.xml")).await.unwrap();
    library
        .refresh(RefreshScope::All, |_| {}, &CancelToken::new())
        .await
        .unwrap();
    let articles = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles;
    assert_eq!(articles.len(), 2);
    for summary in &articles {
        // Shown: the webview asks for what the article's HTML names, and only that.
        let article = library
            .article_for_display(summary.id, |src| format!("tidings://image/{src}"))
            .await
            .unwrap();
        for receipt in ["pixel.gif", "feedburner"] {
            assert!(
                !article.content_html.contains(receipt),
                "{}",
                article.content_html
            );
        }
        assert_eq!(article.lead_image, None);
        // Asked for by address all the same (the webview of an older version could).
        assert_eq!(
            library.image(summary.id, &old_counter, true).await.unwrap(),
            None
        );
        // Kept offline with a bookmark, then exported.
        library.set_bookmarked(summary.id, true).await.unwrap();
        library.keep_images(summary.id).await.unwrap();
    }
    let exported = tempfile::tempdir().unwrap();
    let report = library
        .export(
            ExportSelection::Bookmarks,
            ExportFormat::Html,
            exported.path(),
        )
        .await
        .unwrap();
    assert_eq!(report.written.len(), 2);
    for file in &report.written {
        let html = std::fs::read_to_string(file).unwrap();
        assert!(!html.contains("pixel.gif") && !html.contains("feedburner"));
    }

    // The picture people see was fetched; no receipt ever was.
    assert!(
        server
            .requests()
            .iter()
            .any(|r| r.path == "/img/harbour.png")
    );
    assert_eq!(receipts(&server), Vec::<String>::new());
}
