//! Title, byline, date, site name and lead image. Readability's port reads the metadata sites
//! publish (Open Graph, Dublin Core, Twitter cards, Parsely, JSON-LD) and measured best on titles
//! and bylines; this module turns its strings into the shapes Tidings stores and, for pages with
//! no date in their metadata, finds the date a reader sees on the page.

use url::Url;

use super::dates;
use super::survey::SeenOnPage;
use crate::sanitize::plain_text;

/// The metadata of one page, as stored.
#[derive(Debug, Default)]
pub(super) struct PageMetadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<i64>,
    pub site_name: Option<String>,
    pub lead_image: Option<String>,
    /// An image on the page, for when neither the metadata nor the body has one.
    pub fallback_image: Option<String>,
}

impl PageMetadata {
    pub fn from_article(
        article: &dom_smoothie::Article,
        seen: &SeenOnPage,
        page_url: &Url,
    ) -> PageMetadata {
        // Readability takes the first block named like a byline, which is sometimes the date line.
        let byline = text_field(article.byline.as_deref())
            .filter(|b| !dates::is_date_line(b))
            .or_else(|| seen.byline.clone());
        PageMetadata {
            title: text_field(Some(&article.title)),
            byline,
            published: article
                .published_time
                .as_deref()
                .and_then(dates::parse_machine)
                .or(seen.date),
            site_name: text_field(article.site_name.as_deref()),
            lead_image: article
                .image
                .as_deref()
                .and_then(|src| web_url(src, page_url)),
            fallback_image: seen.image.clone(),
        }
    }
}

fn text_field(value: Option<&str>) -> Option<String> {
    value.map(plain_text).filter(|v| !v.is_empty())
}

/// An absolute http(s) URL, resolving a relative one against the page.
pub(super) fn web_url(src: &str, page_url: &Url) -> Option<String> {
    let url = page_url.join(src.trim()).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}
