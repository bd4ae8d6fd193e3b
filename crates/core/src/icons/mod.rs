//! Feed icons, fetched by the backend and kept in the library, so that the webview shows them
//! from the app's own scheme and never asks a website. Where a feed's icon is looked for, in
//! order: the picture the feed names for itself, the icons its site's home page links
//! (`<link rel="icon">`, apple-touch-icon), then the site's `/favicon.ico`. Every fetch keeps
//! the content-fetch rules (no cookies, no Referer, a public address unless the feed itself is
//! on the person's network) and an icon must be an image of at most [`MAX_ICON_BYTES`].

mod page;

use url::Url;

use crate::Timestamp;
use crate::fetch::{FetchOutcome, Fetcher, Reach, Validators};
use crate::media::{Image, fetch_image};
use crate::store::IconSources;

pub use page::icon_links;

/// An icon is looked for again a week after the last look (found or not).
pub const LOOK_AGAIN_AFTER: Timestamp = 7 * 86_400;
/// Bigger than any icon worth showing at the size of a line of text.
pub const MAX_ICON_BYTES: usize = 256 * 1024;
/// The home page's start, where its `<head>` and the icon links are.
const PAGE_HEAD_BYTES: usize = 256 * 1024;
/// Icons a home page links that are tried, best first.
const LINKED_TRIED: usize = 3;

/// Where a feed's icon is looked for; feeds of one site usually share it, and are looked for once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IconPlaces {
    /// The picture the feed names for itself.
    declared: Option<Url>,
    /// The site whose home page and /favicon.ico are tried next.
    site: Option<Url>,
    reach: Reach,
}

impl IconPlaces {
    pub fn of(sources: &IconSources) -> IconPlaces {
        IconPlaces {
            declared: sources.icon_url.as_deref().and_then(web_url),
            site: sources
                .site_url
                .as_deref()
                .and_then(web_url)
                .or_else(|| web_url(&sources.feed_url).and_then(|feed| feed.join("/").ok())),
            reach: Reach::for_content_from(&sources.feed_url),
        }
    }
}

/// The icon found at `places` and the address it came from, or `None` when there is none.
pub async fn find_icon(
    page_fetcher: &Fetcher,
    image_fetcher: &Fetcher,
    places: &IconPlaces,
) -> Option<(Image, Url)> {
    let reach = places.reach;
    if let Some(declared) = places.declared.clone()
        && let Some(found) = icon_at(image_fetcher, declared, reach).await
    {
        return Some(found);
    }
    let site = places.site.as_ref()?;
    for linked in linked_icons(page_fetcher, site, reach).await {
        if let Some(found) = icon_at(image_fetcher, linked, reach).await {
            return Some(found);
        }
    }
    icon_at(image_fetcher, site.join("/favicon.ico").ok()?, reach).await
}

/// The icons the site's home page links, best first.
async fn linked_icons(fetcher: &Fetcher, site: &Url, reach: Reach) -> Vec<Url> {
    let fetched = match fetcher
        .get_reaching(site, &Validators::default(), reach)
        .await
    {
        Ok(FetchOutcome::Fetched(fetched)) => fetched,
        Ok(FetchOutcome::NotModified(_)) => return Vec::new(),
        Err(error) => {
            tracing::debug!(%site, %error, "no home page to find an icon in");
            return Vec::new();
        }
    };
    let head = &fetched.body[..fetched.body.len().min(PAGE_HEAD_BYTES)];
    let mut links = icon_links(&String::from_utf8_lossy(head), &fetched.final_url);
    links.truncate(LINKED_TRIED);
    links
}

async fn icon_at(fetcher: &Fetcher, url: Url, reach: Reach) -> Option<(Image, Url)> {
    match fetch_image(fetcher, &url, reach).await {
        Ok(image) if image.bytes.len() <= MAX_ICON_BYTES => Some((image, url)),
        Ok(image) => {
            tracing::debug!(%url, bytes = image.bytes.len(), "icon too big");
            None
        }
        Err(error) => {
            tracing::debug!(%url, %error, "no icon there");
            None
        }
    }
}

fn web_url(text: &str) -> Option<Url> {
    Url::parse(text.trim())
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
}

#[cfg(test)]
mod tests;
