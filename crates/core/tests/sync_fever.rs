//! The Fever client against the real servers that speak it: FreshRSS 1.24.3 and Coldsweat
//! 0.10.2, each subscribed to the feed farm's feeds with its own tools. What the client reports
//! is checked against the farm's OPML and against the server's answers to curl, never against
//! the client itself. Misbehaving servers are in `sync_fever/bad_servers.rs`.

mod bad_servers;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use tidings_core::sync::fever::{Fever, api_key};
use tidings_core::sync::http::SyncLimits;
use tidings_core::sync::{Backend, Login, Mark, RemoteItem, SyncError, SyncHttp};
use tidings_testkit::Farm;
use tidings_testkit::sync_servers::{Coldsweat, FreshRss, curl};

const FEEDS: usize = 3;
/// 60 articles in all: more than one page of 50.
const ITEMS: usize = 20;

#[derive(Clone, Copy, Debug)]
enum Kind {
    FreshRss,
    Coldsweat,
}

enum Server {
    FreshRss(FreshRss),
    Coldsweat(Coldsweat),
}

/// A server subscribed to the farm's feeds and fetched once.
struct World {
    server: Server,
    farm: Farm,
    _work: tempfile::TempDir,
}

impl World {
    fn start(kind: Kind) -> World {
        let work = tempfile::tempdir().unwrap();
        let farm = Farm::start(None, FEEDS, ITEMS, work.path()).unwrap();
        let server = match kind {
            Kind::FreshRss => {
                let server = FreshRss::start().unwrap();
                let opml = farm
                    .download("/feeds.opml", &work.path().join("feeds.opml"))
                    .unwrap();
                server.import_opml(&opml).unwrap();
                Server::FreshRss(server)
            }
            Kind::Coldsweat => {
                Server::Coldsweat(Coldsweat::start(&farm.url("/feeds.opml")).unwrap())
            }
        };
        World {
            server,
            farm,
            _work: work,
        }
    }

    fn login(&self) -> Login {
        let (url, user, password) = match &self.server {
            Server::FreshRss(s) => (s.fever_url(), FreshRss::USER, FreshRss::PASSWORD),
            Server::Coldsweat(s) => (s.fever_url(), Coldsweat::EMAIL, Coldsweat::PASSWORD),
        };
        Login {
            url,
            user: user.to_string(),
            password: password.to_string(),
        }
    }

    async fn client(&self) -> Fever {
        Fever::log_in(http(), &self.login()).await.unwrap()
    }

    /// Makes the server fetch its feeds now, as its scheduler would.
    fn fetch(&self) {
        match &self.server {
            Server::FreshRss(s) => s.actualize().unwrap(),
            Server::Coldsweat(s) => s.fetch().unwrap(),
        }
    }

    /// `command` asked of the server's Fever API with curl, as another device would.
    fn api(&self, command: &str, form: &[(&str, &str)]) -> serde_json::Value {
        let login = self.login();
        let mut args = vec![
            "-X".to_string(),
            "POST".to_string(),
            "-d".to_string(),
            format!("api_key={}", api_key(&login.user, &login.password)),
        ];
        for (key, value) in form {
            args.extend(["-d".to_string(), format!("{key}={value}")]);
        }
        args.push(format!("{}?api&{command}", login.url));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        serde_json::from_str(&curl(&args).unwrap()).unwrap()
    }

    /// The server's own list (`unread_item_ids` or `saved_item_ids`), read with curl.
    fn ids(&self, list: &str) -> HashSet<String> {
        let answer = self.api(list, &[]);
        let csv = answer[list].as_str().unwrap().to_string();
        csv.split(',')
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect()
    }
}

fn http() -> SyncHttp {
    SyncHttp::new(SyncLimits::default()).unwrap()
}

/// Every page of new articles from `cursor` on, and the cursor after the last.
async fn all_new_items(client: &mut Fever, cursor: Option<&str>) -> (Vec<RemoteItem>, String) {
    let mut cursor = cursor.map(str::to_string);
    let mut items = Vec::new();
    for _ in 0..100 {
        let page = client.new_items(cursor.as_deref()).await.unwrap();
        items.extend(page.items);
        cursor = Some(page.cursor);
        if page.done {
            return (items, cursor.unwrap());
        }
    }
    panic!("new_items never said it was done");
}

async fn logging_in_with_the_right_password_works(kind: Kind) {
    let world = World::start(kind);
    let client = world.client().await;
    assert_eq!(client.capabilities(), Default::default());
}

