//! The one HTTP client Tidings uses: conditional GET, timeouts, a redirect limit and a cap on the
//! decompressed body, with an error for each way a server can let us down.

mod connect;
mod error;
mod reach;
mod typed;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{StatusCode, redirect};
use url::Url;

pub use connect::ConnectProblem;
pub use error::FetchError;
pub use reach::{Reach, is_public, lives_on_private_network};
pub use typed::parse_web_url;

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
            read_timeout: Duration::from_secs(15),
            // Any one feed, however hostile its server, is done with within half a minute.
            total_timeout: Duration::from_secs(25),
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
    NotModified(ResponseHints),
    Fetched(Fetched),
}

impl FetchOutcome {
    pub fn hints(&self) -> &ResponseHints {
        match self {
            FetchOutcome::NotModified(hints) => hints,
            FetchOutcome::Fetched(fetched) => &fetched.hints,
        }
    }
}

/// What a response says about future requests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseHints {
    /// Set when every redirect on the way was permanent (301/308): the resource's new address.
    pub moved_to: Option<Url>,
    /// Cache-Control max-age: how long the server asks us not to ask again.
    pub max_age: Option<Duration>,
}

#[derive(Debug)]
pub struct Fetched {
    /// Where the body came from after redirects.
    pub final_url: Url,
    pub content_type: Option<String>,
    pub validators: Validators,
    pub hints: ResponseHints,
    pub body: Vec<u8>,
}

/// A shared HTTP client. Cheap to clone; clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    /// The same rules, resolving host names to public addresses only ([`Reach::PublicOnly`]).
    public_client: reqwest::Client,
    limits: FetchLimits,
}

const USER_AGENT: &str = concat!("Tidings/", env!("CARGO_PKG_VERSION"), " (feed reader)");

impl Fetcher {
    pub fn new(limits: FetchLimits) -> Result<Fetcher, FetchError> {
        Fetcher::with_hosts(limits, HashMap::new())
    }

    /// A fetcher that resolves the names in `hosts` to the given addresses, as /etc/hosts would.
    pub fn with_hosts(
        limits: FetchLimits,
        hosts: HashMap<String, IpAddr>,
    ) -> Result<Fetcher, FetchError> {
        let hosts: reach::Hosts = Arc::new(hosts);
        let mut anywhere = Fetcher::client_builder(&limits);
        for (name, ip) in hosts.iter() {
            anywhere = anywhere.resolve(name, std::net::SocketAddr::new(*ip, 0));
        }
        let public =
            Fetcher::client_builder(&limits).dns_resolver(Arc::new(reach::PublicResolver {
                hosts: Arc::clone(&hosts),
            }));
        let build = |builder: reqwest::ClientBuilder| {
            builder
                .build()
                .map_err(|e| FetchError::Client(e.to_string()))
        };
        Ok(Fetcher {
            client: build(anywhere)?,
            public_client: build(public)?,
            limits,
        })
    }

    /// This fetcher's limits with `hosts` resolved as given.
    pub fn with_same_limits(&self, hosts: HashMap<String, IpAddr>) -> Result<Fetcher, FetchError> {
        Fetcher::with_hosts(self.limits.clone(), hosts)
    }

    fn client_builder(limits: &FetchLimits) -> reqwest::ClientBuilder {
        reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(limits.connect_timeout)
            .read_timeout(limits.read_timeout)
            .timeout(limits.total_timeout)
            // Redirects are followed by hand in `follow_redirects`.
            .redirect(redirect::Policy::none())
            // Privacy: never tell one site which other site sent us there.
            .referer(false)
    }

    /// GETs `url`, sending `validators` so an unchanged resource costs a 304 and nothing more.
    pub async fn get(
        &self,
        url: &Url,
        validators: &Validators,
    ) -> Result<FetchOutcome, FetchError> {
        self.get_reaching(url, validators, Reach::Anywhere).await
    }

