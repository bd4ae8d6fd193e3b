//! The ugly inputs in `testdata/parse/`, each a kind of breakage real feeds have.

use url::Url;

use crate::feeds::{Enclosure, ParseError, ParsedFeed, parse};

pub(super) fn feed_url() -> Url {
    Url::parse("https://example.com/feeds/main.xml").unwrap()
}

pub(super) fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/feeds/testdata/parse")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub(super) fn parse_fixture(name: &str) -> ParsedFeed {
    parse(&fixture(name), &feed_url()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub(super) fn titles(feed: &ParsedFeed) -> Vec<&str> {
    feed.items.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn windows_1252_bytes_in_a_utf8_document_read_as_windows_1252() {
    let feed = parse_fixture("windows_1252_in_utf8.xml");
    assert_eq!(feed.title, "Café “Le Monde”");
    assert_eq!(titles(&feed), ["Crème brûlée – recipe"]);
    assert_eq!(feed.items[0].content_html, "It’s €5");
}

#[test]
fn garbage_before_a_long_prolog_of_another_charset() {
    // quick-xml panics on this prolog as it comes; see `charset::prepare`.
    let feed = parse_fixture("garbage_before_long_prolog.xml");
    assert_eq!(feed.title, "Naïve");
    assert_eq!(titles(&feed), ["À la carte"]);
}

#[test]
fn bare_ampersands_and_html_entities() {
    let feed = parse_fixture("bare_ampersands_and_html_entities.xml");
    // A no-break space is whitespace like any other in a title.
    assert_eq!(feed.title, "Fish & Chips Weekly");
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://example.com/?a=1&b=2")
    );
    let item = &feed.items[0];
    assert_eq!(item.title, "Ben & Jerry’s été … 3 < 4");
    assert_eq!(
        item.link.as_deref(),
        Some("https://example.com/items?id=1&sort=new")
    );
    assert!(
        item.content_html
            .starts_with("Caf&eacute; &amp; more&nbsp;&mdash;"),
        "{}",
        item.content_html
    );
}

#[test]
fn a_truncated_feed_keeps_its_complete_items() {
    let feed = parse_fixture("truncated.xml");
    assert_eq!(feed.title, "Cut off");
    assert_eq!(titles(&feed), ["First", "Second"]);
    assert_eq!(feed.items[1].content_html, "<p>Complete</p>");
}

#[test]
fn feed_rs_own_truncated_fixture_keeps_its_channel() {
    let bytes = std::fs::read(tidings_testkit::corpus(
        "feeds/feed-rs/rss2/rss_2.0_invalid_1.xml",
    ))
    .unwrap();
    let feed = parse(&bytes, &feed_url()).unwrap();
    assert_eq!(feed.title, "Reuters: Most Read Articles");
    assert_eq!(feed.site_url.as_deref(), Some("https://www.reuters.com/"));
}

#[test]
fn an_odd_rss_version_with_items_outside_a_channel() {
    let feed = parse_fixture("rss_094_without_channel.xml");
    assert_eq!(feed.title, "Old school");
    assert_eq!(titles(&feed), ["Loose item"]);
}

#[test]
fn atom_03_reads_like_atom_10() {
    let feed = parse_fixture("atom_03.xml");
    assert_eq!(feed.title, "Old Atom");
    assert_eq!(feed.site_url.as_deref(), Some("https://example.com/"));
    let first = &feed.items[0];
    assert_eq!(first.title, "Escaped");
    assert_eq!(first.guid.as_deref(), Some("tag:example.com,2004:1"));
    assert_eq!(first.link.as_deref(), Some("https://example.com/escaped"));
    assert_eq!(first.author.as_deref(), Some("Ann"));
    assert_eq!(first.published_at, Some(1_072_986_501));
    assert_eq!(first.updated_at, Some(1_073_037_600));
    assert_eq!(first.content_html, "<p>The <b>whole</b> story</p>");
    assert_eq!(first.summary_html.as_deref(), Some("A <b>short</b> one"));
    let second = &feed.items[1];
    assert_eq!(second.title, "Base 64 title");
    assert_eq!(second.content_html, "<p>Inline <i>XHTML</i></p>");
}

#[test]
fn atom_text_constructs_with_mime_types() {
    let feed = parse_fixture("atom_unusual_types.xml");
    assert_eq!(feed.title, "Typed title");
    let item = &feed.items[0];
    assert_eq!(item.title, "Plain title");
    assert_eq!(item.content_html, "<p>Decoded body</p>");
    assert!(item.enclosures.is_empty(), "{:?}", item.enclosures);
}

#[test]
fn podcast_fields() {
    let feed = parse_fixture("podcast.xml");
    assert_eq!(feed.ttl_minutes, Some(90));
    assert_eq!(feed.skip_hours, [0, 3, 23]);
    let episode = &feed.items[0];
    assert_eq!(episode.author.as_deref(), Some("Jo Host"));
    assert_eq!(episode.guid.as_deref(), Some("show-episode-1"));
    assert_eq!(episode.content_html, "<p>The <b>long</b> version.</p>");
    assert_eq!(episode.summary_html.as_deref(), Some("The short version."));
    assert_eq!(episode.published_at, Some(1_719_302_400));
    // The episode survives the thumbnail in `<media:content>` (feed-rs keeps only the latter),
    // and a `javascript:` URL is no enclosure.
    assert_eq!(
        episode.enclosures,
        [
            Enclosure {
                url: "https://example.com/feeds/media/ep1.mp3".into(),
                mime_type: Some("audio/mpeg".into()),
                length: Some(12_345_678),
            },
            Enclosure {
                url: "https://example.com/show/1.jpg".into(),
                mime_type: Some("image/jpeg".into()),
                length: None,
            },
        ]
    );
    // This feed's guids are marked as not permalinks, so a URL-shaped guid is not a link.
    let linkless = &feed.items[1];
    assert_eq!(linkless.link, None);
    assert_eq!(linkless.summary_html, None);
    assert_eq!(linkless.content_html, "No link of its own.");
}

#[test]
fn html_left_unescaped_in_rss_is_kept() {
    let feed = parse_fixture("unescaped_html.xml");
    assert_eq!(feed.items[0].content_html, "<p>Hello <b>world</b></p>");
    assert_eq!(feed.items[1].content_html, "<p>From the <i>body</i></p>");
}

#[test]
fn utf16_and_utf32_documents() {
    let source = String::from_utf8(fixture("utf16_source.xml")).unwrap();
    let mut utf16_le = vec![0xFF, 0xFE];
    utf16_le.extend(source.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16_be_no_bom: Vec<u8> = source.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let utf32_le: Vec<u8> = source
        .replace("utf-16", "utf-32")
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    for bytes in [utf16_le, utf16_be_no_bom, utf32_le] {
        let feed = parse(&bytes, &feed_url()).unwrap();
        assert_eq!(feed.title, "Ünïcödé");
        assert_eq!(titles(&feed), ["日本語"]);
    }
}

#[test]
fn hostile_inputs_never_panic() {
    // Every prefix of a few broken documents, and each with a byte flipped here and there: the
    // parser may refuse them, but must not panic.
    for name in [
        "atom_03.xml",
        "podcast.xml",
        "bare_ampersands_and_html_entities.xml",
        "garbage_before_long_prolog.xml",
    ] {
        let bytes = fixture(name);
        for end in (0..bytes.len()).step_by(7) {
            let _ = parse(&bytes[..end], &feed_url());
        }
        for at in (0..bytes.len()).step_by(13) {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0xA5;
            let _ = parse(&flipped, &feed_url());
        }
    }
}

thread_local! {
    static PANICS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Parses a fixture, and counts the panics raised on this thread meanwhile: `parse` catches the
/// XML reader's (one bad feed must not end a refresh), so only a panic hook sees them.
fn parse_counting_panics(name: &str) -> (Result<ParsedFeed, ParseError>, usize) {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.with(|p| p.set(p.get() + 1));
            previous(info);
        }));
    });
    let before = PANICS.with(std::cell::Cell::get);
    let parsed = parse(&fixture(name), &feed_url());
    (parsed, PANICS.with(std::cell::Cell::get) - before)
}

#[test]
fn a_second_declaration_of_another_charset_mid_document() {
    // Found by the feed fuzz target (two feeds glued together): quick-xml panicked when a
    // declaration past the start named another charset; see `charset::prepare`.
    let (feed, panics) = parse_counting_panics("second_declaration_of_another_charset.xml");
    assert_eq!(panics, 0);
    let feed = feed.unwrap();
    assert_eq!(
        titles(&feed),
        ["Before the glue", "Code sample", "After the glue"]
    );
    // A declaration inside CDATA is text, and stays.
    assert!(
        feed.items[1]
            .content_html
            .contains("encoding=\"ISO-8859-1\""),
        "{}",
        feed.items[1].content_html
    );
}

#[test]
fn a_long_prolog_whose_charset_follows_the_word_encoding_in_another_value() {
    // Found by the feed fuzz target, as it found it: the prolog's charset was missed, as the word
    // "encoding" comes first inside another attribute's value, and quick-xml panicked on it.
    let (_, panics) = parse_counting_panics("fuzz_long_prolog_with_encoding_in_a_value.xml");
    assert_eq!(panics, 0);
}
