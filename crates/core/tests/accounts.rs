//! Accounts in the database: an old library becomes the local account without loss, a synced
//! feed lives beside a local one, and synced articles follow their server's retention (the
//! outbox is in `outbox.rs`; sync's own round trips with real servers are in `sync_*`).

use std::collections::HashSet;

use rusqlite::Connection;
use tidings_core::api::ListOptions;
use tidings_core::api::{AccountKind, ArticleView, FeedStatus, LOCAL_ACCOUNT};
use tidings_core::store::migrations::create_at_version;
use tidings_core::store::{ArticleQuery, NewArticle, Store, SyncedArticle, integrity_check};
use tidings_core::sync::RemoteFeed;

#[test]
fn an_old_library_becomes_the_local_account_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    create_at_version(&db, 6).unwrap();
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(
            "INSERT INTO folders (id, name) VALUES (7, 'News');
             INSERT INTO feeds (id, url, title, created_at, folder_id, unread_count, custom_title)
                 VALUES (3, 'http://127.0.0.1:9/a', 'A', 0, 7, 1, 'My A'),
                        (4, 'http://127.0.0.1:9/b', 'B', 0, NULL, 0, NULL);
             INSERT INTO articles (id, feed_id, identity, title, content_hash, first_seen_at,
                     sort_at, is_read, is_bookmarked)
                 VALUES (10, 3, 'g:1', 'Unread one', x'00', 1, 1, 0, 0),
                        (11, 3, 'g:2', 'Bookmarked one', x'00', 2, 2, 1, 1),
                        (12, NULL, 'g:3', 'From a feed long gone', x'00', 3, 3, 1, 1);
             INSERT INTO article_bodies (article_id, html) VALUES (10, '<p>x</p>'),
                 (11, '<p>y</p>'), (12, '<p>z</p>');
             INSERT INTO article_tombstones (feed_id, identity, removed_at) VALUES (3, 'g:0', 5);",
        )
        .unwrap();
    }
    let store = Store::open(&db).unwrap();
    let feeds = store.list_feeds().unwrap();
    let a = feeds.iter().find(|f| f.id == 3).unwrap();
    assert_eq!(
        (a.title.as_str(), a.folder_id, a.unread_count, a.account_id),
        ("My A", Some(7), 1, LOCAL_ACCOUNT)
    );
    assert_eq!(a.status, FeedStatus::Active);
    assert_eq!(feeds.len(), 2);
    let folders = store.list_folders().unwrap();
    assert_eq!(folders.len(), 1);
    assert_eq!((folders[0].id, folders[0].name.as_str()), (7, "News"));
    // Articles keep their feed (rebuilding `feeds` must not have emptied feed_id).
    assert_eq!(store.article(10).unwrap().unwrap().feed_id, Some(3));
    assert!(store.article(11).unwrap().unwrap().is_bookmarked);
    assert!(store.article(12).unwrap().is_some());
    let accounts = store.accounts().unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].kind, AccountKind::Local);
    drop(store);
    assert_eq!(integrity_check(&db).unwrap(), "ok");
    let conn = Connection::open(&db).unwrap();
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0);
}

/// An account whose last sync, before the flag was kept, failed to sign in still asks for the
/// password after the upgrade; one that failed otherwise does not.
#[test]
fn a_refused_login_kept_as_text_still_asks_for_the_password_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    create_at_version(&db, 9).unwrap();
    Connection::open(&db)
        .unwrap()
        .execute_batch(
            "INSERT INTO accounts (id, kind, name, url, user_name, created_at, last_error)
             VALUES (2, 'greader', 'a', 'http://127.0.0.1:9/a', 'me', 0,
                     'a: the server refused the user name or password (HTTP 401)'),
                    (3, 'fever', 'b', 'http://127.0.0.1:9/b', 'me', 0,
                     'b: there is no password to log in with: no keychain answered'),
                    (4, 'ttrss', 'c', 'http://127.0.0.1:9/c', 'me', 0,
                     'c: nothing answered at 127.0.0.1:9'),
                    (5, 'greader', 'd', 'http://127.0.0.1:9/d', 'me', 0, NULL);",
        )
        .unwrap();
    let store = Store::open(&db).unwrap();
    let asks: Vec<(i64, bool)> = store
        .accounts()
        .unwrap()
        .into_iter()
        .filter(|a| a.id != LOCAL_ACCOUNT)
        .map(|a| (a.id, a.login_failed))
        .collect();
    assert_eq!(asks, [(2, true), (3, true), (4, false), (5, false)]);
    // A sync that fails otherwise, then one that succeeds, each say so.
    store.account_failed(2, "a: timed out", false, 1).unwrap();
    store.account_failed(4, "c: refused", true, 1).unwrap();
    store.account_synced(4, 2).unwrap();
    let now: Vec<bool> = store
        .accounts()
        .unwrap()
        .iter()
        .map(|a| a.login_failed)
        .collect();
    assert_eq!(now, [false, false, true, false, false]);
}

