//! Reading articles: a view's pages, newest first, and one article in full.

use rusqlite::{OptionalExtension, params_from_iter};

use super::Store;
use super::views::{start_of_today, view_filter};
use crate::Result;
use crate::api::{
    Article, ArticleCursor, ArticleId, ArticlePage, ArticleSummary, ArticleView, ListOptions,
    PendingWork, ViewCounts,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleQuery {
    pub view: ArticleView,
    pub after: Option<ArticleCursor>,
    pub limit: u32,
    pub options: ListOptions,
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
    /// One page of a view, newest first (or oldest first). Pages are keyed by the last row seen
    /// (not OFFSET), so every page costs the same however deep the list.
    pub fn list_articles(&self, query: &ArticleQuery) -> Result<ArticlePage> {
        self.list_articles_skipping(query, 0)
    }

    /// [`Store::list_articles`] from the `skip`th article on: where a person jumps to, far from
    /// any cursor (dragging the scroll bar up a long view).
    pub fn list_articles_skipping(&self, query: &ArticleQuery, skip: u32) -> Result<ArticlePage> {
        let view = view_filter(query.view, start_of_today(), 1);
        let mut args = view.args;
        let mut conditions = vec![view.sql];
        if query.options.unread_only {
            conditions.push("a.is_read = 0".to_string());
        }
        let (order, compare) = if query.options.oldest_first {
            ("ASC", ">")
        } else {
            ("DESC", "<")
        };
        if let Some(after) = &query.after {
            args.push(Box::new(after.sort_at));
            args.push(Box::new(after.id));
            conditions.push(format!(
                "(a.sort_at, a.id) {compare} (?{}, ?{})",
                args.len() - 1,
                args.len()
            ));
        }
        let limit = query.limit.max(1);
        args.push(Box::new(limit));
        args.push(Box::new(skip));
        let sql = format!(
            "{SUMMARY_SELECT} WHERE {} ORDER BY a.sort_at {order}, a.id {order} LIMIT ?{} OFFSET ?{}",
            conditions.join(" AND "),
            args.len() - 1,
            args.len()
        );
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&sql)?;
        let articles: Vec<ArticleSummary> = stmt
            .query_map(params_from_iter(args.iter()), summary_from_row)?
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

    /// Unread, today's unread, bookmarked and saved articles, for the smart views.
    pub fn view_counts(&self) -> Result<ViewCounts> {
        Ok(self.reader().query_row(
            "SELECT
                 (SELECT coalesce(sum(unread_count), 0) FROM feeds)
                     + (SELECT count(*) FROM articles WHERE is_read = 0 AND feed_id IS NULL),
                 (SELECT count(*) FROM articles WHERE is_read = 0 AND sort_at >= ?1),
                 (SELECT count(*) FROM articles WHERE is_bookmarked = 1),
                 (SELECT count(*) FROM articles WHERE is_saved = 1),
                 (SELECT count(*) FROM highlights)",
            [start_of_today()],
            |row| {
                Ok(ViewCounts {
                    unread: row.get(0)?,
                    today_unread: row.get(1)?,
                    bookmarks: row.get(2)?,
                    saved: row.get(3)?,
                    highlights: row.get(4)?,
                })
            },
        )?)
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
                 a.url, a.author, coalesce(b.html, ''), a.published_at, a.sort_at, a.is_read,
                 a.is_bookmarked, a.enclosures, a.is_saved, a.lead_image, a.word_count,
                 a.extract_error,
                 (SELECT w.last_error IS NOT NULL FROM pending_work w
                  WHERE w.article_id = a.id AND w.kind = 'keep_images'),
                 (SELECT w.last_error IS NOT NULL FROM pending_work w
                  WHERE w.article_id = a.id AND w.kind = 'read_page'),
                 f.language
             FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
                 LEFT JOIN article_bodies b ON b.article_id = a.id
             WHERE a.id = ?1",
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
                    pictures_pending: pending_work(row.get(16)?),
                    page_pending: pending_work(row.get(17)?),
                    tags: Vec::new(),
                    also_in: Vec::new(),
                    language: row.get(18)?,
                })
            })
            .optional()?;
        drop(stmt);
        let Some(mut article) = article else {
            return Ok(None);
        };
        article.tags = super::tags::names_of(&conn, id)?;
        article.also_in = super::stories::other_copies(&conn, id)?;
        Ok(Some(article))
    }
}

/// Where pending work stands from whether an attempt at it failed (`None`: none is pending).
fn pending_work(tried: Option<bool>) -> Option<PendingWork> {
    tried.map(|tried| {
        if tried {
            PendingWork::WaitingForNetwork
        } else {
            PendingWork::Working
        }
    })
}

/// Minutes to read `words` at 230 words a minute, at least one.
pub fn reading_minutes(words: usize) -> u32 {
    (words.div_ceil(230)).max(1) as u32
}
