//! Search: what a person types turned into a safe full-text query, results ranked by relevance
//! blended with recency, and the matching words marked in titles and snippets.
//!
//! The index is SQLite FTS5 (`articles_fts`: words folded for case and diacritics, English
//! stemmed). Ranking every match by bm25 costs time in proportion to the matches (a common word
//! matches hundreds of thousands of articles), so a search ranks the newest [`CANDIDATES`]
//! matches, which FTS5 walks in row order at little cost; for rarer words that is every match.

mod highlight;
mod query;

pub use highlight::{highlight, snippet};
pub use query::{match_expression, terms};

use crate::Timestamp;

/// Matches considered for ranking, newest first.
pub const CANDIDATES: usize = 2_000;
/// Hits returned.
pub const RESULTS: usize = 50;

/// Higher is better: bm25's relevance (SQLite returns it negated), halved for every ~30 days of
/// age, so that among equally good matches the newer comes first but a much better old match
/// still wins.
pub fn score(bm25: f64, published: Timestamp, now: Timestamp) -> f64 {
    let age_days = (now - published).max(0) as f64 / 86_400.0;
    -bm25 / (1.0 + age_days / 30.0)
}

#[cfg(test)]
mod tests;
