//! Writing articles: storing what a refresh found, and read, bookmark and saved state.

use rusqlite::{OptionalExtension, ToSql, params};

use super::outbox::{self, SyncedField};
use super::views::{start_of_today, view_filter};
use super::{Store, StoredCounts, WorkKind};
use crate::api::{ArticleCursor, ArticleId, ArticleView, FeedId, ListOptions, Side};
use crate::{Result, Timestamp};

/// An article ready to store: HTML already sanitized, identity and hash computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArticle {
    pub identity: String,
    pub guid: Option<String>,
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub content_html: String,
    /// What the search index holds for the body.
    pub content_text: String,
    pub content_hash: Vec<u8>,
    pub published_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    /// Podcast episodes and other attachments, as JSON (see `Enclosure`).
    pub enclosures_json: Option<String>,
    /// From the article's own page, for feeds read in full (see `full_text`).
    pub lead_image: Option<String>,
    pub word_count: Option<i64>,
    /// Why the article's page could not be read; the feed's own content is kept then.
    pub extract_error: Option<String>,
}

/// Inserts new articles, as `rules` say (read, muted, bookmarked, tagged) — a copy of a story
/// here already read (`stories.rs`) —, and rewrites changed ones in place. The state of an article already stored is never written here, so a refresh
/// can't undo what the person did.
pub(super) fn upsert_articles(
    tx: &rusqlite::Connection,
    feed_id: FeedId,
    articles: &[NewArticle],
    rules: &crate::rules::RuleSet,
    stories: &super::stories::StoryIndex,
    now: Timestamp,
) -> rusqlite::Result<StoredCounts> {
    let mut counts = StoredCounts::default();
    let mut unread = 0;
    let arrival = super::rules::Arrival::new(tx, rules, feed_id)?;
    let mut stories = super::stories::Stories::new(tx, feed_id, stories)?;
    let mut find = tx.prepare_cached(
        "SELECT id, content_hash FROM articles WHERE feed_id = ?1 AND identity = ?2",
    )?;
    let mut removed =
        tx.prepare_cached("SELECT 1 FROM article_tombstones WHERE feed_id = ?1 AND identity = ?2")?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO articles (feed_id, identity, guid, url, title, author, content_hash,
             published_at, updated_at, first_seen_at, sort_at, enclosures, lead_image,
             word_count, extract_error, is_read, is_muted, is_bookmarked, bookmarked_at,
             story_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, CASE WHEN ?18 THEN ?10 END, ?19)",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE articles SET guid = ?2, url = ?3, title = ?4, author = ?5, content_hash = ?6,
             published_at = ?7, updated_at = ?8, enclosures = ?9, lead_image = ?10,
             word_count = ?11, extract_error = ?12
         WHERE id = ?1",
    )?;
    let mut body = tx.prepare_cached(
        "INSERT INTO article_bodies (article_id, html) VALUES (?1, ?2)
         ON CONFLICT (article_id) DO UPDATE SET html = excluded.html",
    )?;
    let mut unindex = tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?;
    let mut index = tx.prepare_cached(
        "INSERT INTO articles_fts (rowid, title, author, content) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for article in articles {
        let existing: Option<(ArticleId, Vec<u8>)> = find
            .query_row(params![feed_id, article.identity], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        let id = match existing {
            // Retention removed it; the feed still lists it. It must not come back as new.
            None if removed.exists(params![feed_id, article.identity])? => continue,
            None => {
                let date = article.published_at.or(article.updated_at).unwrap_or(now);
                // What the rules say is decided before the row is written: an update after
                // would make the search index write out what it holds (see rules.rs).
                let decided = arrival.decide(article, date.min(now), now);
                // A copy of a story here already arrives read: the story is read (or to be
                // read) where it first came.
                let joined = match &stories {
                    Some(stories) => Some(stories.find(tx, article)?),
                    None => None,
                };
                let copy_of = joined.as_ref().and_then(|joined| joined.lead);
                let read = decided.read || copy_of.is_some();
                insert.execute(params![
                    feed_id,
                    article.identity,
                    article.guid,
                    article.url,
                    article.title,
                    article.author,
                    article.content_hash,
                    article.published_at,
                    article.updated_at,
                    now,
                    date.min(now),
                    article.enclosures_json,
                    article.lead_image,
                    article.word_count,
                    article.extract_error,
                    read,
                    decided.muted,
                    decided.bookmarked,
                    copy_of,
                ])?;
                counts.inserted += 1;
                unread += i64::from(!read);
                let id = tx.last_insert_rowid();
                arrival.stored(tx, id, &decided, now)?;
                if decided.notify {
                    counts.alerts.push(article.title.clone());
                }
                if let (Some(stories), Some(joined)) = (&mut stories, &joined) {
                    stories.stored(tx, id, joined, now)?;
                }
                id
            }
            Some((_, hash)) if hash == article.content_hash => continue,
            Some((id, _)) => {
                // sort_at stays as first stored, so an edited article doesn't jump in the list.
                update.execute(params![
                    id,
                    article.guid,
                    article.url,
                    article.title,
                    article.author,
                    article.content_hash,
                    article.published_at,
                    article.updated_at,
                    article.enclosures_json,
                    article.lead_image,
                    article.word_count,
                    article.extract_error,
                ])?;
                unindex.execute([id])?;
                counts.updated += 1;
                id
            }
        };
        body.execute(params![id, article.content_html])?;
        index.execute(params![
            id,
            article.title,
            article.author,
            article.content_text
        ])?;
    }
    add_unread(tx, &[(feed_id, unread)])?;
    Ok(counts)
}

