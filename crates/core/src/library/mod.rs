//! The person's library: subscriptions and articles in one local database, refreshed over HTTP.
//! The app's commands and the CLI's subcommands are each a call to one method here.

mod ingest;
mod refresh;

use std::path::Path;
use std::sync::Arc;

use tokio::task::spawn_blocking;

use crate::api::{
    Article, ArticleCursor, ArticleId, ArticlePage, ArticleView, FeedId, FeedSummary,
};
use crate::feeds;
use crate::fetch::{FetchError, FetchLimits, FetchOutcome, Fetcher, Validators, parse_web_url};
use crate::store::{ArticleQuery, Store};
use crate::{Error, Result, now};

pub use refresh::CancelToken;

/// A local library: one SQLite file and one HTTP client. Cheap to clone.
#[derive(Clone)]
pub struct Library {
    store: Arc<Store>,
    fetcher: Fetcher,
}

/// Rows per page of the article list.
pub const PAGE_SIZE: u32 = 100;

impl Library {
    pub fn open(db_path: &Path) -> Result<Library> {
        Library::open_with_limits(db_path, FetchLimits::default())
    }

    pub fn open_with_limits(db_path: &Path, limits: FetchLimits) -> Result<Library> {
        Ok(Library {
            store: Arc::new(Store::open(db_path)?),
            fetcher: Fetcher::new(limits)?,
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

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
            FetchOutcome::NotModified => return Err(FetchError::unexpected_not_modified().into()),
        };
        let feed_id = self
            .blocking(move |store| {
                let parsed = feeds::parse(&fetched.body, &fetched.final_url)?;
                let update = ingest::prepare_update(parsed, fetched.validators);
                store.insert_feed(url.as_str(), &update, now())
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

    pub async fn list_articles(
        &self,
        view: ArticleView,
        after: Option<ArticleCursor>,
    ) -> Result<ArticlePage> {
        let query = ArticleQuery {
            view,
            after,
            limit: PAGE_SIZE,
        };
        self.blocking(move |s| s.list_articles(&query)).await
    }

    pub async fn article(&self, id: ArticleId) -> Result<Article> {
        self.blocking(move |s| s.article(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("article {id}")))
    }

    pub async fn set_read(&self, id: ArticleId, read: bool) -> Result<()> {
        self.change_article(id, move |s| s.set_read(id, read, now()))
            .await
    }

    pub async fn set_bookmarked(&self, id: ArticleId, bookmarked: bool) -> Result<()> {
        self.change_article(id, move |s| s.set_bookmarked(id, bookmarked, now()))
            .await
    }

    async fn change_article(
        &self,
        id: ArticleId,
        change: impl FnOnce(&Store) -> Result<bool> + Send + 'static,
    ) -> Result<()> {
        if self.blocking(change).await? {
            Ok(())
        } else {
            Err(Error::NotFound(format!("article {id}")))
        }
    }

    /// Runs database (or other blocking) work off the async runtime's threads.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let store = Arc::clone(&self.store);
        spawn_blocking(move || work(&store)).await?
    }
}