    /// [`Fetcher::get`], going no further than `reach` allows at any redirect hop.
    pub async fn get_reaching(
        &self,
        url: &Url,
        validators: &Validators,
        reach: Reach,
    ) -> Result<FetchOutcome, FetchError> {
        check_web_url(url)?;
        reach::check_hop(url, reach).map_err(FetchError::Refused)?;
        let started = Instant::now();
        // reqwest's own timeout is per request; this one covers redirects and the body too.
        tokio::time::timeout(
            self.limits.total_timeout,
            self.get_within(url, validators, reach, started),
        )
        .await
        .unwrap_or(Err(FetchError::Timeout(
            self.limits.total_timeout.as_secs(),
        )))
    }

    async fn get_within(
        &self,
        url: &Url,
        validators: &Validators,
        reach: Reach,
        started: Instant,
    ) -> Result<FetchOutcome, FetchError> {
        let (response, moved_to) = self
            .follow_redirects(url, validators, reach, started)
            .await?;
        let status = response.status();
        let headers = response.headers();
        let hints = ResponseHints {
            moved_to,
            max_age: max_age(headers),
        };
        if status == StatusCode::NOT_MODIFIED {
            return Ok(FetchOutcome::NotModified(hints));
        }
        if !status.is_success() {
            return Err(FetchError::from_status(status, retry_after(headers)));
        }
        let final_url = response.url().clone();
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
            hints,
            body,
        }))
    }

    /// Follows redirects by hand, so that each hop's target is checked and a chain of permanent
    /// moves can update the stored address. Returns the final response and, when every hop was
    /// permanent, where the resource now lives.
    async fn follow_redirects(
        &self,
        url: &Url,
        validators: &Validators,
        reach: Reach,
        started: Instant,
    ) -> Result<(reqwest::Response, Option<Url>), FetchError> {
        let client = match reach {
            Reach::Anywhere => &self.client,
            Reach::PublicOnly => &self.public_client,
        };
        let mut current = url.clone();
        let mut all_permanent = true;
        for hop in 0..=self.limits.max_redirects {
            let response = client
                .get(current.clone())
                .headers(conditional_headers(validators))
                .send()
                .await
                .map_err(|e| FetchError::from_reqwest(e, &self.limits, started.elapsed()))?;
            let status = response.status();
            if !status.is_redirection() || status == StatusCode::NOT_MODIFIED {
                let moved_to = (hop > 0 && all_permanent).then_some(current);
                return Ok((response, moved_to));
            }
            let location = header_text(response.headers(), header::LOCATION)
                .ok_or_else(|| FetchError::BadRedirect("it gave no new address".to_string()))?;
            let next = current.join(location.trim()).map_err(|e| {
                FetchError::BadRedirect(format!("“{location}” is not an address: {e}"))
            })?;
            check_web_url(&next).map_err(|e| FetchError::BadRedirect(e.to_string()))?;
            reach::check_hop(&next, reach)
                .map_err(|reason| FetchError::BadRedirect(format!("to {next}: {reason}")))?;
            all_permanent &= matches!(
                status,
                StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT
            );
            current = next;
        }
        Err(FetchError::TooManyRedirects(self.limits.max_redirects))
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

/// `Cache-Control: max-age=N`, capped at a day: a feed that asks for a week still gets checked daily.
fn max_age(headers: &HeaderMap) -> Option<Duration> {
    const CAP: u64 = 24 * 3600;
    let value = header_text(headers, header::CACHE_CONTROL)?;
    value.split(',').find_map(|directive| {
        let (name, seconds) = directive.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| seconds.trim().trim_matches('"').parse::<u64>().ok())
            .flatten()
            .map(|s| Duration::from_secs(s.min(CAP)))
    })
}

/// `Retry-After` as seconds or an HTTP date, capped at a day.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    const CAP: Duration = Duration::from_secs(24 * 3600);
    let value = header_text(headers, header::RETRY_AFTER)?;
    let value = value.trim();
    let wait = match value.parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => httpdate::parse_http_date(value)
            .ok()?
            .duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    };
    Some(wait.min(CAP))
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[cfg(test)]
mod tests;
