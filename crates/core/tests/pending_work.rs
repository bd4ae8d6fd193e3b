//! Work a person asked for that needs the network — an article's pictures kept after a bookmark,
//! a page saved while its site could not be reached — outlives a lost network and a quit: it is
//! kept in the database file and done once the site answers again. A real loopback site that
//! goes away and comes back on the same address, a real database file opened twice.

use std::sync::Arc;
use std::time::Duration;

use tidings_core::Library;
use tidings_core::api::{AppEvent, ArticleId, ArticleView, PendingWork, Reporter, WorkReport};
use tidings_core::store::ImageSource;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::header;
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;
use tidings_testkit::{TestServer, png};
use tokio::sync::mpsc;

const PAGE: &str = "/world/putin-kim.html";
const FEED: &str = "/world/feed.xml";
const PICTURE: &str = "/world/img/putin-kim.png";

/// The news site: a feed whose article leads with a picture, and the article's page.
fn news_site(seed: &SeedArticle, page_url: &str) -> Router {
    let feed = seed.feed_xml(page_url);
    let page = seed.news_page();
    Router::new()
        .route(FEED, get(move || async move { feed }))
        .route(PAGE, get(move || async move { Html(page) }))
        .route(
            PICTURE,
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "image/png")],
                    png(64, 36, [40, 90, 160]),
                )
            }),
        )
}

/// Starts the site on a port of its own and returns it with its address.
async fn start_site(seed: &SeedArticle) -> TestServer {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    TestServer::start_at(addr, news_site(seed, &format!("http://{addr}{PAGE}"))).await
}

/// Passes on the work reports among the library's events.
struct Tell(mpsc::UnboundedSender<WorkReport>);

impl Reporter for Tell {
    fn report(&self, event: AppEvent) {
        if let AppEvent::WorkReport(report) = event {
            let _ = self.0.send(report);
        }
    }
}

/// The app's background worker over the library at `db`, and what it reports.
fn start_worker(db: &std::path::Path) -> (Library, mpsc::UnboundedReceiver<WorkReport>) {
    let (tell, reports) = mpsc::unbounded_channel();
    let library = Library::open(db)
        .unwrap()
        .reporting_to(Arc::new(Tell(tell)));
    let worker = library.clone();
    tokio::spawn(async move { worker.do_work_as_asked().await });
    (library, reports)
}

/// The next report about `article`, within a generous deadline for a loaded machine.
async fn next_report(
    reports: &mut mpsc::UnboundedReceiver<WorkReport>,
    article: ArticleId,
) -> WorkReport {
    tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let report = reports.recv().await.expect("the worker runs");
            let about = match &report {
                WorkReport::ImagesKept { article_id, .. }
                | WorkReport::WaitingForNetwork { article_id, .. }
                | WorkReport::PageRead { article_id } => *article_id,
            };
            if about == article {
                return report;
            }
        }
    })
    .await
    .expect("a report within a minute")
}

