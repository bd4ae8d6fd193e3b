use std::time::Duration;

use tidings_testkit::axum::Router;
use tidings_testkit::axum::body::Body;
use tidings_testkit::axum::http::{HeaderMap, StatusCode, header};
use tidings_testkit::axum::response::{IntoResponse, Redirect, Response};
use tidings_testkit::axum::routing::get;
use tidings_testkit::{TestServer, gzip};

use super::*;

const FEED: &str = r#"<rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>A</title></item></channel></rss>"#;

async fn feed_with_etag(headers: HeaderMap) -> Response {
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v == "\"v1\"")
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    (
        [
            (header::ETAG, "\"v1\""),
            (header::LAST_MODIFIED, "Tue, 25 Jun 2024 08:00:00 GMT"),
        ],
        FEED,
    )
        .into_response()
}

fn gzipped(bytes: &[u8]) -> Response {
    ([(header::CONTENT_ENCODING, "gzip")], gzip(bytes)).into_response()
}

/// 16 MiB of zeros that cross the wire as ~16 KiB of gzip.
static GZIP_BOMB: std::sync::LazyLock<Vec<u8>> =
    std::sync::LazyLock::new(|| gzip(&vec![0u8; 16 * 1024 * 1024]));

fn misbehaving_server_routes() -> Router {
    std::sync::LazyLock::force(&GZIP_BOMB);
    Router::new()
        .route("/feed.xml", get(feed_with_etag))
        .route("/gzip.xml", get(|| async { gzipped(FEED.as_bytes()) }))
        .route("/stall", get(std::future::pending::<&'static str>))
        .route(
            "/stall-body",
            get(|| async {
                let first = futures::stream::once(async {
                    Ok::<_, std::io::Error>("<rss version=\"2.0\">")
                });
                Body::from_stream(first.chain(futures::stream::pending()))
            }),
        )
        .route(
            "/trickle",
            get(|| async {
                let drip = futures::stream::unfold((), |()| async {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    Some((Ok::<_, std::io::Error>("x"), ()))
                });
                Body::from_stream(drip)
            }),
        )
        .route("/huge", get(|| async { vec![b'x'; 11 * 1024 * 1024] }))
        .route(
            "/bomb",
            get(|| async { ([(header::CONTENT_ENCODING, "gzip")], GZIP_BOMB.clone()) }),
        )
        .route("/loop/a", get(|| async { Redirect::temporary("/loop/b") }))
        .route("/loop/b", get(|| async { Redirect::temporary("/loop/a") }))
        .route(
            "/hop/{n}",
            get(
                |tidings_testkit::axum::extract::Path(n): tidings_testkit::axum::extract::Path<
                    u32,
                >| async move {
                    if n == 0 {
                        Redirect::temporary("/feed.xml")
                    } else {
                        Redirect::temporary(&format!("/hop/{}", n - 1))
                    }
                },
            ),
        )
}

fn quick_limits() -> FetchLimits {
    FetchLimits {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_secs(3),
        ..FetchLimits::default()
    }
}

async fn fetch(
    server: &TestServer,
    path: &str,
    validators: &Validators,
) -> Result<FetchOutcome, FetchError> {
    let fetcher = Fetcher::new(quick_limits()).unwrap();
    fetcher
        .get(&Url::parse(&server.url(path)).unwrap(), validators)
        .await
}

fn body(outcome: FetchOutcome) -> Fetched {
    match outcome {
        FetchOutcome::Fetched(fetched) => fetched,
        FetchOutcome::NotModified(_) => panic!("expected a body, got 304"),
    }
}

#[tokio::test]
async fn a_fresh_fetch_returns_the_body_and_validators_and_a_conditional_one_gets_304() {
    let server = TestServer::start(misbehaving_server_routes()).await;
    let fetched = body(
        fetch(&server, "/feed.xml", &Validators::default())
            .await
            .unwrap(),
    );
    assert_eq!(fetched.body, FEED.as_bytes());
    assert_eq!(fetched.validators.etag.as_deref(), Some("\"v1\""));
    assert!(fetched.validators.last_modified.is_some());
    let again = fetch(&server, "/feed.xml", &fetched.validators)
        .await
        .unwrap();
    assert!(matches!(again, FetchOutcome::NotModified(_)));
}

#[tokio::test]
async fn gzip_bodies_are_decompressed() {
    let server = TestServer::start(misbehaving_server_routes()).await;
    let fetched = body(
        fetch(&server, "/gzip.xml", &Validators::default())
            .await
            .unwrap(),
    );
    assert_eq!(fetched.body, FEED.as_bytes());
}

#[tokio::test]
async fn each_failure_has_its_own_clear_error() {
    let server = TestServer::start(misbehaving_server_routes()).await;
    let none = Validators::default();
    let error = |path: &'static str| {
        let server = &server;
        let none = &none;
        async move { fetch(server, path, none).await.unwrap_err() }
    };
    assert_eq!(
        error("/missing").await,
        FetchError::Status {
            code: 404,
            reason: "Not Found".to_string()
        }
    );
    assert_eq!(error("/stall").await, FetchError::Stalled(1));
    assert_eq!(error("/stall-body").await, FetchError::Stalled(1));
    assert_eq!(error("/trickle").await, FetchError::Timeout(3));
    assert_eq!(
        error("/huge").await,
        FetchError::TooLarge {
            limit: 10 * 1024 * 1024
        }
    );
    assert_eq!(
        error("/bomb").await,
        FetchError::TooLarge {
            limit: 10 * 1024 * 1024
        }
    );
    assert_eq!(error("/loop/a").await, FetchError::TooManyRedirects(5));
    assert_eq!(error("/hop/6").await, FetchError::TooManyRedirects(5));
    assert!(
        fetch(&server, "/hop/4", &none).await.is_ok(),
        "five redirects are allowed"
    );
    let messages = [
        error("/missing").await.to_string(),
        error("/stall").await.to_string(),
        error("/huge").await.to_string(),
        error("/loop/a").await.to_string(),
    ];
    assert_eq!(messages[0], "the server answered 404 Not Found");
    assert_eq!(messages[1], "the server went silent for 1 s");
    assert_eq!(messages[2], "the response is larger than the 10 MiB limit");
    assert_eq!(
        messages[3],
        "the server redirected more than 5 times (a redirect loop?)"
    );
}

#[tokio::test]
async fn an_unreachable_host_is_a_connection_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = Url::parse(&format!("http://127.0.0.1:{port}/feed.xml")).unwrap();
    let fetcher = Fetcher::new(quick_limits()).unwrap();
    let error = fetcher.get(&url, &Validators::default()).await.unwrap_err();
    assert_eq!(
        error,
        FetchError::Connect {
            host: format!("127.0.0.1:{port}"),
            problem: ConnectProblem::NothingListening
        }
    );
    assert_eq!(
        error.to_string(),
        format!(
            "nothing answered at 127.0.0.1:{port} — the site may be down (try again later), or the address may be wrong"
        )
    );
    assert!(error.is_temporary() && error.is_unreachable());
}

