//! The inline content of one paragraph, heading or table cell: text with HTML's whitespace
//! collapsed and Markdown's special characters escaped, emphasis, links, images and code.

use scraper::{ElementRef, Node};

use super::blocks::is_block;
use super::{destination, longest_run};
use crate::export::too_deep;

/// What sits between two pieces of inline content. Owed, not written, until something follows:
/// HTML drops whitespace at the edges of a block, and Markdown's emphasis must not begin or end
/// with a space (`* a*` is not emphasis), so edge whitespace moves outside the marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    #[default]
    None,
    Space,
    /// A hard line break (`\` at the end of a line).
    Break,
}

#[derive(Default)]
pub(super) struct Inline {
    out: String,
    gap: Gap,
    /// A gap owed before anything was written, for an enclosing element to place outside its marks.
    leading: Gap,
    /// Breaks become spaces: headings and table cells are one line.
    flat: bool,
    in_link: bool,
    in_emphasis: bool,
    in_strong: bool,
    in_strikethrough: bool,
}

impl Inline {
    /// An element's content on one line.
    pub(super) fn flat_text(element: ElementRef) -> String {
        let mut inline = Inline {
            flat: true,
            ..Inline::default()
        };
        inline.children(element);
        inline.take()
    }

    /// What has been written so far; the owed gaps at either edge are dropped.
    pub(super) fn take(&mut self) -> String {
        self.gap = Gap::None;
        self.leading = Gap::None;
        std::mem::take(&mut self.out)
    }

    fn nested(&self) -> Inline {
        Inline {
            flat: self.flat,
            in_link: self.in_link,
            in_emphasis: self.in_emphasis,
            in_strong: self.in_strong,
            in_strikethrough: self.in_strikethrough,
            ..Inline::default()
        }
    }

    fn owe(&mut self, gap: Gap) {
        let gap = if self.flat { gap.min(Gap::Space) } else { gap };
        if self.out.is_empty() {
            self.leading = self.leading.max(gap);
        } else {
            self.gap = self.gap.max(gap);
        }
    }

    fn write(&mut self, markdown: &str) {
        match std::mem::take(&mut self.gap) {
            Gap::None => {}
            Gap::Space => self.out.push(' '),
            Gap::Break => self.out.push_str("\\\n"),
        }
        self.out.push_str(markdown);
    }

    pub(super) fn text(&mut self, text: &str) {
        for (i, word) in text.split(is_html_space).enumerate() {
            if i > 0 {
                self.owe(Gap::Space);
            }
            if !word.is_empty() {
                self.write(&escape_text(word));
            }
        }
    }

    fn children(&mut self, element: ElementRef) {
        for node in element.children() {
            if let Some(child) = ElementRef::wrap(node) {
                self.element(child);
            } else if let Node::Text(text) = node.value() {
                self.text(text);
            }
        }
    }

    pub(super) fn element(&mut self, element: ElementRef) {
        if too_deep(element) {
            return self.text(&element.text().collect::<String>());
        }
        match element.value().name() {
            "br" => self.owe(Gap::Break),
            "img" => self.image(element),
            "a" => self.link(element),
            "code" | "kbd" | "samp" | "tt" => self.code(element),
            // Nested emphasis of one kind would double its marks into the other kind.
            "em" | "i" | "cite" | "dfn" | "var" if !self.in_emphasis => {
                self.wrap(element, "*", "*", |i| i.in_emphasis = true)
            }
            "strong" | "b" if !self.in_strong => {
                self.wrap(element, "**", "**", |i| i.in_strong = true)
            }
            "del" | "s" | "strike" if !self.in_strikethrough => {
                self.wrap(element, "~~", "~~", |i| i.in_strikethrough = true)
            }
            "q" => self.wrap(element, "“", "”", |_| {}),
            // A block inside a link, or inside a heading or table cell, read as a run of text.
            name if is_block(name) => {
                self.owe(Gap::Space);
                self.children(element);
                self.owe(Gap::Space);
            }
            _ => self.children(element),
        }
    }

    fn wrap(
        &mut self,
        element: ElementRef,
        open: &str,
        close: &str,
        inside: impl FnOnce(&mut Inline),
    ) {
        let mut inner = self.nested();
        inside(&mut inner);
        inner.children(element);
        self.enclose(inner, open, close);
    }

    /// Writes `inner` between `open` and `close`, with its edge gaps outside them.
    fn enclose(&mut self, inner: Inline, open: &str, close: &str) {
        self.owe(inner.leading);
        if !inner.out.is_empty() {
            self.write(open);
            self.out.push_str(&inner.out);
            self.out.push_str(close);
        }
        self.owe(inner.gap);
    }

    fn link(&mut self, element: ElementRef) {
        let href = element.value().attr("href").map(str::trim);
        let Some(href) = href.filter(|h| !h.is_empty() && !self.in_link) else {
            return self.children(element);
        };
        let mut inner = self.nested();
        inner.in_link = true;
        inner.children(element);
        self.enclose(inner, "[", &format!("]({})", destination(href)));
    }

    fn image(&mut self, element: ElementRef) {
        let alt = collapse(element.value().attr("alt").unwrap_or_default());
        match element.value().attr("src").map(str::trim) {
            Some(src) if !src.is_empty() => {
                let markdown = format!("![{}]({})", escape_text(&alt), destination(src));
                self.write(&markdown);
            }
            _ if !alt.is_empty() => self.write(&escape_text(&alt)),
            _ => {}
        }
    }

    fn code(&mut self, element: ElementRef) {
        let raw: String = element.text().collect();
        if raw.starts_with(is_html_space) {
            self.owe(Gap::Space);
        }
        let code = collapse(&raw);
        if !code.is_empty() {
            let fence = "`".repeat(longest_run(&code, '`') + 1);
            // A span's content may not begin or end with its own fence character.
            let pad = if code.starts_with('`') || code.ends_with('`') {
                " "
            } else {
                ""
            };
            self.write(&format!("{fence}{pad}{code}{pad}{fence}"));
        }
        if raw.ends_with(is_html_space) {
            self.owe(Gap::Space);
        }
    }
}

/// HTML's whitespace; a no-break space is text.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

fn collapse(text: &str) -> String {
    text.split(is_html_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Backslash-escapes what Markdown would read as markup inside running text. An underscore
/// between letters (`snake_case`) can't be emphasis and stays bare, as does a `&` that can't
/// start a character reference. Characters that only matter at the start of a line are escaped there.
pub(super) fn escape_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' => true,
            '_' => {
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            '&' => looks_like_entity(&chars[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `&` followed by `rest` would be read as a character reference (`&amp;`, `&#38;`).
fn looks_like_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}
