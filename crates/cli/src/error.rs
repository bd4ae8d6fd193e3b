//! Why a command failed, kept by kind so that the exit code tells a script which: the codes are
//! listed in the README ("The command line") and in `tidings-cli --help`.

use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

use tidings_core::api::ErrorKind;

pub enum Failure {
    /// Core's error, its kind kept.
    Core(tidings_core::Error),
    /// The command line is well formed but does not say what to do.
    Usage(String),
    /// `check` found the database file damaged.
    Damaged(PathBuf),
    /// No `--db` and no data folder to find the app's database in.
    NoDataFolder,
}

impl From<tidings_core::Error> for Failure {
    fn from(error: tidings_core::Error) -> Failure {
        Failure::Core(error)
    }
}

/// Anything else (a task that failed, no data folder).
const GENERAL: u8 = 1;
/// A command line that does not say what to do (clap uses 2 for malformed ones too).
const USAGE: u8 = 2;
/// An article, feed or folder that is not in the library.
const NOT_FOUND: u8 = 3;
/// A server that could not be reached or did not answer as it should.
const NETWORK: u8 = 4;
/// An address, feed, file or value that is not what it should be.
const INVALID_INPUT: u8 = 5;
/// A database file that is damaged or cannot be read or written.
const DATABASE: u8 = 6;

/// The exit codes, for `--help`.
pub const EXIT_CODES: &str = "Exit codes: 0 done, 1 failed, 2 usage, 3 not found, 4 network, \
                              5 invalid input, 6 damaged or unreadable database";

impl Failure {
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self {
            Failure::Core(error) => match error.kind() {
                ErrorKind::NotFound => NOT_FOUND,
                ErrorKind::Network | ErrorKind::Http => NETWORK,
                ErrorKind::InvalidUrl | ErrorKind::NotAFeed | ErrorKind::Invalid => INVALID_INPUT,
                ErrorKind::Storage => DATABASE,
                ErrorKind::Internal => GENERAL,
            },
            Failure::Usage(_) => USAGE,
            Failure::Damaged(_) => DATABASE,
            Failure::NoDataFolder => GENERAL,
        })
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Core(error) => error.fmt(f),
            Failure::Usage(message) => f.write_str(message),
            Failure::Damaged(path) => write!(f, "{} is damaged", path.display()),
            Failure::NoDataFolder => f.write_str("no data folder on this system; pass --db PATH"),
        }
    }
}

/// A file the person named could not be read or written.
pub fn file_error(path: &std::path::Path, error: &std::io::Error) -> Failure {
    Failure::Core(tidings_core::Error::File {
        path: path.display().to_string(),
        reason: error.to_string(),
    })
}
