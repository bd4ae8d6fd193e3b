//! A library synced with real servers, end to end through `Library`: adding the account,
//! the first sync, a change made here reaching the server, a change made on "another device"
//! (the protocol client used directly, as a phone would) reaching here, and changes made while
//! the server was down arriving once it is back, each sent once; a password given again.

mod labels;
mod password;
mod retention;
mod schedule;
mod subscriptions;

use std::collections::HashSet;

use tidings_core::Library;
use tidings_core::api::{Account, AccountKind, ArticleView, NewAccount};
use tidings_core::sync::fever::Fever;
use tidings_core::sync::greader::GReader;
use tidings_core::sync::ttrss::TtRss as TtRssClient;
use tidings_core::sync::{Backend, Capabilities, Login, Mark, SyncHttp};
use tidings_testkit::Farm;
use tidings_testkit::sync_servers::{Coldsweat, FreshRss, TtRss};

const FEEDS: usize = 3;
const ITEMS: usize = 40;

enum Server {
    FreshRss(FreshRss),
    Coldsweat(Coldsweat),
    TtRss(TtRss),
}

struct World {
    server: Server,
    kind: AccountKind,
    url: String,
    user: String,
    password: String,
    _farm: Farm,
    work: tempfile::TempDir,
}

impl World {
    fn freshrss(kind: AccountKind) -> World {
        let work = tempfile::tempdir().unwrap();
        let farm = Farm::start(None, FEEDS, ITEMS, work.path()).unwrap();
        let server = FreshRss::start().unwrap();
        let opml = farm
            .download("/feeds.opml", &work.path().join("feeds.opml"))
            .unwrap();
        server.import_opml(&opml).unwrap();
        let url = match kind {
            AccountKind::Fever => server.fever_url(),
            _ => server.greader_url(),
        };
        World {
            server: Server::FreshRss(server),
            kind,
            url,
            user: FreshRss::USER.to_string(),
            password: FreshRss::PASSWORD.to_string(),
            _farm: farm,
            work,
        }
    }

    fn coldsweat() -> World {
        let work = tempfile::tempdir().unwrap();
        let farm = Farm::start(None, FEEDS, ITEMS, work.path()).unwrap();
        let server = Coldsweat::start(&farm.url("/feeds.opml")).unwrap();
        World {
            url: server.fever_url(),
            server: Server::Coldsweat(server),
            kind: AccountKind::Fever,
            user: Coldsweat::EMAIL.to_string(),
            password: Coldsweat::PASSWORD.to_string(),
            _farm: farm,
            work,
        }
    }

    fn ttrss() -> World {
        let work = tempfile::tempdir().unwrap();
        let farm = Farm::start(None, FEEDS, ITEMS, work.path()).unwrap();
        let server = TtRss::start().unwrap();
        for feed in 0..FEEDS {
            server
                .subscribe(&farm.url(&format!("/feeds/{feed:04}.rss")), 0)
                .unwrap();
        }
        server.update().unwrap();
        World {
            url: server.url(),
            server: Server::TtRss(server),
            kind: AccountKind::Ttrss,
            user: TtRss::USER.to_string(),
            password: TtRss::PASSWORD.to_string(),
            _farm: farm,
            work,
        }
    }

    /// A library on a fresh file with this server's account added and synced once.
    async fn synced_library(&self) -> (Library, Account) {
        let library = Library::open(&self.work.path().join("tidings.db")).unwrap();
        let account = library
            .add_account(self.new_account(&self.password))
            .await
            .unwrap();
        library.sync_account(account.id).await.unwrap();
        (library, account)
    }

    fn login(&self) -> Login {
        Login {
            url: self.url.clone(),
            user: self.user.clone(),
            password: self.password.clone(),
        }
    }

    fn new_account(&self, password: &str) -> NewAccount {
        NewAccount {
            kind: self.kind,
            url: self.url.clone(),
            user_name: self.user.clone(),
            password: password.to_string(),
        }
    }

    fn stop(&self) {
        match &self.server {
            Server::FreshRss(s) => s.stop().unwrap(),
            Server::Coldsweat(s) => s.stop().unwrap(),
            Server::TtRss(s) => s.stop().unwrap(),
        }
    }

