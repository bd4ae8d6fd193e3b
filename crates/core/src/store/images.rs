//! Images kept for offline reading, stored by content hash in the database itself: one file to
//! back up, written in the same transactions as everything else, and an image shared by many
//! articles stored once.

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::Store;
use crate::media::Image;
use crate::{Result, Timestamp};

/// What is known about an image address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageSource {
    Stored(Image),
    /// Fetching it failed; the reason is kept so it isn't retried on every view.
    Failed(String),
}

impl Store {
    pub fn image_source(&self, url: &str) -> Result<Option<ImageSource>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT s.error, i.mime_type, i.bytes FROM image_sources s
             LEFT JOIN images i ON i.hash = s.hash WHERE s.url = ?1",
        )?;
        let found = stmt
            .query_row([url], |row| {
                let error: Option<String> = row.get(0)?;
                let mime_type: Option<String> = row.get(1)?;
                let bytes: Option<Vec<u8>> = row.get(2)?;
                Ok(match (error, mime_type, bytes) {
                    (_, Some(mime_type), Some(bytes)) => {
                        ImageSource::Stored(Image { mime_type, bytes })
                    }
                    (error, _, _) => ImageSource::Failed(error.unwrap_or_default()),
                })
            })
            .optional()?;
        Ok(found)
    }

    pub fn store_image(&self, url: &str, image: &Image, now: Timestamp) -> Result<()> {
        let hash = Sha256::digest(&image.bytes).to_vec();
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO images (hash, mime_type, bytes, stored_at) VALUES (?1, ?2, ?3, ?4)",
            params![hash, image.mime_type, image.bytes, now],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO image_sources (url, hash, error, fetched_at)
             VALUES (?1, ?2, NULL, ?3)",
            params![url, hash, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn record_image_failure(&self, url: &str, reason: &str, now: Timestamp) -> Result<()> {
        self.writer().execute(
            "INSERT OR REPLACE INTO image_sources (url, hash, error, fetched_at)
             VALUES (?1, NULL, ?2, ?3)",
            params![url, reason, now],
        )?;
        Ok(())
    }

    /// Articles that arrived from feeds at or after `since`: of every feed, or of those whose
    /// pictures are kept.
    pub fn articles_first_seen_since(
        &self,
        since: Timestamp,
        every_feed: bool,
    ) -> Result<Vec<crate::api::ArticleId>> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id
             WHERE a.first_seen_at >= ?1 AND (?2 OR f.keep_images = 1) ORDER BY a.id",
        )?;
        let ids = stmt
            .query_map(rusqlite::params![since, every_feed], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// What an article's images need: its HTML and lead image.
    pub fn article_images_source(
        &self,
        id: crate::api::ArticleId,
    ) -> Result<Option<(String, Option<String>)>> {
        Ok(self
            .reader()
            .query_row(
                "SELECT coalesce(b.html, ''), a.lead_image
                 FROM articles a LEFT JOIN article_bodies b ON b.article_id = a.id
                 WHERE a.id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }

    /// Where an article's content came from: its feed's address, or for a saved page (or an
    /// article whose feed was removed) its own.
    pub fn article_origin(&self, id: crate::api::ArticleId) -> Result<Option<String>> {
        Ok(self
            .reader()
            .query_row(
                "SELECT COALESCE(f.url, a.url) FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
                 WHERE a.id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .flatten())
    }
}
