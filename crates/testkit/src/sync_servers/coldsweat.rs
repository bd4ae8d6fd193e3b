//! Coldsweat 0.10.2: a Fever server that cannot subscribe (its feeds come from an OPML import).
//! It runs from a venv `.ci/setup` made (`TIDINGS_COLDSWEAT_VENV`, else
//! `~/.cache/tidings/coldsweat-venv`), so that tests install nothing.

use std::path::{Path, PathBuf};

use super::{free_port, run, run_script, work_dir};

pub struct Coldsweat {
    dir: PathBuf,
    port: u16,
}

impl Coldsweat {
    pub const EMAIL: &str = "tidings@example.com";
    pub const PASSWORD: &str = "tidings-password";

    /// A fresh Coldsweat whose user is subscribed to the feeds of `opml` (a file or an address),
    /// fetched once.
    pub fn start(opml: &str) -> Result<Coldsweat, String> {
        let venv = venv()?;
        let dir = work_dir("coldsweat")?;
        std::os::unix::fs::symlink(&venv, dir.join("venv")).map_err(|e| e.to_string())?;
        let port = free_port()?;
        let server = Coldsweat { dir, port };
        run_script(
            "coldsweat-up.sh",
            &[&server.dir, Path::new(opml)],
            &[("COLDSWEAT_PORT", port.to_string())],
        )?;
        Ok(server)
    }

    /// `http://127.0.0.1:PORT/fever/`: the Fever API's address.
    pub fn fever_url(&self) -> String {
        format!("http://127.0.0.1:{}/fever/", self.port)
    }

    /// Makes the server fetch every feed now.
    pub fn fetch(&self) -> Result<(), String> {
        run_script("coldsweat-fetch.sh", &[&self.dir], &[]).map(|_| ())
    }

    /// Deletes these articles (Fever ids), with their read and saved marks.
    pub fn remove_articles(&self, ids: &[String]) -> Result<(), String> {
        let script = format!(
            "import sqlite3, sys\n\
             db = sqlite3.connect(sys.argv[1])\n\
             db.execute('PRAGMA foreign_keys = ON')\n\
             db.execute('DELETE FROM entries WHERE id IN ({})')\n\
             db.commit()\n",
            super::id_list(ids)?
        );
        run(std::process::Command::new("python3")
            .args(["-c", &script])
            .arg(self.dir.join("coldsweat.db")))
        .map(|_| ())
    }

    pub fn stop(&self) -> Result<(), String> {
        run_script("coldsweat-down.sh", &[&self.dir], &[]).map(|_| ())
    }
}

impl Drop for Coldsweat {
    fn drop(&mut self) {
        let _ = self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn venv() -> Result<PathBuf, String> {
    let venv = match std::env::var_os("TIDINGS_COLDSWEAT_VENV") {
        Some(dir) => PathBuf::from(dir),
        None => std::env::var_os("HOME")
            .map(PathBuf::from)
            .ok_or("HOME is not set")?
            .join(".cache/tidings/coldsweat-venv"),
    };
    if !venv.join("bin/coldsweat").exists() {
        return Err(format!(
            "Coldsweat is not installed in {} — run .ci/setup",
            venv.display()
        ));
    }
    Ok(venv)
}
