//! Every misbehaving endpoint of the feed farm: refreshed on its own, each ends within 30 s, with
//! its own specific error, using at most 32 MB more memory than refreshing a good feed; all of
//! them in one refresh beside good feeds, the good feeds still arrive.
//! (Fifty of them around one good feed: `crates/core/tests/hostile_crowd.rs`.)

// Peak memory comes from the kernel's accounting of the child (wait4), a Unix call.
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Output};

use tidings_testkit::Farm;
use tidings_testkit::measure::{self, Usage};

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
    ("/bad/reset", "was cut off — try again later"),
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

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tidings-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// The line `tidings-cli feeds` prints for the feed at `url`.
fn feed_line(db: &Path, url: &str) -> String {
    let feeds = String::from_utf8(cli(db, &["feeds"]).stdout).unwrap();
    feeds
        .lines()
        .find(|line| line.split('\t').nth(3) == Some(url))
        .unwrap_or_else(|| panic!("{url} missing from:\n{feeds}"))
        .to_string()
}

/// Subscribes a new library in `dir` to the farm's `path` alone, refreshes it, and reports what
/// the refresh used and what the library then says about the feed.
fn refresh_alone(farm: &Farm, dir: &Path, path: &str) -> (Usage, String) {
    std::fs::create_dir_all(dir).unwrap();
    let db = dir.join("tidings.db");
    let url = farm.url(path);
    let opml = dir.join("one.opml");
    std::fs::write(
        &opml,
        format!(
            r#"<opml version="2.0"><body><outline type="rss" text="one" xmlUrl="{url}"/></body></opml>"#
        ),
    )
    .unwrap();
    let imported = cli(&db, &["import-opml", opml.to_str().unwrap()]);
    assert!(imported.status.success(), "{imported:?}");
    let usage = measure::run(
        Path::new(env!("CARGO_BIN_EXE_tidings-cli")),
        &["--db", db.to_str().unwrap(), "refresh"],
    )
    .unwrap();
    // The only feed, wherever it lives now (a permanent move updates its address).
    let feeds = String::from_utf8(cli(&db, &["feeds"]).stdout).unwrap();
    let mut lines = feeds.lines();
    let line = lines
        .next()
        .unwrap_or_else(|| panic!("{url}: no feed left"));
    assert!(lines.next().is_none(), "{feeds}");
    (usage, line.to_string())
}

/// The farm, serving `feeds` feeds, with its gzip bomb built: the farm builds it on the first
/// request for it (~3 s, many more on a loaded machine, time in which it sends nothing), and a
/// slow farm is not what these tests measure.
fn farm_with_its_bomb_built(feeds: usize, work: &Path) -> Farm {
    let farm = Farm::start(None, feeds, 10, work).unwrap();
    farm.download("/bad/gzip-bomb", &work.join("bomb.gz"))
        .unwrap();
    farm
}

fn check_line(path: &str, error: &str, line: &str) {
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

#[test]
fn each_hostile_server_alone_ends_in_time_with_its_own_error_in_little_memory() {
    let work = tempfile::tempdir().unwrap();
    let farm = farm_with_its_bomb_built(1, work.path());
    let (baseline, line) = refresh_alone(&farm, &work.path().join("good"), "/feeds/0000.rss");
    assert!(line.contains("\t10 unread\t"), "{line}");
    // All at once: the slowest (a stall, cut by the 15 s silence limit) sets the test's length.
    let results: Vec<(Usage, String)> = std::thread::scope(|scope| {
        let runs: Vec<_> = EXPECTED
            .iter()
            .enumerate()
            .map(|(n, (path, _))| {
                let dir = work.path().join(n.to_string());
                let farm = &farm;
                scope.spawn(move || refresh_alone(farm, &dir, path))
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    println!(
        "good feed: {:.1} s, {:.1} MB peak",
        baseline.wall_s, baseline.peak_rss_mb
    );
    for ((path, error), (usage, line)) in EXPECTED.iter().zip(&results) {
        let extra = usage.peak_rss_mb - baseline.peak_rss_mb;
        println!(
            "{path:<20} {:>5.1} s {extra:>+6.1} MB  {}",
            usage.wall_s,
            line.split("last error: ").nth(1).unwrap_or("ok")
        );
        assert!(usage.wall_s < 30.0, "{path} took {:.1} s", usage.wall_s);
        assert!(
            extra <= 32.0,
            "{path} used {extra:.1} MB more than a good feed"
        );
        check_line(path, error, line);
    }
}

#[test]
fn every_hostile_server_in_one_refresh_beside_good_feeds() {
    let work = tempfile::tempdir().unwrap();
    let farm = farm_with_its_bomb_built(3, work.path());
    let opml = farm
        .download("/feeds.opml?count=3&bad=1", &work.path().join("feeds.opml"))
        .unwrap();
    let db = work.path().join("tidings.db");
    let imported = cli(&db, &["import-opml", opml.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8_lossy(&imported.stdout),
        "23 added, 0 already subscribed, 0 skipped\n"
    );
    let usage = measure::run(
        Path::new(env!("CARGO_BIN_EXE_tidings-cli")),
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
    for (path, error) in EXPECTED {
        check_line(path, error, &feed_line(&db, &farm.url(path)));
    }
    // Each good feed holds its ten articles. Feed 0's stories also come by the redirects and
    // the truncated copy, and are listed once: whichever came first has them unread.
    for good in ["/feeds/0000.rss", "/feeds/0001.rss", "/feeds/0002.rss"] {
        let line = feed_line(&db, &farm.url(good));
        assert!(!line.contains("last error"), "{line}");
        let id = line.split('\t').next().unwrap();
        let listed = cli(&db, &["list", "--feed", id, "--limit", "100"]).stdout;
        assert_eq!(
            String::from_utf8_lossy(&listed).lines().count(),
            10,
            "{line}"
        );
    }
}
