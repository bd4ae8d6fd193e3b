//! Finding the feeds of a web site: `<link rel="alternate">` in its pages, then common paths.
//!
//! Pure: the caller fetches the page and the guesses; this module only reads bytes and builds URLs.
//!
//! [`address`] then tells whether a feed found here (or typed, or listed in an OPML file) is one
//! already subscribed to, written another way.

pub mod address;

use crate::scan::find;
use std::collections::HashSet;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use url::Url;

use crate::api::{FeedCandidate, FeedFormat};

/// A hostile page could list thousands of alternates; nobody picks from more than a handful.
const MAX_CANDIDATES: usize = 50;
const MAX_TITLE_CHARS: usize = 200;
/// Longer `href`s are data dumps or attacks, never feed addresses.
const MAX_HREF_BYTES: usize = 4096;
/// How far [`looks_like_html`] reads before giving up; a page's first tag is never further away
/// unless a comment or whitespace runs this long, and then "not sure" is the honest answer.
const SNIFF_BYTES: usize = 4096;

/// Feeds a page advertises with `<link rel="alternate" type="…">` (or microformats'
/// `rel="feed"`), as absolute http(s) URLs in document order, without duplicates, at most
/// [`MAX_CANDIDATES`].
///
/// `<link>`s anywhere count (some sites put them in `<body>`), and `<base href>` is honoured.
/// The whole page is parsed into a tree, which costs memory: an 8 MB page of dense markup peaked
/// near 120 MB in our test. Cheaper scanning would misread `<link>`s inside scripts and comments.
/// Comment feeds (WordPress adds one to every page) are kept but moved after the others, so the
/// first candidate is the one a person most likely wants.
pub fn links_in_page(html: &[u8], page_url: &Url) -> Vec<FeedCandidate> {
    static LINKS: LazyLock<Selector> = LazyLock::new(|| selector("link[href]"));
    static BASE: LazyLock<Selector> = LazyLock::new(|| selector("base[href]"));

    let document = Html::parse_document(&decode_page(html));
    // The spec uses the first <base href> only, and a base that is not a web address (say
    // `javascript:`) must not become the root of every link.
    let base = document
        .select(&BASE)
        .next()
        .and_then(|base| base.attr("href"))
        .and_then(|href| page_url.join(href.trim()).ok())
        .filter(is_web_url)
        .unwrap_or_else(|| page_url.clone());

    let mut seen = HashSet::new();
    let mut feeds = Vec::new();
    for link in document.select(&LINKS) {
        if feeds.len() == MAX_CANDIDATES {
            break;
        }
        let Some(candidate) = candidate(link, &base) else {
            continue;
        };
        if seen.insert(candidate.url.clone()) {
            feeds.push(candidate);
        }
    }
    let (mut main, comments): (Vec<_>, Vec<_>) =
        feeds.into_iter().partition(|feed| !is_comment_feed(feed));
    main.extend(comments);
    main
}

/// Where sites put feeds when their pages do not say, most common first: WordPress and Substack,
/// Ghost and Tumblr, Jekyll, Hugo, Hexo and Octopress, Gatsby and Drupal, then JSON Feed.
/// Each guess costs the caller a request, so the list stays short.
pub fn common_feed_urls(page_url: &Url) -> Vec<Url> {
    const PATHS: [&str; 7] = [
        "/feed",
        "/rss",
        "/feed.xml",
        "/index.xml",
        "/atom.xml",
        "/rss.xml",
        "/feed.json",
    ];
    if !is_web_url(page_url) {
        return Vec::new();
    }
    // The origin drops any user name, password, query and fragment the page address carried.
    let Ok(root) = Url::parse(&page_url.origin().ascii_serialization()) else {
        return Vec::new();
    };
    PATHS
        .iter()
        .filter_map(|path| root.join(path).ok())
        .collect()
}

/// Whether these bytes start like an HTML page rather than a feed: after any byte order mark,
/// whitespace, comments and XML declaration, a doctype for `html` or an `<html>`, `<head>` or
/// `<body>` tag. Only the first few kilobytes are read.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = sniff_window(bytes);
    let mut rest = start.as_slice();
    loop {
        rest = rest.trim_ascii_start();
        let skip = if rest.starts_with(b"<!--") {
            find(rest, b"-->").map(|end| end + 3)
        } else if rest.starts_with(b"<?") {
            find(rest, b"?>").map(|end| end + 2)
        } else {
            break;
        };
        match skip {
            Some(skip) => rest = &rest[skip..],
            None => return false,
        }
    }
    let lower = rest[..rest.len().min(64)].to_ascii_lowercase();
    if let Some(doctype) = lower.strip_prefix(b"<!doctype") {
        return doctype.trim_ascii_start().starts_with(b"html");
    }
    ["<html", "<head", "<body"]
        .iter()
        .any(|tag| match lower.strip_prefix(tag.as_bytes()) {
            Some([next, ..]) => matches!(next, b'>' | b'/') || next.is_ascii_whitespace(),
            _ => false,
        })
}

