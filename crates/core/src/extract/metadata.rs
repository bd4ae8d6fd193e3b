//! Title, byline, date, site name and lead image. Readability's port reads the metadata sites
//! publish (Open Graph, Dublin Core, Twitter cards, Parsely, JSON-LD) and measured best on titles
//! and bylines; this module turns its strings into the shapes Tidings stores and, for pages with
//! no date in their metadata, finds the date a reader sees on the page.

use dom_query::{Document, NodeRef};
use url::Url;

use super::dates;
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

/// What a reader sees of the metadata on the page itself, read after [`super::clutter::remove`]
/// (so comment and sidebar dates and names are gone) and before readability takes the page.
#[derive(Debug, Default)]
pub(super) struct SeenOnPage {
    pub date: Option<i64>,
    pub byline: Option<String>,
    pub image: Option<String>,
}

impl SeenOnPage {
    pub fn read(doc: &Document, page_url: &Url) -> SeenOnPage {
        SeenOnPage {
            date: visible_date(doc),
            byline: visible_byline(doc),
            image: article_image(doc, page_url),
        }
    }
}

/// The first real image in the article's markup (not a tracking pixel or an inline data URI),
/// for pages without an `og:image`: readability often leaves a lead figure outside the body.
fn article_image(doc: &Document, page_url: &Url) -> Option<String> {
    doc.select("article img, [itemprop=articleBody] img, main figure img")
        .nodes()
        .iter()
        .filter(|img| {
            let tiny = |attr| {
                img.attr(attr)
                    .is_some_and(|v| v.trim().parse::<u32>().is_ok_and(|n| n < 50))
            };
            !tiny("width") && !tiny("height")
        })
        .find_map(|img| img.attr("src").and_then(|src| web_url(&src, page_url)))
}

/// The first short block marked as the author's name.
fn visible_byline(doc: &Document) -> Option<String> {
    doc.select(r#"[rel=author], [itemprop=author], .byline, .author"#)
        .nodes()
        .iter()
        .map(|node| plain_text(&node.text()))
        .find(|name| {
            let words = name.split(' ').count();
            (2..=8).contains(&words) && !dates::is_date_line(name)
        })
}

/// The publication date shown on the page: a `<time datetime>` or `itemprop=datePublished`, or
/// else a short line that reads as a date. Lines after the headline win over lines before it,
/// where mastheads print today's date.
fn visible_date(doc: &Document) -> Option<i64> {
    for node in doc
        .select("[itemprop=datePublished], time[datetime]")
        .nodes()
    {
        let value = node.attr("datetime").or_else(|| node.attr("content"));
        if let Some(seconds) = value.as_deref().and_then(dates::parse_machine) {
            return Some(seconds);
        }
    }
    let body = doc.body()?;
    let mut before_headline = None;
    let mut after_headline = false;
    for node in body.descendants_it().filter(|n| n.is_element()) {
        let Some(name) = node.node_name() else {
            continue;
        };
        if name.eq_ignore_ascii_case("h1") {
            after_headline = true;
            continue;
        }
        let Some(line) = short_line(&node) else {
            continue;
        };
        if let Some(seconds) = dates::parse_human(&line) {
            if after_headline {
                return Some(seconds);
            }
            before_headline.get_or_insert(seconds);
        }
    }
    before_headline
}

/// The text of a leaf block of at most a dozen words, such as a date line.
fn short_line(node: &NodeRef) -> Option<String> {
    let name = node.node_name()?.to_ascii_lowercase();
    if !matches!(
        name.as_str(),
        "p" | "div" | "span" | "time" | "small" | "li" | "em" | "strong" | "header"
    ) {
        return None;
    }
    let blocky = node.element_children().iter().any(|c| {
        c.node_name().is_some_and(|n| {
            matches!(
                n.to_ascii_lowercase().as_str(),
                "p" | "div" | "ul" | "ol" | "table" | "section" | "article" | "h2" | "h3"
            )
        })
    });
    if blocky || node.normalized_char_count() > 120 {
        return None;
    }
    let text = node.text();
    (text.split_whitespace().count() <= 12).then(|| text.to_string())
}

/// What a page says about itself before any of it is removed; used to tell articles from other
/// pages.
#[derive(Debug, Default)]
pub(super) struct PageSignals {
    /// A password field, and a title or headline about signing in: a log-in wall. (Many article
    /// pages carry a password field in a header log-in box.)
    pub is_sign_in: bool,
    pub says_not_found: bool,
    pub is_website_not_article: bool,
    pub teasers: usize,
}

impl PageSignals {
    pub fn read(doc: &Document) -> PageSignals {
        let heading = |sel: &str| doc.select(sel).text().to_lowercase();
        let headline = format!("{} {}", heading("title"), heading("h1"));
        let says_not_found = ["404", "not found", "page not found", "no longer available"]
            .iter()
            .any(|s| headline.contains(s))
            || headline.contains("doesn't exist")
            || headline.contains("does not exist");
        let og_type = doc
            .select(r#"meta[property="og:type"]"#)
            .attr("content")
            .map(|t| t.to_ascii_lowercase());
        let about_signing_in = [
            "sign in",
            "log in",
            "login",
            "sign-in",
            "subscribe",
            "account",
        ]
        .iter()
        .any(|s| headline.contains(s));
        PageSignals {
            is_sign_in: about_signing_in && doc.select("input[type=password]").exists(),
            says_not_found,
            is_website_not_article: og_type.as_deref() == Some("website"),
            teasers: doc.select("article").length(),
        }
    }
}
