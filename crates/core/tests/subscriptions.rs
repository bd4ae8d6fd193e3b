//! Subscribing by a site's address (discovery), and OPML import and export, through the library
//! against a real loopback server and database file.

use tidings_core::api::{AddFeedOutcome, ArticleView, ErrorKind, RefreshScope};
use tidings_core::{CancelToken, Library};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::{HeaderMap, header};
use tidings_testkit::axum::response::Html;
use tidings_testkit::axum::routing::get;

fn rss(title: &str) -> String {
    format!(
        "<rss version=\"2.0\"><channel><title>{title}</title><item><guid>1</guid><title>Hello</title></item></channel></rss>"
    )
}

fn page(links: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html><html><head><title>Site</title>{links}</head><body>Welcome</body></html>"
    ))
}

async fn open_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    (dir, library)
}

async fn site() -> TestServer {
    TestServer::start(
        Router::new()
            .route("/one/", get(|| async { page(r#"<link rel="alternate" type="application/rss+xml" title="Posts" href="/one/feed.xml">"#) }))
            .route("/one/feed.xml", get(|| async { rss("One") }))
            .route(
                "/two/",
                get(|| async {
                    page(r#"<link rel="alternate" type="application/atom+xml" title="Atom" href="atom.xml">
                            <link rel="alternate" type="application/feed+json" title="JSON" href="/two/feed.json">"#)
                }),
            )
            .route("/none/", get(|| async { page("") }))
            .route("/rss.xml", get(|| async { rss("Found at a common path") })),
    )
    .await
}

#[tokio::test]
async fn a_site_address_finds_its_feed() {
    let server = site().await;
    let (_dir, library) = open_library().await;
    let AddFeedOutcome::Subscribed { feed } = library.add_feed(&server.url("/one/")).await.unwrap()
    else {
        panic!("expected a subscription");
    };
    assert_eq!(feed.title, "One");
    assert_eq!(feed.url, server.url("/one/feed.xml"));
}

#[tokio::test]
async fn a_site_with_several_feeds_offers_a_choice_and_stores_nothing() {
    let server = site().await;
    let (_dir, library) = open_library().await;
    let AddFeedOutcome::Choose { candidates } =
        library.add_feed(&server.url("/two/")).await.unwrap()
    else {
        panic!("expected a choice");
    };
    let urls: Vec<_> = candidates.iter().map(|c| c.url.clone()).collect();
    assert_eq!(
        urls,
        [server.url("/two/atom.xml"), server.url("/two/feed.json")]
    );
    assert_eq!(candidates[0].title.as_deref(), Some("Atom"));
    assert!(library.list_feeds().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_site_without_feed_links_is_searched_at_the_usual_paths() {
    let server = site().await;
    let (_dir, library) = open_library().await;
    let feed = library.subscribe(&server.url("/none/")).await.unwrap();
    assert_eq!(feed.title, "Found at a common path");
    assert_eq!(feed.url, server.url("/rss.xml"));
}

#[tokio::test]
async fn a_page_with_no_feed_anywhere_says_so() {
    let server = TestServer::start(Router::new().route("/", get(|| async { page("") }))).await;
    let (_dir, library) = open_library().await;
    let error = library.add_feed(&server.url("/")).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotAFeed);
    assert_eq!(
        error.to_string(),
        format!("no feed found at {}", server.url("/"))
    );
}

#[tokio::test]
async fn opml_import_keeps_folders_reports_refused_entries_and_round_trips() {
    let server = site().await;
    let (_dir, library) = open_library().await;
    let opml = format!(
        r#"<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
        <outline text="News">
          <outline type="rss" text="One &amp; only" xmlUrl="{one}" htmlUrl="{site}"/>
          <outline type="rss" text="Evil" xmlUrl="javascript:alert(1)"/>
        </outline>
        <outline type="rss" text="Common" xmlUrl="{common}"/>
        <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
        </body></opml>"#,
        one = server.url("/one/feed.xml"),
        site = server.url("/one/"),
        common = server.url("/rss.xml"),
    );
    let progress = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&progress);
    let report = library
        .import_opml(opml.clone().into_bytes(), move |done, total| {
            seen.lock().unwrap().push((done, total))
        })
        .await
        .unwrap();
    assert_eq!((report.added, report.already_subscribed), (2, 0));
    let reasons: Vec<_> = report
        .rejected
        .iter()
        .map(|r| (r.title.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons.iter().any(|(t, _)| *t == "Evil")
            && reasons.iter().any(|(t, _)| *t == "Local file")
    );
    assert_eq!(progress.lock().unwrap().last(), Some(&(2, 2)));

    let folders = library.list_folders().await.unwrap();
    assert_eq!(
        folders.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        ["News"]
    );
    let feeds = library.list_feeds().await.unwrap();
    let one = feeds.iter().find(|f| f.title == "One & only").unwrap();
    assert_eq!(one.folder_id, Some(folders[0].id));

    // Imported feeds are fetched by the next refresh.
    let summary = library
        .refresh(RefreshScope::Due, |_| {}, &CancelToken::new())
        .await
        .unwrap();
    assert_eq!(summary.updated, 2);
    assert_eq!(
        library
            .list_articles(ArticleView::All, None)
            .await
            .unwrap()
            .articles
            .len(),
        2
    );

    // Importing again adds nothing; our export reads back as the same subscriptions.
    let again = library
        .import_opml(opml.into_bytes(), |_, _| {})
        .await
        .unwrap();
    assert_eq!((again.added, again.already_subscribed), (0, 2));
    let exported = library.export_opml().await.unwrap();
    let (_dir2, fresh) = open_library().await;
    let report = fresh
        .import_opml(exported.clone().into_bytes(), |_, _| {})
        .await
        .unwrap();
    assert_eq!(report.added, 2);
    assert!(report.rejected.is_empty());
    assert_eq!(fresh.export_opml().await.unwrap(), exported);
}

#[tokio::test]
async fn a_thousand_feed_opml_imports_in_one_transaction() {
    let (dir, library) = open_library().await;
    let outlines: String = (0..1000)
        .map(|i| format!(r#"<outline type="rss" text="Feed {i}" xmlUrl="https://feeds{}.example.com/{i}.xml"/>"#, i % 7))
        .collect();
    let opml = format!(
        r#"<opml version="2.0"><body><outline text="Folder">{outlines}</outline></body></opml>"#
    );
    let watcher = rusqlite::Connection::open(dir.path().join("tidings.db")).unwrap();
    let version = || -> i64 {
        watcher
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .unwrap()
    };
    let before = version();
    let report = library
        .import_opml(opml.into_bytes(), |_, _| {})
        .await
        .unwrap();
    assert_eq!(report.added, 1000);
    assert_eq!(version(), before + 1, "the import was not one transaction");
    assert_eq!(library.list_feeds().await.unwrap().len(), 1000);
}

#[tokio::test]
async fn an_opml_file_too_large_is_refused_before_it_is_read() {
    let (dir, library) = open_library().await;
    let path = dir.path().join("huge.opml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let error = library.import_opml_file(&path).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid);
    assert!(error.to_string().contains("50.0 MB"), "{error}");
    assert!(library.list_feeds().await.unwrap().is_empty());
}

/// One blog's feeds: RSS naming itself at `/blog/feed.xml` (with `localhost`), Atom with the
/// same title and site, and a copy served elsewhere under another title that names the RSS
/// address as its own.
async fn blog() -> TestServer {
    fn rss(title: &str, site: bool, headers: &HeaderMap) -> String {
        let host = headers[header::HOST].to_str().unwrap();
        let site = if site {
            format!("<link>http://{host}/blog/</link>")
        } else {
            String::new()
        };
        format!(
            r#"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>{title}</title>{site}
            <atom:link rel="self" href="http://{}/blog/feed.xml"/>
            <item><guid>1</guid><title>Hello</title></item></channel></rss>"#,
            host.replace("127.0.0.1", "localhost")
        )
    }
    let atom = |headers: HeaderMap| async move {
        let host = headers[header::HOST].to_str().unwrap().to_string();
        format!(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>The Blog</title><id>urn:blog</id>
            <link href="http://{host}/blog"/><updated>2024-06-25T08:00:00Z</updated></feed>"#
        )
    };
    TestServer::start(
        Router::new()
            .route(
                "/blog/feed.xml",
                get(|h: HeaderMap| async move { rss("The Blog", true, &h) }),
            )
            .route(
                "/mirror/feed.xml",
                get(|h: HeaderMap| async move { rss("Mirror", false, &h) }),
            )
            .route("/blog/atom.xml", get(atom))
            .route("/other.xml", get(|| async { self::rss("Other") })),
    )
    .await
}

#[tokio::test]
async fn one_feed_is_subscribed_once_however_its_address_is_written() {
    let server = blog().await;
    let (_dir, library) = open_library().await;
    let port = server.addr().port();
    let feed = library
        .subscribe(&server.url("/blog/feed.xml"))
        .await
        .unwrap();
    for variant in [
        format!("http://localhost:{port}/blog/feed.xml/"),
        // Typed without a scheme: https, which this server does not speak, then http.
        format!("127.0.0.1:{port}/blog/feed.xml"),
        // Another format of the same blog: the same site and title.
        server.url("/blog/atom.xml"),
        // Fetched elsewhere, naming the subscribed address as its own.
        server.url("/mirror/feed.xml"),
    ] {
        let outcome = library.add_feed(&variant).await.unwrap();
        assert!(
            matches!(&outcome, AddFeedOutcome::AlreadySubscribed { feed: same } if same.id == feed.id),
            "{variant}: {outcome:?}"
        );
    }
    assert_eq!(library.list_feeds().await.unwrap().len(), 1);

    let opml = format!(
        r#"<opml version="2.0"><body>
        <outline text="The Blog" type="rss" xmlUrl="https://localhost:{port}/blog/feed.xml"/>
        <outline text="Other" type="rss" xmlUrl="http://127.0.0.1:{port}/other.xml"/>
        <outline text="Other again" type="rss" xmlUrl="http://LOCALHOST:{port}/other.xml/"/>
        </body></opml>"#
    );
    let report = library
        .import_opml(opml.into_bytes(), |_, _| {})
        .await
        .unwrap();
    assert_eq!(
        (report.added, report.already_subscribed),
        (1, 1),
        "{report:?}"
    );
    assert_eq!(report.rejected.len(), 1, "{report:?}");
    assert!(
        report.rejected[0]
            .reason
            .starts_with("it repeats a feed already in this list"),
        "{report:?}"
    );
    library
        .refresh(RefreshScope::All, |_| {}, &CancelToken::new())
        .await
        .unwrap();
    let articles = library.list_articles(ArticleView::All, None).await.unwrap();
    assert_eq!(articles.articles.len(), 2, "each article once");
}

#[tokio::test]
async fn a_deleted_folder_comes_back_with_its_feeds_on_undo() {
    let server = site().await;
    let (_dir, library) = open_library().await;
    let mut feeds = Vec::new();
    for path in ["/one/feed.xml", "/rss.xml"] {
        let AddFeedOutcome::Subscribed { feed } =
            library.add_feed(&server.url(path)).await.unwrap()
        else {
            panic!("expected a subscription to {path}");
        };
        feeds.push(feed.id);
    }
    let news = library.create_folder("News").await.unwrap();
    for feed in &feeds {
        library.move_feed(*feed, Some(news)).await.unwrap();
    }
    let folder_of = |feed: i64| {
        let library = library.clone();
        async move {
            let feeds = library.list_feeds().await.unwrap();
            feeds.into_iter().find(|f| f.id == feed).unwrap().folder_id
        }
    };

    // Undone at once, it is the same folder again, id and all.
    let deleted = library.delete_folder(news).await.unwrap();
    assert!(library.undo(deleted.undo).await.unwrap());
    let folders = library.list_folders().await.unwrap();
    assert_eq!((folders[0].id, folders[0].unread_count), (news, 2));

    let deleted = library.delete_folder(news).await.unwrap();
    assert_eq!(deleted.feeds, 2);
    assert!(library.list_folders().await.unwrap().is_empty());
    assert_eq!(folder_of(feeds[0]).await, None, "its feeds are kept");
    // Meanwhile the person puts one of them somewhere else: there it stays.
    let elsewhere = library.create_folder("Elsewhere").await.unwrap();
    library.move_feed(feeds[1], Some(elsewhere)).await.unwrap();

    assert!(library.undo(deleted.undo).await.unwrap());
    let folders = library.list_folders().await.unwrap();
    let names: Vec<_> = folders.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Elsewhere", "News"]);
    // "Elsewhere" took the deleted folder's id: News comes back under a new one.
    assert_eq!(folders[0].id, news);
    assert_eq!(folder_of(feeds[0]).await, Some(folders[1].id));
    assert_eq!(folder_of(feeds[1]).await, Some(elsewhere));
    assert_eq!(
        folders[1].unread_count, 1,
        "its feed's articles count in it again"
    );
    assert!(
        !library.undo(deleted.undo).await.unwrap(),
        "an undo works once"
    );

    let gone = library.delete_folder(news + 100).await.unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
}
