//! OPML subscription lists: reading them (hostile ones included) and writing our own.
//!
//! Import is forgiving entry by entry and strict about the file as a whole: a bad entry is
//! skipped and reported with its reason while the rest import, but a file that is too big, not
//! OPML, or unreadable from its first tag imports nothing. Nothing in a file can make Tidings read
//! another file or run a program: DOCTYPEs are skipped unread, so custom and external entities
//! (billion laughs, XXE) stay literal text, and only http(s) feed addresses are accepted.

mod outline;
mod text;
mod write;

use std::collections::HashMap;
use std::rc::Rc;

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::api::RejectedOutline;
use crate::discover::address::address_key;
use outline::{Outline, web_url};

pub use write::write_opml;

/// A reader's outline for one feed runs to about 250 bytes, so even a list at
/// [`MAX_OPML_ENTRIES`] is near 3 MB; 16 MiB leaves room for verbose exporters while bounding
/// what a hostile file costs (the text is decoded once, about as much again). The check comes
/// before anything is read, so a 50 MB file is refused at once.
pub const MAX_OPML_BYTES: usize = 16 * 1024 * 1024;
/// Feeds plus refused entries. More than a person reads, and than one refresh cycle fetches in
/// reasonable time; a bigger list is a directory dump or an attack, and splitting it is the fix.
pub const MAX_OPML_ENTRIES: usize = 10_000;
/// Long enough for the token-laden addresses of private feeds, far short of a data dump.
pub const MAX_URL_CHARS: usize = 4096;
pub const MAX_TITLE_CHARS: usize = 300;
pub const MAX_FOLDER_CHARS: usize = 200;
/// How much of a rejected address is echoed back in the report.
const SHOWN_URL_CHARS: usize = 300;

/// A feed read from (or to be written to) an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    /// Plain text, whitespace collapsed, at most [`MAX_TITLE_CHARS`]; never empty.
    pub title: String,
    /// An absolute http(s) address in the normalized form `url::Url` gives it, so two spellings
    /// of one address are one feed.
    pub xml_url: String,
    /// The site's home page, when the file gave an http(s) one.
    pub html_url: Option<String>,
    /// Nested folders joined with `" / "`, at most [`MAX_FOLDER_CHARS`]; `None` at top level.
    pub folder: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpmlImport {
    pub feeds: Vec<OpmlFeed>,
    /// Entries that were not imported, in file order, each with its reason. If the file breaks
    /// off partway, the last one says where and has no title or address.
    pub rejected: Vec<RejectedOutline>,
}

/// Why a whole file imported nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    #[error(
        "This file is {} MB; Tidings imports subscription lists up to {} MB. \
         Is it really an OPML export?",
        megabytes(*size),
        megabytes(*limit)
    )]
    TooLarge { size: usize, limit: usize },
    #[error(
        "This file is {found}, not an OPML subscription list. Export your subscriptions as OPML \
         from your previous reader and import that file."
    )]
    NotOpml { found: String },
    #[error("This OPML file is damaged and none of it could be read: {0}")]
    Malformed(String),
    #[error(
        "This file lists more than {limit} feeds, more than Tidings imports at once. \
         Split it into smaller files and import them one by one."
    )]
    TooManyEntries { limit: usize },
}

/// Reads an OPML 1.0 or 2.0 subscription list.
///
/// Folders are outlines without `xmlUrl`; nested ones flatten to one level named like
/// `"Tech / Rust"`. Feed titles come from `title`, else `text`, else the address's host; titles
/// are text, never markup, so `"<b>"` in a title stays `"<b>"` and round-trips.
/// A non-http(s) `htmlUrl` is dropped silently: it is only the "visit site" link, and losing
/// the feed over it would surprise more than help.
pub fn parse_opml(bytes: &[u8]) -> Result<OpmlImport, OpmlError> {
    if bytes.len() > MAX_OPML_BYTES {
        return Err(OpmlError::TooLarge {
            size: bytes.len(),
            limit: MAX_OPML_BYTES,
        });
    }
    if crate::discover::looks_like_html(bytes) {
        return Err(not_opml("a web page"));
    }
    let document = text::decode(bytes);
    match document.trim_start().chars().next() {
        None => return Err(not_opml("empty")),
        Some('{' | '[') => return Err(not_opml("JSON")),
        Some(_) => {}
    }

    let mut reader = Reader::from_str(&document);
    let config = reader.config_mut();
    // Real exports close tags sloppily and leave bare `&`s in text; neither hides a feed.
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;

    let mut import = Importer::default();
    let mut seen_root = false;
    loop {
        let (tag, has_children) = match reader.read_event() {
            Ok(Event::Start(tag)) => (tag, true),
            Ok(Event::Empty(tag)) => (tag, false),
            Ok(Event::End(tag)) => {
                if is_named(tag.local_name().as_ref(), "outline") {
                    import.close();
                }
                continue;
            }
            Ok(Event::Eof) => break,
            Ok(_) => continue,
            Err(error) => {
                let position = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                let line = line_at(&document, position);
                if !seen_root || import.is_empty() {
                    return Err(OpmlError::Malformed(format!("line {line}: {error}")));
                }
                import.rejected.push(RejectedOutline {
                    title: String::new(),
                    url: String::new(),
                    reason: format!(
                        "the file is damaged at line {line}, so entries after it were not read"
                    ),
                });
                break;
            }
        };
        let name = tag.local_name();
        if !seen_root {
            check_root(name.as_ref())?;
            seen_root = true;
        } else if is_named(name.as_ref(), "outline") {
            import.open(&tag, has_children);
            if import.entries > MAX_OPML_ENTRIES {
                return Err(OpmlError::TooManyEntries {
                    limit: MAX_OPML_ENTRIES,
                });
            }
        }
    }
    if !seen_root {
        return Err(not_opml("plain text"));
    }
    Ok(OpmlImport {
        feeds: import.feeds,
        rejected: import.rejected,
    })
}

