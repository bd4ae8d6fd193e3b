//! Test support for Tidings: a real HTTP server on 127.0.0.1, the shared fixtures beside the
//! checkout (`../shared`) and feedparser's answer key for core's parser ([`answer_key`]). Used by the tests of every crate; never by the product.

pub mod answer_key;
mod farm;
#[cfg(unix)]
pub mod keychain;
#[cfg(unix)]
pub mod measure;
mod png;
pub mod seed;
mod server;
#[cfg(unix)]
pub mod sync_servers;

use std::path::PathBuf;

pub use axum;
pub use farm::Farm;
pub use png::{Pixels, decode_png, png};
pub use server::{SeenRequest, TestServer, gzip};

/// The read-only `shared/` folder beside the checkout (override with `TIDINGS_SHARED_DIR`).
pub fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("TIDINGS_SHARED_DIR") {
        return PathBuf::from(dir);
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        dir.is_dir(),
        "the shared fixtures are missing: expected {} (or set TIDINGS_SHARED_DIR)",
        dir.display()
    );
    dir.canonicalize().expect("shared dir resolves")
}

/// A file or folder under `shared/corpora`.
pub fn corpus(relative: &str) -> PathBuf {
    shared_dir().join("corpora").join(relative)
}

/// Fails when a file in `tests_dir` is not a module of the crate's one test binary
/// (`tests/tests.rs`, whose source is `listing`): with `autotests = false` such a file would be
/// compiled by nobody and its tests never run.
pub fn assert_every_test_file_is_a_module(tests_dir: &std::path::Path, listing: &str) {
    let declared: Vec<&str> = listing
        .lines()
        .filter_map(|line| line.trim().strip_prefix("mod ")?.strip_suffix(';'))
        .collect();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(tests_dir).expect("the tests folder lists") {
        let path = entry.expect("a tests folder entry").path();
        let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) else {
            continue;
        };
        let is_module =
            path.extension().is_some_and(|ext| ext == "rs") || path.join("mod.rs").is_file();
        if is_module && stem != "tests" && !declared.contains(&stem) {
            missing.push(path.display().to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "not a module of tests/tests.rs, so never compiled nor run: {missing:?}"
    );
}
