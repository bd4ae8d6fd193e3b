//! Feed icons: where each feed's icon may be found, and the icon found (or that none was), with
//! when it was looked for, so that each feed is looked at again weekly and no more often.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::api::FeedId;
use crate::media::Image;
use crate::{Result, Timestamp};

/// Where a feed's icon may be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IconSources {
    pub feed_id: FeedId,
    pub feed_url: String,
    pub site_url: Option<String>,
    /// The picture the feed names for itself.
    pub icon_url: Option<String>,
}

impl Store {
    /// Feeds whose icon was never looked for, or last looked for before `looked_before`; those
    /// never looked at first, at most `limit`.
    pub fn icons_due(&self, looked_before: Timestamp, limit: usize) -> Result<Vec<IconSources>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT f.id, f.url, f.site_url, f.icon_url FROM feeds f
             LEFT JOIN feed_icons i ON i.feed_id = f.id
             WHERE i.fetched_at IS NULL OR i.fetched_at < ?1
             ORDER BY i.fetched_at IS NOT NULL, i.fetched_at, f.id LIMIT ?2",
        )?;
        let due = stmt
            .query_map(params![looked_before, limit as i64], |row| {
                Ok(IconSources {
                    feed_id: row.get(0)?,
                    feed_url: row.get(1)?,
                    site_url: row.get(2)?,
                    icon_url: row.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(due)
    }

    /// Keeps what looking for `feed`'s icon found: the icon and where it came from, or `None`
    /// for none (a letter stands in for it until the next look). A feed removed meanwhile is
    /// left alone.
    pub fn set_feed_icon(
        &self,
        feed: FeedId,
        found: Option<(&Image, &str)>,
        now: Timestamp,
    ) -> Result<()> {
        self.writer().execute(
            "INSERT INTO feed_icons (feed_id, mime_type, bytes, source, fetched_at)
             SELECT id, ?2, ?3, ?4, ?5 FROM feeds WHERE id = ?1
             ON CONFLICT (feed_id) DO UPDATE SET mime_type = excluded.mime_type,
                 bytes = excluded.bytes, source = excluded.source,
                 fetched_at = excluded.fetched_at",
            params![
                feed,
                found.map(|(image, _)| &image.mime_type),
                found.map(|(image, _)| &image.bytes),
                found.map(|(_, source)| source),
                now,
            ],
        )?;
        Ok(())
    }

    /// The icon kept for `feed`, if one was found.
    pub fn feed_icon(&self, feed: FeedId) -> Result<Option<Image>> {
        let conn = self.reader();
        let icon = conn
            .prepare_cached(
                "SELECT mime_type, bytes FROM feed_icons
                 WHERE feed_id = ?1 AND bytes IS NOT NULL",
            )?
            .query_row([feed], |row| {
                Ok(Image {
                    mime_type: row.get(0)?,
                    bytes: row.get(1)?,
                })
            })
            .optional()?;
        Ok(icon)
    }
}
