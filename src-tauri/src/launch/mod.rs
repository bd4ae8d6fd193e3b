//! Tidings opened with something from outside: the desktop file registers Tidings for `feed:`
//! links, feed files and `tidings:` links, so the system starts it with the link or file as an
//! argument — or, when it already runs, hands the arguments to the running app (macOS hands
//! links over as events instead). Either way the UI offers the feed in its "Add a feed" dialog,
//! or shows the article.

mod arguments;

use std::sync::Mutex;

use tauri::{AppHandle, Manager};
use tidings_core::api::{AppEvent, LaunchRequest, UserError};

use arguments::launch_request;

use crate::events;

/// What was asked for before the UI was ready to hear it: kept until the UI first asks, then
/// everything goes to it as it comes.
pub struct Pending(Mutex<Inbox>);

struct Inbox {
    ui_listening: bool,
    request: Option<LaunchRequest>,
}

impl Pending {
    /// `argv` as the process got it: the program first.
    pub fn from_arguments(argv: impl IntoIterator<Item = String>) -> Pending {
        Pending(Mutex::new(Inbox {
            ui_listening: false,
            request: launch_request(argv.into_iter().skip(1)),
        }))
    }
}

/// A second launch: its arguments (`argv`, the program first) go to the app that is running.
pub fn hand_over(app: &AppHandle, argv: Vec<String>) {
    receive(app, argv.into_iter().skip(1));
}

/// Links the system handed the running app; before its UI listens, the latest one waits for it.
pub fn receive(app: &AppHandle, arguments: impl IntoIterator<Item = String>) {
    let Some(request) = launch_request(arguments) else {
        return;
    };
    let pending = app.state::<Pending>();
    let mut inbox = pending.0.lock().unwrap_or_else(|e| e.into_inner());
    if inbox.ui_listening {
        drop(inbox);
        events::send(app, AppEvent::LaunchRequest(request));
    } else {
        inbox.request = Some(request);
    }
}

/// What was asked for before the UI listened, once; from now on requests come as events.
pub fn take_launch_request(app: &AppHandle) -> Result<Option<LaunchRequest>, UserError> {
    let pending = app.state::<Pending>();
    let mut inbox = pending.0.lock().unwrap_or_else(|e| e.into_inner());
    inbox.ui_listening = true;
    Ok(inbox.request.take())
}

#[cfg(test)]
mod tests;
