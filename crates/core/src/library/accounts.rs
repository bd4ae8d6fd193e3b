//! Adding, listing and removing accounts on feed services.

use super::Library;
use crate::api::{Account, AccountAbilities, AccountId, AccountKind, NewAccount};
use crate::store::StoredAccount;
use crate::sync::http::SyncLimits;
use crate::sync::keychain::Kept;
use crate::sync::{Login, SyncHttp};
use crate::{Error, Result, now};

impl AccountKind {
    /// What an account of this kind lets a person do (the backends' own `capabilities()`
    /// answer the same; a test holds them to it).
    pub fn abilities(self) -> AccountAbilities {
        match self {
            AccountKind::Local | AccountKind::Greader => AccountAbilities {
                subscribe: true,
                unsubscribe: true,
                rename_feed: true,
                move_feed: true,
                labels: true,
            },
            AccountKind::Fever => AccountAbilities::default(),
            AccountKind::Ttrss => AccountAbilities {
                subscribe: true,
                unsubscribe: true,
                rename_feed: false,
                move_feed: false,
                labels: false,
            },
        }
    }
}

impl Library {
    /// Bounds calls to feed services (tests make a stalled server give up sooner).
    pub fn with_sync_limits(mut self, limits: SyncLimits) -> Result<Library> {
        self.sync_http = SyncHttp::new(limits).map_err(|e| Error::Invalid(e.to_string()))?;
        Ok(self)
    }

    /// Adds an account after checking that its server takes the login; the password goes to
    /// the keychain. Nothing is stored when the login fails. Sync it next.
    pub async fn add_account(&self, new: NewAccount) -> Result<Account> {
        if new.kind == AccountKind::Local {
            return Err(Error::Invalid(
                "there is already a library on this computer".to_string(),
            ));
        }
        let url = crate::fetch::parse_web_url(&new.url)?.to_string();
        let name = account_name(&url);
        let login = Login {
            url: url.clone(),
            user: new.user_name.trim().to_string(),
            password: new.password,
        };
        self.check_login(new.kind, &name, &login).await?;
        self.keep_password(&name, login.clone()).await?;
        let kind = new.kind;
        let id = self
            .blocking(move |s| s.insert_account(kind, &name, &login.url, &login.user, now()))
            .await?;
        self.account(id).await
    }

    /// Every account, the local one first.
    pub async fn accounts(&self) -> Result<Vec<Account>> {
        let stored = self.blocking(|s| s.accounts()).await?;
        Ok(stored.into_iter().map(|a| self.shown(a)).collect())
    }

    pub async fn account(&self, id: AccountId) -> Result<Account> {
        let stored = self
            .blocking(move |s| s.account(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("account {id}")))?;
        Ok(self.shown(stored))
    }

    /// Keeps a new password for an account (changed on the server, or asked again because no
    /// keychain kept it past the last run) once its server takes it: a wrong one is refused
    /// with the server's reason, and the one kept before stays. Sync it next.
    pub async fn set_account_password(&self, id: AccountId, password: &str) -> Result<Account> {
        let account = self.remote_account(id).await?;
        let login = Login {
            url: account.url.unwrap_or_default(),
            user: account.user_name.unwrap_or_default(),
            password: password.to_string(),
        };
        self.check_login(account.kind, &account.name, &login)
            .await?;
        self.keep_password(&account.name, login).await?;
        self.account(id).await
    }

    /// Removes an account, its feeds and its password; its bookmarked articles stay.
    pub async fn remove_account(&self, id: AccountId) -> Result<()> {
        let account = self.remote_account(id).await?;
        if !self.blocking(move |s| s.remove_account(id)).await? {
            return Err(Error::NotFound(format!("account {id}")));
        }
        let keychain = self.keychain.clone();
        let (url, user) = (
            account.url.unwrap_or_default(),
            account.user_name.unwrap_or_default(),
        );
        tokio::task::spawn_blocking(move || keychain.forget(&url, &user)).await?;
        Ok(())
    }

    /// Logs in to the server, keeping nothing: a refusal comes back with the server's reason.
    async fn check_login(&self, kind: AccountKind, name: &str, login: &Login) -> Result<()> {
        crate::sync::with_backend!(kind, self.sync_http.clone(), login, |backend| {
            backend.capabilities()
        })
        .map(|_| ())
        .map_err(|error| Error::Sync {
            account: name.to_string(),
            error,
        })
    }

    /// Puts the password in the keychain, or in memory for this run when none answers (the
    /// account then says so).
    async fn keep_password(&self, name: &str, login: Login) -> Result<()> {
        let keychain = self.keychain.clone();
        let kept = tokio::task::spawn_blocking(move || {
            keychain.keep(&login.url, &login.user, &login.password)
        })
        .await?;
        if let Kept::ForThisRunOnly(reason) = &kept {
            tracing::warn!("{name}: the password is kept for this run only: {reason}");
        }
        Ok(())
    }

    fn shown(&self, stored: StoredAccount) -> Account {
        let password_not_kept = match (&stored.url, &stored.user_name) {
            (Some(url), Some(user)) => self.keychain.kept_for_this_run_only(url, user),
            _ => false,
        };
        Account {
            id: stored.id,
            kind: stored.kind,
            name: stored.name,
            url: stored.url,
            user_name: stored.user_name,
            abilities: stored.kind.abilities(),
            last_sync_at: stored.last_sync_at,
            pending_changes: stored.pending_changes,
            password_not_kept,
            login_failed: stored.login_failed,
            last_error: stored.last_error,
        }
    }
}

/// The name the sidebar gives an account: its server's host (and port, when not the usual).
fn account_name(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            let host = u.host_str()?.to_string();
            Some(match u.port() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            })
        })
        .unwrap_or_else(|| url.to_string())
}
