//! What news sites put around and inside an article that is not the article: navigation,
//! breadcrumbs, share bars, cookie banners, ad slots, newsletter boxes, related and most-read
//! lists, comments, and "Read more:" links between paragraphs.
//!
//! Readability scores containers by their text, so a long comment thread or a related-links box
//! inside the article's container survives it, and a short article's container can lose to its
//! parent (comments included). Removing these before scoring fixes both. Everything here is
//! matched on names sites give such blocks (class, id, aria-label, role) or on the few words they
//! consist of, never on position, so an article's own paragraphs are never at risk from a rule
//! that merely guessed.

use dom_query::{Document, NodeRef};

/// Name parts that mark a block as clutter wherever it sits, however much text it holds.
const ALWAYS: &[&str] = &[
    "comments",
    "comment",
    "disqus",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "sharebar",
    "outbrain",
    "taboola",
    "breadcrumb",
    "breadcrumbs",
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "advertising",
    "dfp",
];

/// Name parts that mark clutter only on a short block or a list of links: sites also use these
/// words on wrappers ("post related-enabled", a paywall's `id="read-more"` around the story,
/// "entry themeform share" and "share-zone" around a whole article).
const WHEN_SMALL: &[&str] = &[
    "share",
    "sharing",
    "social",
    "modal",
    "popup",
    "flyout",
    "overlay",
    "related",
    "recommended",
    "recirculation",
    "promo",
    "sponsored",
    "subscribe",
    "subscription",
    "signup",
    "tags",
    "mostread",
    // What follows a blog post: its footer (the byline is often in its metadata: kept).
    "entryfooter",
    // Star ratings and "rate this article", disclaimers under a post.
    "rating",
    "ratings",
    "rate",
    "disclaimer",
];

/// Two-part names, matched on consecutive parts ("most-read", "more_stories").
const PAIRS: &[(&str, &str)] = &[
    ("most", "read"),
    ("most", "popular"),
    ("read", "more"),
    ("more", "stories"),
    ("sign", "up"),
    ("see", "also"),
    ("entry", "footer"),
    ("entry", "utility"),
    ("post", "footer"),
    ("article", "footer"),
    ("author", "bio"),
    ("about", "author"),
    ("tag", "links"),
    ("news", "letter"),
];

/// Whole texts of ad labels and placeholders.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "ad",
    "anzeige",
    "publicité",
    "publicidad",
    "pubblicità",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
];

/// How "see more" lines between paragraphs begin.
const LINK_LINE_STARTS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "related:",
    "related stories",
    "related articles",
    "see also",
    "more:",
    "recommended:",
    "watch:",
    "listen:",
    "click here",
    // The same lines in the other languages people read here.
    "lesen sie auch",
    "lies auch",
    "schon gelesen",
    "mehr zum thema",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "lea también",
    "lee también",
    "lea más",
    "lee más",
    "le puede interesar",
    "te puede interesar",
    "leia também",
    "leia mais",
    "veja também",
    "leggi anche",
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
    "lees ook",
];