fn candidate(link: ElementRef<'_>, base: &Url) -> Option<FeedCandidate> {
    let rel = link.attr("rel")?;
    let is_alternate = rel
        .split_ascii_whitespace()
        .any(|token| token.eq_ignore_ascii_case("alternate") || token.eq_ignore_ascii_case("feed"));
    if !is_alternate {
        return None;
    }
    let href = link.attr("href")?.trim();
    if href.is_empty() || href.len() > MAX_HREF_BYTES {
        return None;
    }
    let title = link.attr("title").map(tidy_title).filter(|t| !t.is_empty());
    let format = feed_format(link.attr("type")?, title.as_deref(), href)?;
    let mut url = resolve(href, base)?;
    url.set_fragment(None);
    Some(FeedCandidate {
        url: url.into(),
        title,
        format,
    })
}

fn feed_format(media_type: &str, title: Option<&str>, href: &str) -> Option<FeedFormat> {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    match essence.to_ascii_lowercase().as_str() {
        "application/rss+xml" | "application/rdf+xml" => Some(FeedFormat::Rss),
        "application/atom+xml" => Some(FeedFormat::Atom),
        "application/feed+json" => Some(FeedFormat::Json),
        // WordPress marks its REST API (`/wp-json/wp/v2/posts/1`) as an application/json
        // alternate of every page, so plain JSON counts only when it calls itself a feed.
        "application/json" => {
            let says_feed = |s: &str| s.to_lowercase().contains("feed");
            (title.is_some_and(says_feed) || says_feed(href)).then_some(FeedFormat::Json)
        }
        // Older sites label RSS and Atom alike as generic XML; which one only a fetch can tell.
        "text/xml" | "application/xml" => Some(FeedFormat::Unknown),
        _ => None,
    }
}

/// Resolves an `href` against the base, accepting the old `feed:` scheme that Safari and
/// Firefox once registered (`feed://host/rss`, `feed:https://host/rss`), and nothing but http(s).
fn resolve(href: &str, base: &Url) -> Option<Url> {
    let url = match href.get(..5) {
        Some(scheme) if scheme.eq_ignore_ascii_case("feed:") => {
            let rest = &href[5..];
            if rest.starts_with("//") {
                Url::parse(&format!("http:{rest}")).ok()?
            } else {
                Url::parse(rest).ok()?
            }
        }
        _ => base.join(href).ok()?,
    };
    is_web_url(&url).then_some(url)
}

fn is_web_url(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty())
}

/// Comment feeds by their WordPress address or by a title in one of the languages WordPress
/// is most used in. A miss only changes the order of the list, never what is in it.
fn is_comment_feed(feed: &FeedCandidate) -> bool {
    const WORDS: [&str; 6] = [
        "comment",
        "kommentar",
        "commentaire",
        "comentario",
        "comentário",
        "commenti",
    ];
    let url = feed.url.to_lowercase();
    if url.contains("/comments/") || url.contains("feed=comments") {
        return true;
    }
    let title = feed.title.as_deref().unwrap_or_default().to_lowercase();
    WORDS.iter().any(|word| title.contains(word))
}

/// Pages are UTF-8 nearly always; what is not is most likely the web's legacy default,
/// windows-1252, and reading it as such keeps titles legible. Addresses are ASCII either way.
fn decode_page(bytes: &[u8]) -> String {
    if let Some(utf16) = decode_utf16_with_bom(bytes) {
        return utf16;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes
            .iter()
            .map(|&b| crate::feeds::windows_1252(b))
            .collect(),
    }
}

fn decode_utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// The first [`SNIFF_BYTES`] as ASCII-compatible bytes: UTF-16 pages lose their zero bytes,
/// which is enough to read markup.
fn sniff_window(bytes: &[u8]) -> Vec<u8> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    match head {
        [0xEF, 0xBB, 0xBF, rest @ ..] => rest.to_vec(),
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => {
            rest.iter().copied().filter(|&b| b != 0).collect()
        }
        _ => head.to_vec(),
    }
}

fn tidy_title(title: &str) -> String {
    let words = title
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty());
    let mut tidy = String::new();
    for word in words {
        if !tidy.is_empty() {
            tidy.push(' ');
        }
        tidy.push_str(word);
    }
    match tidy.char_indices().nth(MAX_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", tidy[..cut].trim_end()),
        None => tidy,
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a constant CSS selector parses")
}

#[cfg(test)]
mod tests;
