//! When accounts sync without being asked: at start, every refresh interval, and a few seconds
//! after a change made here waits in an outbox (so a phone sees it soon). A failed sync (no
//! network, a server away) is tried again after 30 s, doubling to 15 min; changes wait in the
//! outbox meanwhile, across restarts.

use std::time::Duration;

use super::Library;

/// How long after a change the sync waits for more (reading through a list marks one after
/// another).
const SETTLE: Duration = Duration::from_secs(3);
const FIRST_RETRY: Duration = Duration::from_secs(30);
const LONGEST_RETRY: Duration = Duration::from_secs(15 * 60);

impl Library {
    /// Runs until the task is dropped; each sync is reported as it ends.
    pub async fn run_sync_schedule(&self) {
        let mut failures: u32 = 0;
        loop {
            let failed = match self.sync_all().await {
                Ok(summaries) => summaries.iter().any(|s| s.error.is_some()),
                Err(error) => {
                    tracing::warn!(%error, "accounts could not be synced");
                    true
                }
            };
            failures = if failed {
                failures.saturating_add(1)
            } else {
                0
            };
            let nap = if failures > 0 {
                FIRST_RETRY
                    .saturating_mul(1 << (failures - 1).min(5))
                    .min(LONGEST_RETRY)
            } else {
                let minutes = self
                    .settings()
                    .await
                    .map(|s| s.refresh_interval_minutes)
                    .unwrap_or(30);
                Duration::from_secs(minutes.max(1) as u64 * 60)
            };
            tokio::select! {
                () = tokio::time::sleep(nap) => {}
                () = self.sync_wanted.notified() => tokio::time::sleep(SETTLE).await,
            }
        }
    }

    /// A change that may be waiting in an outbox: the schedule syncs soon.
    pub(super) fn outbox_may_have_changed(&self) {
        self.sync_wanted.notify_one();
    }
}
