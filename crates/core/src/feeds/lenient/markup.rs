//! The pieces of XML syntax the lenient writer reads and writes: start tags, references,
//! entity declarations and escaping.

use crate::feeds::dialect::Tag;
use crate::scan::find;

/// Control characters XML 1.0 forbids; some feeds carry them from databases.
pub(super) fn is_xml_byte(b: u8) -> bool {
    b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r')
}

pub(super) fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80
}

fn is_name_byte(b: u8) -> bool {
    is_name_start(b) || b.is_ascii_digit() || b == b'-' || b == b'.'
}

/// Parses the start tag at the beginning of `rest` (which starts with `<` and a name): the tag,
/// whether it closes itself, and its length; `None` if the input ends inside it.
pub(super) fn parse_start_tag(
    rest: &[u8],
    entities: &[(String, Vec<u8>)],
) -> Option<(Tag, bool, usize)> {
    let name_end = 1 + rest[1..].iter().position(|b| !is_name_byte(*b))?;
    let name = String::from_utf8_lossy(&rest[1..name_end]).into_owned();
    let mut tag = Tag {
        name,
        attributes: Vec::new(),
    };
    let mut i = name_end;
    loop {
        while rest.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        match rest.get(i)? {
            b'>' => return Some((tag, false, i + 1)),
            b'/' if rest.get(i + 1) == Some(&b'>') => return Some((tag, true, i + 2)),
            b if !is_name_start(*b) => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let name_start = i;
        while is_name_byte(*rest.get(i)?) {
            i += 1;
        }
        let name = String::from_utf8_lossy(&rest[name_start..i]).into_owned();
        while rest.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        let raw_value: &[u8] = if rest[i] == b'=' {
            i += 1;
            while rest.get(i)?.is_ascii_whitespace() {
                i += 1;
            }
            match rest[i] {
                quote @ (b'"' | b'\'') => {
                    let end = i + 1 + rest[i + 1..].iter().position(|b| *b == quote)?;
                    let value = &rest[i + 1..end];
                    i = end + 1;
                    value
                }
                _ => {
                    let start = i;
                    while !rest.get(i)?.is_ascii_whitespace() && rest[i] != b'>' {
                        i += 1;
                    }
                    &rest[start..i]
                }
            }
        } else {
            // HTML's valueless attributes (`<option selected>`) mean name="name".
            name.as_bytes()
        };
        if !tag.attributes.iter().any(|(n, _)| *n == name) {
            let value = escape_attribute(raw_value, entities);
            tag.attributes
                .push((name, String::from_utf8_lossy(&value).into_owned()));
        }
    }
}

fn escape_attribute(raw: &[u8], entities: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'&' => {
                let (text, used) = fix_reference(&raw[i..], entities);
                out.extend_from_slice(&text);
                i += used;
                continue;
            }
            b'<' => out.extend_from_slice(b"&lt;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            b if is_xml_byte(b) => out.push(b),
            _ => {}
        }
        i += 1;
    }
    out
}

/// The well-formed form of the `&` at the start of `rest`: a valid reference is kept (an entity
/// XML does not define, like `&nbsp;`, too: the reader keeps it as text and the HTML it lands in
/// defines it), a declared entity is expanded, and a bare `&` is escaped.
pub(super) fn fix_reference(rest: &[u8], entities: &[(String, Vec<u8>)]) -> (Vec<u8>, usize) {
    const LONGEST_NAME: usize = 32;
    let window = &rest[..rest.len().min(LONGEST_NAME + 2)];
    let Some(semicolon) = window.iter().position(|b| *b == b';') else {
        return (b"&amp;".to_vec(), 1);
    };
    let body = &rest[1..semicolon];
    let used = semicolon + 1;
    if let Some(number) = body.strip_prefix(b"#") {
        let code = match number
            .strip_prefix(b"x")
            .or_else(|| number.strip_prefix(b"X"))
        {
            Some(hex) => std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u32::from_str_radix(h, 16).ok()),
            None => std::str::from_utf8(number)
                .ok()
                .and_then(|d| d.parse().ok()),
        };
        return match code.and_then(char::from_u32) {
            // Written in decimal: quick-xml refuses `&#X41;`, which XML does not allow either.
            Some(c) if !c.is_control() || matches!(c, '\t' | '\n' | '\r') => {
                (format!("&#{};", u32::from(c)).into_bytes(), used)
            }
            // Windows-1252's typographic characters written as code points 128-159, which
            // HTML reads as Windows-1252 too.
            Some(c @ '\u{80}'..='\u{9F}') => {
                let c = crate::feeds::charset::windows_1252(c as u8);
                (format!("&#{};", u32::from(c)).into_bytes(), used)
            }
            _ => (Vec::new(), used),
        };
    }
    let is_name = body
        .first()
        .is_some_and(|b| is_name_start(*b) && *b != b':')
        && body.iter().all(|b| is_name_byte(*b));
    if !is_name {
        return (b"&amp;".to_vec(), 1);
    }
    if let Some((_, value)) = entities.iter().find(|(name, _)| name.as_bytes() == body) {
        return (escape(value), used);
    }
    (rest[..used].to_vec(), used)
}

/// `<!ENTITY name "value">` declarations (general entities only) in a DOCTYPE's internal subset.
pub(super) fn entity_declarations(subset: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let mut rest = subset;
    while let Some(at) = find(rest, b"<!ENTITY") {
        rest = &rest[at + 8..];
        let mut words = rest.trim_ascii_start();
        if words.first() == Some(&b'%') {
            continue;
        }
        let name_len = words.iter().take_while(|b| is_name_byte(**b)).count();
        let name = String::from_utf8_lossy(&words[..name_len]).into_owned();
        words = words[name_len..].trim_ascii_start();
        let Some(&quote @ (b'"' | b'\'')) = words.first() else {
            continue;
        };
        let Some(end) = words[1..].iter().position(|b| *b == quote) else {
            continue;
        };
        if !name.is_empty() {
            found.push((name, words[1..1 + end].to_vec()));
        }
    }
    found
}

/// Escapes raw text (decoded, or markup to be kept as text) for XML.
pub(super) fn escape_raw(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    for &b in text {
        match b {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b if is_xml_byte(b) => out.push(b),
            _ => {}
        }
    }
    out
}

/// Escapes text for XML, leaving valid references in it alone.
fn escape(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'&' => {
                let (fixed, used) = fix_reference(&text[i..], &[]);
                out.extend_from_slice(&fixed);
                i += used;
                continue;
            }
            b'<' => out.extend_from_slice(b"&lt;"),
            b if is_xml_byte(b) => out.push(b),
            _ => {}
        }
        i += 1;
    }
    out
}
