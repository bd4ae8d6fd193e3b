//! Subscriptions: adding, listing with unread counts and health, renaming, moving, removing.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use super::articles::{NewArticle, upsert_articles};
use super::tags::KEPT;
use crate::api::{FeedId, FeedSettings, FeedStatus, FeedSummary, FolderId, LOCAL_ACCOUNT};
use crate::discover::address::KnownFeed;
use crate::fetch::Validators;
use crate::{Result, Timestamp};

/// What a successful fetch says about a feed and its articles.
#[derive(Debug, Clone, Default)]
pub struct FeedUpdate {
    pub title: String,
    pub site_url: Option<String>,
    /// The picture the feed names for itself ([`crate::feeds::ParsedFeed::icon_url`]).
    pub icon_url: Option<String>,
    /// The language the feed says it is in ([`crate::feeds::ParsedFeed::language`]).
    pub language: Option<String>,
    pub validators: Validators,
    /// RSS `<ttl>`, in seconds.
    pub ttl: Option<i64>,
    /// RSS `<skipHours>`: UTC hours not to poll in.
    pub skip_hours: Vec<u8>,
    pub articles: Vec<NewArticle>,
}

/// A subscription as OPML carries it: added without fetching (import), or listed (export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubscription {
    pub url: String,
    pub title: String,
    pub site_url: Option<String>,
    pub folder: Option<String>,
}

const SUMMARY_SELECT: &str = "SELECT f.id, f.url, coalesce(f.custom_title, f.title), f.site_url,
        f.folder_id, f.status, f.last_success_at, f.last_error, f.failure_count, f.next_poll_at,
        f.unread_count, f.full_text, f.account_id, f.refresh_minutes, f.notify, f.keep_images,
        (SELECT i.fetched_at FROM feed_icons i WHERE i.feed_id = f.id AND i.bytes IS NOT NULL)
     FROM feeds f";

fn summary_from_row(row: &rusqlite::Row) -> rusqlite::Result<FeedSummary> {
    let status: String = row.get(5)?;
    let id = row.get(0)?;
    Ok(FeedSummary {
        id,
        url: row.get(1)?,
        title: row.get(2)?,
        site_url: row.get(3)?,
        folder_id: row.get(4)?,
        status: match status.as_str() {
            "gone" => FeedStatus::Gone,
            "synced" => FeedStatus::Synced,
            _ => FeedStatus::Active,
        },
        last_success_at: row.get(6)?,
        last_error: row.get(7)?,
        failure_count: row.get(8)?,
        next_poll_at: row.get(9)?,
        unread_count: row.get(10)?,
        full_text: row.get(11)?,
        account_id: row.get(12)?,
        refresh_minutes: row.get(13)?,
        notify: row.get(14)?,
        keep_images: row.get(15)?,
        icon: row
            .get::<_, Option<Timestamp>>(16)?
            .map(|fetched_at| crate::media::app_icon_url(id, fetched_at)),
    })
}