/// The state of one import: where in the folder tree we are, and what was kept or refused.
#[derive(Default)]
struct Importer {
    /// For each open outline, the folder its children belong to. Shared, so that a file nesting
    /// outlines a million deep costs a pointer per level rather than a string.
    folders: Vec<Option<Rc<str>>>,
    feeds: Vec<OpmlFeed>,
    rejected: Vec<RejectedOutline>,
    /// Each feed's [`address_key`] → index in `feeds`: `http://www.x/feed/` repeats `https://x/feed`.
    seen: HashMap<String, usize>,
    /// Feeds and refused entries so far; folders are free.
    entries: usize,
}

impl Importer {
    fn is_empty(&self) -> bool {
        self.feeds.is_empty() && self.rejected.is_empty()
    }

    fn open(&mut self, tag: &BytesStart<'_>, has_children: bool) {
        let outline = Outline::read(tag);
        let parent = self.folders.last().cloned().flatten();
        let mut children_folder = parent.clone();
        if let Some(reason) = outline.runs_program() {
            self.reject(&outline, reason);
        } else if let Some(xml_url) = outline.xml_url.as_deref().filter(|u| !u.trim().is_empty()) {
            self.add_feed(&outline, xml_url, parent);
        } else if let Some(reason) = outline.links_elsewhere() {
            self.reject(&outline, reason);
        } else if outline.xml_url.is_some() && !has_children {
            self.reject(&outline, "it has no feed address".to_string());
        } else if let Some(name) = outline.title() {
            children_folder = Some(nest(parent.as_ref(), &name));
        }
        if has_children {
            self.folders.push(children_folder);
        }
    }

    fn close(&mut self) {
        self.folders.pop();
    }

    fn add_feed(&mut self, outline: &Outline, xml_url: &str, folder: Option<Rc<str>>) {
        let url = match web_url(xml_url) {
            Ok(url) => url,
            Err(reason) => return self.reject(outline, reason),
        };
        if let Some(&first) = self.seen.get(&address_key(url.as_str())) {
            let reason = format!(
                "it repeats a feed already in this list (\"{}\")",
                self.feeds[first].title
            );
            return self.reject(outline, reason);
        }
        let title = outline
            .title()
            .unwrap_or_else(|| text::tidy(url.host_str().unwrap_or_default(), MAX_TITLE_CHARS));
        let html_url = outline
            .html_url
            .as_deref()
            .and_then(|u| web_url(u).ok())
            .map(String::from);
        self.entries += 1;
        self.seen
            .insert(address_key(url.as_str()), self.feeds.len());
        self.feeds.push(OpmlFeed {
            title,
            xml_url: url.into(),
            html_url,
            folder: folder.map(|f| f.to_string()),
        });
    }

    fn reject(&mut self, outline: &Outline, reason: String) {
        self.entries += 1;
        let url = outline.xml_url.as_deref().or(outline.url.as_deref());
        self.rejected.push(RejectedOutline {
            title: outline.title().unwrap_or_default(),
            url: text::shorten(url.unwrap_or_default().trim(), SHOWN_URL_CHARS),
            reason,
        });
    }
}

fn check_root(name: &str) -> Result<(), OpmlError> {
    let name = name.to_ascii_lowercase();
    match name.as_str() {
        "opml" => Ok(()),
        "rss" | "rdf" | "feed" => Err(not_opml("a single feed")),
        "html" => Err(not_opml("a web page")),
        _ => Err(not_opml(&format!(
            "an XML document of another kind (<{}>)",
            text::shorten(&name, 40)
        ))),
    }
}

fn not_opml(found: &str) -> OpmlError {
    OpmlError::NotOpml {
        found: found.to_string(),
    }
}

fn is_named(name: &str, expected: &str) -> bool {
    name.eq_ignore_ascii_case(expected)
}

/// A folder inside `parent`, cut to [`MAX_FOLDER_CHARS`]. Once the path has no room for
/// another level, deeper folders share it instead of allocating their own.
fn nest(parent: Option<&Rc<str>>, name: &str) -> Rc<str> {
    let name = text::tidy(name, MAX_FOLDER_CHARS);
    match parent {
        None => name.into(),
        Some(parent) if parent.chars().count() + " / ".len() >= MAX_FOLDER_CHARS => {
            Rc::clone(parent)
        }
        Some(parent) => text::tidy(&format!("{parent} / {name}"), MAX_FOLDER_CHARS).into(),
    }
}

fn line_at(document: &str, position: usize) -> usize {
    let mut end = position.min(document.len());
    while !document.is_char_boundary(end) {
        end -= 1;
    }
    document[..end].bytes().filter(|&b| b == b'\n').count() + 1
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests;
