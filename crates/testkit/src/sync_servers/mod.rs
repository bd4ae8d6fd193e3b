//! The real sync servers of `shared/tools/sync-servers/` on free loopback ports, each in its own
//! folder, stopped (and its folder removed) when dropped: FreshRSS (Google Reader API and Fever),
//! Coldsweat (Fever) and Tiny Tiny RSS. Their packages come from `.ci/setup`
//! (`install-deps.sh`); Coldsweat's venv too, so that no test reaches beyond 127.0.0.1.

mod coldsweat;
mod freshrss;
mod ttrss;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use coldsweat::Coldsweat;
pub use freshrss::FreshRss;
pub use ttrss::TtRss;

/// `shared/tools/sync-servers/`.
fn scripts() -> PathBuf {
    crate::shared_dir().join("tools/sync-servers")
}

pub(crate) fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// A folder of its own for one server, directly in the temporary directory: the servers run as
/// `www-data` or `postgres`, which cannot enter a private (0700) temporary folder.
fn work_dir(kind: &str) -> Result<PathBuf, String> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "tidings-{kind}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// Runs one of the servers' scripts; its output goes into the error when it fails.
fn run_script(script: &str, args: &[&Path], env: &[(&str, String)]) -> Result<String, String> {
    let mut command = Command::new("bash");
    command.arg(scripts().join(script)).args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    run(&mut command)
}

fn run(command: &mut Command) -> Result<String, String> {
    let output = command
        .output()
        .map_err(|e| format!("could not run {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed ({}): {}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// An HTTP call with curl (the servers' own set-up and what "another device" does, kept
/// independent of the client under test). Returns the body.
/// Server article ids as an SQL list, each checked to be a number.
fn id_list(ids: &[String]) -> Result<String, String> {
    match ids
        .iter()
        .find(|id| id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()))
    {
        Some(bad) => Err(format!("{bad:?} is not an article id")),
        None => Ok(ids.join(",")),
    }
}

pub fn curl(args: &[&str]) -> Result<String, String> {
    run(Command::new("curl")
        .args(["-sS", "--max-time", "60"])
        .args(args))
}