/// Keeps `feeds.unread_count` right: every write that makes articles read or unread passes the
/// change per feed through here, in the same transaction.
pub(super) fn add_unread(
    tx: &rusqlite::Connection,
    changes: &[(FeedId, i64)],
) -> rusqlite::Result<()> {
    let mut update =
        tx.prepare_cached("UPDATE feeds SET unread_count = unread_count + ?2 WHERE id = ?1")?;
    for (feed_id, change) in changes {
        if *change != 0 {
            update.execute(params![feed_id, change])?;
        }
    }
    Ok(())
}

/// Articles per feed among `feed_ids` (one per article; `None` for saved pages), as changes of
/// `sign`.
pub(super) fn per_feed(
    feed_ids: impl IntoIterator<Item = Option<FeedId>>,
    sign: i64,
) -> Vec<(FeedId, i64)> {
    let mut counts = std::collections::HashMap::new();
    for feed_id in feed_ids.into_iter().flatten() {
        *counts.entry(feed_id).or_insert(0) += sign;
    }
    counts.into_iter().collect()
}

impl Store {
    /// The identity and content hash of every article of a feed, to tell which items a refresh
    /// brings that are new or changed.
    pub fn article_hashes(
        &self,
        feed_id: FeedId,
    ) -> Result<std::collections::HashMap<String, Vec<u8>>> {
        let conn = self.reader();
        let mut stmt =
            conn.prepare_cached("SELECT identity, content_hash FROM articles WHERE feed_id = ?1")?;
        let hashes = stmt
            .query_map([feed_id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hashes)
    }

    /// Returns false when no such article exists.
    pub fn set_read(&self, id: ArticleId, read: bool) -> Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let before: Option<(Option<FeedId>, bool)> = tx
            .query_row(
                "SELECT feed_id, is_read FROM articles WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((feed_id, was_read)) = before else {
            return Ok(false);
        };
        // Marked unread by hand, a muted article is back in its lists.
        tx.execute(
            "UPDATE articles SET is_read = ?2, is_muted = is_muted AND ?2 WHERE id = ?1",
            params![id, read],
        )?;
        if was_read != read {
            add_unread(&tx, &per_feed([feed_id], if read { -1 } else { 1 }))?;
            outbox::record(&tx, &[id], &SyncedField::Read, read, crate::now())?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Returns false when no such article exists. `then`: work asked for in the same
    /// transaction (see [`super::pending`]).
    pub fn set_bookmarked(
        &self,
        id: ArticleId,
        bookmarked: bool,
        now: Timestamp,
        then: Option<WorkKind>,
    ) -> Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let was: Option<bool> = tx
            .query_row(
                "SELECT is_bookmarked FROM articles WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        let changed = tx.execute(
            "UPDATE articles SET is_bookmarked = ?2, bookmarked_at = CASE WHEN ?2 THEN ?3 END
             WHERE id = ?1",
            params![id, bookmarked, now],
        )?;
        if was.is_some_and(|was| was != bookmarked) {
            outbox::record(&tx, &[id], &SyncedField::Starred, bookmarked, now)?;
        }
        if changed == 1
            && let Some(work) = then
        {
            super::pending::ask(&tx, id, work, now)?;
        }
        tx.commit()?;
        Ok(changed == 1)
    }
}

impl Store {
    /// Marks every unread article of a view read (only those older than `older_than`, when
    /// given) in one transaction. Returns their ids, to undo with [`Store::mark_unread`].
    pub fn mark_view_read(
        &self,
        view: ArticleView,
        older_than: Option<Timestamp>,
    ) -> Result<Vec<ArticleId>> {
        let filter = view_filter(view, start_of_today(), 1);
        let mut args = filter.args;
        let mut conditions = vec![filter.sql];
        if let Some(older_than) = older_than {
            args.push(Box::new(older_than));
            conditions.push(format!("a.sort_at < ?{}", args.len()));
        }
        self.mark_read_where(&conditions.join(" AND "), &args)
    }

