//! Character sets. The XML reader (quick-xml, through feed-rs) decodes whatever the XML
//! declaration names, but it misreads UTF-16 and UTF-32, it panics when a declaration naming
//! another charset ends past the first 64 bytes (it can switch decoders only while that much is
//! buffered), and it gives up on a document that says (or, undeclared, defaults to) UTF-8 and
//! holds Windows-1252 bytes, the most common charset bug in real feeds.
//!
//! A declaration past the start (two documents glued together) also panics the reader when it
//! names another charset.
//!
//! [`prepare`] runs on every document and costs nothing unless one of the first two applies (or a
//! byte search finds a second declaration);
//! [`to_readable`] runs on documents the reader refused. Both return bytes the reader can decode:
//! UTF-8 wherever they had to convert, with the declaration rewritten to say so, and otherwise
//! the original bytes in the declared charset (ISO-8859-x, Big5, Shift_JIS, KOI8-R and the rest).

use crate::scan::{find, find_byte};
use std::borrow::Cow;

/// The document with UTF-16 and UTF-32 converted to UTF-8, a declaration the reader would
/// choke on (one that ends past its 64-byte window and names another charset) shortened, and
/// declarations past the first removed.
pub(super) fn prepare(bytes: &[u8]) -> Cow<'_, [u8]> {
    let prepared = prepare_prolog(bytes);
    match without_later_declarations(&prepared) {
        Some(fixed) => Cow::Owned(fixed),
        None => prepared,
    }
}

/// The document without the XML declarations that follow its first (two documents glued into
/// one): the reader panics on one that names another charset, as it can no longer switch
/// decoders by then, and anywhere but the start one means nothing. Those inside CDATA sections
/// and comments are text and stay. `None` when there is nothing to remove.
fn without_later_declarations(bytes: &[u8]) -> Option<Vec<u8>> {
    let first = find(bytes, b"<?xml")?;
    find(&bytes[first + 1..], b"<?xml")?;
    let is_declaration = |rest: &[u8]| {
        rest.starts_with(b"<?xml")
            && rest
                .get(5)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'?')
    };
    let mut fixed: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut seen_first = false;
    let mut at = 0;
    while let Some(offset) = find_byte(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start..];
        let skip_to = |close: &[u8], from: usize| {
            find(&rest[from..], close).map(|n| start + from + n + close.len())
        };
        let next = if rest.starts_with(b"<![CDATA[") {
            skip_to(b"]]>", 9)
        } else if rest.starts_with(b"<!--") {
            skip_to(b"-->", 4)
        } else if is_declaration(rest) {
            let end = skip_to(b"?>", 5);
            if let (true, Some(end)) = (seen_first, end) {
                let fixed = fixed.get_or_insert_with(|| Vec::with_capacity(bytes.len()));
                fixed.extend_from_slice(&bytes[copied..start]);
                copied = end;
            }
            seen_first = true;
            end
        } else {
            Some(start + 1)
        };
        // An unclosed section or declaration runs to the end: nothing after it to look at.
        let Some(next) = next else { break };
        at = next;
    }
    let mut fixed = fixed?;
    fixed.extend_from_slice(&bytes[copied..]);
    Some(fixed)
}

fn prepare_prolog(bytes: &[u8]) -> Cow<'_, [u8]> {
    if let Some((decoded, _)) = decode_unicode(bytes) {
        return Cow::Owned(declare_utf8(&decoded).into_bytes());
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let Some(declaration) = declaration(body) else {
        return Cow::Borrowed(bytes);
    };
    // 64 bytes less a margin; a shortened declaration with any real charset name fits in it.
    const READER_WINDOW: usize = 56;
    // One that mentions an encoding this cannot read may still name one to the reader.
    let is_utf8 = match declaration.encoding {
        Some(label) => label.eq_ignore_ascii_case("utf-8") || label.eq_ignore_ascii_case("utf8"),
        None => !declaration.mentions_encoding,
    };
    if declaration.end <= READER_WINDOW || is_utf8 {
        return Cow::Borrowed(bytes);
    }
    let mut fixed = match declaration.encoding {
        Some(label) => format!("<?xml version=\"1.0\" encoding=\"{label}\"?>"),
        None => "<?xml version=\"1.0\"?>".to_string(),
    }
    .into_bytes();
    fixed.extend_from_slice(&body[declaration.end..]);
    Cow::Owned(fixed)
}

