//! Rules: whether an article matches a rule, decided the same way for an article arriving and
//! for the library's articles when a rule is previewed or saved. Pure: the store feeds it
//! articles and does what the matching rules say.
//!
//! Words are runs of letters and digits, compared in lower case; a rule's words match whole
//! words ("seal" does not match "seals"). Regular expressions use the `regex` crate, which runs
//! in time linear in the text whatever the pattern, with its size capped, so a hostile pattern
//! cannot stall a refresh.

use std::cell::OnceCell;
use std::collections::HashSet;

use regex::{Regex, RegexBuilder};

use crate::api::{FeedId, FolderId};
use crate::api::{Rule, RuleAction, RuleCondition, RuleField, RuleScope};
use crate::library::tag_name;
use crate::{Error, Result, Timestamp};

#[cfg(test)]
mod tests;

/// Characters a rule's words, phrase or pattern hold at most.
pub const RULE_TEXT_MAX_CHARS: usize = 500;

/// What a compiled pattern may take in memory: plenty for any pattern a person writes.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A rule made ready to test articles with.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub rule: Rule,
    test: Test,
}

#[derive(Debug, Clone)]
enum Test {
    Words(RuleField, Vec<String>),
    Phrase(RuleField, Vec<String>),
    Regex(RuleField, Regex),
    /// Seconds.
    OlderThan(Timestamp),
    HasAttachment,
}

/// An article as rules see it. The text's words are found once, whatever the number of rules.
pub struct Candidate<'a> {
    pub feed_id: Option<FeedId>,
    pub folder_id: Option<FolderId>,
    pub title: &'a str,
    pub text: &'a str,
    pub author: Option<&'a str>,
    pub feed_title: &'a str,
    pub url: Option<&'a str>,
    pub has_attachment: bool,
    pub sort_at: Timestamp,
    words: [OnceCell<Vec<String>>; 5],
}

impl<'a> Candidate<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        feed_id: Option<FeedId>,
        folder_id: Option<FolderId>,
        title: &'a str,
        text: &'a str,
        author: Option<&'a str>,
        feed_title: &'a str,
        url: Option<&'a str>,
        has_attachment: bool,
        sort_at: Timestamp,
    ) -> Candidate<'a> {
        Candidate {
            feed_id,
            folder_id,
            title,
            text,
            author,
            feed_title,
            url,
            has_attachment,
            sort_at,
            words: Default::default(),
        }
    }

    fn field(&self, field: RuleField) -> &'a str {
        match field {
            RuleField::Title => self.title,
            RuleField::Text => self.text,
            RuleField::Author => self.author.unwrap_or_default(),
            RuleField::Feed => self.feed_title,
            RuleField::Link => self.url.unwrap_or_default(),
        }
    }

    /// The field's words in lower case, in order, found on first asking.
    fn words(&self, field: RuleField) -> &[String] {
        self.words[field as usize].get_or_init(|| words(self.field(field)))
    }
}

/// Runs of letters and digits (and private-use characters, which the search index keeps in
/// words too), in lower case.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || is_private_use(c)))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

impl CompiledRule {
    /// Checks a rule as written and readies it; the error says what to change.
    pub fn new(rule: Rule) -> Result<CompiledRule> {
        let invalid = |why: &str| Err(Error::Invalid(why.to_string()));
        let test = match &rule.condition {
            RuleCondition::Words { field, words: text }
            | RuleCondition::Phrase {
                field,
                phrase: text,
            } => {
                if text.chars().count() > RULE_TEXT_MAX_CHARS {
                    return invalid(&format!(
                        "a rule's words are at most {RULE_TEXT_MAX_CHARS} characters long"
                    ));
                }
                let found = words(text);
                if found.is_empty() {
                    return invalid(
                        "a rule needs at least one word (letters or digits) to look for",
                    );
                }
                if matches!(rule.condition, RuleCondition::Words { .. }) {
                    Test::Words(*field, found)
                } else {
                    Test::Phrase(*field, found)
                }
            }
            RuleCondition::Regex { field, pattern } => {
                if pattern.chars().count() > RULE_TEXT_MAX_CHARS {
                    return invalid(&format!(
                        "a rule's pattern is at most {RULE_TEXT_MAX_CHARS} characters long"
                    ));
                }
                if pattern.is_empty() {
                    return invalid("a rule's pattern cannot be empty");
                }
                let regex = RegexBuilder::new(pattern)
                    .case_insensitive(true)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .dfa_size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| {
                        Error::Invalid(format!(
                            "the pattern is not a regular expression Tidings can use: {e}"
                        ))
                    })?;
                Test::Regex(*field, regex)
            }
            RuleCondition::OlderThan { days } => {
                if *days == 0 {
                    return invalid("say how many days old (1 or more)");
                }
                Test::OlderThan(i64::from(*days) * 86_400)
            }
            RuleCondition::HasAttachment => Test::HasAttachment,
        };
        if let RuleAction::Tag { tag } = &rule.action {
            tag_name(tag)?;
        }
        Ok(CompiledRule { rule, test })
    }

    /// Whether the rule looks at the article's feed.
    pub fn covers(&self, article: &Candidate) -> bool {
        match self.rule.scope {
            RuleScope::All => article.feed_id.is_some(),
            RuleScope::Feed { feed_id } => article.feed_id == Some(feed_id),
            RuleScope::Folder { folder_id } => article.folder_id == Some(folder_id),
        }
    }

    /// Whether the rule acts on the article: it looks at its feed, and its condition holds
    /// (`now` for how old it is).
    pub fn matches(&self, article: &Candidate, now: Timestamp) -> bool {
        if !self.covers(article) {
            return false;
        }
        match &self.test {
            Test::Words(field, wanted) => {
                let have: HashSet<&str> =
                    article.words(*field).iter().map(String::as_str).collect();
                wanted.iter().all(|w| have.contains(w.as_str()))
            }
            Test::Phrase(field, wanted) => article
                .words(*field)
                .windows(wanted.len())
                .any(|window| window == wanted.as_slice()),
            Test::Regex(field, regex) => regex.is_match(article.field(*field)),
            Test::OlderThan(age) => article.sort_at < now - age,
            Test::HasAttachment => article.has_attachment,
        }
    }

    /// Whether testing it needs the article's text (read from its stored HTML).
    pub fn reads_text(&self) -> bool {
        matches!(
            self.rule.condition,
            RuleCondition::Words {
                field: RuleField::Text,
                ..
            } | RuleCondition::Phrase {
                field: RuleField::Text,
                ..
            } | RuleCondition::Regex {
                field: RuleField::Text,
                ..
            }
        )
    }

    /// The words an FTS5 query must find for the rule to match, when the index can narrow the
    /// articles to look at: a superset of the matches, since the index folds diacritics and
    /// stems words as well as lower-casing them.
    pub fn index_query(&self) -> Option<String> {
        let (field, words, phrase) = match &self.test {
            Test::Words(field, words) => (field, words, false),
            Test::Phrase(field, words) => (field, words, true),
            _ => return None,
        };
        let column = match field {
            RuleField::Title => "title",
            RuleField::Text => "content",
            RuleField::Author => "author",
            RuleField::Feed | RuleField::Link => return None,
        };
        // Each word quoted (an FTS5 string: a quote doubled), so no word reads as an operator.
        let quoted: Vec<String> = words
            .iter()
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect();
        Some(if phrase {
            format!("{column} : {}", quoted.join(" + "))
        } else {
            quoted
                .iter()
                .map(|w| format!("{column} : {w}"))
                .collect::<Vec<_>>()
                .join(" AND ")
        })
    }
}
