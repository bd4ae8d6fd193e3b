//! Limits that keep hostile pages cheap, and the judgement of whether a page holds an article.
//!
//! Caps, checked on the raw text before the HTML parser sees it:
//! - [`MAX_PAGE_BYTES`]: real article pages, inline scripts and all, stay under 5 MB.
//! - [`MAX_DEPTH`]: html5ever checks the stack of open elements on many tags, so a page that
//!   nests 100,000 `<div>`s takes seconds to parse (quadratic), and readability's scoring walks
//!   ancestors of every paragraph. Real pages nest 20 to 60 deep; nesting is estimated with one
//!   linear scan that counts only tags which never close themselves.
//! - [`MAX_ELEMENTS`]: readability's work grows with elements; a page with more is refused by it.

use super::ExtractError;
use super::metadata::PageSignals;

pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;
pub const MAX_DEPTH: usize = 400;
pub const MAX_ELEMENTS: usize = 60_000;

/// Refuses pages over the size or depth caps, before parsing.
pub(super) fn check_caps(html: &str) -> Result<(), ExtractError> {
    if html.len() > MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge {
            bytes: html.len(),
            limit: MAX_PAGE_BYTES,
        });
    }
    if estimated_depth(html) > MAX_DEPTH {
        return Err(ExtractError::TooDeep { limit: MAX_DEPTH });
    }
    Ok(())
}

/// The deepest nesting of tags that need an explicit end tag, ignoring raw-text elements'
/// contents. An overestimate on sloppy pages at worst, and a page's depth can only be that high
/// if it has that many open tags.
fn estimated_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut deepest = 0;
    let mut at = 0;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        at += offset + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let start = if closing { at + 1 } else { at };
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| start + n);
        if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Skip to the matching end tag: its contents are text, not tags.
            at = end_tag(bytes, end, name.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if !needs_end_tag(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Where `</name` next starts at or after `from`, ignoring ASCII case.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        at += offset;
        let candidate = bytes.get(at + 2..at + 2 + name.len())?;
        if bytes.get(at + 1) == Some(&b'/') && candidate.eq_ignore_ascii_case(name) {
            return Some(at);
        }
        at += 1;
    }
    None
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == needle)
}

/// Tags that stay open until closed: not void elements, and not those the parser closes on its
/// own (`p`, `li`, table cells and the like).
fn needs_end_tag(name: &str) -> bool {
    !matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "option"
            | "optgroup"
            | "colgroup"
            | "rb"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
    )
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
    let lists_stories = story_links >= 4 && words < story_links * 80;
    let is_front_page = signals.is_website_not_article && signals.teasers >= 3 && !has_date;
    if lists_stories || is_front_page {
        return Some(
            "this page has no article: it looks like a home or section page listing stories",
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_only_tags_that_stay_open() {
        assert_eq!(estimated_depth("<div><div><p>a<p>b<br></div></div>"), 2);
        assert_eq!(estimated_depth("<ul><li>a<li>b<li>c</ul>"), 1);
        assert_eq!(
            estimated_depth("<script>if (a<b) { x = '<div><div><div>' }</script><div></div>"),
            1
        );
        assert_eq!(estimated_depth(&"<div>".repeat(100_000)), 100_000);
    }
}
