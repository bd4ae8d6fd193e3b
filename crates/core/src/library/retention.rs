//! Keeping the database to a size: read articles go after a configurable number of days.

use super::{Library, settings};
use crate::{Result, now};

impl Library {
    /// Removes read, unbookmarked articles older than the "keep read articles" setting (default
    /// 90 days). Runs in small batches off the UI's path; returns how many were removed.
    pub async fn apply_retention(&self) -> Result<usize> {
        let days = self
            .setting_number(settings::KEEP_READ_DAYS, settings::DEFAULT_KEEP_READ_DAYS)
            .await?;
        let now = now();
        let older_than = now - days.max(1) * 86_400;
        let removed = self
            .blocking(move |s| s.prune_read_articles(older_than, now))
            .await?;
        if removed > 0 {
            tracing::info!(removed, days, "retention removed read articles");
        }
        Ok(removed)
    }
}
