use std::path::{Path, PathBuf};

use url::Url;

use super::*;

mod jsonfeed;
mod optional_elements;
mod testdata;

fn feed_url() -> Url {
    Url::parse("https://example.com/feeds/main.xml").unwrap()
}

fn parse_str(doc: &str) -> ParsedFeed {
    parse(doc.as_bytes(), &feed_url()).unwrap()
}

fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.ends_with(".serde.json") && (name.ends_with(".xml") || name.ends_with(".json"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_feed_rs_fixture_parses_into_a_feed_with_items_or_a_title() {
    let root = tidings_testkit::corpus("feeds/feed-rs");
    let mut parsed = 0;
    for format in ["rss0", "rss1", "rss2", "atom", "jsonfeed"] {
        for file in fixtures(&root.join(format)) {
            let bytes = std::fs::read(&file).unwrap();
            let feed = parse(&bytes, &feed_url())
                .unwrap_or_else(|e| panic!("{} did not parse: {e}", file.display()));
            assert!(
                !feed.title.is_empty() || !feed.items.is_empty(),
                "{} parsed to nothing",
                file.display()
            );
            parsed += 1;
        }
    }
    assert!(parsed >= 39, "only {parsed} fixtures found");
}

#[test]
fn rss_versions_from_the_rss_crate_parse() {
    let dir = tidings_testkit::corpus("feeds/rust-syndication-rss/tests/data");
    for (file, first_title) in [
        ("rss090.xml", "New Status Updates"),
        ("rss091.xml", "Giving the world a pluggable Gnutella"),
        // 0.92 items need no title: the start of the description stands in.
        (
            "rss092.xml",
            "It's been a few days since I added a song to the Grateful Dead channel. Now…",
        ),
        ("rss1.xml", "Processing Inclusions with XSLT"),
        ("rss2sample.xml", "Star City"),
    ] {
        let feed = parse(&std::fs::read(dir.join(file)).unwrap(), &feed_url()).unwrap();
        assert_eq!(feed.items[0].title, first_title, "{file}");
    }
}

#[test]
fn atom_and_json_feed_items_become_the_same_model() {
    let atom = parse_str(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &lt;b&gt;bold&lt;/b&gt; blog</title>
           <id>urn:x</id><link href="https://example.com/"/>
           <entry><id>urn:1</id><title>First</title><link href="https://example.com/1"/>
             <author><name>Ann</name></author><updated>2024-06-25T08:00:00Z</updated>
             <content type="html">&lt;p&gt;Hello&lt;/p&gt;</content></entry></feed>"#,
    );
    let json = parse_str(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"A <b>bold</b> blog",
            "home_page_url":"https://example.com/",
            "items":[{"id":"urn:1","title":"First","url":"https://example.com/1",
              "authors":[{"name":"Ann"}],"date_published":"2024-06-25T08:00:00Z",
              "content_html":"<p>Hello</p>"}]}"#,
    );
    for feed in [&atom, &json] {
        assert_eq!(feed.title, "A bold blog");
        assert_eq!(feed.site_url.as_deref(), Some("https://example.com/"));
        let item = &feed.items[0];
        assert_eq!(item.guid.as_deref(), Some("urn:1"));
        assert_eq!(item.link.as_deref(), Some("https://example.com/1"));
        assert_eq!(item.title, "First");
        assert_eq!(item.author.as_deref(), Some("Ann"));
        assert_eq!(item.content_html, "<p>Hello</p>");
        assert_eq!(item.published_at.or(item.updated_at), Some(1_719_302_400));
    }
}

#[test]
fn titles_are_plain_text_never_html() {
    let feed = parse_str(
        r#"<rss version="2.0"><channel><title>News &amp;amp; Views</title>
           <item><title>&lt;script&gt;alert(1)&lt;/script&gt;Fish &amp;amp; &lt;i&gt;Chips&lt;/i&gt;</title>
           <guid>1</guid></item></channel></rss>"#,
    );
    assert_eq!(feed.title, "News & Views");
    assert_eq!(feed.items[0].title, "Fish & Chips");
}

#[test]
fn items_without_guid_have_none_and_keep_their_link() {
    let feed = parse_str(
        r#"<rss version="2.0"><channel><title>t</title>
           <item><title>a</title><link>https://example.com/a</link></item>
           <item><description>Only a body, long enough to become the title of this item once it is cut down to size for the list</description></item>
           </channel></rss>"#,
    );
    assert_eq!(feed.items[0].guid, None);
    assert_eq!(feed.items[0].link.as_deref(), Some("https://example.com/a"));
    assert_eq!(feed.items[1].guid, None);
    assert_eq!(
        feed.items[1].title,
        "Only a body, long enough to become the title of this item once it is cut down…"
    );
}

#[test]
fn links_that_are_not_web_addresses_are_dropped() {
    let feed = parse_str(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="file:///etc/"><title>t</title><id>x</id>
           <entry><id>1</id><title>a</title><link href="javascript:alert(1)"/></entry>
           <entry><id>2</id><title>b</title><link href="passwd"/></entry></feed>"#,
    );
    assert_eq!(feed.items[0].link, None);
    assert_eq!(feed.items[1].link, None);
    assert!(feed.items.iter().all(|i| i.base_url.scheme() == "https"));
}

#[test]
fn xml_base_is_the_base_for_relative_urls_in_content() {
    let feed = parse_str(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>
           <entry xml:base="https://cdn.example.org/posts/"><id>1</id><title>a</title>
           <link href="https://example.com/a"/><content type="html">&lt;img src="p.png"&gt;</content></entry>
           <entry><id>2</id><title>b</title><link href="https://example.com/b/"/></entry></feed>"#,
    );
    assert_eq!(
        feed.items[0].base_url.as_str(),
        "https://cdn.example.org/posts/"
    );
    assert_eq!(feed.items[1].base_url.as_str(), "https://example.com/b/");
}

#[test]
fn plain_text_bodies_become_paragraphs() {
    let feed = parse_str(
        r#"{"version":"https://jsonfeed.org/version/1","title":"t",
            "items":[{"id":"1","content_text":"One <two>\nline\n\nThree"}]}"#,
    );
    assert_eq!(
        feed.items[0].content_html,
        "<p>One &lt;two&gt;<br>line</p><p>Three</p>"
    );
}

