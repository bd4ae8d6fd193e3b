//! Test support for Tidings: a real HTTP server on 127.0.0.1, the shared fixtures beside the
//! checkout (`../shared`) and feedparser's answer key for core's parser ([`answer_key`]). Used by the tests of every crate; never by the product.

pub mod answer_key;
mod farm;
#[cfg(unix)]
pub mod measure;
mod png;
pub mod seed;
mod server;

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
