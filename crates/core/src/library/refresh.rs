//! Refreshing: feeds fetched concurrently (within global and per-host limits), each stored in
//! its own transaction, progress reported as each one finishes, the schedule updated from what
//! every server said, and a way to stop.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use futures::StreamExt;
use tokio::sync::Semaphore;
use url::Url;

pub use tokio_util::sync::CancellationToken as CancelToken;

use super::writer::{BatchWriter, Outcome};
use super::{Library, background, ingest, schedule};
use crate::api::{
    ArticleAlert, FeedNews, FeedOutcome, RefreshProgress, RefreshScope, RefreshSummary,
};
use crate::feeds;
use crate::fetch::{FetchError, FetchOutcome, ResponseHints};
use crate::store::{FeedToRefresh, PollRecord};
use crate::{Error, Result, Timestamp, now};

/// How many feeds are fetched at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefreshLimits {
    /// Most of a refresh is waiting on servers, so this is well above the number of cores.
    pub concurrent_feeds: usize,
    /// Politeness towards one server hosting many feeds.
    pub per_host: usize,
}

impl Default for RefreshLimits {
    fn default() -> Self {
        RefreshLimits {
            concurrent_feeds: 32,
            per_host: 8,
        }
    }
}

impl Library {
    /// Refreshes the feeds in `scope`, calling `progress` after each. Cancelling stops new
    /// fetches at once and abandons those in flight; what already finished stays stored.
    pub async fn refresh(
        &self,
        scope: RefreshScope,
        progress: impl Fn(RefreshProgress),
        cancel: &CancelToken,
    ) -> Result<RefreshSummary> {
        let started = Instant::now();
        let interval = self.refresh_interval_secs().await?;
        let feeds = self
            .blocking(move |s| s.feeds_to_refresh(scope, now()))
            .await?;
        let total = feeds.len() as u64;
        let hosts = HostLimits::new(&feeds, self.limits.per_host);
        let (writer, mut stored) = BatchWriter::start(Arc::clone(&self.store));
        let reachability = Mutex::new(Reachability::default());
        let reach = &reachability;
        // Fetching and parsing run ahead of the database writes; the writer reports each feed
        // once it is stored, and that is when progress moves.
        let produce = async move {
            let writer = &writer;
            let hosts = &hosts;
            futures::stream::iter(interleave_hosts(feeds))
                .for_each_concurrent(self.limits.concurrent_feeds.max(1), |feed| async move {
                    let prepared = tokio::select! {
                        prepared = async {
                            let _permit = hosts.acquire(&feed.url).await;
                            self.fetch_and_prepare(&feed, feed.interval.unwrap_or(interval)).await
                        } => prepared,
                        () = cancel.cancelled() => return,
                    };
                    reach
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .note(&feed.url, &prepared);
                    let outcome = prepared.unwrap_or_else(|error| {
                        failure(&feed, feed.interval.unwrap_or(interval), &error)
                    });
                    writer.submit(feed, outcome).await;
                })
                .await;
        };
        let mut summary = RefreshSummary::default();
        let report = async {
            let mut done = 0;
            while let Some((feed, outcome)) = stored.recv().await {
                done += 1;
                match &outcome {
                    FeedOutcome::Updated {
                        new_articles,
                        notified,
                        ..
                    } => {
                        summary.updated += 1;
                        summary.new_articles += new_articles;
                        summary
                            .alerts
                            .extend(notified.iter().map(|title| ArticleAlert {
                                feed_title: feed.title.clone(),
                                title: title.clone(),
                            }));
                        if feed.notify && *new_articles > 0 {
                            summary.news.push(FeedNews {
                                feed_id: feed.id,
                                title: feed.title.clone(),
                                new_articles: *new_articles,
                            });
                        }
                    }
                    FeedOutcome::NotModified => summary.not_modified += 1,
                    FeedOutcome::Failed { .. } | FeedOutcome::Gone => summary.failed += 1,
                }
                progress(RefreshProgress {
                    done,
                    total,
                    feed_id: feed.id,
                    feed_title: feed.title,
                    outcome,
                });
            }
            done
        };
        let ((), done) = tokio::join!(produce, report);
        summary.cancelled = done < total;
        summary.offline = reachability
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
            .seems_offline();
        if summary.updated > 0 {
            self.blocking(|s| s.optimize()).await?;
        }
        summary.seconds = started.elapsed().as_secs_f64();
        Ok(summary)
    }

