//! Save for later, reading feeds in full, and images kept for offline reading — against a real
//! loopback site and database file, then with the site gone.

use tidings_core::api::{ArticleView, RefreshScope, RemoteImages};
use tidings_core::{CancelToken, Library};
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::header;
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;
use tidings_testkit::{TestServer, png};

const PAGE: &str = "/world/putin-kim.html";
const LEAD: &str = "/world/img/putin-kim.png";

async fn news_site() -> TestServer {
    let seed = SeedArticle::load();
    let page = seed.news_page();
    TestServer::start(
        Router::new()
            .route(PAGE, get(move || async move { Html(page) }))
            .route(
                LEAD,
                get(|| async {
                    (
                        [(header::CONTENT_TYPE, "image/png")],
                        png(64, 36, [40, 90, 160]),
                    )
                }),
            )
            .route("/", get(|| async { Html(home_page()) }))
            .route("/login", get(|| async { Html(SIGN_IN_WALL) }))
            .route(
                "/report.pdf",
                get(|| async { ([(header::CONTENT_TYPE, "application/pdf")], "%PDF-1.7 ...") }),
            )
            .route(
                "/fake.png",
                get(|| async {
                    (
                        [(header::CONTENT_TYPE, "image/png")],
                        "<html>not an image</html>",
                    )
                }),
            )
            .route(
                "/huge.png",
                get(|| async {
                    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
                    bytes.resize(6 * 1024 * 1024, 0);
                    ([(header::CONTENT_TYPE, "image/png")], bytes)
                }),
            ),
    )
    .await
}

/// What a paywalled story redirects to.
const SIGN_IN_WALL: &str = r#"<html><head><title>Sign in | The Daily Tidings</title></head><body>
<main><h1>Sign in to keep reading</h1><p>Subscribers get unlimited access to every story.</p>
<form method="post" action="/login"><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label><button>Sign in</button></form></main></body></html>"#;

/// A front page: headlines and a line or two each, linking to the stories.
fn home_page() -> String {
    let teasers: String = (0..12)
        .map(|i| {
            format!(
                r#"<article class="teaser"><h2><a href="/world/story-{i}.html">Story {i} about the day</a></h2>
                <p>A short summary of story {i}, a sentence or two that invites a click.</p></article>"#
            )
        })
        .collect();
    format!(
        r#"<!DOCTYPE html><html><head><title>The Daily Tidings</title><meta property="og:type" content="website"></head>
        <body><nav><a href="/">Home</a></nav><main><h1>The Daily Tidings</h1>{teasers}</main></body></html>"#
    )
}

async fn open_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    (dir, library)
}

#[tokio::test]
async fn a_saved_page_reads_in_full_with_its_image_after_the_site_is_gone() {
    let seed = SeedArticle::load();
    let mut server = news_site().await;
    let (_dir, library) = open_library().await;

    let saved = library.save_url(&server.url(PAGE)).await.unwrap();
    assert_eq!(saved.note, None);
    assert!(saved.article.is_saved);
    assert_eq!(saved.article.title, seed.title);
    let again = library
        .save_url(&format!("{}#comments", server.url(PAGE)))
        .await
        .unwrap();
    assert_eq!(
        again.article.id, saved.article.id,
        "saving twice must not duplicate"
    );
    assert_eq!(
        library
            .list_articles(ArticleView::Saved, None)
            .await
            .unwrap()
            .articles
            .len(),
        1
    );

    let kept = library.keep_images(saved.article.id).await.unwrap();
    assert_eq!((kept.stored, kept.failed), (1, 0));
    server.stop();

    let article = library.article(saved.article.id).await.unwrap();
    for paragraph in &seed.paragraphs {
        assert!(
            article
                .content_html
                .contains(&paragraph.replace('\'', "&#39;"))
                || article.content_html.contains(paragraph.as_str()),
            "missing: {paragraph}"
        );
    }
    assert_eq!(
        article.published_at,
        Some(1_719_273_600),
        "Tuesday, June 25, 2024"
    );
    let lead = article.lead_image.clone().unwrap();
    let image = library
        .image(saved.article.id, &lead, false)
        .await
        .unwrap()
        .expect("kept offline");
    assert_eq!(image.mime_type, "image/png");
    assert!(image.bytes.starts_with(b"\x89PNG"));
    let shown = library
        .article_for_display(saved.article.id, |src| format!("app:{src}"))
        .await
        .unwrap();
    assert!(
        shown.content_html.contains(&format!("src=\"app:{lead}\"")),
        "{}",
        shown.content_html
    );
    assert!(
        !shown.content_html.contains("src=\"http"),
        "an image still points at the network"
    );
}

#[tokio::test]
async fn pages_without_an_article_are_saved_as_links_with_the_reason() {
    let server = news_site().await;
    let (_dir, library) = open_library().await;
    let cases = [
        ("/", "The Daily Tidings", "home or section page"),
        ("/login", "Sign in | The Daily Tidings", "sign-in page"),
        (
            "/report.pdf",
            "/report.pdf",
            "this is a PDF document, not a web page",
        ),
        ("/missing.html", "/missing.html", "404 Not Found"),
    ];
    for (path, title, reason) in cases {
        let outcome = library.save_url(&server.url(path)).await.unwrap();
        let note = outcome.note.unwrap_or_default();
        assert!(
            note.starts_with("Saved as a link only: ") && note.contains(reason),
            "{path}: {note}"
        );
        assert!(
            outcome.article.title.contains(title),
            "{path}: {}",
            outcome.article.title
        );
        let article = library.article(outcome.article.id).await.unwrap();
        assert!(article.is_saved && article.content_html.is_empty());
        assert!(article.extract_error.unwrap().contains(reason));
    }
    assert_eq!(
        library
            .list_articles(ArticleView::Saved, None)
            .await
            .unwrap()
            .articles
            .len(),
        4
    );
}

