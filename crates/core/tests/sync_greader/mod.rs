//! The Google Reader API client against a real FreshRSS fed by the feed farm: what the client
//! reads and changes is checked with curl, independently of the client. Servers that misbehave
//! are in `bad_servers`.

mod bad_servers;
mod freshrss;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use tidings_core::sync::greader::GReader;
use tidings_core::sync::{Backend, Mark, RemoteItem, SyncError, SyncHttp};
use tidings_testkit::sync_servers::FreshRss;

use freshrss::{
    READING_LIST, api, calls, client, ids_of, login, served, server_ids, starred_on_server,
    sync_all, unread_on_server,
};

#[tokio::test]
async fn logging_in_with_the_right_password_works_at_the_api_and_at_the_site_root() {
    let server = FreshRss::start().unwrap();
    for typed in [server.greader_url(), server.url()] {
        let mut client = GReader::log_in(
            SyncHttp::new(Default::default()).unwrap(),
            &login(&typed, FreshRss::PASSWORD),
        )
        .await
        .unwrap_or_else(|e| panic!("{typed}: {e}"));
        assert_eq!(client.base(), server.greader_url(), "typed {typed}");
        assert_eq!(client.feeds().await.unwrap(), []);
    }
}

#[tokio::test]
async fn a_wrong_password_is_an_auth_error() {
    let server = FreshRss::start().unwrap();
    for typed in [server.greader_url(), server.url()] {
        let result = GReader::log_in(
            SyncHttp::new(Default::default()).unwrap(),
            &login(&typed, "not-the-password"),
        )
        .await;
        assert!(
            matches!(result, Err(SyncError::Auth(_))),
            "{typed}: {:?}",
            result.err()
        );
    }
}

