//! Subscriptions: adding a feed (or finding it on a site), organising feeds into folders,
//! renaming, unsubscribing.

use url::Url;

use super::{Library, ingest, schedule};
use crate::api::{
    AddFeedOutcome, DeletedFolder, FeedCandidate, FeedFormat, FeedId, FeedSettings, FeedSummary,
    Folder, FolderId,
};
use crate::discover::{self, address::Subscribed};
use crate::feeds;
use crate::fetch::{FetchError, FetchOutcome, Fetched, Validators, parse_web_url};
use crate::{Error, Result, now};

/// A fetch's body; only a misbehaving server answers 304 to a request that had no validators.
fn fresh(outcome: FetchOutcome) -> Result<Fetched> {
    match outcome {
        FetchOutcome::Fetched(fetched) => Ok(fetched),
        FetchOutcome::NotModified(_) => Err(FetchError::unexpected_not_modified().into()),
    }
}

impl Library {
    /// Adds `address`: a feed is subscribed to; a web page is searched for the feeds it
    /// advertises (or keeps at the usual places): one is subscribed to, several are offered to
    /// choose from. Nothing is stored unless a feed fetched and parsed. A feed subscribed to
    /// already — at this address, another way of writing it, the address the feed names as its
    /// own, or with the same site and title — is answered with that subscription, unchanged.
    pub async fn add_feed(&self, address: &str) -> Result<AddFeedOutcome> {
        let url = parse_web_url(address)?;
        let known = Subscribed::new(&self.blocking(|s| s.known_feeds()).await?);
        if let Some(id) = known.find(&[url.as_str()], None, "") {
            return self.already_subscribed(id).await;
        }
        let (url, fetched) = self.fetcher.get_typed(address, url).await;
        let fetched = fresh(fetched?)?;
        if !discover::looks_like_html(&fetched.body) {
            return self.subscribe_fetched(&url, fetched, &known).await;
        }
        let mut candidates = discover::links_in_page(&fetched.body, &fetched.final_url);
        if candidates.is_empty() {
            candidates = self.probe_common_paths(&fetched.final_url).await;
        }
        match candidates.len() {
            0 => Err(Error::Parse(feeds::ParseError {
                reason: format!("no feed found at {url}"),
            })),
            1 => {
                let feed_url = parse_web_url(&candidates[0].url)?;
                if let Some(id) = known.find(&[feed_url.as_str()], None, "") {
                    return self.already_subscribed(id).await;
                }
                let fetched = self.fetch_fresh(&feed_url).await?;
                self.subscribe_fetched(&feed_url, fetched, &known).await
            }
            _ => Ok(AddFeedOutcome::Choose { candidates }),
        }
    }

