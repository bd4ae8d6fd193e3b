//! How the declarations in `commands.rs` become the app's commands: each a Tauri command taking
//! the declared arguments, its body run with the app at hand and a failure turned into the
//! `UserError` the UI shows (and logged). The same list gives `invoke_handler` and, in tests, the
//! UI's typed wrappers and the capability file.

use std::sync::Arc;

use tauri::{AppHandle, Manager, State};
use tidings_core::api::{ErrorKind, UserError};
use tidings_core::{Library, Refresher};

/// What a command's body reaches through `app`: the library and its refresher, once open.
pub trait Shell {
    fn library(&self) -> Result<State<'_, Library>, UserError>;
    fn refresher(&self) -> Result<State<'_, Arc<Refresher>>, UserError>;
}

impl Shell for AppHandle {
    fn library(&self) -> Result<State<'_, Library>, UserError> {
        self.try_state().ok_or_else(not_open)
    }

    fn refresher(&self) -> Result<State<'_, Arc<Refresher>>, UserError> {
        self.try_state().ok_or_else(not_open)
    }
}

fn not_open() -> UserError {
    UserError {
        kind: ErrorKind::Storage,
        message: "The library is not open yet. Wait until it has opened, or restart Tidings."
            .to_string(),
    }
}

macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($app:ident $(, $arg:ident: $ty:ty)* $(,)?) -> $answer:ty $body:block
    )*) => {
        use tidings_core::api::*;
        use $crate::declare::Shell as _;
        use $crate::{dialogs, launch, recovery};

        $(
            $(#[doc = $doc])*
            #[tauri::command]
            pub async fn $name(
                app: tauri::AppHandle,
                $($arg: $ty),*
            ) -> Result<$answer, UserError> {
                let $app = &app;
                let answer = async { Ok::<$answer, UserError>($body?) }.await;
                if let Err(error) = &answer {
                    tracing::warn!(command = stringify!($name), error = %error.message, "command failed");
                }
                answer
            }
        )*

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// Every command's name, for the capability file that allows them.
        #[cfg(test)]
        pub const DECLARED: &[&str] = &[$(stringify!($name)),*];

        /// The UI's typed wrappers, one per command.
        #[cfg(test)]
        pub fn typescript() -> String {
            let mut module = $crate::typescript::Module::default();
            $(
                let arguments = vec![$((stringify!($arg), module.type_of::<$ty>())),*];
                let answer = module.type_of::<$answer>();
                module.command(stringify!($name), &[$($doc),*], arguments, answer);
            )*
            module.finish()
        }
    };
}
