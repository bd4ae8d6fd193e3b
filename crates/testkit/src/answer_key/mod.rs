//! feedparser's test files as an answer key. Each carries an `Expect:` line, a Python expression
//! over feedparser's result; this evaluates it against ours for the fields Tidings stores.
//!
//! How each field is compared, and why:
//! - Titles: ours are always plain text, theirs keep markup when the feed declared HTML, so theirs
//!   is reduced to text the way ours is (`plain_text`). A title that is empty as text is expected
//!   to become our stand-in (the start of the body, else the host), because that is what we show.
//! - Bodies (summary, description, content): both sides go through our sanitizer and are compared
//!   as HTML with runs of whitespace collapsed. feedparser sanitizes with its own rules, so this
//!   compares what was extracted and what a reader would see, not the two sanitizers' policies.
//! - Links and enclosure URLs: equal as parsed URLs (`http://a` is `http://a/`).
//! - Authors: we keep the name, so feedparser's `"name (email)"` is compared by its name.
//! - Dates: feedparser's UTC time tuples against our timestamps.
//!
//! Anything else (feed descriptions, tags, languages, feedparser's own `bozo`/`version`/`encoding`,
//! HTTP headers the test server would send) is not stored by Tidings; those terms are skipped and
//! counted, and a line made only of them is "not applicable".

mod eval;
mod expr;
mod fields;

use std::collections::BTreeMap;

use url::Url;

use self::eval::{Eval, NotStored};
use self::fields::TextTypes;
use tidings_core::feeds::ParsedFeed;

/// The outcome of one `Expect:` line.
#[derive(Debug)]
pub enum Verdict {
    Agree,
    /// What differed, for the report.
    Disagree(Vec<String>),
    /// Why the line says nothing about fields we store.
    NotApplicable(String),
}

/// The expression on a test file's `Expect:` line.
pub fn expect_line(document: &str) -> Option<&str> {
    let start = document.find("Expect:")? + "Expect:".len();
    let line = document[start..].lines().next()?;
    Some(line.trim())
}

/// Evaluates `expectation` against `ours`, parsed from the same document.
pub fn check(expectation: &str, document: &str, ours: &ParsedFeed, feed_url: &Url) -> Verdict {
    let expr = match expr::parse(expectation) {
        Ok(expr) => expr,
        Err(e) => return Verdict::NotApplicable(format!("unreadable expression: {e}")),
    };
    let mut eval = Eval {
        feed: ours,
        feed_url,
        text_types: TextTypes::declared_in(document),
        differences: Vec::new(),
    };
    match eval.truth(&expr) {
        Ok(true) => Verdict::Agree,
        Ok(false) => Verdict::Disagree(eval.differences),
        Err(NotStored(what)) => Verdict::NotApplicable(what),
    }
}

/// Tallies for the report.
#[derive(Default)]
pub struct Tally {
    pub agree: usize,
    pub disagree: Vec<(String, String, Vec<String>)>,
    pub not_applicable: BTreeMap<String, usize>,
}

impl Tally {
    pub fn record(&mut self, file: &str, expectation: &str, verdict: Verdict) {
        match verdict {
            Verdict::Agree => self.agree += 1,
            Verdict::Disagree(why) => {
                self.disagree
                    .push((file.to_string(), expectation.to_string(), why))
            }
            Verdict::NotApplicable(why) => *self.not_applicable.entry(why).or_default() += 1,
        }
    }

    pub fn applicable(&self) -> usize {
        self.agree + self.disagree.len()
    }
}
