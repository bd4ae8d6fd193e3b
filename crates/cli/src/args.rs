//! The command line as clap reads it: every command, its arguments and their help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::EXIT_CODES;
use crate::rules;

#[derive(Parser)]
#[command(
    name = "tidings-cli",
    version,
    about = "Tidings from the command line: the app's library, headless",
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// Database file (default: the app's, e.g. ~/.local/share/org.tidings.reader/tidings.db)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Subscribe to the feed at URL (or the feed a site at URL advertises)
    Add {
        url: String,
        /// Subscribe this account on a feed service instead, on its server (its id from
        /// `account list`)
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
    },
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
        /// Only articles with this tag
        #[arg(long, value_name = "TAG", conflicts_with_all = ["unread", "bookmarks", "feed"])]
        tag: Option<String>,
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
        #[arg(long, value_name = "ID", conflicts_with = "tag")]
        feed: Option<i64>,
        /// Only articles with this tag
        #[arg(long, value_name = "TAG", conflicts_with_all = ["bookmarks", "saved"])]
        tag: Option<String>,
        /// Only unread articles
        #[arg(long)]
        unread: bool,
        /// At most this many
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Keep this search under NAME, to list with its unread count (`searches`)
        #[arg(long, value_name = "NAME")]
        keep: Option<String>,
    },
    /// Kept searches: each with the unread articles it finds (`search … --keep NAME` keeps one)
    Searches {
        #[command(subcommand)]
        command: Option<SearchesCommand>,
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
    /// Remove the bookmark of articles
    Unbookmark {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Put tags on an article (its id from `list`); prints the article's tags
    Tag {
        id: i64,
        #[arg(required = true, value_name = "TAG")]
        tags: Vec<String>,
    },
    /// Take tags off an article; prints the article's tags
    Untag {
        id: i64,
        #[arg(required = true, value_name = "TAG")]
        tags: Vec<String>,
    },
    /// List the tags in use, with their articles and unread counts
    Tags,
    /// Highlight words of an article (the first place they stand in its text); prints the
    /// highlight's id
    Highlight {
        id: i64,
        words: String,
        /// yellow, green, blue or pink
        #[arg(long, default_value = "yellow")]
        color: String,
        /// A note beneath it
        #[arg(long)]
        note: Option<String>,
    },
    /// List every highlight, newest first; with DIR, write one Markdown file per highlighted
    /// article there (its highlights as quotes, each note beneath)
    Highlights {
        /// Only highlights made (and article notes written) since this day, e.g. 2026-12-01
        #[arg(long, value_name = "DATE", requires = "dir")]
        since: Option<String>,
        /// md: Markdown with front matter, as Obsidian and Logseq keep notes
        #[arg(long, default_value = "md", requires = "dir")]
        format: String,
        dir: Option<PathBuf>,
    },
    /// Rules: "when an article … then …" (see `rules add --help`)
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Mark articles read (on a synced account, sent to its server at the next sync)
    Read {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Mark articles unread
    Unread {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Accounts on feed services (FreshRSS, Miniflux, Tiny Tiny RSS…)
    Account {
        #[command(subcommand)]
        command: AccountCommand,
    },
    /// Sync accounts with their servers: send changes made here, fetch what is new
    Sync {
        /// Only this account (its id from `account list`)
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
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

#[derive(Subcommand)]
pub enum RulesCommand {
    /// Each rule: its id and what it says, in the order they act
    List,
    /// How many articles a rule would act on, and the newest of them
    Preview {
        #[command(flatten)]
        when: rules::When,
    },
    /// Keep a rule and let it act now on the articles it matches, and on every one that arrives
    Add {
        #[command(flatten)]
        when: rules::When,
        /// What it does
        #[arg(long, value_enum)]
        then: rules::Then,
        /// The tag, for --then tag
        #[arg(long, value_name = "NAME")]
        tag: Option<String>,
    },
    /// Remove a rule (what it did stays done)
    Remove { id: i64 },
    /// Write every rule as JSON to FILE, or to stdout
    Export { file: Option<PathBuf> },
    /// Add the rules of a JSON file written by `rules export`
    Import { file: PathBuf },
}

#[derive(Subcommand)]
pub enum SearchesCommand {
    /// Each kept search: its id, its name, its unread articles and what it looks for (the default)
    List,
    /// Stop keeping a search
    Remove { id: i64 },
}

#[derive(Subcommand)]
pub enum AccountCommand {
    /// Add an account after checking its login; the password is read from stdin and kept in
    /// the system's keychain
    Add {
        /// greader (FreshRSS, Miniflux, Inoreader-compatible…), fever or ttrss
        kind: String,
        /// The server's address
        url: String,
        #[arg(long, value_name = "USER")]
        user: String,
    },
    /// Give an account's password again (changed on the server, or not kept past the last
    /// run): read from stdin, checked with the server, then kept in the system's keychain
    Password {
        /// The account's id, from `account list`
        id: i64,
    },
    /// List accounts: id, kind, name, last sync, changes waiting, last error
    List,
    /// Remove an account and its feeds (bookmarked articles stay)
    Remove { id: i64 },
}
