//! The person's library: subscriptions and articles in one local database, refreshed over HTTP.
//! The app's commands and the CLI's subcommands are each a call to one method here.

mod accounts;
mod background;
mod export;
mod full_text;
mod health;
mod highlights;
mod icons;
mod images;
mod ingest;
mod listing;
mod names;
pub mod notifications;
mod opml;
mod pending;
mod refresh;
mod refresher;
mod retention;
mod rules;
mod saved_searches;
mod saving;
pub mod schedule;
mod search;
mod server_retention;
mod subscriptions;
mod sync;
mod sync_pages;
mod sync_schedule;
mod synced_feeds;
mod tags;
mod undo;
mod writer;

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use tokio::task::spawn_blocking;

use crate::api::{AppEvent, Article, ArticleId, Preferences, RemoteImages, Reporter, Settings};
use crate::fetch::{FetchLimits, Fetcher};
use crate::media::ImageLimits;
use crate::sanitize::{is_tracking_address, without_tracking_images};
use crate::store::{Store, WorkKind};
use crate::{Error, Result, now};

pub use health::Damage;
pub use refresh::{CancelToken, RefreshLimits};
pub use refresher::Refresher;
pub use rules::PREVIEW_ROWS;
pub use saved_searches::UNREAD_CAP;
pub use tags::tag_name;

/// A local library: one SQLite file and one HTTP client. Cheap to clone.
#[derive(Clone)]
pub struct Library {
    store: Arc<Store>,
    fetcher: Fetcher,
    /// The same rules, with the body capped at one image's allowance.
    image_fetcher: Fetcher,
    image_limits: ImageLimits,
    limits: RefreshLimits,
    page_permits: full_text::PagePermits,
    undo: Arc<undo::UndoLog>,
    work_wanted: pending::WorkWanted,
    /// Told when the schedule may have changed (settings, imported feeds): the refresher looks
    /// again at once instead of after its nap.
    schedule_changed: Arc<tokio::sync::Notify>,
    reporter: Arc<dyn Reporter>,
    /// Told when a change may wait in an outbox: the sync schedule sends it soon.
    sync_wanted: Arc<tokio::sync::Notify>,
    /// Held by the sync running now.
    syncing: Arc<tokio::sync::Mutex<()>>,
    /// Accounts' passwords.
    keychain: Arc<crate::sync::keychain::Keychain>,
    /// The client for feed services (unlike `fetcher`, it may reach private addresses).
    sync_http: crate::sync::SyncHttp,
    /// Held while feed icons are being looked for.
    icons_running: Arc<tokio::sync::Mutex<()>>,
}

/// Where events go until a front end says where it wants them.
struct Unheard;

impl Reporter for Unheard {
    fn report(&self, _: AppEvent) {}
}

/// Settings keys (the `settings` table).
pub mod settings {
    /// Minutes between background refreshes of a feed.
    pub const REFRESH_INTERVAL_MINUTES: &str = "refresh_interval_minutes";
    /// Days read articles are kept.
    pub const KEEP_READ_DAYS: &str = "keep_read_days";
    pub const DEFAULT_KEEP_READ_DAYS: i64 = 90;
    /// "always", "onClick" or "never".
    pub const REMOTE_IMAGES: &str = "remote_images";
    /// "1" to keep the images of every new article.
    pub const KEEP_ALL_IMAGES: &str = "keep_all_images";
    /// "0" to list every copy of a story several feeds carry.
    pub use crate::store::MERGE_STORIES;
    /// The person's `Preferences`, as JSON.
    pub const PREFERENCES: &str = "preferences";
}

/// Rows per page of the article list.
pub const PAGE_SIZE: u32 = 100;

impl Library {
    pub fn open(db_path: &Path) -> Result<Library> {
        Library::open_with_limits(db_path, FetchLimits::default())
    }