    fn restart(&self) {
        match &self.server {
            Server::FreshRss(s) => s.restart().unwrap(),
            Server::TtRss(s) => s.restart().unwrap(),
            Server::Coldsweat(_) => unreachable!("the Coldsweat launcher has no restart"),
        }
    }

    /// The server as another device sees it: (unread ids, starred ids).
    async fn server_state(&self) -> (HashSet<String>, HashSet<String>) {
        let http = SyncHttp::new(Default::default()).unwrap();
        match self.kind {
            AccountKind::Fever => {
                let mut client = Fever::log_in(http, &self.login()).await.unwrap();
                (
                    client.unread_ids().await.unwrap().into_iter().collect(),
                    client.starred_ids().await.unwrap().into_iter().collect(),
                )
            }
            AccountKind::Greader => {
                let mut client = GReader::log_in(http, &self.login()).await.unwrap();
                (
                    client.unread_ids().await.unwrap().into_iter().collect(),
                    client.starred_ids().await.unwrap().into_iter().collect(),
                )
            }
            AccountKind::Ttrss => {
                let mut client = TtRssClient::log_in(http, &self.login()).await.unwrap();
                (
                    client.unread_ids().await.unwrap().into_iter().collect(),
                    client.starred_ids().await.unwrap().into_iter().collect(),
                )
            }
            kind => unimplemented!("{kind:?}"),
        }
    }

    /// What the protocol's client says the service allows.
    async fn capabilities(&self) -> Capabilities {
        let http = SyncHttp::new(Default::default()).unwrap();
        match self.kind {
            AccountKind::Fever => Fever::log_in(http, &self.login())
                .await
                .unwrap()
                .capabilities(),
            AccountKind::Greader => GReader::log_in(http, &self.login())
                .await
                .unwrap()
                .capabilities(),
            AccountKind::Ttrss => TtRssClient::log_in(http, &self.login())
                .await
                .unwrap()
                .capabilities(),
            kind => unimplemented!("{kind:?}"),
        }
    }

    /// Another device marks these articles.
    async fn mark_on_server(&self, ids: &[String], mark: Mark) {
        let http = SyncHttp::new(Default::default()).unwrap();
        match self.kind {
            AccountKind::Fever => {
                let mut client = Fever::log_in(http, &self.login()).await.unwrap();
                client.mark(ids, &mark).await.unwrap();
            }
            AccountKind::Greader => {
                let mut client = GReader::log_in(http, &self.login()).await.unwrap();
                client.mark(ids, &mark).await.unwrap();
            }
            AccountKind::Ttrss => {
                let mut client = TtRssClient::log_in(http, &self.login()).await.unwrap();
                client.mark(ids, &mark).await.unwrap();
            }
            kind => unimplemented!("{kind:?}"),
        }
    }
}

/// Every article of the library with its server id, read and bookmarked state.
async fn articles(library: &Library) -> Vec<(i64, String, bool, bool)> {
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let page = library
            .list_articles(ArticleView::All, after)
            .await
            .unwrap();
        for summary in &page.articles {
            let article = library.article(summary.id).await.unwrap();
            all.push((
                summary.id,
                article.title.clone(),
                summary.is_read,
                summary.is_bookmarked,
            ));
        }
        match page.next {
            Some(next) => after = Some(next),
            None => return all,
        }
    }
}

