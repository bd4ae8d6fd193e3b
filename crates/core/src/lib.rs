//! Tidings' product logic, with no knowledge of any window or UI toolkit.
//!
//! - [`feeds`]: RSS, Atom and JSON Feed documents parsed into one model.
//! - [`opml`]: subscription lists (OPML files) read, however hostile, and written.
//! - [`discover`]: the feeds a web site offers, and whether one is already subscribed to.
//! - [`fetch`]: the one HTTP client, with conditional GET, timeouts and size caps.
//! - [`extract`]: reader mode: the article in a web page, its metadata and its sanitized body.
//! - [`sanitize`]: the reader policy every piece of HTML passes through before it is stored.
//! - [`store`]: the SQLite file: schema, migrations and queries.
//! - [`media`]: images kept for offline reading and served without the webview's network.
//! - [`icons`]: each feed's icon, found by the backend (the feed's own, its site's, /favicon.ico).
//! - [`search`]: full-text search: safe queries, ranking, highlighted snippets.
//! - [`library`]: the user's subscriptions and articles, tying the above together.
//! - [`export`]: articles as Markdown or as self-contained HTML files, to keep anywhere.
//! - [`api`]: the plain data types the app and the CLI exchange with the UI; every type exported
//!   to TypeScript is declared there.

pub mod api;
pub mod discover;
pub mod error;
pub mod export;
pub mod extract;
pub mod feeds;
pub mod fetch;
pub mod highlights;
pub mod icons;
pub mod library;
pub mod media;
pub mod opml;
pub mod rules;
pub mod sanitize;
mod scan;
pub mod search;
pub mod store;
pub mod stories;
pub mod sync;

pub use error::{Error, Result};
pub use library::{CancelToken, Library, RefreshLimits, Refresher};

/// The app's identifier; also names its data folder on every platform.
pub const APP_IDENTIFIER: &str = "org.tidings.reader";

/// Seconds since the Unix epoch, the unit of every timestamp Tidings stores.
pub type Timestamp = i64;

pub fn now() -> Timestamp {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as Timestamp)
        .unwrap_or_default()
}
