//! The FreshRSS of these tests as another device sees it: its Google Reader API called with curl,
//! independently of the app under test.

use std::collections::BTreeMap;

use serde_json::Value;
use tidings_testkit::sync_servers::{FreshRss, curl};

const READING_LIST: &str = "user/-/state/com.google/reading-list";
const READ: &str = "user/-/state/com.google/read";
pub(super) const STARRED: &str = "user/-/state/com.google/starred";

#[derive(Debug)]
pub(super) struct ServerFeed {
    pub id: String,
    pub title: String,
    pub folder: String,
}

pub(super) fn server_feeds(server: &FreshRss) -> Vec<ServerFeed> {
    let list: Value =
        serde_json::from_str(&api(server, "subscription/list?output=json", &[])).unwrap();
    list["subscriptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| ServerFeed {
            id: s["id"].as_str().unwrap().to_string(),
            title: s["title"].as_str().unwrap().to_string(),
            folder: s["categories"][0]["label"].as_str().unwrap().to_string(),
        })
        .collect()
}

/// Unread counts by stream id (`feed/1`, `user/-/label/tech`), as the server counts them.
pub(super) fn server_unread(server: &FreshRss) -> BTreeMap<String, u64> {
    let counts: Value =
        serde_json::from_str(&api(server, "unread-count?output=json", &[])).unwrap();
    counts["unreadcounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let count = c["count"]
                .as_u64()
                .or_else(|| c["count"].as_str().and_then(|s| s.parse().ok()))
                .unwrap();
            (c["id"].as_str().unwrap().to_string(), count)
        })
        .collect()
}

/// Every unread article's id, as the server lists them (FreshRSS ignores `s=…/read`: the read
/// ones are the reading list without the unread).
pub(super) fn server_unread_ids(server: &FreshRss) -> Vec<String> {
    let answer = api(
        server,
        &format!("stream/items/ids?output=json&n=100000&s={READING_LIST}&xt={READ}"),
        &[],
    );
    let json: Value = serde_json::from_str(&answer).unwrap();
    json["itemRefs"]
        .as_array()
        .map(|refs| {
            refs.iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The id and title of a feed's newest article.
pub(super) fn newest_item(server: &FreshRss, feed: &str) -> (String, String) {
    let answer = api(
        server,
        &format!("stream/contents/{feed}?output=json&n=1"),
        &[],
    );
    let json: Value = serde_json::from_str(&answer).unwrap();
    let item = &json["items"][0];
    (
        item["id"].as_str().unwrap().to_string(),
        item["title"].as_str().unwrap().to_string(),
    )
}

/// The titles of the articles a label is on, on the server.
pub(super) fn label_titles(server: &FreshRss, label: &str) -> Vec<String> {
    let answer = api(
        server,
        &format!("stream/contents/user/-/label/{label}?output=json&n=100"),
        &[],
    );
    let json: Value = serde_json::from_str(&answer).unwrap();
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap().to_string())
        .collect()
}

pub(super) fn edit_tag(server: &FreshRss, id: &str, tag: &str) {
    let answer = api(
        server,
        "edit-tag",
        &[&format!("i={id}"), &format!("a={tag}")],
    );
    assert_eq!(answer.trim(), "OK");
}

/// The server's answer to a Google Reader API call made with curl; `form` makes it a POST with
/// the write token.
pub(super) fn api(server: &FreshRss, call: &str, form: &[&str]) -> String {
    let base = server.greader_url();
    let login = curl(&[
        "-d",
        &format!("Email={}", FreshRss::USER),
        "-d",
        &format!("Passwd={}", FreshRss::PASSWORD),
        &format!("{base}/accounts/ClientLogin"),
    ])
    .unwrap();
    let auth = login
        .lines()
        .find_map(|l| l.strip_prefix("Auth="))
        .unwrap_or_else(|| panic!("no Auth in {login:?}"));
    let header = format!("Authorization: GoogleLogin auth={auth}");
    let url = format!("{base}/reader/api/0/{call}");
    if form.is_empty() {
        return curl(&["-H", &header, &url]).unwrap();
    }
    let token = curl(&["-H", &header, &format!("{base}/reader/api/0/token")]).unwrap();
    let token = format!("T={}", token.trim());
    let mut args = vec!["-H", &header, "--data-urlencode", &token];
    for field in form {
        args.extend(["--data-urlencode", field]);
    }
    args.push(&url);
    curl(&args).unwrap()
}
