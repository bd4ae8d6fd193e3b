//! Limits that keep hostile pages cheap, and the judgement of whether a page holds an article.
//!
//! Caps, checked on the text before the HTML parser sees it:
//! - [`MAX_PAGE_BYTES`]: real article pages, inline scripts and all, stay under 5 MB.
//! - [`MAX_DEPTH`]: html5ever checks the stack of open elements on many tags, so a page that
//!   nests 100,000 `<div>`s takes seconds to parse (quadratic), and readability's scoring walks
//!   ancestors of every paragraph. Real pages nest 20 to 60 deep; nesting is estimated with one
//!   linear scan that counts only tags which never close themselves.
//! - [`MAX_ELEMENTS`]: readability's work grows with elements; a page with more is refused by it.

use super::ExtractError;
use super::survey::PageSignals;
use crate::sanitize::depth::{end_tag, estimated_depth};
use crate::scan::find_byte as memchr;

pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;
pub const MAX_DEPTH: usize = 400;
pub const MAX_ELEMENTS: usize = 60_000;

/// The page without its scripts, style sheets and inline SVG pictures (JSON-LD stays: it is
/// metadata), once it is known to be under the caps. Scripts and styles are nearly half the
/// bytes of a typical news page and SVG icons a tenth of the rest; parsing them only for the
/// sanitizer to drop them cost a fifth of reader mode's time, and an icon's `<title>`
/// ("Share on Facebook") counted as text in readability's scoring.
pub(super) fn within_caps(html: &str) -> Result<String, ExtractError> {
    if html.len() > MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge {
            bytes: html.len(),
            limit: MAX_PAGE_BYTES,
        });
    }
    let page = without_scripts(html);
    if estimated_depth(&page) > MAX_DEPTH {
        return Err(ExtractError::TooDeep { limit: MAX_DEPTH });
    }
    Ok(page)
}

/// Removes `<script>` (but JSON-LD), `<style>` and `<svg>` elements, skipping comments as the
/// HTML tokenizer does so that a script commented out hides nothing after it.
fn without_scripts(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let (mut copied, mut at) = (0, 0);
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let open = at + offset;
        at = open + 1;
        if bytes[at..].starts_with(b"!--") {
            at = find(bytes, at, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let name_end = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| at + n);
        let name = &bytes[at..name_end];
        let is_script = name.eq_ignore_ascii_case(b"script");
        let is_svg = name.eq_ignore_ascii_case(b"svg");
        // `<svg-icon>` and `<style-guide>` are custom elements of their own.
        let name_ends = bytes
            .get(name_end)
            .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'));
        if !(is_script || is_svg || name.eq_ignore_ascii_case(b"style")) || !name_ends {
            continue;
        }
        let Some(tag_end) = memchr(b'>', &bytes[name_end..]).map(|n| name_end + n + 1) else {
            break;
        };
        if is_svg && bytes[..tag_end].ends_with(b"/>") {
            at = tag_end;
        } else {
            let Some(close) = end_tag(bytes, tag_end, name) else {
                break;
            };
            at = memchr(b'>', &bytes[close..]).map_or(bytes.len(), |n| close + n + 1);
        }
        let keep = is_script && html[open..tag_end].to_ascii_lowercase().contains("ld+json");
        if !keep {
            out.push_str(&html[copied..open]);
            copied = at;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// The page with its `<noscript>` and `</noscript>` tags taken out, their content left in
/// place, or `None` when it has none. Parsed as a page whose scripts run (as a browser and
/// readability.js see it), a `<noscript>`'s content is one opaque run of text, and some sites
/// put the whole article there for readers without scripts.
pub(super) fn without_noscript_tags(page: &str) -> Option<String> {
    let bytes = page.as_bytes();
    let mut out = String::with_capacity(page.len());
    let (mut copied, mut at, mut found) = (0, 0, false);
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let open = at + offset;
        at = open + 1;
        let name_start = at + usize::from(bytes.get(at) == Some(&b'/'));
        let is_noscript = bytes
            .get(name_start..name_start + 8)
            .is_some_and(|name| name.eq_ignore_ascii_case(b"noscript"))
            && !bytes
                .get(name_start + 8)
                .is_some_and(u8::is_ascii_alphanumeric);
        if !is_noscript {
            continue;
        }
        let Some(tag_end) = memchr(b'>', &bytes[name_start..]).map(|n| name_start + n + 1) else {
            break;
        };
        out.push_str(&page[copied..open]);
        copied = tag_end;
        at = tag_end;
        found = true;
    }
    found.then(|| {
        out.push_str(&page[copied..]);
        out
    })
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    crate::scan::find(&haystack[from..], needle).map(|n| from + n)
}

/// Why a page whose extracted body is `words` long and holds `story_links` headline links to
/// other pages is not an article, if it is not.
pub(super) fn not_an_article(
    signals: &PageSignals,
    words: usize,
    story_links: usize,
    has_date: bool,
) -> Option<&'static str> {
    if words == 0 {
        return Some("this page has no article: there is no text on it");
    }
    if signals.is_sign_in && words < 250 {
        return Some("this page has no article: it looks like a sign-in page");
    }
    if signals.says_not_found && words < 250 {
        return Some("this page has no article: it looks like an error page (“page not found”)");
    }
    // A home or section page is a list of headlines linking elsewhere, each with a line or two.
    // An article followed by its site's other stories has a date and more text than teasers
    // hold; many sites call every page a "website", articles too.
    let teaser_words = if has_date { 40 } else { 80 };
    let lists_stories =
        !signals.headline_in_title && story_links >= 4 && words < story_links * teaser_words;
    let is_front_page = signals.is_website_not_article
        && !signals.headline_in_title
        && signals.teasers >= 3
        && !has_date
        && words < signals.teasers * 80;
    if lists_stories || is_front_page {
        return Some(
            "this page has no article: it looks like a home or section page listing stories",
        );
    }
    None
}

#[cfg(test)]
#[path = "tests/guard.rs"]
mod tests;
