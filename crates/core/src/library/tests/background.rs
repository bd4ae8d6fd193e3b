use super::*;

/// Work with no deadline.
async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    run_until(work, None).await
}

#[tokio::test]
async fn work_runs_and_a_panic_is_an_error_not_a_lost_thread() {
    assert_eq!(run(|| 6 * 7).await.unwrap(), 42);
    let panicked = run(|| -> u8 { panic!("a hostile feed") }).await;
    assert!(matches!(panicked, Err(Error::Task(_))), "{panicked:?}");
    // The threads survive a panic: more work than there are threads still gets done.
    for n in 0..16 {
        assert_eq!(run(move || n + 1).await.unwrap(), n + 1);
    }
}

/// The tests that count the pool's threads run one at a time.
static COUNTING_THREADS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test]
async fn work_nobody_waits_for_any_more_is_skipped() {
    let _alone = COUNTING_THREADS.lock().await;
    use std::sync::atomic::{AtomicBool, Ordering};
    // Hold every thread, so that the next job waits in the queue.
    let (release, held) = channel::<()>();
    let held = Arc::new(Mutex::new(held));
    let (started, all_started) = channel();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    for _ in 0..threads {
        let held = Arc::clone(&held);
        let started = started.clone();
        let hold: Job = Box::new(move || {
            started.send(()).unwrap();
            held.lock().unwrap().recv().unwrap();
            false
        });
        pool().send(hold).unwrap();
    }
    for _ in 0..threads {
        all_started.recv().unwrap();
    }
    let ran = Arc::new(AtomicBool::new(false));
    let abandoned = run({
        let ran = Arc::clone(&ran);
        move || ran.store(true, Ordering::SeqCst)
    });
    // Polled once, so the job is queued; then dropped, as a cancelled refresh drops it.
    assert!(futures::poll!(Box::pin(abandoned)).is_pending());
    for _ in 0..threads {
        release.send(()).unwrap();
    }
    // Jobs behind the abandoned one that can only finish with every thread in one of them
    // at once: by then the abandoned job has been done with, one way or the other.
    let everyone = Arc::new(std::sync::Barrier::new(threads));
    let after = (0..threads).map(|_| {
        let everyone = Arc::clone(&everyone);
        run(move || {
            everyone.wait();
        })
    });
    for done in futures::future::join_all(after).await {
        done.unwrap();
    }
    assert!(!ran.load(Ordering::SeqCst));
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn work_runs_below_normal_priority() {
    // SAFETY: getpriority has no memory-safety preconditions.
    let niceness = run(|| unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) })
        .await
        .unwrap();
    // SAFETY: as above.
    let ours = unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
    assert_eq!(niceness, (ours + NICENESS).min(19));
}

#[tokio::test]
async fn a_job_that_never_ends_is_given_up_on_and_the_pool_keeps_its_threads() {
    let _alone = COUNTING_THREADS.lock().await;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    // As many jobs that never end as there are threads: without new threads in their place,
    // nothing else would ever run again.
    let (never, waits_forever) = channel::<()>();
    let waits_forever = Arc::new(Mutex::new(waits_forever));
    let stuck = (0..threads).map(|_| {
        let waits_forever = Arc::clone(&waits_forever);
        run_within("Reading the feed", Duration::from_secs(2), move || {
            let _ = waits_forever.lock().map(|w| w.recv());
        })
    });
    for given_up in futures::future::join_all(stuck).await {
        let error = given_up.unwrap_err();
        assert!(
            matches!(error, Error::TooSlow { seconds: 2, .. }),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            "Reading the feed took longer than 2 seconds and was given up on"
        );
    }
    let more_work = async {
        for n in 0..16 {
            assert_eq!(run(move || n + 1).await.unwrap(), n + 1);
        }
    };
    tokio::time::timeout(Duration::from_secs(20), more_work)
        .await
        .expect("the pool lost its threads to the stuck jobs");
    // The stuck jobs end at last; their threads leave the pool, which keeps its size.
    drop(never);
}
