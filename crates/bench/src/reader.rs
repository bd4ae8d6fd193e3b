//! `tidings-bench reader`: reader mode on trafilatura's evaluation set (990 real pages in
//! `shared/corpora/extraction-eval`, each with snippets of text people marked as belonging to
//! the article and snippets marked as not), scored the way trafilatura scores itself and
//! `shared/tools/extraction_eval.py` scores a command: a snippet counts as found when it
//! appears, whitespace collapsed, in the extracted text.
//!
//! The pages are split once and for all: a fifth is held back (FNV-1a of the page's key, mod 5,
//! is 0) and is scored only as a total, and only with `--held-back`, so that what is tuned on
//! the rest can be checked on pages nobody looked at. `--show-misses` lists only pages of the
//! tuning part.

use std::collections::BTreeMap;
use std::path::Path;

use tidings_core::extract::extract;
use url::Url;

use crate::scale::cases::Clock;

/// What one page's extraction found of its snippets.
#[derive(Default, Clone, Copy)]
struct Counts {
    found_with: usize,
    missed_with: usize,
    found_without: usize,
    left_out_without: usize,
    failed: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.found_with += other.found_with;
        self.missed_with += other.missed_with;
        self.found_without += other.found_without;
        self.left_out_without += other.left_out_without;
        self.failed += other.failed;
    }

    fn precision(&self) -> f64 {
        ratio(self.found_with, self.found_with + self.found_without)
    }

    fn recall(&self) -> f64 {
        ratio(self.found_with, self.found_with + self.missed_with)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn accuracy(&self) -> f64 {
        ratio(
            self.found_with + self.left_out_without,
            self.found_with + self.missed_with + self.found_without + self.left_out_without,
        )
    }

    /// Snippets this page got wrong.
    fn lost(&self) -> usize {
        self.missed_with + self.found_without
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Whether a page belongs to the held-back fifth.
pub fn held_back(key: &str) -> bool {
    // FNV-1a, 64 bits: stable across Rust versions, unlike the std hasher.
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    hash % 5 == 0
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn score(text: &str, with: &[String], without: &[String]) -> Counts {
    let text = collapsed(text);
    let found = |snippet: &String| text.contains(&collapsed(snippet));
    let found_with = with.iter().filter(|s| found(s)).count();
    let found_without = without.iter().filter(|s| found(s)).count();
    Counts {
        found_with,
        missed_with: with.len() - found_with,
        found_without,
        left_out_without: without.len() - found_without,
        failed: 0,
    }
}

struct Page {
    key: String,
    file: String,
    with: Vec<String>,
    without: Vec<String>,
}

fn pages(corpus: &Path) -> Result<Vec<Page>, String> {
    let path = corpus.join("evaldata.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let data: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let strings = |value: &serde_json::Value| -> Vec<String> {
        value
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(data
        .into_iter()
        .map(|(key, item)| Page {
            file: item["file"].as_str().unwrap_or_default().to_string(),
            with: strings(&item["with"]),
            without: strings(&item["without"]),
            key,
        })
        .collect())
}

/// The page's own address when its key is one, as the app would have it.
fn address(key: &str) -> Url {
    Url::parse(key)
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https"))
        .unwrap_or_else(|| Url::parse("file:///").expect("a file URL"))
}

pub fn reader(show_misses: usize, with_held_back: bool, json: bool) -> Result<(), String> {
    let corpus = tidings_testkit::corpus("extraction-eval");
    let pages = pages(&corpus)?;
    let mut tuning = Counts::default();
    let mut held = Counts::default();
    let mut misses = Vec::new();
    let mut cpu_ms = 0.0;
    for page in &pages {
        let html = std::fs::read(corpus.join("pages").join(&page.file))
            .map_err(|e| format!("{}: {e}", page.file))?;
        let clock = Clock::start();
        let extracted = extract(&html, &address(&page.key));
        cpu_ms += clock.stop().1;
        let (counts, why) = match extracted {
            Ok(article) => (score(&article.text, &page.with, &page.without), None),
            Err(error) => {
                let mut counts = score("", &page.with, &page.without);
                counts.failed = 1;
                (counts, Some(error.to_string()))
            }
        };
        if held_back(&page.key) {
            held.add(counts);
        } else {
            tuning.add(counts);
            misses.push((counts.lost(), &page.key, &page.file, why));
        }
    }
    if show_misses > 0 {
        misses.sort_by_key(|miss| std::cmp::Reverse(miss.0));
        for (lost, key, file, why) in misses.iter().take(show_misses) {
            let why = why
                .as_deref()
                .map(|w| format!("  ({w})"))
                .unwrap_or_default();
            println!("  lost {lost}  {file}  {key}{why}");
        }
    }
    let mut all = tuning;
    all.add(held);
    let pages_per_cpu_second = pages.len() as f64 / (cpu_ms / 1_000.0);
    if json {
        let part = |counts: Counts| {
            serde_json::json!({
                "precision": counts.precision(),
                "recall": counts.recall(),
                "f1": counts.f1(),
                "failed": counts.failed,
            })
        };
        let report = serde_json::json!({
            "tuning": part(tuning),
            "held_back": part(held),
            "all": part(all),
            "pages_per_cpu_second": pages_per_cpu_second,
        });
        println!("{report}");
        return Ok(());
    }
    println!(
        "{:<26} {:>6} {:>9} {:>6} {:>8} {:>6} {:>7}",
        "pages", "count", "precision", "recall", "accuracy", "F1", "failed"
    );
    let held_count = pages.iter().filter(|p| held_back(&p.key)).count();
    let rows = [
        ("tuning (4/5)", tuning, pages.len() - held_count),
        ("held back (1/5)", held, held_count),
        ("all", all, pages.len()),
    ];
    for (name, counts, count) in rows.into_iter().take(if with_held_back { 3 } else { 1 }) {
        println!(
            "{:<26} {:>6} {:>9.3} {:>6.3} {:>8.3} {:>6.3} {:>7}",
            name,
            count,
            counts.precision(),
            counts.recall(),
            counts.accuracy(),
            counts.f1(),
            counts.failed
        );
    }
    println!("{pages_per_cpu_second:.0} pages per CPU-second (one thread, extraction only)");
    Ok(())
}