async fn a_wrong_password_is_refused_as_such(kind: Kind) {
    let world = World::start(kind);
    let login = Login {
        password: "not-the-password".to_string(),
        ..world.login()
    };
    match Fever::log_in(http(), &login).await {
        Err(SyncError::Auth(_)) => {}
        other => panic!("expected Auth, got {other:?}"),
    }
}

#[tokio::test]
async fn freshrss_logs_in_with_the_right_password() {
    logging_in_with_the_right_password_works(Kind::FreshRss).await;
}

#[tokio::test]
async fn coldsweat_logs_in_with_the_right_password() {
    logging_in_with_the_right_password_works(Kind::Coldsweat).await;
}

#[tokio::test]
async fn freshrss_refuses_a_wrong_password() {
    a_wrong_password_is_refused_as_such(Kind::FreshRss).await;
}

#[tokio::test]
async fn coldsweat_refuses_a_wrong_password() {
    a_wrong_password_is_refused_as_such(Kind::Coldsweat).await;
}

#[tokio::test]
async fn a_freshrss_site_address_or_a_coldsweat_address_without_its_slash_finds_the_api() {
    let freshrss = World::start(Kind::FreshRss);
    let Server::FreshRss(server) = &freshrss.server else {
        unreachable!()
    };
    let login = Login {
        url: server.url(),
        ..freshrss.login()
    };
    Fever::log_in(http(), &login).await.unwrap();

    let coldsweat = World::start(Kind::Coldsweat);
    let login = coldsweat.login();
    let login = Login {
        url: login.url.trim_end_matches('/').to_string(),
        ..login
    };
    Fever::log_in(http(), &login).await.unwrap();
}

#[tokio::test]
async fn a_server_that_is_down_is_unreachable_within_a_second() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let login = Login {
        url: format!("http://127.0.0.1:{port}/api/fever.php"),
        user: "tidings".to_string(),
        password: "tidings-password".to_string(),
    };
    let started = Instant::now();
    let result = Fever::log_in(http(), &login).await;
    assert!(
        matches!(result, Err(SyncError::Unreachable(_))),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(1));
}

async fn feeds_are_what_the_server_was_subscribed_to(kind: Kind) {
    let world = World::start(kind);
    let opml = tidings_core::opml::parse_opml(&world.farm.get("/feeds.opml").unwrap()).unwrap();
    let mut expected: Vec<_> = opml
        .feeds
        .iter()
        .map(|f| (f.title.clone(), f.xml_url.clone(), f.folder.clone()))
        .collect();
    let feeds = world.client().await.feeds().await.unwrap();
    let mut got: Vec<_> = feeds
        .iter()
        .map(|f| (f.title.clone(), f.url.clone(), f.folder.clone()))
        .collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    let ids: HashSet<_> = feeds.iter().map(|f| &f.id).collect();
    assert_eq!(ids.len(), FEEDS);
}

#[tokio::test]
async fn freshrss_feeds_and_folders_are_those_it_imported() {
    feeds_are_what_the_server_was_subscribed_to(Kind::FreshRss).await;
}

#[tokio::test]
async fn coldsweat_feeds_and_folders_are_those_it_imported() {
    feeds_are_what_the_server_was_subscribed_to(Kind::Coldsweat).await;
}

/// The first sync pages through everything, each article with its feed and its state; the next
/// brings exactly what the server fetched since; then nothing, in one page.
async fn new_items_page_through_everything_then_only_what_is_new(kind: Kind) {
    let world = World::start(kind);
    let unread: Vec<String> = world.ids("unread_item_ids").into_iter().collect();
    assert_eq!(unread.len(), FEEDS * ITEMS);
    let (read, starred) = (&unread[..3], &unread[3..5]);
    for id in read {
        world.api("", &[("mark", "item"), ("as", "read"), ("id", id)]);
    }
    for id in starred {
        world.api("", &[("mark", "item"), ("as", "saved"), ("id", id)]);
    }

    let mut client = world.client().await;
    let feeds = client.feeds().await.unwrap();
    let (items, cursor) = all_new_items(&mut client, None).await;
    let ids: HashSet<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), items.len(), "an article came twice");
    assert_eq!(ids, unread.iter().map(String::as_str).collect());
    for item in &items {
        let feed = feeds.iter().find(|f| f.id == item.feed_id).unwrap();
        let site = feed.site_url.as_deref().unwrap();
        assert!(item.url.as_deref().unwrap().starts_with(site), "{item:?}");
        assert_eq!(item.read, read.contains(&item.id), "{}", item.id);
        assert_eq!(item.starred, starred.contains(&item.id), "{}", item.id);
        assert!(!item.title.is_empty() && !item.content_html.is_empty());
    }

    world.farm.get("/admin/advance?n=1").unwrap();
    world.fetch();
    let all_now = world.ids("unread_item_ids");
    let (new, cursor) = all_new_items(&mut client, Some(&cursor)).await;
    let new_ids: HashSet<String> = new.iter().map(|i| i.id.clone()).collect();
    assert_eq!(new.len(), FEEDS);
    assert_eq!(
        new_ids,
        &all_now - &unread.iter().cloned().collect::<HashSet<_>>()
    );

    let page = client.new_items(Some(&cursor)).await.unwrap();
    assert!(page.items.is_empty() && page.done);
    assert_eq!(page.cursor, cursor);
}

