use std::path::PathBuf;

use super::cursor::Cursor;
use super::login::{auth_error, candidates};
use super::parse::{self, ListedLabel, StreamItem};
use crate::sync::{RemoteFeed, RemoteItem, SyncError};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src/sync/greader/testdata")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bad_response(result: Result<impl std::fmt::Debug, SyncError>) -> String {
    match result {
        Err(SyncError::BadResponse(why)) => why,
        other => panic!("expected BadResponse, got {other:?}"),
    }
}

#[test]
fn freshrss_subscriptions_have_their_folders() {
    let feeds = parse::subscriptions(&fixture("freshrss-subscriptions.json")).unwrap();
    assert_eq!(feeds.len(), 3);
    assert_eq!(
        feeds[0],
        RemoteFeed {
            id: "feed/1".into(),
            title: "Weekly Two #0".into(),
            url: "http://farm.example/feeds/0000.rss".into(),
            site_url: Some("https://news0.example.org/".into()),
            folder: Some("design".into()),
        }
    );
}

#[test]
fn the_tag_list_tells_labels_from_folders_where_the_server_says() {
    let listed = |name: &str, is_tag| ListedLabel {
        name: name.into(),
        is_tag,
    };
    // FreshRSS: folders and labels both, told apart by `type`; states are not labels.
    assert_eq!(
        parse::tag_list(&fixture("freshrss-tag-list.json")).unwrap(),
        [
            listed("design", Some(false)),
            listed("programming", Some(false)),
            listed("tech", Some(false)),
            listed("Read later", Some(true)),
        ]
    );
    // A server that does not say; a name given twice; junk entries.
    let quiet = br#"{"tags": [{"id": "user/1005/state/com.google/starred"},
        {"id": "user/1005/label/Tech", "sortid": "A1"}, "user/-/label/Tech",
        {"id": 7}, null, {"id": "user/-/label/Later", "type": "tag"}]}"#;
    assert_eq!(
        parse::tag_list(quiet).unwrap(),
        [listed("Tech", None), listed("Later", Some(true))]
    );
    assert!(bad_response(parse::tag_list(br#"{"tags": 3}"#)).contains("not a list"));
}

#[test]
fn google_style_subscriptions_take_their_address_from_the_id() {
    let feeds = parse::subscriptions(&fixture("inoreader-subscriptions.json")).unwrap();
    let summary: Vec<_> = feeds
        .iter()
        .map(|f| {
            (
                f.id.as_str(),
                f.title.as_str(),
                f.url.as_str(),
                f.site_url.as_deref(),
                f.folder.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "feed/http://example.com/rss",
                "Example <News>",
                "http://example.com/rss",
                Some("http://example.com/"),
                Some("Tech")
            ),
            (
                "feed/https://blog.example.net/atom.xml",
                "https://blog.example.net/atom.xml",
                "https://blog.example.net/atom.xml",
                None,
                Some("Reading")
            ),
            (
                "12",
                "https://numbers.example/feed",
                "https://numbers.example/feed",
                None,
                None
            ),
        ]
    );
}

#[test]
fn a_freshrss_page_reads_with_state_and_continuation() {
    let stream = parse::stream(&fixture("freshrss-stream.json")).unwrap();
    assert_eq!(stream.items.len(), 3);
    assert_eq!(stream.continuation.as_deref(), Some("1796559379435846"));
    let first = &stream.items[0];
    assert_eq!(first.item.id, "1796559379435848");
    assert_eq!(first.crawled_us, Some(1_796_559_379_435_848));
    assert_eq!(first.item.feed_id, "feed/1");
    assert!(first.item.starred && !first.item.read);
    assert!(first.item.content_html.starts_with("<p>All backup"));
    assert_eq!(first.item.author.as_deref(), Some("Mei Larsen"));
    assert_eq!(first.item.published_at, Some(1_768_305_900));
}

#[test]
fn a_hostile_page_keeps_what_can_be_used() {
    let stream = parse::stream(&fixture("hostile-stream.json")).unwrap();
    let items: Vec<&StreamItem> = stream.items.iter().collect();
    assert_eq!(
        items[0].item,
        RemoteItem {
            id: "255".into(),
            feed_id: "feed/1".into(),
            title: "Tom & Jerry return".into(),
            url: Some("https://example.org/a".into()),
            author: None,
            content_html: "<p>Full <script>x()</script></p>".into(),
            published_at: Some(1_768_305_900),
            read: true,
            starred: false,
        }
    );
    assert_eq!(items[0].crawled_us, Some(1_796_559_379_435_001));
    let second = &items[1];
    assert_eq!(second.item.id, "256");
    assert_eq!(second.item.feed_id, "7");
    assert_eq!(second.item.url.as_deref(), Some("https://example.org/b"));
    assert_eq!(second.item.published_at, None, "an absurd date is no date");
    assert_eq!(second.item.author.as_deref(), Some("Ann"));
    assert_eq!(second.item.content_html, "<p>Summary only</p>");
    assert!(second.item.starred && !second.item.read);
    // timestampUsec is a published date here (as on Miniflux): the crawl time is the msec one.
    assert_eq!(second.crawled_us, Some(1_796_559_379_436_000));
    assert_eq!(items[2].item.id, "-9");
    assert_eq!(items[2].item.published_at, None);
    assert_eq!(
        items.len(),
        3,
        "duplicates, bad ids and feedless items are left out"
    );
    assert_eq!(stream.continuation.as_deref(), Some("1796559379435001"));
    assert_eq!(stream.updated, Some(1_796_559_383));
}

#[test]
fn ids_in_any_form_become_one_decimal_each() {
    let page = parse::item_ids(&fixture("mixed-ids.json")).unwrap();
    assert_eq!(
        page.ids,
        ["1796559379435848", "1796559379435847", "-12"],
        "the long form of 1796559379435848 is a duplicate"
    );
    assert_eq!(page.continuation.as_deref(), Some("42"));
    let unread = parse::item_ids(&fixture("freshrss-unread-ids.json")).unwrap();
    assert_eq!(unread.ids.len(), 3);
}

#[test]
fn long_and_short_ids_agree_even_past_the_sign_bit() {
    assert_eq!(
        parse::item_id("tag:google.com,2005:reader/item/ffffffffffffffff").as_deref(),
        Some("-1")
    );
    assert_eq!(
        parse::item_id("18446744073709551615").as_deref(),
        Some("-1")
    );
    assert_eq!(parse::item_id(" 0042 ").as_deref(), Some("42"));
    for bad in [
        "",
        "x",
        "1.5",
        "tag:google.com,2005:reader/item/",
        "tag:google.com,2005:reader/item/00000000000000000",
    ] {
        assert_eq!(parse::item_id(bad), None, "{bad:?}");
    }
}

#[test]
fn wrong_answers_are_bad_responses_that_say_what_was_wrong() {
    let why = bad_response(parse::stream(&fixture("login-page.html")));
    assert!(
        why.contains("not JSON") && why.contains("<!DOCTYPE html>"),
        "{why}"
    );
    let why = bad_response(parse::stream(&fixture("wrong-shape-stream.json")));
    assert!(why.contains("`items` as an object"), "{why}");
    let why = bad_response(parse::subscriptions(&fixture("array-root.json")));
    assert!(why.contains("a list, not an object"), "{why}");
    let why = bad_response(parse::subscriptions(b"{}"));
    assert!(why.contains("no `subscriptions`"), "{why}");
    let why = bad_response(parse::item_ids(br#"{"itemRefs": "1,2"}"#));
    assert!(why.contains("`itemRefs` as text"), "{why}");
    let why = bad_response(parse::token(b"<html>\n<body>no</body>"));
    assert!(why.contains("write token"), "{why}");
}

#[test]
fn an_empty_page_may_leave_its_list_out() {
    let stream = parse::stream(br#"{"id": "x", "items": null}"#).unwrap();
    assert!(stream.items.is_empty() && stream.continuation.is_none());
    assert!(parse::item_ids(b"{}").unwrap().ids.is_empty());
}

#[test]
fn client_login_answers() {
    assert_eq!(
        parse::login_auth(b"SID=a/1\nLSID=null\nAuth=tidings/258b\n").as_deref(),
        Some("tidings/258b")
    );
    assert_eq!(parse::login_auth(&fixture("login-page.html")), None);
    assert_eq!(parse::login_auth(b"Auth=\n"), None);
}

#[test]
fn quickadd_says_why_it_subscribed_to_nothing() {
    assert_eq!(
        parse::quickadd(br#"{"numResults":1,"query":"u","streamId":"feed/4"}"#).unwrap(),
        "feed/4"
    );
    assert_eq!(
        parse::quickadd(br#"{"numResults":0,"error":"Already subscribed! <u>"}"#),
        Err(SyncError::Refused("Already subscribed! <u>".into()))
    );
    assert!(matches!(
        parse::quickadd(br#"{"numResults":0}"#),
        Err(SyncError::Refused(_))
    ));
}

#[test]
fn a_cursor_survives_being_stored() {
    let cursor = Cursor {
        since: 5_000_000,
        high: 7_000_001,
        continuation: Some("a&b=c d".into()),
    };
    assert_eq!(Cursor::parse(Some(&cursor.to_text())), cursor);
    assert_eq!(cursor.ot(), Some(5));
    assert_eq!(Cursor::parse(None).ot(), None);
    for damaged in [
        "",
        "garbage",
        "v=2&since=1&high=2",
        "v=1&since=9&high=2",
        "v=1&since=x",
    ] {
        assert_eq!(
            Cursor::parse(Some(damaged)),
            Cursor::default(),
            "{damaged:?}"
        );
    }
}

#[test]
fn a_site_root_also_tries_the_api_under_it() {
    assert_eq!(
        candidates("http://127.0.0.1:8080/").unwrap(),
        [
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/api/greader.php"
        ]
    );
    assert_eq!(
        candidates(" https://rss.example/api/greader.php/?x=1 ").unwrap(),
        ["https://rss.example/api/greader.php"]
    );
    assert_eq!(
        candidates("rss.example").unwrap(),
        ["https://rss.example", "https://rss.example/api/greader.php"]
    );
    assert!(matches!(
        candidates("ftp://rss.example/"),
        Err(SyncError::Unreachable(_))
    ));
}

#[test]
fn inoreader_is_told_about_its_app_password() {
    let error = auth_error("https://www.inoreader.com", "HTTP 401".into());
    assert!(
        error
            .to_string()
            .contains("Inoreader needs its app password")
    );
    assert_eq!(
        auth_error("https://rss.example", "HTTP 401".into()),
        SyncError::Auth("HTTP 401".into())
    );
}
