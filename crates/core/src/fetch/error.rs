use std::time::Duration;

use super::FetchLimits;
use crate::api::ErrorKind;

/// Each way a fetch can fail, worded so the person reading it knows what happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("“{input}” is not a web address: {reason}")]
    InvalidUrl { input: String, reason: String },
    #[error("refused: {0}")]
    Refused(String),
    #[error("could not connect to the server: {0}")]
    Connect(String),
    #[error("the server went silent for {0} s")]
    Stalled(u64),
    #[error("the server did not finish answering within {0} s")]
    Timeout(u64),
    #[error("the server answered {code} {reason}")]
    Status { code: u16, reason: String },
    #[error("the server answered {code} {reason} and asks to wait {} s before trying again", after.as_secs())]
    RetryLater {
        code: u16,
        reason: String,
        after: Duration,
    },
    #[error("the server redirected badly: {0}")]
    BadRedirect(String),
    #[error("the server redirected more than {0} times (a redirect loop?)")]
    TooManyRedirects(usize),
    #[error("the response is larger than the {} MiB limit", limit / (1024 * 1024))]
    TooLarge { limit: usize },
    #[error("this is not an image ({0})")]
    NotAnImage(String),
    #[error("the download failed part way: {0}")]
    Body(String),
    #[error("the HTTP client could not start: {0}")]
    Client(String),
}

impl FetchError {
    /// `elapsed` tells the timeouts apart: reqwest reports them all alike.
    pub(super) fn from_reqwest(
        e: reqwest::Error,
        limits: &FetchLimits,
        elapsed: Duration,
    ) -> FetchError {
        if e.is_redirect() {
            return FetchError::TooManyRedirects(limits.max_redirects);
        }
        if let Some(refusal) = causes(&e).find_map(|c| c.downcast_ref::<super::reach::Refusal>()) {
            return FetchError::Refused(refusal.to_string());
        }
        if e.is_timeout() {
            return if e.is_connect() {
                FetchError::Connect(format!(
                    "no answer within {} s",
                    limits.connect_timeout.as_secs()
                ))
            } else if elapsed >= limits.total_timeout {
                FetchError::Timeout(limits.total_timeout.as_secs())
            } else {
                FetchError::Stalled(limits.read_timeout.as_secs().max(1))
            };
        }
        let detail = root_cause(&e);
        if e.is_connect() {
            FetchError::Connect(detail)
        } else if e.is_body() || e.is_decode() {
            FetchError::Body(detail)
        } else {
            FetchError::Connect(detail)
        }
    }

    pub(super) fn from_status(
        status: reqwest::StatusCode,
        retry_after: Option<Duration>,
    ) -> FetchError {
        let code = status.as_u16();
        let reason = status.canonical_reason().unwrap_or("").to_string();
        match retry_after {
            Some(after) if matches!(code, 429 | 503) => FetchError::RetryLater {
                code,
                reason,
                after,
            },
            _ => FetchError::Status { code, reason },
        }
    }

    /// The HTTP status the server answered with, if that is what went wrong.
    pub fn status_code(&self) -> Option<u16> {
        match self {
            FetchError::Status { code, .. } | FetchError::RetryLater { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// Whether the same fetch may succeed later: the network or the server was away, down or
    /// slow, where nothing said the address or what it holds is wrong.
    pub fn is_temporary(&self) -> bool {
        match self {
            FetchError::Connect(_)
            | FetchError::Stalled(_)
            | FetchError::Timeout(_)
            | FetchError::Body(_)
            | FetchError::RetryLater { .. } => true,
            FetchError::Status { code, .. } => matches!(code, 408 | 429 | 500..=599),
            _ => false,
        }
    }

    pub(crate) fn unexpected_not_modified() -> FetchError {
        FetchError::Status {
            code: 304,
            reason: "Not Modified, to a request that was not conditional".to_string(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            FetchError::InvalidUrl { .. } | FetchError::Refused(_) => ErrorKind::InvalidUrl,
            FetchError::Status { .. } | FetchError::RetryLater { .. } => ErrorKind::Http,
            FetchError::Client(_) => ErrorKind::Internal,
            _ => ErrorKind::Network,
        }
    }
}

/// reqwest wraps the useful part ("connection refused", "dns error") several layers down.
fn root_cause(e: &reqwest::Error) -> String {
    causes(e).last().map(|c| c.to_string()).unwrap_or_default()
}

/// `e` and each error it wraps, outermost first.
fn causes(e: &reqwest::Error) -> impl Iterator<Item = &(dyn std::error::Error + 'static)> {
    std::iter::successors(Some(e as &(dyn std::error::Error + 'static)), |c| {
        c.source()
    })
}
