//! Subscriptions of a synced account change on its server first; what a protocol cannot do is
//! refused, saying where to do it.

use tidings_core::api::AccountKind;
use tidings_core::sync::greader::GReader;
use tidings_core::sync::ttrss::TtRss as TtRssClient;
use tidings_core::sync::{Backend, SyncHttp};

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
