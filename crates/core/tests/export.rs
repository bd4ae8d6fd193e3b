//! Export against a real database filled over a loopback site, read back with the site gone:
//! a bookmarked feed article and a saved page, as Markdown and as self-contained HTML.

use std::path::Path;

use tidings_core::Library;
use tidings_core::api::{ArticleView, ErrorKind};
use tidings_core::export::{ExportFormat, ExportReport, ExportSelection};
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{HeaderMap, StatusCode, header};
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;
use tidings_testkit::{TestServer, png};

const PAGE: &str = "/world/putin-kim.html";

fn feed(site: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tidings: "Test" Feed</title><link>{site}/</link>
<item><guid>chart</guid><title>Rates: up #3 - again</title><link>{site}/markets/rates.html</link>
<author>desk@news.example (Market Desk)</author>
<pubDate>Wed, 26 Jun 2024 09:30:00 GMT</pubDate>
<description><![CDATA[<p>Rates <em>rose</em> again.</p><p><img src="/img/chart.png" alt="The chart"></p><p><img src="/img/gone.png" alt="Lost chart"></p>]]></description>
</item>
<item><guid>other</guid><title>Not bookmarked</title><link>{site}/other.html</link>
<description>Other</description></item>
</channel></rss>"#
    )
}

async fn news_site() -> TestServer {
    let page = SeedArticle::load().news_page();
    let image = || async {
        (
            [(header::CONTENT_TYPE, "image/png")],
            png(8, 6, [40, 90, 160]),
        )
    };
    // The feed's links are absolute, so it names the address it was asked at.
    TestServer::start(
        Router::new()
            .route(PAGE, get(move || async move { Html(page) }))
            .route(
                "/feed.xml",
                get(|headers: HeaderMap| async move {
                    let host = headers
                        .get(header::HOST)
                        .and_then(|h| h.to_str().ok())
                        .unwrap_or_default()
                        .to_string();
                    (
                        [(header::CONTENT_TYPE, "application/rss+xml")],
                        feed(&format!("http://{host}")),
                    )
                }),
            )
            .route("/world/img/putin-kim.png", get(image))
            .route("/img/chart.png", get(image))
            .route("/img/gone.png", get(|| async { StatusCode::NOT_FOUND })),
    )
    .await
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn names(report: &ExportReport) -> Vec<String> {
    report
        .written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[tokio::test]
async fn bookmarks_and_saved_pages_export_offline_as_markdown_and_html() {
    let seed = SeedArticle::load();
    let mut server = news_site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();

    library.subscribe(&server.url("/feed.xml")).await.unwrap();
    let listed = library.list_articles(ArticleView::All, None).await.unwrap();
    let chart = listed
        .articles
        .iter()
        .find(|a| a.title == "Rates: up #3 - again")
        .unwrap()
        .id;
    library.set_bookmarked(chart, true).await.unwrap();
    let kept = library.keep_images(chart).await.unwrap();
    assert_eq!((kept.stored, kept.failed), (1, 1));

    let saved = library
        .save_url(&server.url(PAGE))
        .await
        .unwrap()
        .article
        .id;
    // Both bookmarked and saved: exported once.
    library.set_bookmarked(saved, true).await.unwrap();
    assert_eq!(library.keep_images(saved).await.unwrap().stored, 1);

    server.stop();
    let requests = server.requests().len();

    let out = dir.path().join("export").join("markdown");
    let report = library
        .export(
            ExportSelection::BookmarksAndSaved,
            ExportFormat::Markdown,
            &out,
        )
        .await
        .unwrap();
    assert_eq!(
        names(&report),
        [
            // Newest first, as the lists show them: the page was saved after the feed arrived.
            "2024-06-25-putin-and-kim-jong-un-explore-military-cooperation-amid-arms-deal.md",
            "2024-06-26-rates-up-3-again.md",
        ]
    );
    assert_eq!(report.missing_images, 0);
    let page_url = server.url(PAGE);
    let site = server.url("");
    assert_eq!(
        read(&report.written[1]),
        format!(
            "---\n\
             title: \"Rates: up #3 - again\"\n\
             url: \"{site}/markets/rates.html\"\n\
             author: \"Market Desk\"\n\
             date: 2024-06-26T09:30:00Z\n\
             source: \"Tidings: \\\"Test\\\" Feed\"\n\
             ---\n\n\
             Rates *rose* again.\n\n\
             ![The chart]({site}/img/chart.png)\n\n\
             ![Lost chart]({site}/img/gone.png)\n"
        )
    );
    let markdown = read(&report.written[0]);
    assert!(
        markdown.starts_with(&format!(
            "---\ntitle: \"{}\"\nurl: \"{page_url}\"\ndate: 2024-06-25T00:00:00Z\n",
            seed.title
        )),
        "{markdown}"
    );
    for paragraph in &seed.paragraphs {
        assert!(
            markdown.contains(&format!("\n\n{paragraph}\n")),
            "missing: {paragraph}"
        );
    }
    assert!(markdown.contains(&format!("]({site}/world/img/putin-kim.png)")));

    let out = dir.path().join("export").join("html");
    let report = library
        .export(ExportSelection::BookmarksAndSaved, ExportFormat::Html, &out)
        .await
        .unwrap();
    assert_eq!(report.written.len(), 2);
    assert_eq!(report.missing_images, 1, "gone.png was never kept");
    for path in &report.written {
        let html = read(path);
        assert!(html.contains("data:image/png;base64,iVBORw0KGgo"), "{html}");
        assert!(
            !html.contains("src=\"http"),
            "an image still points at the network"
        );
        assert!(html.contains("default-src 'none'"));
    }
    assert!(read(&report.written[1]).contains(&format!(
        "<a class=\"missing-image\" title=\"Image not kept for offline reading\" href=\"{site}/img/gone.png\">Lost chart</a>"
    )));
    assert!(read(&report.written[0]).contains(&seed.paragraphs[0]));

    assert_eq!(
        server.requests().len(),
        requests,
        "an export touched the network"
    );
}

#[tokio::test]
async fn exports_never_overwrite_and_report_what_they_cannot_do() {
    let mut server = news_site().await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let saved = library
        .save_url(&server.url(PAGE))
        .await
        .unwrap()
        .article
        .id;
    server.stop();

    let out = dir.path().join("out");
    let first = library
        .export(ExportSelection::One(saved), ExportFormat::Markdown, &out)
        .await
        .unwrap();
    std::fs::write(&first.written[0], "the person's own notes").unwrap();
    let second = library
        .export(ExportSelection::Saved, ExportFormat::Markdown, &out)
        .await
        .unwrap();
    let third = library
        .export(ExportSelection::Saved, ExportFormat::Markdown, &out)
        .await
        .unwrap();
    let stem = first.written[0]
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(names(&second), [format!("{stem}-2.md")]);
    assert_eq!(names(&third), [format!("{stem}-3.md")]);
    assert_eq!(read(&first.written[0]), "the person's own notes");

    let html = library
        .export(ExportSelection::One(saved), ExportFormat::Html, &out)
        .await
        .unwrap();
    assert_eq!(names(&html), [format!("{stem}.html")]);
    assert_eq!(html.missing_images, 1, "the lead image was never kept");

    let none = library
        .export(ExportSelection::Bookmarks, ExportFormat::Html, &out)
        .await
        .unwrap();
    assert_eq!(none, ExportReport::default());

    let never = dir.path().join("never");
    let missing = library
        .export(ExportSelection::One(9_999), ExportFormat::Html, &never)
        .await
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    assert!(!never.exists(), "a failed export left an empty folder");

    let blocked = dir.path().join("a-file");
    std::fs::write(&blocked, "").unwrap();
    let error = library
        .export(
            ExportSelection::Saved,
            ExportFormat::Html,
            &blocked.join("sub"),
        )
        .await
        .unwrap_err();
    assert!(error.to_string().contains("a-file"), "{error}");
}
