//! Feeds opened with Tidings from outside: the desktop file registers Tidings for `feed:` links
//! and feed files, so the system starts it with the link or file as an argument — or, when it
//! already runs, hands the arguments to the running app. Either way the UI offers the address
//! in its "Add a feed" dialog.

mod arguments;

use std::sync::Mutex;

use tauri::{AppHandle, Manager};
use tidings_core::api::{AppEvent, SubscribeRequest, UserError};

use arguments::subscribe_request;

use crate::events;

/// What the first launch asked for, until the UI is ready to ask for it.
#[derive(Default)]
pub struct Pending(Mutex<Option<SubscribeRequest>>);

impl Pending {
    /// `argv` as the process got it: the program first.
    pub fn from_arguments(argv: impl IntoIterator<Item = String>) -> Pending {
        Pending(Mutex::new(subscribe_request(argv.into_iter().skip(1))))
    }
}

/// A second launch: its arguments go to the UI that is already showing.
pub fn hand_over(app: &AppHandle, argv: Vec<String>) {
    if let Some(request) = subscribe_request(argv.into_iter().skip(1)) {
        events::send(app, AppEvent::SubscribeRequest(request));
    }
}

/// The first launch's feed, once.
pub fn take_subscribe_request(app: &AppHandle) -> Result<Option<SubscribeRequest>, UserError> {
    let pending = app.state::<Pending>();
    Ok(pending.0.lock().unwrap_or_else(|e| e.into_inner()).take())
}

#[cfg(test)]
mod tests;
