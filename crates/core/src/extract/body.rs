//! The article body: readability's choice of container, then the lines inside it a reader does
//! not count as the story (the byline and the date line, which Tidings shows as metadata), then
//! the reader policy.

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
    let sanitized = sanitize_html(content, page_url);
    let html = without_trailing_boilerplate(&without_meta_lines(&sanitized, byline));
    let story_links = count_story_links(&html, page_url);
    let text = text_of_sanitized(&html);
    Body {
        html,
        text,
        story_links,
    }
}

/// Elements inside which a line is no longer a leaf.
const BLOCKS: &[&str] = &[
    "<p>",
    "<p ",
    "<div",
    "<ul",
    "<ol",
    "<table",
    "<section",
    "<figure",
    "<blockquote",
    "<img",
    "<h1",
    "<h2",
    "<h3",
    "<h4",
    "<h5",
    "<h6",
];

/// The sanitized body without the short leaf blocks that only repeat the byline ("By Jane Doe")
/// or give the date. Works on the reader policy's serialization, which is well-formed and
/// regular, so cutting out whole elements keeps it so, without parsing it again.
fn without_meta_lines(html: &str, byline: Option<&str>) -> String {
    let byline = byline.map(normalize).filter(|b| !b.is_empty());
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (open, close) in leaf_elements(html, &["p", "div", "span", "time", "address"]) {
        if open < copied {
            continue;
        }
        let inner = &html[open..close];
        if inner.len() < 600 && is_meta_line(&text_of_sanitized(inner), byline.as_deref()) {
            out.push_str(&html[copied..open]);
            copied = close;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// Blocks whose end of the body is looked at for what follows the story.
const TAIL_BLOCKS: &[&str] = &[
    "p", "div", "li", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td",
];

/// At most this share of the body's text is cut from its end.
const MAX_TAIL_SHARE: f64 = 0.4;

/// The body without the lines after the story that are not the story: links to other pages
/// and short labels such as "Views:", "Release date:", "Category: Press releases". Works from
/// the end, one whole leaf block at a time, and stops at the first sentence or picture.
fn without_trailing_boilerplate(html: &str) -> String {
    let leaves: Vec<(usize, usize)> = leaf_elements(html, TAIL_BLOCKS).collect();
    let total_chars = text_of_sanitized(html).chars().count().max(1);
    let mut cut = html.len();
    let mut cut_chars = 0;
    for &(open, close) in leaves.iter().rev() {
        // Only what ends the body: nothing but tags between this block and the cut, and no
        // picture or player in it or between.
        if close > cut {
            break;
        }
        let between = &html[close..cut];
        if !text_of_sanitized(between).trim().is_empty() {
            break;
        }
        let inner = &html[open..close];
        if [inner, between].iter().any(|part| has_media(part)) {
            break;
        }
        let text = text_of_sanitized(inner);
        let chars = text.trim().chars().count();
        if !is_tail_line(inner, text.trim(), chars)
            || (cut_chars + chars) as f64 > total_chars as f64 * MAX_TAIL_SHARE
        {
            break;
        }
        cut_chars += chars;
        cut = open;
    }
    if cut == html.len() {
        return html.to_string();
    }
    // Close what the cut left open.
    let kept = &html[..cut];
    let mut out = kept.to_string();
    for name in open_elements(kept).iter().rev() {
        out.push_str(&format!("</{name}>"));
    }
    out
}

fn has_media(html: &str) -> bool {
    ["<img", "<video", "<audio", "<iframe", "<picture"]
        .iter()
        .any(|tag| html.contains(tag))
}

/// A line after the story that is not the story: mostly links, or a few words that end no
/// sentence.
fn is_tail_line(inner: &str, text: &str, chars: usize) -> bool {
    if chars == 0 {
        return true;
    }
    let link_chars: usize = inner
        .split("<a ")
        .skip(1)
        .filter_map(|link| link.split_once('>').and_then(|(_, r)| r.split_once("</a>")))
        .map(|(text, _)| text_of_sanitized(text).trim().chars().count())
        .sum();
    if link_chars * 2 >= chars {
        return true;
    }
    let words = word_count(text);
    let ends_sentence = text
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '"' | '”' | '»' | ')' | '。'));
    // A list's or a table's short items are the story's own (ingredients, facts).
    let in_list = ["<li", "<td", "<dd"]
        .iter()
        .any(|tag| inner.starts_with(tag));
    words <= 8 && !ends_sentence && !in_list
}

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The elements still open at the end of `html`, outermost first. Reads the reader policy's
/// serialization, where every element but a void one has its end tag and text has no `<`.
fn open_elements(html: &str) -> Vec<&str> {
    let mut open: Vec<&str> = Vec::new();
    for (at, _) in html.match_indices('<') {
        let tag = &html[at + 1..];
        let name_of = |tag: &'_ str| -> usize {
            tag.find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(tag.len())
        };
        if let Some(closing) = tag.strip_prefix('/') {
            let name = &closing[..name_of(closing)];
            if let Some(at) = open.iter().rposition(|n| *n == name) {
                open.truncate(at);
            }
        } else {
            let name = &tag[..name_of(tag)];
            if !name.is_empty() && !VOID.contains(&name) {
                open.push(name);
            }
        }
    }
    open
}

/// The byte ranges of elements named in `names` that hold no block inside them.
fn leaf_elements<'a>(
    html: &'a str,
    names: &'a [&'a str],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(offset) = html[at..].find('<') {
            let open = at + offset;
            at = open + 1;
            let rest = &html[at..];
            let Some(name) = names.iter().find(|n| {
                rest.starts_with(**n) && matches!(rest.as_bytes().get(n.len()), Some(b'>' | b' '))
            }) else {
                continue;
            };
            let start_end = open + html[open..].find('>')? + 1;
            let end_tag = format!("</{name}>");
            let close = start_end + html[start_end..].find(&end_tag)?;
            let inner = &html[start_end..close];
            let nested = format!("<{name}");
            if inner.contains(&nested) || BLOCKS.iter().any(|b| inner.contains(b)) {
                continue;
            }
            return Some((open, close + end_tag.len()));
        }
        None
    })
}

fn is_meta_line(text: &str, byline: Option<&str>) -> bool {
    let text = normalize(text);
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

/// Headings whose text is mostly a link to another page.
fn count_story_links(html: &str, page_url: &Url) -> usize {
    let mut this_page = page_url.clone();
    this_page.set_fragment(None);
    let same_page = format!("{this_page}#");
    leaf_elements(html, &["h2", "h3", "h4"])
        .filter(|(open, close)| {
            let heading = &html[*open..*close];
            let heading_chars = text_of_sanitized(heading).chars().count();
            let link_chars: usize = heading
                .split("<a href=\"")
                .skip(1)
                .filter(|link| !link.starts_with('#') && !link.starts_with(&same_page))
                .filter_map(|link| link.split_once('>').and_then(|(_, r)| r.split_once("</a>")))
                .map(|(text, _)| text_of_sanitized(text).chars().count())
                .sum();
            heading_chars > 0 && link_chars * 2 > heading_chars
        })
        .count()
}

/// `text`'s words, lowercased, one space apart.
pub(super) fn normalize(text: &str) -> String {
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

#[cfg(test)]
#[path = "tests/body.rs"]
mod tests;
