//! Search: what a person types turned into a safe full-text query, results ranked by relevance
//! blended with recency, and the matching words marked in titles and snippets.
//!
//! The index is SQLite FTS5 (`articles_fts`: words folded for case and diacritics, English
//! stemmed). Ranking every match by bm25 costs time in proportion to the matches (a common word
//! matches hundreds of thousands of articles), so a search ranks the newest [`CANDIDATES`]
//! matches (the last stored), which FTS5 walks in row order at little cost; for rarer words that
//! is every match. Those stored before follow the ranked ones, the last stored first. Results
//! come [`RESULTS`] at a time, each page after the last hit of the one before (a keyset, as the
//! lists are paged): every page ranks the same candidates again, so a page costs what the
//! first does.

mod highlight;
mod query;

pub use highlight::{highlight, snippet};
pub use query::{match_expression, terms, whole_words_expression};

use std::cmp::Ordering;

use crate::Timestamp;
use crate::api::ArticleId;

/// Matches considered for ranking: the last stored.
pub const CANDIDATES: usize = 2_000;
/// Hits in a page.
pub const RESULTS: usize = 50;

/// A match and its [`score`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub id: ArticleId,
    pub score: f64,
}

/// The order results are shown in: best first; among equals, the newer (the higher id) first.
fn shown_order(a: &Ranked, b: &Ranked) -> Ordering {
    b.score.total_cmp(&a.score).then(b.id.cmp(&a.id))
}

/// `matches`, best first.
pub fn rank(mut matches: Vec<Ranked>) -> Vec<Ranked> {
    matches.sort_by(shown_order);
    matches
}

/// The page of `ranked` (best first) that follows the hit `after` (from the first without),
/// and whether more follow it. The hit is found by its id; if it matches no more, by its score.
pub fn page_after(ranked: &[Ranked], after: Option<Ranked>) -> (&[Ranked], bool) {
    let start = after.map_or(0, |after| {
        ranked.iter().position(|r| r.id == after.id).map_or_else(
            || ranked.partition_point(|r| shown_order(r, &after) != Ordering::Greater),
            |at| at + 1,
        )
    });
    let end = (start + RESULTS).min(ranked.len());
    (&ranked[start..end], end < ranked.len())
}

/// Higher is better: bm25's relevance (SQLite returns it negated), halved for every ~30 days of
/// age, so that among equally good matches the newer comes first but a much better old match
/// still wins.
pub fn score(bm25: f64, published: Timestamp, now: Timestamp) -> f64 {
    let age_days = (now - published).max(0) as f64 / 86_400.0;
    -bm25 / (1.0 + age_days / 30.0)
}

#[cfg(test)]
mod tests;
