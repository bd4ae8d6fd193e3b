//! Fifty hostile feeds and one good one in the same refresh: the good one is stored — as the
//! refresh's own progress reports it — within 5 s, and every hostile one ends as it should. Each
//! feed sits on a host name of its own (all resolving to the loopback feed farm), as feeds on the
//! web do, so per-host politeness does not queue the good feed behind them. (Each endpoint alone,
//! with its time, memory and error: `crates/cli/tests/hostile_servers.rs`.)

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tidings_core::api::{FeedOutcome, RefreshScope};
use tidings_core::{CancelToken, Library};
use tidings_testkit::Farm;

/// Feed farm endpoints, and whether a refresh of each stores articles (damage it recovers from,
/// an entity bomb it never expands) rather than failing.
const HOSTILE: [(&str, bool); 17] = [
    ("/bad/404", false),
    ("/bad/410", false),
    ("/bad/500", false),
    ("/bad/503", false),
    ("/bad/429", false),
    ("/bad/redirect-loop", false),
    ("/bad/stall?max_s=40", false),
    ("/bad/stall-body?max_s=40", false),
    // Too slow to finish within the 25 s a feed may take.
    ("/bad/slow?bps=64&max_s=40", false),
    ("/bad/reset", false),
    ("/bad/empty", false),
    ("/bad/not-a-feed", false),
    ("/bad/invalid-xml", true),
    ("/bad/huge?mb=200", false),
    ("/bad/gzip-bomb?gib=4", false),
    ("/bad/xml-bomb", true),
    ("/bad/status/418", false),
];

#[tokio::test(flavor = "multi_thread")]
async fn fifty_hostile_feeds_do_not_hold_up_a_good_one() {
    let work = tempfile::tempdir().unwrap();
    let farm = Farm::start(None, 1, 20, work.path()).unwrap();
    let port = farm.url("").rsplit(':').next().unwrap().to_string();
    let loopback = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let names: Vec<String> = (0..=50).map(|n| format!("host{n}.example")).collect();
    let hosts: Vec<(&str, IpAddr)> = names.iter().map(|n| (n.as_str(), loopback)).collect();
    let library = Library::open(&work.path().join("tidings.db"))
        .unwrap()
        .with_hosts(&hosts)
        .unwrap();
    // Feed address → whether it should store articles.
    let mut expected: HashMap<String, bool> = (0..50)
        .map(|n| {
            let (path, stores) = HOSTILE[n % HOSTILE.len()];
            let join = if path.contains('?') { '&' } else { '?' };
            (
                format!("http://host{n}.example:{port}{path}{join}n={n}"),
                stores,
            )
        })
        .collect();
    let good = format!("http://host50.example:{port}/feeds/0000.rss");
    expected.insert(good.clone(), true);
    let outlines: String = expected
        .keys()
        .map(|u| {
            format!(
                r#"<outline type="rss" text="f" xmlUrl="{}"/>"#,
                u.replace('&', "&amp;")
            )
        })
        .collect();
    let file = work.path().join("crowd.opml");
    std::fs::write(
        &file,
        format!("<opml version=\"2.0\"><body>{outlines}</body></opml>"),
    )
    .unwrap();
    let report = library.import_opml_file(&file).await.unwrap();
    assert_eq!(report.added, 51, "{report:?}");
    let urls: HashMap<_, _> = library
        .list_feeds()
        .await
        .unwrap()
        .into_iter()
        .map(|f| (f.id, f.url))
        .collect();

    // Each feed's outcome and when the refresh reported it stored.
    let finished: Mutex<HashMap<String, (Duration, FeedOutcome)>> = Mutex::default();
    let started = Instant::now();
    let summary = library
        .refresh(
            RefreshScope::All,
            |progress| {
                let url = urls[&progress.feed_id].clone();
                let at = started.elapsed();
                finished.lock().unwrap().insert(url, (at, progress.outcome));
            },
            &CancelToken::new(),
        )
        .await
        .unwrap();
    let total = started.elapsed();
    let finished = finished.into_inner().unwrap();
    let (good_after, outcome) = &finished[&good];
    println!(
        "51 feeds in {:.1} s ({} failed); the good one stored after {:.2} s",
        total.as_secs_f64(),
        summary.failed,
        good_after.as_secs_f64()
    );
    assert!(
        matches!(
            outcome,
            FeedOutcome::Updated {
                new_articles: 20,
                ..
            }
        ),
        "{outcome:?}"
    );
    assert!(*good_after < Duration::from_secs(5), "{good_after:?}");
    assert_eq!(finished.len(), 51, "every feed ended: {summary:?}");
    for (url, stores) in &expected {
        let (_, outcome) = &finished[url];
        let stored = matches!(outcome, FeedOutcome::Updated { .. });
        assert_eq!(stored, *stores, "{url}: {outcome:?}");
    }
}
