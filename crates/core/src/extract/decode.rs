//! Page bytes to text. Browsers decide a page's charset from its byte-order mark, then a
//! `<meta charset>` (or `http-equiv` Content-Type) in the first 1,024 bytes. We do the same,
//! except that bytes which are valid UTF-8 are read as UTF-8 whatever the meta says, and where
//! nothing says, or a page claims UTF-8 and is not, we fall back to Windows-1252, the charset of
//! nearly every undeclared legacy page.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ExtractError;

/// How far into the page a charset declaration is honoured (the HTML spec's prescan window).
const PRESCAN: usize = 1024;

/// The page as text, or an error when the bytes are not a web page at all.
pub(super) fn page_text(bytes: &[u8]) -> Result<Cow<'_, str>, ExtractError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return check_text(text);
    }
    // Text that decodes as UTF-8 is UTF-8 whatever its meta says: legacy multi-byte text almost
    // never forms valid UTF-8, and pages re-saved as UTF-8 often keep their old declaration.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(Cow::Borrowed(text));
    }
    let encoding = declared(&bytes[..bytes.len().min(PRESCAN)])
        // A page cannot be UTF-16 without a BOM once we have read ASCII from it.
        .map(|e| {
            if e == UTF_16LE || e == UTF_16BE {
                UTF_8
            } else {
                e
            }
        });
    let text = match encoding {
        Some(e) if e != UTF_8 => e.decode_without_bom_handling(bytes).0,
        _ => utf8_or_windows_1252(bytes),
    };
    check_text(text)
}

fn utf8_or_windows_1252(bytes: &[u8]) -> Cow<'_, str> {
    // A UTF-8 page with a few damaged bytes reads better as UTF-8 with replacement characters;
    // a Windows-1252 page rarely contains even one valid multi-byte UTF-8 sequence.
    let valid_multibyte = String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| c.len_utf8() > 1 && *c != char::REPLACEMENT_CHARACTER)
        .count();
    let invalid = bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count();
    if valid_multibyte > invalid {
        String::from_utf8_lossy(bytes)
    } else {
        WINDOWS_1252.decode_without_bom_handling(bytes).0
    }
}

/// Binary files decode to text full of control characters; say so rather than extract junk.
fn check_text(text: Cow<'_, str>) -> Result<Cow<'_, str>, ExtractError> {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let control = sample
        .iter()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || **c == '\u{fffd}'
        })
        .count();
    if sample.contains(&'\0') || control * 20 > sample.len() {
        return Err(ExtractError::NotAnArticle {
            reason: "this is not a web page: it looks like binary data".into(),
        });
    }
    Ok(text)
}

/// The encoding a `<meta>` in the prescan window names, if any and if known.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(label) = charset_in(tag) {
            return Encoding::for_label(label.as_bytes());
        }
    }
    None
}

/// `charset=x` inside a meta tag, whether as its own attribute or inside `content`.
fn charset_in(tag: &str) -> Option<&str> {
    let at = tag.find("charset")?;
    let value = tag[at + "charset".len()..].trim_start();
    let value = value.strip_prefix('=')?.trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let end = value
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
        .unwrap_or(value.len());
    Some(&value[..end]).filter(|v| !v.is_empty())
}

#[cfg(test)]
#[path = "tests/decode.rs"]
mod tests;
