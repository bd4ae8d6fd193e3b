//! Hostile and oversized lists: what is refused whole, what entry by entry, and that nothing
//! in a file can make the import read, run or expand anything.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::{feed, fixture, generated_opml, import, reasons};
use url::Url;

use crate::opml::*;

#[test]
fn importing_a_hostile_opml_keeps_the_3_good_feeds_and_reports_each_bad_entry_with_its_reason() {
    let import = import("hostile.opml");
    assert_eq!(
        import.feeds,
        [
            feed(
                "Good one",
                "https://good.example.com/feed.xml",
                Some("https://good.example.com/"),
                None
            ),
            feed(
                "Second good one",
                "https://second.example.org/rss",
                None,
                Some("Folder")
            ),
            feed(
                "<script>alert(1)</script>",
                "https://third.example.net/atom",
                None,
                Some("Folder")
            ),
        ],
        "the javascript: htmlUrl is dropped, the feed kept; a title is text, never markup"
    );
    let expected: [(&str, &str); 9] = [
        ("Cookie thief", "starts with \"javascript:\""),
        ("Password file", "starts with \"file:\""),
        ("Inline", "starts with \"data:\""),
        ("Relative", "not a complete web address"),
        ("No address", "has no feed address"),
        ("Calculator", "run a program (type=\"exec\")"),
        ("Runs a shell", "run a program (its \"command\" attribute)"),
        ("Local app", "not a web page"),
        (
            "Second good one, again",
            "repeats a feed already in this list (\"Second good one\")",
        ),
    ];
    let found = reasons(&import);
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((title, reason), (want_title, want_reason)) in found.iter().zip(expected) {
        assert_eq!(*title, want_title);
        assert!(reason.contains(want_reason), "{title}: {reason}");
    }
    assert_eq!(import.rejected[1].url, "file:///etc/passwd");
    assert_eq!(
        import.rejected[5].url,
        "/System/Applications/Calculator.app"
    );
}

#[test]
fn an_entity_bomb_expands_nothing() {
    let started = Instant::now();
    let import = import("entity-bomb.opml");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(
        import.feeds,
        [
            feed(
                "&lol9;",
                "https://bomb.example.com/feed?q=&lol9;",
                None,
                None
            ),
            feed("Fine", "https://fine.example.com/feed", None, None),
        ]
    );
}

#[test]
fn external_entities_are_never_read() {
    let import = import("xxe.opml");
    assert_eq!(
        import.feeds,
        [feed(
            "Leak &remote;",
            "https://leak.example.com/feed",
            None,
            None
        )]
    );
    assert_eq!(reasons(&import).len(), 1);
    assert_eq!(import.rejected[0].url, "&xxe;");
    assert!(!format!("{import:?}").contains("root:"));
}

#[test]
fn a_50_mb_file_is_refused_before_it_is_read() {
    let mut huge = generated_opml(1).into_bytes();
    huge.resize(50 * 1024 * 1024, b' ');
    let started = Instant::now();
    let error = parse_opml(&huge).unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(100));
    assert!(matches!(error, OpmlError::TooLarge { .. }));
    assert_eq!(
        error.to_string(),
        "This file is 50.0 MB; Tidings imports subscription lists up to 16.0 MB. \
         Is it really an OPML export?"
    );
}

#[test]
fn files_that_are_not_opml_are_refused_with_what_they_are() {
    let cases: [(&[u8], &str); 8] = [
        (&fixture("discover/testdata/wordpress.html"), "a web page"),
        (
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>",
            "a single feed",
        ),
        (
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>",
            "a single feed",
        ),
        (b"{\"subscriptions\": []}", "JSON"),
        (b"<config><setting/></config>", "another kind (<config>)"),
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (b"just some words", "plain text"),
    ];
    for (bytes, found) in cases {
        match parse_opml(bytes) {
            Err(OpmlError::NotOpml { found: got }) => assert!(got.contains(found), "{got}"),
            other => panic!("{found}: {other:?}"),
        }
    }
}

#[test]
fn garbage_is_an_error_and_never_a_panic() {
    let mut noise: Vec<u8> = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut state = 7_u32;
    noise.extend((0..4096).map(|_| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (state >> 16) as u8
    }));
    for bytes in [
        &noise[..],
        b"<opml><body><outline text=\"a\" xmlUrl=\"https://x",
        b"<opml><body><outline",
        b"<!DOCTYPE opml [ <!ENTITY a \"",
        b"<<<<<<>>>>>>",
        b"<?xml version=\"1.0\" encoding=\"no-such-charset\"?><opml/>",
    ] {
        let _ = parse_opml(bytes);
    }
    assert!(matches!(
        parse_opml(b"<opml><body><outline text=\"a\" xmlUrl=\"https://x"),
        Err(OpmlError::Malformed(_))
    ));
}

