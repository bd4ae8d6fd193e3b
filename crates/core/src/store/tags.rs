//! Tags on articles. A tag exists while an article carries it; its name keeps the spelling it
//! was first given, and another spelling that differs only in case is the same tag. A tagged
//! article is kept as a bookmarked one is (`KEPT`). On an article of an account that syncs
//! labels a tag is a label: a change made here goes to the outbox with it.

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use super::outbox::{self, SyncedField};
use crate::api::{ArticleId, Tag};
use crate::{Result, Timestamp};

/// Articles a person chose to keep, whatever retention or unsubscribing would do: bookmarked,
/// saved, tagged, highlighted or noted. A condition on `articles` named `a`.
pub(super) const KEPT: &str = "(a.is_bookmarked = 1 OR a.is_saved = 1
     OR EXISTS (SELECT 1 FROM article_tags kt WHERE kt.article_id = a.id)
     OR EXISTS (SELECT 1 FROM highlights kh WHERE kh.article_id = a.id)
     OR EXISTS (SELECT 1 FROM article_notes kn WHERE kn.article_id = a.id))";

/// What makes two names one tag.
fn key(name: &str) -> String {
    name.to_lowercase()
}

impl Store {
    /// Puts tags on an article; a name already on it changes nothing. `false` when there is
    /// no such article. Names are as `library::tags::tag_name` made them.
    pub fn tag_article(&self, id: ArticleId, names: &[String]) -> Result<bool> {
        self.on_article(id, |tx| {
            for name in names {
                tag_all(tx, &[id], name, crate::now())?;
            }
            Ok(())
        })
    }

    /// Takes tags off an article; a tag no article carries any more is gone. `false` when
    /// there is no such article.
    pub fn untag_article(&self, id: ArticleId, names: &[String]) -> Result<bool> {
        self.on_article(id, |tx| {
            for name in names {
                untag_all(tx, &[id], name, crate::now())?;
            }
            Ok(())
        })
    }

    /// Runs `change` in one transaction if article `id` exists; `false` when it does not.
    fn on_article(
        &self,
        id: ArticleId,
        change: impl FnOnce(&Connection) -> rusqlite::Result<()>,
    ) -> Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
            [id],
            |row| row.get(0),
        )?;
        if !exists {
            return Ok(false);
        }
        change(&tx)?;
        tx.commit()?;
        Ok(true)
    }

    /// Every tag some article carries, by name, with its counts.
    pub fn tags(&self) -> Result<Vec<Tag>> {
        let conn = self.reader();
        let mut stmt =
            conn.prepare_cached(&format!("{TAG_SELECT} GROUP BY t.id ORDER BY t.key"))?;
        let tags = stmt
            .query_map([], tag_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(tags)
    }

    /// The tag of that name (in any case), if an article carries it.
    pub fn tag_named(&self, name: &str) -> Result<Option<Tag>> {
        let conn = self.reader();
        let mut stmt =
            conn.prepare_cached(&format!("{TAG_SELECT} WHERE t.key = ?1 GROUP BY t.id"))?;
        Ok(stmt.query_row([key(name)], tag_from_row).optional()?)
    }
}

const TAG_SELECT: &str = "SELECT t.id, t.name, count(*), coalesce(sum(a.is_read = 0), 0)
     FROM tags t JOIN article_tags at ON at.tag_id = t.id
         JOIN articles a ON a.id = at.article_id AND a.is_muted = 0";

fn tag_from_row(row: &rusqlite::Row) -> rusqlite::Result<Tag> {
    Ok(Tag {
        id: row.get(0)?,
        name: row.get(1)?,
        articles: row.get(2)?,
        unread: row.get(3)?,
    })
}

/// Puts the tag `name` on the articles `ids`, and on the server for synced ones; returns those
/// that did not have it.
pub(super) fn tag_all(
    tx: &Connection,
    ids: &[ArticleId],
    name: &str,
    now: Timestamp,
) -> rusqlite::Result<Vec<ArticleId>> {
    let (name, tagged) = link(tx, ids, name)?;
    outbox::record(tx, &tagged, &SyncedField::Label(name), true, now)?;
    Ok(tagged)
}

/// Takes the tag `name` off the articles `ids`, and off the server for synced ones; the tag is
/// gone when no article has it.
pub(super) fn untag_all(
    tx: &Connection,
    ids: &[ArticleId],
    name: &str,
    now: Timestamp,
) -> rusqlite::Result<()> {
    if let Some((name, untagged)) = unlink(tx, ids, name)? {
        outbox::record(tx, &untagged, &SyncedField::Label(name), false, now)?;
    }
    Ok(())
}

/// Puts the tag `name` on the articles `ids`, here only (what a server says, or undoing what it
/// refused). Returns the tag's name as first spelled and the articles that did not have it.
/// Statements of one row each (no INSERT … SELECT): during a refresh, a statement that may
/// change many rows opens a statement journal, which makes FTS5 write out the words it holds
/// in memory.
pub(super) fn link(
    tx: &Connection,
    ids: &[ArticleId],
    name: &str,
) -> rusqlite::Result<(String, Vec<ArticleId>)> {
    let key = key(name);
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, name FROM tags WHERE key = ?1")?
        .query_row([&key], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let (tag_id, name) = match existing {
        Some(tag) => tag,
        None => {
            tx.prepare_cached("INSERT INTO tags (name, key) VALUES (?1, ?2)")?
                .execute(params![name, key])?;
            (tx.last_insert_rowid(), name.to_string())
        }
    };
    let mut link = tx.prepare_cached(
        "INSERT OR IGNORE INTO article_tags (tag_id, article_id) VALUES (?1, ?2)",
    )?;
    let mut tagged = Vec::new();
    for &id in ids {
        if link.execute(params![tag_id, id])? == 1 {
            tagged.push(id);
        }
    }
    Ok((name, tagged))
}

/// Takes the tag `name` off the articles `ids`, here only; the tag is gone when no article has
/// it. Returns the tag's name and the articles that had it; `None` when there is no such tag.
pub(super) fn unlink(
    tx: &Connection,
    ids: &[ArticleId],
    name: &str,
) -> rusqlite::Result<Option<(String, Vec<ArticleId>)>> {
    let key = key(name);
    let Some((tag_id, name)) = tx
        .prepare_cached("SELECT id, name FROM tags WHERE key = ?1")?
        .query_row([&key], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))
        .optional()?
    else {
        return Ok(None);
    };
    let mut unlink =
        tx.prepare_cached("DELETE FROM article_tags WHERE article_id = ?2 AND tag_id = ?1")?;
    let mut untagged = Vec::new();
    for &id in ids {
        if unlink.execute(params![tag_id, id])? == 1 {
            untagged.push(id);
        }
    }
    tx.prepare_cached(
        "DELETE FROM tags WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.tag_id = tags.id)",
    )?
    .execute([tag_id])?;
    Ok(Some((name, untagged)))
}

/// The names of an article's tags, alphabetically.
pub(super) fn names_of(conn: &Connection, id: ArticleId) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.article_id = ?1 ORDER BY t.key",
    )?;
    stmt.query_map([id], |row| row.get(0))?.collect()
}
