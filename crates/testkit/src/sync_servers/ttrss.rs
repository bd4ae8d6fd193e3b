//! Tiny Tiny RSS (Debian's `tt-rss`) over a private PostgreSQL cluster: its JSON API.

use std::path::{Path, PathBuf};

use super::{curl, free_port, run, run_script, work_dir};

pub struct TtRss {
    dir: PathBuf,
    port: u16,
    pg_port: u16,
}

impl TtRss {
    pub const USER: &str = "tidings";
    pub const PASSWORD: &str = "tidings-pw";

    /// A fresh Tiny Tiny RSS with one user and no feeds.
    pub fn start() -> Result<TtRss, String> {
        let dir = work_dir("ttrss")?;
        let server = TtRss {
            dir,
            port: free_port()?,
            pg_port: free_port()?,
        };
        server.up()?;
        Ok(server)
    }

    fn up(&self) -> Result<(), String> {
        run_script(
            "ttrss-up.sh",
            &[&self.dir],
            &[
                ("TTRSS_PORT", self.port.to_string()),
                ("PG_PORT", self.pg_port.to_string()),
            ],
        )
        .map(|_| ())
    }

    /// `http://127.0.0.1:PORT/tt-rss/`: what a person types as the server's address.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/tt-rss/", self.port)
    }

    /// The JSON API's address (`…/tt-rss/api/`).
    pub fn api_url(&self) -> String {
        format!("{}api/", self.url())
    }

    /// Subscribes the user to `feed_url` through the API (TT-RSS has no command-line import),
    /// into the category `category_id` (0: none).
    pub fn subscribe(&self, feed_url: &str, category_id: i64) -> Result<(), String> {
        let sid = self.session()?;
        let body = format!(
            r#"{{"sid":"{sid}","op":"subscribeToFeed","feed_url":"{feed_url}","category_id":{category_id}}}"#
        );
        let answer = curl(&["-d", &body, &self.api_url()])?;
        if !answer.contains(r#""status":0"#) {
            return Err(format!("subscribeToFeed failed: {answer}"));
        }
        Ok(())
    }

    /// A session id for the API calls of set-up.
    pub fn session(&self) -> Result<String, String> {
        let body = format!(
            r#"{{"op":"login","user":"{}","password":"{}"}}"#,
            Self::USER,
            Self::PASSWORD
        );
        let answer = curl(&["-d", &body, &self.api_url()])?;
        let start = answer
            .find(r#""session_id":""#)
            .ok_or_else(|| format!("login failed: {answer}"))?
            + r#""session_id":""#.len();
        let end = answer[start..].find('"').ok_or("login answer cut short")? + start;
        Ok(answer[start..end].to_string())
    }

    /// Adds a category (TT-RSS's folder), inside `parent` when given, as its preferences page
    /// does (this API level cannot); returns its id.
    pub fn add_category(&self, title: &str, parent: Option<i64>) -> Result<i64, String> {
        let parent = parent.map_or("null".to_string(), |id| id.to_string());
        let answer = self.sql(&format!(
            "insert into ttrss_feed_categories (owner_uid, title, parent_cat) \
             select id, '{}', {parent} from ttrss_users where login = '{}' returning id",
            title.replace('\'', "''"),
            Self::USER
        ))?;
        answer
            .lines()
            .next()
            .and_then(|line| line.trim().parse().ok())
            .ok_or_else(|| format!("no category id in {answer:?}"))
    }

    /// Runs one SQL statement on the server's database; its rows, one a line, columns split
    /// by `|`. What the server holds, seen without its API.
    pub fn sql(&self, statement: &str) -> Result<String, String> {
        run(std::process::Command::new("runuser")
            .args([
                "-u",
                "postgres",
                "--",
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
            ])
            .args(["-d", "ttrss", "-qAt", "-v", "ON_ERROR_STOP=1"])
            .args(["-p", &self.pg_port.to_string(), "-c", statement]))
    }

    /// Deletes these articles (API ids) for its user, as its own purge of old articles does.
    pub fn remove_articles(&self, ids: &[String]) -> Result<(), String> {
        self.sql(&format!(
            "DELETE FROM ttrss_user_entries WHERE ref_id IN ({})",
            super::id_list(ids)?
        ))
        .map(|_| ())
    }

    /// Makes the server fetch every feed now.
    pub fn update(&self) -> Result<(), String> {
        run_script("ttrss-update.sh", &[&self.dir], &[]).map(|_| ())
    }

    pub fn stop(&self) -> Result<(), String> {
        run_script("ttrss-down.sh", &[&self.dir], &[]).map(|_| ())
    }

    /// Starts it again on the same ports, with its data.
    pub fn restart(&self) -> Result<(), String> {
        self.up()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for TtRss {
    fn drop(&mut self) {
        let _ = self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
