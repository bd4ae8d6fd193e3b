//! Save for later: any page, read in reader mode, kept under Saved. A page that holds no article
//! (a home page, a PDF, a sign-in wall, an error page) is kept as a link with what could be
//! learnt about it, and the person is told why; so is a page read only in part (a paywall), its
//! part kept.

use url::Url;

use super::Library;
use super::pending::Attempt;
use crate::api::{ArticleId, SaveOutcome, WorkReport};
use crate::extract::{self, Extracted};
use crate::fetch::{FetchOutcome, Fetched, Validators, parse_web_url};
use crate::sanitize::plain_text;
use crate::store::{SavedPage, WorkKind};
use crate::{Error, Result, now};

impl Library {
    /// Saves the page at `address` to read later. Saving an address already saved returns it
    /// again (marked saved) and stores nothing new. Its pictures are then kept offline; a page
    /// that cannot be reached for now is kept as a link and read once it can be.
    pub async fn save_url(&self, address: &str) -> Result<SaveOutcome> {
        let mut url = parse_web_url(address)?;
        url.set_fragment(None);
        let key = url.to_string();
        if let Some(id) = self.blocking(move |s| s.saved_by_url(&key)).await? {
            self.set_saved(id, true).await?;
            return self.save_outcome(id, None).await;
        }
        let (url, fetched) = self.fetcher.get_typed(address, url).await;
        let (page, then) = match fetched {
            Ok(FetchOutcome::Fetched(fetched)) => {
                let page = read_page_within(fetched).await?;
                (page, Some(WorkKind::KeepImages))
            }
            Ok(FetchOutcome::NotModified(_)) => {
                (link_only(&url, None, "the server sent no page"), None)
            }
            Err(error) if error.is_temporary() => (
                link_only(&url, None, &error.to_string()),
                Some(WorkKind::ReadPage),
            ),
            Err(error) => (link_only(&url, None, &error.to_string()), None),
        };
        let note = page.extract_error.as_ref().map(|reason| {
            if then == Some(WorkKind::ReadPage) {
                format!("Saved as a link for now ({reason}); Tidings reads the page once it can reach it.")
            } else if page.content_html.is_empty() {
                format!("Saved as a link only: {reason}")
            } else {
                format!("Saved, but only part of the article could be read: {reason}")
            }
        });
        let id = self
            .blocking(move |s| s.insert_saved(&page, now(), then))
            .await?;
        self.work_asked_for();
        tracing::info!(article_id = id, %url, "saved");
        self.save_outcome(id, note).await
    }

    /// Marks an article saved to read later (or no longer); a saved one's pictures are then
    /// kept offline.
    pub async fn set_saved(&self, id: ArticleId, saved: bool) -> Result<()> {
        let then = saved.then_some(WorkKind::KeepImages);
        self.change(format!("article {id}"), move |s| {
            s.set_saved(id, saved, now(), then)
        })
        .await?;
        if saved {
            self.work_asked_for();
        }
        Ok(())
    }

    /// Reads a page saved while it could not be reached, at `address` (see [`super::pending`]).
    /// Once read, its pictures are asked for.
    pub(super) async fn read_saved_page(&self, id: ArticleId, address: &str) -> Result<Attempt> {
        let url = parse_web_url(address)?;
        let page = match self.fetcher.get(&url, &Validators::default()).await {
            Ok(FetchOutcome::Fetched(fetched)) => read_page_within(fetched).await?,
            Ok(FetchOutcome::NotModified(_)) => link_only(&url, None, "the server sent no page"),
            Err(error) if error.is_temporary() => {
                return Ok(Attempt::Waiting {
                    reason: error.to_string(),
                    if_given_up: None,
                });
            }
            Err(error) => link_only(&url, None, &error.to_string()),
        };
        let then = (!page.content_html.is_empty()).then_some(WorkKind::KeepImages);
        self.blocking(move |s| s.fill_saved(id, &page, then))
            .await?;
        tracing::info!(article_id = id, %url, "saved page read");
        Ok(Attempt::Done(Some(WorkReport::PageRead { article_id: id })))
    }

    async fn save_outcome(&self, id: ArticleId, note: Option<String>) -> Result<SaveOutcome> {
        let article = self
            .blocking(move |s| s.article_summary(id))
            .await?
            .ok_or_else(|| Error::NotFound(format!("article {id}")))?;
        Ok(SaveOutcome { article, note })
    }
}

/// [`read_page`] within its deadline; a page that takes longer is kept as a link, saying so.
async fn read_page_within(fetched: Fetched) -> Result<SavedPage> {
    let url = fetched.final_url.clone();
    let deadline = super::background::EXTRACT_DEADLINE;
    match super::background::blocking_within("Reading the page", deadline, move || {
        read_page(fetched)
    })
    .await
    {
        Err(error @ Error::TooSlow { .. }) => Ok(link_only(&url, None, &error.to_string())),
        other => other,
    }
}

fn read_page(fetched: Fetched) -> SavedPage {
    let url = fetched.final_url.clone();
    if let Some(kind) = not_a_web_page(fetched.content_type.as_deref()) {
        return link_only(&url, None, &format!("this is {kind}, not a web page"));
    }
    match extract::extract(&fetched.body, &url) {
        Ok(article) => from_article(&url, article),
        Err(reason) => link_only(&url, page_title(&fetched.body), &reason.to_string()),
    }
}

fn from_article(url: &Url, article: Extracted) -> SavedPage {
    SavedPage {
        url: url.to_string(),
        title: article.title.unwrap_or_else(|| url.to_string()),
        author: article.byline,
        content_html: article.html,
        content_text: article.text,
        published_at: article.published,
        site_name: article.site_name.unwrap_or_else(|| host(url)),
        lead_image: article.lead_image,
        word_count: Some(article.word_count),
        // The part that was found is kept; the reader says why it is not all.
        extract_error: article.shortfall.map(str::to_string),
    }
}

fn link_only(url: &Url, title: Option<String>, reason: &str) -> SavedPage {
    SavedPage {
        url: url.to_string(),
        title: title.unwrap_or_else(|| url.to_string()),
        author: None,
        content_html: String::new(),
        content_text: String::new(),
        published_at: None,
        site_name: host(url),
        lead_image: None,
        word_count: None,
        extract_error: Some(reason.to_string()),
    }
}

/// What a response is when its type says it is no web page ("a PDF document").
fn not_a_web_page(content_type: Option<&str>) -> Option<String> {
    let essence = content_type?.split(';').next()?.trim().to_ascii_lowercase();
    match essence.as_str() {
        "" | "text/html" | "application/xhtml+xml" | "text/plain" => None,
        "application/pdf" => Some("a PDF document".to_string()),
        other if other.starts_with("image/") => Some("an image".to_string()),
        other if other.starts_with("video/") || other.starts_with("audio/") => {
            Some("a media file".to_string())
        }
        other => Some(format!("a file of type {other}")),
    }
}

/// The page's `<title>`, for a page kept as a link.
fn page_title(html: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&html[..html.len().min(64 * 1024)]);
    let lower = head.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = start + lower[start..].find('>')? + 1;
    let close = open_end + lower[open_end..].find("</title")?;
    Some(plain_text(&head[open_end..close])).filter(|t| !t.is_empty())
}

fn host(url: &Url) -> String {
    url.host_str()
        .unwrap_or_default()
        .trim_start_matches("www.")
        .to_string()
}
