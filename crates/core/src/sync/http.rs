//! The HTTP side every sync backend shares: one client with time and size bounds, and each way a
//! request can fail turned into a [`SyncError`].
//!
//! Unlike feed fetching, a sync server may live on the person's own network (a FreshRSS on the
//! NAS, on this very machine): private addresses are allowed here, because the person named the
//! server themselves.

use std::time::Duration;

use futures::StreamExt;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{RequestBuilder, StatusCode};

use super::SyncError;
use crate::fetch::ConnectProblem;

/// Bounds on one call to a sync server.
#[derive(Debug, Clone)]
pub struct SyncLimits {
    pub connect_timeout: Duration,
    /// Longest silence while waiting for the next bytes: a stalled server ends here.
    pub read_timeout: Duration,
    /// Longest a whole call may take.
    pub total_timeout: Duration,
    /// Cap on one answer, decompressed: a page of 1,000 articles with their text is a few MB.
    pub max_body_bytes: usize,
}

impl Default for SyncLimits {
    fn default() -> Self {
        SyncLimits {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(120),
            max_body_bytes: 64 * 1024 * 1024,
        }
    }
}

/// The client a backend sends its calls through. Cheap to clone.
#[derive(Debug, Clone)]
pub struct SyncHttp {
    client: reqwest::Client,
    limits: SyncLimits,
}

/// A successful answer (2xx): its status, headers and whole body.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON of type `T`; a body that is not is [`SyncError::BadResponse`].
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, SyncError> {
        serde_json::from_slice(&self.body).map_err(|e| {
            SyncError::BadResponse(format!("expected JSON ({e}); it began {:?}", self.start()))
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The first characters of the body, for error messages and logs.
    pub fn start(&self) -> String {
        super::lenient::start(&self.body)
    }
}

impl SyncHttp {
    pub fn new(limits: SyncLimits) -> Result<SyncHttp, SyncError> {
        let client = reqwest::Client::builder()
            .user_agent(concat!("Tidings/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(limits.connect_timeout)
            .read_timeout(limits.read_timeout)
            .timeout(limits.total_timeout)
            .redirect(reqwest::redirect::Policy::limited(5))
            .build()
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        Ok(SyncHttp { client, limits })
    }

    /// The underlying client, to build requests with.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// Sends `request` and reads its whole answer within the limits. 401 and 403 are
    /// [`SyncError::Auth`]; 429, and 503 with Retry-After, [`SyncError::RateLimited`]; other
    /// non-2xx statuses [`SyncError::Server`] or, for 4xx, [`SyncError::Refused`]; 503 without
    /// Retry-After is [`SyncError::Server`].
    pub async fn send(&self, request: RequestBuilder) -> Result<Answer, SyncError> {
        let response = request.send().await.map_err(|e| request_error(&e))?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = self.read_capped(response).await?;
        let answer = Answer {
            status,
            headers,
            body,
        };
        match status {
            s if s.is_success() => Ok(answer),
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
                Err(SyncError::Auth(format!("HTTP {}", status.as_u16())))
            }
            StatusCode::TOO_MANY_REQUESTS => Err(SyncError::RateLimited {
                retry_after: retry_after(&answer.headers),
            }),
            // 503 asks to wait only when it says how long; else the server (or its API) is
            // off, which waiting alone will not change.
            StatusCode::SERVICE_UNAVAILABLE => match retry_after(&answer.headers) {
                Some(seconds) => Err(SyncError::RateLimited {
                    retry_after: Some(seconds),
                }),
                None => Err(SyncError::Server(format!(
                    "HTTP 503 (unavailable — is its API switched on?): {}",
                    answer.start()
                ))),
            },
            s if s.is_client_error() => Err(SyncError::Refused(format!(
                "HTTP {}: {}",
                s.as_u16(),
                answer.start()
            ))),
            s => Err(SyncError::Server(format!(
                "HTTP {}: {}",
                s.as_u16(),
                answer.start()
            ))),
        }
    }

    async fn read_capped(&self, response: reqwest::Response) -> Result<Vec<u8>, SyncError> {
        let cap = self.limits.max_body_bytes;
        if response.content_length().is_some_and(|n| n as usize > cap) {
            return Err(too_big(cap));
        }
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| request_error(&e))?;
            if body.len() + chunk.len() > cap {
                return Err(too_big(cap));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

fn too_big(cap: usize) -> SyncError {
    SyncError::BadResponse(format!(
        "an answer was larger than {} MB",
        cap / (1024 * 1024)
    ))
}

/// Retry-After in seconds (its HTTP-date form too).
fn retry_after(headers: &HeaderMap) -> Option<u64> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds);
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .map(|d| d.as_secs())
            .unwrap_or(0),
    )
}

fn request_error(error: &reqwest::Error) -> SyncError {
    if error.is_timeout() {
        return SyncError::Timeout;
    }
    let host = error
        .url()
        .and_then(|u| u.host_str())
        .unwrap_or("the server")
        .to_string();
    let causes = std::iter::successors(Some(error as &(dyn std::error::Error + 'static)), |e| {
        e.source()
    });
    match ConnectProblem::of(causes) {
        problem @ (ConnectProblem::NotSecure | ConnectProblem::Certificate(_)) => {
            SyncError::Tls(problem.describe(&host))
        }
        ConnectProblem::NoAnswer(_) => SyncError::Timeout,
        problem => SyncError::Unreachable(problem.describe(&host)),
    }
}
