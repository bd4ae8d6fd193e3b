//! A forgiving XML reader that rewrites a broken document as well-formed XML, so feed-rs can read
//! what a browser would. It runs only when feed-rs's first reading of a document failed or came
//! up short, so it can afford to copy.
//!
//! What it mends, in the order real feeds need it: stray text before the root and after it; bare
//! `&` and `<` in text and attributes; entities declared in the DOCTYPE; unquoted, valueless and
//! duplicate attributes; end tags that close the wrong element (they close up to the matching
//! open one, or are dropped); and truncation: a document cut off mid-item loses that item, keeps
//! the complete ones before it, and has its open elements closed.
//!
//! It works on bytes, so any ASCII-compatible charset passes through untouched for the XML reader
//! to decode (every byte that matters to XML syntax is ASCII, and no multi-byte charset a feed
//! would use reuses those bytes inside a character).

mod markup;

use self::markup::{
    entity_declarations, escape_raw, fix_reference, is_name_start, is_xml_byte, parse_start_tag,
};
use super::dialect::{Body, Dialect, Opened, Tag};
use crate::scan::{find, find_byte};

/// The document, well-formed; `dialect` adjusts elements as they are written.
pub(super) fn rewrite(input: &[u8], dialect: &mut Dialect) -> Vec<u8> {
    let mut writer = Writer {
        input,
        out: Vec::with_capacity(input.len() + input.len() / 16),
        open: Vec::new(),
        root_closed: false,
        entities: Vec::new(),
        capture: None,
    };
    writer.run(dialect);
    writer.out
}

struct OpenElement {
    /// As written out, after the dialect's renaming.
    name: String,
    /// As the input names it, for matching its end tag.
    source_name: String,
    /// Where its start tag begins in the output, so a truncated item can be cut away.
    starts_at: usize,
}

struct Writer<'a> {
    input: &'a [u8],
    out: Vec<u8>,
    open: Vec<OpenElement>,
    root_closed: bool,
    /// General entities declared in the DOCTYPE's internal subset.
    entities: Vec<(String, Vec<u8>)>,
    /// Text being collected for an element whose body needs decoding (base64), with its depth.
    capture: Option<(usize, Vec<u8>)>,
}

