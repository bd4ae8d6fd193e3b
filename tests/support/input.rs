//! Pointer and keyboard input beyond clicks and single keys: right-clicks, the pointer resting on
//! something or moved away, keys pressed with Ctrl.

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MOUSE_BUTTON_RIGHT, MouseActions, PointerAction,
};
use fantoccini::elements::Element;
use fantoccini::key::Key;

use super::App;

const SWALLOW_RIGHT_CLICKS_CLICK: &str = "
    if (!window.rightClickKeptFromClicking) {
        window.rightClickKeptFromClicking = true;
        let rightClicked = false;
        document.addEventListener('mousedown', () => { rightClicked = false; }, true);
        document.addEventListener('contextmenu', () => { rightClicked = true; }, true);
        document.addEventListener('click', (event) => {
            if (!rightClicked) return;
            rightClicked = false;
            event.stopImmediatePropagation();
            event.preventDefault();
        }, true);
    }";

impl App {
    /// Right-clicks the middle of `element`, as a person asking for its menu.
    pub async fn right_click(&self, element: &Element) {
        // WebKitWebDriver releases a right button as the left one (the page sees mouseup with
        // button 0, then a click) where a person's right-click clicks nothing: that click is
        // kept from the page.
        self.client
            .execute(SWALLOW_RIGHT_CLICKS_CLICK, vec![])
            .await
            .unwrap();
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: element.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_RIGHT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_RIGHT,
            });
        self.client.perform_actions(actions).await.unwrap();
        // Lets go of every key and button, or WebKitWebDriver's next typing can lose its Shift.
        self.client.release_actions().await.unwrap();
    }

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
