//! Refreshing: every feed fetched concurrently, each stored in its own transaction, progress
//! reported as each one finishes, and a way to stop.

use futures::StreamExt;
use tokio::task::spawn_blocking;
use url::Url;

pub use tokio_util::sync::CancellationToken as CancelToken;

use super::{Library, ingest};
use crate::api::{FeedOutcome, RefreshProgress, RefreshSummary};
use crate::feeds;
use crate::fetch::FetchOutcome;
use crate::store::{FeedToRefresh, StoredCounts};
use crate::{Error, Result, now};

/// Feeds fetched at once. Most of a refresh is waiting on servers, so this can be well above the
/// number of cores.
const CONCURRENT_FEEDS: usize = 16;

impl Library {
    /// Refreshes every feed, calling `progress` after each. Cancelling stops new fetches at once
    /// and abandons those in flight; what already finished stays stored.
    pub async fn refresh_all(
        &self,
        progress: impl Fn(RefreshProgress),
        cancel: &CancelToken,
    ) -> Result<RefreshSummary> {
        let feeds = self.blocking(|s| s.feeds_to_refresh()).await?;
        let total = feeds.len() as u64;
        let mut summary = RefreshSummary::default();
        let mut results = futures::stream::iter(feeds)
            .map(|feed| async move {
                let outcome = tokio::select! {
                    outcome = self.refresh_feed(&feed) => Some(outcome),
                    () = cancel.cancelled() => None,
                };
                (feed, outcome)
            })
            .buffer_unordered(CONCURRENT_FEEDS);
        let mut done = 0;
        while let Some((feed, outcome)) = results.next().await {
            let Some(outcome) = outcome else {
                summary.cancelled = true;
                continue;
            };
            done += 1;
            match &outcome {
                FeedOutcome::Updated { new_articles, .. } => {
                    summary.updated += 1;
                    summary.new_articles += new_articles;
                }
                FeedOutcome::NotModified => summary.not_modified += 1,
                FeedOutcome::Failed { .. } => summary.failed += 1,
            }
            progress(RefreshProgress {
                done,
                total,
                feed_id: feed.id,
                feed_title: feed.title,
                outcome,
            });
        }
        if summary.updated > 0 {
            self.blocking(|s| s.optimize()).await?;
        }
        Ok(summary)
    }

    /// Fetches one feed and stores what changed. Failures are recorded on the feed, never
    /// returned: one broken feed must not stop a refresh.
    pub async fn refresh_feed(&self, feed: &FeedToRefresh) -> FeedOutcome {
        match self.try_refresh_feed(feed).await {
            Ok(None) => FeedOutcome::NotModified,
            Ok(Some(counts)) => FeedOutcome::Updated {
                new_articles: counts.inserted,
                updated_articles: counts.updated,
            },
            Err(error) => {
                let reason = error.to_string();
                tracing::warn!(feed_id = feed.id, url = feed.url, %reason, "refresh failed");
                let id = feed.id;
                let recorded = reason.clone();
                if let Err(e) = self
                    .blocking(move |s| s.record_feed_error(id, &recorded, now()))
                    .await
                {
                    tracing::error!(feed_id = id, error = %e, "could not record a refresh failure");
                }
                FeedOutcome::Failed { reason }
            }
        }
    }

    async fn try_refresh_feed(&self, feed: &FeedToRefresh) -> Result<Option<StoredCounts>> {
        let url = Url::parse(&feed.url).map_err(|e| crate::fetch::FetchError::InvalidUrl {
            input: feed.url.clone(),
            reason: e.to_string(),
        })?;
        let fetched = match self.fetcher.get(&url, &feed.validators).await? {
            FetchOutcome::NotModified => return Ok(None),
            FetchOutcome::Fetched(fetched) => fetched,
        };
        let store = std::sync::Arc::clone(&self.store);
        let id = feed.id;
        let counts = spawn_blocking(move || -> Result<StoredCounts> {
            let parsed = feeds::parse(&fetched.body, &fetched.final_url).map_err(Error::from)?;
            let update = ingest::prepare_update(parsed, fetched.validators);
            store.apply_feed_update(id, &update, now())
        })
        .await??;
        Ok(Some(counts))
    }
}
