//! Queries about articles: storing what a refresh found, listing, reading, and read/bookmark state.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoredCounts};
use crate::api::{
    Article, ArticleCursor, ArticleId, ArticlePage, ArticleSummary, ArticleView, FeedId,
};
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleQuery {
    pub view: ArticleView,
    pub after: Option<ArticleCursor>,
    pub limit: u32,
}

/// Inserts new articles and rewrites changed ones in place. Read and bookmark state are never
/// written here, so a refresh can't undo what the person did.
pub(super) fn upsert_articles(
    tx: &rusqlite::Connection,
    feed_id: FeedId,
    articles: &[NewArticle],
    now: Timestamp,
) -> rusqlite::Result<StoredCounts> {
    let mut counts = StoredCounts::default();
    let mut find = tx.prepare_cached(
        "SELECT id, content_hash FROM articles WHERE feed_id = ?1 AND identity = ?2",
    )?;
    let mut removed =
        tx.prepare_cached("SELECT 1 FROM article_tombstones WHERE feed_id = ?1 AND identity = ?2")?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO articles (feed_id, identity, guid, url, title, author, content_html,
             content_hash, published_at, updated_at, first_seen_at, sort_at, enclosures)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE articles SET guid = ?2, url = ?3, title = ?4, author = ?5, content_html = ?6,
             content_hash = ?7, published_at = ?8, updated_at = ?9, enclosures = ?10
         WHERE id = ?1",
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
                insert.execute(params![
                    feed_id,
                    article.identity,
                    article.guid,
                    article.url,
                    article.title,
                    article.author,
                    article.content_html,
                    article.content_hash,
                    article.published_at,
                    article.updated_at,
                    now,
                    date.min(now),
                    article.enclosures_json,
                ])?;
                counts.inserted += 1;
                tx.last_insert_rowid()
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
                    article.content_html,
                    article.content_hash,
                    article.published_at,
                    article.updated_at,
                    article.enclosures_json,
                ])?;
                unindex.execute([id])?;
                counts.updated += 1;
                id
            }
        };
        index.execute(params![
            id,
            article.title,
            article.author,
            article.content_text
        ])?;
    }
    Ok(counts)
}

pub(super) const SUMMARY_SELECT: &str =
    "SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title,
        a.url, a.sort_at, a.is_read, a.is_bookmarked
     FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id";

impl Store {
    /// One page of a view, newest first. Pages are keyed by the last row seen (not OFFSET), so
    /// every page costs the same however deep the list.
    pub fn list_articles(&self, query: &ArticleQuery) -> Result<ArticlePage> {
        let (filter, feed_id) = match query.view {
            ArticleView::All => ("1", None),
            ArticleView::Unread => ("a.is_read = 0", None),
            ArticleView::Bookmarks => ("a.is_bookmarked = 1", None),
            ArticleView::Folder { folder_id } => (
                "a.feed_id IN (SELECT id FROM feeds WHERE folder_id = :feed)",
                Some(folder_id),
            ),
            ArticleView::Feed { feed_id } => ("a.feed_id = :feed", Some(feed_id)),
        };
        let cursor = if query.after.is_some() {
            "AND (a.sort_at, a.id) < (:sort_at, :id)"
        } else {
            ""
        };
        let sql = format!(
            "{SUMMARY_SELECT} WHERE {filter} {cursor} ORDER BY a.sort_at DESC, a.id DESC LIMIT :limit"
        );
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&sql)?;
        let limit = query.limit.max(1);
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> = vec![(":limit", &limit)];
        if let Some(feed_id) = &feed_id {
            named.push((":feed", feed_id));
        }
        if let Some(after) = &query.after {
            named.push((":sort_at", &after.sort_at));
            named.push((":id", &after.id));
        }
        let articles: Vec<ArticleSummary> = stmt
            .query_map(named.as_slice(), |row| {
                Ok(ArticleSummary {
                    id: row.get(0)?,
                    feed_id: row.get(1)?,
                    source_title: row.get(2)?,
                    title: row.get(3)?,
                    url: row.get(4)?,
                    sort_at: row.get(5)?,
                    is_read: row.get(6)?,
                    is_bookmarked: row.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let next = (articles.len() == limit as usize)
            .then(|| articles.last())
            .flatten()
            .map(|last| ArticleCursor {
                sort_at: last.sort_at,
                id: last.id,
            });
        Ok(ArticlePage { articles, next })
    }

    pub fn article(&self, id: ArticleId) -> Result<Option<Article>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title,
                 a.url, a.author, a.content_html, a.published_at, a.sort_at, a.is_read,
                 a.is_bookmarked, a.enclosures
             FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?1",
        )?;
        let article = stmt
            .query_row([id], |row| {
                Ok(Article {
                    id: row.get(0)?,
                    feed_id: row.get(1)?,
                    source_title: row.get(2)?,
                    title: row.get(3)?,
                    url: row.get(4)?,
                    author: row.get(5)?,
                    content_html: row.get(6)?,
                    published_at: row.get(7)?,
                    sort_at: row.get(8)?,
                    is_read: row.get(9)?,
                    is_bookmarked: row.get(10)?,
                    enclosures: row
                        .get::<_, Option<String>>(11)?
                        .and_then(|json| serde_json::from_str(&json).ok())
                        .unwrap_or_default(),
                })
            })
            .optional()?;
        Ok(article)
    }

    /// Returns false when no such article exists.
    pub fn set_read(&self, id: ArticleId, read: bool, now: Timestamp) -> Result<bool> {
        let changed = self.writer().execute(
            "UPDATE articles SET is_read = ?2, read_at = CASE WHEN ?2 THEN ?3 END WHERE id = ?1",
            params![id, read, now],
        )?;
        Ok(changed == 1)
    }

    /// Returns false when no such article exists.
    pub fn set_bookmarked(&self, id: ArticleId, bookmarked: bool, now: Timestamp) -> Result<bool> {
        let changed = self.writer().execute(
            "UPDATE articles SET is_bookmarked = ?2, bookmarked_at = CASE WHEN ?2 THEN ?3 END
             WHERE id = ?1",
            params![id, bookmarked, now],
        )?;
        Ok(changed == 1)
    }
}