    /// Subscribes to `address`, which must lead to exactly one feed (for scripts and tests).
    pub async fn subscribe(&self, address: &str) -> Result<FeedSummary> {
        match self.add_feed(address).await? {
            AddFeedOutcome::Subscribed { feed } | AddFeedOutcome::AlreadySubscribed { feed } => {
                Ok(feed)
            }
            AddFeedOutcome::Choose { candidates } => Err(Error::Invalid(format!(
                "{address} offers several feeds; add one of: {}",
                candidates
                    .iter()
                    .map(|c| c.url.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    async fn already_subscribed(&self, id: FeedId) -> Result<AddFeedOutcome> {
        let feed = self.feed(id).await?;
        Ok(AddFeedOutcome::AlreadySubscribed { feed })
    }

    async fn fetch_fresh(&self, url: &Url) -> Result<Fetched> {
        fresh(self.fetcher.get(url, &Validators::default()).await?)
    }

    /// Subscribes to the feed fetched from `url`, unless it is one of the `known` ones by
    /// where it ended up, the address it names as its own, or its site and title.
    async fn subscribe_fetched(
        &self,
        url: &Url,
        fetched: Fetched,
        known: &Subscribed,
    ) -> Result<AddFeedOutcome> {
        let (parsed, fetched) = tokio::task::spawn_blocking(move || {
            feeds::parse(&fetched.body, &fetched.final_url).map(|parsed| (parsed, fetched))
        })
        .await??;
        let addresses = [Some(fetched.final_url.as_str()), parsed.self_url.as_deref()];
        let addresses: Vec<&str> = addresses.into_iter().flatten().collect();
        if let Some(id) = known.find(&addresses, parsed.site_url.as_deref(), &parsed.title) {
            return self.already_subscribed(id).await;
        }
        let interval = self.refresh_interval_secs().await?;
        let address = url.to_string();
        let feed_id = self
            .blocking(move |store| {
                let update = ingest::prepare_update(parsed, fetched.validators);
                let now = now();
                let next_poll =
                    schedule::after_success(now, interval, update.ttl, &update.skip_hours, 0);
                store.insert_feed(&address, &update, next_poll, now)
            })
            .await?;
        tracing::info!(feed_id, %url, "subscribed");
        self.look_for_icons_soon();
        let feed = self.feed(feed_id).await?;
        Ok(AddFeedOutcome::Subscribed { feed })
    }

    /// Tries the places sites usually keep feeds; returns those that really are feeds.
    async fn probe_common_paths(&self, page: &Url) -> Vec<FeedCandidate> {
        let probes = discover::common_feed_urls(page)
            .into_iter()
            .map(|url| async move {
                let fetched = self.fetch_fresh(&url).await.ok()?;
                let parsed = feeds::parse(&fetched.body, &fetched.final_url).ok()?;
                Some(FeedCandidate {
                    url: url.to_string(),
                    title: Some(parsed.title),
                    format: FeedFormat::Unknown,
                })
            });
        futures::future::join_all(probes)
            .await
            .into_iter()
            .flatten()
            .collect()
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
        if let Some(synced) = self.synced_feed(id).await? {
            return self.remove_synced_feed(id, synced).await;
        }
        self.blocking(move |s| s.remove_feed(id)).await
    }

    pub async fn rename_feed(&self, id: FeedId, title: Option<String>) -> Result<()> {
        if let Some(synced) = self.synced_feed(id).await? {
            return self.rename_synced_feed(id, synced, title).await;
        }
        self.change(format!("feed {id}"), move |s| {
            s.rename_feed(id, title.as_deref())
        })
        .await
    }

    /// Reads each new article of this feed in full from its page (for summary-only feeds), and
    /// its unread articles stored before, in the background; turned off, those not read yet
    /// are not read.
    pub async fn set_full_text(&self, id: FeedId, full_text: bool) -> Result<()> {
        if self.synced_feed(id).await?.is_some() {
            return Err(Error::Invalid(
                "a feed of an account on a server is read as its server sends it".to_string(),
            ));
        }
        self.change(format!("feed {id}"), move |s| {
            s.set_full_text(id, full_text, crate::now())
        })
        .await?;
        if full_text {
            self.work_asked_for();
        }
        Ok(())
    }

    /// What the person sets for one feed in *Feed details*: its own interval (or the global
    /// one), a notification when it brings new articles, its pictures kept, its articles read
    /// in full.
    pub async fn set_feed_settings(&self, id: FeedId, settings: FeedSettings) -> Result<()> {
        if self.synced_feed(id).await?.is_some() {
            return Err(Error::Invalid(
                "a feed of an account on a server is checked by its server".to_string(),
            ));
        }
        if let Some(minutes) = settings.refresh_minutes
            && !(1..=7 * 24 * 60).contains(&minutes)
        {
            return Err(Error::Invalid(
                "a feed's refresh interval must be between 1 minute and 7 days".to_string(),
            ));
        }
        let full_text = self
            .blocking(move |s| s.feed(id))
            .await?
            .map(|feed| feed.full_text);
        self.change(format!("feed {id}"), move |s| {
            s.set_feed_settings(id, &settings)
        })
        .await?;
        if full_text.is_some_and(|was| was != settings.full_text) {
            self.set_full_text(id, settings.full_text).await?;
        }
        // The schedule looks again now: the feed may be due sooner.
        self.schedule_changed.notify_one();
        Ok(())
    }

    /// Moves a feed into a folder, or to the top level with `None`.
    pub async fn move_feed(&self, id: FeedId, folder: Option<FolderId>) -> Result<()> {
        if let Some(synced) = self.synced_feed(id).await? {
            return self.move_synced_feed(id, synced, folder).await;
        }
        if let Some(folder) = folder {
            self.local_folder(folder).await?;
        }
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
        self.local_folder(id).await?;
        self.change(format!("folder {id}"), move |s| s.rename_folder(id, &name))
            .await
    }

    /// Refuses a folder of an account on a server: its folders are changed on the server.
    async fn local_folder(&self, id: FolderId) -> Result<()> {
        match self.blocking(move |s| s.folder_account(id)).await? {
            Some((account, _)) if account != crate::api::LOCAL_ACCOUNT => Err(Error::Invalid(
                "this folder belongs to an account on a server: change it there, and the next sync brings it here".to_string(),
            )),
            _ => Ok(()),
        }
    }

    /// Deletes a folder; its feeds move to the top level. The answer carries a token that
    /// puts the folder back with its feeds, for a while.
    pub async fn delete_folder(&self, id: FolderId) -> Result<DeletedFolder> {
        self.local_folder(id).await?;
        let removed = self
            .blocking(move |s| s.delete_folder(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("folder {id}")))?;
        let feeds = removed.feeds.len() as u64;
        let undo = self
            .undo
            .remember(super::undo::Undoable::FolderDeleted(removed));
        Ok(DeletedFolder { feeds, undo })
    }
}
