//! The Tiny Tiny RSS client against the real server (Debian's tt-rss, API level 15, over its
//! own PostgreSQL), fed by the feed farm. What the server holds is checked without the client
//! under test: in its database, or with curl. Bad servers are in `sync_ttrss/bad_servers.rs`.

mod bad_servers;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use tidings_core::sync::http::SyncLimits;
use tidings_core::sync::ttrss::TtRss;
use tidings_core::sync::{Backend, Login, Mark, RemoteFeed, RemoteItem, SyncError, SyncHttp};
use tidings_testkit::Farm;
use tidings_testkit::sync_servers::{self, TtRss as Server};

struct Setup {
    server: Server,
    farm: Farm,
    _work: tempfile::TempDir,
}

/// A fresh server subscribed (with its own set-up calls) to `feeds` farm feeds of `items`
/// items each, all fetched; the first feed uncategorized, the others in `folders` in turn.
fn setup(feeds: usize, items: usize, folders: &[i64]) -> Setup {
    let work = tempfile::tempdir().expect("a work folder");
    let farm = Farm::start(None, feeds, items, work.path()).expect("the feed farm starts");
    let server = Server::start().expect("Tiny Tiny RSS starts");
    for n in 0..feeds {
        let category = if n == 0 || folders.is_empty() {
            0
        } else {
            folders[(n - 1) % folders.len()]
        };
        let url = farm.url(&format!("/feeds/{n:04}.rss"));
        server.subscribe(&url, category).expect("subscribe");
    }
    server.update().expect("the server fetches its feeds");
    Setup {
        server,
        farm,
        _work: work,
    }
}

fn login(server: &Server, password: &str) -> Login {
    Login {
        url: server.url(),
        user: Server::USER.to_string(),
        password: password.to_string(),
    }
}

fn http() -> SyncHttp {
    SyncHttp::new(SyncLimits::default()).expect("an HTTP client")
}

async fn client(server: &Server) -> TtRss {
    TtRss::log_in(http(), &login(server, Server::PASSWORD))
        .await
        .expect("log in")
}

/// Article id → (feed id, read, starred), as the server's database holds them.
fn server_articles(server: &Server) -> BTreeMap<String, (String, bool, bool)> {
    let rows = server
        .sql(&format!(
            "select ref_id, feed_id, not unread, marked from ttrss_user_entries e \
             join ttrss_users u on u.id = e.owner_uid where u.login = '{}'",
            Server::USER
        ))
        .expect("the server's database answers");
    rows.lines()
        .map(|row| {
            let cells: Vec<&str> = row.split('|').collect();
            let (id, feed, read, starred) = (cells[0], cells[1], cells[2], cells[3]);
            (
                id.to_string(),
                (feed.to_string(), read == "t", starred == "t"),
            )
        })
        .collect()
}

fn ids_where(server: &Server, pick: impl Fn(bool, bool) -> bool) -> Vec<String> {
    sorted(
        server_articles(server)
            .into_iter()
            .filter(|(_, (_, read, starred))| pick(*read, *starred))
            .map(|(id, _)| id)
            .collect(),
    )
}

fn set_on_server(server: &Server, column: &str, value: bool, ids: &[String]) {
    server
        .sql(&format!(
            "update ttrss_user_entries set {column} = {value} where ref_id in ({})",
            ids.join(",")
        ))
        .expect("the server's database takes the change");
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort_by_key(|id| id.parse::<u64>().expect("decimal ids"));
    ids
}

/// Every page of new articles from `cursor` on; the final cursor.
async fn all_new_items(client: &mut TtRss, cursor: Option<String>) -> (Vec<RemoteItem>, String) {
    let mut items = Vec::new();
    let mut cursor = cursor;
    for _ in 0..100 {
        let page = client.new_items(cursor.as_deref()).await.expect("a page");
        items.extend(page.items);
        cursor = Some(page.cursor);
        if page.done {
            return (items, cursor.expect("a cursor"));
        }
    }
    panic!("paging never ended");
}

#[tokio::test]
async fn logging_in_works_with_the_right_password_and_is_an_auth_error_with_a_wrong_one() {
    let server = Server::start().expect("Tiny Tiny RSS starts");
    // The site's address as a person types it, and the API's own.
    client(&server).await;
    let mut by_api = login(&server, Server::PASSWORD);
    by_api.url = server.api_url();
    TtRss::log_in(http(), &by_api)
        .await
        .expect("log in by the API's address");

    let wrong = TtRss::log_in(http(), &login(&server, "not-the-password")).await;
    assert!(
        matches!(wrong, Err(SyncError::Auth(_))),
        "{:?}",
        wrong.err()
    );
}

