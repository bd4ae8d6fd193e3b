//! Core's integration tests: one binary, so core links once for all of them. Each module tests
//! one capability through core's public API, with real SQLite files and real servers on
//! 127.0.0.1 (`tidings_testkit`); run one with `cargo test -p tidings-core --test integration
//! search::`.
//!
//! Where a new test goes: a rule of one module (a parser, the sanitizer, a query) is a unit test
//! beside that module (see docs/ARCHITECTURE.md, *Where tests go*); what a person does across
//! modules — refresh, read, bookmark, search, export, offline — goes in the module here of that
//! capability, or a new file declared below.

mod accounts;
mod checkpoint;
mod content_reach;
mod export;
mod feed_corpus;
mod feed_settings;
mod health;
mod highlights;
mod hostile_crowd;
mod icons;
mod library;
mod no_network;
mod offline;
mod outbox;
mod partial_pages;
mod pending_work;
mod reading_in_full;
mod refresh_engine;
mod reports;
mod rules;
mod saved_searches;
mod search;
mod stories;
mod subscriptions;
mod support;
// The real sync servers run from Debian packages and shell scripts: Linux only.
#[cfg(target_os = "linux")]
mod sync_engine;
#[cfg(target_os = "linux")]
mod sync_fever;
#[cfg(target_os = "linux")]
mod sync_greader;
#[cfg(target_os = "linux")]
mod sync_ttrss;
mod tags;
mod trackers;
mod unread_counts;
mod views;

#[test]
fn every_test_file_is_a_module() {
    tidings_testkit::assert_every_test_file_is_a_module(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        include_str!("tests.rs"),
    );
}
