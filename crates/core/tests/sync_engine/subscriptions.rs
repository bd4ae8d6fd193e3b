//! Subscriptions of a synced account change on its server first; what a protocol cannot do is
//! refused, saying where to do it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tidings_core::Library;
use tidings_core::api::{AccountKind, NewAccount};
use tidings_core::sync::greader::GReader;
use tidings_core::sync::ttrss::TtRss as TtRssClient;
use tidings_core::sync::{Backend, SyncHttp};

use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::http::StatusCode;
use tidings_testkit::axum::response::{IntoResponse, Response};
use tidings_testkit::axum::routing::{get, post};

use super::{FEEDS, World};

/// Subscriptions change on the server first; what a protocol cannot do is refused with where
/// to do it, and nothing changes here.
#[tokio::test(flavor = "multi_thread")]
async fn ttrss_subscriptions_change_on_the_server_and_what_it_cannot_do_is_refused() {
    let world = World::ttrss();
    let (library, account) = world.synced_library().await;
    let feeds = library.list_feeds().await.unwrap();
    let first = feeds[0].clone();

    let server_feeds = || async {
        let http = SyncHttp::new(Default::default()).unwrap();
        let mut client = TtRssClient::log_in(http, &world.login()).await.unwrap();
        client.feeds().await.unwrap()
    };
    library.remove_feed(first.id).await.unwrap();
    assert_eq!(server_feeds().await.len(), FEEDS - 1);
    assert_eq!(library.list_feeds().await.unwrap().len(), FEEDS - 1);

    let back = library
        .subscribe_on_account(account.id, &first.url)
        .await
        .unwrap();
    assert_eq!(back.account_id, account.id);
    assert_eq!(server_feeds().await.len(), FEEDS);

    let renamed = library
        .rename_feed(back.id, Some("Mine".to_string()))
        .await
        .unwrap_err()
        .to_string();
    assert!(renamed.contains("cannot rename feeds"), "{renamed}");
    assert_ne!(library.feed(back.id).await.unwrap().title, "Mine");
    // A folder of this computer is no place for a synced feed.
    let local = library.create_folder("Here").await.unwrap();
    assert!(library.move_feed(back.id, Some(local)).await.is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn fever_cannot_change_subscriptions_and_says_where_to() {
    let world = World::coldsweat();
    let (library, _) = world.synced_library().await;
    let feed = library.list_feeds().await.unwrap()[0].clone();
    let refused = library.remove_feed(feed.id).await.unwrap_err().to_string();
    assert!(
        refused.contains("cannot remove feeds") && refused.contains("web page"),
        "{refused}"
    );
    assert_eq!(library.list_feeds().await.unwrap().len(), FEEDS);
}

/// The Google Reader API can change everything: each change reaches the server.
#[tokio::test(flavor = "multi_thread")]
async fn google_reader_subscriptions_change_on_the_server() {
    let world = World::freshrss(AccountKind::Greader);
    let (library, account) = world.synced_library().await;
    let server_feeds = || async {
        let http = SyncHttp::new(Default::default()).unwrap();
        let mut client = GReader::log_in(http, &world.login()).await.unwrap();
        client.feeds().await.unwrap()
    };
    let feed = library.list_feeds().await.unwrap()[0].clone();
    library
        .rename_feed(feed.id, Some("Renamed here".to_string()))
        .await
        .unwrap();
    let on_server = server_feeds().await;
    assert!(
        on_server.iter().any(|f| f.title == "Renamed here"),
        "{on_server:?}"
    );
    // Into another folder of the same account.
    let folders = library.list_folders().await.unwrap();
    let other = folders
        .iter()
        .find(|f| f.account_id == account.id && Some(f.id) != feed.folder_id)
        .expect("the farm's OPML has several folders");
    library.move_feed(feed.id, Some(other.id)).await.unwrap();
    let moved = server_feeds().await;
    let moved = moved.iter().find(|f| f.title == "Renamed here").unwrap();
    assert_eq!(moved.folder.as_deref(), Some(other.name.as_str()));
    library.remove_feed(feed.id).await.unwrap();
    assert_eq!(server_feeds().await.len(), FEEDS - 1);
}

/// A feed added to a Google Reader account: the server subscribes, and the sync that follows
/// brings its articles.
#[tokio::test(flavor = "multi_thread")]
async fn google_reader_subscribing_brings_the_feed_and_its_articles() {
    let world = World::freshrss(AccountKind::Greader);
    let (library, account) = world.synced_library().await;
    let feed = library.list_feeds().await.unwrap()[0].clone();
    library.remove_feed(feed.id).await.unwrap();
    let back = library
        .subscribe_on_account(account.id, &feed.url)
        .await
        .unwrap();
    assert_eq!((back.account_id, &back.url), (account.id, &feed.url));
    assert_eq!(back.unread_count, super::ITEMS as i64, "{back:?}");
    assert_eq!(library.list_feeds().await.unwrap().len(), FEEDS);
}

/// A Google Reader API that accepts one subscription, lists it once, and is then down (503) for
/// good, as a server that fails right after answering does.
fn down_after_subscribing() -> Router {
    let down = Arc::new(AtomicBool::new(false));
    let subscribed = Arc::new(AtomicBool::new(false));
    let unless_down = |down: &AtomicBool, answer: Response| {
        if down.load(Ordering::SeqCst) {
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        } else {
            answer
        }
    };
    let (login_down, list_down) = (Arc::clone(&down), Arc::clone(&down));
    let added = Arc::clone(&subscribed);
    Router::new()
        .route(
            "/accounts/ClientLogin",
            post(move || async move {
                unless_down(&login_down, "SID=s\nLSID=null\nAuth=s0\n".into_response())
            }),
        )
        .route("/reader/api/0/token", get(|| async { "token0" }))
        .route(
            "/reader/api/0/subscription/quickadd",
            post(move || async move {
                added.store(true, Ordering::SeqCst);
                r#"{"numResults":1,"query":"https://news.example/feed.xml","streamId":"feed/1"}"#
            }),
        )
        .route(
            "/reader/api/0/subscription/list",
            get(move || async move {
                let list = if subscribed.load(Ordering::SeqCst) {
                    r#"{"subscriptions":[{"id":"feed/1","title":"River News","url":"https://news.example/feed.xml","htmlUrl":"https://news.example/","categories":[]}]}"#
                } else {
                    r#"{"subscriptions":[]}"#
                };
                let answer = unless_down(&list_down, list.into_response());
                list_down.store(subscribed.load(Ordering::SeqCst), Ordering::SeqCst);
                answer
            }),
        )
}

/// Once the server has accepted a subscription it stands here too, even when the sync that
/// should bring its articles fails: the feed is listed, and the account says why it is empty.
#[tokio::test(flavor = "multi_thread")]
async fn a_subscription_the_server_accepted_stands_when_the_sync_after_it_fails() {
    let server = TestServer::start(down_after_subscribing()).await;
    let work = tempfile::tempdir().unwrap();
    let library = Library::open(&work.path().join("tidings.db")).unwrap();
    let account = library
        .add_account(NewAccount {
            kind: AccountKind::Greader,
            url: server.url("/"),
            user_name: "reader".to_string(),
            password: "secret".to_string(),
        })
        .await
        .unwrap();

    let feed = library
        .subscribe_on_account(account.id, "https://news.example/feed.xml")
        .await
        .unwrap();
    assert_eq!(
        (feed.title.as_str(), feed.account_id),
        ("River News", account.id)
    );
    let listed = library.list_feeds().await.unwrap();
    assert!(listed.iter().any(|f| f.id == feed.id), "{listed:?}");
    let why = library.account(account.id).await.unwrap().last_error;
    assert!(why.as_deref().is_some_and(|e| e.contains("503")), "{why:?}");
}
