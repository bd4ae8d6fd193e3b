//! Rules kept in the library, and what they do: to the articles a refresh or a sync brings, as
//! they are stored (`Arrival`); to the articles already here when a rule is saved, each change
//! recorded so that one Undo takes all of it back.
//!
//! Every rule that matches an article acts on it, in the order the rules were saved (the list's
//! order); their actions (mark read, mute, bookmark, tag) never undo one another, so the order
//! only decides which runs first. Rules act on feeds' articles only, never on saved pages.

use std::sync::Arc;

use rusqlite::{Connection, params};

use super::articles::{NewArticle, add_unread, per_feed};
use super::outbox::{self, SyncedField};
use super::{Store, WorkKind};
use crate::api::{ArticleId, FeedId, Rule, RuleAction, StoredRule};
use crate::rules::{Candidate, RuleSet};
use crate::{Error, Result, Timestamp};

/// What a rule saved changed in the library, for Undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleChanges {
    pub action: RuleAction,
    /// The articles it marked read, muted, bookmarked or tagged (those already so are not here).
    pub changed: Vec<ArticleId>,
    /// Of those it muted, the ones that were unread.
    pub were_unread: Vec<ArticleId>,
}

impl Store {
    /// The rules, in the order they act.
    pub fn rules(&self) -> Result<Vec<StoredRule>> {
        let conn = self.reader();
        let mut stmt =
            conn.prepare_cached("SELECT id, definition FROM rules ORDER BY position, id")?;
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(id, definition)| {
                let rule = serde_json::from_str(&definition).map_err(|e| {
                    Error::Invalid(format!("rule {id} in the library cannot be read: {e}"))
                })?;
                Ok(StoredRule { id, rule })
            })
            .collect()
    }

    /// The rules ready to test articles with; read from the library once, until they change.
    pub(super) fn compiled_rules(&self) -> Result<Arc<RuleSet>> {
        let mut cached = self.rules_cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(rules) = &*cached {
            return Ok(Arc::clone(rules));
        }
        let rules = Arc::new(RuleSet::usable(
            self.rules()?
                .into_iter()
                .map(|stored| stored.rule)
                .collect(),
        ));
        *cached = Some(Arc::clone(&rules));
        Ok(rules)
    }

    fn forget_compiled_rules(&self) {
        *self.rules_cache.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// Keeps `rule` after the others and does what it says to `matches` (as
    /// [`Store::rule_matches`] found them), in one transaction. Returns the rule and what it
    /// changed.
    pub fn add_rule(
        &self,
        rule: &Rule,
        matches: &[ArticleId],
        now: Timestamp,
    ) -> Result<(StoredRule, RuleChanges)> {
        let definition = serde_json::to_string(rule).map_err(|e| Error::Invalid(e.to_string()))?;
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO rules (position, definition, created_at)
             VALUES ((SELECT coalesce(max(position), 0) + 1 FROM rules), ?1, ?2)",
            params![definition, now],
        )?;
        let id = tx.last_insert_rowid();
        let changes = act(&tx, &rule.action, matches, now)?;
        tx.commit()?;
        self.forget_compiled_rules();
        Ok((
            StoredRule {
                id,
                rule: rule.clone(),
            },
            changes,
        ))
    }

    /// Adds rules (from a file) after the others, without acting on the articles already here.
    pub fn import_rules(&self, rules: &[Rule], now: Timestamp) -> Result<()> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        for rule in rules {
            let definition =
                serde_json::to_string(rule).map_err(|e| Error::Invalid(e.to_string()))?;
            tx.execute(
                "INSERT INTO rules (position, definition, created_at)
                 VALUES ((SELECT coalesce(max(position), 0) + 1 FROM rules), ?1, ?2)",
                params![definition, now],
            )?;
        }
        tx.commit()?;
        self.forget_compiled_rules();
        Ok(())
    }

    /// Removes a rule (what it did stays done). `false` when there is no such rule.
    pub fn remove_rule(&self, id: i64) -> Result<bool> {
        let removed = self
            .writer()
            .execute("DELETE FROM rules WHERE id = ?1", [id])?;
        self.forget_compiled_rules();
        Ok(removed == 1)
    }

    /// Takes back what a rule saved changed.
    pub fn undo_rule(&self, changes: &RuleChanges) -> Result<()> {
        let ids = json(&changes.changed);
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        match &changes.action {
            RuleAction::MarkRead => {}
            RuleAction::Mute => {
                tx.execute(
                    "UPDATE articles SET is_muted = 0 WHERE id IN (SELECT value FROM json_each(?1))",
                    [&ids],
                )?;
            }
            RuleAction::Bookmark => {
                tx.execute(
                    "UPDATE articles SET is_bookmarked = 0, bookmarked_at = NULL
                     WHERE id IN (SELECT value FROM json_each(?1))",
                    [&ids],
                )?;
                outbox::record(
                    &tx,
                    &changes.changed,
                    &SyncedField::Starred,
                    false,
                    crate::now(),
                )?;
            }
            RuleAction::Tag { tag } => {
                super::tags::untag_all(&tx, &changes.changed, tag, crate::now())?;
            }
            RuleAction::Notify => {}
        }
        tx.commit()?;
        drop(conn);
        match changes.action {
            RuleAction::MarkRead => self.mark_unread(&changes.changed),
            RuleAction::Mute => self.mark_unread(&changes.were_unread),
            _ => Ok(()),
        }
    }
}

