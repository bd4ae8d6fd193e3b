//! Highlights and notes in the database. Each highlight's words and note, and each article's
//! note, are in `highlights_fts` (a highlight by its id, an article's note by minus the
//! article's id), written in the same transaction as the change.

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use crate::api::{ArticleId, HighlightColor, HighlightEntry, HighlightFilter, HighlightId, TagId};
use crate::highlights::Selector;
use crate::{Result, Timestamp};

/// A highlight as kept: where it was, not yet where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredHighlight {
    pub id: HighlightId,
    pub article_id: ArticleId,
    pub selector: Selector,
    pub color: HighlightColor,
    pub note: String,
    pub created_at: Timestamp,
}

const SELECT: &str = "SELECT id, article_id, quote, prefix, suffix, start, color, note, created_at
     FROM highlights";

fn from_row(row: &rusqlite::Row) -> rusqlite::Result<StoredHighlight> {
    let color: String = row.get(6)?;
    Ok(StoredHighlight {
        id: row.get(0)?,
        article_id: row.get(1)?,
        selector: Selector {
            quote: row.get(2)?,
            prefix: row.get(3)?,
            suffix: row.get(4)?,
            start: row.get::<_, i64>(5)?.max(0) as usize,
        },
        color: HighlightColor::from_code(&color).unwrap_or_default(),
        note: row.get(7)?,
        created_at: row.get(8)?,
    })
}

impl Store {
    /// Keeps a highlight on article `article`; `None` when there is no such article.
    pub fn add_highlight(
        &self,
        article: ArticleId,
        selector: &Selector,
        color: HighlightColor,
        now: Timestamp,
    ) -> Result<Option<HighlightId>> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        if !article_exists(&tx, article)? {
            return Ok(None);
        }
        tx.execute(
            "INSERT INTO highlights (article_id, quote, prefix, suffix, start, color, note,
                 created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7)",
            params![
                article,
                selector.quote,
                selector.prefix,
                selector.suffix,
                selector.start as i64,
                color.code(),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        index(&tx, id, &selector.quote, "")?;
        tx.commit()?;
        Ok(Some(id))
    }

    pub fn highlight(&self, id: HighlightId) -> Result<Option<StoredHighlight>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?;
        Ok(stmt.query_row([id], from_row).optional()?)
    }

    /// An article's highlights, oldest first.
    pub fn article_highlights(&self, article: ArticleId) -> Result<Vec<StoredHighlight>> {
        let conn = self.reader();
        let mut stmt =
            conn.prepare_cached(&format!("{SELECT} WHERE article_id = ?1 ORDER BY id"))?;
        let highlights = stmt
            .query_map([article], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(highlights)
    }

    /// Changes a highlight's colour and/or note; `false` when there is no such highlight.
    pub fn change_highlight(
        &self,
        id: HighlightId,
        color: Option<HighlightColor>,
        note: Option<&str>,
    ) -> Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let Some((quote, old_note)): Option<(String, String)> = tx
            .query_row(
                "SELECT quote, note FROM highlights WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
        else {
            return Ok(false);
        };
        if let Some(color) = color {
            tx.execute(
                "UPDATE highlights SET color = ?2 WHERE id = ?1",
                params![id, color.code()],
            )?;
        }
        if let Some(note) = note.filter(|note| *note != old_note) {
            tx.execute(
                "UPDATE highlights SET note = ?2 WHERE id = ?1",
                params![id, note],
            )?;
            unindex(&tx, id)?;
            index(&tx, id, &quote, note)?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// `false` when there is no such highlight.
    pub fn remove_highlight(&self, id: HighlightId) -> Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let removed = tx.execute("DELETE FROM highlights WHERE id = ?1", [id])?;
        if removed == 1 {
            unindex(&tx, id)?;
        }
        tx.commit()?;
        Ok(removed == 1)
    }

    /// The note on a whole article; empty when there is none.
    pub fn article_note(&self, article: ArticleId) -> Result<String> {
        let conn = self.reader();
        let note: Option<String> = conn
            .prepare_cached("SELECT note FROM article_notes WHERE article_id = ?1")?
            .query_row([article], |row| row.get(0))
            .optional()?;
        Ok(note.unwrap_or_default())
    }

    /// Sets the note on a whole article (an empty one removes it); `false` when there is no
    /// such article.
    pub fn set_article_note(&self, article: ArticleId, note: &str, now: Timestamp) -> Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        if !article_exists(&tx, article)? {
            return Ok(false);
        }
        tx.execute("DELETE FROM article_notes WHERE article_id = ?1", [article])?;
        unindex(&tx, -article)?;
        if !note.is_empty() {
            tx.execute(
                "INSERT INTO article_notes (article_id, note, updated_at) VALUES (?1, ?2, ?3)",
                params![article, note, now],
            )?;
            index(&tx, -article, "", note)?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Highlights newest first, as `filter` says, at most `limit`; `text` is an FTS5
    /// expression, matched against highlighted words and notes (an article's note brings all
    /// its highlights).
    pub fn list_highlights(
        &self,
        filter: &HighlightFilter,
        text: Option<&str>,
        limit: usize,
    ) -> Result<Vec<HighlightEntry>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT h.id, h.article_id, a.title,
                 coalesce(f.custom_title, f.title, a.source_title, ''), h.quote, h.color,
                 h.note, h.created_at
             FROM highlights h JOIN articles a ON a.id = h.article_id
                 LEFT JOIN feeds f ON f.id = a.feed_id
             WHERE (?1 IS NULL OR h.color = ?1)
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM article_tags t
                     WHERE t.article_id = h.article_id AND t.tag_id = ?2))
               AND (?3 IS NULL OR h.id < ?3)
               AND (?4 IS NULL
                    OR h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?4)
                    OR -h.article_id IN
                        (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?4))
             ORDER BY h.id DESC LIMIT ?5",
        )?;
        let tag: Option<TagId> = filter.tag_id;
        let entries = stmt
            .query_map(
                params![
                    filter.color.map(HighlightColor::code),
                    tag,
                    filter.before,
                    text,
                    limit as i64
                ],
                |row| {
                    let color: String = row.get(5)?;
                    Ok(HighlightEntry {
                        id: row.get(0)?,
                        article_id: row.get(1)?,
                        article_title: row.get(2)?,
                        source: row.get(3)?,
                        quote: row.get(4)?,
                        color: HighlightColor::from_code(&color).unwrap_or_default(),
                        note: row.get(6)?,
                        created_at: row.get(7)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(entries)
    }

    /// The articles with a highlight made since `since` (or a note changed since), oldest
    /// highlight first: what an export of highlights writes.
    pub fn highlighted_articles(&self, since: Timestamp) -> Result<Vec<ArticleId>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT article_id FROM (
                 SELECT article_id, min(created_at) AS at FROM highlights
                     WHERE created_at >= ?1 GROUP BY article_id
                 UNION ALL
                 SELECT article_id, updated_at FROM article_notes WHERE updated_at >= ?1)
             GROUP BY article_id ORDER BY min(at), article_id",
        )?;
        let ids = stmt
            .query_map([since], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }
}

fn article_exists(tx: &Connection, article: ArticleId) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
        [article],
        |row| row.get(0),
    )
}

fn index(tx: &Connection, rowid: i64, quote: &str, note: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO highlights_fts (rowid, quote, note) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, quote, note])?;
    Ok(())
}

fn unindex(tx: &Connection, rowid: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM highlights_fts WHERE rowid = ?1")?
        .execute([rowid])?;
    Ok(())
}
