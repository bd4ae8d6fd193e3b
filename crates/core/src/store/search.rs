//! The search queries: matches newest first with their bm25, restricted to a scope (and, past
//! the ranked ones, to those stored before one), and feeds whose name matches.

use rusqlite::{ToSql, params_from_iter};

use super::Store;
use crate::api::{ArticleId, FeedId, FeedSummary, SearchQuery, SearchScope};
use crate::{Result, Timestamp};

/// One match before ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub id: ArticleId,
    /// SQLite's bm25: negative, lower is more relevant.
    pub bm25: f64,
    pub sort_at: Timestamp,
}

impl Store {
    /// The newest `limit` articles matching `expression` (an FTS5 query) within the query's
    /// scope and filters, stored before `before` when given. Titles weigh most, then authors,
    /// then the text.
    pub fn search_candidates(
        &self,
        expression: &str,
        query: &SearchQuery,
        before: Option<ArticleId>,
        limit: usize,
    ) -> Result<Vec<Candidate>> {
        let mut args: Vec<Box<dyn ToSql>> = vec![Box::new(expression.to_string())];
        let mut filters = filters(query, &mut args);
        if let Some(before) = before {
            args.push(Box::new(before));
            filters.push(format!("articles_fts.rowid < ?{}", args.len()));
        }
        args.push(Box::new(limit as i64));
        let sql = format!(
            "SELECT a.id, bm25(articles_fts, 10.0, 3.0, 1.0), a.sort_at
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1 {}
             ORDER BY articles_fts.rowid DESC LIMIT ?{}",
            and_each(&filters),
            args.len()
        );
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&sql)?;
        let candidates = stmt
            .query_map(params_from_iter(args.iter()), |row| {
                Ok(Candidate {
                    id: row.get(0)?,
                    bm25: row.get(1)?,
                    sort_at: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(candidates)
    }

    /// The sanitized HTML of an article, for its snippet.
    pub fn article_html(&self, id: ArticleId) -> Result<String> {
        Ok(self.reader().query_row(
            "SELECT html FROM article_bodies WHERE article_id = ?1",
            [id],
            |row| row.get(0),
        )?)
    }

    /// Subscriptions whose name contains every word of `words`, ignoring case.
    pub fn feeds_named(&self, words: &[String]) -> Result<Vec<FeedSummary>> {
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        // Names first, summaries (with their unread counts) only for the feeds that match.
        let named: Vec<(FeedId, String)> = {
            let conn = self.reader();
            let mut stmt =
                conn.prepare_cached("SELECT id, coalesce(custom_title, title) FROM feeds")?;
            stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut feeds = Vec::new();
        for (id, title) in named {
            let title = title.to_lowercase();
            if words.iter().all(|w| title.contains(w.as_str()))
                && let Some(feed) = self.feed(id)?
            {
                feeds.push(feed);
            }
        }
        feeds.sort_by(|a, b| {
            a.title
                .to_ascii_lowercase()
                .cmp(&b.title.to_ascii_lowercase())
                .then(a.id.cmp(&b.id))
        });
        Ok(feeds)
    }
}

/// The query's scope and filters as conditions on `articles` named `a`, their values pushed
/// onto `args` (numbered after those already there).
pub(super) fn filters(query: &SearchQuery, args: &mut Vec<Box<dyn ToSql>>) -> Vec<String> {
    let mut filters = Vec::new();
    match query.scope {
        SearchScope::All => {}
        SearchScope::Bookmarks => filters.push("a.is_bookmarked = 1".to_string()),
        SearchScope::Saved => filters.push("a.is_saved = 1".to_string()),
        SearchScope::Feed { feed_id } => {
            args.push(Box::new(feed_id));
            filters.push(format!("a.feed_id = ?{}", args.len()));
        }
        SearchScope::Tag { tag_id } => {
            args.push(Box::new(tag_id));
            filters.push(format!(
                "a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ?{})",
                args.len()
            ));
        }
    }
    if query.unread_only {
        filters.push("a.is_read = 0".to_string());
    }
    if let Some(since) = query.since {
        args.push(Box::new(since));
        filters.push(format!("a.sort_at >= ?{}", args.len()));
    }
    if let Some(until) = query.until {
        args.push(Box::new(until));
        filters.push(format!("a.sort_at < ?{}", args.len()));
    }
    filters
}

/// `AND c1 AND c2 …`: conditions to follow a `WHERE`.
pub(super) fn and_each(conditions: &[String]) -> String {
    conditions.iter().map(|c| format!("AND {c} ")).collect()
}
