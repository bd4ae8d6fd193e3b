//! Syncing an account with its feed service: what is sent, what is stored, in which order.
//!
//! 1. Send the outbox (changes made here), in batches; a change the server refuses is undone
//!    here and named in the summary.
//! 2. The server's feeds and folders become the account's.
//! 3. New articles, page by page, each page stored with the cursor after it (a sync stopped
//!    anywhere resumes after the last page stored).
//! 4. Read and starred state from the server's full id lists, and where the service has labels,
//!    the tags (its labels) from each label's list, so a change made on another device reaches
//!    articles already here. Anything still in the outbox wins: a sync never undoes what the
//!    person did while it ran. Tags on the articles of a service without labels stay here.
//! 5. Once a day, read articles the server no longer keeps are removed here too
//!    (`server_retention.rs`).

use std::collections::{HashMap, HashSet};

use super::Library;
use crate::api::{AccountId, AccountKind, SyncSummary};
use crate::store::{OutgoingChange, StoredAccount, SyncedField};
use crate::sync::{Backend, Login, Mark, SyncError};
use crate::{Error, Result, now};

/// Changes sent per request: the Google Reader API takes many ids in one call.
const OUTBOX_BATCH: usize = 250;

impl Library {
    /// Syncs one account. Its outcome is also stored on the account (last sync, last error)
    /// and reported as [`crate::api::AppEvent::SyncFinished`].
    pub async fn sync_account(&self, id: AccountId) -> Result<SyncSummary> {
        // One sync at a time: the schedule's and the person's would otherwise send the same
        // outbox twice and race over where new articles start. A second one waits, then finds
        // little left to do.
        let _one_at_a_time = self.syncing.lock().await;
        let account = self.remote_account(id).await?;
        let outcome = self.sync_stored(&account).await;
        let store_outcome = match &outcome {
            Ok(_) => self.blocking(move |s| s.account_synced(id, now())).await,
            Err(error) => {
                let message = error.to_string();
                let login_failed =
                    matches!(error, Error::Sync { error, .. } if error.asks_for_password());
                tracing::warn!(account = id, "sync failed: {message}");
                self.blocking(move |s| s.account_failed(id, &message, login_failed, now()))
                    .await
            }
        };
        store_outcome?;
        let summary = match &outcome {
            Ok(summary) => summary.clone(),
            Err(error) => SyncSummary {
                account_id: id,
                error: Some(error.to_string()),
                ..SyncSummary::default()
            },
        };
        self.report(crate::api::AppEvent::SyncFinished(summary));
        if outcome.is_ok() {
            self.look_for_icons_soon();
        }
        if outcome
            .as_ref()
            .is_ok_and(|s| s.changed_articles + s.new_articles > 0)
        {
            self.work_wanted.notify_one();
        }
        outcome
    }

    /// Syncs every account on a feed service, one after the other; one failing does not stop
    /// the others.
    pub async fn sync_all(&self) -> Result<Vec<SyncSummary>> {
        let accounts = self.blocking(|s| s.accounts()).await?;
        let mut summaries = Vec::new();
        for account in accounts
            .into_iter()
            .filter(|a| a.kind != AccountKind::Local)
        {
            summaries.push(match self.sync_account(account.id).await {
                Ok(summary) => summary,
                Err(error) => SyncSummary {
                    account_id: account.id,
                    error: Some(error.to_string()),
                    ..SyncSummary::default()
                },
            });
        }
        Ok(summaries)
    }

    pub(super) async fn remote_account(&self, id: AccountId) -> Result<StoredAccount> {
        let account = self
            .blocking(move |s| s.account(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("account {id}")))?;
        if account.kind == AccountKind::Local {
            return Err(Error::Invalid(
                "the library on this computer has no server to sync with".to_string(),
            ));
        }
        Ok(account)
    }

    /// The login kept for an account: its address and user, and the password from the keychain.
    pub(super) async fn login_of(&self, account: &StoredAccount) -> Result<Login> {
        let url = account.url.clone().unwrap_or_default();
        let user = account.user_name.clone().unwrap_or_default();
        let keychain = self.keychain.clone();
        let (u, n) = (url.clone(), user.clone());
        let password = tokio::task::spawn_blocking(move || keychain.password(&u, &n))
            .await?
            .map_err(|reason| sync_error(account, SyncError::NoPassword(reason)))?;
        Ok(Login {
            url,
            user,
            password,
        })
    }

    async fn sync_stored(&self, account: &StoredAccount) -> Result<SyncSummary> {
        let login = self.login_of(account).await?;
        crate::sync::with_backend!(account.kind, self.sync_http.clone(), &login, |backend| {
            self.sync_with(account, backend).await
        })
        .map_err(|error| sync_error(account, error))?
    }

