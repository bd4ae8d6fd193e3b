//! The parser against real-world corpora: feedparser's test suite (coverage, and its `Expect:`
//! lines as an answer key for the fields we store) and feed-rs's own fixtures.

use std::path::{Path, PathBuf};

use url::Url;

use tidings_core::feeds::{ParsedFeed, parse};
use tidings_testkit::answer_key::{self, Tally};

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// feedparser's suite serves its files from this address, so relative links in the answers are
/// resolved against it.
fn feedparser_url(tests_dir: &Path, file: &Path) -> Url {
    let relative = file.strip_prefix(tests_dir).unwrap().to_string_lossy();
    Url::parse(&format!("http://127.0.0.1:8097/tests/{relative}")).unwrap()
}

fn empty_feed() -> ParsedFeed {
    ParsedFeed {
        title: String::new(),
        site_url: None,
        self_url: None,
        icon_url: None,
        language: None,
        ttl_minutes: None,
        skip_hours: Vec::new(),
        items: Vec::new(),
    }
}

/// Whether the feed has items or a title of its own (not our stand-in, the host).
fn has_own_content(feed: &ParsedFeed, url: &Url) -> bool {
    !feed.items.is_empty() || Some(feed.title.as_str()) != url.host_str()
}

#[test]
fn feedparser_wellformed_feeds_yield_a_title_or_items() {
    let tests = tidings_testkit::corpus("feeds/feedparser/tests");
    let files = files_under(&tests.join("wellformed"));
    let mut failures = Vec::new();
    let mut with_own_content = 0;
    for file in &files {
        let url = feedparser_url(&tests, file);
        match parse(&std::fs::read(file).unwrap(), &url) {
            Ok(feed) if feed.title.is_empty() && feed.items.is_empty() => {
                failures.push(format!("{} (empty)", url.path()));
            }
            Ok(feed) => with_own_content += usize::from(has_own_content(&feed, &url)),
            Err(e) => failures.push(format!("{} ({e})", url.path())),
        }
    }
    let yielded = files.len() - failures.len();
    println!(
        "feedparser wellformed: {yielded}/{} yield a feed ({with_own_content} with items or a \
         title of their own; the rest are tests of fields we do not store)",
        files.len()
    );
    for failure in &failures {
        println!("  {failure}");
    }
    assert_eq!(files.len(), 1749, "the corpus changed");
    assert!(yielded >= 1700, "only {yielded}/{} yielded", files.len());
    // 466 of the files have no title, item or entry element at all.
    assert!(
        with_own_content >= 1250,
        "only {with_own_content} had items or a title"
    );
}

#[test]
fn feedparser_expectations_agree_for_the_fields_we_store() {
    let tests = tidings_testkit::corpus("feeds/feedparser/tests");
    let mut tally = Tally::default();
    for dir in ["wellformed", "illformed", "encoding", "entities"] {
        for file in files_under(&tests.join(dir)) {
            let bytes = std::fs::read(&file).unwrap();
            let document = String::from_utf8_lossy(&bytes);
            let Some(expectation) = answer_key::expect_line(&document) else {
                continue;
            };
            let url = feedparser_url(&tests, &file);
            if document.contains("Header:") {
                tally.record(
                    url.path(),
                    expectation,
                    answer_key::Verdict::NotApplicable("depends on HTTP headers".into()),
                );
                continue;
            }
            let verdict = match parse(&bytes, &url) {
                Ok(feed) => answer_key::check(expectation, &document, &feed, &url),
                // A document we refuse disagrees with any line about a field we store.
                Err(e) => match answer_key::check(expectation, &document, &empty_feed(), &url) {
                    answer_key::Verdict::NotApplicable(why) => {
                        answer_key::Verdict::NotApplicable(why)
                    }
                    _ => answer_key::Verdict::Disagree(vec![format!("did not parse: {e}")]),
                },
            };
            tally.record(url.path(), expectation, verdict);
        }
    }
    let applicable = tally.applicable();
    let rate = tally.agree as f64 / applicable.max(1) as f64;
    println!(
        "feedparser answer key: {}/{applicable} applicable lines agree ({:.1}%); {} lines skipped",
        tally.agree,
        rate * 100.0,
        tally.not_applicable.values().sum::<usize>()
    );
    for (file, expectation, why) in &tally.disagree {
        println!("DISAGREE {file}\n  expect {expectation}");
        for line in why {
            println!("    {line}");
        }
    }
    let mut skipped: Vec<_> = tally.not_applicable.iter().collect();
    skipped.sort_by(|a, b| b.1.cmp(a.1));
    for (why, count) in skipped {
        println!("  skipped {count:>4}: {why}");
    }
    assert!(applicable >= 1000, "only {applicable} applicable lines");
    assert!(rate >= 0.95, "agreement {:.1}%", rate * 100.0);
}

#[test]
fn feedparser_encoding_and_illformed_feeds_parse() {
    let tests = tidings_testkit::corpus("feeds/feedparser/tests");
    let mut failures = Vec::new();
    let mut count = 0;
    for dir in ["encoding", "illformed"] {
        for file in files_under(&tests.join(dir)) {
            let url = feedparser_url(&tests, &file);
            count += 1;
            if let Err(e) = parse(&std::fs::read(&file).unwrap(), &url) {
                failures.push(format!("{} ({e})", url.path()));
            }
        }
    }
    // An empty file is not a feed, and saying so is right.
    assert_eq!(
        failures,
        ["/tests/illformed/rss_empty_document.xml (no RSS, Atom or JSON Feed document found)"]
    );
    assert_eq!(count, 101, "the corpus changed");
}