async fn picture_kept(library: &Library, url: &str) -> bool {
    matches!(
        library.store().image_source(url).unwrap(),
        Some(ImageSource::Stored(_))
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn pictures_of_an_article_bookmarked_offline_arrive_after_a_restart_once_the_site_is_back() {
    let seed = SeedArticle::load();
    let mut site = start_site(&seed).await;
    let addr = site.addr();
    let picture = format!("http://{addr}{PICTURE}");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");

    let library = Library::open(&db).unwrap();
    library.add_feed(&site.url(FEED)).await.unwrap();
    let article = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    site.shut_down().await;

    // Bookmarked with no network: the work is kept, and says why it waits.
    library.set_bookmarked(article, true).await.unwrap();
    let reports = std::sync::Mutex::new(Vec::new());
    library
        .do_due_work(&|r| reports.lock().unwrap().push(r))
        .await
        .unwrap();
    let reports = reports.into_inner().unwrap();
    assert!(
        matches!(&reports[..], [WorkReport::WaitingForNetwork { article_id, reason }]
            if *article_id == article && reason.starts_with("nothing answered at")),
        "{reports:?}"
    );
    assert_eq!(
        library.article(article).await.unwrap().pictures_pending,
        Some(PendingWork::WaitingForNetwork)
    );
    assert!(!picture_kept(&library, &picture).await);
    // Tried again later by itself, not at once.
    let due = library.store().next_work_due().unwrap().unwrap();
    assert!(due >= tidings_core::now() + 20, "retried too soon: {due}");
    drop(library); // the person quits

    let _site = TestServer::start_at(addr, news_site(&seed, &format!("http://{addr}{PAGE}"))).await;
    let (library, mut reports) = start_worker(&db);
    let WorkReport::ImagesKept { kept, .. } = next_report(&mut reports, article).await else {
        panic!("the pictures were not kept");
    };
    assert_eq!((kept.stored, kept.failed, kept.waiting), (1, 0, 0));
    assert!(picture_kept(&library, &picture).await);
    assert_eq!(
        library.article(article).await.unwrap().pictures_pending,
        None
    );
    assert_eq!(library.store().next_work_due().unwrap(), None, "work left");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_saved_while_its_site_is_away_is_read_with_its_picture_once_it_answers() {
    let seed = SeedArticle::load();
    let mut site = start_site(&seed).await;
    let addr = site.addr();
    site.shut_down().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");

    let library = Library::open(&db).unwrap();
    let saved = library
        .save_url(&format!("http://{addr}{PAGE}"))
        .await
        .unwrap();
    let note = saved.note.unwrap();
    assert!(
        note.starts_with("Saved as a link for now (nothing answered at")
            && note.ends_with("Tidings reads the page once it can reach it."),
        "{note}"
    );
    let id = saved.article.id;
    assert_eq!(
        library.article(id).await.unwrap().page_pending,
        Some(PendingWork::Working)
    );
    drop(library);

    let _site = TestServer::start_at(addr, news_site(&seed, &format!("http://{addr}{PAGE}"))).await;
    let (library, mut reports) = start_worker(&db);
    assert_eq!(
        next_report(&mut reports, id).await,
        WorkReport::PageRead { article_id: id }
    );
    assert!(matches!(
        next_report(&mut reports, id).await,
        WorkReport::ImagesKept { kept, .. } if kept.stored == 1
    ));
    let article = library.article(id).await.unwrap();
    assert_eq!(article.title, seed.title);
    assert_eq!(article.extract_error, None);
    assert_eq!(
        (article.page_pending, article.pictures_pending),
        (None, None)
    );
    assert!(article.content_html.contains("Vostochny"));
    let found = library
        .search(
            tidings_core::api::SearchQuery {
                text: "vostochny".to_string(),
                scope: tidings_core::api::SearchScope::Saved,
                unread_only: false,
                since: None,
                until: None,
                whole_words: false,
            },
            None,
        )
        .await
        .unwrap();
    assert_eq!(found.hits.len(), 1, "the page's text is searchable");
    assert!(picture_kept(&library, &format!("http://{addr}{PICTURE}")).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_picture_that_is_not_there_is_given_up_at_once_not_retried() {
    let seed = SeedArticle::load();
    // The page is there; its picture is a 404, which no waiting will mend.
    let page = seed.news_page();
    let site =
        TestServer::start(Router::new().route(PAGE, get(move || async move { Html(page) }))).await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let saved = library.save_url(&site.url(PAGE)).await.unwrap();
    let reports = std::sync::Mutex::new(Vec::new());
    library
        .do_due_work(&|r| reports.lock().unwrap().push(r))
        .await
        .unwrap();
    assert!(matches!(&reports.into_inner().unwrap()[..],
            [WorkReport::ImagesKept { kept, .. }] if (kept.stored, kept.failed, kept.waiting) == (0, 1, 0)),);
    assert_eq!(
        library
            .article(saved.article.id)
            .await
            .unwrap()
            .pictures_pending,
        None
    );
    assert_eq!(library.store().next_work_due().unwrap(), None);
}
