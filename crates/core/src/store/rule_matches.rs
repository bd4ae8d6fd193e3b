//! Which of the library's articles a rule matches: for its preview, while it is being written,
//! within a time budget (an estimate when the budget runs out first), and for saving it (all
//! of them). SQL narrows first — the rule's scope, its words through the search index, its age
//! or attachment exactly — and the rules' own matcher decides, as for an arriving article.

use std::time::{Duration, Instant};

use rusqlite::ToSql;

use super::Store;
use crate::api::{ArticleId, FeedId, RuleCondition, RuleScope};
use crate::rules::{Candidate, RuleSet};
use crate::sanitize::words_of_sanitized;
use crate::{Result, Timestamp};

/// Rows checked between two looks at the clock.
const ROWS_PER_CLOCK: usize = 256;

/// What a rule matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMatches {
    /// The newest of them (as many as were asked for), with their feeds.
    pub newest: Vec<(ArticleId, FeedId)>,
    pub count: u64,
    /// The budget ran out first: `count` is the share of the articles looked at that matched,
    /// over all the articles the rule could match.
    pub estimated: bool,
}

impl Store {
    /// The feed articles `rule` (a set of one) matches, newest first: at most `keep` of them,
    /// and how many. With a `budget`, the articles are looked at newest first until it runs
    /// out, and the count estimated from them.
    pub fn rule_matches(
        &self,
        rule: &RuleSet,
        now: Timestamp,
        keep: usize,
        budget: Option<Duration>,
    ) -> Result<RuleMatches> {
        let started = Instant::now();
        let Some(first) = rule.rules().next() else {
            return Ok(RuleMatches {
                newest: Vec::new(),
                count: 0,
                estimated: false,
            });
        };
        let mut conditions = vec!["1".to_string()];
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        // Binds `value` as the next argument, in the condition `condition` writes for its number.
        let mut bind = |value: Box<dyn ToSql>, condition: fn(usize) -> String| {
            args.push(value);
            condition(args.len())
        };
        match first.scope {
            RuleScope::All => {}
            RuleScope::Feed { feed_id } => {
                conditions.push(bind(Box::new(feed_id), |n| format!("a.feed_id = ?{n}")))
            }
            RuleScope::Folder { folder_id } => {
                conditions.push(bind(Box::new(folder_id), |n| format!("f.folder_id = ?{n}")))
            }
        }
        // Conditions SQL decides exactly, and those where the search index narrows.
        let exact = match first.condition {
            RuleCondition::OlderThan { days } => {
                let cutoff = now - i64::from(days) * 86_400;
                conditions.push(bind(Box::new(cutoff), |n| format!("a.sort_at < ?{n}")));
                true
            }
            RuleCondition::HasAttachment => {
                conditions.push("coalesce(a.enclosures, '[]') != '[]'".to_string());
                true
            }
            _ => false,
        };
        let from = format!(
            "FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE {}",
            conditions.join(" AND ")
        );
        let conn = self.reader();
        let count_all = || -> Result<u64> {
            let count: i64 = conn.query_row(
                &format!("SELECT count(*) {from}"),
                rusqlite::params_from_iter(args.iter()),
                |row| row.get(0),
            )?;
            Ok(count as u64)
        };
        if exact {
            let newest = conn
                .prepare(&format!(
                    "SELECT a.id, a.feed_id {from} ORDER BY a.sort_at DESC, a.id DESC LIMIT {}",
                    keep.min(i64::MAX as usize)
                ))?
                .query_map(rusqlite::params_from_iter(args.iter()), |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let count = if newest.len() < keep {
                newest.len() as u64
            } else {
                count_all()?
            };
            return Ok(RuleMatches {
                newest,
                count,
                estimated: false,
            });
        }
        let body = if rule.reads_text() {
            "(SELECT b.html FROM article_bodies b WHERE b.article_id = a.id)"
        } else {
            "NULL"
        };
        let select = format!(
            "SELECT a.id, a.feed_id, f.folder_id, a.title, a.author,
                 coalesce(f.custom_title, f.title), a.url, coalesce(a.enclosures, '[]') != '[]',
                 a.sort_at, {body}"
        );
        let mut scan = Scan {
            rule,
            now,
            keep,
            found: Vec::new(),
            matched: 0,
            looked_at: 0,
        };
        let out_of_time = || budget.is_some_and(|budget| started.elapsed() > budget);
        let mut finished = true;
        // Words the search index can find: the articles holding them, the last stored first, a
        // few hundred at a time; the index is asked once, and its answer is what an estimate
        // scales to.
        let candidates = match rule.index_query() {
            Some(query) => {
                let ids: Vec<ArticleId> = conn
                    .prepare_cached(
                        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC",
                    )?
                    .query_map([query], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let n = args.len() + 1;
                let mut stmt = conn.prepare(&format!(
                    "{select} {from} AND a.id IN (SELECT value FROM json_each(?{n}))"
                ))?;
                for chunk in ids.chunks(ROWS_PER_CLOCK) {
                    if scan.looked_at > 0 && out_of_time() {
                        finished = false;
                        break;
                    }
                    let before = scan.looked_at;
                    let list = serde_json::to_string(chunk).unwrap_or_default();
                    let mut bound: Vec<&dyn ToSql> = args.iter().map(|a| a.as_ref()).collect();
                    bound.push(&list);
                    let mut rows = stmt.query(&*bound)?;
                    while let Some(row) = rows.next()? {
                        scan.check(row)?;
                    }
                    // Those the scope left out were looked at too.
                    scan.looked_at = before + chunk.len() as u64;
                }
                Some(ids.len() as u64)
            }
            None => {
                let mut stmt = conn.prepare(&format!(
                    "{select} {from} ORDER BY a.sort_at DESC, a.id DESC"
                ))?;
                let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
                while let Some(row) = rows.next()? {
                    if scan.looked_at > 0
                        && scan.looked_at.is_multiple_of(ROWS_PER_CLOCK as u64)
                        && out_of_time()
                    {
                        finished = false;
                        break;
                    }
                    scan.check(row)?;
                }
                None
            }
        };
        let (newest, matched, looked_at) = scan.finish();
        if finished {
            return Ok(RuleMatches {
                newest,
                count: matched,
                estimated: false,
            });
        }
        let all = match candidates {
            Some(all) => all,
            None => count_all()?,
        };
        let estimate = (matched as f64 * all as f64 / looked_at.max(1) as f64).round() as u64;
        Ok(RuleMatches {
            newest,
            count: estimate.max(matched),
            estimated: true,
        })
    }
}

/// Articles looked at one by one, and those the rule matches.
struct Scan<'r> {
    rule: &'r RuleSet,
    now: Timestamp,
    keep: usize,
    /// Matches, with their dates, to keep the newest.
    found: Vec<(Timestamp, ArticleId, FeedId)>,
    matched: u64,
    looked_at: u64,
}

impl Scan<'_> {
    fn check(&mut self, row: &rusqlite::Row) -> rusqlite::Result<()> {
        self.looked_at += 1;
        let (title, author, feed_title, url): (String, Option<String>, String, Option<String>) =
            (row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?);
        let html: Option<String> = row.get(9)?;
        // As an arriving article's text is read (`NewArticle::content_text`).
        let text = html.as_deref().map(words_of_sanitized).unwrap_or_default();
        let candidate = Candidate {
            feed_id: row.get(1)?,
            folder_id: row.get(2)?,
            title: &title,
            text: &text,
            author: author.as_deref(),
            feed_title: &feed_title,
            url: url.as_deref(),
            has_attachment: row.get(7)?,
            sort_at: row.get(8)?,
        };
        if !self.rule.matching(&candidate, self.now).is_empty() {
            self.matched += 1;
            self.found
                .push((candidate.sort_at, row.get(0)?, row.get(1)?));
            // Keeping every match only to pick the newest would cost memory for nothing.
            if self.found.len() >= self.keep.saturating_mul(2).max(1_024) {
                self.trim();
            }
        }
        Ok(())
    }

    fn trim(&mut self) {
        self.found
            .sort_by_key(|&(at, id, _)| std::cmp::Reverse((at, id)));
        self.found.truncate(self.keep);
    }

    /// The newest matches kept, how many matched, how many were looked at.
    fn finish(mut self) -> (Vec<(ArticleId, FeedId)>, u64, u64) {
        self.trim();
        let newest = self.found.iter().map(|&(_, id, feed)| (id, feed)).collect();
        (newest, self.matched, self.looked_at)
    }
}
