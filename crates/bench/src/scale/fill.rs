//! Fills a fresh database through core's store, as a long life of refreshes would: feeds and
//! folders as an OPML import stores them, articles oldest first in the batched transactions the
//! refresh writer uses (64 feeds each, every feed bringing a few new items), the older 70% marked
//! read with "mark older than … read", and 2% bookmarked and 10% saved one click at a time.
//! Articles are generated on a second thread while the first writes.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;
use std::time::Instant;

use tidings_core::api::{ArticleView, FeedId, RefreshScope};
use tidings_core::store::{FeedUpdate, NewArticle, NewSubscription, PollRecord, PollWrite, Store};
use tidings_core::{Timestamp, now};

use super::corpus::{self, Rng, Words};

/// How far back the articles go.
pub const SPAN_DAYS: i64 = 730;
/// Share of articles read: the oldest ones, as a person reads (or skips) from the top.
const READ_SHARE: f64 = 0.70;
/// New items per feed per refresh round.
const ITEMS_PER_ROUND: usize = 5;
/// Feeds per transaction, as the refresh writer batches them.
const FEEDS_PER_WRITE: usize = 64;
/// The folder holding a third of the feeds, so that it holds ~100k unread articles at 1M.
pub const BIG_FOLDER: &str = "News";

pub struct FillReport {
    pub seconds: f64,
    pub articles: usize,
}

/// One transaction's worth: (feed, its new articles).
type Batch = Vec<(FeedId, Vec<NewArticle>)>;

pub fn fill(path: &Path, articles: usize, feeds: usize, seed: u64) -> Result<FillReport, String> {
    let started = Instant::now();
    let store = Store::open(path).map_err(|e| e.to_string())?;
    let fill_time = now();
    let first_date = fill_time - SPAN_DAYS * 86_400;
    let subscriptions: Vec<NewSubscription> = (0..feeds).map(|i| subscription(i, feeds)).collect();
    store
        .insert_subscriptions(&subscriptions, fill_time, &|_, _| {})
        .map_err(|e| e.to_string())?;
    let subscribed = store
        .feeds_to_refresh(RefreshScope::All, fill_time)
        .map_err(|e| e.to_string())?;
    let titles: HashMap<FeedId, String> =
        subscribed.iter().map(|f| (f.id, f.title.clone())).collect();
    let feed_ids: Vec<FeedId> = subscribed.iter().map(|f| f.id).collect();

    let (batches, received) = mpsc::sync_channel::<(Batch, Timestamp)>(8);
    let generator = std::thread::spawn(move || {
        generate(&feed_ids, articles, first_date, fill_time, seed, &batches)
    });
    let read_before = first_date + (SPAN_DAYS as f64 * 86_400.0 * READ_SHARE) as i64;
    let poll = PollRecord {
        next_poll_at: fill_time + 3_600,
        min_interval: None,
        moved_to: None,
    };
    let mut stored = 0;
    let mut picker = Rng::new(seed ^ 0x5EED);
    for (batch, newest) in received {
        let updates: Vec<(FeedId, FeedUpdate)> = batch
            .into_iter()
            .map(|(id, articles)| (id, feed_update(&titles[&id], articles)))
            .collect();
        let writes: Vec<PollWrite> = updates
            .iter()
            .map(|(id, update)| PollWrite::Updated {
                id: *id,
                update,
                poll: &poll,
            })
            .collect();
        let results = store
            .write_polls(&writes, fill_time)
            .map_err(|e| e.to_string())?;
        let mut inserted = 0;
        for result in results {
            inserted += result.map_err(|e| e.to_string())?.inserted as usize;
        }
        // A fresh database numbers rows 1, 2, 3… in insertion order.
        for id in stored + 1..=stored + inserted {
            let id = id as i64;
            let roll = picker.below(100);
            if roll < 2 {
                store
                    .set_bookmarked(id, true, fill_time, None)
                    .map_err(|e| e.to_string())?;
            }
            if picker.below(100) < 10 {
                store
                    .set_saved(id, true, fill_time, None)
                    .map_err(|e| e.to_string())?;
            }
        }
        stored += inserted;
        store
            .mark_view_read(ArticleView::All, Some(newest.min(read_before)))
            .map_err(|e| e.to_string())?;
    }
    generator
        .join()
        .map_err(|_| "the article generator panicked".to_string())?;
    store.optimize().map_err(|e| e.to_string())?;
    Ok(FillReport {
        seconds: started.elapsed().as_secs_f64(),
        articles: stored,
    })
}

