//! The feed formats feed-rs does not know, or knows too strictly, rewritten as ones it does. Used
//! by [`super::lenient`] as it rewrites a refused document, element by element.
//!
//! - `<rss>` with a version feed-rs does not dispatch on (none, 0.93, 0.94, 2.01…) reads as 2.0:
//!   every RSS version is a subset or a superset of it. A missing `<channel>` is supplied,
//!   Userland's namespaced RSS 2.0 loses its namespace, and element names in the wrong case are
//!   corrected ([`rss`]).
//! - What RSS items carry where feed-rs does not look is moved where it does: Dublin Core's
//!   `dc:title` and the like, XHTML `<body>` and `<fullitem>` content, HTML left unescaped in a
//!   `<description>`, RSS 1.0 items without a `<link>` ([`rss`]).
//! - Microsoft's CDF (1997), which feedparser still reads, becomes RSS ([`rss`]).
//! - Atom 0.3 becomes Atom 1.0: its namespace, renamed elements (`tagline`, `copyright`,
//!   `issued`, `modified`), and its text constructs' `type` + `mode` pair.
//! - Atom text constructs with a MIME type where Atom 1.0 wants `text`, `html` or `xhtml` are
//!   mapped onto those, and base64 bodies (`mode="base64"`, or a non-text type) are decoded.
//! - Atom content of an XML type (`application/xml`, `image/svg+xml`) is read as XHTML; feed-rs
//!   refuses those types.
//! - Well-known namespace prefixes used without a declaration are declared, and well-known
//!   namespace URIs in the wrong case are corrected, so their elements are not ignored.
//! - Media RSS, iTunes and Podcasting 2.0 elements that feed-rs would refuse the whole feed over
//!   are mended or left out ([`extensions`]).

use std::collections::HashMap;

use crate::scan::{contains, find};
mod extensions;
mod rss;

use self::extensions::{EXTENSIONS, extension_element};
use self::rss::{cdf_element, rss_element};

/// A start tag: its qualified name and attributes (values escaped, as written out).
pub(super) struct Tag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
}

impl Tag {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn set_attribute(&mut self, name: &str, value: &str) {
        match self.attributes.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value.to_string(),
            None => self.attributes.push((name.to_string(), value.to_string())),
        }
    }

    fn remove_attribute(&mut self, name: &str) -> Option<String> {
        let at = self.attributes.iter().position(|(n, _)| n == name)?;
        Some(self.attributes.remove(at).1)
    }
}

/// How an element's text must be read.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) enum Body {
    #[default]
    AsIs,
    Base64,
    /// Markup that feed-rs would skip (an XHTML `<body>`, HTML not escaped inside an RSS
    /// `<description>`), to be passed on as escaped text: that is how RSS carries HTML.
    Markup,
    /// Left out, with its content: an optional element feed-rs would refuse the feed over.
    Dropped,
}

/// What to write besides the (adjusted) start tag.
#[derive(Default)]
pub(super) struct Opened {
    pub body: Body,
    /// Complete elements to write as its first children (well-formed XML).
    pub children: Vec<u8>,
    /// An element to open inside it, around all its content (RSS's missing `<channel>`).
    pub wrapper: Option<&'static str>,
}

const ATOM_10: &str = "http://www.w3.org/2005/Atom";
const ATOM_03: &str = "http://purl.org/atom/ns#";

