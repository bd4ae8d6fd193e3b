//! Each feed keeps its unread count rather than counting its articles on every sidebar (see
//! docs/performance/costs.md, *Sidebar counts*). Whatever a person does, the kept counts must
//! equal the real ones.

use rusqlite::Connection;
use tidings_core::api::ArticleView;
use tidings_core::store::{FeedUpdate, NewArticle, PollRecord, PollWrite, SavedPage, Store};

const NOW: i64 = 1_750_000_000;

fn article(guid: &str, date: i64) -> NewArticle {
    NewArticle {
        identity: format!("g:{guid}"),
        guid: Some(guid.to_string()),
        url: Some(format!("https://example.com/{guid}")),
        title: format!("Article {guid}"),
        author: None,
        content_html: format!("<p>Body of {guid}</p>"),
        content_text: format!("Body of {guid}"),
        content_hash: guid.as_bytes().to_vec(),
        published_at: Some(date),
        updated_at: None,
        enclosures_json: None,
        lead_image: None,
        word_count: None,
        extract_error: None,
    }
}

fn update(articles: Vec<NewArticle>) -> FeedUpdate {
    FeedUpdate {
        title: "Feed".to_string(),
        articles,
        ..Default::default()
    }
}

/// The kept counts against a fresh count of the rows.
fn assert_counts_true(store: &Store) {
    let conn = Connection::open(store.path()).unwrap();
    for feed in store.list_feeds().unwrap() {
        let real: i64 = conn
            .query_row(
                "SELECT count(*) FROM articles WHERE feed_id = ?1 AND is_read = 0",
                [feed.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(feed.unread_count, real, "feed {}", feed.id);
    }
    for folder in store.list_folders().unwrap() {
        let real: i64 = conn
            .query_row(
                "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id
                 WHERE f.folder_id = ?1 AND a.is_read = 0",
                [folder.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(folder.unread_count, real, "folder {}", folder.name);
    }
    let real: i64 = conn
        .query_row("SELECT count(*) FROM articles WHERE is_read = 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(store.view_counts().unwrap().unread, real);
}

#[test]
fn kept_unread_counts_follow_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("tidings.db")).unwrap();
    let a = store
        .insert_feed(
            "https://a.example/feed",
            &update(
                (0..6)
                    .map(|i| article(&format!("a{i}"), NOW - i * 100))
                    .collect(),
            ),
            NOW,
            NOW,
        )
        .unwrap();
    let b = store
        .insert_feed(
            "https://b.example/feed",
            &update(vec![article("b0", NOW), article("b1", NOW - 50)]),
            NOW,
            NOW,
        )
        .unwrap();
    let folder = store.create_folder("News").unwrap();
    store.move_feed(a, Some(folder)).unwrap();
    assert_counts_true(&store);

    // A refresh brings one new item and one already stored.
    let poll = PollRecord {
        next_poll_at: NOW + 3_600,
        min_interval: None,
        moved_to: None,
    };
    let refreshed = update(vec![article("b2", NOW + 10), article("b0", NOW)]);
    store
        .write_polls(
            &[PollWrite::Updated {
                id: b,
                update: &refreshed,
                poll: &poll,
            }],
            NOW + 20,
        )
        .unwrap();
    assert_counts_true(&store);

    let ids: Vec<i64> = store
        .list_articles(&tidings_core::store::ArticleQuery {
            view: ArticleView::Feed { feed_id: a },
            after: None,
            limit: 50,
            options: Default::default(),
        })
        .unwrap()
        .articles
        .iter()
        .map(|s| s.id)
        .collect();
    store.set_read(ids[0], true).unwrap();
    store.set_read(ids[0], true).unwrap(); // again: no change
    store.set_read(ids[1], true).unwrap();
    store.set_read(ids[1], false).unwrap();
    assert_counts_true(&store);

    let marked = store
        .mark_view_read(ArticleView::Folder { folder_id: folder }, Some(NOW - 150))
        .unwrap();
    assert!(!marked.is_empty());
    assert_counts_true(&store);
    let all = store.mark_view_read(ArticleView::All, None).unwrap();
    assert_counts_true(&store);
    store.mark_unread(&all).unwrap();
    store.mark_unread(&all).unwrap(); // undoing twice changes nothing more
    assert_counts_true(&store);

    // A saved page has no feed; a removed feed's bookmarked article stays without one.
    store
        .insert_saved(
            &SavedPage {
                url: "https://c.example/page".to_string(),
                title: "Page".to_string(),
                author: None,
                content_html: "<p>Page</p>".to_string(),
                content_text: "Page".to_string(),
                published_at: None,
                site_name: "c".to_string(),
                lead_image: None,
                word_count: None,
                extract_error: None,
            },
            NOW,
            None,
        )
        .unwrap();
    let kept = store
        .list_articles(&tidings_core::store::ArticleQuery {
            view: ArticleView::Feed { feed_id: b },
            after: None,
            limit: 1,
            options: Default::default(),
        })
        .unwrap()
        .articles[0]
        .id;
    store.set_bookmarked(kept, true, NOW, None).unwrap();
    store.remove_feed(b).unwrap();
    assert_counts_true(&store);

    store.mark_view_read(ArticleView::All, None).unwrap();
    store.prune_read_articles(NOW + 1, NOW).unwrap();
    assert_counts_true(&store);
}
