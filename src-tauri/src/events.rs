//! Core's events, relayed to the window: every one is an `AppEvent` sent as the one Tauri event
//! the UI listens to (`APP_EVENT`, also in the UI's generated `commands.ts`).

use tauri::{AppHandle, Emitter};
use tidings_core::api::{AppEvent, Reporter};

pub const APP_EVENT: &str = "app-event";

pub struct Window(pub AppHandle);

impl Reporter for Window {
    fn report(&self, event: AppEvent) {
        send(&self.0, event);
    }
}

pub fn send(app: &AppHandle, event: AppEvent) {
    if let Err(error) = app.emit(APP_EVENT, event) {
        tracing::warn!(%error, "could not send an event to the UI");
    }
}
