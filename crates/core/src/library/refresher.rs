//! One refresh at a time, for everyone: the person's "refresh" and the background schedule share
//! it, so pressing refresh during a scheduled run joins that run instead of starting another.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{CancelToken, Library};
use crate::api::{AppEvent, RefreshScope, RefreshSummary};
use crate::{Result, now};

/// The longest the schedule sleeps before looking again (new feeds, changed settings and a
/// machine waking from sleep are all noticed within this).
const MAX_NAP: Duration = Duration::from_secs(60);

pub struct Refresher {
    library: Library,
    running: Mutex<Option<CancelToken>>,
}

impl Refresher {
    pub fn new(library: Library) -> Arc<Refresher> {
        Arc::new(Refresher {
            library,
            running: Mutex::new(None),
        })
    }

    /// Refreshes `scope`, reporting its progress, unless a refresh is already running (then
    /// returns `None`).
    async fn refresh(&self, scope: RefreshScope) -> Option<Result<RefreshSummary>> {
        let progress = |p| self.library.report(AppEvent::RefreshProgress(p));
        let cancel = {
            let mut running = self.lock();
            if running.is_some() {
                return None;
            }
            let cancel = CancelToken::new();
            *running = Some(cancel.clone());
            cancel
        };
        let started = crate::now();
        let result = self.library.refresh(scope, progress, &cancel).await;
        self.lock().take();
        if result
            .as_ref()
            .is_ok_and(|s| s.updated + s.not_modified > 0)
        {
            // A feed answered: work put off for want of a network need not wait its turn.
            self.library.network_is_back().await;
            self.library.look_for_icons_soon();
        }
        if result.as_ref().is_ok_and(|s| s.new_articles > 0) {
            let library = self.library.clone();
            // Images for offline reading come after the articles, without holding up the refresh.
            tokio::spawn(async move {
                if let Err(error) = library.keep_images_of_new_articles(started).await {
                    tracing::warn!(%error, "could not keep the images of new articles");
                }
            });
        }
        Some(result)
    }

    /// Starts refreshing `scope` in the background unless a refresh is already running; its
    /// progress and its end are reported.
    pub fn start(self: &Arc<Self>, scope: RefreshScope) {
        let refresher = Arc::clone(self);
        tokio::spawn(async move {
            if let Some(result) = refresher.refresh(scope).await {
                refresher.report_end(&result);
            }
        });
    }

    fn report_end(&self, result: &Result<RefreshSummary>) {
        self.library.report(match result {
            Ok(summary) => AppEvent::RefreshFinished(summary.clone()),
            Err(error) => {
                tracing::warn!(%error, "refresh failed");
                AppEvent::RefreshFailed(error.to_user())
            }
        });
    }

    /// Stops the refresh in progress, if any; what finished stays stored.
    pub fn cancel(&self) {
        if let Some(cancel) = self.lock().as_ref() {
            cancel.cancel();
        }
    }

    /// The background schedule: whenever feeds are due, refreshes them, then applies retention.
    /// Runs until the task is dropped, reporting each scheduled refresh that ran; `finished`
    /// hears of those that succeeded.
    pub async fn run_schedule(&self, finished: impl Fn(&RefreshSummary)) {
        loop {
            let next = self.library.next_poll_at().await.ok().flatten();
            let nap = next.map_or(MAX_NAP, |at| {
                Duration::from_secs(at.saturating_sub(now()).max(0) as u64).min(MAX_NAP)
            });
            if !nap.is_zero() {
                tokio::select! {
                    () = tokio::time::sleep(nap) => {}
                    () = self.library.schedule_changed.notified() => {}
                }
                continue;
            }
            match self.refresh(RefreshScope::Due).await {
                Some(Ok(summary)) => {
                    if summary.updated + summary.not_modified + summary.failed > 0 {
                        if let Err(error) = self.library.apply_retention().await {
                            tracing::warn!(%error, "retention failed");
                        }
                        finished(&summary);
                        self.report_end(&Ok(summary));
                    }
                }
                Some(Err(error)) => {
                    self.report_end(&Err(error));
                    // Don't spin on a database that keeps failing.
                    tokio::time::sleep(MAX_NAP).await;
                }
                // Someone else's refresh is running; look again once it has had time to finish.
                None => tokio::time::sleep(Duration::from_secs(1)).await,
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<CancelToken>> {
        self.running.lock().unwrap_or_else(|p| p.into_inner())
    }
}
