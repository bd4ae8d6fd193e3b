//! Syncs nobody asked for: the schedule, and two syncs at once.

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
