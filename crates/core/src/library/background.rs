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
//!
//! Work on what a server sent can be given a deadline ([`run_within`]): a parse that never ends
//! (a parser's bug met by a hostile feed) is given up on, its feed gets an error saying so, and
//! a new thread takes the stuck one's place, so the pool never shrinks; the stuck thread leaves
//! the pool if its job ever ends.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crate::{Error, Result};

/// How much lower than the rest of the process: enough that the writer wins a core whenever it
/// wants one. (Elsewhere the threads keep the process's priority.)
#[cfg(target_os = "linux")]
const NICENESS: i32 = 10;

/// The longest reading one feed (parsing and sanitizing it) may take: far beyond any real feed
/// within the fetch's 10 MiB, even on a busy machine.
pub(super) const PARSE_DEADLINE: Duration = Duration::from_secs(30);
/// The longest reading one page in reader mode may take (the extractor's own caps keep a page
/// under a quarter of a second).
pub(super) const EXTRACT_DEADLINE: Duration = Duration::from_secs(20);

/// Runs `work` on one of the runtime's blocking threads (for work a person waits for, which
/// must not queue behind a refresh's), giving up after `deadline` as [`run_within`] does; the
/// runtime starts another thread for the next work while a stuck one never ends.
pub(super) async fn blocking_within<T: Send + 'static>(
    what: &str,
    deadline: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    match tokio::time::timeout(deadline, tokio::task::spawn_blocking(work)).await {
        Ok(done) => Ok(done?),
        Err(_) => Err(Error::TooSlow {
            what: what.to_string(),
            seconds: deadline.as_secs(),
        }),
    }
}

/// A job, which answers whether its thread should leave the pool (one took its place).
type Job = Box<dyn FnOnce() -> Leave + Send>;
type Leave = bool;

/// Runs `work` on a low-priority thread and waits for it without blocking the async runtime,
/// giving up after `deadline`: the answer is then [`Error::TooSlow`] naming `what`.
pub(super) async fn run_within<T: Send + 'static>(
    what: &str,
    deadline: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    run_until(work, Some(deadline))
        .await
        .map_err(|error| match error {
            Error::TooSlow { seconds, .. } => Error::TooSlow {
                what: what.to_string(),
                seconds,
            },
            other => other,
        })
}

/// [`run_within`], or with no deadline (`None`).
async fn run_until<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    deadline: Option<Duration>,
) -> Result<T> {
    let (done, result) = tokio::sync::oneshot::channel();
    let replaced = Arc::new(AtomicBool::new(false));
    let job: Job = Box::new({
        let replaced = Arc::clone(&replaced);
        move || {
            // Nobody waits for it any more (a cancelled refresh): skip the work.
            if !done.is_closed() {
                let _ = done.send(catch_unwind(AssertUnwindSafe(work)));
            }
            replaced.load(Ordering::Acquire)
        }
    });
    pool()
        .send(job)
        .map_err(|_| Error::Task("the background threads have stopped".into()))?;
    let answer = match deadline {
        None => result.await,
        Some(deadline) => match tokio::time::timeout(deadline, result).await {
            Ok(answer) => answer,
            Err(_) => {
                // It may still be queued, or stuck on a thread: either way a new thread keeps
                // the pool its size, and the job's own leaves when (if) it ends.
                replaced.store(true, Ordering::Release);
                add_thread(&queue());
                return Err(Error::TooSlow {
                    what: "the work".into(),
                    seconds: deadline.as_secs(),
                });
            }
        },
    };
    match answer {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(_)) => Err(Error::Task("a background task panicked".into())),
        Err(_) => Err(Error::Task("a background task was dropped".into())),
    }
}

type Queue = Arc<Mutex<Receiver<Job>>>;

/// One thread per core: the work is CPU-bound, so more would only take turns.
fn pool() -> &'static Sender<Job> {
    &shared().0
}

fn queue() -> Queue {
    Arc::clone(&shared().1)
}

fn shared() -> &'static (Sender<Job>, Queue) {
    static POOL: OnceLock<(Sender<Job>, Queue)> = OnceLock::new();
    POOL.get_or_init(|| {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        for _ in 0..threads {
            add_thread(&queue);
        }
        (jobs, queue)
    })
}

fn add_thread(queue: &Queue) {
    static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let index = STARTED.fetch_add(1, Ordering::Relaxed);
    let queue = Arc::clone(queue);
    let spawned = std::thread::Builder::new()
        .name(format!("tidings-background-{index}"))
        .spawn(move || work_through(&queue));
    if let Err(error) = spawned {
        tracing::error!(%error, "could not start a background thread");
    }
}

fn work_through(queue: &Mutex<Receiver<Job>>) {
    lower_this_threads_priority();
    loop {
        // The lock is held only while waiting for the next job, never while running one.
        let next = queue.lock().map(|queue| queue.recv());
        match next {
            Ok(Ok(job)) => {
                if job() {
                    return;
                }
            }
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
