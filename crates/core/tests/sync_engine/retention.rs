//! An account's articles live as long as its server keeps them: once a day a sync asks, and
//! removes here what the server has removed (its purge of old articles), whatever the local
//! "keep read articles" setting says.

use tidings_core::Library;
use tidings_core::api::AccountId;
use tidings_core::sync::Mark;

use super::{FEEDS, ITEMS, Server, World, articles};

impl World {
    /// The server deletes these articles, as its own purge of old articles does.
    fn remove_on_server(&self, ids: &[String]) {
        match &self.server {
            Server::FreshRss(s) => s.remove_articles(ids).unwrap(),
            Server::Coldsweat(s) => s.remove_articles(ids).unwrap(),
            Server::TtRss(s) => s.remove_articles(ids).unwrap(),
        }
    }

    /// Dates the account's last check of what its server keeps a day earlier.
    fn a_day_passes(&self, account: AccountId) {
        let db = rusqlite::Connection::open(self.work.path().join("tidings.db")).unwrap();
        db.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
        let changed = db
            .execute(
                "UPDATE accounts SET kept_checked_at = kept_checked_at - 86400 WHERE id = ?1",
                [account],
            )
            .unwrap();
        assert_eq!(changed, 1);
    }
}

async fn follows_the_server_s_retention(world: World) {
    let (library, account) = world.synced_library().await;
    let total = FEEDS * ITEMS;
    let (unread, _) = world.server_state().await;
    let mut ids: Vec<String> = unread.into_iter().collect();
    ids.sort();
    let (read_dropped, unread_dropped, read_kept) =
        (ids[0].clone(), ids[1].clone(), ids[2].clone());
    world
        .mark_on_server(&[read_dropped.clone(), read_kept], Mark::Read)
        .await;
    library.sync_account(account.id).await.unwrap();
    assert_eq!(read_count(&library).await, 2);

    world.remove_on_server(&[read_dropped, unread_dropped]);
    let same_day = library.sync_account(account.id).await.unwrap();
    assert_eq!(same_day.removed_articles, 0, "asked once a day");
    assert_eq!(articles(&library).await.len(), total);

    world.a_day_passes(account.id);
    let next_day = library.sync_account(account.id).await.unwrap();
    assert_eq!(next_day.removed_articles, 2, "{next_day:?}");
    assert_eq!(articles(&library).await.len(), total - 2);
    assert_eq!(
        read_count(&library).await,
        1,
        "the read article it keeps stays"
    );
    let unread_here: i64 = library
        .list_feeds()
        .await
        .unwrap()
        .iter()
        .map(|f| f.unread_count)
        .sum();
    assert_eq!(unread_here as usize, total - 3);
}

async fn read_count(library: &Library) -> usize {
    articles(library).await.iter().filter(|a| a.2).count()
}

#[tokio::test(flavor = "multi_thread")]
async fn freshrss_google_reader_articles_live_as_long_as_the_server_keeps_them() {
    follows_the_server_s_retention(World::freshrss(tidings_core::api::AccountKind::Greader)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn coldsweat_fever_articles_live_as_long_as_the_server_keeps_them() {
    follows_the_server_s_retention(World::coldsweat()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ttrss_articles_live_as_long_as_the_server_keeps_them() {
    follows_the_server_s_retention(World::ttrss()).await;
}
