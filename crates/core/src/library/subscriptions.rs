//! Subscriptions: adding a feed (or finding it on a site), organising feeds into folders,
//! renaming, unsubscribing.

use super::{Library, ingest, schedule};
use crate::api::{FeedId, FeedSummary, Folder, FolderId};
use crate::feeds;
use crate::fetch::{FetchError, FetchOutcome, Validators, parse_web_url};
use crate::{Error, Result, now};

impl Library {
    /// Subscribes to the feed at `address`. The feed must fetch and parse before anything is
    /// stored. Adding a feed that is already there returns it unchanged.
    pub async fn add_feed(&self, address: &str) -> Result<FeedSummary> {
        let url = parse_web_url(address)?;
        let address_key = url.to_string();
        if let Some(id) = self
            .blocking(move |s| s.feed_id_by_url(&address_key))
            .await?
        {
            return self.feed(id).await;
        }
        let fetched = match self.fetcher.get(&url, &Validators::default()).await? {
            FetchOutcome::Fetched(fetched) => fetched,
            // Only a misbehaving server answers 304 to a request that had no validators.
            FetchOutcome::NotModified(_) => {
                return Err(FetchError::unexpected_not_modified().into());
            }
        };
        let interval = self.refresh_interval_secs().await?;
        let feed_id = self
            .blocking(move |store| {
                let parsed = feeds::parse(&fetched.body, &fetched.final_url)?;
                let update = ingest::prepare_update(parsed, fetched.validators);
                let now = now();
                let next_poll =
                    schedule::after_success(now, interval, update.ttl, &update.skip_hours, 0);
                store.insert_feed(url.as_str(), &update, next_poll, now)
            })
            .await?;
        tracing::info!(feed_id, address, "subscribed");
        self.feed(feed_id).await
    }

    pub async fn feed(&self, id: FeedId) -> Result<FeedSummary> {
        self.blocking(move |s| s.feed(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("feed {id}")))
    }

    pub async fn list_feeds(&self) -> Result<Vec<FeedSummary>> {
        self.blocking(|s| s.list_feeds()).await
    }

    pub async fn remove_feed(&self, id: FeedId) -> Result<()> {
        self.blocking(move |s| s.remove_feed(id)).await
    }

    pub async fn rename_feed(&self, id: FeedId, title: Option<String>) -> Result<()> {
        self.change(format!("feed {id}"), move |s| {
            s.rename_feed(id, title.as_deref())
        })
        .await
    }

    /// Moves a feed into a folder, or to the top level with `None`.
    pub async fn move_feed(&self, id: FeedId, folder: Option<FolderId>) -> Result<()> {
        self.change(format!("feed {id}"), move |s| s.move_feed(id, folder))
            .await
    }

    pub async fn list_folders(&self) -> Result<Vec<Folder>> {
        self.blocking(|s| s.list_folders()).await
    }

    /// Creates a folder, or returns the existing one with that name.
    pub async fn create_folder(&self, name: &str) -> Result<FolderId> {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(Error::Invalid("a folder needs a name".to_string()));
        }
        self.blocking(move |s| s.create_folder(&name)).await
    }

    pub async fn rename_folder(&self, id: FolderId, name: &str) -> Result<()> {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(Error::Invalid("a folder needs a name".to_string()));
        }
        self.change(format!("folder {id}"), move |s| s.rename_folder(id, &name))
            .await
    }

    /// Deletes a folder; its feeds move to the top level.
    pub async fn delete_folder(&self, id: FolderId) -> Result<()> {
        self.change(format!("folder {id}"), move |s| s.delete_folder(id))
            .await
    }
}
