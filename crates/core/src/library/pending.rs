//! Doing the work people asked for that needs the network, kept in the database until it is done
//! (store/pending.rs): keeping a bookmarked or saved article's pictures, reading a page that was
//! saved while it could not be reached, reading articles in full that were stored before.
//!
//! Work that cannot finish for want of a network is put off and tried again by itself, less
//! often the longer it fails (30 s, 1 min, 2 min … then every 15 min), and at once when the
//! network is seen to be back: at start, and after a refresh reached a feed. After two weeks of
//! failing it is given up, and what it kept stays kept.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::Library;
use crate::api::{AppEvent, ArticleId, WorkReport};
use crate::store::{TakenWork, WorkKind};
use crate::{Error, Result, Timestamp, now};

/// Pieces of work taken at once.
const BATCH: u32 = 8;
/// How long taken work stays taken: a crash while doing it delays it no longer than this.
const HELD_FOR: Timestamp = 10 * 60;
const FIRST_RETRY: Timestamp = 30;
const LONGEST_RETRY: Timestamp = 15 * 60;
const GIVE_UP_AFTER: Timestamp = 14 * 24 * 60 * 60;
/// The longest the worker sleeps before looking again (the clock may have jumped).
const MAX_NAP: Duration = Duration::from_secs(60);

/// Wakes whoever does the work when some is asked for. Shared by every clone of a library.
pub(super) type WorkWanted = Arc<Notify>;

/// When work that failed `attempts` times before this failure is tried again.
fn retry_delay(attempts: u32) -> Timestamp {
    FIRST_RETRY
        .saturating_mul(1 << attempts.min(16))
        .min(LONGEST_RETRY)
}

/// How one attempt ended.
pub(super) enum Attempt {
    Done(Option<WorkReport>),
    /// Could not finish for now; what to report if it is given up.
    Waiting {
        reason: String,
        if_given_up: Option<WorkReport>,
    },
}

impl Library {
    /// Does all work that is due now, telling `report` what became of each piece.
    pub async fn do_due_work(&self, report: &impl Fn(WorkReport)) -> Result<()> {
        self.do_due_work_on(None, report).await
    }

    /// Does the work due now on the given articles only: what a command just asked for. The
    /// CLI does this before it exits; what cannot be done for now stays asked for, and the app
    /// (or a later command) does it.
    pub async fn do_work_on(
        &self,
        articles: &[ArticleId],
        report: &impl Fn(WorkReport),
    ) -> Result<()> {
        for &article in articles {
            self.do_due_work_on(Some(article), report).await?;
        }
        Ok(())
    }

    async fn do_due_work_on(
        &self,
        only: Option<ArticleId>,
        report: &impl Fn(WorkReport),
    ) -> Result<()> {
        // Until none is left: work done can ask for more (a page read asks for its pictures).
        loop {
            let at = now();
            let batch = self
                .blocking(move |s| s.take_due_work(at, at + HELD_FOR, BATCH, only))
                .await?;
            if batch.is_empty() {
                return Ok(());
            }
            for work in batch {
                self.do_one(work, report).await?;
            }
        }
    }

    /// Does the work people ask for, as they ask for it and as it comes due, until the task is
    /// dropped, reporting how each went. Everything pending is tried at once first: a restart is
    /// a person trying again.
    pub async fn do_work_as_asked(&self) {
        let report = |r| self.report(AppEvent::WorkReport(r));
        self.network_is_back().await;
        loop {
            if let Err(error) = self.do_due_work(&report).await {
                tracing::warn!(%error, "pending work failed");
            }
            let next = self.blocking(|s| s.next_work_due()).await.ok().flatten();
            let nap = next.map_or(MAX_NAP, |at| {
                Duration::from_secs(at.saturating_sub(now()).max(0) as u64).min(MAX_NAP)
            });
            tokio::select! {
                () = tokio::time::sleep(nap) => {}
                () = self.work_wanted.notified() => {}
            }
        }
    }

    /// Makes all work waiting for the network due now (something just reached the network).
    pub(super) async fn network_is_back(&self) {
        match self.blocking(|s| s.make_all_work_due(now())).await {
            Ok(()) => self.work_wanted.notify_one(),
            Err(error) => tracing::warn!(%error, "could not retry pending work"),
        }
    }

    /// Tells whoever does the work that some was asked for.
    pub(super) fn work_asked_for(&self) {
        self.work_wanted.notify_one();
    }

    async fn do_one(&self, work: TakenWork, report: &impl Fn(WorkReport)) -> Result<()> {
        let TakenWork {
            article_id,
            kind,
            attempts,
            created_at,
        } = work;
        let attempt = match kind {
            WorkKind::KeepImages => self.keep_images_as_asked(article_id).await,
            WorkKind::ReadPage => self.read_article_page(article_id).await,
        };
        let attempt = match attempt {
            // The article was deleted meanwhile: nothing left to do.
            Err(Error::NotFound(_)) => Attempt::Done(None),
            Err(error) => Attempt::Waiting {
                reason: error.to_string(),
                if_given_up: None,
            },
            Ok(Attempt::Waiting { if_given_up, .. }) if now() - created_at > GIVE_UP_AFTER => {
                tracing::warn!(article_id, ?kind, "pending work given up after two weeks");
                Attempt::Done(if_given_up)
            }
            Ok(attempt) => attempt,
        };
        match attempt {
            Attempt::Done(done) => {
                self.blocking(move |s| s.finish_work(article_id, kind))
                    .await?;
                if let Some(done) = done {
                    report(done);
                }
            }
            Attempt::Waiting { reason, .. } => {
                tracing::info!(article_id, ?kind, %reason, "pending work put off");
                let due = now() + retry_delay(attempts);
                let why = reason.clone();
                self.blocking(move |s| s.put_off_work(article_id, kind, due, &why))
                    .await?;
                report(WorkReport::WaitingForNetwork { article_id, reason });
            }
        }
        Ok(())
    }

    /// Keeps an article's pictures; done unless some could not be fetched for now.
    async fn keep_images_as_asked(&self, article_id: ArticleId) -> Result<Attempt> {
        let (kept, waiting_because) = self.keep_images_noting(article_id).await?;
        let done = WorkReport::ImagesKept { article_id, kept };
        Ok(match waiting_because {
            Some(reason) => Attempt::Waiting {
                reason,
                if_given_up: Some(done),
            },
            None => Attempt::Done(Some(done)),
        })
    }
}

#[cfg(test)]
#[path = "tests/pending.rs"]
mod tests;
