//! The parsers on answers recorded from the real server (Debian's tt-rss, API level 15) and on
//! hostile ones written by hand; the address rules; the cursor.

use std::collections::HashMap;

use super::parse::{self, Feed, Reply};
use super::{Cursor, api_address};
use crate::sync::SyncError;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/sync/ttrss/testdata")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn done<T: std::fmt::Debug>(reply: Result<Reply<T>, SyncError>) -> T {
    match reply {
        Ok(Reply::Done(value)) => value,
        other => panic!("expected an answer, got {other:?}"),
    }
}

fn bad_response<T: std::fmt::Debug>(reply: Result<T, SyncError>) -> String {
    match reply {
        Err(SyncError::BadResponse(why)) => why,
        other => panic!("expected BadResponse, got {other:?}"),
    }
}

#[test]
fn a_login_gives_the_session_id_and_a_refusal_is_an_auth_error() {
    assert_eq!(
        parse::session(&fixture("login.json")),
        Ok("4ldq0l9odc3m7rb3e4s0hj5r4e".to_string())
    );
    assert_eq!(
        parse::session(&fixture("login-error.json")),
        Err(SyncError::Auth(String::new()))
    );
    let Err(SyncError::Auth(why)) = parse::session(&fixture("api-disabled.json")) else {
        panic!("API_DISABLED is an auth error");
    };
    assert!(why.contains("Enable API"), "{why}");
    let why = bad_response(parse::session(
        br#"{"status":0,"content":{"api_level":15}}"#,
    ));
    assert!(why.contains("session_id"), "{why}");
}

#[test]
fn an_expired_session_asks_to_log_in_again_whatever_the_call() {
    let body = fixture("not-logged-in.json");
    assert_eq!(parse::feeds(&body), Ok(Reply::NotLoggedIn));
    assert_eq!(parse::headlines(&body), Ok(Reply::NotLoggedIn));
    assert_eq!(parse::done(&body), Ok(Reply::NotLoggedIn));
}

#[test]
fn feeds_recorded_from_the_server_keep_ids_titles_addresses_and_categories() {
    let feeds = done(parse::feeds(&fixture("feeds.json")));
    assert_eq!(feeds.len(), 3);
    assert_eq!(
        feeds[0],
        Feed {
            id: "2".into(),
            title: "Planet New Most At #1".into(),
            url: "http://127.0.0.1:28555/feeds/0001.rss".into(),
            category: Some("1".into()),
        }
    );
    assert_eq!(feeds[2].category, None, "cat_id 0 is uncategorized");
}

#[test]
fn hostile_feeds_keep_the_first_of_each_id_and_skip_those_without_id_or_address() {
    let feeds = done(parse::feeds(&fixture("feeds-hostile.json")));
    let summary: Vec<(&str, &str, &str, Option<&str>)> = feeds
        .iter()
        .map(|f| {
            let category = f.category.as_deref();
            (f.id.as_str(), f.title.as_str(), f.url.as_str(), category)
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("5", "A & B", "https://a.example/feed", Some("2")),
            (
                "6",
                "https://untitled.example/rss",
                "https://untitled.example/rss",
                None
            ),
            ("9", "https://c.example/", "https://c.example/", None),
        ]
    );
}

#[test]
fn the_feed_tree_files_nested_categories_under_their_top_level_folder() {
    let recorded = done(parse::folders(&fixture("feed-tree.json")));
    assert_eq!(
        recorded,
        HashMap::from([
            ("1".to_string(), "News".to_string()),
            ("2".to_string(), "News".to_string()),
        ])
    );
    let nested = done(parse::folders(&fixture("feed-tree-nested.json")));
    let folder = |id: &str| nested.get(id).map(String::as_str);
    assert_eq!(folder("1"), Some("Tech & Science"));
    assert_eq!(folder("3"), Some("Tech & Science"), "three deep");
    assert_eq!(folder("4"), None, "a nameless folder is no folder");
    assert_eq!(folder("5"), None);
    assert_eq!(nested.len(), 3, "{nested:?}");
}

