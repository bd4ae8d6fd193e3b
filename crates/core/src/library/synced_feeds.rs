//! Changing the subscriptions of an account on a feed service: each change is made on the
//! server first (it is the one that polls the feed), then here. What the account's protocol
//! cannot do is refused with a sentence saying where it can be done.

use super::Library;
use crate::api::{AccountId, FeedId, FeedSummary, FolderId, LOCAL_ACCOUNT};
use crate::store::{StoredAccount, SyncedFeedRef};
use crate::sync::SyncError;
use crate::{Error, Result, now};

/// A change to a synced feed, made on its server.
enum OnServer {
    Unsubscribe,
    Rename(String),
    Move(Option<String>),
}

impl Library {
    /// The synced feed `id` is, if it is one.
    pub(super) async fn synced_feed(&self, id: FeedId) -> Result<Option<SyncedFeedRef>> {
        self.blocking(move |s| s.synced_feed(id)).await
    }

    /// Unsubscribes on the server, then removes the feed here (keeping its bookmarks).
    pub(super) async fn remove_synced_feed(&self, id: FeedId, feed: SyncedFeedRef) -> Result<()> {
        self.on_server(&feed, OnServer::Unsubscribe).await?;
        self.blocking(move |s| s.remove_feed(id)).await
    }

    /// Renames on the server; the next sync brings the new title, this shows it at once.
    pub(super) async fn rename_synced_feed(
        &self,
        id: FeedId,
        feed: SyncedFeedRef,
        title: Option<String>,
    ) -> Result<()> {
        let title = title.filter(|t| !t.trim().is_empty()).ok_or_else(|| {
            Error::Invalid("a feed of an account on a server needs a name".to_string())
        })?;
        self.on_server(&feed, OnServer::Rename(title.clone()))
            .await?;
        self.blocking(move |s| s.rename_feed(id, Some(&title)))
            .await
            .map(|_| ())
    }

    /// Moves the feed into another folder of its account (or out of any) on the server and here.
    pub(super) async fn move_synced_feed(
        &self,
        id: FeedId,
        feed: SyncedFeedRef,
        folder: Option<FolderId>,
    ) -> Result<()> {
        let folder_name = match folder {
            None => None,
            Some(folder) => {
                let (account, name) = self
                    .blocking(move |s| s.folder_account(folder))
                    .await?
                    .ok_or_else(|| Error::NotFound(format!("folder {folder}")))?;
                if account != feed.account {
                    return Err(Error::Invalid(
                        "a feed can only go into a folder of its own account".to_string(),
                    ));
                }
                Some(name)
            }
        };
        self.on_server(&feed, OnServer::Move(folder_name)).await?;
        self.blocking(move |s| s.move_feed(id, folder))
            .await
            .map(|_| ())
    }

    /// Subscribes the account to the feed at `url` on its server, adds it here, then syncs to
    /// bring its articles. Once the server has accepted it the subscription stands: a sync that
    /// fails after that is the account's last error, and the next sync brings the articles.
    pub async fn subscribe_on_account(&self, account: AccountId, url: &str) -> Result<FeedSummary> {
        if account == LOCAL_ACCOUNT {
            return self.subscribe(url).await;
        }
        let stored = self.remote_account(account).await?;
        refuse_unless(&stored, stored.kind.abilities().subscribe, "add feeds")?;
        let url = crate::fetch::parse_web_url(url)?.to_string();
        let login = self.login_of(&stored).await?;
        let added =
            crate::sync::with_backend!(stored.kind, self.sync_http.clone(), &login, |backend| {
                backend.subscribe(&url, None).await
            })
            .and_then(|inner| inner)
            .map_err(|error| sync_error(&stored, error))?;
        let id = self
            .blocking(move |s| s.add_remote_feed(account, &added, now()))
            .await?;
        // A failure is kept on the account as its last error, and reported, by `sync_account`.
        let _ = self.sync_account(account).await;
        self.feed(id).await
    }

    async fn on_server(&self, feed: &SyncedFeedRef, change: OnServer) -> Result<()> {
        let account = self.remote_account(feed.account).await?;
        let abilities = account.kind.abilities();
        match &change {
            OnServer::Unsubscribe => {
                refuse_unless(&account, abilities.unsubscribe, "remove feeds")?
            }
            OnServer::Rename(_) => refuse_unless(&account, abilities.rename_feed, "rename feeds")?,
            OnServer::Move(_) => refuse_unless(&account, abilities.move_feed, "move feeds")?,
        }
        let login = self.login_of(&account).await?;
        let remote = feed.remote_id.as_str();
        crate::sync::with_backend!(account.kind, self.sync_http.clone(), &login, |backend| {
            match &change {
                OnServer::Unsubscribe => backend.unsubscribe(remote).await,
                OnServer::Rename(title) => backend.rename_feed(remote, title).await,
                OnServer::Move(folder) => backend.move_feed(remote, folder.as_deref()).await,
            }
        })
        .and_then(|inner| inner)
        .map_err(|error| sync_error(&account, error))
    }
}

fn refuse_unless(account: &StoredAccount, able: bool, what: &str) -> Result<()> {
    if able {
        return Ok(());
    }
    Err(sync_error(
        account,
        SyncError::Unsupported(format!(
            "{} cannot {what} from another app: do it on the server's own web page, and the next sync brings it here",
            account.kind.label()
        )),
    ))
}

fn sync_error(account: &StoredAccount, error: SyncError) -> Error {
    Error::Sync {
        account: account.name.clone(),
        error,
    }
}
