//! A reading suspiciously short for its page: the rest of the article behind a paywall, or a
//! page that builds its text with scripts. Reader mode keeps what it found and says why there
//! is not more, so the reader can offer the page in the browser.

use super::SHORT_ARTICLE_WORDS;

/// Why a reading of `words` words is likely not the whole article, judged on the page without
/// its scripts (`page`, JSON-LD kept). Short articles on pages that show no such sign pass.
pub(super) fn shortfall(page: &str, words: usize) -> Option<&'static str> {
    if words >= SHORT_ARTICLE_WORDS {
        return None;
    }
    let page = page.to_ascii_lowercase();
    if is_paywalled(&page) {
        Some("the rest of the article is for the site's subscribers")
    } else if needs_scripts(&page) {
        Some("the page builds its text with scripts, which reader mode does not run")
    } else {
        None
    }
}

/// schema.org's `"isAccessibleForFree": false`, what publishers tell search engines about an
/// article behind a paywall, or `article:content_tier` "locked". ("Metered" pages, and blocks
/// named "paywall", are as common on short articles sent whole.)
fn is_paywalled(page: &str) -> bool {
    let says_not_free = occurrences(page, "isaccessibleforfree").any(|at| {
        let after = &page[at + "isaccessibleforfree".len()..];
        let value = after.trim_start_matches(['"', '\'', ':', ' ']);
        value.starts_with("false")
    });
    let locked = occurrences(page, "article:content_tier").any(|at| {
        let tag = &page[at..page[at..].find('>').map_or(page.len(), |end| at + end)];
        tag.contains("locked")
    });
    says_not_free || locked
}

/// A `<noscript>` asking for JavaScript, or an application's empty root element.
fn needs_scripts(page: &str) -> bool {
    let asks_for_javascript = occurrences(page, "<noscript").any(|at| {
        let rest = &page[at..];
        let end = rest.find("</noscript").unwrap_or(rest.len());
        rest[..end].contains("javascript")
    });
    let empty_root = [
        "<div id=\"root\"></div>",
        "<div id=\"app\"></div>",
        "<div id=\"__next\"></div>",
    ]
    .iter()
    .any(|root| page.contains(root));
    asks_for_javascript || empty_root
}

fn occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    haystack.match_indices(needle).map(|(at, _)| at)
}

#[cfg(test)]
#[path = "tests/shortfall.rs"]
mod tests;
