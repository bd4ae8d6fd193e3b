//! One story, many feeds, where articles are stored: an arriving article whose story is here
//! already, from another feed, is stored as a copy — read, pointing at the story's first article
//! (`articles.story_id`) — so that lists show the story once, where its first article is, with
//! "Also in" naming the rest (see `stories/` for what makes two articles one story).
//!
//! Each arriving article's print is kept for [`KEPT_DAYS`] (`story_prints`: its feed, its
//! story, its opening and its keys): copies of a story arrive within days of each other (or
//! together, two feeds subscribed the same day). The keys are looked up in memory
//! ([`StoryIndex`]): most articles share none, and a table of keys written as articles arrive
//! cost a refresh of 1,000 feeds 10% more CPU, the in-memory index a fraction of that.
//! Stories are found among a person's own feeds; an account on a feed service keeps its
//! articles' read state on its server, so its feeds are left as they come.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension, params};

use super::articles::NewArticle;
use crate::Timestamp;
use crate::api::{ArticleId, FeedId, StoryCopy};
use crate::stories::{StoryPrint, same_text};

/// Days an article's print is kept to find its copies by.
pub const KEPT_DAYS: i64 = 14;

/// The setting that turns merging off ("0"); on unless set.
pub const MERGE_STORIES: &str = "merge_stories";

/// Prints the index holds at most (the last arrived): more than most readers' fortnight
/// (10,000 articles take ~2 MB of keys; this many, ~20 MB).
const INDEXED_PRINTS: usize = 100_000;

/// Who holds a key: the first article that had it and its feed; or, when two articles of one
/// feed have it, no one ([`Holder::HABIT`]): it is the feed's habit (every item linking to one
/// page, opening with one boilerplate), not a story's name, and never merged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Holder {
    article: ArticleId,
    feed: FeedId,
}

impl Holder {
    const HABIT: Holder = Holder {
        article: -1,
        feed: -1,
    };
}

/// The keys of the prints kept, in memory. Read on first need, and again when another program
/// (the CLI) has written the file since, or when prints were removed; a key whose transaction
/// rolled back only costs a look at `story_prints`.
#[derive(Default)]
pub(super) struct StoryIndex(Mutex<Option<Index>>);

struct Index {
    /// `PRAGMA data_version` of the writer when read: it changes when another connection writes.
    data_version: i64,
    keys: HashMap<i64, Holder>,
    prints: usize,
}

impl Index {
    fn add(&mut self, key: i64, article: ArticleId, feed: FeedId) {
        self.keys
            .entry(key)
            .and_modify(|holder| {
                if holder.feed == feed {
                    *holder = Holder::HABIT;
                }
            })
            .or_insert(Holder { article, feed });
    }
}

impl StoryIndex {
    /// Read again on next need (after prints were removed).
    pub fn forget(&self) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    fn current<'k>(&'k self, tx: &Connection) -> rusqlite::Result<MutexGuard<'k, Option<Index>>> {
        let mut index = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let data_version: i64 = tx.query_row("PRAGMA data_version", [], |row| row.get(0))?;
        let stale = index
            .as_ref()
            .is_none_or(|i| i.data_version != data_version || i.prints > 2 * INDEXED_PRINTS);
        if stale {
            let mut read = Index {
                data_version,
                keys: HashMap::new(),
                prints: 0,
            };
            let mut stmt = tx.prepare(
                "SELECT article_id, feed_id, keys FROM story_prints
                 ORDER BY article_id DESC LIMIT ?1",
            )?;
            let mut rows: Vec<(ArticleId, FeedId, Vec<u8>)> = stmt
                .query_map([INDEXED_PRINTS as i64], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            // In the order they came, so that the first holder of a key is the first article.
            rows.reverse();
            for (article, feed, keys) in rows {
                for key in keys.chunks_exact(8) {
                    let key = i64::from_le_bytes(key.try_into().expect("chunks of 8"));
                    read.add(key, article, feed);
                }
                read.prints += 1;
            }
            *index = Some(read);
        }
        Ok(index)
    }
}

/// How one feed's arriving articles find their stories.
pub(super) struct Stories<'k> {
    feed_id: FeedId,
    index: MutexGuard<'k, Option<Index>>,
}

/// An arriving article's print and the story it joins, if one is here.
pub(super) struct Joined {
    print: StoryPrint,
    pub lead: Option<ArticleId>,
}

