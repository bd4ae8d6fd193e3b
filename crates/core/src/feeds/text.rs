//! Titles and names as the plain text Tidings shows: markup dropped, entities decoded, whitespace
//! collapsed, stray Windows-1252 control codes mapped, email addresses taken out of names.

use super::charset;
use crate::sanitize;

/// The text of an HTML fragment. Most titles and names have no markup and no entities; those skip
/// the HTML parser, which costs more than parsing the rest of their feed.
pub(super) fn plain_text(html: &str) -> String {
    let decoded = if html.contains('<') {
        None
    } else if html.contains('&') {
        decode_xml_references(html)
    } else {
        Some(html.to_string())
    };
    let Some(text) = decoded else {
        return sanitize::plain_text(html);
    };
    text.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text with XML's five entities and numeric references decoded (a bare `&` stays, as in HTML);
/// `None` if it has another named entity, which needs HTML's table.
fn decode_xml_references(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest[1..]
            .find(';')
            .map(|end| &rest[1..=end])
            .filter(|r| r.len() <= 10 && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '#'));
        let Some(reference) = reference else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let decoded = match reference {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = reference.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code).filter(|c| *c != '\0')?
            }
        };
        out.push(decoded);
        rest = &rest[reference.len() + 2..];
    }
    out.push_str(rest);
    Some(out)
}

/// Characters 128-159 are control codes no one means to publish: they come from Windows-1252
/// text read as Latin-1, or from references like `&#146;`, which browsers read as Windows-1252
/// (feedparser calls undoing this "demoronizing").
pub(super) fn from_windows_1252_controls(text: String) -> String {
    // U+0080..=U+009F are 0xC2 0x80..=0x9F in UTF-8.
    let has_controls = text
        .as_bytes()
        .split(|b| *b == 0xC2)
        .skip(1)
        .any(|after| after.first().is_some_and(|b| (0x80..=0x9F).contains(b)));
    if !has_controls {
        return text;
    }
    text.chars()
        .map(|c| match u8::try_from(u32::from(c)) {
            Ok(byte @ 0x80..=0x9F) => charset::windows_1252(byte),
            _ => c,
        })
        .collect()
}

/// A person's name as RSS writes it, without the email address around it: `Name (email)`,
/// `email (Name)`, `Name <email>` all give `Name`.
pub(super) fn person_name(raw: &str) -> String {
    let text = plain_text(raw);
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || "()<>[]\"".contains(c));
    let without_email = match trimmed.rsplit_once(['(', '<']) {
        Some((name, email)) if email.contains('@') && !name.trim().is_empty() => name,
        _ => match trimmed.split_once(['(', '<']) {
            Some((email, name)) if email.contains('@') && !name.trim().is_empty() => name,
            _ => trimmed,
        },
    };
    from_windows_1252_controls(
        without_email
            .trim_matches(|c: char| c.is_whitespace() || "()<>[]\"".contains(c))
            .to_string(),
    )
}

/// A feed's language as a BCP 47 tag (`en`, `pt-BR`, `zh-Hant`): its primary subtag two or three
/// letters, lower-cased, `_` read as `-`; `None` for anything else ("English", a sentence).
pub(super) fn language_tag(raw: &str) -> Option<String> {
    let tag = raw.trim().replace('_', "-");
    let mut subtags = tag.split('-');
    let primary = subtags.next()?;
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok =
        subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    (primary_ok && rest_ok && tag.len() <= 35).then(|| {
        let (primary, rest) = tag.split_at(primary.len());
        format!("{}{rest}", primary.to_ascii_lowercase())
    })
}

#[cfg(test)]
#[path = "tests/text.rs"]
mod tests;
