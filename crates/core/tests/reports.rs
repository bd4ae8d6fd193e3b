//! Core reports what happens in the background through the `Reporter` a front end gives it (the
//! app relays each `AppEvent` to its window, the CLI prints them), and decides what follows a
//! change: an imported subscription list is refreshed at once, not at the schedule's next look.

use std::sync::Arc;
use std::time::Duration;

use tidings_core::api::{AppEvent, Reporter};
use tidings_core::{Library, Refresher};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;
use tokio::sync::mpsc;

struct Tell(mpsc::UnboundedSender<AppEvent>);

impl Reporter for Tell {
    fn report(&self, event: AppEvent) {
        let _ = self.0.send(event);
    }
}

/// The next event `wanted` picks, within a deadline far shorter than the schedule's minute-long
/// nap but generous for a loaded machine.
async fn next<T>(
    events: &mut mpsc::UnboundedReceiver<AppEvent>,
    wanted: impl Fn(AppEvent) -> Option<T>,
) -> T {
    tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            if let Some(found) = wanted(events.recv().await.expect("the library reports")) {
                return found;
            }
        }
    })
    .await
    .expect("reported in time")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_reports_its_progress_and_its_feeds_are_refreshed_and_reported_at_once() {
    let seed = SeedArticle::load();
    let feed = seed.feed_xml("http://127.0.0.1/world/putin-kim.html");
    let server =
        TestServer::start(Router::new().route("/feed.xml", get(move || async move { feed }))).await;
    let dir = tempfile::tempdir().unwrap();
    let (tell, mut events) = mpsc::unbounded_channel();
    let library = Library::open(&dir.path().join("tidings.db"))
        .unwrap()
        .reporting_to(Arc::new(Tell(tell)));
    let refresher = Refresher::new(library.clone());
    // With no feeds, the schedule naps for its full minute.
    tokio::spawn(async move { refresher.run_schedule(|_| {}).await });

    let import = |name: &str| {
        let opml = dir.path().join(format!("{name}.opml"));
        let outline = format!(
            r#"<opml version="2.0"><body><outline type="rss" text="{name}" xmlUrl="{}?{name}"/></body></opml>"#,
            server.url("/feed.xml")
        );
        std::fs::write(&opml, outline).unwrap();
        let library = library.clone();
        async move { library.import_opml_file(&opml).await.unwrap() }
    };

    // The first list: its progress, then its feed refreshed (the schedule may not have begun
    // its nap yet).
    assert_eq!(import("First").await.added, 1);
    let stored = next(&mut events, |e| match e {
        AppEvent::ImportProgress { done, total } if done == total => Some(total),
        _ => None,
    })
    .await;
    assert_eq!(stored, 1);
    let summary = next(&mut events, |e| match e {
        AppEvent::RefreshFinished(summary) => Some(summary),
        _ => None,
    })
    .await;
    assert_eq!((summary.updated, summary.new_articles), (1, 1));

    // The second, while the schedule naps (a minute at most; the first feed is due in 30).
    assert_eq!(import("Second").await.added, 1);
    let fetched = next(&mut events, |e| match e {
        AppEvent::RefreshProgress(p) => Some(p.feed_title),
        _ => None,
    })
    .await;
    assert_eq!(fetched, "Second");
    let summary = next(&mut events, |e| match e {
        AppEvent::RefreshFinished(summary) => Some(summary),
        _ => None,
    })
    .await;
    assert_eq!(summary.updated, 1);
}
