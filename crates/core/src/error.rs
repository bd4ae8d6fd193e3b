use crate::api::{ErrorKind, UserError};
use crate::feeds::ParseError;
use crate::fetch::FetchError;

/// Everything that can go wrong in core, each variant worded for the person who will read it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("could not open the database at {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("{0} was not found (it may have been removed)")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Opml(#[from] crate::opml::OpmlError),
    #[error("{path}: {reason}")]
    File { path: String, reason: String },
    #[error("a background task failed: {0}")]
    Task(String),
    /// Work on hostile or broken input that passed its deadline and was given up on.
    #[error("{what} took longer than {seconds} seconds and was given up on")]
    TooSlow { what: String, seconds: u64 },
    /// A feed service failed or refused; `account` names it as the sidebar does.
    #[error("{account}: {error}")]
    Sync {
        account: String,
        error: crate::sync::SyncError,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How a command's failure reaches the person: `?` in the app's commands turns one into the other.
impl From<Error> for UserError {
    fn from(error: Error) -> UserError {
        error.to_user()
    }
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Fetch(e) => e.kind(),
            Error::Parse(_) => ErrorKind::NotAFeed,
            Error::Storage(_) | Error::Open { .. } => ErrorKind::Storage,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Invalid(_) | Error::Opml(_) | Error::File { .. } => ErrorKind::Invalid,
            Error::Task(_) => ErrorKind::Internal,
            Error::TooSlow { .. } => ErrorKind::Invalid,
            Error::Sync { error, .. } => {
                use crate::sync::SyncError;
                match error {
                    SyncError::Unreachable(_)
                    | SyncError::Tls(_)
                    | SyncError::Timeout
                    | SyncError::RateLimited { .. } => ErrorKind::Network,
                    SyncError::Server(_) | SyncError::BadResponse(_) | SyncError::Refused(_) => {
                        ErrorKind::Http
                    }
                    SyncError::Auth(_) | SyncError::NoPassword(_) | SyncError::Unsupported(_) => {
                        ErrorKind::Invalid
                    }
                }
            }
        }
    }

    pub fn to_user(&self) -> UserError {
        UserError {
            kind: self.kind(),
            message: self.to_string(),
        }
    }
}

impl From<tokio::task::JoinError> for Error {
    fn from(e: tokio::task::JoinError) -> Self {
        Error::Task(e.to_string())
    }
}