fn subscription(i: usize, feeds: usize) -> NewSubscription {
    let folder = if i < feeds / 3 {
        Some(BIG_FOLDER.to_string())
    } else if i.is_multiple_of(10) {
        None
    } else {
        Some(format!("Topic {:02}", i % 29))
    };
    NewSubscription {
        url: format!("https://feeds.example-news.com/{i}/feed.xml"),
        title: format!("{} {i}", corpus::word(i % 3_000 + 200)),
        site_url: Some(format!("https://feeds.example-news.com/{i}/")),
        folder,
    }
}

fn feed_update(title: &str, articles: Vec<NewArticle>) -> FeedUpdate {
    FeedUpdate {
        title: title.to_string(),
        articles,
        ..Default::default()
    }
}

/// Rounds of refreshes from `first_date` to `last_date`: in each, every feed brings
/// [`ITEMS_PER_ROUND`] items dated within the round; rounds are cut into transactions.
fn generate(
    feeds: &[FeedId],
    total: usize,
    first_date: Timestamp,
    last_date: Timestamp,
    seed: u64,
    out: &mpsc::SyncSender<(Batch, Timestamp)>,
) {
    let words = Words::new();
    let mut rng = Rng::new(seed);
    let per_round = (total / feeds.len().max(1)).clamp(1, ITEMS_PER_ROUND);
    let rounds = total.div_ceil(per_round * feeds.len());
    let slice = (last_date - first_date) / rounds.max(1) as i64;
    let mut made = 0;
    for round in 0..rounds {
        let round_start = first_date + round as i64 * slice;
        for group in feeds.chunks(FEEDS_PER_WRITE) {
            let mut batch = Batch::new();
            for &feed in group {
                let count = per_round.min(total - made);
                if count == 0 {
                    break;
                }
                let mut dates: Vec<Timestamp> = (0..count)
                    .map(|_| round_start + rng.below(slice.max(1) as usize) as i64)
                    .collect();
                dates.sort_unstable();
                let items = dates
                    .into_iter()
                    .enumerate()
                    .map(|(i, date)| new_article(feed, made + i, date, &words, &mut rng))
                    .collect();
                made += count;
                batch.push((feed, items));
            }
            if batch.is_empty() {
                return;
            }
            let newest = round_start + slice;
            if out.send((batch, newest)).is_err() {
                return;
            }
        }
    }
}

fn new_article(
    feed: FeedId,
    n: usize,
    date: Timestamp,
    words: &Words,
    rng: &mut Rng,
) -> NewArticle {
    let generated = corpus::article(words, rng);
    let hash: Vec<u8> = (0..4).flat_map(|_| rng.next().to_le_bytes()).collect();
    NewArticle {
        identity: format!("g:{feed}-{n}"),
        guid: Some(format!("{feed}-{n}")),
        url: Some(format!(
            "https://www.example-news.com/{feed}/{}-{n}",
            generated.slug
        )),
        word_count: Some(generated.text.split(' ').count() as i64),
        title: generated.title,
        author: Some(generated.author),
        content_html: generated.html,
        content_text: generated.text,
        content_hash: hash,
        published_at: Some(date),
        updated_at: None,
        enclosures_json: None,
        lead_image: None,
        extract_error: None,
    }
}