#[test]
fn a_list_over_the_entry_cap_is_refused_whole() {
    let error = parse_opml(generated_opml(MAX_OPML_ENTRIES + 1).as_bytes()).unwrap_err();
    assert_eq!(
        error,
        OpmlError::TooManyEntries {
            limit: MAX_OPML_ENTRIES
        }
    );
    assert!(parse_opml(generated_opml(MAX_OPML_ENTRIES).as_bytes()).is_ok());
}

#[test]
fn absurdly_long_fields_are_capped_or_refused() {
    let long_title = "word ".repeat(5_000);
    let long_url = format!("https://long.example/{}", "a".repeat(MAX_URL_CHARS));
    let xml = format!(
        "<opml><body>\
         <outline text=\"{long_title}\" xmlUrl=\"https://title.example/feed\"/>\
         <outline text=\"Long address\" xmlUrl=\"{long_url}\"/>\
         </body></opml>"
    );
    let import = parse_opml(xml.as_bytes()).unwrap();
    let title = &import.feeds[0].title;
    assert_eq!(title.chars().count(), MAX_TITLE_CHARS);
    assert!(title.ends_with("word…"), "{title}");
    let [rejected] = &import.rejected[..] else {
        panic!("{:?}", import.rejected)
    };
    assert!(rejected.reason.contains("longer than 4096 characters"));
    assert_eq!(rejected.url.chars().count(), SHOWN_URL_CHARS + 1);
}

#[test]
fn folders_nested_a_hundred_thousand_deep_cost_little_and_stay_short() {
    let depth = 100_000;
    let mut xml = String::from("<opml><body>");
    xml.push_str(&"<outline text=\"Deeper\">".repeat(depth));
    xml.push_str("<outline text=\"Bottom\" xmlUrl=\"https://deep.example/feed\"/>");
    xml.push_str(&"</outline>".repeat(depth));
    xml.push_str(
        "<outline text=\"Surface\" xmlUrl=\"https://surface.example/feed\"/></body></opml>",
    );
    let import = parse_opml(xml.as_bytes()).unwrap();
    let folder = import.feeds[0].folder.as_deref().unwrap();
    assert!(folder.starts_with("Deeper / Deeper / "));
    assert!(folder.chars().count() <= MAX_FOLDER_CHARS);
    assert_eq!(import.feeds[1].folder, None, "closing tags climb back out");
}

/// Every fixture, damaged a few hundred ways: cut short, bytes flipped, hostile snippets spliced
/// in. Whatever comes out must still be safe to show and subscribe to.
#[test]
fn damaged_fixtures_never_panic_and_never_yield_unsafe_feeds() {
    const SPLICES: [&[u8]; 8] = [
        b"<outline xmlUrl=\"javascript:alert(1)\"/>",
        b"<outline text=\"",
        b"&#x0;&#xD800;&#99999999;&lol;&",
        b"</outline></body>",
        b"<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]>",
        b"\xFF\xFE\x00<",
        b"<outline type=\"exec\" command=\"sh\"><outline xmlUrl=\"https://x.example/f\"/>",
        b"]]><![CDATA[",
    ];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/opml/testdata");
    let mut state = 0x9E37_79B9_u32;
    let mut next = move |below: usize| {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (state >> 8) as usize % below.max(1)
    };
    for entry in std::fs::read_dir(dir).unwrap() {
        let original = std::fs::read(entry.unwrap().path()).unwrap();
        for round in 0..300 {
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
            let Ok(import) = parse_opml(&bytes) else {
                continue;
            };
            for feed in &import.feeds {
                let url = Url::parse(&feed.xml_url).unwrap();
                assert!(matches!(url.scheme(), "http" | "https"), "{feed:?}");
                assert!(!feed.title.is_empty() && feed.title.chars().count() <= MAX_TITLE_CHARS);
                assert!(
                    feed.folder
                        .as_ref()
                        .is_none_or(|f| f.chars().count() <= MAX_FOLDER_CHARS)
                );
                assert!(feed.html_url.as_ref().is_none_or(|u| u.starts_with("http")));
            }
        }
    }
}
