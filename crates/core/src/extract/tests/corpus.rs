//! Mozilla readability's 130 test pages (shared/corpora/readability-test-pages): our body text
//! against the text of readability.js's output, and our title and byline against its metadata.
//!
//! Scores:
//! - body: word-overlap F1 (multiset of lowercased words; each CJK character is a word), mean
//!   over all 130 pages, of what reader mode reads ([`read_page`]) before Tidings decides
//!   whether the page is an article at all; a page that fails to read scores 0. One page is not
//!   an article: nytimes-5 is the front page of The New York Times en Español, which
//!   readability.js reduces to its "Highlights" teasers. Its body is scored like any other, and
//!   the test also asserts that [`extract`] refuses it as a home page.
//! - title: the fraction of pages whose title equals the expected one after whitespace is
//!   collapsed (an expected null or empty title must be matched by none).
//! - byline: the same, over the pages whose expected byline names someone: non-empty, and not
//!   a date line (readability.js takes the first block named like a byline, which on two pages
//!   is "Last Updated: January 7, 2025" and the like; we name no one there), on pages we extract
//!   (a page we refuse already scores 0 for its body). Pages expecting no byline are reported
//!   (how often we name one anyway) but not scored. The plain equality over every non-empty
//!   expected byline is printed beside it.

use std::collections::HashMap;
use std::path::PathBuf;

use url::Url;

use crate::extract::*;
use crate::sanitize::{sanitize_html, text_of_sanitized};

/// Corpus pages that are not articles, and what they are.
const NOT_ARTICLES: &[(&str, &str)] = &[("nytimes-5", "the front page of a news site")];

struct Page {
    name: String,
    dir: PathBuf,
}

fn pages() -> Vec<Page> {
    let root = tidings_testkit::corpus("readability-test-pages");
    let mut pages: Vec<Page> = std::fs::read_dir(&root)
        .expect("corpus is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|dir| dir.join("source.html").is_file())
        .map(|dir| Page {
            name: dir
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            dir,
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    pages
}

/// The address readability's own test harness gives every page.
fn page_url() -> Url {
    Url::parse("http://fakehost/test/page.html").expect("valid URL")
}

pub(super) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let cjk = matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff);
        if c.is_alphanumeric() && !cjk {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if cjk {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

pub(super) fn f1(got: &str, want: &str) -> f64 {
    let (got, want) = (words(got), words(want));
    if got.is_empty() || want.is_empty() {
        return if got.is_empty() && want.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for w in &want {
        *wanted.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in &got {
        if let Some(n) = wanted.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    let precision = common as f64 / got.len() as f64;
    let recall = common as f64 / want.len() as f64;
    if common == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn expected_field(meta: &serde_json::Value, key: &str) -> Option<String> {
    meta.get(key)
        .and_then(|v| v.as_str())
        .map(collapse)
        .filter(|v| !v.is_empty())
}

type Outcome = (Result<Reading, ExtractError>, String, serde_json::Value);

/// Each page's extraction, expected text and expected metadata, on two threads to keep a debug
/// run short.
fn read_all(pages: &[Page]) -> Vec<Outcome> {
    let read = |page: &Page| -> Outcome {
        let source = std::fs::read(page.dir.join("source.html")).expect("source.html");
        let expected = std::fs::read_to_string(page.dir.join("expected.html")).expect("expected");
        let expected_text = text_of_sanitized(&sanitize_html(&expected, &page_url()));
        let meta = serde_json::from_str(
            &std::fs::read_to_string(page.dir.join("expected-metadata.json")).expect("metadata"),
        )
        .expect("metadata is JSON");
        (read_page(&source, &page_url()), expected_text, meta)
    };
    let (first, second) = pages.split_at(pages.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| second.iter().map(read).collect::<Vec<_>>());
        let mut outcomes: Vec<Outcome> = first.iter().map(read).collect();
        outcomes.extend(other.join().expect("worker finished"));
        outcomes
    })
}

#[test]
fn readability_corpus_body_title_and_byline() {
    let pages = pages();
    assert_eq!(pages.len(), 130, "the corpus has 130 pages");
    let mut bodies = Vec::new();
    let (mut titles_ok, mut bylines_ok, mut bylines_expected, mut extra_bylines) = (0, 0, 0, 0);
    let (mut raw_bylines_ok, mut raw_bylines_expected) = (0, 0);
    let mut misses = Vec::new();
    for (page, (got, expected_text, meta)) in pages.iter().zip(read_all(&pages)) {
        let (text, title, byline) = match &got {
            Ok(got) => (
                got.article.text.clone(),
                got.article.title.clone(),
                got.article.byline.clone(),
            ),
            Err(e) => {
                misses.push(format!("{}: unreadable: {e}", page.name));
                (String::new(), None, None)
            }
        };
        let is_article = got.as_ref().is_ok_and(|r| r.not_an_article.is_none());
        match NOT_ARTICLES.iter().find(|(name, _)| *name == page.name) {
            Some((_, what)) => {
                assert!(!is_article, "{} is {what}: it should be refused", page.name)
            }
            None => assert!(
                is_article || got.is_err(),
                "{} was refused: {got:?}",
                page.name
            ),
        }
        bodies.push((f1(&text, &expected_text), page.name.clone()));
        let want_title = expected_field(&meta, "title");
        if title.as_deref().map(collapse) == want_title {
            titles_ok += 1;
        } else {
            misses.push(format!(
                "{}: title {title:?}, want {want_title:?}",
                page.name
            ));
        }
        let got_byline = byline.as_deref().map(collapse);
        match expected_field(&meta, "byline") {
            Some(want) => {
                raw_bylines_expected += 1;
                let same = got_byline.as_deref() == Some(want.as_str());
                raw_bylines_ok += usize::from(same);
                if got.is_ok() && !crate::extract::dates::is_date_line(&want) {
                    bylines_expected += 1;
                    bylines_ok += usize::from(same);
                }
                if !same {
                    misses.push(format!("{}: byline {byline:?}, want {want:?}", page.name));
                }
            }
            None => extra_bylines += usize::from(byline.is_some()),
        }
    }
    let body_f1 = bodies.iter().map(|b| b.0).sum::<f64>() / bodies.len() as f64;
    let title_score = f64::from(titles_ok) / pages.len() as f64;
    let byline_score = bylines_ok as f64 / bylines_expected as f64;
    bodies.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("readability corpus, {} pages:", pages.len());
    println!(
        "  body text F1 (mean) {body_f1:.4} over all {} pages",
        bodies.len()
    );
    println!(
        "  title exact         {title_score:.4} ({titles_ok}/{})",
        pages.len()
    );
    println!(
        "  byline exact        {byline_score:.4} ({bylines_ok}/{bylines_expected}; equal to readability.js's on {raw_bylines_ok}/{raw_bylines_expected}); a byline where none was expected on {extra_bylines} pages"
    );
    println!("  worst bodies:");
    for (score, name) in bodies.iter().take(10) {
        println!("    {score:.3} {name}");
    }
    for miss in &misses {
        println!("  {miss}");
    }
    assert!(body_f1 >= 0.99, "body F1 {body_f1:.4} < 0.99");
    assert!(title_score >= 0.99, "title {title_score:.4} < 0.99");
    assert!(byline_score >= 0.95, "byline {byline_score:.4} < 0.95");
}

#[test]
fn word_overlap_f1() {
    assert_eq!(f1("the cat sat", "the cat sat"), 1.0);
    assert_eq!(f1("", "words"), 0.0);
    assert!((f1("the cat", "the cat sat on") - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(words("北京 Hello, World"), ["北", "京", "hello", "world"]);
}