impl Store {
    /// Subscribes to a feed whose first fetch succeeded, storing its articles in the same
    /// transaction, so a feed never exists without the articles it came with.
    pub fn insert_feed(
        &self,
        url: &str,
        update: &FeedUpdate,
        next_poll_at: Timestamp,
        now: Timestamp,
    ) -> Result<FeedId> {
        let rules = self.compiled_rules()?;
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO feeds (url, title, site_url, etag, last_modified, created_at,
                 last_success_at, last_checked_at, next_poll_at, min_interval, skip_hours, icon_url,
                 language)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                url,
                update.title,
                update.site_url,
                update.validators.etag,
                update.validators.last_modified,
                now,
                next_poll_at,
                update.ttl,
                super::polling::skip_hours_text(&update.skip_hours),
                update.icon_url,
                update.language,
            ],
        )?;
        let id = tx.last_insert_rowid();
        upsert_articles(&tx, id, &update.articles, &rules, &self.stories, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Adds many subscriptions at once, in one transaction, creating their folders. Addresses
    /// already subscribed are skipped. Returns how many were added; `progress` hears (done, total).
    pub fn insert_subscriptions(
        &self,
        subscriptions: &[NewSubscription],
        now: Timestamp,
        progress: &dyn Fn(usize, usize),
    ) -> Result<usize> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let mut added = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO feeds (url, title, site_url, folder_id, created_at, next_poll_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(account_id, url) DO NOTHING",
            )?;
            for (done, subscription) in subscriptions.iter().enumerate() {
                let folder = match &subscription.folder {
                    Some(name) => Some(super::folders::folder_named(&tx, LOCAL_ACCOUNT, name)?),
                    None => None,
                };
                added += insert.execute(params![
                    subscription.url,
                    subscription.title,
                    subscription.site_url,
                    folder,
                    now
                ])?;
                if done % 100 == 0 {
                    progress(done, subscriptions.len());
                }
            }
        }
        tx.commit()?;
        progress(subscriptions.len(), subscriptions.len());
        Ok(added)
    }

    /// Every subscription with its folder's name, in sidebar order, for export.
    pub fn list_subscriptions(&self) -> Result<Vec<NewSubscription>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT f.url, coalesce(f.custom_title, f.title), f.site_url, d.name
             FROM feeds f LEFT JOIN folders d ON d.id = f.folder_id
             ORDER BY d.name IS NOT NULL, d.name COLLATE NOCASE,
                 coalesce(f.custom_title, f.title) COLLATE NOCASE, f.id",
        )?;
        let subscriptions = stmt
            .query_map([], |row| {
                Ok(NewSubscription {
                    url: row.get(0)?,
                    title: row.get(1)?,
                    site_url: row.get(2)?,
                    folder: row.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(subscriptions)
    }

    /// Every subscription's addresses and titles, to tell whether a feed is one of them.
    pub fn known_feeds(&self) -> Result<Vec<KnownFeed>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT id, url, site_url, title, custom_title FROM feeds WHERE account_id = 1",
        )?;
        let feeds = stmt
            .query_map([], |row| {
                let custom: Option<String> = row.get(4)?;
                Ok(KnownFeed {
                    id: row.get(0)?,
                    url: row.get(1)?,
                    site_url: row.get(2)?,
                    titles: std::iter::once(row.get(3)?).chain(custom).collect(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(feeds)
    }

    pub fn feed(&self, id: FeedId) -> Result<Option<FeedSummary>> {
        let sql = format!("{SUMMARY_SELECT} WHERE f.id = ?1");
        Ok(self
            .reader()
            .query_row(&sql, [id], summary_from_row)
            .optional()?)
    }

    /// Every subscription with its unread count and health, alphabetically.
    pub fn list_feeds(&self) -> Result<Vec<FeedSummary>> {
        let sql = format!(
            "{SUMMARY_SELECT} ORDER BY coalesce(f.custom_title, f.title) COLLATE NOCASE, f.id"
        );
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(&sql)?;
        let feeds = stmt
            .query_map([], summary_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(feeds)
    }

    /// Gives a feed a name of the person's choosing; `None` goes back to the feed's own title.
    pub fn rename_feed(&self, id: FeedId, title: Option<&str>) -> Result<bool> {
        let title = title.map(str::trim).filter(|t| !t.is_empty());
        let changed = self.writer().execute(
            "UPDATE feeds SET custom_title = ?2 WHERE id = ?1",
            params![id, title],
        )?;
        Ok(changed == 1)
    }

    /// Whether each new article's page is read in full at refresh. Turned on, the pages of the
    /// feed's unread articles not read in full yet are asked for too, in the same transaction;
    /// turned off, those still to be read are forgotten.
    /// A feed's own interval, notification and pictures; `false` when there is no such feed.
    /// A shorter interval brings its next check closer.
    pub fn set_feed_settings(&self, id: FeedId, settings: &FeedSettings) -> Result<bool> {
        let changed = self.writer().execute(
            "UPDATE feeds SET refresh_minutes = ?2, notify = ?3, keep_images = ?4,
                 next_poll_at = CASE WHEN ?2 IS NULL THEN next_poll_at
                     ELSE min(coalesce(next_poll_at, 0),
                              coalesce(last_checked_at, 0) + ?2 * 60) END
             WHERE id = ?1",
            params![
                id,
                settings.refresh_minutes,
                settings.notify,
                settings.keep_images
            ],
        )?;
        Ok(changed > 0)
    }

    pub fn set_full_text(&self, id: FeedId, full_text: bool, now: Timestamp) -> Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        let changed = tx.execute(
            "UPDATE feeds SET full_text = ?2 WHERE id = ?1",
            params![id, full_text],
        )?;
        if full_text {
            tx.execute(
                "INSERT INTO pending_work (article_id, kind, created_at, due_at)
                 SELECT id, 'read_page', ?2, ?2 FROM articles
                 WHERE feed_id = ?1 AND is_read = 0 AND url IS NOT NULL AND word_count IS NULL
                 ON CONFLICT (article_id, kind) DO NOTHING",
                params![id, now],
            )?;
        } else {
            tx.execute(
                "DELETE FROM pending_work WHERE kind = 'read_page'
                     AND article_id IN (SELECT id FROM articles WHERE feed_id = ?1)",
                [id],
            )?;
        }
        tx.commit()?;
        Ok(changed == 1)
    }

    /// Moves a feed into a folder, or to the top level with `None`.
    pub fn move_feed(&self, id: FeedId, folder: Option<FolderId>) -> Result<bool> {
        let changed = self.writer().execute(
            "UPDATE feeds SET folder_id = ?2 WHERE id = ?1",
            params![id, folder],
        )?;
        Ok(changed == 1)
    }

    /// Unsubscribes. Bookmarked, saved and tagged articles are kept (with the feed's title); the
    /// rest go.
    pub fn remove_feed(&self, id: FeedId) -> Result<()> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        remove_feed_in(&tx, id)?;
        tx.commit()?;
        Ok(())
    }
}

pub(super) fn remove_feed_in(tx: &Transaction, id: FeedId) -> rusqlite::Result<()> {
    tx.execute(
        &format!(
            "UPDATE articles AS a SET source_title =
                 (SELECT coalesce(custom_title, title) FROM feeds WHERE id = ?1)
             WHERE a.feed_id = ?1 AND {KEPT}"
        ),
        [id],
    )?;
    tx.execute(
        &format!(
            "DELETE FROM articles_fts WHERE rowid IN
                 (SELECT a.id FROM articles a WHERE a.feed_id = ?1 AND NOT {KEPT})"
        ),
        [id],
    )?;
    tx.execute(
        &format!("DELETE FROM articles AS a WHERE a.feed_id = ?1 AND NOT {KEPT}"),
        [id],
    )?;
    tx.execute("DELETE FROM feeds WHERE id = ?1", [id])?;
    Ok(())
}
