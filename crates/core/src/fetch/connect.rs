//! Why a connection was never made, in words for the person who asked, with what they can do.
//! The operating system and the TLS library say it their way ("Connection refused (os error
//! 111)", "received corrupt message of type InvalidContentType"); those stay in the log.

use std::error::Error;
use std::io::ErrorKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectProblem {
    /// The name is not known: a typo, or no network to ask.
    UnknownHost,
    /// Nothing listens at that address (the server is down, or the port is wrong).
    NothingListening,
    /// No route to the server: this computer is not on a network that reaches it.
    NoNetwork,
    /// No answer within this many seconds.
    NoAnswer(u64),
    /// The connection was cut before an answer.
    CutOff,
    /// The server speaks plain http where https was asked for.
    NotSecure,
    /// The server's certificate was refused; says why ("has expired").
    Certificate(&'static str),
    /// Something else, as the system put it.
    Other(String),
}

impl ConnectProblem {
    /// Reads the causes of a failed request, outermost first.
    pub(crate) fn of<'a>(causes: impl Iterator<Item = &'a (dyn Error + 'static)>) -> Self {
        let mut text = String::new();
        for cause in causes {
            if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                match io.kind() {
                    ErrorKind::ConnectionRefused => return ConnectProblem::NothingListening,
                    ErrorKind::ConnectionReset
                    | ErrorKind::ConnectionAborted
                    | ErrorKind::BrokenPipe
                    | ErrorKind::UnexpectedEof => return ConnectProblem::CutOff,
                    ErrorKind::NetworkUnreachable
                    | ErrorKind::HostUnreachable
                    | ErrorKind::NetworkDown
                    | ErrorKind::AddrNotAvailable => return ConnectProblem::NoNetwork,
                    _ => {}
                }
            }
            text = cause.to_string();
            if text.starts_with("dns error") || text.contains("failed to lookup address") {
                return ConnectProblem::UnknownHost;
            }
            // rustls, handed a plain-http answer to its greeting.
            if text.contains("InvalidContentType") || text.contains("corrupt message") {
                return ConnectProblem::NotSecure;
            }
            if text.contains("certificate") {
                return ConnectProblem::Certificate(certificate_problem(&text));
            }
        }
        ConnectProblem::Other(text)
    }

    /// What a person reads: what happened, then what to do.
    pub(crate) fn describe(&self, host: &str) -> String {
        match self {
            ConnectProblem::UnknownHost => format!(
                "no site called {host} could be found — check the address for typos, and that this computer is online"
            ),
            ConnectProblem::NothingListening => format!(
                "nothing answered at {host} — the site may be down (try again later), or the address may be wrong"
            ),
            ConnectProblem::NoNetwork => format!(
                "this computer could not reach {host} — check that it is connected to the internet"
            ),
            ConnectProblem::NoAnswer(seconds) => format!(
                "{host} did not answer within {seconds} s — it may be down or busy; try again later"
            ),
            ConnectProblem::CutOff => {
                format!("the connection to {host} was cut off — try again later")
            }
            ConnectProblem::NotSecure => format!(
                "{host} does not offer a secure (https) connection — write its address with http:// instead"
            ),
            ConnectProblem::Certificate(why) => format!(
                "{host}'s security certificate {why}, so Tidings did not connect — the site has to fix it"
            ),
            ConnectProblem::Other(detail) => format!("could not connect to {host} ({detail})"),
        }
    }

    /// Whether trying again later may work without anyone changing anything.
    pub(super) fn may_pass(&self) -> bool {
        !matches!(self, ConnectProblem::NotSecure)
    }

    /// Whether the server was never reached at all.
    pub(super) fn is_unreachable(&self) -> bool {
        !matches!(
            self,
            ConnectProblem::NotSecure | ConnectProblem::Certificate(_)
        )
    }
}

/// rustls's reasons (`invalid peer certificate: Expired`), as a person would say them.
fn certificate_problem(text: &str) -> &'static str {
    if text.contains("Expired") {
        "has expired"
    } else if text.contains("NotValidYet") {
        "is not valid yet (is this computer's clock right?)"
    } else if text.contains("UnknownIssuer") || text.contains("self-signed") {
        "is not vouched for by an authority this computer trusts"
    } else if text.contains("NotValidForName") || text.contains("not valid for name") {
        "belongs to another site"
    } else {
        "is not valid"
    }
}