#[tokio::test]
async fn a_server_that_is_down_is_unreachable_at_once() {
    let server = FreshRss::start().unwrap();
    server.stop().unwrap();
    let started = Instant::now();
    let result = GReader::log_in(
        SyncHttp::new(Default::default()).unwrap(),
        &login(&server.greader_url(), FreshRss::PASSWORD),
    )
    .await;
    assert!(
        matches!(result, Err(SyncError::Unreachable(_))),
        "{:?}",
        result.err()
    );
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn feeds_are_what_the_server_holds_with_their_folders() {
    let served = served(4, 3);
    let feeds = client(&served.server).await.feeds().await.unwrap();
    let listed: serde_json::Value =
        serde_json::from_str(&api(&served.server, "subscription/list?output=json", &[])).unwrap();
    let expected: BTreeSet<(String, String, String, Option<String>)> = listed["subscriptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["title"].as_str().unwrap().to_string(),
                s["url"].as_str().unwrap().to_string(),
                s["categories"][0]["label"].as_str().map(str::to_string),
            )
        })
        .collect();
    let got: BTreeSet<_> = feeds
        .iter()
        .map(|f| {
            (
                f.id.clone(),
                f.title.clone(),
                f.url.clone(),
                f.folder.clone(),
            )
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(feeds.len(), 4);
    // The folders are the farm's OPML's, as the server's import made them.
    let opml = String::from_utf8(served.farm.get("/feeds.opml").unwrap()).unwrap();
    for feed in &feeds {
        let folder = feed
            .folder
            .as_deref()
            .expect("every farm feed is in a folder");
        assert!(opml.contains(&format!("title=\"{folder}\"")), "{folder}");
        assert!(opml.contains(&feed.url), "{}", feed.url);
    }
}

#[tokio::test]
async fn the_first_sync_pages_through_every_article_once_with_its_state() {
    let served = served(3, 70);
    let server = &served.server;
    let everything = server_ids(server, &format!("s={READING_LIST}"));
    assert!(
        everything.len() > 200,
        "more than one page: {}",
        everything.len()
    );
    let some: Vec<&String> = everything.iter().step_by(7).collect();
    let read: Vec<String> = some.iter().map(|id| format!("i={id}")).collect();
    let starred: Vec<String> = some.iter().step_by(2).map(|id| format!("i={id}")).collect();
    let mut form: Vec<&str> = vec!["a=user/-/state/com.google/read"];
    form.extend(read.iter().map(String::as_str));
    api(server, "edit-tag", &form);
    let mut form: Vec<&str> = vec!["a=user/-/state/com.google/starred"];
    form.extend(starred.iter().map(String::as_str));
    api(server, "edit-tag", &form);

    // Pages of 200, as a server allowing fewer than Tidings asks for would send them.
    let mut first = client(server).await.with_pages(200, 1000);
    let page = first.new_items(None).await.unwrap();
    assert!(!page.done && page.items.len() <= 200);
    // The cursor is stored mid-way; the sync goes on later, in another session.
    let mut later = client(server).await.with_pages(200, 1000);
    let (rest, _) = sync_all(&mut later, Some(page.cursor)).await;
    let items: Vec<RemoteItem> = page.items.into_iter().chain(rest).collect();

    assert_eq!(items.len(), everything.len(), "no article twice");
    assert_eq!(ids_of(&items), everything);
    let feeds: BTreeSet<String> = first
        .feeds()
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert!(items.iter().all(|item| feeds.contains(&item.feed_id)));
    let unread = unread_on_server(server);
    let starred = starred_on_server(server);
    for item in &items {
        assert_eq!(item.read, !unread.contains(&item.id), "{}", item.id);
        assert_eq!(item.starred, starred.contains(&item.id), "{}", item.id);
    }
    assert!(
        items
            .iter()
            .all(|i| !i.title.is_empty() && !i.content_html.is_empty())
    );
}

#[tokio::test]
async fn a_later_sync_brings_exactly_the_new_articles_and_then_nothing() {
    let served = served(3, 5);
    let server = &served.server;
    let mut client = client(server).await;
    let (before, cursor) = sync_all(&mut client, None).await;

    served.farm.get("/admin/advance?n=1").unwrap();
    server.actualize().unwrap();
    let now = server_ids(server, &format!("s={READING_LIST}"));
    let expected: BTreeSet<String> = now.difference(&ids_of(&before)).cloned().collect();
    assert_eq!(expected.len(), 3, "one new article per feed");
    let (new, cursor) = sync_all(&mut client, Some(cursor)).await;
    assert_eq!(ids_of(&new), expected);
    assert_eq!(new.len(), 3);

    let asked = calls(server, "/stream/contents/");
    let page = client.new_items(Some(&cursor)).await.unwrap();
    assert!(page.done && page.items.is_empty(), "{page:?}");
    assert_eq!(calls(server, "/stream/contents/"), asked + 1, "one request");
    assert_eq!(page.cursor, cursor);
}

/// `ot` is in whole seconds and a server's fetch stamps many articles with the same one: the
/// sync after it must not page through them all again.
#[tokio::test]
async fn after_a_big_fetch_a_sync_with_nothing_new_is_still_one_request() {
    let served = served(3, 20);
    let server = &served.server;
    // Pages of 5: a feed's 20 articles, crawled in one second, fill several.
    let mut client = client(server).await.with_pages(5, 1000);
    let (all, cursor) = sync_all(&mut client, None).await;
    assert_eq!(all.len(), 60);
    let asked = calls(server, "/stream/contents/");
    let page = client.new_items(Some(&cursor)).await.unwrap();
    assert!(page.done && page.items.is_empty(), "{page:?}");
    assert_eq!(calls(server, "/stream/contents/"), asked + 1, "one request");
}

#[tokio::test]
async fn unread_and_starred_lists_match_the_server() {
    // More unread articles than one page of 1,000 ids.
    let served = served(4, 260);
    let server = &served.server;
    let all: Vec<String> = server_ids(server, &format!("s={READING_LIST}"))
        .into_iter()
        .collect();
    let read: Vec<String> = all.iter().take(25).map(|id| format!("i={id}")).collect();
    let star: Vec<String> = all
        .iter()
        .skip(20)
        .take(9)
        .map(|id| format!("i={id}"))
        .collect();
    let mut form = vec!["a=user/-/state/com.google/read"];
    form.extend(read.iter().map(String::as_str));
    api(server, "edit-tag", &form);
    let mut form = vec!["a=user/-/state/com.google/starred"];
    form.extend(star.iter().map(String::as_str));
    api(server, "edit-tag", &form);

    let mut client = client(server).await.with_pages(200, 1000);
    let asked = calls(server, "/stream/items/ids");
    let unread = client.unread_ids().await.unwrap();
    assert_eq!(calls(server, "/stream/items/ids"), asked + 2, "two pages");
    let starred = client.starred_ids().await.unwrap();
    assert_eq!(unread.len(), all.len() - 25);
    assert_eq!(starred.len(), 9);
    assert_eq!(
        unread.into_iter().collect::<BTreeSet<_>>(),
        unread_on_server(server)
    );
    assert_eq!(
        starred.into_iter().collect::<BTreeSet<_>>(),
        starred_on_server(server)
    );
}

#[tokio::test]
async fn marks_sent_in_batches_reach_the_server() {
    let served = served(4, 80);
    let server = &served.server;
    let all: Vec<String> = server_ids(server, &format!("s={READING_LIST}"))
        .into_iter()
        .collect();
    assert!(all.len() > 300, "{}", all.len());
    let mut client = client(server).await;

    let sent = calls(server, "/edit-tag");
    client.mark(&all[..300], &Mark::Read).await.unwrap();
    assert_eq!(
        calls(server, "/edit-tag"),
        sent + 2,
        "300 marks in two requests"
    );
    let unread = unread_on_server(server);
    assert_eq!(unread.len(), all.len() - 300);
    assert!(all[..300].iter().all(|id| !unread.contains(id)));

    client.mark(&all[..260], &Mark::Unread).await.unwrap();
    assert_eq!(unread_on_server(server).len(), all.len() - 40);

    client.mark(&all[10..280], &Mark::Starred).await.unwrap();
    assert_eq!(
        starred_on_server(server),
        all[10..280].iter().cloned().collect()
    );
    client.mark(&all[10..270], &Mark::Unstarred).await.unwrap();
    assert_eq!(
        starred_on_server(server),
        all[270..280].iter().cloned().collect()
    );
}

#[tokio::test]
async fn subscribing_renaming_moving_and_unsubscribing_reach_the_server() {
    let served = served(2, 2);
    let server = &served.server;
    let mut client = client(server).await;
    assert!(client.capabilities().subscribe && client.capabilities().move_feed);
    let listed = || -> serde_json::Value {
        serde_json::from_str(&api(server, "subscription/list?output=json", &[])).unwrap()
    };

    let url = served.farm.url("/feeds/0000.rss?again");
    let feed = client.subscribe(&url, Some("Later")).await.unwrap();
    assert_eq!(
        (feed.url.as_str(), feed.folder.as_deref()),
        (url.as_str(), Some("Later"))
    );
    let on_server = listed();
    let entry = on_server["subscriptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == feed.id.as_str())
        .expect("the server lists the new feed")
        .clone();
    assert_eq!(entry["categories"][0]["label"], "Later");

    client.rename_feed(&feed.id, "Renamed again").await.unwrap();
    client.move_feed(&feed.id, Some("Elsewhere")).await.unwrap();
    let find = |json: &serde_json::Value| {
        json["subscriptions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == feed.id.as_str())
            .cloned()
    };
    let entry = find(&listed()).unwrap();
    assert_eq!(entry["title"], "Renamed again");
    let labels: Vec<&str> = entry["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Elsewhere"]);

    let refused = client.subscribe(&url, None).await;
    assert!(
        matches!(refused, Err(SyncError::Refused(ref why)) if why.contains("Already")),
        "{refused:?}"
    );

    // FreshRSS keeps every feed in a folder: taken out of one, it is in its default one.
    client.move_feed(&feed.id, None).await.unwrap();
    let folder = find(&listed()).unwrap()["categories"][0]["label"].clone();
    assert_ne!(folder, "Elsewhere");

    client.unsubscribe(&feed.id).await.unwrap();
    assert_eq!(find(&listed()), None);
    assert_eq!(client.feeds().await.unwrap().len(), 2);
}
