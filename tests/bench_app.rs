//! Benchmark, not a test: Tidings against the floor WebKitGTK and Tauri set, in the same run.
//! Starts, in turn, an empty Tauri app (crates/bench/empty-app: one window, a one-line page),
//! Tidings with a fresh data directory, Tidings with a library of 100k articles (one feed,
//! seeded through core's store) and, when `BENCH_APP_LIBRARY` names one, Tidings with a copy of
//! that database (tidings-bench's 1M articles over 2,000 feeds), each several times with a fresh
//! data directory, and measures:
//! - cold start to first paint: from the app process's start (its start time in /proc) to the
//!   page's first paint (PerformancePaintTiming, read through WebDriver) — the same for both apps;
//! - with a library, start to the list's first rows (Unread) on screen;
//! - PSS and USS (/proc/<pid>/smaps_rollup) of the app's process tree (the app, WebKitWebProcess,
//!   WebKitNetworkProcess): with a library, after opening All articles and scrolling;
//! - CPU: clock ticks (10 ms) the tree uses in 10 s right after the last action (3–13 s after
//!   it), and idle, with the window open and nothing happening (30–40 s after it).
//!
//! ```sh
//! CARGO_TARGET_DIR=/work/target-empty cargo build --release \
//!     --manifest-path crates/bench/empty-app/Cargo.toml
//! EMPTY_TAURI_APP=/work/target-empty/release/empty-tauri-app \
//!     xvfb-run -a cargo test --release --test app bench_app:: -- --ignored --nocapture
//! ```
//! For the 1M case, fill the database first (`tidings-bench --articles 1000000 --feeds 2000
//! --cache-dir /dev/shm/tidings-bench --only counts --refresh-feeds 0`, ~5 min) and add
//! `BENCH_APP_LIBRARY=/dev/shm/tidings-bench/tidings-1000000x2000-v2.db` to the command: each
//! run opens that database itself, through a link (see `measure`).
//! The numbers go to stderr and to `target/e2e-artifacts/bench_app.txt`; docs/PERFORMANCE.md
//! keeps the last ones. With `BENCH_APP_SMAPS=1` each process's `/proc/<pid>/smaps` at the
//! moment its memory is read goes to `target/e2e-artifacts/smaps/`. With `BENCH_APP_PAINT_ONLY=1`
//! each start ends at its first paint (and first rows): ~3 s a start instead of ~45, for
//! investigating the start; memory and CPU then read 0.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::processes::{
    Memory, app_pid, command, cpu_ticks, mb, memory, process_tree, started_at_ms,
};
use crate::support::{App, Driver, PATIENCE, Sandbox};

/// Runs of each app, unless `BENCH_RUNS` says otherwise.
const RUNS: usize = 5;
const ARTICLES: usize = 100_000;
const FEED: &str = "Bench Daily";
/// After the last action, before memory is read: the page's work (rendering, loading the next
/// pages) settles. A measurement window, not a synchronization.
const SETTLE: Duration = Duration::from_secs(3);
const IDLE: Duration = Duration::from_secs(10);
/// When the idle window starts, after the last action: the work scrolling leaves behind (a few
/// seconds of it, see docs/PERFORMANCE.md) is over by then.
const QUIET: Duration = Duration::from_secs(30);

#[derive(Clone, Copy, PartialEq)]
enum Subject {
    Empty,
    Tidings,
    Tidings100k,
    Tidings1M,
}

impl Subject {
    fn key(self) -> &'static str {
        match self {
            Subject::Empty => "empty",
            Subject::Tidings => "new",
            Subject::Tidings100k => "100k",
            Subject::Tidings1M => "1m",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Subject::Empty => "empty Tauri app",
            Subject::Tidings => "Tidings, new library",
            Subject::Tidings100k => "Tidings, 100k articles",
            Subject::Tidings1M => "Tidings, 1M articles",
        }
    }
}

