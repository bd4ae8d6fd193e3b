//! Smart views and reading state through the library: Today, order and the unread-only filter,
//! counts, and "mark all read" (or above or below a row) with Undo.

use tidings_core::Library;
use tidings_core::api::{ArticleCursor, ArticlePage, ArticleView, ListOptions, Side};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

/// Five articles: one an hour old, the others 1, 2, 10 and 40 days old.
async fn library() -> (tempfile::TempDir, TestServer, Library) {
    let now = tidings_core::now();
    let items: String = [3_600, 86_400 + 7_200, 2 * 86_400, 10 * 86_400, 40 * 86_400]
        .iter()
        .enumerate()
        .map(|(i, age)| {
            let date = httpdate::fmt_http_date(
                std::time::UNIX_EPOCH + std::time::Duration::from_secs((now - age) as u64),
            );
            format!(
                "<item><guid>{i}</guid><title>Story {i}</title><pubDate>{date}</pubDate></item>"
            )
        })
        .collect();
    let feed = format!("<rss version=\"2.0\"><channel><title>Days</title>{items}</channel></rss>");
    let server =
        TestServer::start(Router::new().route("/feed.xml", get(move || async move { feed }))).await;
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("tidings.db")).unwrap();
    library.subscribe(&server.url("/feed.xml")).await.unwrap();
    (dir, server, library)
}

async fn titles(library: &Library, view: ArticleView, options: ListOptions) -> Vec<String> {
    let page = library
        .list_articles_with(view, None, options)
        .await
        .unwrap();
    page.articles.into_iter().map(|a| a.title).collect()
}

#[tokio::test]
async fn today_order_and_unread_only() {
    let (_dir, _server, library) = library().await;
    let today = titles(&library, ArticleView::Today, ListOptions::default()).await;
    // Story 0 is an hour old; it is today unless the day began less than an hour ago.
    assert!(today.is_empty() || today == ["Story 0"], "{today:?}");
    assert!(!today.contains(&"Story 1".to_string()));

    let oldest_first = ListOptions {
        oldest_first: true,
        unread_only: false,
    };
    assert_eq!(
        titles(&library, ArticleView::All, oldest_first).await,
        ["Story 4", "Story 3", "Story 2", "Story 1", "Story 0"]
    );
    let first = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles[0]
        .id;
    library.set_read(first, true).await.unwrap();
    let unread_only = ListOptions {
        oldest_first: false,
        unread_only: true,
    };
    assert_eq!(
        titles(&library, ArticleView::All, unread_only).await,
        ["Story 1", "Story 2", "Story 3", "Story 4"]
    );
}

#[tokio::test]
async fn counts_follow_reading_bookmarks_and_saving() {
    let (_dir, _server, library) = library().await;
    let counts = library.view_counts().await.unwrap();
    assert_eq!((counts.unread, counts.bookmarks, counts.saved), (5, 0, 0));
    let articles = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles;
    library.set_read(articles[1].id, true).await.unwrap();
    library.set_bookmarked(articles[2].id, true).await.unwrap();
    library.set_saved(articles[3].id, true).await.unwrap();
    let counts = library.view_counts().await.unwrap();
    assert_eq!((counts.unread, counts.bookmarks, counts.saved), (4, 1, 1));
}

#[tokio::test]
async fn mark_all_read_then_undo_puts_back_exactly_what_changed() {
    let (_dir, _server, library) = library().await;
    let articles = library
        .list_articles(ArticleView::All, None)
        .await
        .unwrap()
        .articles;
    library.set_read(articles[0].id, true).await.unwrap();

    let marked = library
        .mark_view_read(ArticleView::All, None)
        .await
        .unwrap();
    assert_eq!(marked.count, 4);
    assert_eq!(library.view_counts().await.unwrap().unread, 0);

    assert!(library.undo(marked.undo).await.unwrap());
    let unread = titles(&library, ArticleView::Unread, ListOptions::default()).await;
    assert_eq!(
        unread,
        ["Story 1", "Story 2", "Story 3", "Story 4"],
        "the one read before stays read"
    );
    assert!(
        !library.undo(marked.undo).await.unwrap(),
        "an undo works once"
    );
}

