//! Accounts' passwords, in the operating system's keychain (the Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows): never in the database, a log or an error.
//! Where no keychain answers, a password is kept in memory for this run only, and the account
//! says so.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::APP_IDENTIFIER;

/// Where a password was put.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    InKeychain,
    /// No keychain answered (says why): the password lasts until Tidings quits.
    ForThisRunOnly(String),
}

#[derive(Default)]
pub struct Keychain {
    /// Passwords no keychain would take, by entry name.
    this_run: Mutex<HashMap<String, String>>,
}

/// The keychain entry's user part: the same person on the same server is one entry.
fn entry_name(url: &str, user: &str) -> String {
    format!("{user} on {url}")
}

impl Keychain {
    /// Keeps `password` for `user` on the server at `url`. Blocking: call off the async runtime.
    pub fn keep(&self, url: &str, user: &str, password: &str) -> Kept {
        let name = entry_name(url, user);
        let stored = keyring::Entry::new(APP_IDENTIFIER, &name)
            .and_then(|entry| entry.set_password(password));
        match stored {
            Ok(()) => {
                self.memory().remove(&name);
                Kept::InKeychain
            }
            Err(error) => {
                tracing::warn!("no keychain took the password for {name}: {error}");
                self.memory().insert(name, password.to_string());
                Kept::ForThisRunOnly(describe(&error))
            }
        }
    }

    /// The password kept for `user` at `url`, or why there is none. Blocking.
    pub fn password(&self, url: &str, user: &str) -> Result<String, String> {
        let name = entry_name(url, user);
        if let Some(password) = self.memory().get(&name) {
            return Ok(password.clone());
        }
        keyring::Entry::new(APP_IDENTIFIER, &name)
            .and_then(|entry| entry.get_password())
            .map_err(|error| match error {
                keyring::Error::NoEntry => {
                    format!("the keychain has none for {user} at {url} (enter it again)")
                }
                error => describe(&error),
            })
    }

    /// True when the password for `user` at `url` lasts only until Tidings quits.
    pub fn kept_for_this_run_only(&self, url: &str, user: &str) -> bool {
        self.memory().contains_key(&entry_name(url, user))
    }

    /// Forgets the password (an account removed). Blocking.
    pub fn forget(&self, url: &str, user: &str) {
        let name = entry_name(url, user);
        self.memory().remove(&name);
        if let Err(error) =
            keyring::Entry::new(APP_IDENTIFIER, &name).and_then(|entry| entry.delete_credential())
            && !matches!(error, keyring::Error::NoEntry)
        {
            tracing::warn!("could not remove the password for {name} from the keychain: {error}");
        }
    }

    fn memory(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.this_run.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn describe(error: &keyring::Error) -> String {
    match error {
        keyring::Error::PlatformFailure(_) | keyring::Error::NoStorageAccess(_) => {
            "no keychain answered (on Linux: is a Secret Service such as GNOME Keyring or KWallet running?)".to_string()
        }
        error => format!("the keychain failed: {error}"),
    }
}
