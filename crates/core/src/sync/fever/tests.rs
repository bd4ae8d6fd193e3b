//! Fever's parsers on answers recorded from FreshRSS 1.24.3 and Coldsweat 0.10.2, and on
//! hostile ones written by hand (`testdata/`).

use std::path::PathBuf;

use super::parse::{self, Feed};
use super::{api_key, candidates};
use crate::sync::{RemoteItem, SyncError};

fn answer(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src/sync/fever/testdata")
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
fn the_api_key_is_the_md5_of_user_colon_password_in_hex() {
    // `printf %s tidings@example.com:tidings-password | md5sum`, as coldsweat-up.sh prints it.
    assert_eq!(
        api_key("tidings@example.com", "tidings-password"),
        "adbd4b6034de0fbb0ef36b21f2e9850a"
    );
}

#[test]
fn the_api_is_found_at_its_own_address_or_under_a_freshrss_site() {
    let tried = |typed: &str| -> Vec<String> {
        candidates(typed)
            .unwrap()
            .iter()
            .map(|u| u.to_string())
            .collect()
    };
    assert_eq!(
        tried("https://rss.example/api/fever.php?api"),
        ["https://rss.example/api/fever.php"]
    );
    assert_eq!(tried("http://h:81/fever"), ["http://h:81/fever/"]);
    assert_eq!(tried("http://h:81/fever/"), ["http://h:81/fever/"]);
    assert_eq!(
        tried("https://rss.example/freshrss"),
        [
            "https://rss.example/freshrss/",
            "https://rss.example/freshrss/api/fever.php"
        ]
    );
    assert!(matches!(
        candidates("rss.example"),
        Err(SyncError::Unreachable(_))
    ));
    assert!(matches!(
        candidates("file:///etc/passwd"),
        Err(SyncError::Unreachable(_))
    ));
}

#[test]
fn feeds_as_freshrss_and_coldsweat_send_them_each_in_its_folder() {
    for server in ["freshrss", "coldsweat"] {
        let feeds = parse::feeds(&answer(&format!("{server}-feeds.json"))).unwrap();
        assert_eq!(feeds.feeds.len(), 3, "{server}");
        assert!(feeds.rejected.is_empty(), "{server}: {:?}", feeds.rejected);
        let weekly = feeds.feeds.iter().find(|f| f.id == "1").unwrap();
        assert_eq!(
            weekly,
            &Feed {
                id: "1".to_string(),
                title: "Weekly Two #0".to_string(),
                url: "http://127.0.0.1:28555/feeds/0000.rss".to_string(),
                site_url: Some("https://news0.example.org/".to_string()),
            },
            "{server}"
        );
        let titles = parse::groups(&answer(&format!("{server}-groups.json"))).unwrap();
        let folder = &titles[&feeds.group_of["1"]];
        assert_eq!(folder, "design", "{server}");
    }
}

#[test]
fn items_as_freshrss_sends_them_with_ids_as_strings() {
    let page = parse::items(&answer("freshrss-items.json"), 0).unwrap();
    assert_eq!(page.received, 3);
    assert_eq!(page.highest_id, Some(1_796_559_410_527_651));
    let ids: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["1796559410527649", "1796559410527650", "1796559410527651"]
    );
    let starred = &page.items[1];
    assert_eq!(starred.feed_id, "2");
    assert!(starred.starred && !starred.read);
    assert_eq!(starred.published_at, Some(1_767_229_620));
    assert!(starred.content_html.starts_with("<p>"));
}

#[test]
fn items_as_coldsweat_sends_them_with_ids_as_numbers() {
    let page = parse::items(&answer("coldsweat-items.json"), 1).unwrap();
    assert_eq!(page.received, 3);
    assert_eq!(page.highest_id, Some(3));
    // Item 1 is not after since_id 1: a server that ignores since_id must not repeat it.
    let ids: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["2", "3"]);
    assert_eq!(
        page.items[1].title,
        "To Just Might analysis performance Good as Season & are"
    );
    assert!(page.items[0].starred);
}

#[test]
fn hostile_items_keep_what_is_usable_and_name_what_is_not() {
    let page = parse::items(&answer("hostile-items.json"), 0).unwrap();
    assert_eq!(page.received, 13);
    let first = &page.items[0];
    assert_eq!(
        first,
        &RemoteItem {
            id: "10".to_string(),
            feed_id: "2".to_string(),
            title: "Bold & brave".to_string(),
            url: Some("https://example.org/10".to_string()),
            author: None,
            content_html: "<p onclick=x>kept as sent</p>".to_string(),
            published_at: Some(1_767_226_260),
            read: true,
            starred: true,
        }
    );
    let ids: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["10", "11", "12", "13", "15"]);
    let by_id = |id: &str| page.items.iter().find(|i| i.id == id).unwrap();
    // Absurd dates are no date; odd flags are false.
    assert_eq!(by_id("11").published_at, None);
    assert_eq!(by_id("12").published_at, None);
    assert_eq!(by_id("13").published_at, None);
    assert_eq!(by_id("15").published_at, Some(1_767_226_260));
    assert!(!by_id("12").read && !by_id("12").starred);
    assert_eq!(by_id("12").url, None);
    assert_eq!(by_id("12").author.as_deref(), Some("Ana Lima"));
    assert_eq!(by_id("13").title, "");
    assert_eq!(by_id("13").content_html, "");
    // The huge id is no id, so the highest is 15.
    assert_eq!(page.highest_id, Some(15));
    let rejected = page.rejected.join("\n");
    for why in [
        "item 10 is listed twice",
        "item #6: no id",
        "item 14: no feed",
        "item #8: no id",
        "item #9: no id",
        "item #12: no id",
    ] {
        assert!(rejected.contains(why), "{why:?} not in:\n{rejected}");
    }
}

