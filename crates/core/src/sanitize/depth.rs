//! A cheap, linear estimate of how deeply HTML nests, taken before any parser sees it:
//! html5ever checks its stack of open elements on many tags, so 100,000 nested `<div>`s take
//! seconds (quadratic) to parse, and ammonia half a minute. Real pages nest 20 to 60 deep.

use crate::scan::find_byte as memchr;
/// The deepest nesting of tags that need an explicit end tag, ignoring raw-text elements'
/// contents. An overestimate on sloppy pages at worst, and a page's depth can only be that high
/// if it has that many open tags.
pub(crate) fn estimated_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut deepest = 0;
    // Open <svg> and <math> elements, where XML's self-closing tags hold.
    let mut foreign: usize = 0;
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
        // Known tag names are short; longer ones (custom elements) need end tags.
        let mut lower = [0u8; 10];
        let name = match lower.get_mut(..end - start) {
            Some(buffer) => {
                buffer.copy_from_slice(&bytes[start..end]);
                buffer.make_ascii_lowercase();
                &buffer[..]
            }
            None => &[][..],
        };
        if !closing && matches!(name, b"script" | b"style" | b"textarea" | b"title") {
            // Skip to the matching end tag: its contents are text, not tags.
            at = end_tag(bytes, end, name).unwrap_or(bytes.len());
            continue;
        }
        if !name.is_empty() && !needs_end_tag(name) {
            continue;
        }
        // Inside <svg> and <math> a tag written `<use ... />` closes itself (icon sprites
        // repeat it hundreds of times); an HTML element there ends that foreign content.
        let starts_foreign = matches!(name, b"svg" | b"math");
        if !closing && foreign > 0 && !starts_foreign && breaks_out_of_foreign_content(name) {
            foreign = 0;
        } else if !closing && (foreign > 0 || starts_foreign) && is_self_closing(bytes, end) {
            continue;
        }
        if starts_foreign {
            foreign = if closing {
                foreign.saturating_sub(1)
            } else {
                foreign + 1
            };
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

/// Whether the start tag whose name ends at `from` ends with `/>`, read the way the HTML
/// tokenizer reads attributes: a `/` or `>` inside a quoted value is text, and a `/` inside an
/// unquoted value is part of it.
fn is_self_closing(bytes: &[u8], from: usize) -> bool {
    enum State {
        BetweenAttributes,
        BeforeValue,
        UnquotedValue,
    }
    let mut state = State::BetweenAttributes;
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        if byte == b'>' {
            return false;
        }
        state = match state {
            State::BetweenAttributes if byte == b'/' && bytes.get(at + 1) == Some(&b'>') => {
                return true;
            }
            State::BetweenAttributes if byte == b'=' => State::BeforeValue,
            State::BetweenAttributes => State::BetweenAttributes,
            State::BeforeValue if byte.is_ascii_whitespace() => State::BeforeValue,
            State::BeforeValue if matches!(byte, b'"' | b'\'') => {
                match memchr(byte, &bytes[at + 1..]) {
                    Some(n) => at += 1 + n,
                    None => return false,
                }
                State::BetweenAttributes
            }
            State::BeforeValue | State::UnquotedValue if byte.is_ascii_whitespace() => {
                State::BetweenAttributes
            }
            State::BeforeValue | State::UnquotedValue => State::UnquotedValue,
        };
        at += 1;
    }
    false
}

/// HTML elements that end `<svg>` or `<math>` content when they appear inside it.
fn breaks_out_of_foreign_content(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"center"
            | b"code"
            | b"div"
            | b"dl"
            | b"em"
            | b"font"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"i"
            | b"listing"
            | b"menu"
            | b"nobr"
            | b"ol"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strike"
            | b"strong"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
    )
}

/// Where `</name` next starts at or after `from`, ignoring ASCII case.
pub(crate) fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
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

/// Tags that stay open until closed: not void elements, and not those the parser closes on its
/// own (`p`, `li`, table cells and the like).
fn needs_end_tag(name: &[u8]) -> bool {
    !matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"option"
            | b"optgroup"
            | b"colgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
    )
}

/// Deeper than this, HTML is not parsed at all (see the module comment).
pub(crate) const MAX_DEPTH: usize = 400;
/// One tag longer than this (tens of thousands of attributes) is refused too: html5ever checks
/// each new attribute against the tag's others, so such a tag costs quadratic time.
pub(crate) const MAX_TAG_BYTES: usize = 64 * 1024;

/// Whether parsing `html` could take far longer than its size suggests.
pub(crate) fn is_too_costly(html: &str) -> bool {
    estimated_depth(html) > MAX_DEPTH || longest_tag(html) > MAX_TAG_BYTES
}

fn longest_tag(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut longest = 0;
    let mut at = 0;
    while let Some(open) = memchr(b'<', &bytes[at..]) {
        let start = at + open;
        let end = memchr(b'>', &bytes[start..]).map_or(bytes.len(), |n| start + n);
        longest = longest.max(end - start);
        at = end.min(bytes.len().saturating_sub(1)) + 1;
        if at >= bytes.len() {
            break;
        }
    }
    longest
}
