use tempfile::TempDir;

use super::*;
use crate::api::{ArticleCursor, ArticleView};
use crate::fetch::Validators;

fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("tidings.db")).unwrap();
    (dir, store)
}

fn article(key: &str, body: &str, published_at: i64) -> NewArticle {
    NewArticle {
        identity: format!("g:{key}"),
        guid: Some(key.to_string()),
        url: Some(format!("https://example.com/{key}")),
        title: format!("Title {key}"),
        author: Some("Ann".to_string()),
        content_html: format!("<p>{body}</p>"),
        content_text: body.to_string(),
        content_hash: body.as_bytes().to_vec(),
        published_at: Some(published_at),
        updated_at: None,
        enclosures_json: None,
        lead_image: None,
        word_count: None,
        extract_error: None,
    }
}

fn poll() -> PollRecord {
    PollRecord {
        next_poll_at: NOW + 1800,
        min_interval: None,
        moved_to: None,
    }
}

fn update(articles: Vec<NewArticle>) -> FeedUpdate {
    FeedUpdate {
        ttl: None,
        skip_hours: Vec::new(),
        title: "Example".to_string(),
        site_url: Some("https://example.com/".to_string()),
        icon_url: None,
        language: None,
        validators: Validators {
            etag: Some("\"v1\"".to_string()),
            last_modified: None,
        },
        articles,
    }
}

const NOW: i64 = 1_750_000_000;

fn page(store: &Store, view: ArticleView) -> Vec<String> {
    let query = ArticleQuery {
        view,
        after: None,
        limit: 1000,
        options: Default::default(),
    };
    store
        .list_articles(&query)
        .unwrap()
        .articles
        .into_iter()
        .map(|a| a.title)
        .collect()
}

#[test]
fn a_feed_and_its_articles_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("tidings.db");
    let id = {
        let store = Store::open(&path).unwrap();
        let articles = vec![
            article("a", "Alpha", NOW - 100),
            article("b", "Beta", NOW - 50),
        ];
        store
            .insert_feed("https://example.com/feed", &update(articles), NOW, NOW)
            .unwrap()
    };
    let store = Store::open(&path).unwrap();
    let feeds = store.list_feeds().unwrap();
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0].id, id);
    assert_eq!(feeds[0].title, "Example");
    assert_eq!(feeds[0].unread_count, 2);
    assert_eq!(feeds[0].last_success_at, Some(NOW));
    assert_eq!(page(&store, ArticleView::All), ["Title b", "Title a"]);
    let listed = store
        .list_articles(&ArticleQuery {
            view: ArticleView::All,
            after: None,
            limit: 10,
            options: Default::default(),
        })
        .unwrap();
    let full = store.article(listed.articles[1].id).unwrap().unwrap();
    assert_eq!(full.title, "Title a");
    assert_eq!(full.source_title, "Example");
    assert_eq!(full.content_html, "<p>Alpha</p>");
    assert_eq!(full.author.as_deref(), Some("Ann"));
    assert_eq!(full.published_at, Some(NOW - 100));
    assert_eq!(
        store
            .feeds_to_refresh(crate::api::RefreshScope::All, NOW)
            .unwrap()[0]
            .validators
            .etag
            .as_deref(),
        Some("\"v1\"")
    );
}

#[test]
fn a_refresh_that_changes_an_article_keeps_its_read_and_bookmark_state() {
    let (_dir, store) = temp_store();
    let feed = store
        .insert_feed(
            "https://example.com/feed",
            &update(vec![article("a", "First draft", NOW - 10)]),
            NOW,
            NOW,
        )
        .unwrap();
    let id = store
        .list_articles(&ArticleQuery {
            view: ArticleView::All,
            after: None,
            limit: 1,
            options: Default::default(),
        })
        .unwrap()
        .articles[0]
        .id;
    store.set_read(id, true).unwrap();
    store.set_bookmarked(id, true, NOW, None).unwrap();

    let counts = store
        .apply_feed_update(
            feed,
            &update(vec![article("a", "Corrected text", NOW - 10)]),
            &poll(),
            NOW + 60,
        )
        .unwrap();
    assert_eq!(
        counts,
        StoredCounts {
            inserted: 0,
            updated: 1,
            alerts: Vec::new(),
        }
    );
    let after = store.article(id).unwrap().unwrap();
    assert_eq!(after.content_html, "<p>Corrected text</p>");
    assert!(after.is_read && after.is_bookmarked);
    assert_eq!(after.sort_at, NOW - 10);

    let unchanged = store
        .apply_feed_update(
            feed,
            &update(vec![article("a", "Corrected text", NOW - 10)]),
            &poll(),
            NOW + 120,
        )
        .unwrap();
    assert_eq!(unchanged, StoredCounts::default());
}

#[test]
fn the_search_index_follows_inserts_updates_and_removals() {
    let (_dir, store) = temp_store();
    let count = |store: &Store, word: &str| -> i64 {
        store
            .reader()
            .query_row(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
                [word],
                |r| r.get(0),
            )
            .unwrap()
    };
    let feed = store
        .insert_feed(
            "https://example.com/feed",
            &update(vec![article("a", "pyongyang satellite", NOW)]),
            NOW,
            NOW,
        )
        .unwrap();
    assert_eq!(count(&store, "pyongyang"), 1);
    store
        .apply_feed_update(
            feed,
            &update(vec![article("a", "vostochny", NOW)]),
            &poll(),
            NOW,
        )
        .unwrap();
    assert_eq!(count(&store, "pyongyang"), 0);
    assert_eq!(count(&store, "vostochny"), 1);
    store.remove_feed(feed).unwrap();
    assert_eq!(count(&store, "vostochny"), 0);
}

