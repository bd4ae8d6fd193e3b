//! Syncs nobody asked for (the schedule), two at once, and changes a server refuses.

use tidings_core::Library;
use tidings_core::api::ArticleView;

use super::World;

/// With the schedule running (as in the app), a change made here reaches the server within
/// seconds without anyone asking for a sync.
#[tokio::test(flavor = "multi_thread")]
async fn the_schedule_sends_a_change_soon_without_being_asked() {
    let world = World::coldsweat();
    let library = Library::open(&world.work.path().join("tidings.db")).unwrap();
    let account = library
        .add_account(world.new_account(&world.password))
        .await
        .unwrap();
    let schedule = {
        let library = library.clone();
        tokio::spawn(async move { library.run_sync_schedule().await })
    };
    // Its first sync brings the articles.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let first = loop {
        let page = library
            .list_articles(ArticleView::Unread, None)
            .await
            .unwrap();
        if let Some(article) = page.articles.first() {
            break article.id;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the schedule never synced"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let (unread_before, _) = world.server_state().await;
    library.set_read(first, true).await.unwrap();
    loop {
        let (unread, _) = world.server_state().await;
        if unread.len() == unread_before.len() - 1 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the change never reached the server"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(
        library.account(account.id).await.unwrap().pending_changes,
        0
    );
    schedule.abort();
}

/// The schedule's sync and the person's at the same moment: each change is sent once.
#[tokio::test(flavor = "multi_thread")]
async fn two_syncs_at_once_send_each_change_once() {
    let world = World::coldsweat();
    let (library, account) = world.synced_library().await;
    let marked = library
        .mark_view_read(ArticleView::All, None)
        .await
        .unwrap();
    let (a, b) = tokio::join!(
        library.sync_account(account.id),
        library.sync_account(account.id)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.sent + b.sent, marked.count, "{a:?} {b:?}");
    let (unread, _) = world.server_state().await;
    assert!(unread.is_empty());
}

/// Of two changes sent together, the server refuses one (its article is gone there): only that
/// one is refused and named; the other reaches the server.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_change_is_named_alone_and_the_others_reach_the_server() {
    let world = World::coldsweat();
    let (library, account) = world.synced_library().await;
    let page = library
        .list_articles(ArticleView::Unread, None)
        .await
        .unwrap();
    let (kept, gone) = (&page.articles[0], &page.articles[1]);
    library.set_read(kept.id, true).await.unwrap();
    library.set_read(gone.id, true).await.unwrap();
    // The server no longer knows the second article (as after its own retention removed it).
    rusqlite::Connection::open(world.work.path().join("tidings.db"))
        .unwrap()
        .execute_batch(&format!(
            "UPDATE sync_outbox SET remote_id = '987654321'
                 WHERE remote_id = (SELECT substr(identity, 3) FROM articles WHERE id = {gone});
             UPDATE articles SET identity = 'r:987654321' WHERE id = {gone};",
            gone = gone.id
        ))
        .unwrap();
    let (unread_before, _) = world.server_state().await;
    let summary = library.sync_account(account.id).await.unwrap();
    assert_eq!(summary.sent, 1, "{summary:?}");
    assert_eq!(summary.refused.len(), 1, "{summary:?}");
    assert!(summary.refused[0].contains(&gone.title), "{summary:?}");
    // The refused article then follows the server's lists like any other (unknown there, it is
    // not among the unread); the one the server took stays read.
    assert!(library.article(kept.id).await.unwrap().is_read);
    let (unread_after, _) = world.server_state().await;
    assert_eq!(unread_after.len(), unread_before.len() - 1);
}