fn json(ids: &[ArticleId]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_string())
}

/// Does what `action` says to the articles `ids`; those already so are left as they are.
fn act(
    tx: &Connection,
    action: &RuleAction,
    ids: &[ArticleId],
    now: Timestamp,
) -> rusqlite::Result<RuleChanges> {
    let list = json(ids);
    let select = |condition: &str| -> rusqlite::Result<Vec<(ArticleId, Option<FeedId>, bool)>> {
        tx.prepare(&format!(
            "SELECT id, feed_id, is_read FROM articles
             WHERE id IN (SELECT value FROM json_each(?1)) AND {condition}"
        ))?
        .query_map([&list], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect()
    };
    let mut changes = RuleChanges {
        action: action.clone(),
        changed: Vec::new(),
        were_unread: Vec::new(),
    };
    let mark_read =
        |rows: &[(ArticleId, Option<FeedId>, bool)]| -> rusqlite::Result<Vec<ArticleId>> {
            let unread: Vec<_> = rows.iter().filter(|r| !r.2).collect();
            let unread_ids: Vec<ArticleId> = unread.iter().map(|r| r.0).collect();
            tx.execute(
                "UPDATE articles SET is_read = 1 WHERE id IN (SELECT value FROM json_each(?1))",
                [json(&unread_ids)],
            )?;
            add_unread(tx, &per_feed(unread.iter().map(|r| r.1), -1))?;
            outbox::record(tx, &unread_ids, &SyncedField::Read, true, now)?;
            Ok(unread_ids)
        };
    match action {
        RuleAction::MarkRead => {
            changes.changed = mark_read(&select("is_read = 0")?)?;
        }
        RuleAction::Mute => {
            let rows = select("is_muted = 0")?;
            changes.changed = rows.iter().map(|r| r.0).collect();
            tx.execute(
                "UPDATE articles SET is_muted = 1 WHERE id IN (SELECT value FROM json_each(?1))",
                [json(&changes.changed)],
            )?;
            changes.were_unread = mark_read(&rows)?;
        }
        RuleAction::Bookmark => {
            let rows = select("is_bookmarked = 0")?;
            changes.changed = rows.iter().map(|r| r.0).collect();
            tx.execute(
                "UPDATE articles SET is_bookmarked = 1, bookmarked_at = ?2
                 WHERE id IN (SELECT value FROM json_each(?1))",
                params![json(&changes.changed), now],
            )?;
            outbox::record(tx, &changes.changed, &SyncedField::Starred, true, now)?;
            // As a bookmark by hand: its pictures are kept for reading offline.
            for &id in &changes.changed {
                super::pending::ask(tx, id, WorkKind::KeepImages, now)?;
            }
        }
        RuleAction::Tag { tag } => {
            let name = crate::library::tag_name(tag)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.to_string().into()))?;
            changes.changed = super::tags::tag_all(tx, ids, &name, now)?;
        }
        // What is here was seen already: only articles that arrive are told of.
        RuleAction::Notify => {}
    }
    Ok(changes)
}

