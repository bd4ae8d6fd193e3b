//! Articles stored before a feed was turned to full articles, and single articles whose full text
//! is asked for ("Load full text"), are read from their pages in the background, as work kept in
//! the database: a real loopback site and database file.

use std::sync::Mutex;

use tidings_core::Library;
use tidings_core::api::{ArticleId, ArticleView, PendingWork, WorkReport};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;

/// A feed of three stories that carries only a line of each; each story's page holds the seed
/// article in full.
fn summary_site(seed: &SeedArticle, host: String) -> Router {
    let page = seed.news_page();
    let items: String = (1..=3)
        .map(|n| {
            format!(
                "<item><guid>story-{n}</guid><title>Story {n}</title><link>{host}/story-{n}.html</link>
                 <pubDate>Tue, 25 Jun 2024 0{n}:00:00 GMT</pubDate>
                 <description>Only a line about story {n}.</description></item>"
            )
        })
        .collect();
    let feed = format!(
        r#"<rss version="2.0"><channel><title>Summaries</title><link>{host}/</link>{items}</channel></rss>"#
    );
    Router::new()
        .route("/feed.xml", get(move || async move { feed }))
        .route(
            "/{story}",
            get(move || {
                let page = page.clone();
                async move { Html(page) }
            }),
        )
}

async fn start_site(seed: &SeedArticle) -> TestServer {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    TestServer::start_at(addr, summary_site(seed, format!("http://{addr}"))).await
}

async fn ids_by_title(library: &Library) -> Vec<(String, ArticleId)> {
    let mut articles: Vec<_> = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles
        .into_iter()
        .map(|a| (a.title, a.id))
        .collect();
    articles.sort();
    articles
}

async fn do_the_work(library: &Library) -> Vec<WorkReport> {
    let reports = Mutex::new(Vec::new());
    library
        .do_due_work(&|r| reports.lock().unwrap().push(r))
        .await
        .unwrap();
    reports.into_inner().unwrap()
}

async fn is_full(library: &Library, id: ArticleId, seed: &SeedArticle) -> bool {
    let article = library.article(id).await.unwrap();
    article
        .content_html
        .contains(&seed.paragraphs.last().unwrap()[..40])
}

#[tokio::test(flavor = "multi_thread")]
async fn turning_a_feed_to_full_articles_reads_its_unread_ones_and_load_full_text_reads_one() {
    let seed = SeedArticle::load();
    let site = start_site(&seed).await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let feed = library.subscribe(&site.url("/feed.xml")).await.unwrap();
    let stories = ids_by_title(&library).await;
    let (read, unread) = (stories[0].1, [stories[1].1, stories[2].1]);
    library.set_read(read, true).await.unwrap();

    // Turned on, the unread articles stored before are read in full; the read one is left.
    library.set_full_text(feed.id, true).await.unwrap();
    assert_eq!(library.pages_to_read().await.unwrap(), 2);
    assert_eq!(
        library.article(unread[0]).await.unwrap().page_pending,
        Some(PendingWork::Working)
    );
    let reports = do_the_work(&library).await;
    assert_eq!(
        reports,
        unread.map(|article_id| WorkReport::PageRead { article_id })
    );
    assert_eq!(library.pages_to_read().await.unwrap(), 0);
    for id in unread {
        assert!(is_full(&library, id, &seed).await, "article {id}");
        let article = library.article(id).await.unwrap();
        assert_eq!(
            article.title,
            format!("Story {}", if id == unread[0] { 2 } else { 3 })
        );
        assert!(article.reading_minutes.unwrap() >= 2);
        assert_eq!(article.page_pending, None);
    }
    assert!(!is_full(&library, read, &seed).await);

    // "Load full text" on the read one: read on its own.
    library.read_full_article(read).await.unwrap();
    assert_eq!(
        do_the_work(&library).await,
        [WorkReport::PageRead { article_id: read }]
    );
    assert!(is_full(&library, read, &seed).await);
    let found = library
        .search(
            tidings_core::api::SearchQuery {
                text: "vostochny".to_string(),
                scope: tidings_core::api::SearchScope::All,
                unread_only: false,
                since: None,
                until: None,
                whole_words: false,
            },
            None,
        )
        .await
        .unwrap();
    assert_eq!(found.hits.len(), 3, "the full texts are searchable");
}

#[tokio::test(flavor = "multi_thread")]
async fn full_articles_wait_for_the_network_and_can_be_stopped() {
    let seed = SeedArticle::load();
    let mut site = start_site(&seed).await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let feed = library.subscribe(&site.url("/feed.xml")).await.unwrap();
    site.shut_down().await;

    library.set_full_text(feed.id, true).await.unwrap();
    let reports = do_the_work(&library).await;
    assert_eq!(reports.len(), 3);
    assert!(
        reports
            .iter()
            .all(|r| matches!(r, WorkReport::WaitingForNetwork { .. })),
        "{reports:?}"
    );
    let (_, first) = &ids_by_title(&library).await[0];
    assert_eq!(
        library.article(*first).await.unwrap().page_pending,
        Some(PendingWork::WaitingForNetwork)
    );
    assert_eq!(library.pages_to_read().await.unwrap(), 3);

    library.stop_reading_pages().await.unwrap();
    assert_eq!(library.pages_to_read().await.unwrap(), 0);
    assert_eq!(library.article(*first).await.unwrap().page_pending, None);
    // Turning the feed off and on again asks again.
    library.set_full_text(feed.id, false).await.unwrap();
    library.set_full_text(feed.id, true).await.unwrap();
    assert_eq!(library.pages_to_read().await.unwrap(), 3);
    library.set_full_text(feed.id, false).await.unwrap();
    assert_eq!(library.pages_to_read().await.unwrap(), 0);
}

#[tokio::test]
async fn an_article_without_a_page_cannot_be_read_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    assert!(library.read_full_article(42).await.is_err());
}