async fn round_trip(world: World) {
    let library = Library::open(&world.work.path().join("tidings.db")).unwrap();

    // A wrong password is refused and nothing is stored.
    let refused = library.add_account(world.new_account("wrong")).await;
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(library.accounts().await.unwrap().len(), 1);

    let account = library
        .add_account(world.new_account(&world.password))
        .await
        .unwrap();
    // What the sidebar offers for the account is what its protocol's client can do.
    let can = world.capabilities().await;
    let abilities = account.abilities;
    assert_eq!(
        (
            can.subscribe,
            can.unsubscribe,
            can.rename_feed,
            can.move_feed,
            can.labels
        ),
        (
            abilities.subscribe,
            abilities.unsubscribe,
            abilities.rename_feed,
            abilities.move_feed,
            abilities.labels
        )
    );
    let first = library.sync_account(account.id).await.unwrap();
    assert_eq!(first.feeds, FEEDS as u64);
    assert_eq!(first.new_articles, (FEEDS * ITEMS) as u64);
    let feeds = library.list_feeds().await.unwrap();
    assert_eq!(feeds.len(), FEEDS);
    let (unread, _) = world.server_state().await;
    let local_unread: i64 = feeds.iter().map(|f| f.unread_count).sum();
    assert_eq!(
        local_unread,
        unread.len() as i64,
        "unread counts equal the server's"
    );

    // Nothing new: nothing stored twice.
    let again = library.sync_account(account.id).await.unwrap();
    assert_eq!((again.new_articles, again.sent), (0, 0));
    assert_eq!(articles(&library).await.len(), FEEDS * ITEMS);

    // Read here → read on the server.
    let listed = library
        .list_articles(ArticleView::Unread, None)
        .await
        .unwrap();
    let read_here = listed.articles[0].id;
    library.set_read(read_here, true).await.unwrap();
    let sent = library.sync_account(account.id).await.unwrap();
    assert_eq!(sent.sent, 1);
    let (unread_after, _) = world.server_state().await;
    assert_eq!(unread_after.len(), unread.len() - 1);

    // Starred on the phone → bookmarked here.
    let some_unread: String = unread_after.iter().next().unwrap().clone();
    world
        .mark_on_server(std::slice::from_ref(&some_unread), Mark::Starred)
        .await;
    let followed = library.sync_account(account.id).await.unwrap();
    assert!(followed.changed_articles >= 1, "{followed:?}");
    let bookmarks = library
        .list_articles(ArticleView::Bookmarks, None)
        .await
        .unwrap();
    assert_eq!(bookmarks.articles.len(), 1);

    // The library and the server agree on everything.
    let (unread_now, starred_now) = world.server_state().await;
    let local: Vec<_> = articles(&library).await;
    assert_eq!(
        local.iter().filter(|a| !a.2).count(),
        unread_now.len(),
        "unread here = unread there"
    );
    assert_eq!(local.iter().filter(|a| a.3).count(), starred_now.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn coldsweat_fever_round_trip() {
    round_trip(World::coldsweat()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn freshrss_google_reader_round_trip() {
    round_trip(World::freshrss(AccountKind::Greader)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn freshrss_google_reader_changes_made_while_it_was_down_arrive_once_it_is_back() {
    offline_changes_arrive(World::freshrss(AccountKind::Greader)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn freshrss_fever_round_trip() {
    round_trip(World::freshrss(AccountKind::Fever)).await;
}

/// The server is down while the person reads: every change waits, and once it is back they
/// all reach it, and the outbox is empty.
async fn offline_changes_arrive(world: World) {
    let (library, account) = world.synced_library().await;
    let (unread_before, _) = world.server_state().await;

    world.stop();
    let marked = library
        .mark_view_read(ArticleView::All, None)
        .await
        .unwrap();
    let count = marked.count as usize;
    assert!(count >= 100, "{count}");
    assert!(library.sync_account(account.id).await.is_err());
    assert_eq!(
        library.account(account.id).await.unwrap().pending_changes,
        count as i64
    );

    // A new library on the same file: as after quitting the app.
    drop(library);
    world.restart();
    let library = Library::open(&world.work.path().join("tidings.db")).unwrap();
    // Without a keychain (none runs here) the password lasted for the run that ended: the
    // person gives it again, as the app asks them to.
    library
        .set_account_password(account.id, &world.password)
        .await
        .unwrap();
    let summary = library.sync_account(account.id).await.unwrap();
    assert_eq!(summary.sent, count as u64);
    let (unread_after, _) = world.server_state().await;
    assert!(
        unread_after.is_empty(),
        "{} left unread",
        unread_after.len()
    );
    assert!(!unread_before.is_empty());
    assert_eq!(
        library.account(account.id).await.unwrap().pending_changes,
        0
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn freshrss_fever_changes_made_while_it_was_down_arrive_once_it_is_back() {
    offline_changes_arrive(World::freshrss(AccountKind::Fever)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ttrss_round_trip() {
    round_trip(World::ttrss()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ttrss_changes_made_while_it_was_down_arrive_once_it_is_back() {
    offline_changes_arrive(World::ttrss()).await;
}
