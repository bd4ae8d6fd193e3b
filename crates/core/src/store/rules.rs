//! Rules kept in the library, and what they do: to the articles a refresh or a sync brings, in
//! the transaction that stores them; to the articles already here when a rule is saved, each
//! change recorded so that one Undo takes all of it back.
//!
//! Every rule that matches an article acts on it, in the order the rules were saved (the list's
//! order); their actions (mark read, mute, bookmark, tag) never undo one another, so the order
//! only decides which runs first. Rules act on feeds' articles only, never on saved pages.

use std::sync::Arc;

use rusqlite::{Connection, params};

use super::articles::{NewArticle, add_unread, per_feed};
use super::outbox::{self, SyncedField};
use super::{Store, WorkKind};
use crate::api::{ArticleId, FeedId, Rule, RuleAction, RuleScope, StoredRule};
use crate::rules::{Candidate, CompiledRule};
use crate::sanitize::text_of_sanitized;
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
    pub(super) fn compiled_rules(&self) -> Result<Arc<Vec<CompiledRule>>> {
        let mut cached = self.rules_cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(rules) = &*cached {
            return Ok(Arc::clone(rules));
        }
        // A rule that no longer compiles (written by another version) is left out, not fatal.
        let rules: Vec<CompiledRule> = self
            .rules()?
            .into_iter()
            .filter_map(|stored| CompiledRule::new(stored.rule).ok())
            .collect();
        let rules = Arc::new(rules);
        *cached = Some(Arc::clone(&rules));
        Ok(rules)
    }

    fn forget_compiled_rules(&self) {
        *self.rules_cache.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// The library's feed articles `rule` matches, newest first, with their feeds.
    pub fn rule_matches(
        &self,
        rule: &CompiledRule,
        now: Timestamp,
    ) -> Result<Vec<(ArticleId, FeedId)>> {
        let mut conditions = vec!["1".to_string()];
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        match rule.rule.scope {
            RuleScope::All => {}
            RuleScope::Feed { feed_id } => {
                args.push(Box::new(feed_id));
                conditions.push(format!("a.feed_id = ?{}", args.len()));
            }
            RuleScope::Folder { folder_id } => {
                args.push(Box::new(folder_id));
                conditions.push(format!("f.folder_id = ?{}", args.len()));
            }
        }
        if let Some(query) = rule.index_query() {
            args.push(Box::new(query));
            conditions.push(format!(
                "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?{})",
                args.len()
            ));
        }
        let body = if rule.reads_text() {
            "(SELECT b.html FROM article_bodies b WHERE b.article_id = a.id)"
        } else {
            "NULL"
        };
        let sql = format!(
            "SELECT a.id, a.feed_id, f.folder_id, a.title, a.author,
                 coalesce(f.custom_title, f.title), a.url, coalesce(a.enclosures, '[]') != '[]',
                 a.sort_at, {body}
             FROM articles a JOIN feeds f ON f.id = a.feed_id
             WHERE {} ORDER BY a.sort_at DESC, a.id DESC",
            conditions.join(" AND ")
        );
        let conn = self.reader();
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            let (title, author, feed_title, url): (String, Option<String>, String, Option<String>) =
                (row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?);
            let html: Option<String> = row.get(9)?;
            let text = html.as_deref().map(text_of_sanitized).unwrap_or_default();
            let candidate = Candidate::new(
                row.get(1)?,
                row.get(2)?,
                &title,
                &text,
                author.as_deref(),
                &feed_title,
                url.as_deref(),
                row.get(7)?,
                row.get(8)?,
            );
            if rule.matches(&candidate, now) {
                found.push((row.get(0)?, row.get(1)?));
            }
        }
        Ok(found)
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
                    SyncedField::Starred,
                    false,
                    crate::now(),
                )?;
            }
            RuleAction::Tag { tag } => {
                super::tags::untag_all(&tx, &changes.changed, tag)?;
            }
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
            outbox::record(tx, &unread_ids, SyncedField::Read, true, now)?;
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
            outbox::record(tx, &changes.changed, SyncedField::Starred, true, now)?;
            // As a bookmark by hand: its pictures are kept for reading offline.
            for &id in &changes.changed {
                super::pending::ask(tx, id, WorkKind::KeepImages, now)?;
            }
        }
        RuleAction::Tag { tag } => {
            let name = crate::library::tag_name(tag)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.to_string().into()))?;
            changes.changed = super::tags::tag_all(tx, ids, &name)?;
        }
    }
    Ok(changes)
}

/// Runs the rules on articles a refresh or sync has just stored (new, so unread and not
/// bookmarked), in its transaction.
pub(super) fn act_on_new(
    tx: &Connection,
    rules: &[CompiledRule],
    feed_id: FeedId,
    inserted: &[(ArticleId, &NewArticle)],
    now: Timestamp,
) -> rusqlite::Result<()> {
    if rules.is_empty() || inserted.is_empty() {
        return Ok(());
    }
    let (feed_title, folder_id): (String, Option<i64>) = tx.query_row(
        "SELECT coalesce(custom_title, title), folder_id FROM feeds WHERE id = ?1",
        [feed_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let reads_text = rules.iter().any(CompiledRule::reads_text);
    let mut todo: Vec<(&RuleAction, Vec<ArticleId>)> =
        rules.iter().map(|r| (&r.rule.action, Vec::new())).collect();
    for (id, article) in inserted {
        let text = if reads_text {
            text_of_sanitized(&article.content_html)
        } else {
            String::new()
        };
        let candidate = Candidate::new(
            Some(feed_id),
            folder_id,
            &article.title,
            &text,
            article.author.as_deref(),
            &feed_title,
            article.url.as_deref(),
            article.enclosures_json.is_some(),
            article
                .published_at
                .or(article.updated_at)
                .unwrap_or(now)
                .min(now),
        );
        for (rule, (_, ids)) in rules.iter().zip(todo.iter_mut()) {
            if rule.matches(&candidate, now) {
                ids.push(*id);
            }
        }
    }
    for (action, ids) in todo {
        if !ids.is_empty() {
            act(tx, action, &ids, now)?;
        }
    }
    Ok(())
}
