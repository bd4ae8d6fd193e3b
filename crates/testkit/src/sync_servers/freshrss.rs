//! FreshRSS 1.24.3 from the tarball in `shared/tools/sync-servers/`: Google Reader API and Fever.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::{curl, free_port, run, run_script, work_dir};

pub struct FreshRss {
    dir: PathBuf,
    port: u16,
}

impl FreshRss {
    pub const USER: &str = "tidings";
    pub const PASSWORD: &str = "tidings-password";

    /// A fresh FreshRSS with one user and no feeds.
    pub fn start() -> Result<FreshRss, String> {
        let source = source()?;
        let dir = work_dir("freshrss")?.join("server");
        let port = free_port()?;
        let server = FreshRss { dir, port };
        run_script(
            "freshrss-up.sh",
            &[&source, &server.dir],
            &[("FRESHRSS_PORT", port.to_string())],
        )?;
        Ok(server)
    }

    /// `http://127.0.0.1:PORT/`: what a person types as the server's address.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// The Google Reader API's base (`…/api/greader.php`).
    pub fn greader_url(&self) -> String {
        format!("{}api/greader.php", self.url())
    }

    /// The Fever API's address (`…/api/fever.php`).
    pub fn fever_url(&self) -> String {
        format!("{}api/fever.php", self.url())
    }

    /// Subscribes the user to every feed of an OPML file, with its folders, as FreshRSS's own
    /// import does, then fetches them.
    pub fn import_opml(&self, opml: &Path) -> Result<(), String> {
        let copy = self.dir.join("import.opml");
        std::fs::copy(opml, &copy).map_err(|e| e.to_string())?;
        run(std::process::Command::new("setpriv")
            .args(["--reuid=www-data", "--regid=www-data", "--init-groups"])
            .args([
                "php",
                "cli/import-for-user.php",
                "--user",
                Self::USER,
                "--filename",
            ])
            .arg(&copy)
            .current_dir(&self.dir))?;
        self.actualize()
    }

    /// Makes the server fetch every feed now.
    pub fn actualize(&self) -> Result<(), String> {
        // FreshRSS skips a feed fetched in the current second (`time() <= lastUpdate + ttl`, with
        // the ttl of 0 the script sets), so a fetch soon after the import's fetched some feeds
        // and not others: date every last fetch a second earlier first.
        run(std::process::Command::new("setpriv")
            .args(["--reuid=www-data", "--regid=www-data", "--init-groups"])
            .args([
                "php",
                "-r",
                r#"(new PDO("sqlite:data/users/" . $argv[1] . "/db.sqlite"))->exec('UPDATE feed SET "lastUpdate" = "lastUpdate" - 1');"#,
                Self::USER,
            ])
            .current_dir(&self.dir))?;
        run_script("freshrss-actualize.sh", &[&self.dir], &[]).map(|_| ())
    }

    /// Changes the user's API password (what the Google Reader and Fever APIs take), as the
    /// person would on the server's profile page: a client's kept password no longer works.
    /// Returns once the server takes the new one: PHP's opcache may serve the user's settings
    /// as they were for up to `opcache.revalidate_freq` (2 s) after a request read them.
    pub fn set_api_password(&self, password: &str) -> Result<(), String> {
        run(std::process::Command::new("setpriv")
            .args(["--reuid=www-data", "--regid=www-data", "--init-groups"])
            .args(["php", "cli/update-user.php", "--user", Self::USER])
            .args(["--api-password", password])
            .current_dir(&self.dir))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let answer = curl(&[
                "-d",
                &format!("Email={}", Self::USER),
                "--data-urlencode",
                &format!("Passwd={password}"),
                &format!("{}/accounts/ClientLogin", self.greader_url()),
            ])?;
            if answer.lines().any(|line| line.starts_with("Auth=")) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("FreshRSS never took the new password: {answer}"));
            }
        }
    }

    /// Deletes these articles (ids as its APIs give them), as its own purge of old articles does.
    pub fn remove_articles(&self, ids: &[String]) -> Result<(), String> {
        run(std::process::Command::new("setpriv")
            .args(["--reuid=www-data", "--regid=www-data", "--init-groups"])
            .args([
                "php",
                "-r",
                r#"(new PDO("sqlite:data/users/" . $argv[1] . "/db.sqlite"))->exec("DELETE FROM entry WHERE id IN (" . $argv[2] . ")");"#,
                Self::USER,
                &super::id_list(ids)?,
            ])
            .current_dir(&self.dir))
        .map(|_| ())
    }

    /// Stops the server (its data stays until the value is dropped): for tests of a server
    /// that went away.
    pub fn stop(&self) -> Result<(), String> {
        run_script("freshrss-down.sh", &[&self.dir], &[]).map(|_| ())
    }

    /// Starts it again on the same port, with its data.
    pub fn restart(&self) -> Result<(), String> {
        run_script(
            "freshrss-up.sh",
            &[&source()?, &self.dir],
            &[("FRESHRSS_PORT", self.port.to_string())],
        )
        .map(|_| ())
    }

    /// The server's folder (its `data/` holds the user's SQLite database).
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for FreshRss {
    fn drop(&mut self) {
        let _ = self.stop();
        if let Some(parent) = self.dir.parent() {
            let _ = std::fs::remove_dir_all(parent);
        }
    }
}

/// The FreshRSS source tree, unpacked once per machine (into a folder of its own, then renamed,
/// so that test processes running side by side never see half of it).
fn source() -> Result<PathBuf, String> {
    static SOURCE: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let source = std::env::temp_dir().join("tidings-freshrss-1.24.3");
            if source.join("LICENSE.txt").exists() {
                return Ok(source);
            }
            let unpacking = work_dir("freshrss-unpacking")?;
            let tarball = super::scripts().join("freshrss-1.24.3.tar.gz");
            run(std::process::Command::new("tar")
                .arg("-xzf")
                .arg(&tarball)
                .arg("-C")
                .arg(&unpacking))?;
            if std::fs::rename(&unpacking, &source).is_err() {
                // Another process got there first.
                let _ = std::fs::remove_dir_all(&unpacking);
            }
            Ok(source)
        })
        .clone()
}
