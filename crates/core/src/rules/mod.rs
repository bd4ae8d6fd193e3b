//! Rules: which rules an article matches, decided the same way for an article arriving and for
//! the library's articles when a rule is previewed or saved. Pure: the store feeds it articles
//! and does what the matching rules say.
//!
//! Words are runs of letters and digits, compared in lower case; a rule's words match whole
//! words ("seal" does not match "seals"), and a phrase matches its words one after the other
//! whatever stands between them. Every rule's words and phrases for one field are found in one
//! pass over that field (an Aho-Corasick automaton over its text brought to one form: words in
//! lower case between single spaces), so fifty rules cost about what one does. Regular
//! expressions use the `regex` crate, which runs in time linear in the text whatever the
//! pattern, with its size capped, so a hostile pattern cannot stall a refresh.

use std::cell::OnceCell;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::api::{FeedId, FolderId, Rule, RuleAction, RuleCondition, RuleField, RuleScope};
use crate::library::tag_name;
use crate::{Error, Result, Timestamp};

#[cfg(test)]
mod tests;

/// Characters a rule's words, phrase or pattern hold at most.
pub const RULE_TEXT_MAX_CHARS: usize = 500;

/// What a compiled pattern may take in memory: plenty for any pattern a person writes.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

const FIELDS: [RuleField; 5] = [
    RuleField::Title,
    RuleField::Text,
    RuleField::Author,
    RuleField::Feed,
    RuleField::Link,
];

/// Rules made ready to test articles with, in the order they act.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<(Rule, Test)>,
    /// For each field, every word and phrase the rules look for in it, in the field's form
    /// (" word ", " two words "), and the automaton that finds them all in one pass.
    patterns: [Vec<String>; 5],
    finders: [Option<AhoCorasick>; 5],
}

#[derive(Debug, Clone)]
enum Test {
    /// Every one of these patterns of the field is found.
    All(RuleField, Vec<usize>),
    Regex(RuleField, Regex),
    /// Older than this many seconds.
    OlderThan(Timestamp),
    HasAttachment,
}

/// An article as rules see it; each field is brought to its searchable form once, whatever the
/// number of rules.
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
}

impl Candidate<'_> {
    fn field(&self, field: RuleField) -> &str {
        match field {
            RuleField::Title => self.title,
            RuleField::Text => self.text,
            RuleField::Author => self.author.unwrap_or_default(),
            RuleField::Feed => self.feed_title,
            RuleField::Link => self.url.unwrap_or_default(),
        }
    }
}

/// The text's words in lower case, each between single spaces: " harbour seals return ".
pub fn searchable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let mut in_word = false;
    // ASCII a byte at a time (most text, and every separator a feed's text uses most); the
    // rest a character at a time.
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        let (ascii, tail) = rest.split_at(at);
        push_ascii(ascii, &mut out, &mut in_word);
        let c = tail
            .chars()
            .next()
            .expect("a non-ASCII byte starts a character");
        push_char(c, &mut out, &mut in_word);
        rest = &tail[c.len_utf8()..];
    }
    push_ascii(rest, &mut out, &mut in_word);
    if in_word {
        out.push(' ');
    }
    out
}

fn push_ascii(ascii: &str, out: &mut String, in_word: &mut bool) {
    for &b in ascii.as_bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
            *in_word = true;
        } else if *in_word {
            out.push(' ');
            *in_word = false;
        }
    }
}

fn push_char(c: char, out: &mut String, in_word: &mut bool) {
    if is_word_char(c) {
        out.extend(c.to_lowercase());
        *in_word = true;
    } else if *in_word {
        out.push(' ');
        *in_word = false;
    }
}

/// Letters and digits, and private-use characters, which the search index keeps in words too.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

impl RuleSet {
    /// Readies `rules`; the first that cannot be used is refused, and the error says why.
    pub fn new(rules: Vec<Rule>) -> Result<RuleSet> {
        let mut set = RuleSet::default();
        for rule in rules {
            set.push(rule)?;
        }
        set.build();
        Ok(set)
    }

    /// Readies the rules that can be used and leaves out the others (written by another
    /// version, say): rules never stop a refresh.
    pub fn usable(rules: Vec<Rule>) -> RuleSet {
        let mut set = RuleSet::default();
        for rule in rules {
            let _ = set.push(rule);
        }
        set.build();
        set
    }

    /// Checks one rule as written; the error says what to change.
    pub fn check(rule: &Rule) -> Result<()> {
        RuleSet::default().push(rule.clone())
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rules, in the order they act.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().map(|(rule, _)| rule)
    }

