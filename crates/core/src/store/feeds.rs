//! Queries about subscriptions: adding, listing with unread counts, refresh bookkeeping, removal.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use super::articles::{NewArticle, upsert_articles};
use crate::api::{FeedId, FeedSummary};
use crate::fetch::Validators;
use crate::{Result, Timestamp};

/// What a successful fetch changes about a feed.
#[derive(Debug, Clone)]
pub struct FeedUpdate {
    pub title: String,
    pub site_url: Option<String>,
    pub validators: Validators,
    pub articles: Vec<NewArticle>,
}

/// What a refresh needs to know about a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedToRefresh {
    pub id: FeedId,
    pub url: String,
    pub title: String,
    pub validators: Validators,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoredCounts {
    pub inserted: u64,
    pub updated: u64,
}

const SUMMARY_COLUMNS: &str = "f.id, f.url, f.title, f.site_url, f.last_success_at, f.last_error,
     (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.is_read = 0)";

fn summary_from_row(row: &rusqlite::Row) -> rusqlite::Result<FeedSummary> {
    Ok(FeedSummary {
        id: row.get(0)?,
        url: row.get(1)?,
        title: row.get(2)?,
        site_url: row.get(3)?,
        last_success_at: row.get(4)?,
        last_error: row.get(5)?,
        unread_count: row.get(6)?,
    })
}

impl Store {
    /// Subscribes to a feed whose first fetch succeeded, storing its articles in the same
    /// transaction, so a feed never exists without the articles it came with.
    pub fn insert_feed(&self, url: &str, update: &FeedUpdate, now: Timestamp) -> Result<FeedId> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO feeds (url, title, site_url, etag, last_modified, created_at, last_success_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![
                url,
                update.title,
                update.site_url,
                update.validators.etag,
                update.validators.last_modified,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        upsert_articles(&tx, id, &update.articles, now)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn feed_id_by_url(&self, url: &str) -> Result<Option<FeedId>> {
        Ok(self
            .reader()
            .query_row("SELECT id FROM feeds WHERE url = ?1", [url], |row| {
                row.get(0)
            })
            .optional()?)
    }

    pub fn feed(&self, id: FeedId) -> Result<Option<FeedSummary>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM feeds f WHERE f.id = ?1");
        Ok(self
            .reader()
            .query_row(&sql, [id], summary_from_row)
            .optional()?)
    }

    /// Every subscription with its unread count, alphabetically.
    pub fn list_feeds(&self) -> Result<Vec<FeedSummary>> {
        let sql =
            format!("SELECT {SUMMARY_COLUMNS} FROM feeds f ORDER BY f.title COLLATE NOCASE, f.id");
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&sql)?;
        let feeds = stmt
            .query_map([], summary_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(feeds)
    }

    pub fn feeds_to_refresh(&self) -> Result<Vec<FeedToRefresh>> {
        let conn = self.reader();
        let mut stmt = conn
            .prepare_cached("SELECT id, url, title, etag, last_modified FROM feeds ORDER BY id")?;
        let feeds = stmt
            .query_map([], |row| {
                Ok(FeedToRefresh {
                    id: row.get(0)?,
                    url: row.get(1)?,
                    title: row.get(2)?,
                    validators: Validators {
                        etag: row.get(3)?,
                        last_modified: row.get(4)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(feeds)
    }

    /// Stores a successful fetch: new and changed articles, the validators for the next
    /// conditional request, and a cleared error. One transaction per feed.
    pub fn apply_feed_update(
        &self,
        id: FeedId,
        update: &FeedUpdate,
        now: Timestamp,
    ) -> Result<StoredCounts> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let exists = tx.execute(
            "UPDATE feeds SET title = ?2, site_url = coalesce(?3, site_url), etag = ?4,
                 last_modified = ?5, last_success_at = ?6, last_error = NULL,
                 last_error_at = NULL, failure_count = 0
             WHERE id = ?1",
            params![
                id,
                update.title,
                update.site_url,
                update.validators.etag,
                update.validators.last_modified,
                now
            ],
        )?;
        // The feed may have been removed while its fetch was in flight; then there is nothing to do.
        let counts = if exists == 1 {
            upsert_articles(&tx, id, &update.articles, now)?
        } else {
            StoredCounts::default()
        };
        tx.commit()?;
        Ok(counts)
    }

    /// Records why a refresh failed. Stored articles are untouched.
    pub fn record_feed_error(&self, id: FeedId, reason: &str, now: Timestamp) -> Result<()> {
        self.writer().execute(
            "UPDATE feeds SET last_error = ?2, last_error_at = ?3, failure_count = failure_count + 1
             WHERE id = ?1",
            params![id, reason, now],
        )?;
        Ok(())
    }

    /// Unsubscribes. Bookmarked articles are kept (with the feed's title); the rest go.
    pub fn remove_feed(&self, id: FeedId) -> Result<()> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        keep_bookmarks_of_removed_feed(&tx, id)?;
        tx.execute(
            "DELETE FROM articles_fts WHERE rowid IN
                 (SELECT id FROM articles WHERE feed_id = ?1 AND is_bookmarked = 0)",
            [id],
        )?;
        tx.execute(
            "DELETE FROM articles WHERE feed_id = ?1 AND is_bookmarked = 0",
            [id],
        )?;
        tx.execute("DELETE FROM feeds WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }
}

fn keep_bookmarks_of_removed_feed(tx: &Transaction, id: FeedId) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE articles SET source_title = (SELECT title FROM feeds WHERE id = ?1)
         WHERE feed_id = ?1 AND is_bookmarked = 1",
        [id],
    )
}
