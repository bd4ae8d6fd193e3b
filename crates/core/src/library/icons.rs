//! Feed icons: looked for in the background after a refresh, each feed's once a week, and
//! served to the app's own scheme from the library.

use futures::StreamExt;

use super::Library;
use crate::api::{AppEvent, FeedId};
use crate::icons::{self, IconPlaces, LOOK_AGAIN_AFTER};
use crate::media::Image;
use crate::{Result, now};

/// Icons fetched at once: a few servers at a time, well below what a refresh uses.
const ICONS_AT_ONCE: usize = 4;
/// Feeds looked at in one go; the rest wait for the next refresh.
const ICONS_PER_RUN: usize = 200;

impl Library {
    /// Looks for the icon of each feed not looked at for a week (or ever), at most
    /// [`ICONS_PER_RUN`] of them, after any look already running; returns how many got one, and
    /// tells the front end when any did.
    pub async fn fetch_due_icons(&self) -> Result<usize> {
        let _one_at_a_time = self.icons_running.lock().await;
        let found = self.fetch_due_icons_now().await;
        if let Ok(found @ 1..) = found {
            self.report(AppEvent::FeedIconsChanged {
                found: found as u64,
            });
        }
        found
    }

    async fn fetch_due_icons_now(&self) -> Result<usize> {
        let looked_before = now() - LOOK_AGAIN_AFTER;
        let due = self
            .blocking(move |s| s.icons_due(looked_before, ICONS_PER_RUN))
            .await?;
        let mut feeds_by_places: Vec<(IconPlaces, Vec<FeedId>)> = Vec::new();
        for sources in &due {
            let places = IconPlaces::of(sources);
            match feeds_by_places.iter_mut().find(|(p, _)| *p == places) {
                Some((_, feeds)) => feeds.push(sources.feed_id),
                None => feeds_by_places.push((places, vec![sources.feed_id])),
            }
        }
        let results: Vec<Result<usize>> = futures::stream::iter(feeds_by_places)
            .map(|(places, feeds)| async move {
                let found = icons::find_icon(&self.fetcher, &self.image_fetcher, &places).await;
                let got = if found.is_some() { feeds.len() } else { 0 };
                self.blocking(move |s| {
                    let found = found.as_ref().map(|(image, url)| (image, url.as_str()));
                    let now = now();
                    for feed in feeds {
                        s.set_feed_icon(feed, found, now)?;
                    }
                    Ok(())
                })
                .await?;
                Ok(got)
            })
            .buffer_unordered(ICONS_AT_ONCE)
            .collect()
            .await;
        let mut got = 0;
        for result in results {
            got += result?;
        }
        Ok(got)
    }

    /// Looks for the icons due in the background, not holding up whoever asks (a refresh, a
    /// sync, a new subscription).
    pub(super) fn look_for_icons_soon(&self) {
        let library = self.clone();
        tokio::spawn(async move {
            if let Err(error) = library.fetch_due_icons().await {
                tracing::warn!(%error, "could not look for feed icons");
            }
        });
    }

    /// The icon kept for `feed`, if one was found.
    pub async fn feed_icon(&self, feed: FeedId) -> Result<Option<Image>> {
        self.blocking(move |s| s.feed_icon(feed)).await
    }
}
