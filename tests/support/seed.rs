//! Large libraries for the benchmarks, written through core's store as a refresh writes them.

use std::path::Path;

use tidings_core::api::RefreshScope;
use tidings_core::store::{FeedUpdate, NewArticle, PollRecord, PollWrite, Store};

/// Stores one feed called `title` holding `count` short articles, one a minute back from now,
/// all unread, in the database at `path`.
pub fn one_feed(path: &Path, title: &str, count: usize) {
    one_feed_saying(path, title, count, |i| {
        format!("Story {i} of the benchmark: councils, harbours, weather and trains.")
    });
}

/// [`one_feed`], with `text(i)` the text of the article at `i` (0 the newest).
pub fn one_feed_saying(path: &Path, title: &str, count: usize, text: impl Fn(usize) -> String) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let store = Store::open(path).unwrap();
    let now = tidings_core::now();
    let articles = (0..count)
        .map(|i| {
            let text = text(i);
            NewArticle {
                identity: format!("bench-{i}"),
                guid: Some(format!("bench-{i}")),
                url: Some(format!("https://bench.example/{i}.html")),
                title: format!("Benchmark story number {i} with a title long enough to wrap once"),
                author: None,
                content_html: format!("<p>{text}</p>"),
                content_text: text,
                content_hash: (i as u64).to_le_bytes().to_vec(),
                published_at: Some(now - 60 * i as i64),
                updated_at: None,
                enclosures_json: None,
                lead_image: None,
                word_count: Some(10),
                extract_error: None,
            }
        })
        .collect();
    let update = FeedUpdate {
        title: title.to_string(),
        articles,
        ..Default::default()
    };
    // Not due for a day: the app must not try to refresh it during the measurement.
    store
        .insert_feed("https://bench.example/feed.xml", &update, now + 86_400, now)
        .unwrap();
}

/// [`one_feed`], in a folder called `folder`.
pub async fn one_feed_in_folder(path: &Path, title: &str, count: usize, folder: &str) {
    one_feed(path, title, count);
    let library = tidings_core::Library::open(path).unwrap();
    let folder = library.create_folder(folder).await.unwrap();
    let feed = library.list_feeds().await.unwrap()[0].id;
    library.move_feed(feed, Some(folder)).await.unwrap();
}

/// Makes every feed of the database at `path` due in a day, as if all had just been refreshed.
pub fn not_due(path: &Path) {
    let store = Store::open(path).unwrap();
    let now = tidings_core::now();
    let poll = PollRecord {
        next_poll_at: now + 86_400,
        min_interval: None,
        moved_to: None,
    };
    let feeds = store.feeds_to_refresh(RefreshScope::All, now).unwrap();
    let writes: Vec<PollWrite> = feeds
        .iter()
        .map(|feed| PollWrite::NotModified {
            id: feed.id,
            poll: &poll,
        })
        .collect();
    for written in store.write_polls(&writes, now).unwrap() {
        written.unwrap();
    }
}
