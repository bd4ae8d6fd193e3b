//! The CPU-heavy part of refreshing (parsing feeds, sanitizing their articles) runs on a few
//! threads of its own at a lower priority than the rest of the process.
//!
//! Why: a refresh is a pipeline with one narrow point, the thread that writes to the database
//! (SQLite has one writer). When a dozen parsing threads compete with it for two cores, it gets
//! well under a core and everything queues behind it (measured: the writer was the only thread
//! running for a third of a 1,000-feed refresh). Below it in priority, parsing uses whatever the
//! writer leaves, and both cores stay busy. It also keeps a background refresh out of the way of
//! whatever the person is doing, in this app or another.
//!
//! Priorities are per thread on Linux only; elsewhere these threads run at normal priority.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

use crate::{Error, Result};

/// How much lower than the rest of the process: enough that the writer wins a core whenever it
/// wants one. (Elsewhere the threads keep the process's priority.)
#[cfg(target_os = "linux")]
const NICENESS: i32 = 10;

type Job = Box<dyn FnOnce() + Send>;

/// Runs `work` on a low-priority thread and waits for it without blocking the async runtime.
pub(super) async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        // Nobody waits for it any more (a cancelled refresh): skip the work.
        if done.is_closed() {
            return;
        }
        let _ = done.send(catch_unwind(AssertUnwindSafe(work)));
    });
    pool()
        .send(job)
        .map_err(|_| Error::Task("the background threads have stopped".into()))?;
    match result.await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(_)) => Err(Error::Task("a background task panicked".into())),
        Err(_) => Err(Error::Task("a background task was dropped".into())),
    }
}

/// One thread per core: the work is CPU-bound, so more would only take turns.
fn pool() -> &'static Sender<Job> {
    static POOL: OnceLock<Sender<Job>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        for index in 0..threads {
            let queue = Arc::clone(&queue);
            let spawned = std::thread::Builder::new()
                .name(format!("tidings-background-{index}"))
                .spawn(move || work_through(&queue));
            if let Err(error) = spawned {
                tracing::error!(%error, "could not start a background thread");
            }
        }
        jobs
    })
}

fn work_through(queue: &Mutex<Receiver<Job>>) {
    lower_this_threads_priority();
    loop {
        // The lock is held only while waiting for the next job, never while running one.
        let next = queue.lock().map(|queue| queue.recv());
        match next {
            Ok(Ok(job)) => job(),
            _ => return,
        }
    }
}

#[cfg(target_os = "linux")]
fn lower_this_threads_priority() {
    // On Linux a "process" id of 0 here means the calling thread (see setpriority(2)). Relative
    // to the process's own niceness: someone who started Tidings with `nice` meant it.
    // SAFETY: getpriority and setpriority have no memory-safety preconditions.
    let failed = unsafe {
        let current = libc::getpriority(libc::PRIO_PROCESS, 0);
        libc::setpriority(libc::PRIO_PROCESS, 0, (current + NICENESS).min(19))
    } != 0;
    if failed {
        let error = std::io::Error::last_os_error();
        tracing::warn!(%error, "could not lower a background thread's priority");
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_this_threads_priority() {}

#[cfg(test)]
#[path = "tests/background.rs"]
mod tests;
