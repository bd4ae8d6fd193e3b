//! `tidings-bench`: measurements that run here, side by side with other readers.
//!
//! - `tidings-bench [--articles 1000000 --feeds 2000]` (or `tidings-bench scale …`): a big
//!   database and the queries a person runs all day against it (see [`scale`]).
//! - `tidings-bench refresh`: refreshing loopback feeds, Tidings vs newsboat (see [`refresh`]).
//! - `tidings-bench explain`: SQLite's plan for each of the app's queries (see [`explain`]).
//! - `tidings-bench sync`: syncing with a real FreshRSS beside a bare client (see [`sync`]).
//! - `tidings-bench reader`: reader mode on 990 real pages labelled by people (see [`reader`]).

mod explain;
mod reader;
mod refresh;
mod scale;
mod sync;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "tidings-bench",
    about = "Tidings' benchmarks",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    scale: scale::ScaleArgs,
}

#[derive(Subcommand)]
enum Command {
    /// A big database and the everyday queries against it (the default)
    Scale(scale::ScaleArgs),
    /// SQLite's plan for each statement of a file (docs/performance/queries.sql)
    Explain {
        /// A Tidings database
        #[arg(long)]
        db: PathBuf,
        queries: PathBuf,
    },
    /// Refresh N loopback feeds, fresh and all-304, Tidings vs newsboat
    Refresh {
        #[arg(long, default_value_t = 1000)]
        feeds: usize,
        #[arg(long, default_value_t = 50)]
        items: usize,
        /// Skip newsboat (e.g. where it is not installed)
        #[arg(long)]
        no_newsboat: bool,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
        /// feedfarm.py (default: shared/tools/feedfarm.py beside the checkout)
        #[arg(long)]
        feedfarm: Option<PathBuf>,
    },
    /// Sync a real FreshRSS of N feeds over the Google Reader API, beside a bare client
    Sync {
        #[arg(long, default_value_t = 100)]
        feeds: usize,
        #[arg(long, default_value_t = 100)]
        items: usize,
        /// Interleaved runs
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// Reader mode on trafilatura's 990 labelled pages: precision, recall, F1, speed
    Reader {
        /// List the N pages of the tuning part that lose the most snippets
        #[arg(long, default_value_t = 0)]
        show_misses: usize,
        /// Also score the held-back fifth (and all pages): for a result, never while tuning
        #[arg(long)]
        held_back: bool,
        /// Print every part's scores as one JSON object (the held-back fifth's included)
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => scale::run(cli.scale),
        Some(Command::Scale(args)) => scale::run(args),
        Some(Command::Explain { db, queries }) => explain::explain(&db, &queries),
        Some(Command::Refresh {
            feeds,
            items,
            no_newsboat,
            json,
            feedfarm,
        }) => refresh::refresh(feeds, items, !no_newsboat, json, feedfarm),
        Some(Command::Sync { feeds, items, runs }) => sync::sync(feeds, items, runs),
        Some(Command::Reader {
            show_misses,
            held_back,
            json,
        }) => reader::reader(show_misses, held_back, json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tidings-bench: {message}");
            ExitCode::FAILURE
        }
    }
}
