//! Rules: "when an article … then …", as a person writes them, stores them and moves them
//! between libraries (the JSON of `Rule` is the export format).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ArticleSummary, FeedId, FolderId};

pub type RuleId = i64;

/// Which articles a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum RuleScope {
    /// Every feed's.
    All,
    #[serde(rename_all = "camelCase")]
    Folder {
        #[ts(type = "number")]
        folder_id: FolderId,
    },
    #[serde(rename_all = "camelCase")]
    Feed {
        #[ts(type = "number")]
        feed_id: FeedId,
    },
}

/// What of an article a condition reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RuleField {
    Title,
    /// The article's text (not its markup).
    Text,
    Author,
    /// The name of its feed.
    Feed,
    /// Its address.
    Link,
}

/// When a rule acts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum RuleCondition {
    /// Every one of these words is in the field, in any case and any order.
    Words { field: RuleField, words: String },
    /// These words, one after the other, in any case.
    Phrase { field: RuleField, phrase: String },
    /// A regular expression (Rust's `regex` syntax; in any case unless it says `(?-i)`).
    Regex { field: RuleField, pattern: String },
    /// Published more than this many days ago.
    OlderThan { days: u32 },
    /// It carries an attachment (a podcast episode, a PDF).
    HasAttachment,
}

/// What a rule does to an article it matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum RuleAction {
    MarkRead,
    /// Marks it read and hides it from every list; search still finds it.
    Mute,
    Bookmark,
    Tag {
        tag: String,
    },
    /// A desktop notification naming it, when a refresh brings it (nothing for the articles
    /// already here).
    Notify,
}

/// A rule as written: where it looks, when it acts, and what it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Rule {
    pub scope: RuleScope,
    pub condition: RuleCondition,
    pub action: RuleAction,
}

/// A rule kept in the library, in the order rules act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoredRule {
    #[ts(type = "number")]
    pub id: RuleId,
    pub rule: Rule,
}

/// The articles a rule would act on in the library as it is, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RulePreview {
    /// How many match.
    #[ts(type = "number")]
    pub count: u64,
    /// The library was too big to look at every article in the time a preview has: `count` is
    /// estimated from the newest ones.
    pub estimated: bool,
    /// The newest of them (at most `PREVIEW_ROWS`).
    pub articles: Vec<ArticleSummary>,
}

/// A rule kept and applied to the articles already in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RuleSaved {
    pub rule: StoredRule,
    /// How many articles it changed.
    #[ts(type = "number")]
    pub changed: u64,
    /// Give this back to undo what it changed (the rule stays).
    #[ts(type = "number")]
    pub undo: u64,
}