    pub fn open_with_limits(db_path: &Path, limits: FetchLimits) -> Result<Library> {
        let image_limits = ImageLimits::default();
        let image_fetch_limits = FetchLimits {
            max_body_bytes: image_limits.per_image,
            ..limits.clone()
        };
        Ok(Library {
            store: Arc::new(Store::open(db_path)?),
            fetcher: Fetcher::new(limits)?,
            image_fetcher: Fetcher::new(image_fetch_limits)?,
            image_limits,
            limits: RefreshLimits::default(),
            page_permits: Arc::new(tokio::sync::Semaphore::new(full_text::PAGES_AT_ONCE)),
            undo: Arc::default(),
            work_wanted: Arc::default(),
            schedule_changed: Arc::default(),
            reporter: Arc::new(Unheard),
            sync_wanted: Arc::default(),
            syncing: Arc::default(),
            keychain: Arc::default(),
            sync_http: crate::sync::SyncHttp::new(crate::sync::http::SyncLimits::default())
                .map_err(|e| Error::Invalid(e.to_string()))?,
            icons_running: Arc::default(),
        })
    }

    /// Sends what happens in the background (refresh progress, work reports, import progress)
    /// to `reporter`: the app's window, the CLI's stderr.
    pub fn reporting_to(mut self, reporter: Arc<dyn Reporter>) -> Library {
        self.reporter = reporter;
        self
    }

    fn report(&self, event: AppEvent) {
        self.reporter.report(event);
    }

    /// Writes a consistent copy of the library to `to` (SQLite's online backup) while it stays in
    /// use; never overwrites a file.
    pub async fn backup(&self, to: &Path) -> Result<()> {
        let to = to.to_path_buf();
        self.blocking(move |s| s.backup_to(&to)).await
    }

    /// Resolves the names in `hosts` to the given addresses for every fetch, as /etc/hosts would
    /// (tests give a public-looking name to a loopback server this way).
    pub fn with_hosts(mut self, hosts: &[(&str, std::net::IpAddr)]) -> Result<Library> {
        let hosts: std::collections::HashMap<String, std::net::IpAddr> = hosts
            .iter()
            .map(|(name, ip)| (name.to_ascii_lowercase(), *ip))
            .collect();
        self.fetcher = self.fetcher.with_same_limits(hosts.clone())?;
        self.image_fetcher = self.image_fetcher.with_same_limits(hosts)?;
        Ok(self)
    }

    /// Changes how many feeds one refresh fetches at once.
    pub fn with_refresh_limits(mut self, limits: RefreshLimits) -> Library {
        self.limits = limits;
        self
    }

    async fn setting_number(&self, key: &'static str, default: i64) -> Result<i64> {
        let value = self.blocking(move |s| s.setting(key)).await?;
        Ok(value.and_then(|v| v.parse().ok()).unwrap_or(default))
    }

    pub async fn settings(&self) -> Result<Settings> {
        let remote_images = self
            .blocking(|s| s.setting(settings::REMOTE_IMAGES))
            .await?;
        Ok(Settings {
            refresh_interval_minutes: self.refresh_interval_secs().await? / 60,
            keep_read_days: self
                .setting_number(settings::KEEP_READ_DAYS, settings::DEFAULT_KEEP_READ_DAYS)
                .await?,
            remote_images: remote_images
                .as_deref()
                .and_then(RemoteImages::parse)
                .unwrap_or(RemoteImages::Always),
            keep_all_images: self.setting_number(settings::KEEP_ALL_IMAGES, 0).await? == 1,
            merge_stories: self.setting_number(settings::MERGE_STORIES, 1).await? == 1,
        })
    }

