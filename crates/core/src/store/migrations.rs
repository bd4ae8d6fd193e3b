//! Numbered schema migrations. `PRAGMA user_version` records how many have run; each runs once, in
//! its own transaction, in order. Never edit a released migration: add the next one.

use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: feeds, articles with read/bookmark state, and the search index.
    r#"
    CREATE TABLE feeds (
        id              INTEGER PRIMARY KEY,
        url             TEXT NOT NULL UNIQUE,
        title           TEXT NOT NULL,
        site_url        TEXT,
        etag            TEXT,
        last_modified   TEXT,
        created_at      INTEGER NOT NULL,
        last_success_at INTEGER,
        last_error      TEXT,
        last_error_at   INTEGER,
        failure_count   INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- An article belongs to its feed; when a feed is removed its bookmarked articles stay, with
    -- feed_id NULL and the feed's title kept in source_title.
    CREATE TABLE articles (
        id             INTEGER PRIMARY KEY,
        feed_id        INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        -- 'g:' guid, else 'l:' link, else 'h:' content hash: what makes an item the same item.
        identity       TEXT NOT NULL,
        guid           TEXT,
        url            TEXT,
        title          TEXT NOT NULL,
        author         TEXT,
        content_html   TEXT NOT NULL,
        content_hash   BLOB NOT NULL,
        source_title   TEXT,
        published_at   INTEGER,
        updated_at     INTEGER,
        first_seen_at  INTEGER NOT NULL,
        -- Newest-first order: the publication date (never in the future), else first seen.
        sort_at        INTEGER NOT NULL,
        is_read        INTEGER NOT NULL DEFAULT 0,
        read_at        INTEGER,
        is_bookmarked  INTEGER NOT NULL DEFAULT 0,
        bookmarked_at  INTEGER
    ) STRICT;

    CREATE UNIQUE INDEX articles_identity ON articles(feed_id, identity);
    CREATE INDEX articles_newest ON articles(sort_at DESC, id DESC);
    CREATE INDEX articles_feed_newest ON articles(feed_id, sort_at DESC, id DESC);
    CREATE INDEX articles_unread_newest ON articles(sort_at DESC, id DESC) WHERE is_read = 0;
    CREATE INDEX articles_unread_by_feed ON articles(feed_id) WHERE is_read = 0;
    CREATE INDEX articles_bookmarked_newest ON articles(sort_at DESC, id DESC)
        WHERE is_bookmarked = 1;

    -- Contentless: the text lives in articles already; rows are keyed by article id. Words are
    -- folded (case, diacritics) and English ones stemmed ("arms" finds "arm").
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, author, content,
        content = '',
        contentless_delete = 1,
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    "#,
    // 2: folders, renames, polling schedule and feed health, enclosures, settings, and tombstones
    //    so that articles removed by retention don't come back as new.
    r#"
    CREATE TABLE folders (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    ALTER TABLE feeds ADD COLUMN folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL;
    -- A name the person chose; the feed's own title keeps updating underneath.
    ALTER TABLE feeds ADD COLUMN custom_title TEXT;
    -- 'active', or 'gone' after a 410: never polled again unless the person asks.
    ALTER TABLE feeds ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
    ALTER TABLE feeds ADD COLUMN last_checked_at INTEGER;
    ALTER TABLE feeds ADD COLUMN next_poll_at INTEGER NOT NULL DEFAULT 0;
    -- What the server and the feed asked for: Cache-Control max-age, RSS ttl, skipHours.
    ALTER TABLE feeds ADD COLUMN min_interval INTEGER;
    ALTER TABLE feeds ADD COLUMN skip_hours TEXT;
    CREATE INDEX feeds_due ON feeds(next_poll_at) WHERE status = 'active';

    -- JSON array of {url, mimeType, length}; read with the article, never queried.
    ALTER TABLE articles ADD COLUMN enclosures TEXT;

    CREATE TABLE article_tombstones (
        feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        identity    TEXT NOT NULL,
        removed_at  INTEGER NOT NULL,
        PRIMARY KEY (feed_id, identity)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    "#,
    // 3: saved pages (read later), full-text extraction per feed, and images kept for offline
    //    reading.
    r#"
    ALTER TABLE articles ADD COLUMN is_saved INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN saved_at INTEGER;
    ALTER TABLE articles ADD COLUMN lead_image TEXT;
    ALTER TABLE articles ADD COLUMN word_count INTEGER;
    -- Why the article's own page could not be read (saving, or a feed's full-text setting).
    ALTER TABLE articles ADD COLUMN extract_error TEXT;
    -- A saved page belongs to no feed; its identity is 'u:' and its address, kept unique.
    CREATE UNIQUE INDEX articles_saved_identity ON articles(identity)
        WHERE feed_id IS NULL AND substr(identity, 1, 2) = 'u:';
    CREATE INDEX articles_saved_newest ON articles(sort_at DESC, id DESC) WHERE is_saved = 1;

    -- Fetch each item's page and read the article from it, for feeds that carry only summaries.
    ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;

    -- Images by content (SHA-256), so an image shared by many articles is stored once.
    CREATE TABLE images (
        hash        BLOB PRIMARY KEY,
        mime_type   TEXT NOT NULL,
        bytes       BLOB NOT NULL,
        stored_at   INTEGER NOT NULL
    ) STRICT;
    -- Which address gave which image (or why it could not be fetched).
    CREATE TABLE image_sources (
        url         TEXT PRIMARY KEY,
        hash        BLOB REFERENCES images(hash),
        error       TEXT,
        fetched_at  INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    "#,
    // 4: for a million articles (docs/performance/runs/2026-11-27-million-articles.md). Article
    //    bodies move to a table of their own: marking read, bookmarking and listing touch the
    //    article rows, and with a ~5 KB body inside each, marking 100k articles read rewrote ~1 GB
    //    of pages; without it a row is a few hundred bytes. And each feed keeps its unread count,
    //    changed by every write that changes it (store/articles.rs), instead of counting 300k index
    //    entries for every sidebar (30 ms).
    r#"
    CREATE TABLE article_bodies (
        article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        html        TEXT NOT NULL
    ) STRICT;
    INSERT INTO article_bodies (article_id, html) SELECT id, content_html FROM articles;
    ALTER TABLE articles DROP COLUMN content_html;

    ALTER TABLE feeds ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;
    UPDATE feeds SET unread_count =
        (SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id AND a.is_read = 0);
    "#,
    // 5: when an article was read was written and never read. Changing is_read alone keeps a
    //    row's size, so SQLite rewrites it in place; with read_at NULL <-> a time as well, every
    //    row moved within its page: 25 ms more for marking 100k articles read.
    r#"
    ALTER TABLE articles DROP COLUMN read_at;
    "#,
    // 6: work a person asked for that needs the network (keeping a bookmarked article's
    //    pictures, reading a page saved while offline), written in the same transaction as the
    //    change that asked for it, so that a quit, a crash or a lost network only delays it.
    r#"
    CREATE TABLE pending_work (
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        -- 'keep_images' or 'read_page'.
        kind        TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        due_at      INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        -- Why the last attempt could not finish (the network, a server); NULL before one.
        last_error  TEXT,
        PRIMARY KEY (article_id, kind)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX pending_work_due ON pending_work(due_at);
    "#,
];

pub(super) fn apply(conn: &mut Connection) -> Result<(), String> {
    let current: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| e.to_string())?;
    if current > LATEST as i64 {
        return Err(format!(
            "it was written by a newer version of Tidings (schema {current}, this one knows {LATEST})"
        ));
    }
    run(conn, current as usize, LATEST).map_err(|e| e.to_string())
}

/// Runs migrations `from + 1 ..= to`, each in its own transaction together with the version
/// number, so a crash leaves the schema of one version or the next, never half of one.
fn run(conn: &mut Connection, from: usize, to: usize) -> rusqlite::Result<()> {
    for (index, sql) in MIGRATIONS[..to].iter().enumerate().skip(from) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The schema version this build writes.
pub const LATEST: usize = MIGRATIONS.len();

/// Creates (or brings up to date) the database at `path` with the schema of version `version`
/// only, as an older build of Tidings left it: for tests of upgrades and of crashes during them.
pub fn create_at_version(path: &std::path::Path, version: usize) -> Result<(), String> {
    let mut conn = Connection::open(path).map_err(|e| e.to_string())?;
    conn.execute_batch("PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;")
        .map_err(|e| e.to_string())?;
    let current: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| e.to_string())?;
    run(&mut conn, current as usize, version.min(LATEST)).map_err(|e| e.to_string())
}
