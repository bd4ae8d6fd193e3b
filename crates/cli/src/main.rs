//! `tidings-cli`: Tidings without a window, over the same database file as the app.

use std::path::PathBuf;
use std::process::ExitCode;

mod feeds;
mod local;
mod search;
mod work;

// Refreshing allocates from many threads at once; see the workspace Cargo.toml.
#[cfg(not(windows))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use clap::{Parser, Subcommand};
use tidings_core::api::{ArticleCursor, ArticleView};
use tidings_core::api::{SearchQuery, SearchScope, WorkReport};
use tidings_core::export::{ExportFormat, ExportSelection};
use tidings_core::store::default_db_path;
use tidings_core::{Library, RefreshLimits};
use work::{do_asked_work, work_done_text};

#[derive(Parser)]
#[command(
    name = "tidings-cli",
    version,
    about = "Tidings from the command line: the app's library, headless"
)]
struct Cli {
    /// Database file (default: the app's, e.g. ~/.local/share/org.tidings.reader/tidings.db)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Subscribe to the feed at URL (or the feed a site at URL advertises)
    Add { url: String },
    /// Fetch every feed and store what is new
    Refresh {
        /// Feeds fetched at once
        #[arg(long, value_name = "N")]
        concurrency: Option<usize>,
        /// Feeds fetched at once from one host
        #[arg(long, value_name = "N")]
        per_host: Option<usize>,
    },
    /// Subscribe to every feed in an OPML file (without fetching them yet)
    ImportOpml { file: PathBuf },
    /// Write every subscription as OPML to FILE, or to stdout
    ExportOpml { file: Option<PathBuf> },
    /// List subscriptions with unread counts
    Feeds,
    /// List articles, newest first
    List {
        /// Only unread articles
        #[arg(long, conflicts_with = "bookmarks")]
        unread: bool,
        /// Only bookmarked articles
        #[arg(long)]
        bookmarks: bool,
        /// Only this feed's articles (its id from `feeds`)
        #[arg(long, value_name = "ID", conflicts_with_all = ["unread", "bookmarks"])]
        feed: Option<i64>,
        /// At most this many
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Write bookmarked and/or saved articles (or one article) to DIR as Markdown or HTML
    Export {
        /// Bookmarked articles
        #[arg(long)]
        bookmarks: bool,
        /// Saved articles
        #[arg(long)]
        saved: bool,
        /// Only this article (its id from `list`)
        #[arg(long, value_name = "ID", conflicts_with_all = ["bookmarks", "saved"])]
        id: Option<i64>,
        /// md (Markdown with front matter) or html (one self-contained file each, images inlined)
        #[arg(long, default_value = "md")]
        format: String,
        dir: PathBuf,
    },
    /// Search titles, authors and text; best matches first
    Search {
        /// Words, "a phrase", or the start of a word
        query: String,
        /// Only bookmarked articles
        #[arg(long, conflicts_with_all = ["saved", "feed"])]
        bookmarks: bool,
        /// Only saved articles
        #[arg(long, conflicts_with = "feed")]
        saved: bool,
        /// Only this feed's articles
        #[arg(long, value_name = "ID")]
        feed: Option<i64>,
        /// Only unread articles
        #[arg(long)]
        unread: bool,
        /// At most this many
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Save a page to read later (in reader mode, with its images kept offline)
    Save { url: String },
    /// Print the article in a local HTML file as JSON, as reader mode reads it (stdin without FILE)
    Extract {
        /// The page's address, for resolving its links (nothing is fetched)
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        file: Option<PathBuf>,
    },
    /// Bookmark articles (ids from `list`); prints each id once its bookmark is stored
    Bookmark {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Write a consistent copy of the database to FILE while it stays in use (never overwrites)
    Backup { file: PathBuf },
    /// Check the database file for damage (SQLite's integrity check); prints "ok" if it is sound
    Check,
    /// Print HTML as Tidings stores it after sanitizing (reads stdin without FILE)
    Sanitize {
        /// Address relative URLs are resolved against
        #[arg(long, value_name = "URL")]
        base: String,
        file: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => return fail(&format!("could not start: {e}")),
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("tidings-cli: {message}");
    ExitCode::FAILURE
}

async fn run(cli: Cli) -> Result<(), String> {
    let db = cli.db;
    let open = || -> Result<Library, String> {
        let path = db
            .clone()
            .or_else(default_db_path)
            .ok_or("no data folder on this system; pass --db PATH")?;
        Library::open(&path).map_err(|e| e.to_string())
    };
    match cli.command {
        Command::Bookmark { ids } => {
            let library = open()?;
            for &id in &ids {
                library
                    .set_bookmarked(id, true)
                    .await
                    .map_err(|e| e.to_string())?;
                // Printed only once stored: a crash test counts these as acknowledged.
                println!("bookmarked {id}");
            }
            // As in the app, a bookmarked article's pictures are kept for reading offline.
            for report in do_asked_work(&library, &ids).await? {
                eprintln!("{}", work_done_text(&report));
            }
        }
        Command::Backup { file } => {
            open()?.backup(&file).await.map_err(|e| e.to_string())?;
            println!("{}", file.display());
        }
        Command::Check => {
            let path = db
                .clone()
                .or_else(default_db_path)
                .ok_or("no data folder on this system; pass --db PATH")?;
            let verdict = tidings_core::store::integrity_check(&path).map_err(|e| e.to_string())?;
            println!("{verdict}");
            if verdict != "ok" {
                return Err(format!("{} is damaged", path.display()));
            }
        }
        Command::Sanitize { base, file } => local::sanitize(&base, file.as_ref())?,
        Command::Extract { url, file } => local::extract(url.as_deref(), file.as_ref())?,
        Command::Export {
            bookmarks,
            saved,
            id,
            format,
            dir,
        } => {
            let selection = match (id, bookmarks, saved) {
                (Some(id), _, _) => ExportSelection::One(id),
                (None, true, true) => ExportSelection::BookmarksAndSaved,
                (None, false, true) => ExportSelection::Saved,
                (None, true, false) => ExportSelection::Bookmarks,
                (None, false, false) => {
                    return Err("say what to export: --bookmarks, --saved or --id ID".to_string());
                }
            };
            let format: ExportFormat = format
                .parse()
                .map_err(|e: tidings_core::Error| e.to_string())?;
            let report = open()?
                .export(selection, format, &dir)
                .await
                .map_err(|e| e.to_string())?;
            for path in &report.written {
                println!("{}", path.display());
            }
            if report.missing_images > 0 {
                eprintln!(
                    "{} images were not kept offline; they link to the original instead",
                    report.missing_images
                );
            }
        }
        Command::Search {
            query,
            bookmarks,
            saved,
            feed,
            unread,
            limit,
        } => {
            let scope = match (feed, bookmarks, saved) {
                (Some(feed_id), _, _) => SearchScope::Feed { feed_id },
                (None, true, _) => SearchScope::Bookmarks,
                (None, _, true) => SearchScope::Saved,
                _ => SearchScope::All,
            };
            let query = SearchQuery {
                text: query,
                scope,
                unread_only: unread,
                since: None,
                until: None,
            };
            search::search(&open()?, query, limit).await?;
        }
        Command::Save { url } => {
            let library = open()?;
            let outcome = library.save_url(&url).await.map_err(|e| e.to_string())?;
            let id = outcome.article.id;
            if let Some(note) = outcome.note {
                eprintln!("{note}");
            }
            let mut kept = 0;
            for report in do_asked_work(&library, &[id]).await? {
                match report {
                    WorkReport::ImagesKept { kept: images, .. } => kept = images.stored,
                    other => eprintln!("{}", work_done_text(&other)),
                }
            }
            println!(
                "{id}\t{}\t{kept} images kept offline",
                outcome.article.title
            );
        }
        Command::Add { url } => feeds::add(&open()?, &url).await?,
        Command::Refresh {
            concurrency,
            per_host,
        } => {
            let defaults = RefreshLimits::default();
            let limits = RefreshLimits {
                concurrent_feeds: concurrency.unwrap_or(defaults.concurrent_feeds),
                per_host: per_host.unwrap_or(defaults.per_host),
            };
            feeds::refresh(&open()?.with_refresh_limits(limits)).await?;
        }
        Command::ImportOpml { file } => {
            let report = open()?
                .import_opml_file(&file)
                .await
                .map_err(|e| e.to_string())?;
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
        }
        Command::ExportOpml { file } => {
            let opml = open()?.export_opml().await.map_err(|e| e.to_string())?;
            match file {
                Some(path) => {
                    std::fs::write(&path, opml).map_err(|e| format!("{}: {e}", path.display()))?
                }
                None => print!("{opml}"),
            }
        }
        Command::Feeds => {
            for feed in open()?.list_feeds().await.map_err(|e| e.to_string())? {
                let error = feed
                    .last_error
                    .map(|e| format!("\tlast error: {e}"))
                    .unwrap_or_default();
                println!(
                    "{}\t{}\t{} unread\t{}{error}",
                    feed.id, feed.title, feed.unread_count, feed.url
                );
            }
        }
        Command::List {
            unread,
            bookmarks,
            feed,
            limit,
        } => {
            let view = match (unread, bookmarks, feed) {
                (_, _, Some(feed_id)) => ArticleView::Feed { feed_id },
                (true, _, _) => ArticleView::Unread,
                (_, true, _) => ArticleView::Bookmarks,
                _ => ArticleView::All,
            };
            list(&open()?, view, limit).await?;
        }
    }
    Ok(())
}

async fn list(library: &Library, view: ArticleView, limit: usize) -> Result<(), String> {
    let mut after: Option<ArticleCursor> = None;
    let mut printed = 0;
    while printed < limit {
        let page = library
            .list_articles(view, after)
            .await
            .map_err(|e| e.to_string())?;
        for article in page.articles.iter().take(limit - printed) {
            let flags = format!(
                "{}{}",
                if article.is_read { ' ' } else { '*' },
                if article.is_bookmarked { 'B' } else { ' ' }
            );
            println!(
                "{}\t{flags}\t{}\t{}",
                article.id, article.source_title, article.title
            );
            printed += 1;
        }
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    Ok(())
}