#[test]
fn views_filter_and_pages_continue_where_the_last_one_ended() {
    let (_dir, store) = temp_store();
    let articles: Vec<_> = (0..250)
        .map(|i| article(&format!("{i:03}"), "x", NOW - i % 7))
        .collect();
    let feed = store
        .insert_feed("https://example.com/a", &update(articles), NOW, NOW)
        .unwrap();
    let other = store
        .insert_feed(
            "https://example.com/b",
            &update(vec![article("other", "y", NOW)]),
            NOW,
            NOW,
        )
        .unwrap();

    let mut seen = Vec::new();
    let mut after: Option<ArticleCursor> = None;
    loop {
        let page = store
            .list_articles(&ArticleQuery {
                view: ArticleView::Feed { feed_id: feed },
                after,
                limit: 40,
                options: Default::default(),
            })
            .unwrap();
        seen.extend(page.articles.iter().map(|a| (a.sort_at, a.id)));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), 250);
    assert!(
        seen.windows(2).all(|w| w[0] > w[1]),
        "newest first, no repeats"
    );

    let first = store
        .list_articles(&ArticleQuery {
            view: ArticleView::All,
            after: None,
            limit: 3,
            options: Default::default(),
        })
        .unwrap();
    store.set_read(first.articles[0].id, true).unwrap();
    store
        .set_bookmarked(first.articles[1].id, true, NOW, None)
        .unwrap();
    assert_eq!(page(&store, ArticleView::Unread).len(), 250);
    assert_eq!(
        page(&store, ArticleView::Bookmarks),
        [first.articles[1].title.clone()]
    );
    assert_eq!(
        page(&store, ArticleView::Feed { feed_id: other }),
        ["Title other"]
    );
}

#[test]
fn removing_a_feed_keeps_its_bookmarks() {
    let (_dir, store) = temp_store();
    let feed = store
        .insert_feed(
            "https://example.com/feed",
            &update(vec![article("keep", "k", NOW), article("drop", "d", NOW)]),
            NOW,
            NOW,
        )
        .unwrap();
    let kept = store
        .list_articles(&ArticleQuery {
            view: ArticleView::All,
            after: None,
            limit: 10,
            options: Default::default(),
        })
        .unwrap()
        .articles
        .into_iter()
        .find(|a| a.title == "Title keep")
        .unwrap();
    store.set_bookmarked(kept.id, true, NOW, None).unwrap();
    store.remove_feed(feed).unwrap();
    assert!(store.list_feeds().unwrap().is_empty());
    assert_eq!(page(&store, ArticleView::All), ["Title keep"]);
    let article = store.article(kept.id).unwrap().unwrap();
    assert!(article.is_bookmarked);
    assert_eq!(article.feed_id, None);
    assert_eq!(article.source_title, "Example");
}

#[test]
fn undated_articles_sort_by_first_seen_and_future_dates_are_clamped() {
    let (_dir, store) = temp_store();
    let mut undated = article("undated", "u", 0);
    undated.published_at = None;
    let future = article("future", "f", NOW + 86_400 * 365);
    store
        .insert_feed(
            "https://example.com/feed",
            &update(vec![undated, future]),
            NOW,
            NOW,
        )
        .unwrap();
    let rows = store
        .list_articles(&ArticleQuery {
            view: ArticleView::All,
            after: None,
            limit: 10,
            options: Default::default(),
        })
        .unwrap();
    assert!(rows.articles.iter().all(|a| a.sort_at == NOW));
}

#[test]
fn a_database_from_a_newer_version_is_refused_not_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tidings.db");
    drop(Store::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let error = Store::open(&path).err().unwrap().to_string();
    assert!(error.contains("newer version of Tidings"), "{error}");
}

#[test]
fn list_queries_use_indexes_not_table_scans() {
    let (_dir, store) = temp_store();
    store
        .insert_feed(
            "https://example.com/feed",
            &update(vec![article("a", "x", NOW)]),
            NOW,
            NOW,
        )
        .unwrap();
    store.optimize().unwrap();
    let conn = store.reader();
    let views = [
        ("1", "", "DESC"),
        ("a.is_read = 0", "", "DESC"),
        ("a.is_read = 0 AND a.sort_at >= 1", "", "DESC"),
        ("a.is_bookmarked = 1", "", "DESC"),
        ("a.is_saved = 1", "", "DESC"),
        ("a.feed_id = 1", "", "DESC"),
        ("a.is_read = 0", "AND (a.sort_at, a.id) < (1, 1)", "DESC"),
        ("a.feed_id = 1", "AND (a.sort_at, a.id) > (1, 1)", "ASC"),
    ];
    for (filter, cursor, order) in views {
        let sql = format!(
            "EXPLAIN QUERY PLAN {} WHERE {filter} {cursor} ORDER BY a.sort_at {order}, a.id {order} LIMIT 50",
            reading::SUMMARY_SELECT
        );
        let plan: Vec<String> = conn
            .prepare(&sql)
            .unwrap()
            .query_map([], |row| row.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let articles_step = plan.iter().find(|step| step.contains(" a ")).unwrap();
        assert!(
            articles_step.contains("USING INDEX articles_"),
            "{filter}: {plan:?}"
        );
        assert!(
            !plan.iter().any(|s| s.contains("TEMP B-TREE")),
            "{filter} sorts: {plan:?}"
        );
    }
}
