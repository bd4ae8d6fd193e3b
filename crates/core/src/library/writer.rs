//! One thread writes a refresh's results while fetching and parsing go on. Whatever has queued
//! up while it was busy goes into a single transaction: with dozens of feeds finishing at once,
//! this turns a thousand commits (each flushing the search index) into a few dozen. Each result
//! is reported once it is stored.

use std::sync::Arc;

use tokio::sync::mpsc;

use crate::api::FeedOutcome;
use crate::store::{FeedToRefresh, FeedUpdate, PollRecord, PollWrite, Store, StoredCounts};
use crate::{Result, Timestamp, now};

/// Most feeds written in one transaction, so progress keeps flowing on big refreshes.
const MAX_BATCH: usize = 64;
/// Prepared feeds waiting to be written; beyond this, fetching waits (bounding memory).
const QUEUE: usize = 32;

pub(super) enum Outcome {
    /// Boxed: a feed's update is far bigger than the other outcomes.
    Updated(Box<FeedUpdate>, PollRecord),
    NotModified(PollRecord),
    Failed {
        reason: String,
        next_poll_at: Timestamp,
    },
    Gone {
        reason: String,
    },
}

struct Job {
    feed: FeedToRefresh,
    outcome: Outcome,
}

impl Job {
    fn as_write(&self) -> PollWrite<'_> {
        let id = self.feed.id;
        match &self.outcome {
            Outcome::Updated(update, poll) => PollWrite::Updated { id, update, poll },
            Outcome::NotModified(poll) => PollWrite::NotModified { id, poll },
            Outcome::Failed {
                reason,
                next_poll_at,
            } => PollWrite::Failed {
                id,
                reason,
                next_poll_at: *next_poll_at,
            },
            Outcome::Gone { reason } => PollWrite::Gone { id, reason },
        }
    }

    /// What the person is told about this feed, once its write went through (or didn't).
    fn report(self, stored: Result<StoredCounts>) -> (FeedToRefresh, FeedOutcome) {
        let outcome = match (stored, self.outcome) {
            (Err(error), _) => {
                tracing::error!(feed_id = self.feed.id, %error, "could not store a refresh result");
                FeedOutcome::Failed {
                    reason: error.to_string(),
                }
            }
            (Ok(counts), Outcome::Updated(..)) => FeedOutcome::Updated {
                new_articles: counts.inserted,
                updated_articles: counts.updated,
                notified: counts.alerts,
            },
            (Ok(_), Outcome::NotModified(_)) => FeedOutcome::NotModified,
            (Ok(_), Outcome::Failed { reason, .. }) => FeedOutcome::Failed { reason },
            (Ok(_), Outcome::Gone { .. }) => FeedOutcome::Gone,
        };
        (self.feed, outcome)
    }
}

pub(super) struct BatchWriter {
    jobs: mpsc::Sender<Job>,
}

impl BatchWriter {
    /// Starts the writing thread. It stops once the writer is dropped and its queue is drained;
    /// then the returned receiver, which hears of every stored result, closes.
    pub fn start(
        store: Arc<Store>,
    ) -> (
        BatchWriter,
        mpsc::UnboundedReceiver<(FeedToRefresh, FeedOutcome)>,
    ) {
        let (jobs, queue) = mpsc::channel(QUEUE);
        let (reports, stored) = mpsc::unbounded_channel();
        tokio::task::spawn_blocking(move || run(&store, queue, &reports));
        (BatchWriter { jobs }, stored)
    }

    /// Queues a feed's result for writing; waits only when the queue is full.
    pub async fn submit(&self, feed: FeedToRefresh, outcome: Outcome) {
        if self.jobs.send(Job { feed, outcome }).await.is_err() {
            tracing::error!("the refresh's writer stopped early");
        }
    }
}

fn run(
    store: &Store,
    mut queue: mpsc::Receiver<Job>,
    reports: &mpsc::UnboundedSender<(FeedToRefresh, FeedOutcome)>,
) {
    while let Some(first) = queue.blocking_recv() {
        let mut jobs = vec![first];
        while jobs.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let writes: Vec<PollWrite> = jobs.iter().map(Job::as_write).collect();
        let results = match store.write_polls(&writes, now()) {
            Ok(results) => results,
            Err(error) => {
                let reason = error.to_string();
                jobs.iter()
                    .map(|_| Err(crate::Error::Task(reason.clone())))
                    .collect()
            }
        };
        for (job, result) in jobs.into_iter().zip(results) {
            let _ = reports.send(job.report(result));
        }
    }
}
