//! Reader mode: the article in a web page, without the site around it.
//!
//! [`extract`] decodes the page ([`decode`]), refuses pages too large or too deeply nested to
//! parse cheaply ([`guard`]), removes the clutter news sites put in and around articles
//! ([`clutter`]), lets a port of Mozilla's readability.js (dom_smoothie) choose the article and
//! read the metadata, drops the byline and date lines from the body ([`body`]) and passes it
//! through the reader policy ([`crate::sanitize`]). Why this design, and what it scores on which
//! pages, is in this folder's README.

mod body;
mod clutter;
mod date_words;
mod dates;
mod decode;
mod guard;
mod metadata;
mod named_body;
mod shortfall;
mod survey;
mod tails;

use serde::Serialize;
use url::Url;

pub use dates::day_start;
pub use guard::{MAX_DEPTH, MAX_ELEMENTS, MAX_PAGE_BYTES};

/// One article, ready to store and show.
///
/// Serialized as JSON with snake_case keys; `published` is unix seconds (UTC), like every
/// timestamp Tidings stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extracted {
    /// Plain text.
    pub title: Option<String>,
    /// Plain text.
    pub byline: Option<String>,
    /// Unix seconds, UTC. A date given without a time (a visible date line) is midnight UTC.
    pub published: Option<i64>,
    pub site_name: Option<String>,
    /// An absolute http(s) URL.
    pub lead_image: Option<String>,
    /// The article body after [`crate::sanitize::sanitize_html`] with the page URL as base.
    pub html: String,
    /// The body's text as a reader sees it.
    pub text: String,
    /// Why the text is likely only part of the article (a paywall, a page built by scripts),
    /// in words for the reader; the page itself is the place to read the rest.
    pub shortfall: Option<&'static str>,
    pub word_count: usize,
    /// At 230 words a minute; at least 1 for any text.
    pub reading_minutes: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The page is readable but holds no article (a home page, sign-in page, error page, empty
    /// page or binary data); `reason` says which, in words for the reader.
    #[error("{reason}")]
    NotAnArticle { reason: String },
    #[error("this page is too large to read ({bytes} bytes; the limit is {limit})")]
    TooLarge { bytes: usize, limit: usize },
    #[error("this page is nested too deeply to read (more than {limit} levels)")]
    TooDeep { limit: usize },
    #[error("this page has too many elements to read (more than {limit})")]
    TooManyElements { limit: usize },
}

/// The article in `html` (the page's bytes, in any charset), whose address is `page_url`.
/// A page that reads but holds no article (a home page, a sign-in wall, an error page) is
/// refused with the reason.
pub fn extract(html: &[u8], page_url: &Url) -> Result<Extracted, ExtractError> {
    let reading = read_page(html, page_url)?;
    match reading.not_an_article {
        Some(reason) => Err(not_an_article(reason)),
        None => Ok(reading.article),
    }
}

/// What reader mode made of a page, and, separately, whether that is an article at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub article: Extracted,
    /// Why the page is no article (a home page listing stories, a sign-in or error page).
    pub not_an_article: Option<&'static str>,
}

/// Reader mode without the verdict: the body as readability finds it even on pages that are not
/// articles. Fails only when nothing on the page reads as text, or the page is over the caps.
pub fn read_page(html: &[u8], page_url: &Url) -> Result<Reading, ExtractError> {
    let page = guard::within_caps(&decode::page_text(html)?)?;
    let first = read(&page, page_url);
    let first_words = first.as_ref().map_or(0, |r| r.article.word_count);
    // A page whose article is in <noscript> reads as little or nothing: read it again with
    // that content as part of the page, and keep whichever reading found more.
    let mut reading = if first_words < SHORT_ARTICLE_WORDS
        && let Some(unwrapped) = guard::without_noscript_tags(&page)
        && let Ok(second) = read(&unwrapped, page_url)
        && second.article.word_count > first_words
    {
        second
    } else {
        first?
    };
    reading.article.shortfall = shortfall::shortfall(&page, reading.article.word_count);
    Ok(reading)
}

/// Fewer words than this and a page is read a second way, in case the first missed the article.
const SHORT_ARTICLE_WORDS: usize = 150;

