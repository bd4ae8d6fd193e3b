//! From the bytes of a file to the text of its titles: character encodings, entities and
//! whitespace, each handled the forgiving way real exports need.

use std::borrow::Cow;

use quick_xml::encoding::{DetectedEncoding, detect_encoding};
use quick_xml::events::{BytesDecl, Event};
use quick_xml::reader::Reader;

/// The document as UTF-8: a byte order mark wins, then the encoding the XML declaration names
/// (ISO-8859-1 is common in older exports), then UTF-8. Undecodable bytes become U+FFFD rather
/// than failing the import; they can only be in titles, since addresses are ASCII.
///
/// quick-xml's `encoding` feature (which feed-rs turns on) supplies the decoders.
pub(super) fn decode(bytes: &[u8]) -> String {
    match detect_encoding(bytes) {
        Some(DetectedEncoding::AsciiCompatible) | None => {}
        Some(DetectedEncoding::Utf8Bom) => return String::from_utf8_lossy(&bytes[3..]).into(),
        Some(utf16) => {
            let body = &bytes[utf16.bom_len()..];
            return utf16.encoding().decode_without_bom_handling(body).0.into();
        }
    }
    match declaration(bytes).as_ref().and_then(BytesDecl::encoder) {
        // A declaration claiming UTF-16 in a file that is plainly ASCII-compatible is wrong;
        // `output_encoding` maps it to UTF-8 as browsers do, and leaves every other one alone.
        Some(declared) => declared
            .output_encoding()
            .decode_without_bom_handling(bytes)
            .0
            .into(),
        None => String::from_utf8_lossy(bytes).into(),
    }
}

fn declaration(bytes: &[u8]) -> Option<BytesDecl<'static>> {
    let bytes = bytes.trim_ascii_start();
    let head = &bytes[..bytes.len().min(1024)];
    let end = head.windows(2).position(|w| w == b"?>")? + 2;
    let mut reader = Reader::from_str(std::str::from_utf8(&head[..end]).ok()?);
    match reader.read_event() {
        Ok(Event::Decl(declaration)) => Some(declaration.into_owned()),
        _ => None,
    }
}

/// Decodes the five XML entities and numeric character references. Anything else after `&`,
/// a custom entity from a DOCTYPE included, stays as written: Tidings never expands entities
/// it did not define, and a bare `&` in a hand-written URL is common and harmless.
pub(super) fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        text.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // The longest reference we decode is `&#x10FFFF;`.
        let decoded = rest[1..]
            .char_indices()
            .take(10)
            .find(|&(_, c)| c == ';')
            .and_then(|(end, _)| Some((end, reference(&rest[1..1 + end])?)));
        match decoded {
            Some((end, c)) => {
                text.push(c);
                rest = &rest[end + 2..];
            }
            None => {
                text.push('&');
                rest = &rest[1..];
            }
        }
    }
    text.push_str(rest);
    Cow::Owned(text)
}

fn reference(name: &str) -> Option<char> {
    let number = |digits: &str, radix| u32::from_str_radix(digits, radix).ok();
    let code = match name {
        "lt" => return Some('<'),
        "gt" => return Some('>'),
        "amp" => return Some('&'),
        "quot" => return Some('"'),
        "apos" => return Some('\''),
        _ => match name.strip_prefix('#')? {
            hex if hex.starts_with(['x', 'X']) => number(&hex[1..], 16)?,
            decimal => number(decimal, 10)?,
        },
    };
    // NUL cannot appear in XML even as a reference; the rest becomes tidy's problem.
    char::from_u32(code).filter(|&c| c != '\0')
}

/// Text as Tidings shows it: runs of whitespace and control characters become one space, ends
/// trimmed, and anything beyond `max_chars` replaced by "…" (the result stays within
/// `max_chars`, so tidying twice changes nothing). Stops reading once it has enough.
pub(super) fn tidy(raw: &str, max_chars: usize) -> String {
    let words = raw
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty());
    let chars = words
        .enumerate()
        .flat_map(|(i, word)| (i > 0).then_some(' ').into_iter().chain(word.chars()));
    let mut text: String = chars.take(max_chars + 1).collect();
    if text.chars().count() > max_chars {
        let cut = text
            .char_indices()
            .nth(max_chars.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        text.truncate(cut);
        text.truncate(text.trim_end().len());
        text.push('…');
    }
    text
}

/// At most `max_chars` of `raw` for showing back to a person, "…" marking a cut.
pub(super) fn shorten(raw: &str, max_chars: usize) -> String {
    match raw.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &raw[..cut]),
        None => raw.to_string(),
    }
}
