//! Servers that misbehave, on a loopback test server: each ends in its own `SyncError`, in
//! bounded time, with a client whose limits are short.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use tidings_core::sync::greader::GReader;
use tidings_core::sync::http::SyncLimits;
use tidings_core::sync::{Backend, Login, Mark, SyncError, SyncHttp};
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::body::{Body, Bytes};
use tidings_testkit::axum::extract::State;
use tidings_testkit::axum::http::{HeaderMap, StatusCode, header};
use tidings_testkit::axum::response::{IntoResponse, Response};
use tidings_testkit::axum::routing::{get, post};

const CAP: usize = 64 * 1024;

/// What the server answers for a page of articles.
type Answer = Arc<dyn Fn() -> Response + Send + Sync>;

#[derive(Clone)]
struct Behaviour {
    stream: Answer,
    tokens_given: Arc<AtomicUsize>,
    /// The one session the server knows (`Auth=s0`, `s1`…); raising it forgets the others.
    session: Arc<AtomicUsize>,
    logins: Arc<AtomicUsize>,
    /// The write tokens `edit-tag` has seen, in order.
    tokens_seen: Arc<Mutex<Vec<String>>>,
}

async fn start(stream: impl Fn() -> Response + Send + Sync + 'static) -> (TestServer, Behaviour) {
    let behaviour = Behaviour {
        stream: Arc::new(stream),
        tokens_given: Arc::new(AtomicUsize::new(0)),
        session: Arc::new(AtomicUsize::new(0)),
        logins: Arc::new(AtomicUsize::new(0)),
        tokens_seen: Arc::new(Mutex::new(Vec::new())),
    };
    let app = Router::new()
        .route(
            "/accounts/ClientLogin",
            post(|State(b): State<Behaviour>| async move {
                b.logins.fetch_add(1, Ordering::SeqCst);
                format!(
                    "SID=s\nLSID=null\nAuth=s{}\n",
                    b.session.load(Ordering::SeqCst)
                )
            }),
        )
        .route(
            "/reader/api/0/token",
            get(|State(b): State<Behaviour>| async move {
                format!("token{}", b.tokens_given.fetch_add(1, Ordering::SeqCst))
            }),
        )
        .route(
            "/reader/api/0/stream/contents/{*stream}",
            get(
                |State(b): State<Behaviour>, headers: HeaderMap| async move {
                    let session = format!("GoogleLogin auth=s{}", b.session.load(Ordering::SeqCst));
                    if headers
                        .get(header::AUTHORIZATION)
                        .is_none_or(|h| h != session.as_str())
                    {
                        return StatusCode::UNAUTHORIZED.into_response();
                    }
                    (b.stream)()
                },
            ),
        )
        .route("/reader/api/0/edit-tag", post(edit_tag))
        .with_state(behaviour.clone());
    (TestServer::start(app).await, behaviour)
}

/// Refuses the first token it is given, as a server whose tokens expired does.
async fn edit_tag(State(b): State<Behaviour>, body: String) -> Response {
    let token = body
        .split('&')
        .find_map(|field| field.strip_prefix("T="))
        .unwrap_or_default()
        .to_string();
    let mut seen = b.tokens_seen.lock().unwrap();
    seen.push(token.clone());
    if token == "token0" {
        return (StatusCode::UNAUTHORIZED, [("Google-Bad-Token", "true")]).into_response();
    }
    "OK".into_response()
}

async fn client(server: &TestServer) -> GReader {
    let limits = SyncLimits {
        connect_timeout: Duration::from_secs(2),
        // Long enough that a busy machine pausing this one-thread runtime is not a stall.
        read_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(8),
        max_body_bytes: CAP,
    };
    let login = Login {
        url: server.url("/"),
        user: "u".into(),
        password: "p".into(),
    };
    GReader::log_in(SyncHttp::new(limits).unwrap(), &login)
        .await
        .unwrap()
}

/// The error a first sync ends in, and how long it took.
async fn first_page_fails(
    stream: impl Fn() -> Response + Send + Sync + 'static,
) -> (SyncError, Duration) {
    let (server, _) = start(stream).await;
    let mut client = client(&server).await;
    let started = Instant::now();
    let error = client.new_items(None).await.unwrap_err();
    (error, started.elapsed())
}

fn json(body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body.into()).into_response()
}

#[tokio::test]
async fn malformed_json_is_a_bad_response() {
    let (error, _) = first_page_fails(|| json(r#"{"items": [{"id": "1",,]}"#)).await;
    assert!(
        matches!(&error, SyncError::BadResponse(why) if why.contains("not JSON")),
        "{error:?}"
    );
}

#[tokio::test]
async fn the_wrong_shape_is_a_bad_response_naming_the_field() {
    let (error, _) = first_page_fails(|| json(r#"{"items": "none today"}"#)).await;
    assert!(
        matches!(&error, SyncError::BadResponse(why) if why.contains("`items` as text")),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_huge_body_is_cut_off_at_the_cap() {
    let (error, _) = first_page_fails(|| {
        let filler = "x".repeat(4 * CAP);
        json(format!(r#"{{"items": [], "filler": "{filler}"}}"#))
    })
    .await;
    assert!(
        matches!(&error, SyncError::BadResponse(why) if why.contains("larger than")),
        "{error:?}"
    );
}

#[tokio::test]
async fn rate_limiting_says_when_to_come_back() {
    let (error, _) = first_page_fails(|| {
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "120")],
        )
            .into_response()
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
async fn a_server_that_stalls_mid_body_times_out() {
    let (error, took) = first_page_fails(|| {
        let start = futures::stream::once(async {
            Ok::<_, std::io::Error>(Bytes::from_static(br#"{"items": [{"id": "1", "#))
        });
        json(Body::from_stream(start.chain(futures::stream::pending())))
    })
    .await;
    assert_eq!(error, SyncError::Timeout);
    assert!(took < Duration::from_secs(6), "{took:?}");
}

#[tokio::test]
async fn a_refused_write_token_is_fetched_again_once() {
    let (server, behaviour) = start(|| json("{}")).await;
    let mut client = client(&server).await;
    client.mark(&["1".to_string()], &Mark::Read).await.unwrap();
    assert_eq!(*behaviour.tokens_seen.lock().unwrap(), ["token0", "token1"]);
    client.mark(&["2".to_string()], &Mark::Read).await.unwrap();
    assert_eq!(
        behaviour.tokens_given.load(Ordering::SeqCst),
        2,
        "a token that works is kept"
    );
}

#[tokio::test]
async fn a_server_that_repeats_its_continuation_does_not_page_forever() {
    let (server, _) = start(|| {
        json(r#"{"items": [{"id": "1", "origin": {"streamId": "feed/1"}}], "continuation": "7"}"#)
    })
    .await;
    let mut client = client(&server).await;
    let first = client.new_items(None).await.unwrap();
    assert!(!first.done);
    let second = client.new_items(Some(&first.cursor)).await.unwrap();
    assert!(second.done, "the same continuation again ends the run");
}

#[tokio::test]
async fn a_session_the_server_forgot_is_opened_again() {
    let (server, behaviour) = start(|| json(r#"{"items": []}"#)).await;
    let mut client = client(&server).await;
    behaviour.session.store(1, Ordering::SeqCst);
    let page = client.new_items(None).await.unwrap();
    assert!(page.done);
    assert_eq!(behaviour.logins.load(Ordering::SeqCst), 2);
}
