//! `tidings-cli rules`: list, try, add and remove rules, and carry them in a file.

use std::path::Path;

use clap::{Args, ValueEnum};
use tidings_core::Library;
use tidings_core::api::{Rule, RuleAction, RuleCondition, RuleField, RuleScope, StoredRule};

use crate::error::{Failure, file_error};

#[derive(Clone, Copy, ValueEnum)]
pub enum Field {
    Title,
    Text,
    Author,
    Feed,
    Link,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Then {
    MarkRead,
    Mute,
    Bookmark,
    Tag,
    /// A desktop notification from the app when a refresh brings a match
    Notify,
}

/// When a rule acts, and where it looks.
#[derive(Args)]
pub struct When {
    /// What the words, phrase or pattern are looked for in
    #[arg(long = "in", value_enum, default_value = "title")]
    field: Field,
    /// Every one of these words, in any case and order
    #[arg(long, group = "test", value_name = "WORDS")]
    words: Option<String>,
    /// These words one after the other
    #[arg(long, group = "test", value_name = "PHRASE")]
    phrase: Option<String>,
    /// A regular expression (in any case unless it says (?-i))
    #[arg(long, group = "test", value_name = "PATTERN")]
    regex: Option<String>,
    /// Published more than DAYS days ago
    #[arg(long, group = "test", value_name = "DAYS")]
    older_than: Option<u32>,
    /// Carries an attachment
    #[arg(long, group = "test")]
    has_attachment: bool,
    /// Only this feed's articles
    #[arg(long, value_name = "ID", conflicts_with = "folder")]
    feed: Option<i64>,
    /// Only the articles of this folder's feeds
    #[arg(long, value_name = "ID")]
    folder: Option<i64>,
}

impl When {
    fn scope(&self) -> RuleScope {
        match (self.feed, self.folder) {
            (Some(feed_id), _) => RuleScope::Feed { feed_id },
            (None, Some(folder_id)) => RuleScope::Folder { folder_id },
            (None, None) => RuleScope::All,
        }
    }

    fn condition(&self) -> Result<RuleCondition, Failure> {
        let field = match self.field {
            Field::Title => RuleField::Title,
            Field::Text => RuleField::Text,
            Field::Author => RuleField::Author,
            Field::Feed => RuleField::Feed,
            Field::Link => RuleField::Link,
        };
        Ok(
            match (&self.words, &self.phrase, &self.regex, self.older_than) {
                (Some(words), ..) => RuleCondition::Words {
                    field,
                    words: words.clone(),
                },
                (_, Some(phrase), ..) => RuleCondition::Phrase {
                    field,
                    phrase: phrase.clone(),
                },
                (_, _, Some(pattern), _) => RuleCondition::Regex {
                    field,
                    pattern: pattern.clone(),
                },
                (_, _, _, Some(days)) => RuleCondition::OlderThan { days },
                _ if self.has_attachment => RuleCondition::HasAttachment,
                _ => {
                    return Err(Failure::Usage(
                    "say when the rule acts: --words, --phrase, --regex, --older-than or --has-attachment"
                        .to_string(),
                ));
                }
            },
        )
    }
}

/// The rule `when` and `then` describe.
pub fn rule(when: &When, then: Then, tag: Option<String>) -> Result<Rule, Failure> {
    let action = match (then, tag) {
        (Then::MarkRead, _) => RuleAction::MarkRead,
        (Then::Mute, _) => RuleAction::Mute,
        (Then::Bookmark, _) => RuleAction::Bookmark,
        (Then::Tag, Some(tag)) => RuleAction::Tag { tag },
        (Then::Tag, None) => return Err(Failure::Usage("--then tag needs --tag NAME".to_string())),
        (Then::Notify, _) => RuleAction::Notify,
    };
    Ok(Rule {
        scope: when.scope(),
        condition: when.condition()?,
        action,
    })
}

/// A rule to preview: what it would do does not change which articles it matches.
pub fn matching(when: &When) -> Result<Rule, Failure> {
    rule(when, Then::MarkRead, None)
}

/// Each rule on a line: its id and what it says.
pub async fn list(library: &Library) -> Result<(), Failure> {
    for StoredRule { id, rule } in library.rules().await? {
        println!("{id}\t{}", describe(&rule));
    }
    Ok(())
}

/// How many articles the rule would act on, then the newest of them: id, feed, title.
pub async fn preview(library: &Library, rule: Rule) -> Result<(), Failure> {
    let preview = library.preview_rule(rule).await?;
    let about = if preview.estimated { "about " } else { "" };
    println!("{about}{} matching", count(preview.count, "article"));
    for article in preview.articles {
        println!(
            "{}\t{}\t{}",
            article.id, article.source_title, article.title
        );
    }
    Ok(())
}

pub async fn add(library: &Library, rule: Rule) -> Result<(), Failure> {
    let saved = library.save_rule(rule).await?;
    println!(
        "{}\t{}\t{} changed",
        saved.rule.id,
        describe(&saved.rule.rule),
        count(saved.changed, "article")
    );
    Ok(())
}

pub async fn export(library: &Library, file: Option<&Path>) -> Result<(), Failure> {
    let json = library.export_rules().await?;
    match file {
        Some(path) => std::fs::write(path, json).map_err(|e| file_error(path, &e)),
        None => {
            println!("{json}");
            Ok(())
        }
    }
}

pub async fn import(library: &Library, file: &Path) -> Result<(), Failure> {
    let added = library.import_rules_file(file).await?;
    println!("{} added", count(added as u64, "rule"));
    Ok(())
}

/// "1 article", "2 articles".
fn count(n: u64, thing: &str) -> String {
    format!("{n} {thing}{}", if n == 1 { "" } else { "s" })
}

/// A rule in words: "when the title has the words “sponsored”, mute (every feed)".
pub fn describe(rule: &Rule) -> String {
    let field = |field: &RuleField| match field {
        RuleField::Title => "the title",
        RuleField::Text => "the text",
        RuleField::Author => "the author",
        RuleField::Feed => "the feed's name",
        RuleField::Link => "the link",
    };
    let when = match &rule.condition {
        RuleCondition::Words { field: f, words } => format!("{} has the words “{words}”", field(f)),
        RuleCondition::Phrase { field: f, phrase } => {
            format!("{} has the phrase “{phrase}”", field(f))
        }
        RuleCondition::Regex { field: f, pattern } => format!("{} matches /{pattern}/", field(f)),
        RuleCondition::OlderThan { days } => format!("it is older than {days} days"),
        RuleCondition::HasAttachment => "it has an attachment".to_string(),
    };
    let then = match &rule.action {
        RuleAction::MarkRead => "mark it read".to_string(),
        RuleAction::Mute => "mute it".to_string(),
        RuleAction::Bookmark => "bookmark it".to_string(),
        RuleAction::Tag { tag } => format!("tag it “{tag}”"),
        RuleAction::Notify => "notify me".to_string(),
    };
    let scope = match rule.scope {
        RuleScope::All => "every feed".to_string(),
        RuleScope::Feed { feed_id } => format!("feed {feed_id}"),
        RuleScope::Folder { folder_id } => format!("folder {folder_id}"),
    };
    format!("when {when}, {then} ({scope})")
}
