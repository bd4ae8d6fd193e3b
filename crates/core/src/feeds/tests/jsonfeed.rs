//! JSON Feeds with fields of the wrong type: the fixtures in `testdata/parse/jsonfeed_*.json`,
//! then one field at a time. feed-rs refuses each of these documents whole.

use super::testdata::{feed_url, fixture, parse_fixture, titles};
use crate::feeds::{Enclosure, ParsedFeed, parse};

#[test]
fn tags_joined_into_a_string_keep_the_item() {
    let feed = parse_fixture("jsonfeed_tags_as_a_string.json");
    assert_eq!(feed.title, "Notes on Getting Things Done");
    assert_eq!(
        titles(&feed),
        [
            "A weekly review that sticks",
            "Inbox zero, one year on",
            "Plain text lists"
        ]
    );
    let first = &feed.items[0];
    assert_eq!(
        first.guid.as_deref(),
        Some("https://notes.example.org/2024/06/weekly-review/")
    );
    assert_eq!(first.author.as_deref(), Some("Robin Field"));
    assert_eq!(first.published_at, Some(1_719_559_800));
    assert_eq!(
        first.summary_html.as_deref(),
        Some("<p>Fifteen minutes on Friday.</p>")
    );
}

#[test]
fn numbers_for_ids_titles_and_dates_are_read() {
    let feed = parse_fixture("jsonfeed_numbers_for_ids_and_dates.json");
    // The null and the string among the items are no items.
    assert_eq!(titles(&feed), ["2024", "Dark mode", "Faster sync"]);
    let guids: Vec<_> = feed.items.iter().map(|i| i.guid.as_deref()).collect();
    assert_eq!(guids, [Some("4711"), Some("4712"), Some("4713.5")]);
    // Unix times in seconds and in milliseconds; a negative one and a date feed-rs cannot read
    // are no dates.
    assert_eq!(feed.items[0].published_at, Some(1_719_302_400));
    assert_eq!(feed.items[1].published_at, Some(1_719_388_800));
    assert_eq!(feed.items[1].updated_at, None);
    assert_eq!(feed.items[2].published_at, None);
    assert_eq!(
        feed.items[1].content_html,
        "<p>Dark mode follows the system setting.</p>"
    );
}

#[test]
fn authors_given_as_names_or_a_lone_object() {
    let feed = parse_fixture("jsonfeed_authors_as_names.json");
    let authors: Vec<_> = feed.items.iter().map(|i| i.author.as_deref()).collect();
    assert_eq!(
        authors,
        [Some("Sam Rivers"), Some("Alex Guest"), Some("Kim Park")]
    );
}

#[test]
fn attachments_as_one_object_and_sizes_as_strings() {
    let feed = parse_fixture("jsonfeed_podcast_loose_attachments.json");
    assert_eq!(
        feed.items[0].enclosures,
        [Enclosure {
            url: "https://cdn.example.com/kitchen-radio/12.mp3".into(),
            mime_type: Some("audio/mpeg".into()),
            length: Some(48_213_760),
        }]
    );
    // Without a MIME type it is still an attachment, not the item's link; without a URL, or as
    // a bare string, it is nothing.
    assert_eq!(
        feed.items[1].enclosures,
        [Enclosure {
            url: "https://cdn.example.com/kitchen-radio/11.m4a".into(),
            mime_type: None,
            length: Some(39_321_600),
        }]
    );
    assert_eq!(
        feed.items[1].link.as_deref(),
        Some("https://radio.example.com/11")
    );
}

fn parse_item(fields: &str) -> ParsedFeed {
    let doc = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"t",
             "items":[{{"id":"1","title":"kept","content_html":"<p>x</p>",{fields}}}]}}"#
    );
    parse(doc.as_bytes(), &feed_url()).unwrap_or_else(|e| panic!("{fields}: {e}"))
}

#[test]
fn a_wrong_typed_optional_field_costs_neither_the_item_nor_the_feed() {
    for fields in [
        r#""tags":[1,null,"a"]"#,
        r#""tags":{"a":1}"#,
        r#""authors":["Ann"]"#,
        r#""authors":[{"name":1,"url":5}]"#,
        r#""author":[{"name":"Ann"}]"#,
        r#""attachments":[{"url":"https://e.com/a.mp3","mime_type":"audio/mpeg","size_in_bytes":-1}]"#,
        r#""attachments":[{"url":"https://e.com/a.mp3","mime_type":"audio/mpeg","title":7}]"#,
        r#""attachments":"https://e.com/a.mp3""#,
        r#""date_published":{"iso":"2024-06-25"}"#,
        r#""date_modified":true"#,
        r#""url":123"#,
        r#""external_url":{}"#,
        r#""summary":["a"]"#,
        r#""content_text":false"#,
        // serde_json's reading keeps the last of a repeated key, as browsers do.
        r#""title":"repeated""#,
    ] {
        let feed = parse_item(fields);
        assert_eq!(feed.title, "t", "{fields}");
        assert_eq!(feed.items.len(), 1, "{fields}");
        assert_eq!(feed.items[0].content_html, "<p>x</p>", "{fields}");
    }
}

#[test]
fn wrong_typed_fields_of_the_feed_itself_are_dropped() {
    let feed = parse(
        br#"{"version":"https://jsonfeed.org/version/1.1","title":null,"home_page_url":5,
             "description":[],"icon":{},"favicon":1,"language":2,"authors":{"name":"Ann"},
             "items":[{"id":"1","content_text":"x"}]}"#,
        &feed_url(),
    )
    .unwrap();
    // Without a title the feed is named after its host.
    assert_eq!(feed.title, "example.com");
    assert_eq!(feed.site_url, None);
    assert_eq!(feed.items[0].author.as_deref(), Some("Ann"));
}

#[test]
fn a_json_feed_without_items_is_an_empty_feed_and_other_json_is_no_feed() {
    let empty = parse(
        br#"{"version":"https://jsonfeed.org/version/1.1","title":"Quiet"}"#,
        &feed_url(),
    )
    .unwrap();
    assert_eq!(empty.title, "Quiet");
    assert!(empty.items.is_empty());
    assert!(parse(br#"{"error":"not found"}"#, &feed_url()).is_err());
    assert!(parse(br#"{"items":"none"}"#, &feed_url()).is_err());
}

#[test]
fn hostile_json_never_panics() {
    for name in [
        "jsonfeed_tags_as_a_string.json",
        "jsonfeed_numbers_for_ids_and_dates.json",
        "jsonfeed_podcast_loose_attachments.json",
    ] {
        let bytes = fixture(name);
        for end in (0..bytes.len()).step_by(11) {
            let _ = parse(&bytes[..end], &feed_url());
        }
    }
    let deep = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{{"tags":{}1{}}}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let _ = parse(deep.as_bytes(), &feed_url());
}