/// What the rules decide for an article arriving, before it is stored.
#[derive(Debug, Default)]
pub(super) struct Decided<'r> {
    pub read: bool,
    pub muted: bool,
    pub bookmarked: bool,
    pub tags: Vec<&'r str>,
    /// A rule asked to be told of it.
    pub notify: bool,
}

/// The rules at work on one feed's new articles, as a refresh or a sync stores them. Their
/// decisions go into the articles' rows as they are inserted: an UPDATE of many rows afterwards
/// opens a statement journal, which makes FTS5 write out its pending words at every rule
/// (measured: a 50-rule refresh cost 1.3× the CPU that way).
pub(super) struct Arrival<'r> {
    rules: &'r RuleSet,
    feed_id: FeedId,
    /// The feed's name and folder, read on first need.
    feed: Option<(String, Option<i64>)>,
    /// Synced articles tell their server what the rules did.
    synced: bool,
}

impl<'r> Arrival<'r> {
    pub fn new(
        tx: &Connection,
        rules: &'r RuleSet,
        feed_id: FeedId,
    ) -> rusqlite::Result<Arrival<'r>> {
        let (feed, synced) = if rules.is_empty() {
            (None, false)
        } else {
            let (title, folder, synced): (String, Option<i64>, bool) = tx
                .prepare_cached(
                    "SELECT coalesce(custom_title, title), folder_id, status = 'synced'
                     FROM feeds WHERE id = ?1",
                )?
                .query_row([feed_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
            (Some((title, folder)), synced)
        };
        Ok(Arrival {
            rules,
            feed_id,
            feed,
            synced,
        })
    }

    /// What the rules say of `article`, dated `sort_at`.
    pub fn decide(&self, article: &NewArticle, sort_at: Timestamp, now: Timestamp) -> Decided<'r> {
        let mut decided = Decided::default();
        let Some((feed_title, folder_id)) = &self.feed else {
            return decided;
        };
        let candidate = Candidate {
            feed_id: Some(self.feed_id),
            folder_id: *folder_id,
            title: &article.title,
            // As the search index has it: the words of the sanitized HTML.
            text: &article.content_text,
            author: article.author.as_deref(),
            feed_title,
            url: article.url.as_deref(),
            has_attachment: article.enclosures_json.is_some(),
            sort_at,
        };
        for index in self.rules.matching(&candidate, now) {
            match &self.rules.rule(index).action {
                RuleAction::MarkRead => decided.read = true,
                RuleAction::Mute => {
                    decided.read = true;
                    decided.muted = true;
                }
                RuleAction::Bookmark => decided.bookmarked = true,
                RuleAction::Tag { tag } => decided.tags.push(tag),
                RuleAction::Notify => decided.notify = true,
            }
        }
        decided
    }

    /// What follows the article's row: its tags, its pictures asked for if bookmarked, and for
    /// a synced article, its server told.
    pub fn stored(
        &self,
        tx: &Connection,
        id: ArticleId,
        decided: &Decided,
        now: Timestamp,
    ) -> rusqlite::Result<()> {
        for tag in &decided.tags {
            if let Ok(name) = crate::library::tag_name(tag) {
                super::tags::tag_all(tx, &[id], &name, now)?;
            }
        }
        if decided.bookmarked {
            super::pending::ask(tx, id, WorkKind::KeepImages, now)?;
        }
        if self.synced {
            if decided.read {
                outbox::record(tx, &[id], &SyncedField::Read, true, now)?;
            }
            if decided.bookmarked {
                outbox::record(tx, &[id], &SyncedField::Starred, true, now)?;
            }
        }
        Ok(())
    }
}