impl<'k> Stories<'k> {
    /// `None` when this feed's articles are not merged: a synced feed's, or with the setting off.
    pub fn new(
        tx: &Connection,
        feed_id: FeedId,
        index: &'k StoryIndex,
    ) -> rusqlite::Result<Option<Stories<'k>>> {
        let merged: bool = tx
            .prepare_cached(
                "SELECT f.status <> 'synced'
                    AND coalesce((SELECT value FROM settings WHERE key = ?2), '1') <> '0'
                 FROM feeds f WHERE f.id = ?1",
            )?
            .query_row(params![feed_id, MERGE_STORIES], |row| row.get(0))
            .optional()?
            .unwrap_or(false);
        if !merged {
            return Ok(None);
        }
        Ok(Some(Stories {
            feed_id,
            index: index.current(tx)?,
        }))
    }

    /// The story `article` belongs to, if it is here already from another feed.
    pub fn find(&self, tx: &Connection, article: &NewArticle) -> rusqlite::Result<Joined> {
        let print = StoryPrint::of(
            article.url.as_deref(),
            article.guid.as_deref(),
            &article.content_text,
        );
        let Some(index) = self.index.as_ref() else {
            return Ok(Joined { print, lead: None });
        };
        let mut their_print = tx.prepare_cached(
            "SELECT p.story_id, p.opening, p.keys FROM story_prints p
             JOIN articles a ON a.id = p.story_id
             WHERE p.article_id = ?1",
        )?;
        let opening = print.opening_bytes();
        for key in print.keys() {
            let Some(&Holder { article, feed }) = index.keys.get(&key.key) else {
                continue;
            };
            if feed == self.feed_id || article == Holder::HABIT.article {
                continue;
            }
            // Gone since (or never written: its transaction rolled back), its id taken by
            // another article since, or its story's first article gone: no story to join.
            let Some((story, theirs, their_keys)) = their_print
                .query_row([article], |row| {
                    Ok((
                        row.get::<_, ArticleId>(0)?,
                        row.get::<_, Option<Vec<u8>>>(1)?,
                        row.get::<_, Vec<u8>>(2)?,
                    ))
                })
                .optional()?
            else {
                continue;
            };
            if !their_keys
                .chunks_exact(8)
                .any(|k| k == key.key.to_le_bytes())
            {
                continue;
            }
            let same =
                !key.band || matches!((&opening, &theirs), (Some(a), Some(b)) if same_text(a, b));
            if same {
                return Ok(Joined {
                    print,
                    lead: Some(story),
                });
            }
        }
        Ok(Joined { print, lead: None })
    }

    /// Keeps a stored article's print, for its copies to find it by.
    pub fn stored(
        &mut self,
        tx: &Connection,
        id: ArticleId,
        joined: &Joined,
        now: Timestamp,
    ) -> rusqlite::Result<()> {
        let keys = joined.print.keys();
        let key_bytes: Vec<u8> = keys.iter().flat_map(|k| k.key.to_le_bytes()).collect();
        tx.prepare_cached(
            "INSERT INTO story_prints (article_id, feed_id, story_id, opening, keys, seen_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            id,
            self.feed_id,
            joined.lead.unwrap_or(id),
            joined.print.opening_bytes(),
            key_bytes,
            now
        ])?;
        if let Some(index) = self.index.as_mut() {
            for key in &keys {
                index.add(key.key, id, self.feed_id);
            }
            index.prints += 1;
        }
        Ok(())
    }
}

/// Forgets the prints of articles that arrived more than [`KEPT_DAYS`] ago.
pub(super) fn forget_old_prints(tx: &Connection, now: Timestamp) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM story_prints WHERE seen_at < ?1",
        [now - KEPT_DAYS * 86_400],
    )?;
    Ok(())
}

/// The other articles of `id`'s story: its first, then its copies as they came.
pub(super) fn other_copies(conn: &Connection, id: ArticleId) -> rusqlite::Result<Vec<StoryCopy>> {
    conn.prepare_cached(
        "WITH story AS (SELECT coalesce(story_id, id) AS first FROM articles WHERE id = ?1)
         SELECT a.id, coalesce(f.custom_title, f.title, a.source_title, '')
         FROM story, articles a LEFT JOIN feeds f ON f.id = a.feed_id
         WHERE (a.id = story.first OR a.story_id = story.first) AND a.id <> ?1
         ORDER BY a.id",
    )?
    .query_map([id], |row| {
        Ok(StoryCopy {
            id: row.get(0)?,
            source_title: row.get(1)?,
        })
    })?
    .collect()
}