/// Removes clutter from the page in place.
pub(super) fn remove(doc: &Document) {
    let Some(body) = doc.body() else {
        return;
    };
    let page_chars = std::cell::OnceCell::new();
    let page_chars = || *page_chars.get_or_init(|| body.normalized_char_count().max(1));
    let mut doomed = Vec::new();
    // Walk the tree in document order without entering blocks already found to be clutter.
    let mut next = body.first_child();
    while let Some(node) = next {
        let is_clutter = node.is_element() && is_clutter(&node, page_chars);
        next = if is_clutter { None } else { node.first_child() };
        if is_clutter {
            doomed.push(node);
        }
        let mut at = node;
        while next.is_none() {
            next = at.next_sibling();
            match at.parent() {
                Some(parent) if next.is_none() && parent.id != body.id => at = parent,
                _ => break,
            }
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
    remove_doubled_pull_quotes(doc, &body);
}

/// Pull quotes repeat a sentence of the article in large type; in a reader's single column they
/// only say it twice. One that quotes nothing from the article is kept.
fn remove_doubled_pull_quotes(doc: &Document, body: &NodeRef) {
    let quotes = doc.select(r#"[class*="pull" i]"#);
    if quotes.is_empty() {
        return;
    }
    let page_text = super::body::normalize(&body.text());
    for quote in quotes.nodes() {
        let is_pull_quote = names_of(quote).iter().any(|name| {
            name.split('-')
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| w == ["pull", "quote"])
                || name.split('-').any(|part| part == "pullquote")
        });
        if !is_pull_quote || quote.normalized_char_count() > 400 {
            continue;
        }
        let words = super::body::normalize(&quote.text());
        let words = words.trim_matches(|c: char| !c.is_alphanumeric());
        if !words.is_empty() && page_text.matches(words).count() >= 2 {
            quote.remove_from_parent();
        }
    }
}

fn is_clutter(node: &NodeRef, page_chars: impl Fn() -> usize) -> bool {
    let Some(tag) = node.node_name() else {
        return false;
    };
    // html5ever lowercases the names of HTML elements.
    let tag = &*tag;
    if matches!(tag, "main" | "h1") {
        return false;
    }
    if tag == "nav"
        || node
            .attr("role")
            .is_some_and(|r| r.eq_ignore_ascii_case("navigation"))
    {
        return !holds_article(node);
    }
    for name in names_of(node) {
        let parts: Vec<&str> = name.split('-').collect();
        // Long names are slugs of headings ("sharing-with-a-single-developer"), not roles.
        if parts.len() > 3 {
            continue;
        }
        // A live ticker's entries ("live-match-comment") are the story, not readers' comments.
        let live = parts.contains(&"live");
        // "no-share", "no-ads": a block that has none.
        let has = |list: &[&str]| {
            parts.iter().enumerate().any(|(i, p)| {
                !p.is_empty()
                    && list.contains(p)
                    && (i == 0 || parts[i - 1] != "no")
                    && !(live && matches!(*p, "comment" | "comments"))
            })
        };
        let pair = parts
            .windows(2)
            .any(|w| PAIRS.iter().any(|(a, b)| w[0] == *a && w[1] == *b));
        if has(ALWAYS) && !holds_article(node) {
            return true;
        }
        if (has(WHEN_SMALL) || pair)
            && !holds_article(node)
            && is_small_or_links(node, page_chars())
        {
            return true;
        }
    }
    matches!(tag, "p" | "div" | "span" | "li" | "aside" | "section") && is_filler_text(node)
}

/// A block of under 400 characters, or mostly link text, and under 40% of the page's text.
fn is_small_or_links(node: &NodeRef, page_chars: usize) -> bool {
    let chars = node.normalized_char_count();
    if chars * 5 >= page_chars * 2 {
        return false;
    }
    chars < 400 || link_chars(node) * 5 >= chars * 2
}

fn link_chars(node: &NodeRef) -> usize {
    node.find(&["a"])
        .iter()
        .map(NodeRef::normalized_char_count)
        .sum()
}

/// The names sites give their blocks, lowercased, words of camel case apart
/// ("RelatedCoverage" is "related-coverage"): each class, the id and the aria-label.
fn names_of(node: &NodeRef) -> Vec<String> {
    let mut names = Vec::new();
    for attr in ["class", "id", "aria-label"] {
        if let Some(value) = node.attr(attr) {
            if attr == "class" {
                names.extend(value.split_whitespace().map(words_of));
            } else {
                names.push(words_of(&value));
            }
        }
    }
    names
}

/// The words of `name`, lowercased and joined by dashes: split at punctuation and where a
/// capital letter follows a small one; parts with digits (hashes of CSS modules, as in
/// "container-3AnS", and numbers) left out.
fn words_of(name: &str) -> String {
    let mut words = String::with_capacity(name.len() + 4);
    let parts = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty() && !p.contains(|c: char| c.is_ascii_digit()));
    for part in parts {
        if !words.is_empty() {
            words.push('-');
        }
        let mut after_small = false;
        for c in part.chars() {
            if c.is_uppercase() && after_small {
                words.push('-');
            }
            after_small = c.is_lowercase();
            words.extend(c.to_lowercase());
        }
    }
    words
}

/// A block holding the page's headline or named as the article body is never clutter, whatever
/// else its names say ("sc-ad-container article-content").
fn holds_article(node: &NodeRef) -> bool {
    super::named_body::is_named_body(node) || !node.find(&["h1"]).is_empty()
}

/// An ad label, or a short line that is mostly a link to another story ("Read more: ...").
fn is_filler_text(node: &NodeRef) -> bool {
    // Children first: counting a block's characters walks all of it.
    if has_block_children(node) {
        return false;
    }
    let chars = node.normalized_char_count();
    if chars == 0 || chars > 300 {
        return false;
    }
    let text = node.text();
    let text = text.trim();
    let lower = text.to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    // "Advertisement:", "- Anzeige -"
    let label = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if AD_LABELS.contains(&label) {
        return true;
    }
    if LINK_LINE_STARTS
        .iter()
        .any(|start| lower.starts_with(start))
    {
        return link_chars(node) * 2 >= text.chars().count();
    }
    false
}

fn has_block_children(node: &NodeRef) -> bool {
    node.element_children().iter().any(|child| {
        child.node_name().is_some_and(|name| {
            !matches!(
                &*name,
                "a" | "b" | "strong" | "i" | "em" | "span" | "small" | "br" | "img" | "time"
            )
        })
    })
}

#[cfg(test)]
#[path = "tests/clutter.rs"]
mod tests;