    /// One sync through a logged-in backend. Server failures end it with their `SyncError`;
    /// what was stored before stays.
    pub(super) async fn sync_with<B: Backend>(
        &self,
        account: &StoredAccount,
        backend: &mut B,
    ) -> Result<SyncSummary> {
        let id = account.id;
        let failed = |error| sync_error(account, error);
        let mut summary = SyncSummary {
            account_id: id,
            ..SyncSummary::default()
        };

        // 1. What the person did here (the outbox holds no labels for a service without them).
        loop {
            let batch = self.blocking(move |s| s.outbox(id, OUTBOX_BATCH)).await?;
            if batch.is_empty() {
                break;
            }
            let mut sent = Vec::new();
            let mut refused = Vec::new();
            for (mark, changes) in by_mark(batch) {
                // A refused batch is sent again one change at a time, so that only the changes
                // the server refuses are undone here (marking again what it took is harmless).
                let mut attempts = vec![changes];
                while let Some(changes) = attempts.pop() {
                    let ids: Vec<String> = changes.iter().map(|c| c.remote_id.clone()).collect();
                    match backend.mark(&ids, &mark).await {
                        Ok(()) => sent.extend(changes),
                        Err(SyncError::Refused(_)) if changes.len() > 1 => {
                            attempts.extend(changes.into_iter().map(|change| vec![change]));
                        }
                        Err(SyncError::Refused(reason)) => {
                            tracing::warn!(account = id, "the server refused {mark:?}: {reason}");
                            refused.push((changes, reason));
                        }
                        Err(error) => {
                            // Keep what did go through; the rest stays in the outbox.
                            self.blocking(move |s| s.outbox_sent(id, &sent)).await?;
                            return Err(failed(error));
                        }
                    }
                }
            }
            summary.sent += sent.len() as u64;
            self.blocking(move |s| s.outbox_sent(id, &sent)).await?;
            for (changes, reason) in refused {
                let titles = self
                    .blocking(move |s| s.outbox_refused(id, &changes))
                    .await?;
                summary.refused.extend(
                    titles.into_iter().map(|title| {
                        format!("“{title}”: the server refused the change ({reason})")
                    }),
                );
            }
        }

        // 2. Subscriptions and folders.
        let feeds = backend.feeds().await.map_err(failed)?;
        summary.feeds = feeds.len() as u64;
        let feed_urls: HashMap<String, String> = feeds
            .iter()
            .map(|f| (f.id.clone(), f.url.clone()))
            .collect();
        let feed_ids = self
            .blocking(move |s| s.apply_remote_feeds(id, &feeds, now()))
            .await?;

        // 3. New articles.
        let feeds = std::sync::Arc::new((feed_ids, feed_urls));
        let applied = self.fetch_new_articles(account, backend, feeds).await?;
        summary.new_articles += applied.inserted;
        summary.changed_articles += applied.changed;

        // 4. State changed elsewhere.
        let unread: HashSet<String> = backend
            .unread_ids()
            .await
            .map_err(failed)?
            .into_iter()
            .collect();
        let starred: HashSet<String> = backend
            .starred_ids()
            .await
            .map_err(failed)?
            .into_iter()
            .collect();
        let listed = unread.iter().next().cloned();
        summary.changed_articles += self
            .blocking(move |s| s.reconcile(id, &unread, &starred, now()))
            .await?;
        if backend.capabilities().labels {
            let labels = backend.labels().await.map_err(failed)?;
            summary.changed_articles += self
                .blocking(move |s| s.reconcile_labels(id, &labels))
                .await?;
        }

        // 5. Once a day, what the server no longer keeps. After the first sync, all there is
        //    here is what the server keeps.
        if account.cursor.is_none() {
            self.blocking(move |s| s.kept_checked(id, now())).await?;
        } else if self.blocking(move |s| s.kept_check_due(id, now())).await? {
            summary.removed_articles = self
                .follow_server_retention(account, backend, listed)
                .await?;
        }
        Ok(summary)
    }
}

pub(super) fn sync_error(account: &StoredAccount, error: SyncError) -> Error {
    Error::Sync {
        account: account.name.clone(),
        error,
    }
}

/// The outbox's changes grouped by what the server is asked to do.
fn by_mark(changes: Vec<OutgoingChange>) -> Vec<(Mark, Vec<OutgoingChange>)> {
    let mut groups: Vec<(Mark, Vec<OutgoingChange>)> = Vec::new();
    for change in changes {
        let mark = match (&change.field, change.value) {
            (SyncedField::Read, true) => Mark::Read,
            (SyncedField::Read, false) => Mark::Unread,
            (SyncedField::Starred, true) => Mark::Starred,
            (SyncedField::Starred, false) => Mark::Unstarred,
            (SyncedField::Label(name), true) => Mark::Labelled(name.clone()),
            (SyncedField::Label(name), false) => Mark::Unlabelled(name.clone()),
        };
        match groups.iter_mut().find(|(m, _)| *m == mark) {
            Some((_, group)) => group.push(change),
            None => groups.push((mark, vec![change])),
        }
    }
    groups
}
