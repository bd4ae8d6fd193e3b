//! Rules at scale (issue 18): the preview of a rule while it is written, against the big
//! database (≤ 200 ms at 1M articles), and what fifty rules add to the CPU of a refresh of
//! loopback feeds (≤ 5%), both with and without rules in alternation so that both see the same
//! machine.

use std::path::Path;

use tidings_core::Library;
use tidings_core::api::{Rule, RuleAction, RuleCondition, RuleField, RuleScope};
use tidings_testkit::Farm;

use super::cases::{Case, Outcome, Runner, median};
use super::corpus::word;

impl Runner<'_> {
    /// The preview of rules of every kind, as the rules dialog asks for it.
    pub fn rule_previews(&mut self) -> Outcome {
        let rt = self.runtime;
        let w = word;
        let all = |condition| Rule {
            scope: RuleScope::All,
            condition,
            action: RuleAction::Mute,
        };
        let words = |field, words: String| RuleCondition::Words { field, words };
        let previews = [
            (
                "title has a rare word",
                all(words(RuleField::Title, w(3_000))),
            ),
            (
                "title has a common word",
                all(words(RuleField::Title, w(30))),
            ),
            (
                "text has two words",
                all(words(RuleField::Text, format!("{} {}", w(200), w(2_000)))),
            ),
            (
                "text has a phrase",
                all(RuleCondition::Phrase {
                    field: RuleField::Text,
                    phrase: format!("{} {}", w(40), w(41)),
                }),
            ),
            (
                "title matches a pattern",
                all(RuleCondition::Regex {
                    field: RuleField::Title,
                    pattern: format!("^{}", w(100)),
                }),
            ),
            (
                "older than a year",
                all(RuleCondition::OlderThan { days: 365 }),
            ),
            (
                "one feed's titles have a word",
                Rule {
                    scope: RuleScope::Feed { feed_id: 2 },
                    ..all(words(RuleField::Title, w(300)))
                },
            ),
        ];
        let mut medians = Vec::new();
        let mut cpu = Vec::new();
        for (name, rule) in previews {
            let count = rt
                .block_on(self.library.preview_rule(rule.clone()))
                .map_err(|e| e.to_string())?
                .count;
            self.time(
                &format!("rule preview: {name}"),
                Some(200.0),
                format!("{count} match"),
                |l| {
                    rt.block_on(l.preview_rule(rule.clone()))
                        .map(drop)
                        .map_err(|e| e.to_string())
                },
            )?;
            let case = self.cases.last().expect("just pushed");
            medians.push(case.median());
            cpu.push(case.cpu_median());
        }
        self.cases.push(Case {
            name: "rule_preview_median_of_rules".to_string(),
            target_ms: Some(200.0),
            note: format!("{} rules", medians.len()),
            samples: medians,
            cpu,
        });
        Ok(())
    }
}

/// Fifty rules of every kind over the farm's words (it writes its text from ~330 words, each
/// in ~2% of titles and ~45% of texts), as selective as a person's: together they act on about
/// a tenth of what arrives. None bookmarks (that asks for pictures, which is other work).
pub fn fifty_rules() -> Vec<Rule> {
    let vocabulary = [
        "river",
        "backup",
        "inflation",
        "review",
        "cache",
        "index",
        "latency",
        "season",
        "price",
        "water",
        "train",
        "garden",
        "street",
        "update",
        "release",
        "data",
        "bread",
        "kernel",
        "species",
        "policy",
        "museum",
        "planet",
        "coffee",
        "budget",
        "rocket",
    ];
    let action = |i: usize| match i % 3 {
        0 => RuleAction::MarkRead,
        1 => RuleAction::Tag {
            tag: format!("topic {i}"),
        },
        _ => RuleAction::Mute,
    };
    let pair = |i: usize| {
        format!(
            "{} {}",
            vocabulary[i],
            vocabulary[(i + 7) % vocabulary.len()]
        )
    };
    let mut rules = Vec::new();
    // Titles: five single words, twenty pairs, some of them for one feed.
    for (i, word) in vocabulary.iter().enumerate() {
        rules.push(Rule {
            scope: if i % 4 == 0 {
                RuleScope::Feed {
                    feed_id: i as i64 + 1,
                }
            } else {
                RuleScope::All
            },
            condition: RuleCondition::Words {
                field: RuleField::Title,
                words: if i < 5 { word.to_string() } else { pair(i) },
            },
            action: action(i),
        });
    }
    // Texts: ten phrases, three sets of four words.
    for i in 0..10 {
        rules.push(Rule {
            scope: RuleScope::All,
            condition: RuleCondition::Phrase {
                field: RuleField::Text,
                phrase: pair(i),
            },
            action: action(i),
        });
    }
    for i in 0..3 {
        rules.push(Rule {
            scope: RuleScope::All,
            condition: RuleCondition::Words {
                field: RuleField::Text,
                words: format!("{} {}", pair(i), pair(i + 10)),
            },
            action: action(i),
        });
    }
    // Patterns on titles and links, and authors.
    for (i, word) in vocabulary.iter().take(6).enumerate() {
        rules.push(Rule {
            scope: RuleScope::All,
            condition: RuleCondition::Regex {
                field: if i % 2 == 0 {
                    RuleField::Title
                } else {
                    RuleField::Link
                },
                pattern: format!(r"\b{word}\w*\s+\d"),
            },
            action: action(i),
        });
    }
    for (i, name) in ["Mei Chen", "Grace Müller", "Farid Haddad", "Rosa García"]
        .iter()
        .enumerate()
    {
        rules.push(Rule {
            scope: RuleScope::All,
            condition: RuleCondition::Words {
                field: RuleField::Author,
                words: name.to_string(),
            },
            action: action(i),
        });
    }
    rules.push(Rule {
        scope: RuleScope::All,
        condition: RuleCondition::OlderThan { days: 3_650 },
        action: RuleAction::MarkRead,
    });
    rules.push(Rule {
        scope: RuleScope::All,
        condition: RuleCondition::HasAttachment,
        action: RuleAction::Tag {
            tag: "listen".to_string(),
        },
    });
    assert_eq!(rules.len(), 50);
    rules
}

