//! Reading articles: a view's pages, newest first, and one article in full.

use rusqlite::OptionalExtension;

use super::Store;
use crate::Result;
use crate::api::{Article, ArticleCursor, ArticleId, ArticlePage, ArticleSummary, ArticleView};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleQuery {
    pub view: ArticleView,
    pub after: Option<ArticleCursor>,
    pub limit: u32,
}

pub(super) const SUMMARY_SELECT: &str =
    "SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title,
        a.url, a.sort_at, a.is_read, a.is_bookmarked, a.is_saved
     FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id";

fn summary_from_row(row: &rusqlite::Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        feed_id: row.get(1)?,
        source_title: row.get(2)?,
        title: row.get(3)?,
        url: row.get(4)?,
        sort_at: row.get(5)?,
        is_read: row.get(6)?,
        is_bookmarked: row.get(7)?,
        is_saved: row.get(8)?,
    })
}

impl Store {
    /// One page of a view, newest first. Pages are keyed by the last row seen (not OFFSET), so
    /// every page costs the same however deep the list.
    pub fn list_articles(&self, query: &ArticleQuery) -> Result<ArticlePage> {
        let (filter, feed_id) = match query.view {
            ArticleView::All => ("1", None),
            ArticleView::Unread => ("a.is_read = 0", None),
            ArticleView::Bookmarks => ("a.is_bookmarked = 1", None),
            ArticleView::Saved => ("a.is_saved = 1", None),
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
            .query_map(named.as_slice(), summary_from_row)?
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

    pub fn article_summary(&self, id: ArticleId) -> Result<Option<ArticleSummary>> {
        let sql = format!("{SUMMARY_SELECT} WHERE a.id = ?1");
        Ok(self
            .reader()
            .query_row(&sql, [id], summary_from_row)
            .optional()?)
    }

    pub fn article(&self, id: ArticleId) -> Result<Option<Article>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, a.source_title, ''), a.title,
                 a.url, a.author, a.content_html, a.published_at, a.sort_at, a.is_read,
                 a.is_bookmarked, a.enclosures, a.is_saved, a.lead_image, a.word_count,
                 a.extract_error
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
                    is_saved: row.get(12)?,
                    lead_image: row.get(13)?,
                    reading_minutes: row
                        .get::<_, Option<i64>>(14)?
                        .map(|words| reading_minutes(words as usize)),
                    extract_error: row.get(15)?,
                })
            })
            .optional()?;
        Ok(article)
    }
}

/// Minutes to read `words` at 230 words a minute, at least one.
pub fn reading_minutes(words: usize) -> u32 {
    (words.div_ceil(230)).max(1) as u32
}
