//! Refresh bookkeeping: which feeds to fetch, and what each fetch changed: articles, validators,
//! the next poll time, health, and the address after a permanent move.

use rusqlite::{Connection, params};

use super::articles::upsert_articles;
use super::{FeedUpdate, Store, StoredCounts};
use crate::api::{FeedId, RefreshScope};
use crate::fetch::Validators;
use crate::{Result, Timestamp};

/// What a refresh needs to know about a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedToRefresh {
    pub id: FeedId,
    pub url: String,
    pub title: String,
    pub validators: Validators,
    /// Failed refreshes in a row, for backing off.
    pub failure_count: u32,
    /// The longest of Cache-Control max-age and RSS ttl last time, in seconds.
    pub min_interval: Option<i64>,
    pub skip_hours: Vec<u8>,
    /// Read each new item's page in full (for feeds that carry only summaries).
    pub full_text: bool,
    /// Its own interval between checks, in seconds, if it has one.
    pub interval: Option<i64>,
    /// The person asked to be told of its new articles.
    pub notify: bool,
}

/// What any answer from the server changes in the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollRecord {
    pub next_poll_at: Timestamp,
    pub min_interval: Option<i64>,
    /// The feed's new address after a chain of permanent redirects.
    pub moved_to: Option<String>,
}

pub(super) fn skip_hours_text(hours: &[u8]) -> Option<String> {
    (!hours.is_empty()).then(|| {
        hours
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(",")
    })
}

fn skip_hours_from(text: Option<String>) -> Vec<u8> {
    text.unwrap_or_default()
        .split(',')
        .filter_map(|h| h.trim().parse().ok())
        .filter(|h| *h < 24)
        .collect()
}

