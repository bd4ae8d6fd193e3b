use std::path::PathBuf;

use url::Url;

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src/discover/testdata")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn url(s: &str) -> Url {
    Url::parse(s).unwrap()
}

/// (url, title, format) triples, which read better in assertions than the structs.
fn found(html: &[u8], page: &str) -> Vec<(String, Option<String>, FeedFormat)> {
    links_in_page(html, &url(page))
        .into_iter()
        .map(|c| (c.url, c.title, c.format))
        .collect()
}

fn entry(
    url: &str,
    title: Option<&str>,
    format: FeedFormat,
) -> (String, Option<String>, FeedFormat) {
    (url.to_string(), title.map(str::to_string), format)
}

#[test]
fn a_wordpress_post_offers_the_site_feeds_first_and_its_comment_feeds_last() {
    let page = "https://allotment.example.org/2024/05/why-we-garden/";
    assert_eq!(
        found(&fixture("wordpress.html"), page),
        [
            entry(
                "https://allotment.example.org/feed/",
                Some("Notes from the Allotment » Feed"),
                FeedFormat::Rss
            ),
            entry(
                "https://allotment.example.org/feed/atom/",
                Some("Notes from the Allotment » Atom"),
                FeedFormat::Atom
            ),
            entry(
                "https://allotment.example.org/comments/feed/",
                Some("Notes from the Allotment » Comments Feed"),
                FeedFormat::Rss
            ),
            entry(
                "https://allotment.example.org/2024/05/why-we-garden/feed/",
                Some("Notes from the Allotment » Why We Garden Comments Feed"),
                FeedFormat::Rss
            ),
        ],
        "the REST API and oEmbed alternates are not feeds, and a <link> inside a script is text"
    );
}

#[test]
fn links_resolve_against_base_href_and_hostile_ones_are_dropped() {
    let page = "https://notes.example.net/2024/field-trip.html";
    assert_eq!(
        found(&fixture("base-href.html"), page),
        [
            entry(
                "https://static.example.net/notes/rss.xml",
                Some("Field Notes"),
                FeedFormat::Rss
            ),
            entry(
                "https://mirror.example.net/notes/atom.xml",
                Some("Field Notes (Atom)"),
                FeedFormat::Atom
            ),
            entry(
                "https://static.example.net/notes/feed.json",
                Some("Field Notes (JSON Feed)"),
                FeedFormat::Json
            ),
            entry(
                "http://legacy.example.net/notes.rss",
                Some("Old-style"),
                FeedFormat::Rss
            ),
            entry(
                "https://static.example.net/podcast.xml",
                Some("Podcast"),
                FeedFormat::Unknown
            ),
        ],
        "javascript:, data:, file: and blank hrefs are gone; rss.xml#top is rss.xml again"
    );
}

#[test]
fn a_page_without_feeds_offers_none() {
    assert_eq!(
        found(&fixture("no-feeds.html"), "https://landing.example.com/"),
        []
    );
}

#[test]
fn a_windows_1252_page_keeps_its_accented_titles() {
    assert_eq!(
        found(&fixture("windows-1252.html"), "http://gazette.example.fr/"),
        [entry(
            "http://gazette.example.fr/nouvelles.rss",
            Some("Café Gazette – Nouvelles"),
            FeedFormat::Rss
        )]
    );
}

#[test]
fn a_utf16_page_is_read() {
    let html = r#"<html><head><link rel="alternate" type="application/atom+xml" href="/atom"></head></html>"#;
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        found(&bytes, "https://wide.example/"),
        [entry("https://wide.example/atom", None, FeedFormat::Atom)]
    );
}

#[test]
fn a_javascript_base_href_is_ignored() {
    let html = br#"<base href="javascript:void(0)//"><link rel=alternate type=application/rss+xml href=rss>"#;
    assert_eq!(
        found(html, "https://site.example/blog/"),
        [entry(
            "https://site.example/blog/rss",
            None,
            FeedFormat::Rss
        )]
    );
}

#[test]
fn plain_json_counts_only_when_it_calls_itself_a_feed() {
    let html = br#"
        <link rel="alternate" type="application/json" href="/api/page/7">
        <link rel="alternate" type="application/json" title="JSON Feed" href="/everything.json">
        <link rel="alternate" type="application/json" href="/feed.json">"#;
    assert_eq!(
        found(html, "https://json.example/"),
        [
            entry(
                "https://json.example/everything.json",
                Some("JSON Feed"),
                FeedFormat::Json
            ),
            entry("https://json.example/feed.json", None, FeedFormat::Json),
        ]
    );
}

#[test]
fn garbage_and_truncated_pages_do_not_panic() {
    let page = url("https://broken.example/");
    for html in [
        &b""[..],
        b"\0\0\0\xff\xfe",
        b"<link rel=alternate type=application/rss+xml href=",
        b"<link rel=alternate type=application/rss+xml href='http://[::1'>",
        b"<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"http://a.example/x\"",
        b"<<<<>>>><!-- <link rel=alternate type=application/rss+xml href=/c> -->",
    ] {
        let feeds = links_in_page(html, &page);
        assert!(
            feeds.iter().all(|f| f.url.starts_with("http")),
            "{feeds:?}"
        );
    }
}

