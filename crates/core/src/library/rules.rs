//! Rules as a person uses them: tried on the library while being written (the preview), saved
//! (acting at once on the articles already here, with one Undo, and on every article that
//! arrives after), listed, removed, and carried between libraries as a JSON file.

use super::Library;
use super::undo::Undoable;
use crate::api::{Rule, RulePreview, RuleSaved, StoredRule};
use crate::rules::RuleSet;
use crate::{Error, Result, now};

/// Articles a preview lists (all of them are counted).
pub const PREVIEW_ROWS: usize = 50;

/// How long a preview looks at articles before it estimates the rest: it follows the typing.
const PREVIEW_BUDGET: std::time::Duration = std::time::Duration::from_millis(100);

/// Rules one file may hold: far more than anyone writes, few enough to check them all at once.
const RULES_IN_A_FILE: usize = 1_000;

/// The largest rules file read: a thousand long rules fit several times over.
const RULES_FILE_MAX_BYTES: u64 = 4 << 20;

impl Library {
    /// The rules, in the order they act.
    pub async fn rules(&self) -> Result<Vec<StoredRule>> {
        self.blocking(|s| s.rules()).await
    }

    /// How many of the library's feed articles `rule` would act on, and the newest of them.
    pub async fn preview_rule(&self, rule: Rule) -> Result<RulePreview> {
        let compiled = RuleSet::new(vec![rule])?;
        self.blocking(move |s| {
            let matches = s.rule_matches(&compiled, now(), PREVIEW_ROWS, Some(PREVIEW_BUDGET))?;
            let mut articles = Vec::new();
            for (id, _) in &matches.newest {
                articles.extend(s.article_summary(*id)?);
            }
            Ok(RulePreview {
                count: matches.count,
                estimated: matches.estimated,
                articles,
            })
        })
        .await
    }

    /// Keeps a rule, after the others, and does what it says to the articles already here that
    /// it matches; the answer's token undoes that (the rule stays).
    pub async fn save_rule(&self, rule: Rule) -> Result<RuleSaved> {
        let compiled = RuleSet::new(vec![rule.clone()])?;
        let (stored, changes) = self
            .blocking(move |s| {
                let at = now();
                let matches: Vec<_> = s
                    .rule_matches(&compiled, at, usize::MAX, None)?
                    .newest
                    .into_iter()
                    .map(|m| m.0)
                    .collect();
                s.add_rule(&rule, &matches, at)
            })
            .await?;
        self.outbox_may_have_changed();
        if matches!(stored.rule.action, crate::api::RuleAction::Bookmark)
            && !changes.changed.is_empty()
        {
            self.work_asked_for();
        }
        let changed = changes.changed.len() as u64;
        let undo = self.undo.remember(Undoable::RuleApplied(changes));
        Ok(RuleSaved {
            rule: stored,
            changed,
            undo,
        })
    }

    /// Removes a rule; what it did stays done.
    pub async fn remove_rule(&self, id: i64) -> Result<()> {
        self.change(format!("rule {id}"), move |s| s.remove_rule(id))
            .await
    }

    /// Every rule as a JSON file's text (the `Rule` objects, in order).
    pub async fn export_rules(&self) -> Result<String> {
        let rules: Vec<Rule> = self.rules().await?.into_iter().map(|r| r.rule).collect();
        serde_json::to_string_pretty(&rules).map_err(|e| Error::Invalid(e.to_string()))
    }

    /// [`Library::import_rules`] from a file, refused unread when it is too big to be one.
    pub async fn import_rules_file(&self, path: &std::path::Path) -> Result<usize> {
        let file_error = |reason: String| Error::File {
            path: path.display().to_string(),
            reason,
        };
        let size = std::fs::metadata(path)
            .map_err(|e| file_error(e.to_string()))?
            .len();
        if size > RULES_FILE_MAX_BYTES {
            return Err(file_error(format!(
                "{size} bytes is too big for a file of rules (at most {RULES_FILE_MAX_BYTES})"
            )));
        }
        let json = std::fs::read_to_string(path).map_err(|e| file_error(e.to_string()))?;
        self.import_rules(&json).await
    }

    /// Adds the rules of a file written by [`Library::export_rules`] after the others; they act
    /// on articles that arrive from now on. Every rule is checked first: a file with one that
    /// cannot be used adds none, and the error names it. Returns how many were added.
    pub async fn import_rules(&self, json: &str) -> Result<usize> {
        let rules: Vec<Rule> = serde_json::from_str(json)
            .map_err(|e| Error::Invalid(format!("this is not a file of Tidings rules: {e}")))?;
        if rules.len() > RULES_IN_A_FILE {
            return Err(Error::Invalid(format!(
                "a file of rules holds at most {RULES_IN_A_FILE}"
            )));
        }
        for (i, rule) in rules.iter().enumerate() {
            RuleSet::check(rule)
                .map_err(|e| Error::Invalid(format!("rule {} of the file: {e}", i + 1)))?;
        }
        let count = rules.len();
        self.blocking(move |s| s.import_rules(&rules, now()))
            .await?;
        Ok(count)
    }
}
