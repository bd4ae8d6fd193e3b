//! Benchmark, not a test: the article list with 100 000 articles in one view, in the real app.
//! Seeds the sandbox's database through core's store (one feed, 100k articles, as a refresh
//! stores them), launches the app, then measures in the window itself:
//! - how long after a view is chosen its first rows are on screen (All articles and the feed,
//!   each chosen 10 times, coming from an empty view), and
//! - the frame times while the list scrolls continuously through ~1 500 rows (loading pages as
//!   it goes).
//!
//! `xvfb-run -a cargo test --release --test app bench_list:: -- --ignored --nocapture`
//! The numbers go to stderr and to `target/e2e-artifacts/bench_list.txt`; README.md keeps the
//! last ones.

use std::time::Instant;

use crate::support::{App, Driver, Sandbox};

const ARTICLES: usize = 100_000;
const FEED: &str = "Bench Daily";
const CHOICES: usize = 10;

fn seed(sandbox: &Sandbox) -> f64 {
    let started = Instant::now();
    crate::support::seed::one_feed(&sandbox.database(), FEED, ARTICLES);
    started.elapsed().as_secs_f64()
}

/// Chooses `target` in the sidebar, coming from the empty Saved view, and returns the
/// milliseconds until the list's first rows are in the page (measured in the page).
async fn ms_to_first_rows(app: &App, target: &str, heading: &str) -> f64 {
    let script = r#"
        const [target, heading, done] = arguments;
        const row = (name) => [...document.querySelectorAll('nav.sidebar button.row')]
            .find((b) => b.querySelector('.name').textContent === name);
        const rowsShown = (title) => document.querySelector('section.list h1')?.textContent === title
            && document.querySelectorAll('section.list li').length > 0;
        const settle = (test, then) => { const check = () => test() ? then() : requestAnimationFrame(check); check(); };
        row('Saved').click();
        settle(() => document.querySelector('section.list h1')?.textContent === 'Saved'
            && document.querySelectorAll('section.list li').length === 0, () => {
            const start = performance.now();
            row(target).click();
            settle(() => rowsShown(heading), () => done(performance.now() - start));
        });
    "#;
    app.client
        .execute_async(script, vec![target.into(), heading.into()])
        .await
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Scrolls the list `frames` frames at `step` pixels a frame; returns each frame's duration (ms)
/// and how many rows long the list had grown by the end (pages load as it scrolls; the list
/// keeps only the rows near the screen, but its length counts them all).
async fn scroll_frames(app: &App, frames: u64, step: u64) -> (Vec<f64>, u64) {
    let script = r#"
        const [frames, step, done] = arguments;
        const scroller = document.querySelector('[data-testid=article-scroller]');
        scroller.scrollTop = 0;
        const times = [];
        let last = null;
        const tick = (now) => {
            if (last !== null) times.push(now - last);
            last = now;
            if (times.length >= frames) {
                const rows = Math.round(scroller.querySelector('ul').getBoundingClientRect().height
                    / scroller.querySelector('li').getBoundingClientRect().height);
                done({ times, rows });
                return;
            }
            scroller.scrollTop += step;
            requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
    "#;
    let value = app
        .client
        .execute_async(script, vec![frames.into(), step.into()])
        .await
        .unwrap();
    let times = serde_json::from_value(value["times"].clone()).unwrap();
    (times, value["rows"].as_u64().unwrap())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn summary(name: &str, values: &mut [f64]) -> String {
    values.sort_by(f64::total_cmp);
    format!(
        "{name}: median {:.1} ms, p95 {:.1} ms, max {:.1} ms (n = {})",
        percentile(values, 0.5),
        percentile(values, 0.95),
        values[values.len() - 1],
        values.len()
    )
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: seeds 100k articles and prints timings; run with --release --ignored (docs/PERFORMANCE.md)"]
async fn list_of_100k_articles() {
    let sandbox = Sandbox::new();
    let seeded = seed(&sandbox);
    let driver = Driver::start(&sandbox);
    let launched = Instant::now();
    let app = driver.launch().await;
    app.wait_until(
        "the first rows at launch",
        "return document.querySelectorAll('section.list li').length > 0",
    )
    .await;
    let launch_ms = launched.elapsed().as_secs_f64() * 1000.0;
    // Every article is really there: the sidebar counts them all unread.
    app.wait_until(
        "the sidebar to count 100k unread",
        &format!(
            "const pill = [...document.querySelectorAll('ul.views button.row')]
                .find((b) => b.querySelector('.name').textContent === 'Unread')?.querySelector('.count');
             return Number(pill?.textContent.replace(/\\D/g, '')) === {ARTICLES};"
        ),
    )
    .await;

    let mut all = Vec::new();
    let mut feed = Vec::new();
    for _ in 0..CHOICES {
        all.push(ms_to_first_rows(&app, "All articles", "All articles").await);
        feed.push(ms_to_first_rows(&app, FEED, FEED).await);
    }
    let (mut frames, rows) = scroll_frames(&app, 240, 500).await;
    let janky = frames.iter().filter(|&&t| t > 50.0).count();
    let report = [
        format!("{ARTICLES} articles seeded in {seeded:.1} s; window to first rows at launch {launch_ms:.0} ms (includes starting the app)"),
        summary("All articles chosen → first rows", &mut all),
        summary(&format!("feed ({FEED}) chosen → first rows"), &mut feed),
        summary(
            &format!("scrolling 240 frames × 500 px (list {rows} rows long by the end), frame time"),
            &mut frames,
        ),
        format!("frames over 50 ms: {janky}"),
    ]
    .join("\n");
    eprintln!("{report}");
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../e2e-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bench_list.txt"), format!("{report}\n")).unwrap();
    app.quit().await;
}