/// Namespaces feed-rs reads, by their usual prefixes.
const KNOWN_NAMESPACES: [(&str, &str); 8] = [
    ("atom", ATOM_10),
    ("content", "http://purl.org/rss/1.0/modules/content/"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
    ("media", "http://search.yahoo.com/mrss/"),
    ("podcast", "https://podcastindex.org/namespace/1.0"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("wfw", "http://wellformedweb.org/CommentAPI/"),
];

/// What the rewrite has learnt about the document so far.
#[derive(Default)]
pub(super) struct Dialect {
    is_atom: bool,
    is_atom_03: bool,
    /// Prefixes bound to Atom (either version), besides the default namespace.
    atom_prefixes: Vec<String>,
    /// Microsoft's Channel Definition Format (1997), which feedparser still reads.
    is_cdf: bool,
    /// RSS, any version, and RDF.
    is_rss: bool,
    /// RSS 1.0 and 0.90, whose root is `<rdf:RDF>`.
    is_rdf: bool,
    /// The prefix of a namespaced RSS 2.0 (`<r:rss xmlns:r="…">`).
    rss_prefix: Option<String>,
    /// Prefixes the root binds to one of [`EXTENSIONS`]' namespaces, with that namespace. A map,
    /// as every element is looked up in it and a hostile root can bind thousands.
    extension_prefixes: HashMap<String, &'static str>,
}

impl Dialect {
    /// Adjusts a start tag; `open` names its ancestors, outermost first, `document` is the whole
    /// input (to find prefixes used before they are met) and `rest` the input after the tag.
    pub(super) fn start_tag(
        &mut self,
        tag: &mut Tag,
        self_closing: bool,
        open: &[&str],
        document: &[u8],
        rest: &[u8],
    ) -> Opened {
        if open.is_empty() {
            return self.root(tag, document);
        }
        if self.is_cdf {
            return cdf_element(tag);
        }
        if let Some(namespace) = self.extension_namespace(&tag.name)
            && let Some(opened) = extension_element(tag, namespace, self_closing, rest)
        {
            return opened;
        }
        if self.is_rss {
            if let Some(prefix) = &self.rss_prefix
                && let Some(local) = tag.name.strip_prefix(&format!("{prefix}:"))
            {
                tag.name = local.to_string();
            }
            return rss_element(tag, open, rest, self.is_rdf);
        }
        if !self.is_atom || !self.in_atom(&tag.name) {
            return Opened::default();
        }
        // feedparser reads RSS's `<item>` in an Atom feed as an entry, and so do we.
        if tag.name == "item" && open.len() == 1 {
            tag.name = "entry".to_string();
        }
        let (prefix, local) = split_name(&tag.name);
        if self.is_atom_03 {
            let renamed = match local {
                "tagline" => Some("subtitle"),
                "copyright" => Some("rights"),
                "issued" => Some("published"),
                "modified" => Some("updated"),
                "url" if open.last().is_some_and(|p| is_person(split_name(p).1)) => Some("uri"),
                _ => None,
            };
            if let Some(renamed) = renamed {
                tag.name = match prefix {
                    Some(prefix) => format!("{prefix}:{renamed}"),
                    None => renamed.to_string(),
                };
            }
        }
        let body = match split_name(&tag.name).1 {
            "title" | "subtitle" | "summary" | "rights" => self.text_construct(tag, false, rest),
            "content" => self.text_construct(tag, true, rest),
            _ => Body::AsIs,
        };
        Opened {
            body,
            ..Opened::default()
        }
    }

    fn root(&mut self, tag: &mut Tag, document: &[u8]) -> Opened {
        let mut opened = Opened::default();
        let name = tag.name.clone();
        let (prefix, local) = split_name(&name);
        match local {
            "rss" | "RDF" => {
                self.is_rss = true;
                self.is_rdf = local == "RDF";
                if local == "rss"
                    && !matches!(tag.attribute("version"), Some("2.0" | "0.91" | "0.92"))
                {
                    tag.set_attribute("version", "2.0");
                }
                // RSS has no namespace, but Userland once gave 2.0 one; feed-rs then ignores
                // every element in it. Elements in it lose their prefix.
                if local == "rss" {
                    tag.remove_attribute("xmlns");
                    if let Some(prefix) = prefix {
                        tag.remove_attribute(&format!("xmlns:{prefix}"));
                        self.rss_prefix = Some(prefix.to_string());
                        tag.name = local.to_string();
                    }
                }
                // For elements renamed into these namespaces (XHTML bodies become
                // `content:encoded`, Dublin Core's `dc:author` becomes `dc:creator`).
                for prefix in ["content", "dc"] {
                    let declaration = format!("xmlns:{prefix}");
                    if tag.attribute(&declaration).is_none()
                        && let Some((_, uri)) = KNOWN_NAMESPACES.iter().find(|(p, _)| *p == prefix)
                    {
                        tag.attributes.push((declaration, uri.to_string()));
                    }
                }
                // RSS 0.9x feeds seen in the wild put items straight under `<rss>`, or have no
                // channel at all; feed-rs needs one.
                if local == "rss"
                    && !contains(document, b"<channel")
                    && !contains(document, b":channel")
                {
                    opened.wrapper = Some("channel");
                }
            }
            "feed" | "entry" => {
                self.is_atom = true;
                self.is_atom_03 = tag.attribute("version") == Some("0.3");
                // A `<feed>` in a namespace nobody defined (pre-release Atom drafts) is Atom.
                let declaration = prefix.map_or("xmlns".to_string(), |p| format!("xmlns:{p}"));
                if tag
                    .attribute(&declaration)
                    .is_some_and(|ns| ns != ATOM_10 && !ns.eq_ignore_ascii_case(ATOM_03))
                {
                    tag.set_attribute(&declaration, ATOM_10);
                }
            }
            "CHANNEL" | "Channel" => {
                self.is_cdf = true;
                opened = cdf_element(tag);
                tag.name = "rss".to_string();
                tag.set_attribute("version", "2.0");
                opened.wrapper = Some("channel");
                return opened;
            }
            _ => {}
        }
        for (name, value) in &mut tag.attributes {
            if name != "xmlns" && !name.starts_with("xmlns:") {
                continue;
            }
            if value.eq_ignore_ascii_case(ATOM_03) {
                self.is_atom_03 = true;
                *value = ATOM_10.to_string();
            }
            if let Some((_, uri)) = KNOWN_NAMESPACES
                .iter()
                .find(|(_, uri)| value.trim().eq_ignore_ascii_case(uri))
            {
                *value = uri.to_string();
            }
            if value == ATOM_10
                && let Some(prefix) = name.strip_prefix("xmlns:")
            {
                self.atom_prefixes.push(prefix.to_string());
            }
            if let Some(prefix) = name.strip_prefix("xmlns:")
                && let Some((_, uri)) = EXTENSIONS.iter().find(|(_, uri)| value.as_str() == *uri)
            {
                self.extension_prefixes.insert(prefix.to_string(), *uri);
            }
        }
        for (prefix, uri) in KNOWN_NAMESPACES {
            let declaration = format!("xmlns:{prefix}");
            let used = format!("<{prefix}:");
            if tag.attribute(&declaration).is_none() && contains(document, used.as_bytes()) {
                tag.attributes.push((declaration, uri.to_string()));
                if prefix == "atom" {
                    self.atom_prefixes.push(prefix.to_string());
                }
            }
        }
        opened
    }

    /// The extension namespace of a prefixed name: the one the root binds its prefix to, else
    /// the one whose usual prefix it is (a namespace declared on an inner element).
    fn extension_namespace(&self, name: &str) -> Option<&'static str> {
        let prefix = split_name(name).0?;
        let usual = || {
            EXTENSIONS
                .iter()
                .find(|(p, _)| *p == prefix)
                .map(|(_, uri)| *uri)
        };
        self.extension_prefixes.get(prefix).copied().or_else(usual)
    }

    fn in_atom(&self, name: &str) -> bool {
        match split_name(name).0 {
            None => true,
            Some(prefix) => self.atom_prefixes.iter().any(|p| p == prefix),
        }
    }

    /// Maps a text construct's `type` (and Atom 0.3's `mode`) onto Atom 1.0's.
    fn text_construct(&self, tag: &mut Tag, is_content: bool, rest: &[u8]) -> Body {
        let mode = tag
            .remove_attribute("mode")
            .map(|m| m.trim().to_ascii_lowercase());
        let declared = tag.attribute("type").map(|t| t.trim().to_ascii_lowercase());
        if is_content {
            // feed-rs refuses content with both a `src` and a body; the body is what we show.
            tag.remove_attribute("src");
        }
        let escaped = mode.as_deref() == Some("escaped");
        let kind = match declared.as_deref() {
            // Atom 0.3's default type is text/plain; Atom 1.0's is text.
            None | Some("") => "text",
            Some("text" | "text/plain") => "text",
            Some("html" | "text/html") => "html",
            Some("xhtml" | "application/xhtml+xml") if escaped => "html",
            Some("xhtml" | "application/xhtml+xml") => "xhtml",
            Some(t) if t.starts_with("text/") => "text",
            // feed-rs has a branch for inline XML content, but reads it as a text construct,
            // which refuses any type but text, html and xhtml.
            Some(t) if t.ends_with("+xml") || t.ends_with("/xml") => "xhtml",
            // Anything else is a base64-encoded document of that type.
            Some(_) => "base64",
        };
        let base64 = kind == "base64" || mode.as_deref() == Some("base64");
        let kind = match kind {
            "base64" => "html",
            _ if base64 => kind,
            // Markup written inline, whatever the type says (Atom 0.3's default mode, or a feed
            // that forgot to escape its HTML): feed-rs would keep only the text before the
            // first child element; as xhtml, all of it is kept.
            _ if child_elements(rest, &tag.name) == Some(true) => "xhtml",
            other => other,
        };
        tag.set_attribute("type", kind);
        if base64 { Body::Base64 } else { Body::AsIs }
    }
}

/// Whether the element whose content starts `rest` has child elements (CDATA is text); `None`
/// when its end tag does not come before an ancestor's, so it is left open and not judged.
fn child_elements(rest: &[u8], name: &str) -> Option<bool> {
    let mut depth = 0usize;
    let mut has_children = false;
    let mut i = 0;
    while let Some(at) = rest[i..].iter().position(|b| *b == b'<') {
        let markup = &rest[i + at..];
        let skip_to = |end: &[u8]| find(markup, end).map(|n| i + at + n + end.len());
        if markup.starts_with(b"<![CDATA[") {
            i = skip_to(b"]]>")?;
        } else if markup.starts_with(b"<!--") {
            i = skip_to(b"-->")?;
        } else if let Some(closing) = markup.strip_prefix(b"</") {
            let end = closing
                .iter()
                .position(|b| *b == b'>' || b.is_ascii_whitespace())?;
            // HTML leaves elements like `<br>` unclosed, so the element's own end tag ends it at
            // any depth.
            if &closing[..end] == name.as_bytes() {
                return Some(has_children);
            }
            depth = depth.checked_sub(1)?;
            i += at + 2;
        } else if markup.get(1).is_some_and(u8::is_ascii_alphabetic) {
            has_children = true;
            let tag_end = markup.iter().position(|b| *b == b'>')?;
            if markup[tag_end - 1] != b'/' {
                depth += 1;
            }
            i += at + tag_end + 1;
        } else {
            i += at + 1;
        }
    }
    None
}

fn is_person(local: &str) -> bool {
    matches!(local, "author" | "contributor")
}

fn split_name(name: &str) -> (Option<&str>, &str) {
    match name.split_once(':') {
        Some((prefix, local)) => (Some(prefix), local),
        None => (None, name),
    }
}
