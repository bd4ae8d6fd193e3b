//! RSS and Atom items with an optional element whose content is wrong: the element is dropped or
//! mended, never the item or the feed. feed-rs refuses each of these documents whole but the last
//! test's, whose cases it drops itself (or the repair mends: an odd Atom type).

use super::testdata::{feed_url, parse_fixture, titles};
use crate::feeds::{ParsedFeed, parse};

#[test]
fn a_youtube_video_without_a_description() {
    let feed = parse_fixture("youtube_empty_media_description.xml");
    assert_eq!(feed.title, "Workshop Hours");
    assert_eq!(
        titles(&feed),
        ["Sharpening a plane iron", "Shop tour (short)"]
    );
    assert_eq!(
        feed.items[0].content_html,
        "<p>Three stones and a strop.</p>"
    );
    assert_eq!(feed.items[1].content_html, "");
    assert_eq!(
        feed.items[1].link.as_deref(),
        Some("https://www.youtube.com/shorts/AAAAAAAAAA2")
    );
}

#[test]
fn podcast_people_outside_the_podcast_index_taxonomy() {
    let feed = parse_fixture("podcast_person_outside_the_taxonomy.xml");
    assert_eq!(feed.title, "Garden Talk");
    assert_eq!(titles(&feed), ["Tomatoes in July", "Compost"]);
    assert_eq!(
        feed.items[0].enclosures[0].url,
        "https://media.example.org/gardentalk/31.mp3"
    );
}

fn rss_item(elements: &str) -> String {
    format!(
        r#"<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
             xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>t</title>
           <item><title>kept</title><guid>1</guid>{elements}</item></channel></rss>"#
    )
}

fn atom_entry(elements: &str) -> String {
    format!(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:m="http://search.yahoo.com/mrss/">
           <title>t</title><id>f</id><entry><id>1</id><title>kept</title>{elements}</entry></feed>"#
    )
}

fn parse_doc(doc: &str) -> ParsedFeed {
    parse(doc.as_bytes(), &feed_url()).unwrap_or_else(|e| panic!("{doc}: {e}"))
}

#[test]
fn media_rss_text_that_feed_rs_refuses_is_mended() {
    for (elements, body) in [
        ("<media:title/><media:description> </media:description>", ""),
        (
            r#"<media:group><media:title type="text">Clip</media:title>
               <media:content url="https://e.com/a.mp4"/>
               <media:description type="text/plain">Plain</media:description></media:group>"#,
            "<p>Plain</p>",
        ),
        (
            r#"<media:content url="https://e.com/a.mp4"/>
               <media:description><p>Unescaped <b>HTML</b></p></media:description>"#,
            "",
        ),
        (
            r#"<itunes:title type="plain">Episode</itunes:title>
               <itunes:summary type="text/plain">Summary</itunes:summary>"#,
            "<p>Summary</p>",
        ),
    ] {
        let feed = parse_doc(&rss_item(elements));
        assert_eq!(titles(&feed), ["kept"], "{elements}");
        assert_eq!(feed.items[0].content_html.trim(), body, "{elements}");
    }
    // Under a prefix of the feed's own choosing.
    let feed = parse_doc(&atom_entry(
        "<m:group><m:title></m:title><m:content url=\"https://e.com/a.mp4\"/></m:group>",
    ));
    assert_eq!(titles(&feed), ["kept"]);
}

#[test]
fn atom_content_of_an_xml_type_is_read() {
    for (content, body) in [
        (r#"<content type="application/xml"/>"#, ""),
        (
            r#"<content type="application/xml"><note>Hi</note></content>"#,
            "<note>Hi</note>",
        ),
        (
            r#"<content type="image/svg+xml"><svg/></content>"#,
            "<svg></svg>",
        ),
    ] {
        let feed = parse_doc(&atom_entry(content));
        assert_eq!(titles(&feed), ["kept"], "{content}");
        assert_eq!(feed.items[0].content_html, body, "{content}");
    }
}

#[test]
fn other_bad_optional_elements_are_dropped() {
    let rss = parse_doc(&format!(
        r#"<rss version="2.0"><channel><title>t</title><ttl>sixty</ttl><pubDate>soon</pubDate>
           <image><url></url><width>wide</width></image><category/>
           <skipHours><hour>25</hour><hour>x</hour></skipHours>{}</channel></rss>"#,
        r#"<item><title>kept</title><pubDate>Mon, 32 Foo 2024 99:99 XYZ</pubDate><category/>
           <enclosure url="https://e.com/a.mp3" length="abc" type="not a type"/>
           <comments>nope</comments><source url="::"/></item>"#,
    ));
    assert_eq!(titles(&rss), ["kept"]);
    assert_eq!((rss.ttl_minutes, rss.skip_hours.len()), (None, 0));
    let item = &rss.items[0];
    assert_eq!(item.published_at, None);
    assert_eq!(
        (
            item.enclosures[0].length,
            item.enclosures[0].mime_type.as_deref()
        ),
        (None, None)
    );
    let atom = parse_doc(&atom_entry(
        r#"<updated>garbage</updated><published></published><category/><author/>
           <link rel="enclosure" href="https://e.com/a.mp3" length="big"/>
           <summary type="weird">x</summary><rights type="foo">x</rights>"#,
    ));
    assert_eq!(titles(&atom), ["kept"]);
    assert_eq!(atom.items[0].updated_at, None);
}