#[test]
fn hostile_feeds_keep_the_first_of_each_id_and_the_first_group_of_each_feed() {
    let feeds = parse::feeds(&answer("hostile-feeds.json")).unwrap();
    let ids: Vec<&str> = feeds.feeds.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "4"]);
    assert_eq!(feeds.feeds[0].title, "Tom & Jerry");
    assert_eq!(feeds.feeds[0].url, "http://127.0.0.1/feed.rss");
    assert_eq!(feeds.feeds[1].title, "http://127.0.0.1/untitled.rss");
    assert_eq!(feeds.feeds[1].site_url, None);
    assert_eq!(feeds.group_of["1"], "7");
    assert_eq!(feeds.group_of["4"], "7");
    assert_eq!(feeds.group_of["2"], "8");
    assert_eq!(feeds.rejected.len(), 4, "{:?}", feeds.rejected);
    let titles = parse::groups(&answer("hostile-groups.json")).unwrap();
    assert_eq!(titles["7"], "News & views");
    assert_eq!(titles["8"], "Second");
    assert!(!titles.contains_key("9"));
}

#[test]
fn id_lists_are_deduplicated_and_tolerate_spaces_and_empty_pieces() {
    let ids = parse::id_list(&answer("unread-sloppy.json"), "unread_item_ids").unwrap();
    assert_eq!(ids, ["1", "2", "3", "7"]);
    let ids = parse::id_list(&answer("freshrss-unread_item_ids.json"), "unread_item_ids").unwrap();
    assert_eq!(ids.len(), 15);
    let ids = parse::id_list(&answer("freshrss-saved_item_ids.json"), "saved_item_ids").unwrap();
    assert_eq!(ids, ["1796559410527650"]);
}

#[test]
fn an_id_list_with_garbage_or_without_the_list_is_an_error_never_an_empty_list() {
    let why = bad_response(parse::id_list(
        &answer("unread-with-garbage.json"),
        "unread_item_ids",
    ));
    assert!(why.contains("\"x7\""), "{why}");
    let why = bad_response(parse::id_list(
        &answer("unread-null.json"),
        "unread_item_ids",
    ));
    assert!(why.contains("unread_item_ids"), "{why}");
    let why = bad_response(parse::id_list(
        &answer("coldsweat-feeds.json"),
        "saved_item_ids",
    ));
    assert!(why.contains("saved_item_ids"), "{why}");
}

#[test]
fn auth_zero_is_a_refused_password_and_a_missing_auth_is_no_fever_answer() {
    assert!(matches!(
        parse::items(&answer("auth-zero.json"), 0),
        Err(SyncError::Auth(_))
    ));
    assert!(bad_response(parse::feeds(&answer("no-auth.json"))).contains("auth"));
}

#[test]
fn answers_that_are_not_fever_json_are_bad_responses_that_say_what_was_wrong() {
    let cases = [
        ("login-page.html", "<!DOCTYPE html>"),
        ("truncated.json", "is JSON"),
        ("top-level-array.json", "JSON object"),
        ("items-not-a-list.json", "`items` should be a list"),
        ("deep-nesting.json", "is JSON"),
    ];
    for (name, expected) in cases {
        let why = bad_response(parse::items(&answer(name), 0));
        assert!(why.contains(expected), "{name}: {why}");
    }
    let why = bad_response(parse::feeds(&answer("coldsweat-groups.json")));
    assert!(why.contains("no `feeds`"), "{why}");
}

#[test]
fn no_byte_string_makes_a_parser_panic() {
    let mut inputs: Vec<Vec<u8>> = vec![Vec::new(), b"\xff\xfe".to_vec(), b"null".to_vec()];
    let recorded = answer("hostile-items.json");
    // Every prefix of a hostile answer: cut anywhere, as a stalled server leaves it.
    inputs.extend(
        (0..recorded.len())
            .step_by(7)
            .map(|n| recorded[..n].to_vec()),
    );
    for input in &inputs {
        let _ = parse::items(input, 0);
        let _ = parse::feeds(input);
        let _ = parse::groups(input);
        let _ = parse::id_list(input, "unread_item_ids");
    }
}

#[test]
fn an_item_with_broken_fields_still_counts_as_kept() {
    // Asked which articles it keeps, the server names each; one it cannot describe well is
    // still one it keeps, and must not be removed here.
    let named = parse::named_ids(&answer("hostile-items.json")).unwrap();
    for id in ["10", "11", "12", "13"] {
        assert!(named.iter().any(|n| n == id), "{id} in {named:?}");
    }
    assert!(parse::named_ids(&answer("items-not-a-list.json")).is_err());
}