#[test]
fn a_web_page_or_empty_body_is_not_a_feed() {
    let page = parse(b"<!DOCTYPE html><html><body>Hi</body></html>", &feed_url()).unwrap_err();
    assert!(page.reason.contains("web page, not a feed"), "{page}");
    let empty = parse(b"  \n", &feed_url()).unwrap_err();
    assert!(empty.reason.contains("empty"), "{empty}");
    let junk = parse(b"<note><to>x</to></note>", &feed_url()).unwrap_err();
    assert!(junk.reason.contains("no RSS, Atom or JSON Feed"), "{junk}");
}

#[test]
fn a_clean_feed_is_read_in_one_pass_without_repair() {
    let doc =
        br#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
        <item><title>a</title><link>https://example.com/a</link></item></channel></rss>"#;
    let read = super::recover::read(doc, &feed_url()).unwrap();
    assert!(matches!(read.bytes, std::borrow::Cow::Borrowed(_)));
}

#[test]
fn enclosures_from_atom_links_and_json_attachments() {
    let atom = parse_str(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>
           <entry><id>1</id><title>a</title><link href="https://example.com/a"/>
             <link rel="enclosure" href="../media/a.ogg" type="audio/ogg" length="42"/>
             <link rel="enclosure" href="file:///etc/passwd"/></entry></feed>"#,
    );
    let json = parse_str(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"t",
            "items":[{"id":"1","url":"https://example.com/a","content_text":"x",
              "attachments":[{"url":"https://example.com/media/a.ogg","mime_type":"audio/ogg",
                "size_in_bytes":42},{"url":"javascript:alert(1)","mime_type":"audio/ogg"}]}]}"#,
    );
    for feed in [atom, json] {
        assert_eq!(
            feed.items[0].enclosures,
            [Enclosure {
                url: "https://example.com/media/a.ogg".into(),
                mime_type: Some("audio/ogg".into()),
                length: Some(42),
            }]
        );
        assert_eq!(feed.items[0].link.as_deref(), Some("https://example.com/a"));
    }
}

#[test]
fn a_summary_is_kept_apart_only_beside_full_content() {
    let feed = parse_str(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>
           <entry><id>1</id><title>both</title><summary>Short</summary>
             <content type="html">&lt;p&gt;Long&lt;/p&gt;</content></entry>
           <entry><id>2</id><title>summary only</title><summary>Only</summary></entry></feed>"#,
    );
    assert_eq!(feed.items[0].content_html, "<p>Long</p>");
    assert_eq!(feed.items[0].summary_html.as_deref(), Some("<p>Short</p>"));
    assert_eq!(feed.items[1].content_html, "<p>Only</p>");
    assert_eq!(feed.items[1].summary_html, None);
}

#[test]
fn ttl_and_skip_hours_are_absent_unless_given() {
    let feed = parse_str(r#"<rss version="2.0"><channel><title>t</title></channel></rss>"#);
    assert_eq!(feed.ttl_minutes, None);
    assert!(feed.skip_hours.is_empty());
}

#[test]
fn the_feeds_language_is_read_from_each_format() {
    let rss = r#"<rss version="2.0"><channel><title>أخبار</title><language>ar</language></channel></rss>"#;
    assert_eq!(parse_str(rss).language.as_deref(), Some("ar"));
    let atom =
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="he-IL"><title>חדשות</title></feed>"#;
    assert_eq!(parse_str(atom).language.as_deref(), Some("he-IL"));
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "اخبار", "language": "fa", "items": []}"#;
    assert_eq!(parse_str(json).language.as_deref(), Some("fa"));
    let unsaid = r#"<rss version="2.0"><channel><title>News</title><language>English</language></channel></rss>"#;
    assert_eq!(parse_str(unsaid).language, None);
}
