//! Feeds that carry only summaries can be read in full: at refresh, each new or changed item's
//! page is fetched and read in reader mode. If that fails the feed's own content stays, and the
//! reason is kept with the article. Articles stored before (a feed just turned to full articles,
//! "Load full text" on one article) are read by the background work of [`super::pending`].

use std::sync::Arc;

use futures::StreamExt;
use tokio::sync::Semaphore;
use url::Url;

use super::Library;
use super::pending::Attempt;
use crate::api::{ArticleId, FeedId, WorkReport};
use crate::extract;
use crate::fetch::{FetchOutcome, Reach, Validators};
use crate::store::{FeedUpdate, FullArticle, NewArticle, PageToRead, WorkKind};
use crate::{Error, Result, now};

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

    /// The article on the page at `address`; a page with only part of it (the rest behind a
    /// paywall) is an error, so that the feed's own text stays and the reader says why.
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
        let deadline = super::background::EXTRACT_DEADLINE;
        super::background::blocking_within("Reading the article's page", deadline, move || {
            let page = extract::extract(&fetched.body, &fetched.final_url)
                .map_err(|e| Error::Invalid(e.to_string()))?;
            match page.shortfall {
                Some(why) => Err(Error::Invalid(format!("only part of the article: {why}"))),
                None => Ok(page),
            }
        })
        .await?
    }
}

impl Library {
    /// Reads article `id`'s page in full (work kept in the database, see [`super::pending`]): a
    /// saved page kept as a link fills in; a feed article's body becomes its page's article.
    pub(super) async fn read_article_page(&self, id: ArticleId) -> Result<Attempt> {
        let page = self
            .blocking(move |s| s.page_to_read(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("the page of article {id}")))?;
        match page {
            PageToRead::Saved { url } => self.read_saved_page(id, &url).await,
            PageToRead::FeedArticle { url, feed_url } => {
                self.read_feed_article_page(id, &url, &feed_url).await
            }
        }
    }

    async fn read_feed_article_page(
        &self,
        id: ArticleId,
        url: &str,
        feed_url: &str,
    ) -> Result<Attempt> {
        match self.read_page(url, Reach::for_content_from(feed_url)).await {
            Ok(page) => {
                let article = FullArticle {
                    html: page.html,
                    text: page.text,
                    lead_image: page.lead_image,
                    word_count: page.word_count as i64,
                    byline: page.byline,
                };
                self.blocking(move |s| s.fill_full_text(id, &article))
                    .await?;
            }
            Err(Error::Fetch(error)) if error.is_temporary() => {
                return Ok(Attempt::Waiting {
                    reason: error.to_string(),
                    if_given_up: None,
                });
            }
            // The feed's own text stays, and the reader says why.
            Err(reason) => {
                let reason = reason.to_string();
                self.blocking(move |s| s.record_page_failure(id, &reason))
                    .await?;
            }
        }
        Ok(Attempt::Done(Some(WorkReport::PageRead { article_id: id })))
    }

    /// Reads one article's page in full in the background ("Load full text"); a report says
    /// when it is done.
    pub async fn read_full_article(&self, id: ArticleId) -> Result<()> {
        self.blocking(move |s| match s.page_to_read(id)? {
            Some(_) => s.ask_for_work(id, WorkKind::ReadPage, now()),
            None => Err(Error::Invalid(
                "this article has no page of its own to read".to_string(),
            )),
        })
        .await?;
        self.work_asked_for();
        Ok(())
    }

    /// How many feed articles' pages are still to be read in full.
    pub async fn pages_to_read(&self) -> Result<u64> {
        self.blocking(|s| s.pages_to_read()).await
    }

    /// Stops reading feed articles' pages in full; what was read stays.
    pub async fn stop_reading_pages(&self) -> Result<()> {
        self.blocking(|s| s.stop_reading_pages(None)).await
    }
}