impl Store {
    /// The feeds a refresh of `scope` covers. Feeds that are gone (410) are only refreshed when
    /// asked for by name.
    pub fn feeds_to_refresh(
        &self,
        scope: RefreshScope,
        now: Timestamp,
    ) -> Result<Vec<FeedToRefresh>> {
        let (filter, arg) = match scope {
            RefreshScope::All => ("status = 'active' AND ?1 IS NOT NULL", 0),
            RefreshScope::Due => ("status = 'active' AND next_poll_at <= ?1", now),
            RefreshScope::Folder { folder_id } => {
                ("status = 'active' AND folder_id = ?1", folder_id)
            }
            RefreshScope::Feed { feed_id } => ("id = ?1", feed_id),
        };
        let sql = format!(
            "SELECT id, url, coalesce(custom_title, title), etag, last_modified, failure_count,
                 min_interval, skip_hours, full_text, refresh_minutes * 60, notify
             FROM feeds WHERE {filter} ORDER BY id"
        );
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&sql)?;
        let feeds = stmt
            .query_map([arg], |row| {
                Ok(FeedToRefresh {
                    id: row.get(0)?,
                    url: row.get(1)?,
                    title: row.get(2)?,
                    validators: Validators {
                        etag: row.get(3)?,
                        last_modified: row.get(4)?,
                    },
                    failure_count: row.get(5)?,
                    min_interval: row.get(6)?,
                    skip_hours: skip_hours_from(row.get(7)?),
                    full_text: row.get(8)?,
                    interval: row.get(9)?,
                    notify: row.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(feeds)
    }

    /// The earliest next poll among active feeds, for the scheduler to sleep until.
    pub fn next_poll_at(&self) -> Result<Option<Timestamp>> {
        Ok(self.reader().query_row(
            "SELECT min(next_poll_at) FROM feeds WHERE status = 'active'",
            [],
            |r| r.get(0),
        )?)
    }

    /// Records what a refresh learnt about many feeds in one transaction: much cheaper than one
    /// each, since every commit also flushes the search index. (Savepoints would flush it too,
    /// so they are not used.) If the batch fails, each write is retried alone so that one bad
    /// write cannot lose the others.
    pub fn write_polls(
        &self,
        writes: &[PollWrite],
        now: Timestamp,
    ) -> Result<Vec<Result<StoredCounts>>> {
        let rules = self.compiled_rules()?;
        let mut conn = self.writer();
        let batch = (|| -> rusqlite::Result<Vec<StoredCounts>> {
            let tx = conn.transaction()?;
            let counts = writes
                .iter()
                .map(|write| apply_poll(&tx, write, &rules, &self.stories, now))
                .collect::<rusqlite::Result<_>>()?;
            tx.commit()?;
            Ok(counts)
        })();
        match batch {
            Ok(counts) => Ok(counts.into_iter().map(Ok).collect()),
            Err(_) if writes.len() > 1 => Ok(writes
                .iter()
                .map(|write| {
                    let tx = conn.transaction()?;
                    let counts = apply_poll(&tx, write, &rules, &self.stories, now)?;
                    tx.commit()?;
                    Ok(counts)
                })
                .collect()),
            Err(error) => Ok(vec![Err(error.into())]),
        }
    }

    /// Stores one successful fetch: new and changed articles, the validators for the next
    /// conditional request, the schedule, and a cleared error.
    pub fn apply_feed_update(
        &self,
        id: FeedId,
        update: &FeedUpdate,
        poll: &PollRecord,
        now: Timestamp,
    ) -> Result<StoredCounts> {
        self.write_one(PollWrite::Updated { id, update, poll }, now)
    }

    /// A 304: only the schedule and health change; no article is touched.
    pub fn record_not_modified(&self, id: FeedId, poll: &PollRecord, now: Timestamp) -> Result<()> {
        self.write_one(PollWrite::NotModified { id, poll }, now)
            .map(drop)
    }

    /// Records why a refresh failed and when to try again. Stored articles are untouched.
    pub fn record_feed_error(
        &self,
        id: FeedId,
        reason: &str,
        next_poll_at: Timestamp,
        now: Timestamp,
    ) -> Result<()> {
        self.write_one(
            PollWrite::Failed {
                id,
                reason,
                next_poll_at,
            },
            now,
        )
        .map(drop)
    }

    /// 410 Gone: the publisher removed the feed. It stays (with its articles) but is not polled.
    pub fn mark_feed_gone(&self, id: FeedId, reason: &str, now: Timestamp) -> Result<()> {
        self.write_one(PollWrite::Gone { id, reason }, now)
            .map(drop)
    }

    fn write_one(&self, write: PollWrite, now: Timestamp) -> Result<StoredCounts> {
        self.write_polls(&[write], now)?
            .pop()
            .unwrap_or(Ok(StoredCounts::default()))
    }
}

/// One feed's outcome, as the database records it.
#[derive(Debug, Clone, Copy)]
pub enum PollWrite<'a> {
    Updated {
        id: FeedId,
        update: &'a FeedUpdate,
        poll: &'a PollRecord,
    },
    NotModified {
        id: FeedId,
        poll: &'a PollRecord,
    },
    Failed {
        id: FeedId,
        reason: &'a str,
        next_poll_at: Timestamp,
    },
    Gone {
        id: FeedId,
        reason: &'a str,
    },
}

fn apply_poll(
    tx: &Connection,
    write: &PollWrite,
    rules: &crate::rules::RuleSet,
    stories: &super::stories::StoryIndex,
    now: Timestamp,
) -> rusqlite::Result<StoredCounts> {
    match *write {
        PollWrite::Updated { id, update, poll } => {
            let exists = tx.execute(
                "UPDATE feeds SET title = ?2, site_url = coalesce(?3, site_url), etag = ?4,
                     last_modified = ?5, skip_hours = ?6, icon_url = ?7, language = ?8
                 WHERE id = ?1",
                params![
                    id,
                    update.title,
                    update.site_url,
                    update.validators.etag,
                    update.validators.last_modified,
                    skip_hours_text(&update.skip_hours),
                    update.icon_url,
                    update.language,
                ],
            )?;
            // The feed may have been removed while its fetch was in flight: nothing to do then.
            if exists == 0 {
                return Ok(StoredCounts::default());
            }
            record_success(tx, id, poll, now)?;
            upsert_articles(tx, id, &update.articles, rules, stories, now)
        }
        PollWrite::NotModified { id, poll } => {
            record_success(tx, id, poll, now)?;
            Ok(StoredCounts::default())
        }
        PollWrite::Failed {
            id,
            reason,
            next_poll_at,
        } => {
            tx.execute(
                "UPDATE feeds SET last_error = ?2, last_error_at = ?3, last_checked_at = ?3,
                     failure_count = failure_count + 1, next_poll_at = ?4
                 WHERE id = ?1",
                params![id, reason, now, next_poll_at],
            )?;
            Ok(StoredCounts::default())
        }
        PollWrite::Gone { id, reason } => {
            tx.execute(
                "UPDATE feeds SET status = 'gone', last_error = ?2, last_error_at = ?3,
                     last_checked_at = ?3
                 WHERE id = ?1",
                params![id, reason, now],
            )?;
            Ok(StoredCounts::default())
        }
    }
}

fn record_success(
    tx: &Connection,
    id: FeedId,
    poll: &PollRecord,
    now: Timestamp,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE feeds SET last_success_at = ?2, last_checked_at = ?2, next_poll_at = ?3,
             min_interval = ?4, last_error = NULL, last_error_at = NULL, failure_count = 0,
             status = 'active'
         WHERE id = ?1",
        params![id, now, poll.next_poll_at, poll.min_interval],
    )?;
    if let Some(url) = &poll.moved_to {
        // A permanent move to an address already subscribed keeps both; the person can remove one.
        tx.execute(
            "UPDATE OR IGNORE feeds SET url = ?2 WHERE id = ?1",
            params![id, url],
        )?;
    }
    Ok(())
}