/// Bytes in an encoding the XML reader can decode, their declaration matching their encoding.
pub(super) fn to_readable(bytes: &[u8]) -> Cow<'_, [u8]> {
    if let Some((decoded, _)) = decode_unicode(bytes) {
        return Cow::Owned(declare_utf8(&decoded).into_bytes());
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let declared = declared_encoding(bytes).map(|label| label.to_ascii_lowercase());
    let (is_utf8, mislabelled) = match declared.as_deref() {
        None => (true, false),
        // A document that says UTF-16 or UTF-32 but has no zero bytes where those would have
        // them was saved as 8-bit text by a tool that copied the declaration.
        Some(label) if label.starts_with("utf-16") || label.starts_with("utf-32") => (true, true),
        Some(label) => (label == "utf-8" || label == "utf8", false),
    };
    if !is_utf8 {
        return Cow::Borrowed(bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if mislabelled => Cow::Owned(declare_utf8(text).into_bytes()),
        Ok(_) => Cow::Borrowed(bytes),
        Err(_) => Cow::Owned(declare_utf8(&utf8_or_windows_1252(bytes)).into_bytes()),
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes UTF-16 and UTF-32, recognised by a byte-order mark or by how `<` is encoded in the
/// first four bytes (XML 1.0, appendix F). Returns the text and the encoding's name.
pub(super) fn decode_unicode(bytes: &[u8]) -> Option<(String, &'static str)> {
    let head = bytes.get(..4).unwrap_or(bytes);
    let (name, unit, big_endian, skip) = match head {
        [0x00, 0x00, 0xFE, 0xFF] => ("UTF-32BE", 4, true, 4),
        [0xFF, 0xFE, 0x00, 0x00] => ("UTF-32LE", 4, false, 4),
        [0x00, 0x00, 0x00, _] => ("UTF-32BE", 4, true, 0),
        [_, 0x00, 0x00, 0x00] => ("UTF-32LE", 4, false, 0),
        [0xFE, 0xFF, ..] => ("UTF-16BE", 2, true, 2),
        [0xFF, 0xFE, ..] => ("UTF-16LE", 2, false, 2),
        [0x00, a, 0x00, b] if a.is_ascii() && b.is_ascii() => ("UTF-16BE", 2, true, 0),
        [a, 0x00, b, 0x00] if a.is_ascii() && b.is_ascii() => ("UTF-16LE", 2, false, 0),
        _ => return None,
    };
    let body = &bytes[skip..];
    let text = if unit == 2 {
        let units = body.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    } else {
        body.chunks_exact(4)
            .map(|quad| {
                let quad = [quad[0], quad[1], quad[2], quad[3]];
                let code = if big_endian {
                    u32::from_be_bytes(quad)
                } else {
                    u32::from_le_bytes(quad)
                };
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect()
    };
    Some((text, name))
}

/// The `encoding` named by the XML declaration, if the document starts with one (after any
/// whitespace or stray bytes a server put first).
pub(super) fn declared_encoding(bytes: &[u8]) -> Option<&str> {
    declaration(bytes)?.encoding
}

struct Declaration<'a> {
    /// Where the declaration's `?>` ends.
    end: usize,
    encoding: Option<&'a str>,
    /// The word `encoding` appears in it, read as an attribute or not.
    mentions_encoding: bool,
}

fn declaration(bytes: &[u8]) -> Option<Declaration<'_>> {
    let head = &bytes[..bytes.len().min(1024)];
    let start = find(head, b"<?xml")?;
    let end = start + find(&head[start..], b"?>")?;
    let text = &head[start..end];
    // The first `encoding` that is an attribute: the word may come earlier in another's value.
    let encoding = (0..text.len())
        .filter(|&at| text[at..].starts_with(b"encoding"))
        .find_map(|at| {
            let rest = text[at + "encoding".len()..].trim_ascii_start();
            let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
            let quote = *rest.first().filter(|c| **c == b'"' || **c == b'\'')?;
            let value = &rest[1..];
            let value = &value[..value.iter().position(|c| *c == quote)?];
            Some(std::str::from_utf8(value).ok()?.trim())
        });
    Some(Declaration {
        end: end + 2,
        encoding,
        mentions_encoding: find(text, b"encoding").is_some(),
    })
}

/// Rewrites the declaration's encoding as UTF-8, once the text has been converted to it.
fn declare_utf8(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let Some(start) = text.find("<?xml") else {
        return text.to_string();
    };
    let Some(length) = text[start..].find("?>") else {
        return text.to_string();
    };
    let end = start + length + 2;
    format!(
        "{}<?xml version=\"1.0\" encoding=\"utf-8\"?>{}",
        &text[..start],
        &text[end..]
    )
}

/// Reads bytes as UTF-8 where they are valid UTF-8 and as Windows-1252 where they are not, so a
/// document mixing the two (a UTF-8 template around Windows-1252 database text) reads right.
fn utf8_or_windows_1252(mut bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                text.push_str(valid);
                return text;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                // `valid_up_to` marks the end of valid UTF-8.
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = error.error_len().unwrap_or(rest.len()).max(1);
                text.extend(rest[..bad].iter().map(|b| windows_1252(*b)));
                bytes = &rest[bad..];
            }
        }
    }
}

/// Windows-1252 differs from ISO-8859-1 only in 0x80..=0x9F, where it has typographic quotes,
/// dashes and the euro sign instead of control characters; what browsers do for both labels.
pub(crate) fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
#[path = "tests/charset.rs"]
mod tests;
