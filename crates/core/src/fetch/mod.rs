//! The one HTTP client Tidings uses: conditional GET, timeouts, a redirect limit and a cap on the
//! decompressed body, with an error for each way a server can let us down.

mod error;

use std::time::{Duration, Instant};

use futures::StreamExt;
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{StatusCode, redirect};
use url::Url;

pub use error::FetchError;

/// Bounds on one request. The defaults suit feeds and article pages.
#[derive(Debug, Clone)]
pub struct FetchLimits {
    pub connect_timeout: Duration,
    /// Longest silence allowed while waiting for the next bytes.
    pub read_timeout: Duration,
    /// Longest a whole request may take, body included.
    pub total_timeout: Duration,
    /// Cap on the body after decompression, so a small gzip bomb cannot fill memory.
    pub max_body_bytes: usize,
    pub max_redirects: usize,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(45),
            max_body_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// What a server told us about a response so that the next request can be conditional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug)]
pub enum FetchOutcome {
    /// 304: nothing changed since the validators were issued.
    NotModified,
    Fetched(Fetched),
}

#[derive(Debug)]
pub struct Fetched {
    /// Where the body came from after redirects.
    pub final_url: Url,
    pub content_type: Option<String>,
    pub validators: Validators,
    pub body: Vec<u8>,
}

/// A shared HTTP client. Cheap to clone; clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    limits: FetchLimits,
}

const USER_AGENT: &str = concat!("Tidings/", env!("CARGO_PKG_VERSION"), " (feed reader)");

impl Fetcher {
    pub fn new(limits: FetchLimits) -> Result<Fetcher, FetchError> {
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(limits.connect_timeout)
            .read_timeout(limits.read_timeout)
            .timeout(limits.total_timeout)
            .redirect(redirect::Policy::limited(limits.max_redirects))
            // Privacy: never tell one site which other site sent us there.
            .referer(false)
            .build()
            .map_err(|e| FetchError::Client(e.to_string()))?;
        Ok(Fetcher { client, limits })
    }

    /// GETs `url`, sending `validators` so an unchanged resource costs a 304 and nothing more.
    pub async fn get(
        &self,
        url: &Url,
        validators: &Validators,
    ) -> Result<FetchOutcome, FetchError> {
        check_web_url(url)?;
        let started = Instant::now();
        let response = self
            .client
            .get(url.clone())
            .headers(conditional_headers(validators))
            .send()
            .await
            .map_err(|e| FetchError::from_reqwest(e, &self.limits, started.elapsed()))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(FetchOutcome::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                code: status.as_u16(),
                reason: status.canonical_reason().unwrap_or("").to_string(),
            });
        }
        let final_url = response.url().clone();
        let headers = response.headers();
        let content_type = header_text(headers, header::CONTENT_TYPE);
        let validators = Validators {
            etag: header_text(headers, header::ETAG),
            last_modified: header_text(headers, header::LAST_MODIFIED),
        };
        let body = self.read_capped(response, started).await?;
        Ok(FetchOutcome::Fetched(Fetched {
            final_url,
            content_type,
            validators,
            body,
        }))
    }

    /// Reads the (already decompressed) body, stopping as soon as it passes the cap.
    async fn read_capped(
        &self,
        response: reqwest::Response,
        started: Instant,
    ) -> Result<Vec<u8>, FetchError> {
        let cap = self.limits.max_body_bytes;
        if response
            .content_length()
            .is_some_and(|len| len > cap as u64)
        {
            return Err(FetchError::TooLarge { limit: cap });
        }
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk =
                chunk.map_err(|e| FetchError::from_reqwest(e, &self.limits, started.elapsed()))?;
            if body.len() + chunk.len() > cap {
                return Err(FetchError::TooLarge { limit: cap });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

/// Reads what a person typed as a feed or page address. A missing scheme means https.
pub fn parse_web_url(input: &str) -> Result<Url, FetchError> {
    let input = input.trim();
    let invalid = |reason: &str| FetchError::InvalidUrl {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    if input.is_empty() {
        return Err(invalid("the address is empty"));
    }
    let with_scheme = if input.contains("://") {
        input.to_string()
    } else {
        format!("https://{input}")
    };
    let url = Url::parse(&with_scheme).map_err(|e| invalid(&e.to_string()))?;
    check_web_url(&url)?;
    Ok(url)
}

fn check_web_url(url: &Url) -> Result<(), FetchError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::InvalidUrl {
            input: url.to_string(),
            reason: format!(
                "only http and https addresses can be fetched, not {}:",
                url.scheme()
            ),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(FetchError::InvalidUrl {
            input: url.to_string(),
            reason: "it has no host name".to_string(),
        });
    }
    Ok(())
}

fn conditional_headers(validators: &Validators) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let pairs = [
        (header::IF_NONE_MATCH, &validators.etag),
        (header::IF_MODIFIED_SINCE, &validators.last_modified),
    ];
    for (name, value) in pairs {
        if let Some(value) = value.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(name, value);
        }
    }
    headers
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[cfg(test)]
mod tests;
