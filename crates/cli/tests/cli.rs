//! The CLI as a user runs it: a real binary, a real database file, a real loopback server.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;

pub(crate) fn cli(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tidings-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

pub(crate) fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn add_refresh_and_list_over_one_database_file() {
    let seed = SeedArticle::load();
    let feed = seed.feed_xml("http://127.0.0.1/world/putin-kim.html");
    let server =
        TestServer::start(Router::new().route("/feed.xml", get(move || async move { feed }))).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");

    let added = stdout(&cli(&db, &["add", &server.url("/feed.xml")]));
    assert_eq!(added.trim(), "1\tThe Daily Tidings — World\t1 unread");

    let listed = stdout(&cli(&db, &["list", "--unread"]));
    assert!(listed.contains(&seed.title), "{listed}");
    assert!(listed.contains("\t* \t"), "unread marker: {listed}");
    assert_eq!(stdout(&cli(&db, &["list", "--bookmarks"])), "");

    let refreshed = stdout(&cli(&db, &["refresh"]));
    assert!(
        refreshed.starts_with("1 updated, 0 not modified, 0 failed; 0 new articles in "),
        "{refreshed}"
    );

    let found = stdout(&cli(&db, &["search", "vostochny"]));
    assert!(
        found.starts_with("1\tThe Daily Tidings — World\tPutin and Kim"),
        "{found}"
    );
    assert!(found.contains("Vostochny space center"), "{found}");
    assert_eq!(
        stdout(&cli(&db, &["search", "vostochny", "--bookmarks"])),
        ""
    );
    // Cut off by --limit: how many more match is said on stderr.
    let cut = cli(&db, &["search", "vostochny", "--limit", "0"]);
    assert_eq!(stdout(&cut), "");
    assert_eq!(
        String::from_utf8_lossy(&cut.stderr),
        "0 of 1 matching articles shown; --limit N shows more.\n"
    );

    let feeds = stdout(&cli(&db, &["feeds"]));
    assert!(
        feeds.starts_with("1\tThe Daily Tidings — World\t1 unread\thttp://127.0.0.1:"),
        "{feeds}"
    );
}

#[test]
fn sanitize_prints_the_stored_form_from_a_file_or_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let html = r#"<p onclick="x()">Hi <a href="/a">there</a><script>alert(1)</script></p>"#;
    let expected =
        "<p>Hi <a href=\"https://example.com/a\" rel=\"noopener noreferrer\">there</a></p>\n";

    let file = dir.path().join("in.html");
    std::fs::write(&file, html).unwrap();
    let from_file = stdout(&cli(
        &db,
        &[
            "sanitize",
            "--base",
            "https://example.com/x/",
            file.to_str().unwrap(),
        ],
    ));
    assert_eq!(from_file, expected);

    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings-cli"))
        .args(["sanitize", "--base", "https://example.com/x/"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(html.as_bytes())
        .unwrap();
    assert_eq!(stdout(&child.wait_with_output().unwrap()), expected);
    assert!(!db.exists(), "sanitize needs no database");
}

#[test]
fn failures_exit_non_zero_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cases = [
        (
            vec!["add".to_string(), "not a url at all".to_string()],
            "is not a web address",
        ),
        (
            vec!["add".to_string(), format!("http://127.0.0.1:{port}/feed")],
            "nothing answered at 127.0.0.1:",
        ),
        (
            vec![
                "sanitize".to_string(),
                "--base".to_string(),
                "nope".to_string(),
            ],
            "--base nope",
        ),
    ];
    for (args, message) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = cli(&db, &args);
        assert!(!output.status.success(), "{args:?} succeeded");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("tidings-cli: ") && stderr.contains(message),
            "{stderr}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn opml_in_refresh_and_opml_out() {
    let server = TestServer::start(Router::new().route(
        "/feed.xml",
        get(|| async { "<rss version=\"2.0\"><channel><title>Imported</title><item><guid>1</guid><title>Hi</title></item></channel></rss>" }),
    ))
    .await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    let opml = dir.path().join("in.opml");
    std::fs::write(
        &opml,
        format!(
            r#"<opml version="2.0"><body><outline text="Tech"><outline type="rss" text="Imported" xmlUrl="{}"/></outline>
               <outline type="rss" text="Bad" xmlUrl="file:///etc/passwd"/></body></opml>"#,
            server.url("/feed.xml")
        ),
    )
    .unwrap();
    let output = cli(&db, &["import-opml", opml.to_str().unwrap()]);
    assert_eq!(
        stdout(&output),
        "1 added, 0 already subscribed, 1 skipped\n"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("skipped Bad <file:///etc/passwd>: "),
        "{stderr}"
    );

    let refreshed = stdout(&cli(
        &db,
        &["refresh", "--concurrency", "4", "--per-host", "2"],
    ));
    assert!(
        refreshed.starts_with("1 updated, 0 not modified, 0 failed; 1 new articles"),
        "{refreshed}"
    );

    let exported = stdout(&cli(&db, &["export-opml"]));
    assert!(
        exported.contains(&format!("xmlUrl=\"{}\"", server.url("/feed.xml"))),
        "{exported}"
    );
    assert!(exported.contains("text=\"Tech\""), "{exported}");
    let file = dir.path().join("out.opml");
    stdout(&cli(&db, &["export-opml", file.to_str().unwrap()]));
    assert_eq!(std::fs::read_to_string(file).unwrap(), exported);
}

#[test]
fn extract_prints_the_article_of_a_local_page_as_json() {
    let seed = SeedArticle::load();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, seed.news_page()).unwrap();
    let db = dir.path().join("unused.db");
    let output = cli(
        &db,
        &[
            "extract",
            "--url",
            "https://news.example/world/putin-kim.html",
            page.to_str().unwrap(),
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["title"], seed.title);
    assert_eq!(json["published"], 1_719_273_600);
    assert_eq!(
        json["lead_image"],
        "https://news.example/world/img/putin-kim.png"
    );
    let text = json["text"].as_str().unwrap();
    assert!(text.contains(&seed.paragraphs[0][..60]), "{text}");
    assert!(
        text.contains(&seed.paragraphs.last().unwrap()[..60]),
        "{text}"
    );
    assert!(
        !text.contains("cookies") && !text.contains("Most read"),
        "clutter kept: {text}"
    );
    assert!(json["word_count"].as_u64().unwrap() > 500);
    assert!(!db.exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn save_keeps_a_page_and_its_images() {
    let seed = SeedArticle::load();
    let page = seed.news_page();
    let server = TestServer::start(
        Router::new()
            .route(
                "/world/story.html",
                get(move || async move { tidings_testkit::axum::response::Html(page) }),
            )
            .route(
                "/world/img/putin-kim.png",
                get(|| async {
                    (
                        [("content-type", "image/png")],
                        tidings_testkit::png(8, 8, [9, 9, 9]),
                    )
                }),
            ),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    let saved = stdout(&cli(&db, &["save", &server.url("/world/story.html")]));
    assert_eq!(saved, format!("1\t{}\t1 images kept offline\n", seed.title));
    let listed = stdout(&cli(&db, &["list"]));
    assert!(listed.contains(&seed.title), "{listed}");

    drop(server);
    let out = dir.path().join("export");
    let written = stdout(&cli(
        &db,
        &["export", "--saved", "--format", "md", out.to_str().unwrap()],
    ));
    let markdown = std::fs::read_to_string(written.trim()).unwrap();
    assert!(
        markdown.starts_with(&format!("---\ntitle: \"{}\"\n", seed.title)),
        "{markdown}"
    );
    let written = stdout(&cli(
        &db,
        &[
            "export",
            "--id",
            "1",
            "--format",
            "html",
            out.to_str().unwrap(),
        ],
    ));
    let html = std::fs::read_to_string(written.trim()).unwrap();
    assert!(
        html.contains("src=\"data:image/png;base64,"),
        "the image was not inlined"
    );
    let refused = cli(&db, &["export", "--format", "md", out.to_str().unwrap()]);
    assert!(!refused.status.success());
}

/// Bookmarking from the CLI does what it does in the app: the article's pictures are kept for
/// reading offline (the rule lives in core, behind both).
#[tokio::test(flavor = "multi_thread")]
async fn bookmark_keeps_the_articles_pictures_offline_as_the_app_does() {
    let seed = SeedArticle::load();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let feed = seed.feed_xml(&format!("http://{addr}/world/putin-kim.html"));
    let mut server = TestServer::start_at(
        addr,
        Router::new()
            .route("/feed.xml", get(move || async move { feed }))
            .route(
                "/world/img/putin-kim.png",
                get(|| async {
                    (
                        [("content-type", "image/png")],
                        tidings_testkit::png(8, 8, [9, 9, 9]),
                    )
                }),
            ),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    stdout(&cli(&db, &["add", &server.url("/feed.xml")]));

    let bookmarked = cli(&db, &["bookmark", "1"]);
    assert_eq!(stdout(&bookmarked), "bookmarked 1\n");
    assert_eq!(
        String::from_utf8_lossy(&bookmarked.stderr),
        "article 1: 1 images kept offline\n"
    );

    server.shut_down().await;
    let out = dir.path().join("export");
    let written = stdout(&cli(
        &db,
        &[
            "export",
            "--id",
            "1",
            "--format",
            "html",
            out.to_str().unwrap(),
        ],
    ));
    let html = std::fs::read_to_string(written.trim()).unwrap();
    assert!(
        html.contains("src=\"data:image/png;base64,"),
        "the picture was not kept"
    );
}