/// A store with one synced account of one feed and three of its articles, all unread.
/// A store with an account whose one feed, in the folder Tech, holds three unread articles
/// (server ids 1, 2, 3); their ids here.
pub(super) fn synced_library(dir: &std::path::Path) -> (Store, i64, Vec<i64>) {
    let store = Store::open(&dir.join("tidings.db")).unwrap();
    let account = store
        .insert_account(
            AccountKind::Greader,
            "server",
            "http://127.0.0.1:9/",
            "me",
            0,
        )
        .unwrap();
    let feed = RemoteFeed {
        id: "feed/1".to_string(),
        title: "Remote".to_string(),
        url: "http://127.0.0.1:9/feed".to_string(),
        site_url: None,
        folder: Some("Tech".to_string()),
    };
    let feeds = store.apply_remote_feeds(account, &[feed], 0).unwrap();
    let feed_id = feeds["feed/1"];
    let articles: Vec<SyncedArticle> = (1..=3)
        .map(|n| SyncedArticle {
            feed_id,
            article: article(n),
            read: false,
            starred: false,
        })
        .collect();
    let applied = store
        .apply_remote_items(account, &articles, "cursor-1", 0)
        .unwrap();
    assert_eq!(applied.inserted, 3);
    let page = store
        .list_articles(&ArticleQuery {
            view: ArticleView::Feed { feed_id },
            after: None,
            limit: 10,
            options: ListOptions::default(),
        })
        .unwrap();
    let mut ids: Vec<i64> = page.articles.iter().map(|a| a.id).collect();
    ids.sort();
    (store, account, ids)
}

fn article(n: u32) -> NewArticle {
    NewArticle {
        identity: format!("r:{n}"),
        guid: None,
        url: None,
        title: format!("Article {n}"),
        author: None,
        content_html: "<p>text</p>".to_string(),
        content_text: "text".to_string(),
        content_hash: vec![n as u8],
        published_at: Some(i64::from(n)),
        updated_at: None,
        enclosures_json: None,
        lead_image: None,
        word_count: None,
        extract_error: None,
    }
}

#[test]
fn removing_an_account_keeps_its_bookmarked_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, ids) = synced_library(dir.path());
    store.set_bookmarked(ids[0], true, 10, None).unwrap();
    assert!(store.remove_account(account).unwrap());
    assert!(store.article(ids[0]).unwrap().unwrap().is_bookmarked);
    assert!(store.article(ids[1]).unwrap().is_none());
    assert!(store.list_feeds().unwrap().is_empty());
    assert!(store.list_folders().unwrap().is_empty());
    assert!(store.remove_account(LOCAL_ACCOUNT).is_err());
}

#[test]
fn the_same_feed_can_be_local_and_synced() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, _) = synced_library(dir.path());
    // The synced feed's address, followed on this computer too.
    store
        .insert_feed("http://127.0.0.1:9/feed", &Default::default(), 0, 0)
        .unwrap();
    assert_eq!(store.list_feeds().unwrap().len(), 2);
    // And a local folder may share a synced folder's name.
    store.create_folder("Tech").unwrap();
    assert_eq!(store.list_folders().unwrap().len(), 2);
}

#[test]
fn synced_articles_follow_their_server_s_retention_not_the_local_one() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, ids) = synced_library(dir.path());
    // On the server: 1 and 2 read, 2 starred, 3 unread; then 3 is read here, not sent yet.
    let unread: HashSet<String> = ["3".to_string()].into();
    let starred: HashSet<String> = ["2".to_string()].into();
    store.reconcile(account, &unread, &starred, 10).unwrap();
    store.set_read(ids[2], true).unwrap();

    // "Keep read articles 1 day" does not apply to them, however old.
    assert_eq!(store.prune_read_articles(100_000, 100_000).unwrap(), 0);
    assert_eq!(
        store.removable_synced(account).unwrap(),
        vec!["1".to_string()]
    );

    // The server keeps none of them: the read one goes, the bookmarked one and the one with a
    // change still to send stay.
    let dropped = ["1", "2", "3"].map(String::from);
    assert_eq!(store.remove_unkept(account, &dropped, 20).unwrap(), 1);
    assert!(store.article(ids[0]).unwrap().is_none());
    assert!(store.article(ids[1]).unwrap().unwrap().is_bookmarked);
    assert!(store.article(ids[2]).unwrap().is_some());
    // Listed again by a server, it does not come back as new.
    let feed_id = store.list_feeds().unwrap()[0].id;
    let again = SyncedArticle {
        feed_id,
        article: article(1),
        read: true,
        starred: false,
    };
    let applied = store
        .apply_remote_items(account, &[again], "cursor-2", 30)
        .unwrap();
    assert_eq!(applied.inserted, 0);

    // Asked once a day.
    assert!(store.kept_check_due(account, 40).unwrap());
    store.kept_checked(account, 40).unwrap();
    assert!(!store.kept_check_due(account, 40 + 86_399).unwrap());
    assert!(store.kept_check_due(account, 40 + 86_400).unwrap());
    assert_eq!(
        integrity_check(&dir.path().join("tidings.db")).unwrap(),
        "ok"
    );
}
