//! Servers that answer the login and then misbehave, on 127.0.0.1 (`TestServer`): each ends
//! in its own `SyncError`, within the client's bounds.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures::StreamExt;
use tidings_core::sync::http::SyncLimits;
use tidings_core::sync::ttrss::TtRss;
use tidings_core::sync::{Backend, Login, SyncError, SyncHttp};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::body::{Body, Bytes};
use tidings_testkit::axum::http::{StatusCode, header};
use tidings_testkit::axum::response::Response;
use tidings_testkit::axum::routing::post;

const LOGGED_IN: &str = r#"{"seq":0,"status":0,"content":{"session_id":"s1","api_level":15}}"#;

/// Short waits and a 64 KiB cap, so that every misbehaviour ends in well under a second.
fn http() -> SyncHttp {
    SyncHttp::new(SyncLimits {
        connect_timeout: Duration::from_millis(500),
        read_timeout: Duration::from_millis(300),
        total_timeout: Duration::from_secs(2),
        max_body_bytes: 64 * 1024,
    })
    .expect("an HTTP client")
}

/// A server whose login works and whose every other call is answered by `answer`.
async fn serve(answer: fn() -> Response) -> (TestServer, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let app = Router::new().route(
        "/api/",
        post(move |body: Bytes| {
            let counted = Arc::clone(&counted);
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                let login = br#""op":"login""#;
                if body.windows(login.len()).any(|w| w == login) {
                    Response::new(Body::from(LOGGED_IN))
                } else {
                    answer()
                }
            }
        }),
    );
    (TestServer::start(app).await, calls)
}

/// What `unread_ids` ends in against `answer`, and how long it took.
async fn unread_ids_against(answer: fn() -> Response) -> (SyncError, Duration) {
    let (server, _) = serve(answer).await;
    let login = Login {
        url: server.url("/"),
        user: "someone".into(),
        password: "secret".into(),
    };
    let mut client = TtRss::log_in(http(), &login).await.expect("log in");
    let started = Instant::now();
    let error = client
        .unread_ids()
        .await
        .expect_err("a bad server fails the call");
    (error, started.elapsed())
}

fn body(text: &'static str) -> Response {
    Response::new(Body::from(text))
}

#[tokio::test]
async fn malformed_json_is_a_bad_response() {
    let (error, _) = unread_ids_against(|| body(r#"{"seq":0,"status":0,"content":[{"id":"#)).await;
    let SyncError::BadResponse(why) = error else {
        panic!("{error:?}");
    };
    assert!(why.contains("not JSON"), "{why}");
}

#[tokio::test]
async fn the_wrong_shape_is_a_bad_response_that_says_what_was_expected() {
    let (error, _) = unread_ids_against(|| body(r#"{"status":0,"content":{"a":1}}"#)).await;
    assert_eq!(
        error,
        SyncError::BadResponse(
            "getHeadlines answered an object where a list of articles belongs".into()
        )
    );
}

#[tokio::test]
async fn a_huge_body_is_refused_at_the_cap() {
    let (error, took) = unread_ids_against(|| {
        let chunk = Bytes::from(vec![b' '; 16 * 1024]);
        let endless = futures::stream::repeat(chunk)
            .take(1024)
            .map(Ok::<_, std::io::Error>);
        Response::new(Body::from_stream(endless))
    })
    .await;
    assert!(
        matches!(error, SyncError::BadResponse(ref why) if why.contains("larger than")),
        "{error:?}"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn too_many_requests_says_when_to_try_again() {
    let (error, _) = unread_ids_against(|| {
        Response::builder()
            .status(StatusCode::TOO_MANY_REQUESTS)
            .header(header::RETRY_AFTER, "120")
            .body(Body::empty())
            .expect("a response")
    })
    .await;
    assert_eq!(
        error,
        SyncError::RateLimited {
            retry_after: Some(120)
        }
    );
}

#[tokio::test]
async fn a_server_that_stalls_mid_body_times_out_within_the_read_timeout() {
    let (error, took) = unread_ids_against(|| {
        let start = futures::stream::once(async {
            Ok::<_, std::io::Error>(Bytes::from_static(br#"{"status":0,"content":[{"id":1"#))
        });
        Response::new(Body::from_stream(start.chain(futures::stream::pending())))
    })
    .await;
    assert_eq!(error, SyncError::Timeout);
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn a_server_that_forgets_every_session_is_an_auth_error_after_one_new_login() {
    let (server, calls) =
        serve(|| body(r#"{"seq":null,"status":1,"content":{"error":"NOT_LOGGED_IN"}}"#)).await;
    let login = Login {
        url: server.url("/api"),
        user: "someone".into(),
        password: "secret".into(),
    };
    let mut client = TtRss::log_in(http(), &login).await.expect("log in");
    let error = client.starred_ids().await.expect_err("no session lasts");
    assert!(matches!(error, SyncError::Auth(_)), "{error:?}");
    // Login, the call, login again, the call again: then it stops.
    assert_eq!(calls.load(Ordering::SeqCst), 4);
}

#[tokio::test]
async fn a_web_page_instead_of_the_api_says_the_address_is_not_tiny_tiny_rss() {
    let app = Router::new().route("/api/", post(|| async { body("<!DOCTYPE html><p>hi") }));
    let page = TestServer::start(app).await;
    let login = Login {
        url: page.url("/"),
        user: "someone".into(),
        password: "secret".into(),
    };
    let error = TtRss::log_in(http(), &login)
        .await
        .err()
        .expect("not the API");
    let SyncError::BadResponse(why) = error else {
        panic!("{error:?}");
    };
    assert!(
        why.contains("does not answer like Tiny Tiny RSS's API"),
        "{why}"
    );
}
