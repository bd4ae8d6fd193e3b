//! Pointer and keyboard input beyond clicks and single keys: the pointer moved away, keys pressed
//! with Ctrl.

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::key::Key;

use super::App;

impl App {
    /// Moves the pointer to the top left corner of the window, where nothing reacts to it.
    pub async fn move_pointer_away(&self) {
        let actions = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x: 1.0,
            y: 1.0,
        });
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Presses `key` with Ctrl held, as in Ctrl+Z.
    pub async fn press_with_ctrl(&self, key: char) {
        let control = Key::Control.into();
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: control })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: control });
        self.client.perform_actions(actions).await.unwrap();
        self.client.release_actions().await.unwrap();
    }
}