#[test]
fn categories_are_the_real_top_level_ones_only() {
    let categories = done(parse::categories(&fixture("categories.json")));
    assert_eq!(categories, [("1".to_string(), "News".to_string())]);
}

#[test]
fn recorded_headlines_keep_the_html_as_sent_and_the_state_of_each_article() {
    let page = done(parse::headlines(&fixture("headlines.json")));
    assert_eq!((page.listed, page.skipped, page.items.len()), (3, 0, 3));
    let first = &page.items[0];
    assert_eq!(first.id, "1");
    assert_eq!(first.feed_id, "1");
    assert_eq!(
        first.url.as_deref(),
        Some("https://news0.example.org/2026/energy-train-or-them-4")
    );
    assert_eq!(first.author.as_deref(), Some("Mei Larsen"));
    assert_eq!(first.published_at, Some(1_768_305_947));
    assert!(!first.read && !first.starred);
    // Unsanitized: the relative address stays relative for core to resolve.
    assert!(
        first
            .content_html
            .contains(r#"<img src="../assets/science-have.webp""#),
        "{}",
        first.content_html
    );
}

#[test]
fn hostile_headlines_are_read_without_trusting_types_duplicates_or_dates() {
    let page = done(parse::headlines(&fixture("headlines-hostile.json")));
    assert_eq!(page.listed, 12);
    // "-3", "twelve", no id, null, text, a list, and 44.0 (not an integer id).
    assert_eq!(page.skipped, 7);
    let ids: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["41", "42", "43", "18446744073709551615"]);

    let first = &page.items[0];
    assert_eq!(first.title, "Bold & news", "titles are plain text");
    assert_eq!(first.feed_id, "3");
    assert_eq!(first.url.as_deref(), Some("https://a.example/41"));
    assert_eq!(first.author.as_deref(), Some("Ana"));
    assert_eq!(first.content_html, r#"<p onclick="x()">kept as sent</p>"#);
    assert_eq!(first.published_at, Some(1_768_305_947));
    assert!(
        !first.read && !first.starred,
        "the first of a repeated id wins"
    );

    let nulls = &page.items[1];
    assert_eq!(
        (
            nulls.feed_id.as_str(),
            nulls.title.as_str(),
            nulls.url.as_ref()
        ),
        ("0", "", None)
    );
    assert_eq!(
        (nulls.published_at, nulls.content_html.as_str()),
        (None, "")
    );
    assert!(!nulls.read, "an unknown state stays unread");

    let numbers = &page.items[2];
    assert_eq!(numbers.published_at, None, "year 3 million is not believed");
    assert!(numbers.read && numbers.starred);

    let last = &page.items[3];
    assert_eq!((last.feed_id.as_str(), last.title.as_str()), ("7", "42"));
    assert_eq!(last.published_at, None);
}

#[test]
fn an_answer_that_is_not_the_api_says_what_was_wrong() {
    let why = bad_response(parse::headlines(&fixture("site-root.html")));
    assert!(
        why.contains("does not answer like Tiny Tiny RSS's API"),
        "{why}"
    );
    assert!(why.contains("<!DOCTYPE html>"), "{why}");
    let why = bad_response(parse::headlines(&fixture("headlines-wrong-shape.json")));
    assert_eq!(
        why,
        "getHeadlines answered an object where a list of articles belongs"
    );
    let why = bad_response(parse::headlines(&fixture("truncated.json")));
    assert!(why.contains("not JSON"), "{why}");
    let why = bad_response(parse::feeds(b"[1,2,3]"));
    assert!(why.contains("JSON objects"), "{why}");
    let why = bad_response(parse::done(br#"{"content":[]}"#));
    assert!(why.contains("status"), "{why}");
    let why = bad_response(parse::folders(br#"{"status":0,"content":{}}"#));
    assert!(why.contains("categories.items"), "{why}");
}

#[test]
fn server_errors_are_named_and_short() {
    let long = format!(
        r#"{{"status":1,"content":{{"error":"{}"}}}}"#,
        "E".repeat(5000)
    );
    let Err(SyncError::Server(why)) = parse::done(long.as_bytes()) else {
        panic!("an error of the server's own is a server error");
    };
    assert!(why.len() < 300, "{}", why.len());
    assert_eq!(
        parse::done(br#"{"status":1,"content":{"error":"UNKNOWN_METHOD"}}"#),
        Err(SyncError::Refused(
            "Tiny Tiny RSS answered UNKNOWN_METHOD".into()
        ))
    );
}

#[test]
fn subscribing_answers_the_feed_id_or_why_the_server_refused() {
    assert_eq!(done(parse::subscribed(&fixture("subscribe-new.json"))), "4");
    assert_eq!(
        done(parse::subscribed(&fixture("subscribe-already.json"))),
        "1"
    );
    let refusal = |name: &str| match parse::subscribed(&fixture(name)) {
        Err(SyncError::Refused(why)) => why,
        other => panic!("{name}: expected a refusal, got {other:?}"),
    };
    assert!(refusal("subscribe-no-feed.json").contains("no feed"));
    assert!(refusal("subscribe-several.json").contains("https://a.example/atom"));
    assert!(refusal("subscribe-unreachable.json").contains("Failed to connect"));
}

#[test]
fn marking_succeeds_and_unsubscribing_a_feed_already_gone_is_no_error() {
    assert_eq!(
        parse::done(&fixture("update-article.json")),
        Ok(Reply::Done(()))
    );
    assert_eq!(
        parse::unsubscribed(&fixture("unsubscribe-not-found.json")),
        Ok(Reply::Done(()))
    );
}

#[test]
fn the_api_is_found_from_the_site_or_its_own_address() {
    for typed in [
        "http://host:8080/tt-rss",
        "http://host:8080/tt-rss/",
        "http://host:8080/tt-rss/api",
        "http://host:8080/tt-rss/api/",
        "http://host:8080/tt-rss/api/index.php",
        " http://host:8080/tt-rss/index.php?x=1#top ",
    ] {
        assert_eq!(
            api_address(typed),
            Ok("http://host:8080/tt-rss/api/".to_string()),
            "{typed}"
        );
    }
    assert_eq!(
        api_address("https://rss.example"),
        Ok("https://rss.example/api/".to_string())
    );
    for typed in ["rss.example", "ftp://rss.example/", ""] {
        assert!(
            matches!(api_address(typed), Err(SyncError::Unreachable(_))),
            "{typed}"
        );
    }
}

#[test]
fn the_cursor_goes_on_where_paging_stopped_and_starts_over_when_unreadable() {
    let paging = Cursor {
        since: 10,
        skip: 400,
        highest: 977,
    };
    assert_eq!(Cursor::read(Some(&paging.paging())), paging);
    assert_eq!(paging.finished(), "977");
    let next_sync = Cursor {
        since: 977,
        skip: 0,
        highest: 977,
    };
    assert_eq!(Cursor::read(Some("977")), next_sync);
    let start = Cursor {
        since: 0,
        skip: 0,
        highest: 0,
    };
    assert_eq!(Cursor::read(None), start);
    assert_eq!(Cursor::read(Some("1:2")), start);
    assert_eq!(Cursor::read(Some("-5")), start);
}

#[test]
fn no_prefix_of_a_recorded_answer_makes_a_parser_panic() {
    let body = fixture("headlines-hostile.json");
    for end in 0..body.len() {
        let part = &body[..end];
        let _ = parse::headlines(part);
        let _ = parse::feeds(part);
        let _ = parse::folders(part);
        let _ = parse::subscribed(part);
    }
}
