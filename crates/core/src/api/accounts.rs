//! Accounts: the library on this computer, and accounts on feed services that sync with it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Timestamp;

pub type AccountId = i64;

/// The account every library has: feeds Tidings polls itself, and saved pages.
pub const LOCAL_ACCOUNT: AccountId = 1;

/// Which protocol an account speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AccountKind {
    /// The library on this computer.
    Local,
    /// The Google Reader API: FreshRSS, Miniflux, The Old Reader, BazQux, Inoreader-compatible.
    Greader,
    /// Fever: FreshRSS, Miniflux, Coldsweat.
    Fever,
    /// Tiny Tiny RSS's own API.
    Ttrss,
}

impl AccountKind {
    pub const ALL: [AccountKind; 4] = [
        AccountKind::Local,
        AccountKind::Greader,
        AccountKind::Fever,
        AccountKind::Ttrss,
    ];

    /// How it is stored, and spelled on the command line.
    pub fn code(self) -> &'static str {
        match self {
            AccountKind::Local => "local",
            AccountKind::Greader => "greader",
            AccountKind::Fever => "fever",
            AccountKind::Ttrss => "ttrss",
        }
    }

    pub fn from_code(code: &str) -> Option<AccountKind> {
        AccountKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    /// The protocol's name as people know it.
    pub fn label(self) -> &'static str {
        match self {
            AccountKind::Local => "On this computer",
            AccountKind::Greader => "Google Reader API",
            AccountKind::Fever => "Fever",
            AccountKind::Ttrss => "Tiny Tiny RSS",
        }
    }
}

/// What an account lets a person change besides read and bookmarked state; the sidebar hides
/// the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccountAbilities {
    pub subscribe: bool,
    pub unsubscribe: bool,
    pub rename_feed: bool,
    pub move_feed: bool,
    /// Tags on its articles are the server's labels; without, they stay on this computer.
    pub labels: bool,
}

/// An account as the sidebar and Settings show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Account {
    #[ts(type = "number")]
    pub id: AccountId,
    pub kind: AccountKind,
    pub name: String,
    /// The server's address; `None` for the local account.
    pub url: Option<String>,
    pub user_name: Option<String>,
    pub abilities: AccountAbilities,
    /// When the last sync finished without an error.
    #[ts(type = "number | null")]
    pub last_sync_at: Option<Timestamp>,
    /// Why the last sync failed, when it did; cleared by the next success.
    pub last_error: Option<String>,
    /// Changes made here that the server does not have yet.
    #[ts(type = "number")]
    pub pending_changes: i64,
    /// The password is kept for this run only: no keychain answered.
    pub password_not_kept: bool,
    /// The last sync could not log in: the server refused the password, or none was kept (no
    /// keychain kept it past the last run). Giving it again (`set_account_password`) mends it.
    pub login_failed: bool,
}

/// What a person fills in to add an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewAccount {
    pub kind: AccountKind,
    pub url: String,
    pub user_name: String,
    pub password: String,
}

/// What one sync of one account did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncSummary {
    #[ts(type = "number")]
    pub account_id: AccountId,
    /// Changes made here that reached the server.
    #[ts(type = "number")]
    pub sent: u64,
    /// Changes the server refused, undone here; says why.
    pub refused: Vec<String>,
    #[ts(type = "number")]
    pub new_articles: u64,
    /// Articles whose read or bookmarked state changed to follow the server.
    #[ts(type = "number")]
    pub changed_articles: u64,
    #[ts(type = "number")]
    pub feeds: u64,
    /// Read articles removed here because the server no longer keeps them.
    #[ts(type = "number")]
    pub removed_articles: u64,
    /// Why it stopped, when it failed.
    pub error: Option<String>,
}
