//! Searches a person keeps, and the unread articles each finds.

use rusqlite::{Connection, ToSql, params, params_from_iter};

use super::Store;
use super::search::{and_each, filters};
use crate::api::{ArticleId, FeedId, KeptSearch, SavedSearchId, SearchQuery, SearchScope};
use crate::{Error, Result, Timestamp};

/// A kept search as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSearch {
    pub id: SavedSearchId,
    pub name: String,
    pub search: KeptSearch,
}

/// Unread articles a search finds, counted up to a cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnreadFound {
    pub count: u32,
    /// More than `count` are unread.
    pub capped: bool,
}

impl Store {
    /// The kept searches, by name.
    pub fn saved_searches(&self) -> Result<Vec<StoredSearch>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT id, name, search FROM saved_searches ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, SavedSearchId>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, name, search)| {
                let search = serde_json::from_str(&search).map_err(|e| {
                    Error::Invalid(format!("the kept search “{name}” cannot be read: {e}"))
                })?;
                Ok(StoredSearch { id, name, search })
            })
            .collect()
    }

    /// Keeps a search under `name`.
    pub fn add_saved_search(
        &self,
        name: &str,
        search: &KeptSearch,
        now: Timestamp,
    ) -> Result<SavedSearchId> {
        let json = serde_json::to_string(search).map_err(|e| Error::Invalid(e.to_string()))?;
        let conn = self.writer();
        conn.execute(
            "INSERT INTO saved_searches (name, search, created_at) VALUES (?1, ?2, ?3)",
            params![name, json, now],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// `false` when there is no such search.
    pub fn rename_saved_search(&self, id: SavedSearchId, name: &str) -> Result<bool> {
        let changed = self.writer().execute(
            "UPDATE saved_searches SET name = ?2 WHERE id = ?1",
            params![id, name],
        )?;
        Ok(changed > 0)
    }

    /// `false` when there is no such search.
    pub fn remove_saved_search(&self, id: SavedSearchId) -> Result<bool> {
        let changed = self
            .writer()
            .execute("DELETE FROM saved_searches WHERE id = ?1", [id])?;
        Ok(changed > 0)
    }

    /// How many unread articles match `expression` (an FTS5 query) within the query's scope and
    /// filters, counted up to `cap`.
    ///
    /// Only articles stored since the oldest unread one can count, so the index is read from
    /// there on. In one feed, the feed's unread articles are few: they are met with the index's
    /// matches, which are read without looking each up. Elsewhere, the matches are looked up
    /// newest first, where unread articles are, until `cap` of them are found.
    pub fn unread_found(
        &self,
        expression: &str,
        query: &SearchQuery,
        cap: u32,
    ) -> Result<UnreadFound> {
        let conn = self.reader();
        let found = match query.scope {
            SearchScope::Feed { feed_id } => {
                unread_in_feed(&conn, expression, query, feed_id, cap)?
            }
            _ => unread_anywhere(&conn, expression, query, cap)?,
        };
        Ok(UnreadFound {
            count: found.min(cap),
            capped: found > cap,
        })
    }
}

/// Unread matches in the query's scope, looked up from the newest match down; `cap + 1` at most.
fn unread_anywhere(
    conn: &Connection,
    expression: &str,
    query: &SearchQuery,
    cap: u32,
) -> Result<u32> {
    // The oldest unread article is the first of some feed's (or of no feed's) in
    // `articles_unread_by_feed`: one step into the index per feed.
    let Some(oldest_unread): Option<ArticleId> = conn
        .prepare_cached(
            "SELECT min(first) FROM (
                 SELECT (SELECT id FROM articles WHERE feed_id = f.id AND is_read = 0
                         ORDER BY id LIMIT 1) AS first FROM feeds f
                 UNION ALL
                 SELECT (SELECT id FROM articles WHERE feed_id IS NULL AND is_read = 0
                         ORDER BY id LIMIT 1))",
        )?
        .query_row([], |row| row.get(0))?
    else {
        return Ok(0);
    };
    let mut args: Vec<Box<dyn ToSql>> = vec![Box::new(expression.to_string())];
    let mut filters = filters(query, &mut args);
    filters.push("a.is_read = 0".to_string());
    args.push(Box::new(oldest_unread));
    filters.push(format!("articles_fts.rowid >= ?{}", args.len()));
    args.push(Box::new(i64::from(cap) + 1));
    let sql = format!(
        "SELECT count(*) FROM (
             SELECT 1 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1 {}
             ORDER BY articles_fts.rowid DESC LIMIT ?{})",
        and_each(&filters),
        args.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(stmt.query_row(params_from_iter(args.iter()), |row| row.get(0))?)
}

/// Unread matches in one feed: the feed's unread articles (within the query's dates) met with
/// the index's matches between the first and the last of them.
fn unread_in_feed(
    conn: &Connection,
    expression: &str,
    query: &SearchQuery,
    feed_id: FeedId,
    cap: u32,
) -> Result<u32> {
    let unread: Vec<ArticleId> = conn
        .prepare_cached(
            "SELECT id FROM articles
             WHERE feed_id = ?1 AND is_read = 0
               AND sort_at >= coalesce(?2, sort_at) AND sort_at < coalesce(?3, sort_at + 1)
             ORDER BY id",
        )?
        .query_map(params![feed_id, query.since, query.until], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let (Some(first), Some(last)) = (unread.first(), unread.last()) else {
        return Ok(0);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM articles_fts
         WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid",
    )?;
    let mut matches = stmt.query(params![expression, first, last])?;
    let (mut found, mut next) = (0, 0);
    while let Some(row) = matches.next()? {
        let id: ArticleId = row.get(0)?;
        next += unread[next..].partition_point(|&u| u < id);
        if unread.get(next) == Some(&id) {
            found += 1;
            if found > cap {
                break;
            }
        }
    }
    Ok(found)
}