#[tokio::test]
async fn a_server_that_is_down_is_unreachable_within_seconds() {
    let server = Server::start().expect("Tiny Tiny RSS starts");
    server.stop().expect("the server stops");
    let started = Instant::now();
    let down = TtRss::log_in(http(), &login(&server, Server::PASSWORD)).await;
    assert!(
        matches!(down, Err(SyncError::Unreachable(_))),
        "{:?}",
        down.err()
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn feeds_are_what_the_server_holds_each_in_its_top_level_folder() {
    let server = Server::start().expect("Tiny Tiny RSS starts");
    let news = server.add_category("News & Views", None).expect("a folder");
    let nested = server
        .add_category("Deeper", Some(news))
        .expect("a subfolder");
    let work = tempfile::tempdir().expect("a work folder");
    let farm = Farm::start(None, 3, 2, work.path()).expect("the feed farm starts");
    let urls: Vec<String> = (0..3)
        .map(|n| farm.url(&format!("/feeds/{n:04}.rss")))
        .collect();
    server.subscribe(&urls[0], 0).expect("subscribe");
    server.subscribe(&urls[1], news).expect("subscribe");
    server.subscribe(&urls[2], nested).expect("subscribe");

    let mut feeds = client(&server).await.feeds().await.expect("feeds");
    feeds.sort_by(|a, b| a.url.cmp(&b.url));
    let held = server
        .sql("select id, feed_url, title from ttrss_feeds order by feed_url")
        .expect("the server's database answers");
    let expected: Vec<RemoteFeed> = held
        .lines()
        .zip([None, Some("News & Views"), Some("News & Views")])
        .map(|(row, folder)| {
            let cells: Vec<&str> = row.splitn(3, '|').collect();
            RemoteFeed {
                id: cells[0].to_string(),
                url: cells[1].to_string(),
                title: cells[2].to_string(),
                site_url: None,
                folder: folder.map(str::to_string),
            }
        })
        .collect();
    assert_eq!(feeds, expected);
    assert_eq!(
        feeds.iter().map(|f| f.url.clone()).collect::<Vec<_>>(),
        urls
    );
    assert!(
        feeds
            .iter()
            .all(|f| !f.title.is_empty() && f.title != "[Unknown]")
    );
}

#[tokio::test]
async fn new_items_pages_through_everything_then_brings_only_what_is_new() {
    // 250 articles: more than one page of 200.
    let Setup { server, farm, .. } = setup(5, 50, &[]);
    let held = server_articles(&server);
    assert_eq!(held.len(), 250);
    let some: Vec<String> = held.keys().step_by(7).cloned().collect();
    set_on_server(&server, "unread", false, &some);
    set_on_server(&server, "marked", true, &some[..10]);
    let held = server_articles(&server);

    let mut client = client(&server).await;
    let (items, cursor) = all_new_items(&mut client, None).await;
    let got: BTreeMap<String, (String, bool, bool)> = items
        .iter()
        .map(|i| (i.id.clone(), (i.feed_id.clone(), i.read, i.starred)))
        .collect();
    assert_eq!(got.len(), items.len(), "no article twice");
    assert_eq!(
        got, held,
        "every article, in its feed, read and starred as on the server"
    );
    assert!(
        items
            .iter()
            .all(|i| !i.title.is_empty() && !i.content_html.is_empty())
    );

    farm.get("/admin/advance?n=1")
        .expect("the farm adds an item to each feed");
    server.update().expect("the server fetches its feeds");
    let before = held.keys().cloned().collect::<Vec<_>>();
    let fresh: Vec<String> = server_articles(&server)
        .into_keys()
        .filter(|id| !before.contains(id))
        .collect();
    assert!(!fresh.is_empty(), "the server found new articles");
    let (new, cursor) = all_new_items(&mut client, Some(cursor)).await;
    assert_eq!(
        sorted(new.into_iter().map(|i| i.id).collect()),
        sorted(fresh)
    );

    let nothing = client.new_items(Some(&cursor)).await.expect("a page");
    assert!(nothing.items.is_empty() && nothing.done, "{nothing:?}");
    assert_eq!(nothing.cursor, cursor);
}

#[tokio::test]
async fn unread_and_starred_ids_match_the_server_and_marks_in_batches_reach_it() {
    let Setup { server, .. } = setup(5, 50, &[]);
    let all = sorted(server_articles(&server).into_keys().collect());
    set_on_server(&server, "marked", true, &all[..30]);
    set_on_server(&server, "unread", false, &all[200..]);
    let mut client = client(&server).await;
    // 200 unread: exactly one full page, then an empty one.
    assert_eq!(
        sorted(client.unread_ids().await.expect("unread")),
        all[..200]
    );
    assert_eq!(
        sorted(client.starred_ids().await.expect("starred")),
        all[..30]
    );

    client.mark(&all[..150], &Mark::Read).await.expect("read");
    client
        .mark(&all[220..240], &Mark::Unread)
        .await
        .expect("unread");
    client
        .mark(&all[100..130], &Mark::Starred)
        .await
        .expect("star");
    client
        .mark(&all[..10], &Mark::Unstarred)
        .await
        .expect("unstar");
    let unread: Vec<String> = all[150..200]
        .iter()
        .chain(&all[220..240])
        .cloned()
        .collect();
    assert_eq!(ids_where(&server, |read, _| !read), sorted(unread.clone()));
    let starred: Vec<String> = all[10..30].iter().chain(&all[100..130]).cloned().collect();
    assert_eq!(
        ids_where(&server, |_, starred| starred),
        sorted(starred.clone())
    );
    assert_eq!(
        sorted(client.unread_ids().await.expect("unread")),
        sorted(unread)
    );
    assert_eq!(
        sorted(client.starred_ids().await.expect("starred")),
        sorted(starred)
    );

    let refused = client
        .mark(&["1; drop table".to_string()], &Mark::Read)
        .await;
    assert!(matches!(refused, Err(SyncError::Refused(_))), "{refused:?}");
}

#[tokio::test]
async fn a_session_the_server_forgot_is_renewed_without_the_caller_noticing() {
    let Setup { server, .. } = setup(1, 3, &[]);
    let mut client = client(&server).await;
    server
        .sql("delete from ttrss_sessions")
        .expect("sessions forgotten");
    assert_eq!(client.unread_ids().await.expect("unread").len(), 3);
}

#[tokio::test]
async fn subscribing_and_unsubscribing_reach_the_server_and_renaming_or_moving_cannot() {
    let server = Server::start().expect("Tiny Tiny RSS starts");
    let news = server.add_category("News", None).expect("a folder");
    let work = tempfile::tempdir().expect("a work folder");
    let farm = Farm::start(None, 2, 2, work.path()).expect("the feed farm starts");
    let mut client = client(&server).await;
    let capabilities = client.capabilities();
    assert!(capabilities.subscribe && capabilities.unsubscribe);
    assert!(!capabilities.rename_feed && !capabilities.move_feed);

    let url = farm.url("/feeds/0000.rss");
    let feed = client
        .subscribe(&url, Some("News"))
        .await
        .expect("subscribe");
    assert_eq!(
        (feed.url.as_str(), feed.folder.as_deref()),
        (url.as_str(), Some("News"))
    );
    let held = server
        .sql("select id, cat_id from ttrss_feeds")
        .expect("the server's database answers");
    assert_eq!(held.trim(), format!("{}|{news}", feed.id));
    let loose = client
        .subscribe(&farm.url("/feeds/0001.rss"), None)
        .await
        .expect("subscribe without a folder");
    assert_eq!(loose.folder, None);

    let Err(SyncError::Unsupported(why)) = client.subscribe(&url, Some("Nowhere")).await else {
        panic!("this API cannot add a folder");
    };
    assert!(
        why.contains("cannot create folders") && why.contains("\"Nowhere\""),
        "{why}"
    );
    let missing = client.subscribe(&farm.url("/no-such-feed.rss"), None).await;
    assert!(matches!(missing, Err(SyncError::Refused(_))), "{missing:?}");

    client.unsubscribe(&feed.id).await.expect("unsubscribe");
    client
        .unsubscribe(&feed.id)
        .await
        .expect("a feed already gone is no error");
    let session = server.session().expect("a session");
    let listed = sync_servers::curl(&[
        "-d",
        &format!(r#"{{"sid":"{session}","op":"getFeeds","cat_id":-3}}"#),
        &server.api_url(),
    ])
    .expect("curl");
    assert!(
        !listed.contains("0000.rss") && listed.contains("0001.rss"),
        "{listed}"
    );

    let Err(SyncError::Unsupported(why)) = client.rename_feed(&loose.id, "New name").await else {
        panic!("this API cannot rename");
    };
    assert!(why.contains("cannot rename feeds"), "{why}");
    let moved = client.move_feed(&loose.id, Some("News")).await;
    assert!(matches!(moved, Err(SyncError::Unsupported(_))), "{moved:?}");
}
