//! Pages saved to read later: stored like articles, but belonging to no feed.

use rusqlite::{OptionalExtension, params};

use super::{Store, WorkKind};
use crate::api::ArticleId;
use crate::{Result, Timestamp};

/// A saved page, as reader mode read it (or as a bare link when the page held no article).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPage {
    pub url: String,
    pub title: String,
    pub author: Option<String>,
    /// Already sanitized; empty for a bare link.
    pub content_html: String,
    pub content_text: String,
    pub published_at: Option<Timestamp>,
    pub site_name: String,
    pub lead_image: Option<String>,
    pub word_count: Option<usize>,
    /// Why the page could not be read as an article, when it couldn't.
    pub extract_error: Option<String>,
}

fn identity(url: &str) -> String {
    format!("u:{url}")
}

impl Store {
    /// The saved page with this address, if it was saved before.
    pub fn saved_by_url(&self, url: &str) -> Result<Option<ArticleId>> {
        Ok(self
            .reader()
            .query_row(
                "SELECT id FROM articles
                 WHERE identity = ?1 AND feed_id IS NULL AND substr(identity, 1, 2) = 'u:'",
                [identity(url)],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Stores a saved page, searchable like any article. It shows first in Saved. `then`: work
    /// asked for in the same transaction (see [`super::pending`]).
    pub fn insert_saved(
        &self,
        page: &SavedPage,
        now: Timestamp,
        then: Option<WorkKind>,
    ) -> Result<ArticleId> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO articles (feed_id, identity, url, title, author, content_hash,
                 source_title, published_at, first_seen_at, sort_at, is_saved, saved_at,
                 lead_image, word_count, extract_error)
             VALUES (NULL, ?1, ?2, ?3, ?4, x'', ?5, ?6, ?7, ?7, 1, ?7, ?8, ?9, ?10)",
            params![
                identity(&page.url),
                page.url,
                page.title,
                page.author,
                page.site_name,
                page.published_at,
                now,
                page.lead_image,
                page.word_count.map(|w| w as i64),
                page.extract_error,
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO article_bodies (article_id, html) VALUES (?1, ?2)",
            params![id, page.content_html],
        )?;
        tx.execute(
            "INSERT INTO articles_fts (rowid, title, author, content) VALUES (?1, ?2, ?3, ?4)",
            params![id, page.title, page.author, page.content_text],
        )?;
        if let Some(work) = then {
            super::pending::ask(&tx, id, work, now)?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// Replaces what a saved page holds with `page` as read now (a page first kept as a link),
    /// its address and place in Saved unchanged. `then`: work asked for in the same transaction.
    pub fn fill_saved(
        &self,
        id: ArticleId,
        page: &SavedPage,
        then: Option<WorkKind>,
    ) -> Result<()> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE articles SET title = ?2, author = ?3, source_title = ?4, published_at = ?5,
                 lead_image = ?6, word_count = ?7, extract_error = ?8
             WHERE id = ?1",
            params![
                id,
                page.title,
                page.author,
                page.site_name,
                page.published_at,
                page.lead_image,
                page.word_count.map(|w| w as i64),
                page.extract_error,
            ],
        )?;
        tx.execute(
            "INSERT INTO article_bodies (article_id, html) VALUES (?1, ?2)
             ON CONFLICT (article_id) DO UPDATE SET html = excluded.html",
            params![id, page.content_html],
        )?;
        tx.execute("DELETE FROM articles_fts WHERE rowid = ?1", [id])?;
        tx.execute(
            "INSERT INTO articles_fts (rowid, title, author, content) VALUES (?1, ?2, ?3, ?4)",
            params![id, page.title, page.author, page.content_text],
        )?;
        if let Some(work) = then {
            super::pending::ask(&tx, id, work, crate::now())?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Marks any article saved (to read later) or not. Returns false when there is no such
    /// article. `then`: work asked for in the same transaction.
    pub fn set_saved(
        &self,
        id: ArticleId,
        saved: bool,
        now: Timestamp,
        then: Option<WorkKind>,
    ) -> Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let changed = tx.execute(
            "UPDATE articles SET is_saved = ?2,
                 saved_at = CASE WHEN ?2 THEN coalesce(saved_at, ?3) END
             WHERE id = ?1",
            params![id, saved, now],
        )?;
        if changed == 1
            && let Some(work) = then
        {
            super::pending::ask(&tx, id, work, now)?;
        }
        tx.commit()?;
        Ok(changed == 1)
    }
}
