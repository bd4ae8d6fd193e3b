//! Feeds that carry only summaries can be read in full: at refresh, each new or changed item's
//! page is fetched and read in reader mode. If that fails the feed's own content stays, and the
//! reason is kept with the article.

use std::sync::Arc;

use futures::StreamExt;
use tokio::sync::Semaphore;
use url::Url;

use super::Library;
use crate::api::FeedId;
use crate::extract;
use crate::fetch::{FetchOutcome, Reach, Validators};
use crate::store::{FeedUpdate, NewArticle};
use crate::{Error, Result};

/// Article pages fetched at once for one feed (the whole refresh is bounded by
/// [`PAGES_AT_ONCE`]).
const PAGES_PER_FEED: usize = 4;
/// Article pages fetched at once across a refresh.
pub(super) const PAGES_AT_ONCE: usize = 8;

pub(super) type PagePermits = Arc<Semaphore>;

impl Library {
    /// Replaces the feed's content of new and changed items with their pages' articles. The pages
    /// are fetched within the reach of the feed at `feed_url` (see [`Reach`]).
    pub(super) async fn read_full_articles(
        &self,
        feed_id: FeedId,
        feed_url: &str,
        update: &mut FeedUpdate,
    ) {
        let reach = Reach::for_content_from(feed_url);
        let stored = match self.blocking(move |s| s.article_hashes(feed_id)).await {
            Ok(stored) => stored,
            Err(error) => {
                tracing::warn!(%error, feed_id, "could not tell which articles are new");
                return;
            }
        };
        let wanted: Vec<&mut NewArticle> = update
            .articles
            .iter_mut()
            .filter(|a| a.url.is_some() && stored.get(&a.identity) != Some(&a.content_hash))
            .collect();
        futures::stream::iter(wanted)
            .for_each_concurrent(PAGES_PER_FEED, |article| async move {
                let url = article.url.clone().unwrap_or_default();
                match self.read_page(&url, reach).await {
                    Ok(page) => {
                        article.content_html = page.html;
                        article.content_text = page.text;
                        article.lead_image = page.lead_image;
                        article.word_count = Some(page.word_count as i64);
                        if article.author.is_none() {
                            article.author = page.byline;
                        }
                        article.extract_error = None;
                    }
                    Err(reason) => article.extract_error = Some(reason.to_string()),
                }
            })
            .await;
    }

    async fn read_page(&self, address: &str, reach: Reach) -> Result<extract::Extracted> {
        let _permit = self.page_permits.acquire().await;
        let url = Url::parse(address).map_err(|e| Error::Invalid(e.to_string()))?;
        let fetched = match self
            .fetcher
            .get_reaching(&url, &Validators::default(), reach)
            .await?
        {
            FetchOutcome::Fetched(fetched) => fetched,
            FetchOutcome::NotModified(_) => {
                return Err(crate::fetch::FetchError::unexpected_not_modified().into());
            }
        };
        tokio::task::spawn_blocking(move || {
            extract::extract(&fetched.body, &fetched.final_url)
                .map_err(|e| Error::Invalid(e.to_string()))
        })
        .await?
    }
}
