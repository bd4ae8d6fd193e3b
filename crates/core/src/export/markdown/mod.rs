//! Markdown: YAML front matter, then the body as CommonMark (plus GFM tables and strikethrough).
//!
//! Images stay links to their original addresses: the file stays small and plain text, and the
//! pictures return whenever it is read online. The HTML export is the one that carries them.

mod blocks;
mod inline;
mod table;

use scraper::Html;

use self::blocks::{Block, blocks_of, join};
use self::inline::escape_text;
use super::{enclosure_name, rfc3339};
use crate::api::Article;
use crate::media::image_urls;

/// The article as a Markdown file. Its images point at their original addresses, on purpose:
/// inlined, one photo would outweigh the text a hundred times.
pub fn to_markdown(article: &Article) -> String {
    let mut out = front_matter(article, &[]);
    let mut blocks = Vec::new();
    if let Some(lead) = &article.lead_image
        && !image_urls(&article.content_html).contains(lead)
    {
        blocks.push(Block::other(format!("![]({})", destination(lead))));
    }
    let fragment = Html::parse_fragment(&article.content_html);
    blocks_of(fragment.root_element().children(), &mut blocks);
    if !article.enclosures.is_empty() {
        blocks.push(Block::paragraph("Attachments:".to_string()));
        let links: Vec<String> = article
            .enclosures
            .iter()
            .map(|e| {
                let name = escape_text(&enclosure_name(e));
                format!("- [{name}]({})", destination(&e.url))
            })
            .collect();
        blocks.push(Block::other(links.join("\n")));
    }
    if !blocks.is_empty() {
        out.push('\n');
        out.push_str(&join(&blocks));
        out.push('\n');
    }
    out
}

/// The article's YAML front matter, with `extra` fields (already YAML values) at its end.
pub(super) fn front_matter(article: &Article, extra: &[(&str, String)]) -> String {
    let source = Some(article.source_title.clone());
    let fields = [
        ("title", Some(yaml_string(&article.title))),
        ("url", present(&article.url).map(yaml_string)),
        ("author", present(&article.author).map(yaml_string)),
        // A bare timestamp, which YAML (and Hugo, Jekyll, Obsidian) read as a date.
        ("date", article.published_at.and_then(rfc3339)),
        ("source", present(&source).map(yaml_string)),
        // A flow sequence, as Obsidian and Hugo read `tags`.
        (
            "tags",
            (!article.tags.is_empty()).then(|| {
                let tags: Vec<String> = article.tags.iter().map(|t| yaml_string(t)).collect();
                format!("[{}]", tags.join(", "))
            }),
        ),
    ];
    let mut out = String::from("---\n");
    for (name, value) in fields {
        if let Some(value) = value {
            out.push_str(&format!("{name}: {value}\n"));
        }
    }
    for (name, value) in extra {
        out.push_str(&format!("{name}: {}\n", yaml_string(value)));
    }
    out.push_str("---\n");
    out
}

/// Plain text (a title, a note, a quote's line) as Markdown that shows it as it is: what would
/// be syntax escaped, each line kept.
pub(super) fn paragraph_text(text: &str) -> String {
    text.lines()
        .map(|line| escape_text(line.trim_end()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.trim().is_empty())
}

/// A YAML double-quoted scalar: the one style in which no title (a colon, a leading `-` or `#`,
/// quotes, a stray control character) can change what the document means.
fn yaml_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // YAML's own line breaks, which a parser would otherwise fold.
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            // Not printable in YAML 1.2, so only allowed escaped.
            c if c.is_control() || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A link destination: parentheses and backslashes escaped, spaces and controls percent-encoded.
pub(super) fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '(' | ')' | '\\' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() || c.is_control() => {
                for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

pub(super) fn longest_run(text: &str, of: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}
