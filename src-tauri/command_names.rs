// The names of the commands declared in src/commands.rs, as `COMMANDS`, for what cannot use the
// app's crate: build.rs's allow-list and tests/lockdown.rs. Their bodies are parsed, not compiled.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($app:ident $(, $arg:ident: $ty:ty)* $(,)?) -> $answer:ty $body:block
    )*) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("src/commands.rs");
