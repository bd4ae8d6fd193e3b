//! The blocks of a body: paragraphs, headings, lists, quotes, code, and where blank lines go.

use std::ops::Deref;

use scraper::{ElementRef, Node};

use super::inline::Inline;
use super::longest_run;
use super::table::table;
use crate::export::too_deep;

/// A node of the parsed body; named through `ElementRef` because scraper doesn't re-export
/// ego_tree.
type NodeRef<'a> = <ElementRef<'a> as Deref>::Target;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    /// `interrupts`: the list can start right under a paragraph line (bullets, or numbers from 1).
    List {
        marker: char,
        interrupts: bool,
    },
    Other,
}

pub(super) struct Block {
    text: String,
    kind: Kind,
}

impl Block {
    pub(super) fn other(text: String) -> Block {
        Block {
            text,
            kind: Kind::Other,
        }
    }

    pub(super) fn paragraph(text: String) -> Block {
        Block {
            text: escape_line_starts(&text),
            kind: Kind::Paragraph,
        }
    }
}

/// The blocks with a blank line between each two.
pub(super) fn join(blocks: &[Block]) -> String {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    texts.join("\n\n")
}

/// A list item's blocks joined, and whether a blank line separates any two of them (which makes
/// the list loose). A paragraph and a list under it stay together (`- a` / `  - b`), as they
/// would in a tight list.
fn join_item(blocks: &[Block]) -> (String, bool) {
    let mut text = String::new();
    let mut blank_line = false;
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            let tight = blocks[i - 1].kind == Kind::Paragraph
                && matches!(
                    block.kind,
                    Kind::List {
                        interrupts: true,
                        ..
                    }
                );
            blank_line |= !tight;
            text.push_str(if tight { "\n" } else { "\n\n" });
        }
        text.push_str(&block.text);
    }
    (text, blank_line)
}

pub(super) fn blocks_of<'a>(nodes: impl Iterator<Item = NodeRef<'a>>, out: &mut Vec<Block>) {
    let mut inline = Inline::default();
    for node in nodes {
        if let Some(element) = ElementRef::wrap(node) {
            if starts_block(element) {
                flush(&mut inline, out);
                block(element, out);
            } else {
                inline.element(element);
            }
        } else if let Node::Text(text) = node.value() {
            inline.text(text);
        }
    }
    flush(&mut inline, out);
}

fn flush(inline: &mut Inline, out: &mut Vec<Block>) {
    let text = inline.take();
    if !text.trim().is_empty() {
        out.push(Block::paragraph(text));
    }
}

pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "hr"
            | "figure"
            | "figcaption"
            | "table"
            | "caption"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "hgroup"
    )
}

/// Whether an element is laid out as blocks. An inline element wrapping blocks (`<span><p>`) is
/// unwrapped; a link wrapping blocks (a card: `<a><h2>…<p>…</a>`) is kept as one link instead.
fn starts_block(element: ElementRef) -> bool {
    let name = element.value().name();
    is_block(name)
        || (name != "a"
            && element
                .descendants()
                .skip(1)
                .any(|n| n.value().as_element().is_some_and(|e| is_block(e.name()))))
}

fn block(element: ElementRef, out: &mut Vec<Block>) {
    if too_deep(element) {
        let mut inline = Inline::default();
        inline.text(&element.text().collect::<String>());
        return flush(&mut inline, out);
    }
    match element.value().name() {
        name @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
            let text = Inline::flat_text(element);
            if !text.is_empty() {
                let level = usize::from(name.as_bytes()[1] - b'0');
                out.push(Block::other(format!(
                    "{} {}",
                    "#".repeat(level),
                    heading_text(&text)
                )));
            }
        }
        "ul" => list(element, false, out),
        "ol" => list(element, true, out),
        "blockquote" => {
            let mut inner = Vec::new();
            blocks_of(element.children(), &mut inner);
            if !inner.is_empty() {
                out.push(Block::other(prefix_lines(&join(&inner), "> ", ">")));
            }
        }
        "pre" => code_block(element, out),
        "hr" => out.push(Block::other("* * *".to_string())),
        "table" => table(element, out),
        _ => blocks_of(element.children(), out),
    }
}

