//! The CLI's tests: one binary, so the CLI's test code links once. Each module runs the built
//! `tidings-cli` as a person would (arguments, stdin, a database file) and reads what it prints
//! and stores; run one with `cargo test -p tidings-cli --test integration cli::`.
//!
//! Where a new test goes: a command's behaviour in `cli`, what its exit code says in
//! `exit_codes`, surviving kills in `crash_safety`, hostile feed servers in `hostile_servers`,
//! progress shown on a terminal in `terminal`, or a new file declared below.

// Real sync servers and GNOME Keyring: Linux only.
#[cfg(target_os = "linux")]
mod accounts;
mod cli;
mod crash_safety;
mod exit_codes;
mod hostile_servers;
mod organize;
mod terminal;

#[test]
fn every_test_file_is_a_module() {
    tidings_testkit::assert_every_test_file_is_a_module(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        include_str!("tests.rs"),
    );
}
