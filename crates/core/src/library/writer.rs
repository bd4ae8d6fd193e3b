//! One thread writes a refresh's results. Whatever has queued up while it was busy goes into a
//! single transaction: with dozens of feeds finishing at once, this turns a thousand commits
//! (each flushing the search index) into a few dozen.

use std::sync::Arc;
use std::sync::mpsc;

use tokio::sync::oneshot;

use crate::api::FeedId;
use crate::store::{FeedUpdate, PollRecord, PollWrite, Store, StoredCounts};
use crate::{Error, Result, Timestamp, now};

/// Most feeds written in one transaction, so progress keeps flowing on big refreshes.
const MAX_BATCH: usize = 64;

pub(super) enum Outcome {
    Updated(FeedUpdate, PollRecord),
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
    id: FeedId,
    outcome: Outcome,
    done: oneshot::Sender<Result<StoredCounts>>,
}

impl Job {
    fn as_write(&self) -> PollWrite<'_> {
        let id = self.id;
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
}

pub(super) struct BatchWriter {
    jobs: mpsc::Sender<Job>,
}

impl BatchWriter {
    /// Starts the writing thread; it ends when the writer is dropped and its queue is empty.
    pub fn start(store: Arc<Store>) -> BatchWriter {
        let (jobs, queue) = mpsc::channel();
        tokio::task::spawn_blocking(move || run(&store, &queue));
        BatchWriter { jobs }
    }

    pub async fn write(&self, id: FeedId, outcome: Outcome) -> Result<StoredCounts> {
        let (done, result) = oneshot::channel();
        self.jobs
            .send(Job { id, outcome, done })
            .map_err(|_| Error::Task("the refresh's writer stopped".to_string()))?;
        result
            .await
            .map_err(|_| Error::Task("the refresh's writer stopped".to_string()))?
    }
}

fn run(store: &Store, queue: &mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut jobs = vec![first];
        jobs.extend(queue.try_iter().take(MAX_BATCH - 1));
        let writes: Vec<PollWrite> = jobs.iter().map(Job::as_write).collect();
        match store.write_polls(&writes, now()) {
            Ok(results) => {
                for (job, result) in jobs.into_iter().zip(results) {
                    let _ = job.done.send(result);
                }
            }
            Err(error) => {
                let reason = error.to_string();
                tracing::error!(%reason, "could not store a batch of refresh results");
                for job in jobs {
                    let _ = job.done.send(Err(Error::Task(reason.clone())));
                }
            }
        }
    }
}
