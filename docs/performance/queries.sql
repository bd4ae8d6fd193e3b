-- The statements behind each case of `tidings-bench scale`, as crates/core/src/store issues them
-- (parameters left as ?N). `tidings-bench explain --db FILE docs/performance/queries.sql` prints
-- SQLite's plan for each with the SQLite the app is built with.

-- name: sidebar: every feed with its unread count (store/feeds.rs list_feeds)
SELECT f.id, f.url, coalesce(f.custom_title, f.title), f.site_url, f.folder_id, f.status,
    f.last_success_at, f.last_error, f.failure_count, f.next_poll_at, f.unread_count, f.full_text
FROM feeds f ORDER BY coalesce(f.custom_title, f.title) COLLATE NOCASE, f.id;

-- name: sidebar: every folder with its unread count (store/folders.rs list_folders)
SELECT d.id, d.name, coalesce(sum(f.unread_count), 0)
FROM folders d LEFT JOIN feeds f ON f.folder_id = d.id
GROUP BY d.id ORDER BY d.name COLLATE NOCASE;

-- name: smart view counts (store/reading.rs view_counts)
SELECT
    (SELECT coalesce(sum(unread_count), 0) FROM feeds)
        + (SELECT count(*) FROM articles WHERE is_read = 0 AND feed_id IS NULL),
    (SELECT count(*) FROM articles WHERE is_read = 0 AND sort_at >= ?1),
    (SELECT count(*) FROM articles WHERE is_bookmarked = 1),
    (SELECT count(*) FROM articles WHERE is_saved = 1);

-- name: first page of one feed (store/reading.rs list_articles)
SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title, a.url,
    a.sort_at, a.is_read, a.is_bookmarked, a.is_saved
FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
WHERE a.feed_id = ?1 ORDER BY a.sort_at DESC, a.id DESC LIMIT ?2;

-- name: first page of All unread
SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title, a.url,
    a.sort_at, a.is_read, a.is_bookmarked, a.is_saved
FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
WHERE a.is_read = 0 ORDER BY a.sort_at DESC, a.id DESC LIMIT ?1;

-- name: first page of Bookmarks
SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title, a.url,
    a.sort_at, a.is_read, a.is_bookmarked, a.is_saved
FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
WHERE a.is_bookmarked = 1 ORDER BY a.sort_at DESC, a.id DESC LIMIT ?1;

-- name: a page of All after row 100,000 (keyset: the last row seen)
SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title, a.url,
    a.sort_at, a.is_read, a.is_bookmarked, a.is_saved
FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
WHERE 1 AND (a.sort_at, a.id) < (?1, ?2) ORDER BY a.sort_at DESC, a.id DESC LIMIT ?3;

-- name: open one article (store/reading.rs article)
SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title, a.url,
    a.author, coalesce(b.html, ''), a.published_at, a.sort_at, a.is_read, a.is_bookmarked,
    a.enclosures, a.is_saved, a.lead_image, a.word_count, a.extract_error
FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
    LEFT JOIN article_bodies b ON b.article_id = a.id
WHERE a.id = ?1;

-- name: search: the newest 2,000 matches with their bm25 (store/search.rs search_candidates)
SELECT a.id, bm25(articles_fts, 10.0, 3.0, 1.0), a.sort_at
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH ?1 ORDER BY articles_fts.rowid DESC LIMIT ?2;

-- name: search: a hit's body, for its snippet (store/search.rs article_html)
SELECT html FROM article_bodies WHERE article_id = ?1;

-- name: mark all read in a folder: which articles (store/articles.rs mark_view_read)
SELECT a.id, a.feed_id FROM articles AS a
WHERE a.feed_id IN (SELECT id FROM feeds WHERE folder_id = ?1) AND a.is_read = 0;

-- name: mark all read in a folder: the change (store/articles.rs mark_view_read)
UPDATE articles AS a SET is_read = 1
WHERE a.feed_id IN (SELECT id FROM feeds WHERE folder_id = ?1) AND a.is_read = 0;

-- name: undo mark all read (store/articles.rs mark_unread)
UPDATE articles SET is_read = 0
WHERE id IN (SELECT value FROM json_each(?1)) AND is_read = 1
RETURNING feed_id;

-- name: retention: choose a batch (store/retention.rs)
SELECT id FROM articles
WHERE is_read = 1 AND is_bookmarked = 0 AND is_saved = 0 AND sort_at < ?1
LIMIT ?2;

-- name: retention: remove the batch
DELETE FROM articles WHERE id IN (SELECT id FROM temp.doomed);

-- name: refresh: is this item stored already? (store/articles.rs upsert_articles)
SELECT id, content_hash FROM articles WHERE feed_id = ?1 AND identity = ?2;

-- name: refresh: every stored item of a feed, to skip unchanged ones before parsing
SELECT identity, content_hash FROM articles WHERE feed_id = ?1;