    /// Marks read the unread articles of a view that its list, in the order `options` gives it,
    /// shows on one `side` of the row at `at` (that row itself is left as it is). Returns their
    /// ids, to undo with [`Store::mark_unread`].
    pub fn mark_read_beside(
        &self,
        view: ArticleView,
        options: ListOptions,
        at: ArticleCursor,
        side: Side,
    ) -> Result<Vec<ArticleId>> {
        let filter = view_filter(view, start_of_today(), 1);
        let mut args = filter.args;
        // Lists run by (sort_at, id), newest first unless the person chose oldest first
        // (`Store::list_articles`): above a row are the newer ones, or the older ones.
        let newer = (side == Side::Above) != options.oldest_first;
        args.push(Box::new(at.sort_at));
        args.push(Box::new(at.id));
        let beside = format!(
            "(a.sort_at, a.id) {} (?{}, ?{})",
            if newer { ">" } else { "<" },
            args.len() - 1,
            args.len()
        );
        self.mark_read_where(&format!("{} AND {beside}", filter.sql), &args)
    }

    /// Marks the unread articles `which` (a condition on `articles a`) selects read, in one
    /// transaction, and returns their ids.
    fn mark_read_where(&self, which: &str, args: &[Box<dyn ToSql>]) -> Result<Vec<ArticleId>> {
        let which = format!("{which} AND a.is_read = 0");
        let mut conn = self.writer();
        // A big change: its checkpoint runs beside the click, not in it (store/checkpoint.rs).
        self.checkpointer.aside(&mut conn, |conn| {
            // Immediate, so that the articles read first are exactly those the update changes.
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // Read first and update without RETURNING: RETURNING gathers every changed row in a
            // temporary table first (measured, 100k articles: 201 -> 166 ms).
            let marked: Vec<(ArticleId, Option<FeedId>)> = tx
                .prepare(&format!(
                    "SELECT a.id, a.feed_id FROM articles AS a WHERE {which}"
                ))?
                .query_map(rusqlite::params_from_iter(args), |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            tx.execute(
                &format!("UPDATE articles AS a SET is_read = 1 WHERE {which}"),
                rusqlite::params_from_iter(args),
            )?;
            add_unread(&tx, &per_feed(marked.iter().map(|m| m.1), -1))?;
            let marked: Vec<ArticleId> = marked.into_iter().map(|m| m.0).collect();
            outbox::record(&tx, &marked, &SyncedField::Read, true, crate::now())?;
            tx.commit()?;
            Ok(marked)
        })
    }

    /// Marks these articles unread again (undoing a "mark all read").
    pub fn mark_unread(&self, ids: &[ArticleId]) -> Result<()> {
        // One statement for all of them (ids as a JSON array): a statement per id took ~15 µs
        // each, seconds for a big "mark all read". RETURNING, unlike in `mark_view_read`, is
        // the cheaper way here: reading first would look every id up twice (measured: 184 vs
        // 201 ms for 100k).
        let article_ids = ids;
        let ids = serde_json::to_string(ids).map_err(|e| crate::Error::Invalid(e.to_string()))?;
        let mut conn = self.writer();
        self.checkpointer.aside(&mut conn, |conn| {
            let tx = conn.transaction()?;
            let unmarked: Vec<Option<FeedId>> = tx
                .prepare_cached(
                    "UPDATE articles SET is_read = 0
                     WHERE id IN (SELECT value FROM json_each(?1)) AND is_read = 1
                     RETURNING feed_id",
                )?
                .query_map([ids], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            add_unread(&tx, &per_feed(unmarked, 1))?;
            // Those that were read: the outbox keeps only articles whose state changes.
            outbox::record(&tx, article_ids, &SyncedField::Read, false, crate::now())?;
            tx.commit()?;
            Ok(())
        })
    }
}
