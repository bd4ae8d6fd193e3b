//! Where a sync of new articles stands, as the opaque text core stores with each page.
//!
//! Pages come newest first. A run (the first sync, or a later one) asks for everything crawled
//! since `since` and follows the server's continuation; the newest crawl time it sees becomes
//! the next run's `since` once the last page is in. Stored mid-way, the cursor resumes the run
//! where it stopped; a continuation is a position in the server's own order, so articles that
//! arrive meanwhile are newer than `high` and the next run brings them.

use url::form_urlencoded;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Cursor {
    /// Crawl time (µs) this run brings articles after; 0: everything the server keeps.
    pub since: i64,
    /// The newest crawl time (µs) seen so far in this run.
    pub high: i64,
    /// The server's continuation while a run is under way.
    pub continuation: Option<String>,
}

impl Cursor {
    /// Reads a stored cursor. One that is unreadable (from another version, or damaged) starts
    /// over: a full sync again costs time, never an article.
    pub fn parse(stored: Option<&str>) -> Cursor {
        let Some(stored) = stored else {
            return Cursor::default();
        };
        let mut cursor = Cursor::default();
        let mut version = None;
        for (key, value) in form_urlencoded::parse(stored.as_bytes()) {
            match key.as_ref() {
                "v" => version = Some(value.into_owned()),
                "since" => cursor.since = value.parse().unwrap_or(-1),
                "high" => cursor.high = value.parse().unwrap_or(-1),
                "c" => cursor.continuation = Some(value.into_owned()),
                _ => {}
            }
        }
        if version.as_deref() != Some("1") || cursor.since < 0 || cursor.high < cursor.since {
            tracing::warn!(
                stored,
                "an unreadable Google Reader sync position; syncing all again"
            );
            return Cursor::default();
        }
        cursor
    }

    pub fn to_text(&self) -> String {
        let mut text = form_urlencoded::Serializer::new(String::new());
        text.append_pair("v", "1")
            .append_pair("since", &self.since.to_string())
            .append_pair("high", &self.high.to_string());
        if let Some(continuation) = &self.continuation {
            text.append_pair("c", continuation);
        }
        text.finish()
    }

    /// `ot=`: whole seconds, which servers compare inclusively, so the articles of `since`'s
    /// own second come again and are dropped by their crawl time.
    pub fn ot(&self) -> Option<i64> {
        (self.since > 0).then_some(self.since / 1_000_000)
    }
}
