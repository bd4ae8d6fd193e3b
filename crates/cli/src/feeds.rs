//! Subscribing and refreshing, and what the person is told about each.

use std::sync::Mutex;

use tidings_core::api::{AddFeedOutcome, FeedOutcome, RefreshProgress, RefreshScope};
use tidings_core::{CancelToken, Library};

/// Subscribes to the feed at `url` (or the one the site there offers). A feed subscribed to
/// already is said so on stderr, and printed as a new one would be.
pub async fn add(library: &Library, url: &str) -> Result<(), String> {
    let feed = match library.add_feed(url).await.map_err(|e| e.to_string())? {
        AddFeedOutcome::Subscribed { feed } => feed,
        AddFeedOutcome::AlreadySubscribed { feed } => {
            eprintln!("Already subscribed to {} ({})", feed.title, feed.url);
            feed
        }
        AddFeedOutcome::Choose { candidates } => {
            let list: Vec<String> = candidates.into_iter().map(|c| c.url).collect();
            return Err(format!(
                "{url} offers several feeds; add one of: {}",
                list.join(" ")
            ));
        }
    };
    println!("{}\t{}\t{} unread", feed.id, feed.title, feed.unread_count);
    Ok(())
}

/// Refreshes every feed; each failure goes to stderr, or, when no server could be reached at
/// all, one line saying so.
pub async fn refresh(library: &Library) -> Result<(), String> {
    let failures = Mutex::new(Vec::new());
    let note_failure = |p: RefreshProgress| {
        if let FeedOutcome::Failed { reason } = p.outcome {
            let mut failures = failures.lock().unwrap_or_else(|e| e.into_inner());
            failures.push(format!("{}: {reason}", p.feed_title));
        }
    };
    let summary = library
        .refresh(RefreshScope::All, note_failure, &CancelToken::new())
        .await
        .map_err(|e| e.to_string())?;
    if summary.offline {
        eprintln!(
            "You seem to be offline: no feed's server could be reached. Check this computer's connection, then refresh again."
        );
    } else {
        for failure in failures.into_inner().unwrap_or_else(|e| e.into_inner()) {
            eprintln!("{failure}");
        }
    }
    println!(
        "{} updated, {} not modified, {} failed; {} new articles in {:.2} s",
        summary.updated,
        summary.not_modified,
        summary.failed,
        summary.new_articles,
        summary.seconds
    );
    Ok(())
}