    pub async fn set_settings(&self, new: Settings) -> Result<()> {
        if !(1..=7 * 24 * 60).contains(&new.refresh_interval_minutes) {
            return Err(Error::Invalid(
                "the refresh interval must be between 1 minute and 7 days".to_string(),
            ));
        }
        if !(1..=36_500).contains(&new.keep_read_days) {
            return Err(Error::Invalid(
                "read articles must be kept between 1 day and 100 years".to_string(),
            ));
        }
        self.blocking(move |s| {
            s.set_setting(
                settings::REFRESH_INTERVAL_MINUTES,
                &new.refresh_interval_minutes.to_string(),
            )?;
            s.set_setting(settings::KEEP_READ_DAYS, &new.keep_read_days.to_string())?;
            s.set_setting(settings::REMOTE_IMAGES, new.remote_images.as_str())?;
            s.set_setting(
                settings::KEEP_ALL_IMAGES,
                if new.keep_all_images { "1" } else { "0" },
            )?;
            s.set_setting(
                settings::MERGE_STORIES,
                if new.merge_stories { "1" } else { "0" },
            )
        })
        .await?;
        // The schedule looks again now, with the new settings, rather than at the end of its nap.
        self.schedule_changed.notify_one();
        Ok(())
    }

    /// How the person likes to read; defaults for anything never set.
    pub async fn preferences(&self) -> Result<Preferences> {
        let stored = self.blocking(|s| s.setting(settings::PREFERENCES)).await?;
        Ok(stored
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    /// Stores the person's preferences, each kept within its sensible range.
    pub async fn set_preferences(&self, preferences: Preferences) -> Result<Preferences> {
        let preferences = Preferences {
            reader_size: preferences.reader_size.clamp(14, 28),
            line_height_tenths: preferences.line_height_tenths.clamp(13, 20),
            content_width: preferences.content_width.clamp(50, 90),
            sidebar_width: preferences.sidebar_width.clamp(160, 480),
            list_width: preferences.list_width.clamp(240, 720),
            mark_read_delay_secs: preferences.mark_read_delay_secs.clamp(1, 60),
            ..preferences
        };
        let json =
            serde_json::to_string(&preferences).map_err(|e| Error::Invalid(e.to_string()))?;
        self.blocking(move |s| s.set_setting(settings::PREFERENCES, &json))
            .await?;
        Ok(preferences)
    }

    /// When the next feed is due, if any feed is polled at all.
    pub async fn next_poll_at(&self) -> Result<Option<crate::Timestamp>> {
        self.blocking(|s| s.next_poll_at()).await
    }

    /// Seconds between polls of a healthy feed.
    pub async fn refresh_interval_secs(&self) -> Result<i64> {
        let minutes = self
            .setting_number(
                settings::REFRESH_INTERVAL_MINUTES,
                schedule::DEFAULT_INTERVAL_SECS / 60,
            )
            .await?;
        Ok(minutes.max(1) * 60)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// An article as stored, less any tracking image: one stored before the sanitizer dropped
    /// them would otherwise send a read receipt when shown, exported or kept offline.
    pub async fn article(&self, id: ArticleId) -> Result<Article> {
        let mut article = self
            .blocking(move |s| s.article(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("article {id}")))?;
        if let Cow::Owned(kept) = without_tracking_images(&article.content_html) {
            article.content_html = kept;
        }
        article.lead_image = article.lead_image.filter(|l| !is_tracking_address(l));
        Ok(article)
    }

    pub async fn set_read(&self, id: ArticleId, read: bool) -> Result<()> {
        self.change(format!("article {id}"), move |s| s.set_read(id, read))
            .await?;
        self.outbox_may_have_changed();
        Ok(())
    }

    /// Bookmarks an article (or removes its bookmark). A bookmarked article is kept for reading
    /// offline: its pictures are asked for with the bookmark, and kept in the background.
    pub async fn set_bookmarked(&self, id: ArticleId, bookmarked: bool) -> Result<()> {
        let then = bookmarked.then_some(WorkKind::KeepImages);
        self.change(format!("article {id}"), move |s| {
            s.set_bookmarked(id, bookmarked, now(), then)
        })
        .await?;
        self.outbox_may_have_changed();
        if bookmarked {
            self.work_asked_for();
        }
        Ok(())
    }

    /// Runs a change that reports whether its target existed; `what` names it if not.
    async fn change(
        &self,
        what: String,
        change: impl FnOnce(&Store) -> Result<bool> + Send + 'static,
    ) -> Result<()> {
        if self.blocking(change).await? {
            Ok(())
        } else {
            Err(Error::NotFound(what))
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