/// A closing run of `#` after a space would be taken for the heading's optional closing marks.
fn heading_text(text: &str) -> String {
    let kept = text.trim_end_matches('#');
    if kept.len() < text.len() && (kept.is_empty() || kept.ends_with(' ')) {
        format!("{kept}\\{}", &text[kept.len()..])
    } else {
        text.to_string()
    }
}

fn list(element: ElementRef, ordered: bool, out: &mut Vec<Block>) {
    let mut items: Vec<Vec<Block>> = Vec::new();
    for child in element.children() {
        let mut blocks = Vec::new();
        match ElementRef::wrap(child).filter(|e| e.value().name() == "li") {
            Some(item) => {
                blocks_of(item.children(), &mut blocks);
                items.push(blocks);
            }
            // Text or a list straight inside a list (invalid, common): part of the item before.
            None => {
                blocks_of(std::iter::once(child), &mut blocks);
                match items.last_mut() {
                    Some(last) => last.extend(blocks),
                    None => items.push(blocks),
                }
            }
        }
    }
    items.retain(|blocks| !blocks.is_empty());
    if items.is_empty() {
        return;
    }
    // Two lists with the same marker and only a blank line between them would read as one.
    let previous = match out.last() {
        Some(Block {
            kind: Kind::List { marker, .. },
            ..
        }) => Some(*marker),
        _ => None,
    };
    let marker = match (ordered, previous) {
        (true, Some('.')) => ')',
        (true, _) => '.',
        (false, Some('-')) => '*',
        (false, _) => '-',
    };
    // CommonMark allows at most nine digits in a list number.
    const LARGEST: u64 = 999_999_999;
    let start = element
        .value()
        .attr("start")
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .min(LARGEST.saturating_sub(items.len() as u64));
    let mut loose = false;
    let rendered: Vec<String> = items
        .iter()
        .zip(start..)
        .map(|(blocks, number)| {
            let (text, blank_line) = join_item(blocks);
            loose |= blank_line;
            let bullet = if ordered {
                format!("{number}{marker} ")
            } else {
                format!("{marker} ")
            };
            let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
            let mut item = format!("{bullet}{first}");
            if !rest.is_empty() {
                item.push('\n');
                item.push_str(&prefix_lines(rest, &" ".repeat(bullet.len()), ""));
            }
            item
        })
        .collect();
    out.push(Block {
        text: rendered.join(if loose { "\n\n" } else { "\n" }),
        kind: Kind::List {
            marker,
            interrupts: !ordered || start == 1,
        },
    });
}

/// Each line after `prefix`; empty lines get `empty` (blank lines inside quotes need their `>`).
fn prefix_lines(text: &str, prefix: &str, empty: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                empty.to_string()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn code_block(element: ElementRef, out: &mut Vec<Block>) {
    let mut code = String::new();
    for node in element.descendants() {
        match node.value() {
            Node::Text(text) => code.push_str(text),
            Node::Element(e) if e.name() == "br" => code.push('\n'),
            _ => {}
        }
    }
    let code = code.trim_start_matches(['\n', '\r']).trim_end();
    if code.is_empty() {
        return;
    }
    let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
    out.push(Block::other(format!("{fence}\n{code}\n{fence}")));
}

/// Escapes what would start a block at the beginning of a line of a paragraph (its first line, or
/// one after a hard break): headings, quotes, list items, thematic breaks, setext underlines.
fn escape_line_starts(paragraph: &str) -> String {
    paragraph
        .split('\n')
        .map(escape_line_start)
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape_line_start(line: &str) -> String {
    let bytes = line.as_bytes();
    let ends_marker = |at: usize| matches!(bytes.get(at), None | Some(b' ' | b'\t'));
    let only = |c: u8| bytes.iter().all(|&b| b == c || b == b' ');
    let at = match bytes.first() {
        Some(b'>') => Some(0),
        Some(b'#') => {
            let run = bytes.iter().take_while(|&&b| b == b'#').count();
            (run <= 6 && ends_marker(run)).then_some(0)
        }
        Some(b'-' | b'+') if ends_marker(1) || only(b'-') => Some(0),
        Some(b'=') if only(b'=') => Some(0),
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            (digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && ends_marker(digits + 1))
            .then_some(digits)
        }
        _ => None,
    };
    match at {
        Some(at) => format!("{}\\{}", &line[..at], &line[at..]),
        None => line.to_string(),
    }
}
