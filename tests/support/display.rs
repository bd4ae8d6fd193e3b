//! The X display is shared by every test of the binary, two at a time on two cores. Most tests
//! do not mind another window beside theirs; a test that reads hover state does: another app's
//! window mapping or going away moves the pointer out of its window, which hides a tooltip or
//! lets a toast held under the pointer go. Such a test takes the display alone.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

struct Windows {
    shared: usize,
    alone: bool,
}

static WINDOWS: Mutex<Windows> = Mutex::new(Windows {
    shared: 0,
    alone: false,
});
static CHANGED: Condvar = Condvar::new();

fn windows() -> MutexGuard<'static, Windows> {
    WINDOWS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A test's claim on the display, given back when dropped (after its driver has stopped).
pub struct DisplayClaim {
    alone: bool,
}

impl DisplayClaim {
    /// Beside other tests' windows; waits only while a test has the display alone.
    pub fn shared() -> DisplayClaim {
        let mut state = windows();
        while state.alone {
            state = CHANGED.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        state.shared += 1;
        DisplayClaim { alone: false }
    }

    /// The only window on the display: waits until every other test's window has gone.
    pub fn alone() -> DisplayClaim {
        let mut state = windows();
        while state.alone || state.shared > 0 {
            state = CHANGED.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        state.alone = true;
        DisplayClaim { alone: true }
    }
}

impl Drop for DisplayClaim {
    fn drop(&mut self) {
        let mut state = windows();
        if self.alone {
            state.alone = false;
        } else {
            state.shared -= 1;
        }
        CHANGED.notify_all();
    }
}