#[tokio::test]
async fn a_summary_feed_read_in_full_gets_each_articles_page() {
    let seed = SeedArticle::load();
    let server = news_site().await;
    let host = server.url("");
    let feed_route = Router::new().route(
        "/feed.xml",
        get(move || {
            let host = host.clone();
            async move { summaries(&host) }
        }),
    );
    let feed_server = TestServer::start(feed_route).await;
    let (_dir, library) = open_library().await;
    let feed = library
        .subscribe(&feed_server.url("/feed.xml"))
        .await
        .unwrap();
    library.set_full_text(feed.id, true).await.unwrap();
    // The first fetch stored the summaries; make the items look changed so they are read again.
    rusqlite::Connection::open(library.store().path())
        .unwrap()
        .execute("UPDATE articles SET content_hash = x''", [])
        .unwrap();
    library
        .refresh(RefreshScope::All, |_| {}, &CancelToken::new())
        .await
        .unwrap();

    let articles = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles;
    let full = library
        .article(
            articles
                .iter()
                .find(|a| a.title == "Putin and Kim")
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    assert!(
        full.content_html
            .contains(&seed.paragraphs.last().unwrap()[..40]),
        "{}",
        full.content_html
    );
    assert!(full.reading_minutes.unwrap() >= 2);
    assert_eq!(full.extract_error, None);
    let kept = library
        .article(articles.iter().find(|a| a.title == "Gone page").unwrap().id)
        .await
        .unwrap();
    assert!(
        kept.content_html.contains("Kept as it is."),
        "the feed's own content must stay"
    );
    assert!(kept.extract_error.unwrap().contains("404 Not Found"));
}

fn summaries(host: &str) -> String {
    format!(
        r#"<rss version="2.0"><channel><title>Summaries</title>
        <item><guid>seed</guid><title>Putin and Kim</title><link>{host}{PAGE}</link><description>Only the first lines.</description></item>
        <item><guid>gone</guid><title>Gone page</title><link>{host}/missing.html</link><description>Kept as it is.</description></item>
        </channel></rss>"#
    )
}

#[tokio::test]
async fn the_remote_image_setting_decides_what_the_backend_fetches() {
    let server = news_site().await;
    let (_dir, library) = open_library().await;
    let lead = server.url(LEAD);
    // The image belongs to an article from the same (loopback) site.
    let article = library
        .save_url(&server.url(PAGE))
        .await
        .unwrap()
        .article
        .id;
    let mut settings = library.settings().await.unwrap();
    assert_eq!(settings.remote_images, RemoteImages::Always);

    settings.remote_images = RemoteImages::Never;
    library.set_settings(settings.clone()).await.unwrap();
    assert_eq!(library.image(article, &lead, true).await.unwrap(), None);
    settings.remote_images = RemoteImages::OnClick;
    library.set_settings(settings.clone()).await.unwrap();
    assert_eq!(library.image(article, &lead, false).await.unwrap(), None);
    let requests_before = server.requests().len();
    assert!(
        library.image(article, &lead, true).await.unwrap().is_some(),
        "a click loads it"
    );
    assert_eq!(server.requests().len(), requests_before + 1);
    // Now it is kept: no setting or network is needed again.
    settings.remote_images = RemoteImages::Never;
    library.set_settings(settings).await.unwrap();
    assert!(
        library
            .image(article, &lead, false)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(server.requests().len(), requests_before + 1);
}

#[tokio::test]
async fn only_real_images_within_the_cap_are_kept() {
    let server = news_site().await;
    let (_dir, library) = open_library().await;
    let article = library
        .save_url(&server.url(PAGE))
        .await
        .unwrap()
        .article
        .id;
    for path in ["/fake.png", "/report.pdf", "/huge.png"] {
        let image = library.image(article, &server.url(path), true).await;
        assert_eq!(image.unwrap(), None, "{path}");
    }
    let requests = server.requests().len();
    // A failure is remembered, so viewing the article again doesn't refetch it.
    assert_eq!(
        library
            .image(article, &server.url("/fake.png"), false)
            .await
            .unwrap(),
        None
    );
    assert_eq!(server.requests().len(), requests);
}

#[tokio::test]
async fn with_the_setting_on_every_new_articles_images_are_kept() {
    let server = news_site().await;
    let lead = server.url(LEAD);
    let feed = format!(
        r#"<rss version="2.0"><channel><title>Pictures</title>
        <item><guid>1</guid><title>With a picture</title><description>&lt;img src="{lead}"&gt;</description></item>
        </channel></rss>"#
    );
    let feed_server =
        TestServer::start(Router::new().route("/feed.xml", get(move || async move { feed }))).await;
    let (_dir, library) = open_library().await;
    let started = tidings_core::now();
    library
        .subscribe(&feed_server.url("/feed.xml"))
        .await
        .unwrap();
    assert_eq!(
        library
            .keep_images_of_new_articles(started)
            .await
            .unwrap()
            .stored,
        0,
        "off by default"
    );

    let mut settings = library.settings().await.unwrap();
    settings.keep_all_images = true;
    settings.remote_images = RemoteImages::Never;
    library.set_settings(settings).await.unwrap();
    assert_eq!(
        library
            .keep_images_of_new_articles(started)
            .await
            .unwrap()
            .stored,
        1
    );
    let article = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    assert!(
        library
            .image(article, &lead, false)
            .await
            .unwrap()
            .is_some(),
        "kept although remote images are never loaded on view"
    );
}
