//! A sync's new articles, in three stages that overlap: fetching a page, sanitizing it (on two
//! background threads), storing it with its cursor (the writer). Pages are stored in order, so
//! a sync stopped anywhere resumes after the last page stored; at most a few pages are in
//! memory at once, however many the server has.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use url::Url;

use super::Library;
use super::sync::sync_error;
use crate::api::FeedId;
use crate::store::{Applied, StoredAccount, SyncedArticle};
use crate::sync::{Backend, ItemPage, RemoteItem};
use crate::{Error, Result, now};

/// Pages of new articles one sync asks for at most: a server that ignores paging would have us
/// ask forever (a million articles are 1,000 pages of 1,000, 5,000 of 200).
const MAX_PAGES: usize = 20_000;

/// Pages sanitized ahead of the writer.
const AHEAD: usize = 2;

/// The account's feeds: the server's id of each with its id here, and its address (what an
/// article's relative links are relative to when it has no address of its own).
pub(super) type Feeds = Arc<(HashMap<String, FeedId>, HashMap<String, String>)>;

/// A page being sanitized: its articles and the cursor to store with them.
type Prepared = JoinHandle<Result<(Vec<SyncedArticle>, String)>>;

impl Library {
    /// Fetches, sanitizes and stores every page of new articles. A failure to fetch comes after
    /// what came before it is stored.
    pub(super) async fn fetch_new_articles<B: Backend>(
        &self,
        account: &StoredAccount,
        backend: &mut B,
        feeds: Feeds,
    ) -> Result<Applied> {
        let id = account.id;
        let (queue, mut prepared) = mpsc::channel::<Prepared>(AHEAD);
        let storing = {
            let library = self.clone();
            tokio::spawn(async move {
                let mut total = Applied::default();
                while let Some(page) = prepared.recv().await {
                    let (articles, cursor) = page.await??;
                    let applied = library
                        .blocking(move |s| s.apply_remote_items(id, &articles, &cursor, now()))
                        .await?;
                    total.inserted += applied.inserted;
                    total.changed += applied.changed;
                }
                Ok::<_, Error>(total)
            })
        };
        let fetched = fetch_pages(account, backend, feeds, queue).await;
        let stored = storing.await?;
        let total = stored?;
        fetched?;
        Ok(total)
    }
}

/// Asks for each page and hands it to be sanitized, until the server has no more (or the
/// writer stopped: its error is the one to tell).
async fn fetch_pages<B: Backend>(
    account: &StoredAccount,
    backend: &mut B,
    feeds: Feeds,
    queue: mpsc::Sender<Prepared>,
) -> Result<()> {
    let mut cursor = account.cursor.clone();
    for _ in 0..MAX_PAGES {
        let page = backend
            .new_items(cursor.as_deref())
            .await
            .map_err(|error| sync_error(account, error))?;
        // A server that hands back the same cursor would have us ask forever.
        let last = page.done || cursor.as_deref() == Some(page.cursor.as_str());
        cursor = Some(page.cursor.clone());
        let sanitizing = tokio::spawn(prepare_page(page, Arc::clone(&feeds)));
        if queue.send(sanitizing).await.is_err() || last {
            break;
        }
    }
    Ok(())
}

/// Sanitizes a page's articles, each half on a background thread.
async fn prepare_page(page: ItemPage, feeds: Feeds) -> Result<(Vec<SyncedArticle>, String)> {
    let mut items = page.items;
    let second_half = items.split_off(items.len() / 2);
    let prepare_all = |items: Vec<RemoteItem>| {
        let feeds = Arc::clone(&feeds);
        let deadline = super::background::PARSE_DEADLINE;
        super::background::run_within("Reading the server's articles", deadline, move || {
            items
                .into_iter()
                .filter_map(|item| prepare(item, &feeds.0, &feeds.1))
                .collect::<Vec<_>>()
        })
    };
    let (first, second) = futures::join!(prepare_all(items), prepare_all(second_half));
    let mut articles = first?;
    articles.extend(second?);
    Ok((articles, page.cursor))
}

/// A server's article, sanitized and ready to store; `None` for one whose feed the server did
/// not list (it is fetched with that feed at the next sync).
fn prepare(
    item: RemoteItem,
    feed_ids: &HashMap<String, FeedId>,
    feed_urls: &HashMap<String, String>,
) -> Option<SyncedArticle> {
    let Some(&feed_id) = feed_ids.get(&item.feed_id) else {
        tracing::debug!(
            item = item.id,
            feed = item.feed_id,
            "an article of an unlisted feed"
        );
        return None;
    };
    let base = item
        .url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .or_else(|| {
            feed_urls
                .get(&item.feed_id)
                .and_then(|u| Url::parse(u).ok())
        })
        .unwrap_or_else(|| Url::parse("https://invalid.invalid/").expect("a valid URL"));
    let (read, starred) = (item.read, item.starred);
    Some(SyncedArticle {
        feed_id,
        article: super::ingest::prepare_remote_article(item, base),
        read,
        starred,
    })
}