#[tokio::test]
async fn freshrss_new_items_page_through_everything_then_only_what_is_new() {
    new_items_page_through_everything_then_only_what_is_new(Kind::FreshRss).await;
}

#[tokio::test]
async fn coldsweat_new_items_page_through_everything_then_only_what_is_new() {
    new_items_page_through_everything_then_only_what_is_new(Kind::Coldsweat).await;
}

/// The id lists equal the server's; marks sent in batches are what the server then reports.
async fn marks_in_batches_are_seen_by_the_server(kind: Kind) {
    let world = World::start(kind);
    let mut client = world.client().await;
    let as_set = |ids: Vec<String>| ids.into_iter().collect::<HashSet<_>>();
    assert_eq!(
        as_set(client.unread_ids().await.unwrap()),
        world.ids("unread_item_ids")
    );
    assert!(client.starred_ids().await.unwrap().is_empty());

    let mut ids: Vec<String> = world.ids("unread_item_ids").into_iter().collect();
    ids.sort();
    let batch = &ids[..10];
    client.mark(batch, &Mark::Read).await.unwrap();
    client.mark(&batch[..4], &Mark::Unread).await.unwrap();
    client.mark(&batch[2..8], &Mark::Starred).await.unwrap();
    client.mark(&batch[2..3], &Mark::Unstarred).await.unwrap();

    let unread = world.ids("unread_item_ids");
    for (n, id) in batch.iter().enumerate() {
        assert_eq!(unread.contains(id), n < 4, "article {n} ({id}) read state");
    }
    let starred = world.ids("saved_item_ids");
    let expected: HashSet<String> = batch[3..8].iter().cloned().collect();
    assert_eq!(starred, expected);
    assert_eq!(as_set(client.starred_ids().await.unwrap()), expected);
    assert_eq!(as_set(client.unread_ids().await.unwrap()), unread);
}

#[tokio::test]
async fn freshrss_sees_marks_sent_in_batches() {
    marks_in_batches_are_seen_by_the_server(Kind::FreshRss).await;
}

#[tokio::test]
async fn coldsweat_sees_marks_sent_in_batches() {
    marks_in_batches_are_seen_by_the_server(Kind::Coldsweat).await;
}

#[tokio::test]
async fn coldsweat_refuses_an_unknown_article_by_its_id_and_still_marks_the_others() {
    let world = World::start(Kind::Coldsweat);
    let mut client = world.client().await;
    let known = world.ids("unread_item_ids").into_iter().next().unwrap();
    let batch = ["987654".to_string(), known.clone()];
    match client.mark(&batch, &Mark::Read).await {
        Err(SyncError::Refused(why)) => assert!(why.contains("987654"), "{why}"),
        other => panic!("expected Refused, got {other:?}"),
    }
    assert!(!world.ids("unread_item_ids").contains(&known));
}

#[tokio::test]
async fn fever_cannot_change_subscriptions_and_says_where_to_do_it() {
    let world = World::start(Kind::Coldsweat);
    let mut client = world.client().await;
    let feed = client.feeds().await.unwrap().remove(0);
    let results = [
        client
            .subscribe(&world.farm.url("/feeds/0000.rss"), None)
            .await
            .map(|_| ()),
        client.unsubscribe(&feed.id).await,
        client.rename_feed(&feed.id, "New name").await,
        client.move_feed(&feed.id, Some("elsewhere")).await,
    ];
    for result in results {
        match result {
            Err(SyncError::Unsupported(why)) => {
                assert!(why.contains("server's web page"), "{why}")
            }
            other => panic!("expected Unsupported, got {other:?}"),
        }
    }
    assert_eq!(client.feeds().await.unwrap().len(), FEEDS);
}
