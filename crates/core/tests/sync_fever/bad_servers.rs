//! Fever servers that misbehave, played by a loopback server that logs the client in and then
//! answers every other call its own bad way. Each ends in its own [`SyncError`], in bounded time.

use std::time::{Duration, Instant};

use tidings_core::sync::fever::Fever;
use tidings_core::sync::http::SyncLimits;
use tidings_core::sync::{Backend, Login, SyncError, SyncHttp};
use tidings_testkit::TestServer;
use tidings_testkit::axum::body::{Body, Bytes};
use tidings_testkit::axum::extract::RawQuery;
use tidings_testkit::axum::http::StatusCode;
use tidings_testkit::axum::response::{IntoResponse, Response};
use tidings_testkit::axum::routing::post;
use tidings_testkit::axum::{Router, http::header};

const CAP: usize = 64 * 1024;

/// A server that accepts the login (`?api`) and answers everything else with `answer(query)`.
async fn server(answer: fn(&str) -> Response) -> TestServer {
    let app = Router::new().route(
        "/fever/",
        post(move |RawQuery(query): RawQuery| async move {
            match query.as_deref() {
                Some("api") => json(r#"{"api_version":3,"auth":1}"#),
                other => answer(other.unwrap_or_default()),
            }
        }),
    );
    TestServer::start(app).await
}

fn json(body: impl Into<Body>) -> Response {
    let body: Body = body.into();
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A client that waits little and reads little, logged in to `server`.
async fn client(server: &TestServer) -> Fever {
    let http = SyncHttp::new(SyncLimits {
        connect_timeout: Duration::from_secs(1),
        read_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_secs(3),
        max_body_bytes: CAP,
    })
    .unwrap();
    let login = Login {
        url: server.url("/fever/"),
        user: "ana".to_string(),
        password: "secret".to_string(),
    };
    Fever::log_in(http, &login).await.unwrap()
}

fn bad_response<T: std::fmt::Debug>(result: Result<T, SyncError>) -> String {
    match result {
        Err(SyncError::BadResponse(why)) => why,
        other => panic!("expected BadResponse, got {other:?}"),
    }
}

/// Items `first..=last`, all of feed 1.
fn items_page(first: u64, last: u64) -> String {
    let items: Vec<String> = (first..=last)
        .map(|id| format!(r#"{{"id":{id},"feed_id":1,"title":"Item {id}","html":"<p>x</p>"}}"#))
        .collect();
    format!(
        r#"{{"api_version":3,"auth":1,"items":[{}]}}"#,
        items.join(",")
    )
}

#[tokio::test]
async fn malformed_json_is_a_bad_response() {
    let server = server(|_| json(r#"{"api_version":3,"auth":1,"items":[{"id":1,"#)).await;
    let why = bad_response(client(&server).await.new_items(None).await);
    assert!(why.contains("JSON"), "{why}");
}

#[tokio::test]
async fn an_answer_of_the_wrong_shape_is_a_bad_response_naming_the_field() {
    let server = server(|_| json(r#"{"api_version":3,"auth":1,"unread_item_ids":{"1":1}}"#)).await;
    let why = bad_response(client(&server).await.unread_ids().await);
    assert!(why.contains("unread_item_ids"), "{why}");
}

#[tokio::test]
async fn a_huge_answer_is_cut_off_at_the_cap() {
    // Streamed, so no Content-Length warns the client: the cap must hold while reading.
    let server = server(|_| {
        let chunk = Bytes::from(vec![b' '; 16 * 1024]);
        let chunks = std::iter::repeat_n(chunk, 1024).map(Ok::<_, std::io::Error>);
        Body::from_stream(futures::stream::iter(chunks)).into_response()
    })
    .await;
    let why = bad_response(client(&server).await.feeds().await);
    assert!(why.contains("larger than"), "{why}");
}

#[tokio::test]
async fn a_429_with_retry_after_says_how_long_to_wait() {
    let server = server(|_| {
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "120")],
            "slow down",
        )
            .into_response()
    })
    .await;
    let result = client(&server).await.starred_ids().await;
    assert_eq!(
        result,
        Err(SyncError::RateLimited {
            retry_after: Some(120)
        })
    );
}

#[tokio::test]
async fn a_server_that_stalls_mid_answer_times_out_within_the_read_timeout() {
    let server = server(|_| {
        let start = futures::stream::once(async {
            Ok::<_, std::io::Error>(Bytes::from_static(
                br#"{"api_version":3,"auth":1,"items":["#,
            ))
        });
        Body::from_stream(futures::StreamExt::chain(start, futures::stream::pending()))
            .into_response()
    })
    .await;
    let mut client = client(&server).await;
    let started = Instant::now();
    assert_eq!(client.new_items(None).await, Err(SyncError::Timeout));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_server_that_ignores_since_id_is_caught_instead_of_paged_forever() {
    let server = server(|_| json(items_page(1, 50))).await;
    let mut client = client(&server).await;
    let first = client.new_items(None).await.unwrap();
    assert_eq!((first.items.len(), first.done), (50, false));
    let why = bad_response(client.new_items(Some(&first.cursor)).await);
    assert!(why.contains("older ones again"), "{why}");
}

#[tokio::test]
async fn nothing_new_is_an_empty_last_page_in_one_request() {
    let server = server(|query| {
        assert_eq!(query, "api&items&since_id=500");
        json(r#"{"api_version":3,"auth":1,"items":[]}"#)
    })
    .await;
    let mut client = client(&server).await;
    let logged_in = server.requests().len();
    let page = client.new_items(Some("500")).await.unwrap();
    assert!(page.items.is_empty() && page.done);
    assert_eq!(page.cursor, "500");
    assert_eq!(server.requests().len(), logged_in + 1);
}

#[tokio::test]
async fn a_key_refused_after_logging_in_is_an_auth_error() {
    let server = server(|_| json(r#"{"api_version":3,"auth":0}"#)).await;
    let result = client(&server).await.feeds().await;
    assert!(matches!(result, Err(SyncError::Auth(_))), "{result:?}");
}

/// A Fever server of three articles, listing `unread` as unread, that says it keeps none of
/// the articles it is asked about.
fn keeps_nothing(query: &str, unread: &str) -> Response {
    let fever = |fields: &str| json(format!(r#"{{"api_version":3,"auth":1,{fields}}}"#));
    match query {
        "api&feeds" => fever(
            r#""feeds":[{"id":1,"title":"Feed","url":"http://127.0.0.1:9/feed"}],"feeds_groups":[]"#,
        ),
        "api&groups" => fever(r#""groups":[],"feeds_groups":[]"#),
        "api&items&since_id=0" => json(items_page(1, 3)),
        "api&unread_item_ids" => fever(&format!(r#""unread_item_ids":"{unread}""#)),
        "api&saved_item_ids" => fever(r#""saved_item_ids":"""#),
        // Newer items, and whichever ids it is asked about: none.
        _ => fever(r#""items":[]"#),
    }
}

/// A library on `server`'s account, synced once, its daily check of what the server keeps
/// due again.
async fn synced_a_day_ago(server: &TestServer) -> (tempfile::TempDir, tidings_core::Library, i64) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    let library = tidings_core::Library::open(&db).unwrap();
    let account = library
        .add_account(tidings_core::api::NewAccount {
            kind: tidings_core::api::AccountKind::Fever,
            url: server.url("/fever/"),
            user_name: "ana".to_string(),
            password: "secret".to_string(),
        })
        .await
        .unwrap();
    let first = library.sync_account(account.id).await.unwrap();
    assert_eq!(first.new_articles, 3);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE accounts SET kept_checked_at = 0", [])
        .unwrap();
    (dir, library, account.id)
}

async fn article_count(library: &tidings_core::Library) -> usize {
    let page = library
        .list_articles(tidings_core::api::ArticleView::All, None)
        .await
        .unwrap();
    page.articles.len()
}

/// A server that says it keeps none of the articles, not even one it has just listed as
/// unread, is not believed: nothing is removed here, and the account says why.
#[tokio::test(flavor = "multi_thread")]
async fn a_server_saying_it_keeps_nothing_is_not_believed() {
    let server = server(|query| keeps_nothing(query, "1")).await;
    let (_dir, library, account) = synced_a_day_ago(&server).await;
    // 2 and 3 are read: the server did not list them as unread.
    let why = library.sync_account(account).await.unwrap_err().to_string();
    assert!(why.contains("no longer keeps article 1"), "{why}");
    assert_eq!(article_count(&library).await, 3, "nothing removed");
    let shown = library.account(account).await.unwrap();
    assert!(shown.last_error.unwrap().contains("no longer keeps"));
}

/// With nothing unread on the server, the newest article here stands in for one it surely
/// keeps; when the server leaves that out too, nothing is removed and the sync goes on.
#[tokio::test(flavor = "multi_thread")]
async fn with_nothing_unread_an_answer_without_the_newest_article_removes_nothing() {
    let server = server(|query| keeps_nothing(query, "")).await;
    let (_dir, library, account) = synced_a_day_ago(&server).await;
    let next_day = library.sync_account(account).await.unwrap();
    assert_eq!(next_day.removed_articles, 0);
    assert_eq!(article_count(&library).await, 3, "nothing removed");
}
