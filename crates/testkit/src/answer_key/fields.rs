//! Our fields and the rule each is compared by (see the module above for why).

use url::Url;

use super::eval::{NotStored, Outcome, Value};
use tidings_core::sanitize::{plain_text, sanitize_html};

/// One of our fields, with the rule it is compared by.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Field {
    Title {
        ours: String,
        stand_in: String,
    },
    /// A body; `text` when feedparser read the element it came from as plain text, so its
    /// value is text, not HTML.
    Html {
        ours: Option<String>,
        base: Url,
        text: bool,
    },
    Url(Option<String>),
    Exact(Option<String>),
    Author(Option<String>),
    Time(Option<i64>),
    Number(Option<u64>),
}

impl Field {
    /// The value as we store it.
    pub(super) fn stored(&self) -> Option<String> {
        match self {
            Field::Title { ours, .. } => Some(ours.clone()),
            Field::Html { ours, .. }
            | Field::Url(ours)
            | Field::Exact(ours)
            | Field::Author(ours) => ours.clone(),
            Field::Time(t) => t.map(|t| t.to_string()),
            Field::Number(n) => n.map(|n| n.to_string()),
        }
    }

    /// Ours and theirs, each normalized by this field's rule.
    pub(super) fn compared_with(&self, theirs: &Value) -> Outcome<(String, String)> {
        Ok(match (self, theirs) {
            (Field::Title { ours, stand_in }, Value::Str(theirs)) => {
                let text = plain_text(theirs);
                let expected = if text.is_empty() {
                    stand_in.clone()
                } else {
                    text
                };
                (ours.clone(), expected)
            }
            (Field::Html { ours, base, text }, Value::Str(theirs)) => {
                let theirs = if *text {
                    plain_text_as_html(theirs)
                } else {
                    theirs.clone()
                };
                (
                    ours.as_deref()
                        .map(|h| normalized_html(h, base))
                        .unwrap_or_default(),
                    normalized_html(&theirs, base),
                )
            }
            (Field::Html { ours, base, .. }, Value::Int(code)) => {
                let theirs = u32::try_from(*code)
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
                    .unwrap_or_default();
                (
                    ours.as_deref()
                        .map(|h| normalized_html(h, base))
                        .unwrap_or_default(),
                    normalized_html(&theirs, base),
                )
            }
            (Field::Url(ours), Value::Str(theirs)) => (
                ours.clone().unwrap_or_default(),
                Url::parse(theirs)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https"))
                    .map(String::from)
                    .unwrap_or_default(),
            ),
            (Field::Url(ours) | Field::Exact(ours) | Field::Author(ours), Value::None) => {
                (ours.clone().unwrap_or_default(), String::new())
            }
            (Field::Exact(ours), Value::Str(theirs)) => {
                (ours.clone().unwrap_or_default(), theirs.clone())
            }
            (Field::Author(ours), Value::Str(theirs)) => (
                ours.clone().unwrap_or_default(),
                author_name(theirs).to_string(),
            ),
            (Field::Number(ours), Value::Str(theirs)) => (
                ours.map(|n| n.to_string()).unwrap_or_default(),
                theirs.trim().to_string(),
            ),
            (Field::Time(ours), Value::Tuple(parts)) => (
                ours.map(|t| t.to_string()).unwrap_or_default(),
                time_tuple(parts).map(|t| t.to_string()).unwrap_or_default(),
            ),
            (field, theirs) => {
                return Err(NotStored(format!("{field:?} against {theirs:?}")));
            }
        })
    }
}

/// How feedparser typed an Atom document's bodies, read from the document itself: Atom's `text`
/// (the default) and Atom 0.3's `text/plain` (its default, also for base64 bodies) are plain
/// text. RSS bodies are always HTML.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct TextTypes {
    pub summary: bool,
    pub content: bool,
}

impl TextTypes {
    pub(super) fn declared_in(document: &str) -> Self {
        if !document.contains("<feed") {
            return Self::default();
        }
        let content = first_is_plain_text(document, "content");
        TextTypes {
            // feedparser fills a missing summary from the content.
            summary: first_is_plain_text(document, "summary").unwrap_or(content.unwrap_or(false)),
            content: content.unwrap_or(false),
        }
    }
}

fn first_is_plain_text(document: &str, element: &str) -> Option<bool> {
    let open = format!("<{element}");
    let at = document.match_indices(&open).map(|(at, _)| at).find(|at| {
        document[at + open.len()..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
    })?;
    let tag_end = at + document[at..].find('>')?;
    let tag = &document[at..tag_end];
    let declared = ["type=\"", "type='"].iter().find_map(|prefix| {
        let start = tag.find(prefix)? + prefix.len();
        let quote = prefix.chars().last()?;
        Some(&tag[start..start + tag[start..].find(quote)?])
    });
    // Markup written inline (Atom 0.3's default mode) is HTML whatever the type says.
    let body = &document[tag_end + 1..];
    let body = &body[..body.find(&format!("</{element}")).unwrap_or(body.len())];
    let inline_markup = body
        .match_indices('<')
        .any(|(i, _)| body[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()));
    Some(!inline_markup && matches!(declared, None | Some("text" | "text/plain")))
}

/// Plain text as we render it: escaped, in paragraphs.
fn plain_text_as_html(text: &str) -> String {
    tidings_core::feeds::plain_to_html(text)
}

/// feedparser's `author` is `"name (email)"` when it knows both; we keep the name.
fn author_name(theirs: &str) -> &str {
    match theirs.strip_suffix(')').and_then(|s| s.rsplit_once(" (")) {
        Some((name, email)) if email.contains('@') => name,
        _ => theirs,
    }
}

/// Seconds since the epoch of a Python UTC time tuple `(y, m, d, H, M, S, wday, yday, dst)`.
fn time_tuple(parts: &[Value]) -> Option<i64> {
    let numbers: Vec<i64> = parts
        .iter()
        .take(6)
        .map(|v| match v {
            Value::Int(n) => Some(*n),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let [year, month, day, hour, minute, second] = numbers[..] else {
        return None;
    };
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Sanitized, whitespace collapsed, and without a `<p>` or `<div>` wrapping the whole body: we
/// wrap plain text in paragraphs, and feedparser keeps the `<div>` that Atom's XHTML content
/// comes in (RFC 4287 §3.1.1.3 says it is not part of the content); neither changes what a
/// reader sees.
fn normalized_html(html: &str, base: &Url) -> String {
    let html = sanitize_html(html, base)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (open, close) in [("<p>", "</p>"), ("<div>", "</div>")] {
        if let Some(inner) = html.strip_prefix(open).and_then(|h| h.strip_suffix(close))
            && !inner.contains(open)
        {
            return inner.trim().to_string();
        }
    }
    html
}

#[cfg(test)]
#[path = "tests/fields.rs"]
mod tests;