/// Readability tries again, less strictly, when what it found is shorter than this, and keeps
/// the longest it found. readability.js's 500 characters turned short articles (a press release,
/// a news brief) into the longer block found on the second try: a sign-in box, a newsletter
/// form, a product list. On trafilatura's pages 250 gained six of them and lost none.
const RETRY_BELOW_CHARS: usize = 250;

/// Fewer words than this from inside the block the site names as its article, and the whole
/// block is read instead when it holds twice as many.
const NAMED_BODY_WINS_BELOW_WORDS: usize = 300;

fn read(page: &str, page_url: &Url) -> Result<Reading, ExtractError> {
    let doc = dom_query::Document::from(page);
    clutter::remove(&doc);
    tails::remove(&doc);
    let (signals, seen) = survey::survey(&doc, page_url);
    let named = named_body::find(&doc);

    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        char_threshold: RETRY_BELOW_CHARS,
        ..Default::default()
    };
    let article =
        dom_smoothie::Readability::with_document(doc, Some(page_url.as_str()), Some(config))
            .and_then(|mut readability| readability.parse());
    let article = match article {
        Ok(article) => article,
        Err(dom_smoothie::ReadabilityError::TooManyElements(_, limit)) => {
            return Err(ExtractError::TooManyElements { limit });
        }
        Err(_) => {
            return Err(not_an_article(
                "this page has no article: no part of it reads as one",
            ));
        }
    };
    let meta = metadata::PageMetadata::from_article(&article, &seen, page_url);
    let mut body = body::finish(&article.content, meta.byline.as_deref(), page_url);
    let words = body::word_count(&body.text);
    if let Some(named) = named {
        // Readability chose a block outside the one the site names as its article, and that
        // block holds at least half as many words; or a short part of it (one section of a
        // post) under half of it. Where it kept a long part, it left out a gallery or a table
        // the site put in: readability knows better.
        let elsewhere = !named.holds(middle_words(&body.text));
        let short_part = words < NAMED_BODY_WINS_BELOW_WORDS && words * 2 < named.words;
        if (elsewhere && named.words * 2 >= words && named.words >= 50) || short_part {
            let named = body::finish(&named.html, meta.byline.as_deref(), page_url);
            let named_words = body::word_count(&named.text);
            if (elsewhere && named_words * 2 >= words) || words * 2 < named_words {
                body = named;
            }
        }
    }
    let lead_image = meta
        .lead_image
        .or_else(|| first_image(&body.html, page_url))
        .or(meta.fallback_image);
    if let (Some(figure), Some(lead)) = (seen.image_figure.as_deref(), lead_image.as_deref())
        && seen.image.as_deref() == Some(lead)
        && !crate::media::image_urls(&body.html)
            .iter()
            .any(|src| src == lead)
    {
        // Readability left the lead figure out: put it back at the top, caption and all.
        let content = format!("{figure}{}", article.content);
        body = body::finish(&content, meta.byline.as_deref(), page_url);
    }
    let word_count = body::word_count(&body.text);
    if word_count == 0 {
        return Err(not_an_article(
            "this page has no article: there is no text on it",
        ));
    }
    let not_an_article = guard::not_an_article(
        &signals,
        word_count,
        body.story_links,
        meta.published.is_some(),
    );
    let article = Extracted {
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        site_name: meta.site_name,
        lead_image,
        word_count,
        reading_minutes: body::reading_minutes(word_count),
        html: body.html,
        text: body.text,
        shortfall: None,
    };
    Ok(Reading {
        article,
        not_an_article,
    })
}

/// A run of words from the middle of a text (past a caption or a lead), to find where the
/// text came from.
fn middle_words(text: &str) -> &str {
    let mut from = text.len() / 2;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let from = text[from..]
        .find(char::is_whitespace)
        .map_or(text.len(), |n| from + n);
    let words = text[from..].trim_start();
    let end = words
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(6)
        .map_or(words.len(), |(at, _)| at);
    &words[..end]
}

fn not_an_article(reason: &str) -> ExtractError {
    ExtractError::NotAnArticle {
        reason: reason.to_string(),
    }
}

/// The first image in the sanitized body, whose URLs are already absolute.
fn first_image(html: &str, page_url: &Url) -> Option<String> {
    let at = html.find("<img ")?;
    let tag = &html[at..at + html[at..].find('>')?];
    let src = tag.split(" src=\"").nth(1)?.split('"').next()?;
    metadata::web_url(&src.replace("&amp;", "&"), page_url)
}

#[cfg(test)]
mod tests;