/// A refresh of the farm's feeds into a new database, without rules and with fifty, in turn.
pub fn refresh_cost(
    runtime: &tokio::runtime::Runtime,
    farm: &Farm,
    feeds: usize,
    runs: usize,
    work: &Path,
) -> Result<Vec<Case>, String> {
    let rules = serde_json::to_string(&fifty_rules()).map_err(|e| e.to_string())?;
    let import_rules = |library: &Library, with: bool| {
        if with {
            runtime
                .block_on(library.import_rules(&rules))
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    };
    let mut acted = String::new();
    let mut matching_ms = 0.0;
    let look = |db: &Path, with: bool, run: usize| {
        if with && run == 0 {
            acted = what_rules_did(db)?;
            matching_ms = matching_alone(db)?;
        }
        Ok(())
    };
    let paired = super::refresh_into::paired(
        runtime,
        farm,
        (feeds, runs),
        work,
        "rules",
        import_rules,
        look,
    )?;
    // Each pair ran back to back, on the same machine: the median of their ratios.
    let matching_share = 100.0 * matching_ms / median(&paired.without.1);
    Ok(paired.cases(
        feeds,
        ["refresh_without_rules", "refresh_with_50_rules"],
        "<= 1.05x",
        &format!(
            "; {acted}; deciding alone {matching_ms:.0} ms CPU = {matching_share:.1}% of a \
             refresh without rules"
        ),
    ))
}

/// What the fifty rules did to a refresh's articles: how many they left read, muted, tagged.
fn what_rules_did(db: &Path) -> Result<String, String> {
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    let count = |sql: &str| -> Result<i64, String> {
        conn.query_row(sql, [], |row| row.get(0))
            .map_err(|e| e.to_string())
    };
    Ok(format!(
        "the rules left {} articles read ({} muted), {} tagged",
        count("SELECT count(*) FROM articles WHERE is_read = 1")?,
        count("SELECT count(*) FROM articles WHERE is_muted = 1")?,
        count("SELECT count(DISTINCT article_id) FROM article_tags")?,
    ))
}

/// The CPU the fifty rules take to decide on every article of a refreshed library, alone: the
/// articles read into memory first, then each decided as it was when it arrived.
fn matching_alone(db: &Path) -> Result<f64, String> {
    use tidings_core::rules::{Candidate, RuleSet};
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    type Row = (
        i64,
        Option<i64>,
        String,
        Option<String>,
        String,
        Option<String>,
        bool,
        i64,
        String,
    );
    let rows: Vec<Row> = conn
        .prepare(
            "SELECT a.feed_id, f.folder_id, a.title, a.author, f.title, a.url,
                 a.enclosures IS NOT NULL, a.sort_at, b.html
             FROM articles a JOIN feeds f ON f.id = a.feed_id
             JOIN article_bodies b ON b.article_id = a.id",
        )
        .and_then(|mut stmt| {
            stmt.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ))
            })?
            .collect()
        })
        .map_err(|e| e.to_string())?;
    let texts: Vec<String> = rows
        .iter()
        .map(|r| tidings_core::sanitize::words_of_sanitized(&r.8))
        .collect();
    let set = RuleSet::new(fifty_rules()).map_err(|e| e.to_string())?;
    let now = tidings_core::now();
    let clock = super::cases::Clock::start();
    let mut matched = 0;
    for (row, text) in rows.iter().zip(&texts) {
        let candidate = Candidate {
            feed_id: Some(row.0),
            folder_id: row.1,
            title: &row.2,
            text,
            author: row.3.as_deref(),
            feed_title: &row.4,
            url: row.5.as_deref(),
            has_attachment: row.6,
            sort_at: row.7,
        };
        matched += set.matching(&candidate, now).len();
    }
    let (_, cpu) = clock.stop();
    eprintln!(
        "the fifty rules decided on {} articles ({matched} matches) in {cpu:.0} ms CPU",
        rows.len()
    );
    Ok(cpu)
}
