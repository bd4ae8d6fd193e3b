//! Articles read in full from their own page after they were stored: a page saved while it
//! could not be reached, a feed article whose "full text" was asked for. See library/pending.rs.

use rusqlite::{OptionalExtension, params};

use super::{Store, WorkKind};
use crate::api::ArticleId;
use crate::{Result, now};

/// Whose page an article's reading fetches, and within what reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageToRead {
    /// A saved page (still saved or bookmarked): its own address, which the person typed.
    Saved { url: String },
    /// A feed's article: its page, reached as its feed's content is.
    FeedArticle { url: String, feed_url: String },
}

/// An article as reader mode read it from its page. The HTML is already sanitized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullArticle {
    pub html: String,
    pub text: String,
    pub lead_image: Option<String>,
    pub word_count: i64,
    pub byline: Option<String>,
}

impl Store {
    /// The page article `id` is read from, if it has one and is still wanted.
    pub fn page_to_read(&self, id: ArticleId) -> Result<Option<PageToRead>> {
        let found: Option<(Option<String>, Option<String>, bool)> = self
            .reader()
            .query_row(
                "SELECT a.url, f.url, a.feed_id IS NULL AND substr(a.identity, 1, 2) = 'u:'
                     AND (a.is_saved = 1 OR a.is_bookmarked = 1)
                 FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        Ok(match found {
            Some((Some(url), _, true)) => Some(PageToRead::Saved { url }),
            Some((Some(url), Some(feed_url), false)) => {
                Some(PageToRead::FeedArticle { url, feed_url })
            }
            _ => None,
        })
    }

    /// Replaces a feed article's body with its page's article; its title and place stay, and
    /// its author too unless the feed gave none. An article kept offline (bookmarked or saved)
    /// asks for its new pictures in the same transaction.
    pub fn fill_full_text(&self, id: ArticleId, article: &FullArticle) -> Result<()> {
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE articles SET lead_image = ?2, word_count = ?3, extract_error = NULL,
                 author = coalesce(author, ?4)
             WHERE id = ?1",
            params![id, article.lead_image, article.word_count, article.byline],
        )?;
        tx.execute(
            "INSERT INTO article_bodies (article_id, html) VALUES (?1, ?2)
             ON CONFLICT (article_id) DO UPDATE SET html = excluded.html",
            params![id, article.html],
        )?;
        tx.execute("DELETE FROM articles_fts WHERE rowid = ?1", [id])?;
        tx.execute(
            "INSERT INTO articles_fts (rowid, title, author, content)
             SELECT id, title, author, ?2 FROM articles WHERE id = ?1",
            params![id, article.text],
        )?;
        let kept_offline: bool = tx.query_row(
            "SELECT is_bookmarked = 1 OR is_saved = 1 FROM articles WHERE id = ?1",
            [id],
            |row| row.get(0),
        )?;
        if kept_offline {
            super::pending::ask(&tx, id, WorkKind::KeepImages, now())?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Why an article's page could not be read in full; its own content stays.
    pub fn record_page_failure(&self, id: ArticleId, reason: &str) -> Result<()> {
        self.writer().execute(
            "UPDATE articles SET extract_error = ?2 WHERE id = ?1",
            params![id, reason],
        )?;
        Ok(())
    }
}
