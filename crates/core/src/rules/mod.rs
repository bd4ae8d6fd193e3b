//! Rules: which rules an article matches, decided the same way for an article arriving and for
//! the library's articles when a rule is previewed or saved. Pure: the store feeds it articles
//! and does what the matching rules say.
//!
//! Words are runs of letters and digits, compared in lower case; a rule's words match whole
//! words ("seal" does not match "seals"), and a phrase matches its words one after the other
//! whatever stands between them. Every rule's words for one field are found in one pass over
//! that field (an Aho-Corasick automaton, ASCII case folded, each hit kept when it is a whole
//! word), so fifty rules cost about what one does; the text is copied into lower case only
//! when some rule's word for it is not ASCII. Regular expressions use the `regex` crate, which
//! runs in time linear in the text whatever the pattern, with its size capped, so a hostile
//! pattern cannot stall a refresh.

use std::cell::OnceCell;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::api::{FeedId, FolderId, Rule, RuleAction, RuleCondition, RuleField, RuleScope};
use crate::library::tag_name;
use crate::{Error, Result, Timestamp};

#[cfg(test)]
mod tests;
mod words;

use words::is_word_char;
pub use words::searchable;

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
    /// For each field: every word the rules look for in it (in lower case), the patterns
    /// rules test (a word, or a phrase: words one after the other) as word indices, and the
    /// automaton that finds every word in one pass.
    words: [Vec<String>; 5],
    patterns: [Vec<Vec<usize>>; 5],
    finders: [Option<Finder>; 5],
}

#[derive(Debug, Clone)]
struct Finder {
    words: AhoCorasick,
    /// Every word is ASCII: the field's own text is searched, its case folded by the automaton;
    /// otherwise a lower-case copy ([`searchable`]).
    ascii: bool,
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
                let words: Vec<usize> = form
                    .split_whitespace()
                    .map(|word| self.word(*field, word))
                    .collect();
                let wanted: Vec<Vec<usize>> =
                    if matches!(rule.condition, RuleCondition::Words { .. }) {
                        words.into_iter().map(|word| vec![word]).collect()
                    } else {
                        vec![words]
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

    /// The index of `word` among the field's, added if new.
    fn word(&mut self, field: RuleField, word: &str) -> usize {
        index_of(&mut self.words[field as usize], word.to_string())
    }

    /// The index of `pattern` among the field's, added if new.
    fn pattern(&mut self, field: RuleField, pattern: Vec<usize>) -> usize {
        index_of(&mut self.patterns[field as usize], pattern)
    }

    fn build(&mut self) {
        for field in FIELDS {
            let words = &self.words[field as usize];
            self.finders[field as usize] = (!words.is_empty()).then(|| Finder {
                words: AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(words)
                    .expect("a few hundred short words always build"),
                ascii: words.iter().all(|w| w.is_ascii()),
            });
        }
    }

    /// Which of the field's patterns its text holds.
    fn found(&self, field: RuleField, text: &str) -> Vec<bool> {
        let patterns = &self.patterns[field as usize];
        let Some(finder) = &self.finders[field as usize] else {
            return vec![false; patterns.len()];
        };
        let copy;
        let text = if finder.ascii {
            text
        } else {
            copy = searchable(text);
            &copy
        };
        // Every whole word of the rules', in order: (start, end, word).
        let hits: Vec<(usize, usize, usize)> = finder
            .words
            .find_iter(text)
            .filter(|hit| {
                let before = text[..hit.start()].chars().next_back();
                let after = text[hit.end()..].chars().next();
                !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
            })
            .map(|hit| (hit.start(), hit.end(), hit.pattern().as_usize()))
            .collect();
        patterns
            .iter()
            .map(|pattern| {
                (0..hits.len()).any(|first| {
                    pattern.iter().enumerate().all(|(k, &word)| {
                        hits.get(first + k).is_some_and(|&(start, _, hit)| {
                            // Each next word follows the one before with no other word between.
                            hit == word
                                && (k == 0
                                    || !text[hits[first + k - 1].1..start]
                                        .chars()
                                        .any(is_word_char))
                        })
                    })
                })
            })
            .collect()
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
            found[field as usize].get_or_init(|| self.found(field, article.field(field)))
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
                    .iter()
                    .map(|&w| {
                        let word = &self.words[*field as usize][w];
                        format!("\"{}\"", word.replace('"', "\"\""))
                    })
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

/// The index of `item` in `items`, pushed if new.
fn index_of<T: PartialEq>(items: &mut Vec<T>, item: T) -> usize {
    match items.iter().position(|i| *i == item) {
        Some(at) => at,
        None => {
            items.push(item);
            items.len() - 1
        }
    }
}
