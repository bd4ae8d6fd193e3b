use std::time::Duration;

use url::Url;

use super::FetchLimits;
use super::connect::ConnectProblem;
use crate::api::ErrorKind;

/// Each way a fetch can fail, worded so the person reading it knows what happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("“{input}” is not a web address: {reason}")]
    InvalidUrl { input: String, reason: String },
    #[error("refused: {0}")]
    Refused(String),
    /// The server was never reached, or would not speak securely: nothing was asked of it.
    #[error("{}", problem.describe(host))]
    Connect {
        /// Host name, and port when the address gave one.
        host: String,
        problem: ConnectProblem,
    },
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
        let connect = |problem| FetchError::Connect {
            host: e.url().map(host_and_port).unwrap_or_default(),
            problem,
        };
        if e.is_timeout() {
            return if e.is_connect() {
                connect(ConnectProblem::NoAnswer(limits.connect_timeout.as_secs()))
            } else if elapsed >= limits.total_timeout {
                FetchError::Timeout(limits.total_timeout.as_secs())
            } else {
                FetchError::Stalled(limits.read_timeout.as_secs().max(1))
            };
        }
        if (e.is_body() || e.is_decode()) && !e.is_connect() {
            FetchError::Body(root_cause(&e))
        } else {
            connect(ConnectProblem::of(causes(&e)))
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
            FetchError::Connect { problem, .. } => problem.may_pass(),
            FetchError::Stalled(_)
            | FetchError::Timeout(_)
            | FetchError::Body(_)
            | FetchError::RetryLater { .. } => true,
            FetchError::Status { code, .. } => matches!(code, 408 | 429 | 500..=599),
            _ => false,
        }
    }

    /// Whether the server could not be reached at all (no network, an unknown name, nothing
    /// answering): what every feed says at once when this computer is offline.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, FetchError::Connect { problem, .. } if problem.is_unreachable())
    }

    /// Whether an https address typed without its scheme may work with http: no secure site
    /// answered there, though the name is known.
    pub(super) fn may_be_plain_http(&self) -> bool {
        matches!(
            self,
            FetchError::Connect { problem, .. } if !matches!(problem, ConnectProblem::UnknownHost | ConnectProblem::NoNetwork)
        )
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

/// `host` or `host:port`, as a person would recognise the address.
fn host_and_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
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
