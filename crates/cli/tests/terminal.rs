//! Long work shows its progress on a terminal, and only there: run under a pseudo-terminal
//! (util-linux's `script`), `import-opml` and `refresh` rewrite one progress line on stderr;
//! piped, they print only their own lines.
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;

use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

const FEED: &str = r#"<rss version="2.0"><channel><title>News</title><item><guid>1</guid><title>Hello</title></item></channel></rss>"#;

fn opml_of_two_feeds(dir: &Path, server: &TestServer) -> std::path::PathBuf {
    let opml = dir.join("feeds.opml");
    std::fs::write(
        &opml,
        format!(
            r#"<opml version="2.0"><body><outline type="rss" text="One" xmlUrl="{}"/><outline type="rss" text="Two" xmlUrl="{}"/></body></opml>"#,
            server.url("/one.xml"),
            server.url("/two.xml")
        ),
    )
    .unwrap();
    opml
}

/// Everything the command wrote to its terminal (stdout and stderr together, as a person sees
/// them).
fn on_a_terminal(db: &Path, args: &str) -> String {
    let cli = env!("CARGO_BIN_EXE_tidings-cli");
    let output = Command::new("script")
        .args(["--quiet", "--return", "--command"])
        .arg(format!("'{cli}' --db '{}' {args}", db.display()))
        .arg("/dev/null")
        .output()
        .expect("util-linux's script runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn import_and_refresh_show_their_progress_on_a_terminal_only() {
    let server = TestServer::start(
        Router::new()
            .route("/one.xml", get(|| async { FEED }))
            .route("/two.xml", get(|| async { FEED })),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let opml = opml_of_two_feeds(dir.path(), &server);

    let terminal_db = dir.path().join("terminal.db");
    let imported = on_a_terminal(&terminal_db, &format!("import-opml '{}'", opml.display()));
    assert!(imported.contains("Importing feeds: 2 of 2"), "{imported:?}");
    assert!(
        imported.contains("2 added, 0 already subscribed, 0 skipped"),
        "{imported:?}"
    );
    let refreshed = on_a_terminal(&terminal_db, "refresh");
    assert!(
        refreshed.contains("Refreshing feeds: 2 of 2"),
        "{refreshed:?}"
    );
    assert!(refreshed.contains("2 updated"), "{refreshed:?}");

    let piped_db = dir.path().join("piped.db");
    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_tidings-cli"))
            .arg("--db")
            .arg(&piped_db)
            .args(args)
            .output()
            .unwrap()
    };
    for output in [
        cli(&["import-opml", opml.to_str().unwrap()]),
        cli(&["refresh"]),
    ] {
        assert!(output.status.success(), "{output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{output:?}");
    }
}