    /// Everything but the database write: fetch, then parse and sanitize on the background
    /// threads, below the writer's priority.
    async fn fetch_and_prepare(&self, feed: &FeedToRefresh, interval: i64) -> Result<Outcome> {
        let url = Url::parse(&feed.url).map_err(|e| FetchError::InvalidUrl {
            input: feed.url.clone(),
            reason: e.to_string(),
        })?;
        match self.fetcher.get(&url, &feed.validators).await? {
            FetchOutcome::NotModified(hints) => Ok(Outcome::NotModified(poll_record(
                feed,
                interval,
                &hints,
                feed.min_interval,
                now(),
            ))),
            FetchOutcome::Fetched(fetched) => {
                let for_poll = feed.clone();
                let reading = background::run_within(
                    "Reading the feed",
                    background::PARSE_DEADLINE,
                    move || -> Result<_> {
                        let parsed = feeds::parse(&fetched.body, &fetched.final_url)?;
                        let update = ingest::prepare_update(parsed, fetched.validators);
                        let poll =
                            poll_record(&for_poll, interval, &fetched.hints, update.ttl, now());
                        Ok((update, poll))
                    },
                );
                let (mut update, poll) = reading.await??;
                if feed.full_text {
                    self.read_full_articles(feed.id, &feed.url, &mut update)
                        .await;
                }
                Ok(Outcome::Updated(Box::new(update), poll))
            }
        }
    }
}

/// Whether a refresh reached any server, to tell "no network" from failing feeds.
#[derive(Debug, Default)]
struct Reachability {
    /// The servers (host and port) that were tried and never reached.
    unreached: HashSet<String>,
    reached_any: bool,
}

impl Reachability {
    fn note(&mut self, feed_url: &str, prepared: &Result<Outcome>) {
        match prepared {
            Err(Error::Fetch(error)) if error.is_unreachable() => {
                // The origin: one server per host and port.
                let server = Url::parse(feed_url).map_or_else(
                    |_| feed_url.to_string(),
                    |u| u.origin().ascii_serialization(),
                );
                self.unreached.insert(server);
            }
            _ => self.reached_any = true,
        }
    }

    /// Every server tried was out of reach, and there were at least two of them (one server
    /// being down is that server's problem).
    fn seems_offline(&self) -> bool {
        !self.reached_any && self.unreached.len() >= 2
    }
}

/// What a failed refresh records: the reason, and when to try again (backing off, and never
/// before the server's Retry-After). A 410 means the feed is gone for good.
fn failure(feed: &FeedToRefresh, interval: i64, error: &Error) -> Outcome {
    let reason = error.to_string();
    tracing::warn!(feed_id = feed.id, url = feed.url, %reason, "refresh failed");
    let fetch_error = match error {
        Error::Fetch(e) => Some(e),
        _ => None,
    };
    if fetch_error.and_then(FetchError::status_code) == Some(410) {
        return Outcome::Gone { reason };
    }
    let retry_after = match fetch_error {
        Some(FetchError::RetryLater { after, .. }) => Some(after.as_secs() as i64),
        _ => None,
    };
    let next_poll_at = schedule::after_failure(
        now(),
        interval,
        feed.failure_count + 1,
        retry_after,
        feed.id,
    );
    Outcome::Failed {
        reason,
        next_poll_at,
    }
}

/// The schedule after the server answered: the longest of what the server (max-age) and the
/// feed (ttl) asked for governs the next poll.
fn poll_record(
    feed: &FeedToRefresh,
    interval: i64,
    hints: &ResponseHints,
    feed_min_interval: Option<i64>,
    now: Timestamp,
) -> PollRecord {
    let max_age = hints.max_age.map(|d| d.as_secs() as i64);
    let min_interval = max_age.max(feed_min_interval);
    PollRecord {
        next_poll_at: schedule::after_success(
            now,
            interval,
            min_interval,
            &feed.skip_hours,
            feed.id,
        ),
        min_interval,
        moved_to: hints.moved_to.as_ref().map(Url::to_string),
    }
}

/// One semaphore per host, so a site with many feeds gets a few requests at a time.
struct HostLimits(HashMap<String, Semaphore>);

impl HostLimits {
    fn new(feeds: &[FeedToRefresh], per_host: usize) -> HostLimits {
        HostLimits(
            feeds
                .iter()
                .map(|f| (host_of(&f.url), Semaphore::new(per_host.max(1))))
                .collect(),
        )
    }

    async fn acquire(&self, url: &str) -> Option<tokio::sync::SemaphorePermit<'_>> {
        self.0.get(&host_of(url))?.acquire().await.ok()
    }
}

fn host_of(url: &str) -> String {
    Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default()
}

/// Orders feeds round-robin by host, so that one host's queue doesn't hold up everyone else's.
fn interleave_hosts(feeds: Vec<FeedToRefresh>) -> Vec<FeedToRefresh> {
    let total = feeds.len();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut queues: Vec<std::collections::VecDeque<FeedToRefresh>> = Vec::new();
    for feed in feeds {
        let slot = *index.entry(host_of(&feed.url)).or_insert_with(|| {
            queues.push(Default::default());
            queues.len() - 1
        });
        queues[slot].push_back(feed);
    }
    let mut ordered = Vec::with_capacity(total);
    while ordered.len() < total {
        for queue in &mut queues {
            ordered.extend(queue.pop_front());
        }
    }
    ordered
}
