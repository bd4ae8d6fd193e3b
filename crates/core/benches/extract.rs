//! Reader-mode extraction speed over Mozilla readability's 130 test pages, in pages per
//! CPU-second of this process (so other work on the machine does not count against it).
//!
//! `cargo bench -p tidings-core --bench extract` (release). Set `EXTRACT_BENCH_ROUNDS` to
//! change how many times the corpus is read (default 5).

use std::time::Duration;

use tidings_core::extract::extract;
use url::Url;

#[cfg(unix)]
fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes into the struct we pass it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    assert_eq!(rc, 0, "getrusage failed");
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Windows has no getrusage; there the figure is pages per second of wall time, which can only
/// understate the speed.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

fn main() {
    let root = tidings_testkit::corpus("readability-test-pages");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(&root)
        .expect("corpus is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|dir| dir.join("source.html").is_file())
        .map(|dir| {
            let name = dir
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (
                name,
                std::fs::read(dir.join("source.html")).expect("source.html"),
            )
        })
        .collect();
    pages.sort();
    let rounds: usize = std::env::var("EXTRACT_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let url = Url::parse("http://fakehost/test/page.html").expect("valid URL");
    let bytes: usize = pages.iter().map(|(_, html)| html.len()).sum();

    // One untimed round warms caches and the sanitizer's per-thread policy.
    let mut per_page: Vec<(Duration, &str)> = Vec::new();
    for (name, html) in &pages {
        let before = cpu_time();
        let _ = std::hint::black_box(extract(html, &url));
        per_page.push((cpu_time() - before, name));
    }

    let started = cpu_time();
    let mut articles = 0;
    for _ in 0..rounds {
        for (_, html) in &pages {
            articles += usize::from(std::hint::black_box(extract(html, &url)).is_ok());
        }
    }
    let cpu = (cpu_time() - started).as_secs_f64();
    let count = pages.len() * rounds;
    println!(
        "extract: {count} pages ({:.1} MB per round) in {cpu:.2} CPU-s: {:.0} pages per CPU-second, {:.2} ms per page; {} of {} extracted",
        bytes as f64 / 1e6,
        count as f64 / cpu,
        cpu * 1000.0 / count as f64,
        articles / rounds,
        pages.len()
    );
    per_page.sort_by_key(|p| std::cmp::Reverse(p.0));
    println!("slowest pages (first round; getrusage ticks are coarse):");
    for (time, name) in per_page.iter().take(5) {
        println!("  {:>6.1} ms {name}", time.as_secs_f64() * 1000.0);
    }
}
