//! Every misbehaving endpoint of the feed farm in one refresh, next to good feeds: each bad feed
//! ends with its own specific error (within the fetch time limit, in bounded memory), and the
//! good feeds in the same refresh still arrive.

// Peak memory comes from the kernel's accounting of the child (wait4), a Unix call.
#![cfg(unix)]

use std::process::Command;

use tidings_testkit::{Farm, measure};

/// What `tidings-cli feeds` must say about each bad endpoint ("" = it must succeed).
const EXPECTED: [(&str, &str); 20] = [
    ("/bad/404", "the server answered 404 Not Found"),
    ("/bad/410", "the server answered 410 Gone"),
    ("/bad/500", "the server answered 500 Internal Server Error"),
    ("/bad/503", "503 Service Unavailable and asks to wait 120 s"),
    ("/bad/429", "429 Too Many Requests and asks to wait 120 s"),
    ("/bad/redirect-loop", "redirected more than 5 times"),
    ("/bad/redirect/3", ""),
    ("/bad/moved", ""),
    // A trickle that still finishes within the time limit is slow, not broken.
    ("/bad/slow", ""),
    ("/bad/stall", "the server went silent for 15 s"),
    ("/bad/stall-body", "the server went silent for 15 s"),
    ("/bad/reset", "Connection reset by peer"),
    (
        "/bad/empty",
        "the server sent an empty document, not a feed",
    ),
    ("/bad/not-a-feed", "this is a web page, not a feed"),
    // Recoverable damage is recovered: the items that survive are kept.
    ("/bad/invalid-xml", ""),
    ("/bad/truncated", ""),
    ("/bad/wrong-charset", ""),
    ("/bad/huge", "the response is larger than the 10 MiB limit"),
    (
        "/bad/gzip-bomb",
        "the response is larger than the 10 MiB limit",
    ),
    // Entities are never expanded, so the bomb is inert.
    ("/bad/xml-bomb", ""),
];

#[test]
fn every_hostile_server_fails_on_its_own_and_good_feeds_still_arrive() {
    let work = tempfile::tempdir().unwrap();
    let farm = Farm::start(None, 3, 10, work.path()).unwrap();
    let opml = farm
        .download("/feeds.opml?count=3&bad=1", &work.path().join("feeds.opml"))
        .unwrap();
    let db = work.path().join("tidings.db");
    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_tidings-cli"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    let imported = cli(&["import-opml", opml.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8_lossy(&imported.stdout),
        "23 added, 0 already subscribed, 0 skipped\n"
    );

    let usage = measure::run(
        std::path::Path::new(env!("CARGO_BIN_EXE_tidings-cli")),
        &["--db", db.to_str().unwrap(), "refresh"],
    )
    .unwrap();
    assert!(
        usage.wall_s < 30.0,
        "the refresh took {:.1} s",
        usage.wall_s
    );
    assert!(
        usage.peak_rss_mb < 100.0,
        "the refresh peaked at {:.0} MB",
        usage.peak_rss_mb
    );

    let feeds = String::from_utf8(cli(&["feeds"]).stdout).unwrap();
    let line_for = |path: &str| {
        let url = farm.url(path);
        feeds
            .lines()
            .find(|line| line.split('\t').nth(3) == Some(url.as_str()))
            .unwrap_or_else(|| panic!("{path} missing from:\n{feeds}"))
            .to_string()
    };
    for (path, error) in EXPECTED {
        let line = line_for(path);
        if error.is_empty() {
            assert!(
                !line.contains("last error"),
                "{path} should have worked: {line}"
            );
        } else {
            assert!(
                line.contains("last error: ") && line.contains(error),
                "{path}: expected {error:?} in {line}"
            );
        }
    }
    for good in ["/feeds/0000.rss", "/feeds/0001.rss", "/feeds/0002.rss"] {
        let line = line_for(good);
        assert!(
            line.contains("\t10 unread\t") && !line.contains("last error"),
            "{line}"
        );
    }
}