#[test]
fn a_huge_page_with_its_feed_link_at_the_end_is_still_found() {
    let mut html = String::from("<!doctype html><html><head><title>Long</title></head><body>");
    let paragraph =
        "<p>Lorem ipsum dolor sit amet, <a href=\"/x\">consectetur</a> adipiscing.</p>\n";
    while html.len() < 8 * 1024 * 1024 {
        html.push_str(paragraph);
    }
    html.push_str(
        r#"<link rel="alternate" type="application/rss+xml" href="/late.rss"></body></html>"#,
    );
    assert_eq!(
        found(html.as_bytes(), "https://long.example/"),
        [entry(
            "https://long.example/late.rss",
            None,
            FeedFormat::Rss
        )]
    );
}

#[test]
fn a_page_listing_thousands_of_feeds_offers_a_pickable_few() {
    let mut html = String::from("<head>");
    for i in 0..10_000 {
        html.push_str(&format!(
            r#"<link rel="alternate" type="application/rss+xml" title="Feed {i}" href="/f/{i}">"#
        ));
    }
    let feeds = links_in_page(html.as_bytes(), &url("https://many.example/"));
    assert_eq!(feeds.len(), MAX_CANDIDATES);
    assert_eq!(feeds[0].url, "https://many.example/f/0");
}

#[test]
fn absurd_titles_are_cut_and_blank_ones_are_none() {
    let long = "x".repeat(10_000);
    let html = format!(
        r#"<link rel="alternate" type="application/rss+xml" title="{long}" href="/a">
           <link rel="alternate" type="application/rss+xml" title=" &#9; " href="/b">"#
    );
    let feeds = links_in_page(html.as_bytes(), &url("https://titles.example/"));
    let title = feeds[0].title.as_deref().unwrap();
    assert_eq!(title.chars().count(), MAX_TITLE_CHARS + 1);
    assert!(title.ends_with('…'));
    assert_eq!(feeds[1].title, None);
}

#[test]
fn common_feed_urls_sit_at_the_site_root_of_the_page() {
    let guesses = common_feed_urls(&url(
        "https://me:secret@blog.example.com:8443/posts/1?x=1#top",
    ));
    let guesses: Vec<String> = guesses.into_iter().map(String::from).collect();
    assert_eq!(
        guesses,
        [
            "https://blog.example.com:8443/feed",
            "https://blog.example.com:8443/rss",
            "https://blog.example.com:8443/feed.xml",
            "https://blog.example.com:8443/index.xml",
            "https://blog.example.com:8443/atom.xml",
            "https://blog.example.com:8443/rss.xml",
            "https://blog.example.com:8443/feed.json",
        ]
    );
    assert_eq!(common_feed_urls(&url("file:///home/me/page.html")), []);
    assert_eq!(common_feed_urls(&url("javascript:alert(1)")), []);
}

#[test]
fn looks_like_html_tells_pages_from_feeds() {
    let pages: [&[u8]; 7] = [
        b"<!DOCTYPE html><html>",
        b"\xEF\xBB\xBF  \n<!-- cached 12ms --><!doctype HTML>",
        b"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">",
        b"<html lang=\"en\">",
        b"<HTML>",
        b"\n\n<head><title>no doctype</title>",
        b"<!DOCTYPE    html\n>",
    ];
    for page in pages {
        assert!(looks_like_html(page), "{}", String::from_utf8_lossy(page));
    }
    let feeds: [&[u8]; 8] = [
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">",
        b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
        b"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"><rss>",
        b"{\"version\": \"https://jsonfeed.org/version/1.1\"}",
        b"<htmlish>",
        b"",
        b"<!-- never closed",
        b"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
    ];
    for feed in feeds {
        assert!(!looks_like_html(feed), "{}", String::from_utf8_lossy(feed));
    }
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("<!DOCTYPE html>".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert!(looks_like_html(&utf16));
}

/// Every fixture, damaged a few hundred ways; what comes out must still be web addresses.
#[test]
fn damaged_pages_never_panic_and_never_yield_unsafe_links() {
    const SPLICES: [&[u8]; 5] = [
        b"<link rel=alternate type=application/rss+xml href=\"javascript:alert(1)\">",
        b"<base href=\"data:text/html,x\">",
        b"<!--",
        b"<script>",
        b"\xFF\xFE",
    ];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/discover/testdata");
    let page = url("https://damaged.example/post/1");
    let mut state = 0x85EB_CA6B_u32;
    let mut next = move |below: usize| {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (state >> 8) as usize % below.max(1)
    };
    for entry in std::fs::read_dir(dir).unwrap() {
        let original = std::fs::read(entry.unwrap().path()).unwrap();
        for round in 0..200 {
            let mut bytes = original.clone();
            let at = next(bytes.len());
            match round % 3 {
                0 => bytes.truncate(at),
                1 => bytes[at] ^= 1 << next(8),
                _ => {
                    let splice = SPLICES[next(SPLICES.len())];
                    bytes.splice(at..at, splice.iter().copied());
                }
            }
            looks_like_html(&bytes);
            for feed in links_in_page(&bytes, &page) {
                let url = Url::parse(&feed.url).unwrap();
                assert!(matches!(url.scheme(), "http" | "https"), "{feed:?}");
            }
        }
    }
}
