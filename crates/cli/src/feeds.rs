//! Subscriptions: adding, refreshing, listing, and OPML in and out; what the person is told about
//! each.

use std::path::Path;
use std::sync::Mutex;

use tidings_core::api::{
    AddFeedOutcome, AppEvent, FeedOutcome, RefreshProgress, RefreshScope, Reporter,
};
use tidings_core::{CancelToken, Library, RefreshLimits};

use crate::error::{Failure, file_error};
use crate::terminal::Terminal;

/// Subscribes to the feed at `url` (or the one the site there offers). A feed subscribed to
/// already is said so on stderr, and printed as a new one would be.
pub async fn add(library: &Library, url: &str) -> Result<(), Failure> {
    let feed = match library.add_feed(url).await? {
        AddFeedOutcome::Subscribed { feed } => feed,
        AddFeedOutcome::AlreadySubscribed { feed } => {
            eprintln!("Already subscribed to {} ({})", feed.title, feed.url);
            feed
        }
        AddFeedOutcome::Choose { candidates } => {
            let list: Vec<String> = candidates.into_iter().map(|c| c.url).collect();
            return Err(Failure::Usage(format!(
                "{url} offers several feeds; add one of: {}",
                list.join(" ")
            )));
        }
    };
    println!("{}\t{}\t{} unread", feed.id, feed.title, feed.unread_count);
    Ok(())
}

/// Refreshes every feed, `concurrency` at once and `per_host` from one host (or as many as the
/// app); each failure goes to stderr, or, when no server could be reached at all, one line
/// saying so.
pub async fn refresh(
    library: Library,
    concurrency: Option<usize>,
    per_host: Option<usize>,
) -> Result<(), Failure> {
    let defaults = RefreshLimits::default();
    let library = library.with_refresh_limits(RefreshLimits {
        concurrent_feeds: concurrency.unwrap_or(defaults.concurrent_feeds),
        per_host: per_host.unwrap_or(defaults.per_host),
    });
    let failures = Mutex::new(Vec::new());
    let terminal = Terminal::if_attached();
    let note_failure = |p: RefreshProgress| {
        if let Some(terminal) = &terminal {
            terminal.report(AppEvent::RefreshProgress(p.clone()));
        }
        if let FeedOutcome::Failed { reason } = p.outcome {
            let mut failures = failures.lock().unwrap_or_else(|e| e.into_inner());
            failures.push(format!("{}: {reason}", p.feed_title));
        }
    };
    let summary = library
        .refresh(RefreshScope::All, note_failure, &CancelToken::new())
        .await?;
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

/// Subscribes to every feed in an OPML file, without fetching them yet.
pub async fn import_opml(library: &Library, file: &Path) -> Result<(), Failure> {
    let report = library.import_opml_file(file).await?;
    for rejected in &report.rejected {
        eprintln!(
            "skipped {} <{}>: {}",
            rejected.title, rejected.url, rejected.reason
        );
    }
    println!(
        "{} added, {} already subscribed, {} skipped",
        report.added,
        report.already_subscribed,
        report.rejected.len()
    );
    Ok(())
}

/// Every subscription as OPML, to `file` or stdout.
pub async fn export_opml(library: &Library, file: Option<&Path>) -> Result<(), Failure> {
    let opml = library.export_opml().await?;
    match file {
        Some(path) => std::fs::write(path, opml).map_err(|e| file_error(path, &e))?,
        None => print!("{opml}"),
    }
    Ok(())
}

/// One line per subscription: id, title, unread count, address and its last error.
pub async fn list(library: &Library) -> Result<(), Failure> {
    for feed in library.list_feeds().await? {
        let error = feed
            .last_error
            .map(|e| format!("\tlast error: {e}"))
            .unwrap_or_default();
        println!(
            "{}\t{}\t{} unread\t{}{error}",
            feed.id, feed.title, feed.unread_count, feed.url
        );
    }
    Ok(())
}
