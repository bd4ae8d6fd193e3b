//! A refresh that reaches no server says so once ("offline"), instead of one failure per feed —
//! and one server being down is not taken for that.

use tidings_core::api::{FeedOutcome, RefreshScope};
use tidings_core::{CancelToken, Library};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

const FEED: &str = r#"<rss version="2.0"><channel><title>News</title><item><guid>1</guid><title>Hello</title></item></channel></rss>"#;

async fn server() -> TestServer {
    TestServer::start(Router::new().route("/feed.xml", get(|| async { FEED }))).await
}

#[tokio::test]
async fn every_server_out_of_reach_is_offline_and_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    let mut first = server().await;
    let mut second = server().await;
    library.subscribe(&first.url("/feed.xml")).await.unwrap();
    library.subscribe(&second.url("/feed.xml")).await.unwrap();
    let refresh = || async {
        let reasons = std::sync::Mutex::new(Vec::new());
        let summary = library
            .refresh(
                RefreshScope::All,
                |p| {
                    if let FeedOutcome::Failed { reason } = p.outcome {
                        reasons.lock().unwrap().push(reason);
                    }
                },
                &CancelToken::new(),
            )
            .await
            .unwrap();
        (summary, reasons.into_inner().unwrap())
    };

    first.shut_down().await;
    let (summary, reasons) = refresh().await;
    assert_eq!((summary.failed, summary.offline), (1, false), "{summary:?}");
    assert!(
        reasons[0].starts_with("nothing answered at 127.0.0.1:"),
        "{reasons:?}"
    );

    second.shut_down().await;
    let (summary, _) = refresh().await;
    assert_eq!((summary.failed, summary.offline), (2, true), "{summary:?}");
}
