//! The FreshRSS a test talks to, and what it holds asked with curl, as "another device" would,
//! independently of the client under test.

use std::collections::BTreeSet;

use tidings_core::sync::greader::GReader;
use tidings_core::sync::{Backend, Login, RemoteItem, SyncHttp};
use tidings_testkit::Farm;
use tidings_testkit::sync_servers::{FreshRss, curl};

pub(super) const READING_LIST: &str = "user/-/state/com.google/reading-list";

/// A FreshRSS subscribed, with its own import, to the farm's feeds (in their folders).
pub(super) struct Served {
    pub server: FreshRss,
    pub farm: Farm,
    _dir: tempfile::TempDir,
}

pub(super) fn served(feeds: usize, items: usize) -> Served {
    let dir = tempfile::tempdir().unwrap();
    let farm = Farm::start(None, feeds, items, dir.path()).unwrap();
    let server = FreshRss::start().unwrap();
    let opml = farm
        .download("/feeds.opml", &dir.path().join("feeds.opml"))
        .unwrap();
    server.import_opml(&opml).unwrap();
    Served {
        server,
        farm,
        _dir: dir,
    }
}

pub(super) fn login(url: &str, password: &str) -> Login {
    Login {
        url: url.to_string(),
        user: FreshRss::USER.to_string(),
        password: password.to_string(),
    }
}

pub(super) async fn client(server: &FreshRss) -> GReader {
    GReader::log_in(
        SyncHttp::new(Default::default()).unwrap(),
        &login(&server.greader_url(), FreshRss::PASSWORD),
    )
    .await
    .unwrap()
}

/// The server's answer to an API call made with curl, as "another device" would.
pub(super) fn api(server: &FreshRss, call: &str, form: &[&str]) -> String {
    let answer = curl(&[
        "-d",
        &format!("Email={}", FreshRss::USER),
        "-d",
        &format!("Passwd={}", FreshRss::PASSWORD),
        &format!("{}/accounts/ClientLogin", server.greader_url()),
    ])
    .unwrap();
    let auth = answer
        .lines()
        .find_map(|l| l.strip_prefix("Auth="))
        .unwrap()
        .to_string();
    let header = format!("Authorization: GoogleLogin auth={auth}");
    let url = format!("{}/reader/api/0/{call}", server.greader_url());
    if form.is_empty() {
        return curl(&["-H", &header, &url]).unwrap();
    }
    let token = curl(&[
        "-H",
        &header,
        &format!("{}/reader/api/0/token", server.greader_url()),
    ])
    .unwrap();
    let mut args = vec!["-H", &header, "--data-urlencode"];
    let token_field = format!("T={}", token.trim());
    args.push(&token_field);
    for field in form {
        args.extend(["--data-urlencode", field]);
    }
    args.push(&url);
    curl(&args).unwrap()
}

/// Article ids in a stream as the server lists them (`query` after `s=…&n=…`).
pub(super) fn server_ids(server: &FreshRss, query: &str) -> BTreeSet<String> {
    let answer = api(
        server,
        &format!("stream/items/ids?output=json&n=100000&{query}"),
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&answer).unwrap();
    json["itemRefs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

pub(super) fn unread_on_server(server: &FreshRss) -> BTreeSet<String> {
    server_ids(
        server,
        &format!("s={READING_LIST}&xt=user/-/state/com.google/read"),
    )
}

pub(super) fn starred_on_server(server: &FreshRss) -> BTreeSet<String> {
    server_ids(server, "s=user/-/state/com.google/starred")
}

/// Every article new since `cursor`, page by page; the cursor to go on from.
pub(super) async fn sync_all(
    client: &mut GReader,
    mut cursor: Option<String>,
) -> (Vec<RemoteItem>, String) {
    let mut items = Vec::new();
    loop {
        let page = client.new_items(cursor.as_deref()).await.unwrap();
        items.extend(page.items);
        if page.done {
            return (items, page.cursor);
        }
        cursor = Some(page.cursor);
    }
}

pub(super) fn ids_of(items: &[RemoteItem]) -> BTreeSet<String> {
    items.iter().map(|item| item.id.clone()).collect()
}

/// How many calls to `path` (e.g. `/stream/contents/`) the server has had so far (its access
/// log).
pub(super) fn calls(server: &FreshRss, path: &str) -> usize {
    std::fs::read_to_string(server.dir().join("http.log"))
        .unwrap()
        .lines()
        .filter(|line| line.contains(path))
        .count()
}