impl Writer<'_> {
    fn run(&mut self, dialect: &mut Dialect) {
        let input = self.input;
        let mut i = 0;
        while i < input.len() {
            let next = if input[i] == b'<' {
                self.markup(i, dialect)
            } else if input[i] == b'&' {
                let (text, used) = self.reference(&input[i..]);
                self.text(&text);
                Some(i + used)
            } else {
                let end = input[i..]
                    .iter()
                    .position(|b| *b == b'<' || *b == b'&')
                    .map_or(input.len(), |n| i + n);
                self.text(&input[i..end]);
                Some(end)
            };
            match next {
                Some(next) => i = next,
                // Cut off inside markup: whatever came before is all there is.
                None => break,
            }
        }
        self.finish();
    }

    /// Handles the markup at `i` (a `<`); returns where to continue, or `None` at a truncation.
    fn markup(&mut self, i: usize, dialect: &mut Dialect) -> Option<usize> {
        let rest = &self.input[i..];
        if rest.starts_with(b"<!--") {
            return find(rest, b"-->").map(|end| i + end + 3);
        }
        if rest.starts_with(b"<![CDATA[") {
            let body = &rest[9..];
            let end = find(body, b"]]>");
            let content = &body[..end.unwrap_or(body.len())];
            self.cdata(content);
            return end.map(|end| i + 9 + end + 3);
        }
        if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!DOCTYPE") {
            return self.doctype(i);
        }
        if rest.starts_with(b"<?") {
            let end = find(rest, b"?>")?;
            // The declaration names the charset, so it is kept, and only where it is valid.
            if rest.starts_with(b"<?xml ") && self.out.is_empty() {
                self.out.extend_from_slice(&rest[..end + 2]);
            }
            return Some(i + end + 2);
        }
        match rest.get(1) {
            Some(b'/') => {
                let end = find(rest, b">")?;
                let name = String::from_utf8_lossy(rest[2..end].trim_ascii()).into_owned();
                self.end_tag(&name);
                Some(i + end + 1)
            }
            Some(&b) if is_name_start(b) => {
                let (tag, self_closing, used) = parse_start_tag(rest, &self.entities)?;
                Some(self.start_tag(tag, self_closing, i + used, dialect))
            }
            // A `<` that starts no markup is text (`a < b`, `<3`).
            _ => {
                self.text(b"&lt;");
                Some(i + 1)
            }
        }
    }

    fn doctype(&mut self, i: usize) -> Option<usize> {
        let rest = &self.input[i..];
        let close = find(rest, b">")?;
        let Some(open_subset) = find(&rest[..close], b"[") else {
            return Some(i + close + 1);
        };
        let subset_end = open_subset + find(&rest[open_subset..], b"]")?;
        let subset = &rest[open_subset + 1..subset_end];
        self.entities.extend(entity_declarations(subset));
        let end = subset_end + find(&rest[subset_end..], b">")?;
        Some(i + end + 1)
    }

    /// Writes a start tag (and what the dialect adds); returns where to continue reading.
    fn start_tag(
        &mut self,
        mut tag: Tag,
        self_closing: bool,
        after: usize,
        dialect: &mut Dialect,
    ) -> usize {
        if self.root_closed || self.capture.is_some() {
            return after;
        }
        let source_name = tag.name.clone();
        let open: Vec<&str> = self.open.iter().map(|e| e.name.as_str()).collect();
        let Opened {
            body,
            children,
            wrapper,
        } = dialect.start_tag(
            &mut tag,
            self_closing,
            &open,
            self.input,
            &self.input[after..],
        );
        if body == Body::Dropped {
            return if self_closing {
                after
            } else {
                self.skip_content(after, &source_name)
            };
        }
        let starts_at = self.out.len();
        self.out.push(b'<');
        self.out.extend_from_slice(tag.name.as_bytes());
        for (name, value) in &tag.attributes {
            self.out.push(b' ');
            self.out.extend_from_slice(name.as_bytes());
            self.out.extend_from_slice(b"=\"");
            self.out.extend_from_slice(value.as_bytes());
            self.out.push(b'"');
        }
        self.out.push(b'>');
        self.open.push(OpenElement {
            name: tag.name,
            source_name,
            starts_at,
        });
        if let Some(wrapper) = wrapper {
            let wrapper_at = self.out.len();
            self.out
                .extend_from_slice(format!("<{wrapper}>").as_bytes());
            self.open.push(OpenElement {
                name: wrapper.to_string(),
                source_name: String::new(),
                starts_at: wrapper_at,
            });
        }
        self.out.extend_from_slice(&children);
        if self_closing {
            let depth = self.open.iter().rposition(|e| e.starts_at == starts_at);
            while depth.is_some_and(|d| self.open.len() > d) {
                self.close_innermost();
            }
            self.root_closed = self.open.is_empty();
        } else if body == Body::Base64 {
            self.capture = Some((self.open.len() - 1, Vec::new()));
        } else if body == Body::Markup {
            return self.markup_as_text(after);
        }
        after
    }

    /// Writes the content of the element just opened, markup and all, as escaped text, and
    /// closes it; returns where its end tag ends.
    fn markup_as_text(&mut self, after: usize) -> usize {
        let Some(element) = self.open.last() else {
            return after;
        };
        let close = format!("</{}", element.source_name);
        let rest = &self.input[after..];
        let (content, next) = match find(rest, close.as_bytes()) {
            Some(end) => {
                let tag_end = find(&rest[end..], b">").map_or(rest.len(), |n| end + n + 1);
                (&rest[..end], after + tag_end)
            }
            None => (rest, self.input.len()),
        };
        self.out.extend_from_slice(&escape_raw(content));
        self.close_innermost();
        next
    }

    /// Where the element whose start tag ends at `after` ends, when its end tag is the next tag
    /// (its content is text); else `after`, and the content is read as its parent's. Looking no
    /// further than the next tag keeps a document of unclosed elements linear.
    fn skip_content(&self, after: usize, source_name: &str) -> usize {
        let rest = &self.input[after..];
        let Some(next_tag) = find_byte(b'<', rest) else {
            return after;
        };
        let Some(end_tag) = rest[next_tag..].strip_prefix(b"</") else {
            return after;
        };
        let Some(tag_end) = end_tag
            .strip_prefix(source_name.as_bytes())
            .filter(|after_name| after_name.trim_ascii_start().first() == Some(&b'>'))
        else {
            return after;
        };
        let closing = tag_end.trim_ascii_start();
        self.input.len() - closing.len() + 1
    }

    fn end_tag(&mut self, name: &str) {
        // XML names are case-sensitive, but old formats (CDF) and hand-written feeds are not.
        let depth = self
            .open
            .iter()
            .rposition(|e| e.source_name == name)
            .or_else(|| {
                self.open
                    .iter()
                    .rposition(|e| e.source_name.eq_ignore_ascii_case(name))
            });
        let Some(depth) = depth else {
            return;
        };
        while self.open.len() > depth {
            self.close_innermost();
        }
        if self.open.is_empty() {
            self.root_closed = true;
        }
    }

    fn close_innermost(&mut self) {
        let Some(element) = self.open.pop() else {
            return;
        };
        if let Some((depth, captured)) = self.capture.take() {
            if depth == self.open.len() {
                match crate::feeds::base64::decode_text(&captured) {
                    Some(text) => self.out.extend_from_slice(&escape_raw(text.as_bytes())),
                    None => self.out.extend_from_slice(&captured),
                }
            } else {
                self.capture = Some((depth, captured));
            }
        }
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(element.name.as_bytes());
        self.out.push(b'>');
    }

    /// Text that is already well-formed XML (entities escaped).
    fn text(&mut self, text: &[u8]) {
        if self.open.is_empty() {
            return;
        }
        if let Some((_, captured)) = &mut self.capture {
            captured.extend_from_slice(text);
            return;
        }
        self.out
            .extend(text.iter().copied().filter(|b| is_xml_byte(*b)));
    }

    fn cdata(&mut self, content: &[u8]) {
        if self.open.is_empty() {
            return;
        }
        if let Some((_, captured)) = &mut self.capture {
            captured.extend_from_slice(content);
            return;
        }
        self.out.extend_from_slice(b"<![CDATA[");
        self.out
            .extend(content.iter().copied().filter(|b| is_xml_byte(*b)));
        self.out.extend_from_slice(b"]]>");
    }

    /// The well-formed text for the `&` at the start of `rest`, and how many bytes it used.
    fn reference(&self, rest: &[u8]) -> (Vec<u8>, usize) {
        fix_reference(rest, &self.entities)
    }

    /// At the end of input: drop an item that was cut off, then close what is still open.
    fn finish(&mut self) {
        if let Some(cut) = self
            .open
            .iter()
            .position(|e| matches!(local_name(&e.name), "item" | "entry"))
        {
            self.out.truncate(self.open[cut].starts_at);
            self.open.truncate(cut);
            self.capture = None;
        }
        while !self.open.is_empty() {
            self.close_innermost();
        }
    }
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

#[cfg(test)]
mod tests;
