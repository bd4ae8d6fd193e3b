//! Work a person asked for that needs the network, kept in the database until it is done
//! (migration 6). It is asked for in the same transaction as the change that wants it
//! ([`ask`]), so nothing a person did is ever stored without the work that must follow it.
//! Whoever runs it takes it for a while ([`Store::take_due_work`]), then either finishes it or
//! puts it off until a later time.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::api::{ArticleId, FeedId};
use crate::{Result, Timestamp};

/// What an article is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkKind {
    /// Its pictures, kept in the library for offline reading.
    KeepImages,
    /// Its page, read in reader mode (a page saved while it could not be reached).
    ReadPage,
}

impl WorkKind {
    fn as_str(self) -> &'static str {
        match self {
            WorkKind::KeepImages => "keep_images",
            WorkKind::ReadPage => "read_page",
        }
    }

    fn parse(text: &str) -> Option<WorkKind> {
        match text {
            "keep_images" => Some(WorkKind::KeepImages),
            "read_page" => Some(WorkKind::ReadPage),
            _ => None,
        }
    }
}

/// One piece of work, as taken to be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenWork {
    pub article_id: ArticleId,
    pub kind: WorkKind,
    /// Attempts that could not finish, before this one.
    pub attempts: u32,
    /// When it was first asked for.
    pub created_at: Timestamp,
}

/// Asks for `kind` of work on `article_id`, in the caller's transaction. Asking again for work
/// still pending makes it due now: the person asked again.
pub(super) fn ask(
    tx: &rusqlite::Connection,
    article_id: ArticleId,
    kind: WorkKind,
    now: Timestamp,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO pending_work (article_id, kind, created_at, due_at) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (article_id, kind) DO UPDATE SET due_at = excluded.due_at",
    )?
    .execute(params![article_id, kind.as_str(), now])?;
    Ok(())
}

impl Store {
    /// Asks for work on an article on its own (not as part of another change).
    pub fn ask_for_work(
        &self,
        article_id: ArticleId,
        kind: WorkKind,
        now: Timestamp,
    ) -> Result<()> {
        ask(&self.writer(), article_id, kind, now)?;
        Ok(())
    }

    /// Takes up to `limit` pieces of work due at `now` (on article `only`, if given), oldest due
    /// first, and holds them until `held_until`: a crash while doing them delays them no
    /// further than that.
    pub fn take_due_work(
        &self,
        now: Timestamp,
        held_until: Timestamp,
        limit: u32,
        only: Option<ArticleId>,
    ) -> Result<Vec<TakenWork>> {
        let conn = self.writer();
        let mut stmt = conn.prepare_cached(
            "UPDATE pending_work SET due_at = ?2
             WHERE (article_id, kind) IN (
                 SELECT article_id, kind FROM pending_work
                 WHERE due_at <= ?1 AND (?4 IS NULL OR article_id = ?4)
                 ORDER BY due_at LIMIT ?3)
             RETURNING article_id, kind, attempts, created_at",
        )?;
        let rows = stmt
            .query_map(params![now, held_until, limit, only], |row| {
                Ok((
                    row.get::<_, ArticleId>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, u32>(2)?,
                    row.get::<_, Timestamp>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(article_id, kind, attempts, created_at)| {
                Some(TakenWork {
                    article_id,
                    kind: WorkKind::parse(&kind)?,
                    attempts,
                    created_at,
                })
            })
            .collect())
    }

    /// The work is done (or can never be done): it is forgotten.
    pub fn finish_work(&self, article_id: ArticleId, kind: WorkKind) -> Result<()> {
        self.writer().execute(
            "DELETE FROM pending_work WHERE article_id = ?1 AND kind = ?2",
            params![article_id, kind.as_str()],
        )?;
        Ok(())
    }

    /// The work could not finish for now (`why`); it is due again at `due_at`.
    pub fn put_off_work(
        &self,
        article_id: ArticleId,
        kind: WorkKind,
        due_at: Timestamp,
        why: &str,
    ) -> Result<()> {
        self.writer().execute(
            "UPDATE pending_work SET due_at = ?3, attempts = attempts + 1, last_error = ?4
             WHERE article_id = ?1 AND kind = ?2",
            params![article_id, kind.as_str(), due_at, why],
        )?;
        Ok(())
    }

    /// Makes all pending work due at `now`: at start, when a person is back to try again.
    pub fn make_all_work_due(&self, now: Timestamp) -> Result<()> {
        self.writer().execute(
            "UPDATE pending_work SET due_at = ?1 WHERE due_at > ?1",
            [now],
        )?;
        Ok(())
    }

    /// When the next piece of work is due, if any is pending.
    pub fn next_work_due(&self) -> Result<Option<Timestamp>> {
        Ok(self
            .reader()
            .query_row("SELECT min(due_at) FROM pending_work", [], |row| row.get(0))
            .optional()?
            .flatten())
    }

    /// Feed articles whose page is still to be read in full (the progress of "Read full
    /// articles" on a feed, or of "Load full text").
    pub fn pages_to_read(&self) -> Result<u64> {
        let count: i64 = self.reader().query_row(
            "SELECT count(*) FROM pending_work w JOIN articles a ON a.id = w.article_id
             WHERE w.kind = 'read_page' AND a.feed_id IS NOT NULL",
            [],
            |row| row.get(0),
        )?;
        Ok(count as u64)
    }

    /// Forgets the feed articles' pages still to be read (of `feed` only, if given). A saved
    /// page's reading stays: nothing else brings its text.
    pub fn stop_reading_pages(&self, feed: Option<FeedId>) -> Result<()> {
        self.writer().execute(
            "DELETE FROM pending_work WHERE kind = 'read_page' AND article_id IN
                 (SELECT id FROM articles WHERE feed_id IS NOT NULL
                     AND (?1 IS NULL OR feed_id = ?1))",
            [feed],
        )?;
        Ok(())
    }
}