#[tokio::test]
async fn an_unknown_name_and_a_plain_http_server_are_told_apart() {
    let fetcher = Fetcher::new(quick_limits()).unwrap();
    // .invalid never resolves (RFC 6761).
    let unknown = Url::parse("https://no-such-site.invalid/feed").unwrap();
    let error = fetcher
        .get(&unknown, &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "no site called no-such-site.invalid could be found — check the address for typos, and that this computer is online"
    );
    assert!(error.is_temporary() && error.is_unreachable());

    // https to a server that speaks plain http: rustls reads its answer as a corrupt message.
    let server = TestServer::start(Router::new().route("/feed.xml", get(|| async { FEED }))).await;
    let secure = Url::parse(&server.url("/feed.xml").replace("http:", "https:")).unwrap();
    let error = fetcher
        .get(&secure, &Validators::default())
        .await
        .unwrap_err();
    let host = secure.host_str().unwrap().to_string() + &format!(":{}", server.addr().port());
    assert_eq!(
        error,
        FetchError::Connect {
            host: host.clone(),
            problem: ConnectProblem::NotSecure
        }
    );
    assert_eq!(
        error.to_string(),
        format!(
            "{host} does not offer a secure (https) connection — write its address with http:// instead"
        )
    );
    assert!(!error.is_temporary() && !error.is_unreachable());
}

#[tokio::test]
async fn an_address_typed_without_a_scheme_is_tried_with_http_when_https_fails() {
    let fetcher = Fetcher::new(quick_limits()).unwrap();
    let server = TestServer::start(Router::new().route("/feed.xml", get(|| async { FEED }))).await;
    let typed = server.url("/feed.xml").replace("http://", "");
    let (url, outcome) = fetcher
        .get_typed(&typed, parse_web_url(&typed).unwrap())
        .await;
    assert_eq!(url.as_str(), server.url("/feed.xml"));
    assert!(matches!(outcome, Ok(FetchOutcome::Fetched(_))));

    // Written with https, it stays https: the person asked for a secure connection.
    let written = server.url("/feed.xml").replace("http:", "https:");
    let (url, outcome) = fetcher
        .get_typed(&written, parse_web_url(&written).unwrap())
        .await;
    assert_eq!(url.as_str(), written);
    assert!(matches!(
        outcome,
        Err(FetchError::Connect {
            problem: ConnectProblem::NotSecure,
            ..
        })
    ));

    // Nothing answers either way: what https said.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let typed = format!("127.0.0.1:{port}/feed.xml");
    let (url, outcome) = fetcher
        .get_typed(&typed, parse_web_url(&typed).unwrap())
        .await;
    assert_eq!(url.scheme(), "https");
    assert!(
        outcome
            .unwrap_err()
            .to_string()
            .starts_with("nothing answered at")
    );
}

#[test]
fn addresses_are_checked_before_any_request() {
    assert_eq!(
        parse_web_url("example.com/feed").unwrap().as_str(),
        "https://example.com/feed"
    );
    assert_eq!(
        parse_web_url(" http://a.example/x ").unwrap().as_str(),
        "http://a.example/x"
    );
    for bad in [
        "",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "http://",
        "ht tp://x y",
    ] {
        let error = parse_web_url(bad).unwrap_err();
        assert!(
            matches!(error, FetchError::InvalidUrl { .. }),
            "{bad}: {error}"
        );
    }
    let error = parse_web_url("ftp://example.com/feed")
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "“ftp://example.com/feed” is not a web address: only http and https addresses can be fetched, not ftp:"
    );
}
