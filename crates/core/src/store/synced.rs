//! What a sync writes: the server's feeds and folders, its new articles, and its read and
//! starred state, never over a change the person made that the server does not have yet (it is
//! in the outbox).

use std::collections::{HashMap, HashSet};

use rusqlite::{Transaction, params};

use super::articles::{NewArticle, upsert_articles};
use super::folders::folder_named;
use super::{Store, WorkKind};
use crate::api::{AccountId, ArticleId, FeedId};
use crate::sync::{RemoteFeed, RemoteLabel};
use crate::{Result, Timestamp};

/// A new or changed article from the server, ready to store.
#[derive(Debug, Clone)]
pub struct SyncedArticle {
    pub feed_id: FeedId,
    pub article: NewArticle,
    pub read: bool,
    pub starred: bool,
}

/// What applying the server's state changed here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub inserted: u64,
    /// Articles whose read or bookmarked state changed to follow the server.
    pub changed: u64,
}

impl Store {
    /// Makes the account's feeds and folders those of the server: new ones added, changed ones
    /// renamed or moved, those gone removed (keeping their bookmarked articles). Returns the
    /// server's id of each feed with its id here.
    pub fn apply_remote_feeds(
        &self,
        account: AccountId,
        feeds: &[RemoteFeed],
        now: Timestamp,
    ) -> Result<HashMap<String, FeedId>> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let mut ids = HashMap::new();
        for feed in feeds {
            ids.insert(
                feed.id.clone(),
                upsert_remote_feed(&tx, account, feed, now)?,
            );
        }
        let gone: Vec<FeedId> = tx
            .prepare("SELECT id, remote_id FROM feeds WHERE account_id = ?1")?
            .query_map([account], |row| Ok((row.get(0)?, row.get::<_, String>(1)?)))?
            .filter_map(|row| match row {
                Ok((id, remote)) if !ids.contains_key(&remote) => Some(Ok(id)),
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<rusqlite::Result<_>>()?;
        for feed in gone {
            super::feeds::remove_feed_in(&tx, feed)?;
        }
        tx.execute(
            "DELETE FROM folders WHERE account_id = ?1
                 AND id NOT IN (SELECT folder_id FROM feeds WHERE folder_id IS NOT NULL)",
            [account],
        )?;
        tx.commit()?;
        Ok(ids)
    }

    /// Adds (or updates) one feed of the account as the server gave it, leaving the others be:
    /// a subscription the server has just accepted, before the sync that brings its articles.
    pub fn add_remote_feed(
        &self,
        account: AccountId,
        feed: &RemoteFeed,
        now: Timestamp,
    ) -> Result<FeedId> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let id = upsert_remote_feed(&tx, account, feed, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Stores a page of the server's new articles with the cursor that goes on after them, in
    /// one transaction: a sync stopped at any point resumes after the last page stored.
    pub fn apply_remote_items(
        &self,
        account: AccountId,
        articles: &[SyncedArticle],
        cursor: &str,
        now: Timestamp,
    ) -> Result<Applied> {
        let rules = self.compiled_rules()?;
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let mut applied = Applied::default();
        let mut to_follow = Vec::new();
        for synced in articles {
            let stored = upsert_articles(
                &tx,
                synced.feed_id,
                std::slice::from_ref(&synced.article),
                &rules,
                &self.stories,
                now,
            )?;
            applied.inserted += stored.inserted;
            // A new article is stored unread and not bookmarked: already the server's state
            // unless the server says otherwise.
            if stored.inserted == 0 || synced.read || synced.starred {
                to_follow.push(synced);
            }
        }
        let pending = pending_changes(&tx, account)?;
        let states = to_follow.iter().map(|synced| {
            (
                synced.feed_id,
                synced.article.identity.as_str(),
                synced.read,
                synced.starred,
            )
        });
        applied.changed = follow_server(&tx, &pending, states, now)?;
        recount_unread(&tx, account)?;
        tx.execute(
            "UPDATE accounts SET cursor = ?2 WHERE id = ?1",
            params![account, cursor],
        )?;
        tx.commit()?;
        Ok(applied)
    }

    /// Makes every synced article's read and bookmarked state the server's, from its full
    /// lists of unread and starred ids, except where a change made here is still to be sent.
    /// Returns how many articles changed.
    pub fn reconcile(
        &self,
        account: AccountId,
        unread: &HashSet<String>,
        starred: &HashSet<String>,
        now: Timestamp,
    ) -> Result<u64> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let pending = pending_changes(&tx, account)?;
        let articles: Vec<(FeedId, String)> = tx
            .prepare(
                "SELECT a.feed_id, a.identity FROM articles a JOIN feeds f ON f.id = a.feed_id
                 WHERE f.account_id = ?1",
            )?
            .query_map([account], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let states = articles.iter().map(|(feed, identity)| {
            let remote = identity.strip_prefix("r:").unwrap_or(identity);
            (
                *feed,
                identity.as_str(),
                !unread.contains(remote),
                starred.contains(remote),
            )
        });
        let changed = follow_server(&tx, &pending, states, now)?;
        recount_unread(&tx, account)?;
        tx.commit()?;
        Ok(changed)
    }
}

impl Store {
    /// Makes the tags on the account's articles its server's labels, except where a change
    /// made here is still to be sent. Returns how many articles changed.
    pub fn reconcile_labels(&self, account: AccountId, labels: &[RemoteLabel]) -> Result<u64> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        // (server id, label in lower case) of each label change still to send.
        let pending: HashSet<(String, String)> = pending_changes(&tx, account)?
            .into_iter()
            .filter_map(|(remote, field)| {
                let name = field.strip_prefix("label:")?.to_lowercase();
                Some((remote, name))
            })
            .collect();
        let articles: HashMap<String, ArticleId> = tx
            .prepare(
                "SELECT substr(a.identity, 3), a.id FROM articles a
                 JOIN feeds f ON f.id = a.feed_id
                 WHERE f.account_id = ?1 AND substr(a.identity, 1, 2) = 'r:'",
            )?
            .query_map([account], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let here: Vec<(ArticleId, String, String)> = tx
            .prepare(
                "SELECT a.id, substr(a.identity, 3), t.name FROM article_tags at
                 JOIN tags t ON t.id = at.tag_id JOIN articles a ON a.id = at.article_id
                 JOIN feeds f ON f.id = a.feed_id WHERE f.account_id = ?1",
            )?
            .query_map([account], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let on_server: HashSet<(&str, String)> = labels
            .iter()
            .flat_map(|label| {
                let name = label.name.to_lowercase();
                label.ids.iter().map(move |id| (id.as_str(), name.clone()))
            })
            .collect();
        let tagged_here: HashSet<(&str, String)> = here
            .iter()
            .map(|(_, remote, name)| (remote.as_str(), name.to_lowercase()))
            .collect();
        let waits =
            |remote: &str, name: &str| pending.contains(&(remote.to_string(), name.to_string()));
        let mut changed = HashSet::new();
        for (id, remote, name) in &here {
            let key = (remote.as_str(), name.to_lowercase());
            if !on_server.contains(&key) && !waits(key.0, &key.1) {
                super::tags::unlink(&tx, &[*id], name)?;
                changed.insert(*id);
            }
        }
        for label in labels {
            let key_name = label.name.to_lowercase();
            for remote in &label.ids {
                let Some(&id) = articles.get(remote) else {
                    continue;
                };
                let key = (remote.as_str(), key_name.clone());
                if !tagged_here.contains(&key) && !waits(remote, &key_name) {
                    super::tags::link(&tx, &[id], &label.name)?;
                    changed.insert(id);
                }
            }
        }
        tx.commit()?;
        Ok(changed.len() as u64)
    }
}

/// (server id, field) of every change still to send.
fn pending_changes(
    tx: &Transaction,
    account: AccountId,
) -> rusqlite::Result<HashSet<(String, String)>> {
    tx.prepare_cached("SELECT remote_id, field FROM sync_outbox WHERE account_id = ?1")?
        .query_map([account], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

/// Sets each article's read and bookmarked state to the server's, field by field, skipping
/// what the outbox holds. A newly bookmarked article keeps its pictures, as a bookmark made
/// here does. Returns how many articles changed.
fn follow_server<'a>(
    tx: &Transaction,
    pending: &HashSet<(String, String)>,
    states: impl Iterator<Item = (FeedId, &'a str, bool, bool)>,
    now: Timestamp,
) -> rusqlite::Result<u64> {
    let mut find = tx.prepare_cached(
        "SELECT id, is_read, is_bookmarked FROM articles WHERE feed_id = ?1 AND identity = ?2",
    )?;
    let mut set_read = tx.prepare_cached("UPDATE articles SET is_read = ?2 WHERE id = ?1")?;
    let mut set_bookmarked = tx.prepare_cached(
        "UPDATE articles SET is_bookmarked = ?2, bookmarked_at = CASE WHEN ?2 THEN ?3 END
         WHERE id = ?1",
    )?;
    let mut changed = 0;
    for (feed, identity, read, starred) in states {
        let remote = identity.strip_prefix("r:").unwrap_or(identity).to_string();
        let found: Option<(ArticleId, bool, bool)> = find
            .query_row(params![feed, identity], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        let Some((id, is_read, is_bookmarked)) = found else {
            continue;
        };
        let mut touched = false;
        if is_read != read && !pending.contains(&(remote.clone(), "read".to_string())) {
            set_read.execute(params![id, read])?;
            touched = true;
        }
        if is_bookmarked != starred && !pending.contains(&(remote, "starred".to_string())) {
            set_bookmarked.execute(params![id, starred, now])?;
            if starred {
                super::pending::ask(tx, id, WorkKind::KeepImages, now)?;
            }
            touched = true;
        }
        changed += u64::from(touched);
    }
    Ok(changed)
}

/// Counts the account's unread articles again, after a sync changed many at once.
fn recount_unread(tx: &Transaction, account: AccountId) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE feeds SET unread_count =
             (SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id AND a.is_read = 0)
         WHERE account_id = ?1",
        [account],
    )?;
    Ok(())
}

fn upsert_remote_feed(
    tx: &Transaction,
    account: AccountId,
    feed: &RemoteFeed,
    now: Timestamp,
) -> Result<FeedId> {
    let folder = match &feed.folder {
        Some(name) if !name.trim().is_empty() => Some(folder_named(tx, account, name)?),
        _ => None,
    };
    Ok(tx.query_row(
        "INSERT INTO feeds (account_id, remote_id, url, title, site_url, folder_id,
             status, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'synced', ?7)
         ON CONFLICT (account_id, remote_id) WHERE remote_id IS NOT NULL
         DO UPDATE SET url = excluded.url, title = excluded.title,
             site_url = excluded.site_url, folder_id = excluded.folder_id
         RETURNING id",
        params![
            account,
            feed.id,
            feed.url,
            feed.title,
            feed.site_url,
            folder,
            now
        ],
        |row| row.get(0),
    )?)
}