struct Run {
    first_paint_ms: f64,
    /// When the window's page began loading (its navigation start), from the process's start.
    page_start_ms: f64,
    first_rows_ms: Option<f64>,
    memory: Memory,
    after_ticks: u64,
    idle_ticks: u64,
    processes: Vec<Process>,
    /// WebKit web processes of other apps running meanwhile: they share the WebKit libraries'
    /// pages, so each of them lowers this tree's PSS.
    other_webkits: usize,
}

struct Process {
    name: String,
    memory: Memory,
    after_ticks: u64,
    idle_ticks: u64,
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: 15–20 starts of the release app and an empty Tauri app, 10–15 min; run with --release --ignored (docs/PERFORMANCE.md)"]
async fn tidings_beside_an_empty_tauri_app() {
    let empty_app = std::env::var("EMPTY_TAURI_APP").expect(
        "EMPTY_TAURI_APP must name the empty app's binary (build it as this file's header says)",
    );
    let library = tempfile::tempdir().unwrap();
    let seeded = library.path().join("tidings.db");
    crate::support::seed::one_feed(&seeded, FEED, ARTICLES);
    let big = std::env::var_os("BENCH_APP_LIBRARY").map(PathBuf::from);

    let rounds = std::env::var("BENCH_RUNS").map_or(RUNS, |n| n.parse().unwrap());
    let mut subjects = vec![Subject::Empty, Subject::Tidings, Subject::Tidings100k];
    subjects.extend(big.is_some().then_some(Subject::Tidings1M));
    // For investigations: `BENCH_APP_SUBJECTS=empty,1m` runs only those (the empty app always).
    if let Ok(only) = std::env::var("BENCH_APP_SUBJECTS") {
        let only: Vec<&str> = only.split(',').collect();
        subjects.retain(|s| *s == Subject::Empty || only.contains(&s.key()));
    }
    let mut runs: HashMap<&str, Vec<Run>> = HashMap::new();
    let mut report = Vec::new();
    for round in 0..rounds {
        // Each subject goes first in turn, so none always follows the same one.
        for k in 0..subjects.len() {
            let subject = subjects[(round + k) % subjects.len()];
            let library = match subject {
                Subject::Tidings100k => Some(seeded.as_path()),
                Subject::Tidings1M => big.as_deref(),
                _ => None,
            };
            let run = measure(subject, &empty_app, library).await;
            let line = format!(
                "round {round}, {}: first paint {:.0} ms (page started at {:.0}){}, {}, CPU ticks in 10 s after {}, idle {} ({}; {} other WebKitWebProcess)",
                subject.name(),
                run.first_paint_ms,
                run.page_start_ms,
                run.first_rows_ms
                    .map(|ms| format!(", first rows {ms:.0} ms"))
                    .unwrap_or_default(),
                run.memory,
                run.after_ticks,
                run.idle_ticks,
                run.processes
                    .iter()
                    .map(|p| format!(
                        "{} {} ticks {}/{}",
                        p.name, p.memory, p.after_ticks, p.idle_ticks
                    ))
                    .collect::<Vec<_>>()
                    .join("; "),
                run.other_webkits,
            );
            eprintln!("{line}");
            report.push(line);
            runs.entry(subject.name()).or_default().push(run);
        }
    }

    let median_of = |subject: Subject, value: &dyn Fn(&Run) -> f64| {
        median(runs[subject.name()].iter().map(value).collect())
    };
    let paint = |s| median_of(s, &|r: &Run| r.first_paint_ms);
    let pss = |s| median_of(s, &|r: &Run| r.memory.pss as f64);
    let uss = |s| median_of(s, &|r: &Run| r.memory.uss as f64);
    let after = |s| median_of(s, &|r: &Run| r.after_ticks as f64);
    let idle = |s| median_of(s, &|r: &Run| r.idle_ticks as f64);
    let runs_listed = report.len();
    report.push(format!("medians of {rounds} runs:"));
    for &subject in &subjects {
        report.push(format!(
            "  {}: first paint {:.0} ms, PSS {:.1} MB, USS {:.1} MB, CPU ticks in 10 s after {:.0}, idle {:.0}",
            subject.name(),
            paint(subject),
            mb(pss(subject) as u64),
            mb(uss(subject) as u64),
            after(subject),
            idle(subject),
        ));
    }
    let with_library = |s: &&Subject| matches!(s, Subject::Tidings100k | Subject::Tidings1M);
    for &subject in subjects.iter().filter(with_library) {
        report.push(format!(
            "  {}: first rows {:.0} ms after start",
            subject.name(),
            median_of(subject, &|r: &Run| r.first_rows_ms.unwrap())
        ));
    }
    for &subject in subjects.iter().filter(|s| **s != Subject::Empty) {
        report.push(format!(
            "  {}: first paint {:.2}× the empty app's (target ≤ 1.25×); PSS {:+.1} MB over it (target ≤ +60 MB), USS {:+.1} MB",
            subject.name(),
            paint(subject) / paint(Subject::Empty),
            mb(pss(subject) as u64) - mb(pss(Subject::Empty) as u64),
            mb(uss(subject) as u64) - mb(uss(Subject::Empty) as u64),
        ));
    }
    // Each run was printed as it ended.
    eprintln!("{}", report[runs_listed..].join("\n"));
    let report = report.join("\n");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../e2e-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bench_app.txt"), format!("{report}\n")).unwrap();
}

/// One start of `subject`; with a `library`, the app opens a copy of that database — or, for
/// the 1M one, that database itself.
async fn measure(subject: Subject, empty_app: &str, library: Option<&Path>) -> Run {
    let sandbox = Sandbox::new();
    if let Some(library) = library {
        let database = sandbox.database();
        std::fs::create_dir_all(database.parent().unwrap()).unwrap();
        if subject == Subject::Tidings1M {
            // A copy of its 7.55 GB pushed the page cache out on this 24 GB machine, so the
            // app's and WebKit's own files were read from disk again and the start was a cold
            // one. Through a link SQLite opens the original (its WAL beside it); what the app
            // writes there (the feeds' next poll, the planner's statistics) changes no case.
            std::os::unix::fs::symlink(library, &database).unwrap();
        } else {
            std::fs::copy(library, &database).unwrap();
        }
        // tidings-bench's feeds fall due an hour after its fill: the app must not refresh them
        // (from the internet) while it is measured.
        crate::support::seed::not_due(&database);
    }
    let driver = Driver::start(&sandbox);
    let (application, ready) = match subject {
        Subject::Empty => (empty_app.to_string(), "p"),
        _ => (crate::support::application(), "nav.sidebar"),
    };
    let app = driver.launch_application(&application, ready).await;
    let pid = app_pid(driver.pid(), Path::new(&application));
    let started = started_at_ms(pid);
    let first_paint_ms = first_paint_at_ms(&app).await - started;
    let page_start_ms = app
        .client
        .execute("return performance.timeOrigin;", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap()
        - started;

    let paint_only = std::env::var_os("BENCH_APP_PAINT_ONLY").is_some();
    let first_rows_ms = if library.is_some() {
        let shown = poll(
            &app,
            "the list's first rows",
            "return document.querySelectorAll('section.list li').length > 0
                ? performance.timeOrigin + performance.now() : null",
        )
        .await;
        let first_rows = shown.as_f64().unwrap() - started;
        if !paint_only {
            open_all_articles_and_scroll(&app).await;
        }
        Some(first_rows)
    } else {
        None
    };
    if paint_only {
        app.quit().await;
        return Run {
            first_paint_ms,
            page_start_ms,
            first_rows_ms,
            memory: Memory::default(),
            after_ticks: 0,
            idle_ticks: 0,
            processes: Vec::new(),
            other_webkits: 0,
        };
    }

    tokio::time::sleep(SETTLE).await;
    let tree = process_tree(pid);
    let other_webkits = process_tree(1)
        .into_iter()
        .filter(|p| !tree.contains(p) && command(*p) == "WebKitWebProces")
        .count();
    let memory: Vec<Memory> = tree.iter().map(|&p| memory(p)).collect();
    if std::env::var_os("BENCH_APP_SMAPS").is_some() {
        keep_smaps(subject, &tree);
    }
    let ticks = || tree.iter().map(|&p| cpu_ticks(p)).collect::<Vec<_>>();
    let acted = Instant::now() - SETTLE;
    let start = ticks();
    tokio::time::sleep(IDLE).await;
    let after = ticks();
    tokio::time::sleep_until((acted + QUIET).into()).await;
    let quiet = ticks();
    tokio::time::sleep(IDLE).await;
    let idle = ticks();
    let processes: Vec<Process> = tree
        .iter()
        .zip(memory)
        .enumerate()
        .map(|(i, (&p, memory))| Process {
            name: command(p),
            memory,
            after_ticks: after[i].saturating_sub(start[i]),
            idle_ticks: idle[i].saturating_sub(quiet[i]),
        })
        .collect();
    app.quit().await;
    Run {
        first_paint_ms,
        page_start_ms,
        first_rows_ms,
        memory: processes.iter().fold(Memory::default(), |sum, p| Memory {
            rss: sum.rss + p.memory.rss,
            pss: sum.pss + p.memory.pss,
            uss: sum.uss + p.memory.uss,
        }),
        after_ticks: processes.iter().map(|p| p.after_ticks).sum(),
        idle_ticks: processes.iter().map(|p| p.idle_ticks).sum(),
        processes,
        other_webkits,
    }
}

/// Each process's memory map, to see what its memory is made of (`BENCH_APP_SMAPS=1`).
fn keep_smaps(subject: Subject, tree: &[u32]) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../e2e-artifacts/smaps");
    std::fs::create_dir_all(&dir).unwrap();
    for &pid in tree {
        let name = format!("{} {pid} {}.smaps", subject.name(), command(pid));
        let _ = std::fs::copy(format!("/proc/{pid}/smaps"), dir.join(name));
    }
}

/// When the page first painted (ms since the epoch): first-contentful-paint, or first-paint.
async fn first_paint_at_ms(app: &App) -> f64 {
    let at = poll(
        app,
        "a paint timing entry",
        "const paints = performance.getEntriesByType('paint');
         const entry = paints.find((e) => e.name === 'first-contentful-paint')
             ?? paints.find((e) => e.name === 'first-paint');
         return entry ? performance.timeOrigin + entry.startTime : null;",
    )
    .await;
    at.as_f64().unwrap()
}

/// Chooses All articles (100k or 1M) in the sidebar, waits for its rows and scrolls ~1,500 rows
/// down, a frame at a time, as a person flicking through the list.
async fn open_all_articles_and_scroll(app: &App) {
    let script = r#"
        const done = arguments[0];
        [...document.querySelectorAll('nav.sidebar button.row')]
            .find((b) => b.querySelector('.name').textContent === 'All articles').click();
        const shown = () => document.querySelector('section.list h1')?.textContent === 'All articles'
            && document.querySelectorAll('section.list li').length > 0;
        let frames = 0;
        const scroll = () => {
            const scroller = document.querySelector('[data-testid=article-scroller]');
            scroller.scrollTop += 500;
            if (++frames < 240) requestAnimationFrame(scroll); else done(scroller.scrollTop);
        };
        const wait = () => shown() ? requestAnimationFrame(scroll) : requestAnimationFrame(wait);
        wait();
    "#;
    let scrolled = app.client.execute_async(script, vec![]).await.unwrap();
    assert!(scrolled.as_f64().unwrap() > 0.0, "the list did not scroll");
}

/// Runs `script` until it returns something other than null, and returns that.
async fn poll(app: &App, what: &str, script: &str) -> Value {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let value = app.client.execute(script, vec![]).await.unwrap();
        if !value.is_null() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::task::yield_now().await;
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
