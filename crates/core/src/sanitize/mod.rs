//! The reader policy: what article HTML may contain once Tidings has stored it.
//!
//! Everything from the network passes through [`sanitize_html`] once, at ingest, and the result
//! is what the database holds and the webview shows. The policy keeps reading structure
//! (paragraphs, headings, lists, tables, figures, images, links) and drops everything that can run
//! code, load a frame, submit a form or restyle the app: scripts, event handlers, `style`, `class`
//! and `id`, iframes, forms, SVG, MathML, objects and embeds. URLs must be http, https or mailto;
//! relative ones are resolved against the item's base so they still work out of context.

use std::cell::RefCell;
use std::collections::HashSet;

use ammonia::{Builder, UrlRelative};

pub(crate) mod depth;
use url::Url;

const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Tags whose content is dropped with them, not kept as text. (An `<object>`'s content is its
/// fallback for readers that can't show it, so that is kept.)
const DROPPED_WITH_CONTENT: [&str; 8] = [
    "script", "style", "template", "noscript", "iframe", "svg", "math", "title",
];

thread_local! {
    // Building a policy costs dozens of hash-set inserts; refreshes sanitize tens of thousands
    // of items, so each thread keeps one and only swaps the base URL.
    static READER_POLICY: RefCell<Builder<'static>> = RefCell::new(reader_policy());
    static TEXT_ONLY: Builder<'static> = text_only_policy();
}

fn reader_policy() -> Builder<'static> {
    let mut builder = Builder::default();
    builder
        .rm_tags(["map", "area"])
        .rm_tag_attributes("img", ["align"])
        .url_schemes(HashSet::from(ALLOWED_SCHEMES))
        .link_rel(Some("noopener noreferrer"))
        .clean_content_tags(HashSet::from(DROPPED_WITH_CONTENT));
    builder
}

fn text_only_policy() -> Builder<'static> {
    let mut builder = Builder::empty();
    builder.clean_content_tags(HashSet::from(DROPPED_WITH_CONTENT));
    builder
}

/// Sanitizes untrusted article HTML for storage and display. `base` resolves relative URLs.
/// Idempotent: sanitizing the output again returns it unchanged. HTML built to be expensive to
/// parse (see [`depth`]) is not parsed: its text is kept, escaped, as one paragraph.
pub fn sanitize_html(html: &str, base: &Url) -> String {
    if depth::is_too_costly(html) {
        let text = text_of_sanitized(html)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        // Escaped as html5ever would, so sanitizing this again changes nothing.
        return format!("<p>{text}</p>");
    }
    READER_POLICY.with_borrow_mut(|policy| {
        policy.url_relative(UrlRelative::RewriteWithBase(base.clone()));
        policy.clean(html).to_string()
    })
}

/// The text a person reads in an HTML fragment: tags removed, entities decoded, whitespace
/// collapsed. Used for titles and names, which Tidings always shows as plain text.
pub fn plain_text(html: &str) -> String {
    // Most titles hold no markup at all; don't parse those.
    if !html.contains(['<', '&']) {
        return collapse_whitespace(html);
    }
    let escaped = TEXT_ONLY.with(|policy| policy.clean(html).to_string());
    collapse_whitespace(&unescape_serialized(&escaped))
}

/// The text of HTML that [`sanitize_html`] produced, for the search index. That output is
/// well-formed and holds no scripts, comments or raw-text elements, so a single pass that drops
/// tags is exact and much cheaper than parsing the HTML again.
pub fn text_of_sanitized(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        if !is_inline_tag(tag) {
            text.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    if !rest.contains('<') {
        text.push_str(rest);
    }
    collapse_whitespace(&unescape_serialized(&text))
}

/// Escapes text for inclusion in HTML.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn is_inline_tag(tag: &str) -> bool {
    let name = tag.trim_start_matches('/');
    let name = name.split([' ', '/']).next().unwrap_or_default();
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
            | "acronym"
    )
}

/// Undoes the escaping html5ever's serializer applies to text and attribute values, in one pass.
fn unescape_serialized(s: &str) -> String {
    const ESCAPES: [(&str, char); 6] = [
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&nbsp;", '\u{a0}'),
        ("&#39;", '\''),
        ("&amp;", '&'),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ESCAPES.iter().find(|(entity, _)| rest.starts_with(entity)) {
            Some((entity, c)) => {
                out.push(*c);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests;
