//! Offline images: kept when an article is bookmarked or saved (or, by a setting, for every new
//! article), and handed to the webview through the app's own scheme, never from the network.

use std::sync::atomic::{AtomicUsize, Ordering};

use futures::StreamExt;
use url::Url;

use super::Library;
use crate::api::{Article, ArticleId, KeptImages, RemoteImages};
use crate::fetch::{FetchError, Reach};
use crate::media::{self, Image};
use crate::sanitize::{is_tracking_address, without_tracking_images};
use crate::store::ImageSource;
use crate::{Error, Result, now};

/// Images of one article fetched at once.
const CONCURRENT_IMAGES: usize = 4;

enum Kept {
    Stored,
    Failed,
    OverCap,
    /// Not fetched for now (the network or the server was away, as it says); worth trying
    /// again.
    Waiting(String),
}

/// Takes `size` bytes from what the article may still use, if they fit.
fn charge(budget: &AtomicUsize, size: usize) -> Kept {
    match budget.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
        left.checked_sub(size)
    }) {
        Ok(_) => Kept::Stored,
        Err(_) => Kept::OverCap,
    }
}

impl Library {
    /// Downloads and keeps every image of an article (and its lead image) not kept yet, within
    /// the per-image and per-article caps.
    pub async fn keep_images(&self, id: ArticleId) -> Result<KeptImages> {
        Ok(self.keep_images_noting(id).await?.0)
    }

    /// As [`Library::keep_images`], with why some images could not be fetched for now, if any
    /// could not.
    pub(super) async fn keep_images_noting(
        &self,
        id: ArticleId,
    ) -> Result<(KeptImages, Option<String>)> {
        let (html, lead_image) = self
            .blocking(move |s| s.article_images_source(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("article {id}")))?;
        // Stored before trackers were dropped at ingest, an article may still hold some.
        let mut urls = media::image_urls(&without_tracking_images(&html));
        if let Some(lead) = lead_image.filter(|l| !urls.contains(l) && !is_tracking_address(l)) {
            urls.insert(0, lead);
        }
        let reach = self.content_reach(id).await?;
        let budget = AtomicUsize::new(self.image_limits.per_article);
        let outcomes: Vec<Kept> = futures::stream::iter(urls)
            .map(|url| {
                let budget = &budget;
                async move { self.keep_image(&url, reach, budget).await }
            })
            .buffered(CONCURRENT_IMAGES)
            .collect()
            .await;
        let mut kept = KeptImages::default();
        let mut waiting_because = None;
        for outcome in outcomes {
            match outcome {
                Kept::Stored => kept.stored += 1,
                Kept::Failed => kept.failed += 1,
                Kept::OverCap => kept.over_cap += 1,
                Kept::Waiting(reason) => {
                    kept.waiting += 1;
                    waiting_because.get_or_insert(reason);
                }
            }
        }
        Ok((kept, waiting_because))
    }

