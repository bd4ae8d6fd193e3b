//! The reader policy: what article HTML may contain once Tidings has stored it.
//!
//! Everything from the network passes through [`sanitize_html`] once, at ingest, and the result
//! is what the database holds and the webview shows. The policy keeps reading structure
//! (paragraphs, headings, lists, tables, figures, images, links) and drops everything that can run
//! code, load a frame, submit a form or restyle the app: scripts, event handlers, `style` and
//! `class`, iframes, forms, SVG, MathML, objects and embeds, and the tracking images that would
//! tell a sender the article was read ([`trackers`]). URLs must be http, https or mailto; relative
//! ones are resolved against the item's base so they still work out of context. The one
//! exception is a link to a place in the same page (a footnote and its way back): it stays
//! `#…` and leads to the element's `id`, kept behind [`ID_PREFIX`].

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;

use ammonia::{Builder, UrlRelative};

pub(crate) mod depth;
mod text;
mod trackers;
use url::Url;

use text::SERIALIZER_ESCAPES;
pub use text::{mark_spans, text_nodes_of_sanitized, text_of_sanitized, words_of_sanitized};

pub use trackers::{is_tracking_address, without_tracking_images};

const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// What every `id` kept in an article starts with, so that a page's own ids ("search-field",
/// "app") are never taken for the app's, and in-page links (`#from-page-fn1`) can be told from
/// the app's own.
pub const ID_PREFIX: &str = "from-page-";

/// Tags whose content is dropped with them, not kept as text. (An `<object>`'s content is its
/// fallback for readers that can't show it, so that is kept.)
const DROPPED_WITH_CONTENT: [&str; 8] = [
    "script", "style", "template", "noscript", "iframe", "svg", "math", "title",
];

/// Attributes whose value is one address, in the HTML standard's attribute index (plus obsolete
/// ones browsers still follow). ammonia checks the scheme of some of them only (`href`, `src`,
/// …), never `cite`; every one the policy keeps passes [`web_address`] here instead. (`srcset`,
/// a list of addresses, is never kept: the webview would fetch its pictures itself.)
const URL_ATTRIBUTES: [&str; 18] = [
    "href",
    "src",
    "cite",
    "poster",
    "action",
    "formaction",
    "data",
    "longdesc",
    "background",
    "ping",
    "manifest",
    "codebase",
    "usemap",
    "icon",
    "itemid",
    "lowsrc",
    "dynsrc",
    "xlink:href",
];

thread_local! {
    // Building a policy costs dozens of hash-set inserts; refreshes sanitize tens of thousands
    // of items, so each thread keeps one and sets only the base URL below.
    static READER_POLICY: Builder<'static> = reader_policy();
    static TEXT_ONLY: Builder<'static> = text_only_policy();
    /// The base of the fragment being sanitized on this thread, for the attribute filter
    /// (ammonia's filter is set once per policy and sees no base); `None` when it is not a web
    /// address, so that relative addresses are dropped.
    static WEB_BASE: RefCell<Option<Url>> = const { RefCell::new(None) };
}

fn reader_policy() -> Builder<'static> {
    let mut builder = Builder::default();
    builder
        .rm_tags(["map", "area"])
        .rm_tag_attributes("img", ["align"])
        // Only so that hidden images can be told apart and dropped with the trackers.
        .add_tag_attributes("img", ["style", "hidden"])
        .url_schemes(HashSet::from(ALLOWED_SCHEMES))
        .add_generic_attributes(["id"])
        .id_prefix(Some(ID_PREFIX))
        // Every address but an in-page link is made absolute by the attribute filter below,
        // with the base of the fragment at hand; this sees only what that filter left relative.
        .url_relative(UrlRelative::Custom(Box::new(only_in_page_links)))
        .link_rel(Some("noopener noreferrer"))
        .clean_content_tags(HashSet::from(DROPPED_WITH_CONTENT))
        .attribute_filter(|element, attribute, value| {
            if element == "img" && attribute == "style" {
                return trackers::style_hides(value)
                    .then_some(Cow::Borrowed(trackers::HIDDEN_MARK));
            }
            if !URL_ATTRIBUTES.contains(&attribute) {
                return Some(Cow::Borrowed(value));
            }
            let address = WEB_BASE.with_borrow(|base| {
                let url = web_url(value, base.as_ref())?;
                let in_page = element == "a" && attribute == "href";
                let in_page = in_page.then(|| in_page_link(value, &url, base.as_ref()));
                Some(in_page.flatten().unwrap_or_else(|| url.into()))
            })?;
            Some(if address == value {
                Cow::Borrowed(value)
            } else {
                Cow::Owned(address)
            })
        });
    builder
}