    fn push(&mut self, rule: Rule) -> Result<()> {
        let invalid = |why: String| Err(Error::Invalid(why));
        let test = match &rule.condition {
            RuleCondition::Words { field, words: text }
            | RuleCondition::Phrase {
                field,
                phrase: text,
            } => {
                if text.chars().count() > RULE_TEXT_MAX_CHARS {
                    return invalid(format!(
                        "a rule's words are at most {RULE_TEXT_MAX_CHARS} characters long"
                    ));
                }
                let form = searchable(text);
                if form.trim().is_empty() {
                    return invalid(
                        "a rule needs at least one word (letters or digits) to look for"
                            .to_string(),
                    );
                }
                let wanted: Vec<String> = if matches!(rule.condition, RuleCondition::Words { .. }) {
                    form.split_whitespace().map(|w| format!(" {w} ")).collect()
                } else {
                    vec![form]
                };
                let indices = wanted
                    .into_iter()
                    .map(|pattern| self.pattern(*field, pattern))
                    .collect();
                Test::All(*field, indices)
            }
            RuleCondition::Regex { field, pattern } => {
                if pattern.chars().count() > RULE_TEXT_MAX_CHARS {
                    return invalid(format!(
                        "a rule's pattern is at most {RULE_TEXT_MAX_CHARS} characters long"
                    ));
                }
                if pattern.is_empty() {
                    return invalid("a rule's pattern cannot be empty".to_string());
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
                    return invalid("say how many days old (1 or more)".to_string());
                }
                Test::OlderThan(i64::from(*days) * 86_400)
            }
            RuleCondition::HasAttachment => Test::HasAttachment,
        };
        if let RuleAction::Tag { tag } = &rule.action {
            tag_name(tag)?;
        }
        self.rules.push((rule, test));
        Ok(())
    }

    /// The index of `pattern` among the field's, added if new.
    fn pattern(&mut self, field: RuleField, pattern: String) -> usize {
        let patterns = &mut self.patterns[field as usize];
        match patterns.iter().position(|p| *p == pattern) {
            Some(at) => at,
            None => {
                patterns.push(pattern);
                patterns.len() - 1
            }
        }
    }

    fn build(&mut self) {
        for field in FIELDS {
            let patterns = &self.patterns[field as usize];
            self.finders[field as usize] = (!patterns.is_empty()).then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(patterns)
                    .expect("a few hundred short patterns always build")
            });
        }
    }

    /// Whether some rule reads the article's text (the store then reads it from its HTML).
    pub fn reads_text(&self) -> bool {
        self.rules.iter().any(|(_, test)| {
            matches!(
                test,
                Test::All(RuleField::Text, _) | Test::Regex(RuleField::Text, _)
            )
        })
    }

    /// The rule at `index`, in the order they act.
    pub fn rule(&self, index: usize) -> &Rule {
        &self.rules[index].0
    }

    /// The indices of the rules that act on the article, in order: each looks at its feed,
    /// and its condition holds (`now` for how old it is).
    pub fn matching(&self, article: &Candidate, now: Timestamp) -> Vec<usize> {
        // Each field's patterns found in it, worked out on first need.
        let found: [OnceCell<Vec<bool>>; 5] = Default::default();
        let found_in = |field: RuleField| {
            found[field as usize].get_or_init(|| {
                let mut seen = vec![false; self.patterns[field as usize].len()];
                if let Some(finder) = &self.finders[field as usize] {
                    let form = searchable(article.field(field));
                    for hit in finder.find_overlapping_iter(&form) {
                        seen[hit.pattern().as_usize()] = true;
                    }
                }
                seen
            })
        };
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, (rule, test))| {
                covers(rule.scope, article)
                    && match test {
                        Test::All(field, wanted) => {
                            let seen = found_in(*field);
                            wanted.iter().all(|&i| seen[i])
                        }
                        Test::Regex(field, regex) => regex.is_match(article.field(*field)),
                        Test::OlderThan(age) => article.sort_at < now - age,
                        Test::HasAttachment => article.has_attachment,
                    }
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// For a set of one rule: an FTS5 query every article it matches also matches, when the
    /// search index can narrow the articles to look at (a superset: the index folds diacritics
    /// and stems words as well as lower-casing them).
    pub fn index_query(&self) -> Option<String> {
        let [(_, Test::All(field, wanted))] = self.rules.as_slice() else {
            return None;
        };
        let column = match field {
            RuleField::Title => "title",
            RuleField::Text => "content",
            RuleField::Author => "author",
            RuleField::Feed | RuleField::Link => return None,
        };
        // Each pattern a phrase of quoted words (an FTS5 string: a quote doubled), so no word
        // reads as an operator.
        let phrases: Vec<String> = wanted
            .iter()
            .map(|&i| {
                let words: Vec<String> = self.patterns[*field as usize][i]
                    .split_whitespace()
                    .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
                    .collect();
                format!("{column} : {}", words.join(" + "))
            })
            .collect();
        Some(phrases.join(" AND "))
    }
}

/// Whether a rule of that scope looks at the article's feed. Saved pages belong to no feed:
/// rules are for what feeds bring.
fn covers(scope: RuleScope, article: &Candidate) -> bool {
    match scope {
        RuleScope::All => article.feed_id.is_some(),
        RuleScope::Feed { feed_id } => article.feed_id == Some(feed_id),
        RuleScope::Folder { folder_id } => article.folder_id == Some(folder_id),
    }
}
