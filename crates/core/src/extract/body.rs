//! The article body: readability's choice of container, then the lines inside it a reader does
//! not count as the story (the byline and the date line, which Tidings shows as metadata), then
//! the reader policy.

use dom_query::{Document, NodeRef};
use url::Url;

use super::dates;
use crate::sanitize::{sanitize_html, text_of_sanitized};

/// The body as stored and shown.
pub(super) struct Body {
    pub html: String,
    pub text: String,
    /// Headlines in the body that link to other pages, the mark of a list of stories.
    pub story_links: usize,
}

pub(super) fn finish(content: &str, byline: Option<&str>, page_url: &Url) -> Body {
    let fragment = Document::fragment(content);
    remove_meta_lines(&fragment, byline);
    let story_links = count_story_links(&fragment);
    let html = sanitize_html(&fragment.html_root().inner_html(), page_url);
    let text = text_of_sanitized(&html);
    Body {
        html,
        text,
        story_links,
    }
}

/// Removes short blocks that only repeat the byline ("By Jane Doe") or give the date.
fn remove_meta_lines(fragment: &Document, byline: Option<&str>) {
    let byline = byline.map(normalize).filter(|b| !b.is_empty());
    let mut doomed = Vec::new();
    for node in fragment.select("p, div, span, time, address").nodes() {
        if is_meta_line(node, byline.as_deref()) {
            doomed.push(node.clone());
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

fn is_meta_line(node: &NodeRef, byline: Option<&str>) -> bool {
    if has_block_children(node) || node.normalized_char_count() > 160 {
        return false;
    }
    let text = normalize(&node.text());
    if text.is_empty() || text.split(' ').count() > 10 {
        return false;
    }
    if let Some(byline) = byline {
        let named = text.strip_prefix("by ").unwrap_or(&text);
        if named == byline || (text.starts_with("by ") && named.starts_with(byline)) {
            return true;
        }
    }
    dates::is_date_line(&text)
}

fn has_block_children(node: &NodeRef) -> bool {
    node.element_children().iter().any(|c| {
        c.node_name().is_some_and(|n| {
            matches!(
                n.to_ascii_lowercase().as_str(),
                "p" | "div" | "ul" | "ol" | "table" | "section" | "figure" | "blockquote" | "img"
            )
        })
    })
}

/// Headings whose text is mostly a link to another page.
fn count_story_links(fragment: &Document) -> usize {
    fragment
        .select("h2, h3, h4")
        .nodes()
        .iter()
        .filter(|heading| {
            let heading_chars = heading.normalized_char_count();
            let link_chars: usize = heading
                .find(&["a"])
                .iter()
                .filter(|a| a.attr("href").is_some_and(|h| !h.starts_with('#')))
                .map(|a| a.normalized_char_count())
                .sum();
            heading_chars > 0 && link_chars * 2 > heading_chars
        })
        .count()
}

fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Words a reader reads: whitespace-separated runs, and each CJK character, since Chinese and
/// Japanese are written without spaces.
pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|word| {
            let cjk = word.chars().filter(|c| is_cjk(*c)).count();
            let rest = word.chars().any(|c| !is_cjk(c) && c.is_alphanumeric());
            cjk + usize::from(rest)
        })
        .sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff)
}

/// Minutes at 230 words a minute, rounded up; at least one for any text.
pub(super) fn reading_minutes(words: usize) -> u32 {
    u32::try_from(words.div_ceil(230)).unwrap_or(u32::MAX)
}
