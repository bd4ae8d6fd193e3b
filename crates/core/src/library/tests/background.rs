use super::*;

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

#[tokio::test]
async fn work_nobody_waits_for_any_more_is_skipped() {
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
