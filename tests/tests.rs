//! The app's end-to-end tests: one binary, so the app's test code links once. Each module drives
//! the real Tidings binary in a real window (tauri-driver + WebKitWebDriver under Xvfb) through
//! `support`; run them with `xvfb-run -a cargo test --test app`, one area with a module filter
//! (`… --test app app_reading::`).
//!
//! Where a new test goes: in the module of its area (`app_<area>.rs`, e.g. `app_search` for
//! search, `app_offline` for reading without the network), or a new `app_<area>.rs` declared
//! below; helpers two areas use go in `support/`. A test that needs the only window on the
//! display (hover, tooltips, toasts held under the pointer) starts its driver with
//! `Driver::start_alone`. Benchmarks (`bench_*`) are ignored tests run by hand: see
//! docs/PERFORMANCE.md.

mod support;

mod app;
mod app_appearance;
mod app_article_menu;
mod app_audit;
mod app_commands;
mod app_controls;
mod app_counts;
mod app_directions;
mod app_errors;
mod app_feed_icons;
mod app_feed_settings;
mod app_full_text;
mod app_highlights;
mod app_kept_searches;
mod app_launch;
mod app_list;
mod app_narrow;
mod app_offline;
mod app_pending_work;
mod app_pictures;
mod app_place;
mod app_privacy;
mod app_reading;
mod app_recovery;
mod app_rules;
mod app_saved_pages;
mod app_search;
mod app_settings;
mod app_stories;
mod app_subscribe_once;
mod app_subscriptions;
mod app_sync;
mod app_tags;
mod app_undo;
mod app_xss;
mod bench_app;
mod bench_list;
mod lockdown;

#[test]
fn every_test_file_is_a_module() {
    tidings_testkit::assert_every_test_file_is_a_module(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        include_str!("tests.rs"),
    );
}
