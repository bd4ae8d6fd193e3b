//! The migrations themselves, oldest first. Never edit a released one: add the next.

/// Each migration's SQL, in order: the schema a database of version N has is the first N run.
pub(super) const MIGRATIONS: &[&str] = &[
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
    // 7: accounts (issue 16). The library so far becomes the local account (id 1); any number of
    //    accounts on a feed service sit beside it, each with its own feeds and folders. Feeds
    //    and folders are rebuilt because their addresses and names are unique per account now
    //    (the same feed can be followed locally and on a server). A synced feed has status
    //    'synced': its server polls it, Tidings never does, so every polling query
    //    (status = 'active') leaves it alone. Its articles' identity is 'r:' and the server's
    //    id. Changes to their read and starred state wait in the outbox until the server has
    //    them.
    r#"
    CREATE TABLE accounts (
        id             INTEGER PRIMARY KEY,
        -- 'local', 'greader', 'fever' or 'ttrss'.
        kind           TEXT NOT NULL,
        name           TEXT NOT NULL,
        url            TEXT,
        user_name      TEXT,
        created_at     INTEGER NOT NULL,
        -- Where fetching new articles goes on from: the protocol's own cursor, stored with the
        -- articles it brought.
        cursor         TEXT,
        last_sync_at   INTEGER,
        last_error     TEXT,
        last_error_at  INTEGER
    ) STRICT;
    INSERT INTO accounts (id, kind, name, created_at) VALUES (1, 'local', 'On this computer', unixepoch());

    CREATE TABLE folders_new (
        id          INTEGER PRIMARY KEY,
        account_id  INTEGER NOT NULL DEFAULT 1 REFERENCES accounts(id) ON DELETE CASCADE,
        name        TEXT NOT NULL COLLATE NOCASE,
        UNIQUE (account_id, name)
    ) STRICT;
    INSERT INTO folders_new (id, name) SELECT id, name FROM folders;
    DROP TABLE folders;
    ALTER TABLE folders_new RENAME TO folders;

    CREATE TABLE feeds_new (
        id              INTEGER PRIMARY KEY,
        account_id      INTEGER NOT NULL DEFAULT 1 REFERENCES accounts(id) ON DELETE CASCADE,
        -- The server's id for a synced feed.
        remote_id       TEXT,
        url             TEXT NOT NULL,
        title           TEXT NOT NULL,
        site_url        TEXT,
        etag            TEXT,
        last_modified   TEXT,
        created_at      INTEGER NOT NULL,
        last_success_at INTEGER,
        last_error      TEXT,
        last_error_at   INTEGER,
        failure_count   INTEGER NOT NULL DEFAULT 0,
        folder_id       INTEGER REFERENCES folders(id) ON DELETE SET NULL,
        custom_title    TEXT,
        status          TEXT NOT NULL DEFAULT 'active',
        last_checked_at INTEGER,
        next_poll_at    INTEGER NOT NULL DEFAULT 0,
        min_interval    INTEGER,
        skip_hours      TEXT,
        full_text       INTEGER NOT NULL DEFAULT 0,
        unread_count    INTEGER NOT NULL DEFAULT 0,
        UNIQUE (account_id, url)
    ) STRICT;
    INSERT INTO feeds_new (id, url, title, site_url, etag, last_modified, created_at,
            last_success_at, last_error, last_error_at, failure_count, folder_id, custom_title,
            status, last_checked_at, next_poll_at, min_interval, skip_hours, full_text,
            unread_count)
        SELECT id, url, title, site_url, etag, last_modified, created_at, last_success_at,
            last_error, last_error_at, failure_count, folder_id, custom_title, status,
            last_checked_at, next_poll_at, min_interval, skip_hours, full_text, unread_count
        FROM feeds;
    DROP TABLE feeds;
    ALTER TABLE feeds_new RENAME TO feeds;
    CREATE INDEX feeds_due ON feeds(next_poll_at) WHERE status = 'active';
    CREATE UNIQUE INDEX feeds_remote ON feeds(account_id, remote_id) WHERE remote_id IS NOT NULL;

    -- A change to a synced article that its server does not have yet. One row per article and
    -- field, holding the value wanted and the value the server had: a change and its opposite
    -- before a sync leave nothing to send.
    CREATE TABLE sync_outbox (
        account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        remote_id   TEXT NOT NULL,
        -- 'read' or 'starred'.
        field       TEXT NOT NULL,
        value       INTEGER NOT NULL,
        from_value  INTEGER NOT NULL,
        created_at  INTEGER NOT NULL,
        PRIMARY KEY (account_id, remote_id, field)
    ) STRICT, WITHOUT ROWID;
    "#,
    // 8: when a sync last asked the server which articles it still keeps (its retention is
    //    the account's).
    r#"
    ALTER TABLE accounts ADD COLUMN kept_checked_at INTEGER;
    "#,
    // 9: the search index gathers 8 MB of words in memory before writing them out (FTS5's
    //    default is 1 MB): a big sync or import writes fewer, larger pieces and merges less.
    r#"
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 8388608);
    "#,
    // 10: whether an account's last error asks for the password again, kept when the error is,
    //     so that the sidebar need not read it out of the message's words. Errors kept before
    //     are read once, here, by the words they began with then.
    r#"
    ALTER TABLE accounts ADD COLUMN login_failed INTEGER NOT NULL DEFAULT 0
        CHECK (login_failed IN (0, 1));
    UPDATE accounts SET login_failed = 1
     WHERE instr(last_error, 'the server refused the user name or password') > 0
        OR instr(last_error, 'there is no password to log in with') > 0;
    "#,
    // 11: tags a person puts on articles. `key` is the name in lower case (Rust's, for every
    //     script, not SQLite's ASCII NOCASE): "Rust" and "rust" are one tag.
    r#"
    CREATE TABLE tags (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL,
        key   TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE TABLE article_tags (
        tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (tag_id, article_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX article_tags_by_article ON article_tags(article_id);
    "#,
    // 12: rules ("when an article … then …"), each a JSON `api::Rule`, acting in `position`
    //     order; and muted articles (a rule's doing), hidden from every list but search's.
    r#"
    CREATE TABLE rules (
        id          INTEGER PRIMARY KEY,
        position    INTEGER NOT NULL,
        definition  TEXT NOT NULL,
        created_at  INTEGER NOT NULL
    ) STRICT;
    ALTER TABLE articles ADD COLUMN is_muted INTEGER NOT NULL DEFAULT 0 CHECK (is_muted IN (0, 1));
    "#,
    // 13: searches a person keeps, each a JSON `api::KeptSearch`.
    r#"
    CREATE TABLE saved_searches (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        search      TEXT NOT NULL,
        created_at  INTEGER NOT NULL
    ) STRICT;
    "#,
    // 14: one story, many feeds. A later copy of a story points at its first article
    //     (`story_id`); recent arrivals' prints (`stories::StoryPrint`: the opening's MinHash
    //     and the keys, 64-bit little-endian) are kept to find copies by.
    r#"
    ALTER TABLE articles ADD COLUMN story_id INTEGER;
    CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
    CREATE TABLE story_prints (
        article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        feed_id     INTEGER NOT NULL,
        story_id    INTEGER NOT NULL,
        opening     BLOB,
        keys        BLOB NOT NULL,
        seen_at     INTEGER NOT NULL
    ) STRICT;
    "#,
    // 15: what a person sets for one feed: its own interval (minutes; NULL: the global one),
    //     a notification when it brings new articles, its new articles' pictures kept.
    r#"
    ALTER TABLE feeds ADD COLUMN refresh_minutes INTEGER CHECK (refresh_minutes > 0);
    ALTER TABLE feeds ADD COLUMN notify INTEGER NOT NULL DEFAULT 0 CHECK (notify IN (0, 1));
    ALTER TABLE feeds ADD COLUMN keep_images INTEGER NOT NULL DEFAULT 0
        CHECK (keep_images IN (0, 1));
    "#,
    // 16: highlights and notes. A highlight keeps its words (`quote`), a few characters on
    //     either side (`prefix`, `suffix`) and where it began (`start`, in UTF-16 units), so that
    //     it is found again in an edited text; `note` is plain text, '' for none. An article's own
    //     note is in `article_notes`. `highlights_fts` indexes highlighted words and notes: a
    //     highlight under its id, an article's note under minus the article's id.
    r#"
    CREATE TABLE highlights (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        quote       TEXT NOT NULL,
        prefix      TEXT NOT NULL,
        suffix      TEXT NOT NULL,
        start       INTEGER NOT NULL CHECK (start >= 0),
        color       TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
        note        TEXT NOT NULL DEFAULT '',
        created_at  INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX highlights_of_article ON highlights(article_id);
    CREATE TABLE article_notes (
        article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        note        TEXT NOT NULL,
        updated_at  INTEGER NOT NULL
    ) STRICT;
    CREATE VIRTUAL TABLE highlights_fts USING fts5(
        quote, note,
        content = '',
        contentless_delete = 1,
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    "#,
    // 17: feed icons. `feeds.icon_url` is the picture a feed names for itself; `feed_icons`
    //     holds the icon found (the feed's, the site's `<link rel="icon">`, its /favicon.ico) or,
    //     with no bytes, that none was; `fetched_at` says when to look again.
    r#"
    ALTER TABLE feeds ADD COLUMN icon_url TEXT;
    CREATE TABLE feed_icons (
        feed_id     INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
        mime_type   TEXT,
        bytes       BLOB,
        source      TEXT,
        fetched_at  INTEGER NOT NULL,
        CHECK ((mime_type IS NULL) = (bytes IS NULL))
    ) STRICT;
    "#,
    // 18: the language a feed says it is in (a BCP 47 tag), which sets its articles' direction.
    r#"
    ALTER TABLE feeds ADD COLUMN language TEXT;
    "#,
];
