//! Subscription lists in and out: OPML import (one transaction, with a report of every entry
//! that was refused) and export.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use super::Library;
use crate::api::{AppEvent, ImportReport};
use crate::discover::address::{KnownFeed, Subscribed};
use crate::opml::{self, MAX_OPML_BYTES, OpmlError, OpmlFeed};
use crate::store::NewSubscription;
use crate::{Error, Result, now};

impl Library {
    /// Imports an OPML file without fetching anything: the feeds are refreshed afterwards, by
    /// the scheduler or a refresh. `progress` hears (done, total) while they are stored.
    pub async fn import_opml(
        &self,
        bytes: Vec<u8>,
        progress: impl Fn(u64, u64) + Send + 'static,
    ) -> Result<ImportReport> {
        self.blocking(move |store| {
            let import = opml::parse_opml(&bytes)?;
            let entries = import.feeds.len();
            let subscriptions = not_subscribed(import.feeds, &store.known_feeds()?);
            let added = store.insert_subscriptions(&subscriptions, now(), &|done, total| {
                progress(done as u64, total as u64)
            })?;
            Ok(ImportReport {
                added: added as u64,
                already_subscribed: (entries - added) as u64,
                rejected: import.rejected,
            })
        })
        .await
    }

    /// Reads and imports an OPML file, refusing one too large before reading it into memory;
    /// reports its progress, and the schedule takes the new feeds at once.
    pub async fn import_opml_file(&self, path: &Path) -> Result<ImportReport> {
        let file_error = |e: std::io::Error| Error::File {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        let file = std::fs::File::open(path).map_err(file_error)?;
        let mut bytes = Vec::new();
        file.take(MAX_OPML_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(file_error)?;
        if bytes.len() > MAX_OPML_BYTES {
            let size = std::fs::metadata(path).map_or(bytes.len(), |m| m.len() as usize);
            return Err(OpmlError::TooLarge {
                size,
                limit: MAX_OPML_BYTES,
            }
            .into());
        }
        let reporter = Arc::clone(&self.reporter);
        let progress = move |done, total| reporter.report(AppEvent::ImportProgress { done, total });
        let report = self.import_opml(bytes, progress).await?;
        self.schedule_changed.notify_one();
        Ok(report)
    }

    /// Every subscription as an OPML 2.0 document, folders included.
    pub async fn export_opml(&self) -> Result<String> {
        let subscriptions = self.blocking(|s| s.list_subscriptions()).await?;
        let feeds: Vec<OpmlFeed> = subscriptions
            .into_iter()
            .map(|s| OpmlFeed {
                title: s.title,
                xml_url: s.url,
                html_url: s.site_url,
                folder: s.folder,
            })
            .collect();
        Ok(opml::write_opml("Tidings subscriptions", &feeds))
    }
}

/// The entries that are not subscribed to yet, each feed once however often and however
/// differently the file (or the library) writes its address (see [`Subscribed`]).
fn not_subscribed(feeds: Vec<OpmlFeed>, known: &[KnownFeed]) -> Vec<NewSubscription> {
    let mut subscribed = Subscribed::new(known);
    let mut new = Vec::new();
    for feed in feeds {
        let site = feed.html_url.as_deref();
        if subscribed
            .find(&[&feed.xml_url], site, &feed.title)
            .is_none()
        {
            // Not a stored feed yet: any id tells later entries that this one is taken.
            subscribed.add(0, &[&feed.xml_url], site, [feed.title.as_str()]);
            new.push(subscription(feed));
        }
    }
    new
}

fn subscription(feed: OpmlFeed) -> NewSubscription {
    NewSubscription {
        url: feed.xml_url,
        title: feed.title,
        site_url: feed.html_url,
        folder: feed.folder,
    }
}