#[tokio::test]
async fn marking_above_or_below_a_row_follows_the_order_on_screen() {
    let (_dir, _server, library) = library().await;
    let at = |list: &ArticlePage, title: &str| {
        let row = list.articles.iter().find(|a| a.title == title).unwrap();
        ArticleCursor {
            sort_at: row.sort_at,
            id: row.id,
        }
    };
    let newest_first = ListOptions::default();
    let list = library
        .list_articles_with(ArticleView::All, None, newest_first)
        .await
        .unwrap();

    // Newest first: above Story 2 are the newer ones; Story 2 itself stays unread.
    let above = library
        .mark_read_beside(
            ArticleView::All,
            newest_first,
            at(&list, "Story 2"),
            Side::Above,
        )
        .await
        .unwrap();
    assert_eq!(above.count, 2);
    assert_eq!(
        titles(&library, ArticleView::Unread, newest_first).await,
        ["Story 2", "Story 3", "Story 4"]
    );
    assert!(library.undo(above.undo).await.unwrap());
    assert_eq!(library.view_counts().await.unwrap().unread, 5);

    // Oldest first, below Story 3 are the newer ones.
    let oldest_first = ListOptions {
        oldest_first: true,
        unread_only: false,
    };
    let below = library
        .mark_read_beside(
            ArticleView::All,
            oldest_first,
            at(&list, "Story 3"),
            Side::Below,
        )
        .await
        .unwrap();
    assert_eq!(below.count, 3);
    assert_eq!(
        titles(&library, ArticleView::Unread, oldest_first).await,
        ["Story 4", "Story 3"]
    );

    // Only the view's own articles: none of another feed's, whatever their dates.
    let feed = list.articles[0].feed_id.unwrap();
    let elsewhere = library
        .mark_read_beside(
            ArticleView::Feed { feed_id: feed + 1 },
            newest_first,
            at(&list, "Story 4"),
            Side::Above,
        )
        .await
        .unwrap();
    assert_eq!(elsewhere.count, 0);
    assert!(library.undo(below.undo).await.unwrap());
    assert_eq!(library.view_counts().await.unwrap().unread, 5);
}

#[tokio::test]
async fn an_undo_that_failed_can_be_tried_again() {
    let (dir, _server, library) = library().await;
    let marked = library
        .mark_view_read(ArticleView::All, None)
        .await
        .unwrap();
    // Another program holds the library's write lock until SQLite's busy timeout runs out.
    let other = rusqlite::Connection::open(dir.path().join("tidings.db")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    assert!(library.undo(marked.undo).await.is_err());
    other.execute_batch("ROLLBACK").unwrap();
    assert!(library.undo(marked.undo).await.unwrap());
    assert_eq!(library.view_counts().await.unwrap().unread, 5);
}

#[tokio::test]
async fn marking_older_than_a_week_read_leaves_the_recent_ones() {
    let (_dir, _server, library) = library().await;
    let week_ago = tidings_core::now() - 7 * 86_400;
    let marked = library
        .mark_view_read(ArticleView::All, Some(week_ago))
        .await
        .unwrap();
    assert_eq!(marked.count, 2);
    assert_eq!(
        titles(&library, ArticleView::Unread, ListOptions::default()).await,
        ["Story 0", "Story 1", "Story 2"]
    );
}

#[tokio::test]
async fn preferences_round_trip_and_stay_within_their_ranges() {
    use tidings_core::api::{MarkRead, Preferences, Theme};
    let (_dir, _server, library) = library().await;
    assert_eq!(library.preferences().await.unwrap(), Preferences::default());
    let wanted = Preferences {
        theme: Theme::Sepia,
        reader_size: 99,
        content_width: 10,
        mark_read: MarkRead::AfterDelay,
        mark_read_delay_secs: 5,
        ..Preferences::default()
    };
    let stored = library.set_preferences(wanted).await.unwrap();
    assert_eq!((stored.reader_size, stored.content_width), (28, 50));
    assert_eq!(library.preferences().await.unwrap(), stored);
    assert_eq!(stored.theme, Theme::Sepia);
}

#[tokio::test]
async fn today_lists_the_unread_articles_of_today_that_it_counts() {
    use tidings_core::store::{FeedUpdate, NewArticle, Store, start_of_today};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tidings.db");
    let now = tidings_core::now();
    let midnight = start_of_today();
    let article = |title: &str, at: i64| NewArticle {
        identity: title.to_string(),
        guid: None,
        url: None,
        title: title.to_string(),
        author: None,
        content_html: String::new(),
        content_text: String::new(),
        content_hash: title.as_bytes().to_vec(),
        published_at: Some(at),
        updated_at: None,
        enclosures_json: None,
        lead_image: None,
        word_count: None,
        extract_error: None,
    };
    let update = FeedUpdate {
        title: "Days".to_string(),
        articles: vec![
            article("This morning", midnight + 2),
            article("Just after midnight", midnight + 1),
            article("Yesterday", midnight - 3_600),
        ],
        ..Default::default()
    };
    Store::open(&path)
        .unwrap()
        .insert_feed("https://days.example/feed.xml", &update, now, now)
        .unwrap();
    let library = Library::open(&path).unwrap();
    let unfiltered = ListOptions::default();
    assert_eq!(
        titles(&library, ArticleView::Today, unfiltered).await,
        ["This morning", "Just after midnight"]
    );
    assert_eq!(library.view_counts().await.unwrap().today_unread, 2);

    let page = library
        .list_articles(ArticleView::Today, None)
        .await
        .unwrap();
    library.set_read(page.articles[0].id, true).await.unwrap();
    assert_eq!(
        titles(&library, ArticleView::Today, unfiltered).await,
        ["Just after midnight"]
    );
    assert_eq!(library.view_counts().await.unwrap().today_unread, 1);
}