    /// Keeps one image unless it is kept already, charging its size to the article's budget.
    async fn keep_image(&self, url: &str, reach: Reach, budget: &AtomicUsize) -> Kept {
        let key = url.to_string();
        match self.blocking(move |s| s.image_source(&key)).await {
            Ok(Some(ImageSource::Stored(image))) => return charge(budget, image.bytes.len()),
            Ok(Some(ImageSource::Failed(_))) => return Kept::Failed,
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(%error, url, "could not look up an image");
                return Kept::Failed;
            }
        }
        if budget.load(Ordering::SeqCst) == 0 {
            return Kept::OverCap;
        }
        let image = match self.fetch_image(url, reach).await {
            Ok(image) => image,
            Err(error) if error.is_temporary() => return Kept::Waiting(error.to_string()),
            Err(_) => return Kept::Failed,
        };
        match charge(budget, image.bytes.len()) {
            Kept::Stored => {
                self.store_image(url, image).await;
                Kept::Stored
            }
            other => other,
        }
    }

    /// Fetches an image through the backend. A failure that will not pass by itself (not an
    /// image, gone, too big) is recorded so it isn't retried on every view; one that may (no
    /// network, a server down) is not, so the next view or attempt tries again.
    async fn fetch_image(&self, url: &str, reach: Reach) -> Result<Image, FetchError> {
        let parsed = Url::parse(url).map_err(|e| FetchError::InvalidUrl {
            input: url.to_string(),
            reason: e.to_string(),
        })?;
        let fetched = media::fetch_image(&self.image_fetcher, &parsed, reach).await;
        if let Err(reason) = &fetched {
            tracing::info!(url, %reason, "image not kept");
            if !reason.is_temporary() {
                let (key, reason) = (url.to_string(), reason.to_string());
                let recorded = self
                    .blocking(move |s| s.record_image_failure(&key, &reason, now()))
                    .await;
                if let Err(error) = recorded {
                    tracing::warn!(%error, url, "could not record an image failure");
                }
            }
        }
        fetched
    }

    async fn store_image(&self, url: &str, image: Image) {
        let key = url.to_string();
        if let Err(error) = self
            .blocking(move |s| s.store_image(&key, &image, now()))
            .await
        {
            tracing::warn!(%error, url, "could not store an image");
        }
    }

    /// Keeps the images of articles first seen since `since` (a refresh's start): of every
    /// feed with the "keep every image" setting on, else of the feeds set to keep theirs.
    /// Totals over all of them.
    pub async fn keep_images_of_new_articles(&self, since: crate::Timestamp) -> Result<KeptImages> {
        let every_feed = self.settings().await?.keep_all_images;
        let ids = self
            .blocking(move |s| s.articles_first_seen_since(since, every_feed))
            .await?;
        let mut total = KeptImages::default();
        for id in ids {
            let kept = self.keep_images(id).await?;
            total.stored += kept.stored;
            total.failed += kept.failed;
            total.over_cap += kept.over_cap;
            total.waiting += kept.waiting;
        }
        Ok(total)
    }

    /// How far fetches that article `id`'s content asks for may reach: see [`Reach`].
    pub(super) async fn content_reach(&self, id: ArticleId) -> Result<Reach> {
        let origin = self.blocking(move |s| s.article_origin(id)).await?;
        Ok(origin.map_or(Reach::PublicOnly, |o| Reach::for_content_from(&o)))
    }

    /// An image of article `article` for the webview: kept already, or fetched now through the
    /// backend when the person's setting (or their click, `requested`) allows it. A known
    /// counter's picture never is (see [`crate::sanitize::is_tracking_address`]).
    pub async fn image(
        &self,
        article: ArticleId,
        url: &str,
        requested: bool,
    ) -> Result<Option<Image>> {
        if is_tracking_address(url) {
            return Ok(None);
        }
        let key = url.to_string();
        match self.blocking(move |s| s.image_source(&key)).await? {
            Some(ImageSource::Stored(image)) => return Ok(Some(image)),
            Some(ImageSource::Failed(_)) if !requested => return Ok(None),
            _ => {}
        }
        let allowed = match self.settings().await?.remote_images {
            RemoteImages::Always => true,
            RemoteImages::OnClick => requested,
            RemoteImages::Never => false,
        };
        if !allowed {
            return Ok(None);
        }
        let reach = self.content_reach(article).await?;
        let image = self.fetch_image(url, reach).await.ok();
        if let Some(image) = &image {
            self.store_image(url, image.clone()).await;
        }
        Ok(image)
    }

    /// An article ready for the webview: its images (and lead image) point at `route(address)`,
    /// the app's own image scheme (see [`media::app_image_url`]).
    pub async fn article_for_display(
        &self,
        id: ArticleId,
        route: impl Fn(&str) -> String,
    ) -> Result<Article> {
        let mut article = self.article(id).await?;
        article.content_html = media::route_images(&article.content_html, &route);
        article.lead_image = article.lead_image.as_deref().map(&route);
        Ok(article)
    }

    /// An article as the app shows it: its images through the app's image scheme, those the
    /// person's setting holds back only when `load_images` (they asked for them).
    pub async fn article_for_app(&self, id: ArticleId, load_images: bool) -> Result<Article> {
        let route = |src: &str| media::app_image_url(id, src, load_images);
        self.article_for_display(id, route).await
    }
}