fn only_in_page_links(value: &str) -> Option<Cow<'_, str>> {
    value.starts_with('#').then_some(Cow::Borrowed(value))
}

/// The address `value` names, written out in full as the URL standard reads it (`https:host` is
/// `https://host/`, a relative one resolved against `base`), if it is a web or mail address.
/// Stored that way, a check of its text is a check of the address the webview would use.
fn web_url(value: &str, base: Option<&Url>) -> Option<Url> {
    let url = match Url::parse(value) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(value).ok()?,
        Err(_) => return None,
    };
    ALLOWED_SCHEMES.contains(&url.scheme()).then_some(url)
}

/// `#from-page-…` when the link `value` (read as `url`) leads to a place in the page at `base`
/// (`#fn1`, or the page's own address with `#fn1`): to the element whose `id` the policy kept
/// with the prefix. The fragment is kept as the page wrote it, as its `id` is.
fn in_page_link(value: &str, url: &Url, base: Option<&Url>) -> Option<String> {
    let fragment = value.split_once('#')?.1;
    let same_page = base
        .is_some_and(|base| url[..url::Position::AfterQuery] == base[..url::Position::AfterQuery]);
    if fragment.is_empty() || !same_page {
        return None;
    }
    let prefix = if fragment.starts_with(ID_PREFIX) {
        ""
    } else {
        ID_PREFIX
    };
    Some(format!("#{prefix}{fragment}"))
}

/// `html` (the policy's output) with only the ids an in-page link leads to: the rest are a
/// site's hooks for its scripts and styles, noise in what is stored.
fn with_linked_ids_only(html: String) -> String {
    const ID: &str = " id=\"";
    const LINK: &str = " href=\"#";
    if !html.contains(ID) {
        return html;
    }
    let targets: HashSet<&str> = html
        .match_indices(LINK)
        .filter_map(|(at, _)| html[at + LINK.len()..].split('"').next())
        .collect();
    let mut kept = String::with_capacity(html.len());
    let (mut copied, mut scanned, mut in_tag) = (0, 0, false);
    for (at, _) in html.match_indices(ID) {
        // The serializer escapes `<` and `>` in text and `"` in attribute values, so ` id="`
        // with a `<` before it and no `>` since is an attribute; in text it stays as written.
        // (Scanned from the last match on, so a page of ids costs one pass.)
        if let Some(b) = html[scanned..at].rfind(['<', '>']) {
            in_tag = html.as_bytes()[scanned + b] == b'<';
        }
        scanned = at;
        let value_start = at + ID.len();
        let value = html[value_start..].split('"').next().unwrap_or_default();
        if in_tag && !targets.contains(value) {
            kept.push_str(&html[copied..at]);
            copied = (value_start + value.len() + 1).min(html.len());
        }
    }
    kept.push_str(&html[copied..]);
    kept
}

fn text_only_policy() -> Builder<'static> {
    let mut builder = Builder::empty();
    builder.clean_content_tags(HashSet::from(DROPPED_WITH_CONTENT));
    builder
}

/// Sanitizes untrusted article HTML for storage and display. `base` resolves relative URLs; with
/// a base that is not http(s), relative URLs are dropped.
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
    // ammonia checks the scheme of absolute addresses only: a relative one resolved against a
    // file: (or any non-web) base would come out as a file: address. Feeds and pages always give
    // a web base, but this function must hold on its own.
    WEB_BASE.set(matches!(base.scheme(), "http" | "https").then(|| base.clone()));
    let clean = with_linked_ids_only(READER_POLICY.with(|policy| policy.clean(html).to_string()));
    match without_tracking_images(&clean) {
        Cow::Borrowed(_) => clean,
        Cow::Owned(kept) => kept,
    }
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

/// Undoes the escaping html5ever's serializer applies to text and attribute values, in one pass.
fn unescape_serialized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match SERIALIZER_ESCAPES
            .iter()
            .find(|(entity, _)| rest.starts_with(entity))
        {
            Some((entity, decoded)) => {
                out.push_str(decoded);
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
