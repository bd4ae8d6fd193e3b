//! The exit code says what kind of failure it was, so a script can tell a missing article from a
//! network down from a mistyped address from a damaged database (README, "The command line").

use std::process::Command;

/// The exit code of `tidings-cli --db DB ARGS`.
fn exit_code(db: &std::path::Path, args: &[&str]) -> i32 {
    let output = Command::new(env!("CARGO_BIN_EXE_tidings-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.is_empty(),
        output.status.success(),
        "{args:?}: {stderr}"
    );
    output.status.code().expect("exited, not killed")
}

#[test]
fn exit_codes_tell_not_found_network_invalid_input_and_a_damaged_database_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    let nothing_listens = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let down = format!("http://127.0.0.1:{nothing_listens}/feed");
    let out = dir.path().to_str().unwrap();

    assert_eq!(exit_code(&db, &["bookmark", "999"]), 3, "not found");
    assert_eq!(exit_code(&db, &["add", &down]), 4, "network");
    assert_eq!(exit_code(&db, &["add", "not a url at all"]), 5, "invalid");
    let pdf = ["export", "--id", "1", "--format", "pdf", out];
    assert_eq!(exit_code(&db, &pdf), 5, "invalid");
    assert_eq!(exit_code(&db, &["export", out]), 2, "usage: what to export");
    assert_eq!(exit_code(&db, &["frobnicate"]), 2, "usage: clap's");

    let damaged = dir.path().join("damaged.db");
    std::fs::write(&damaged, [0x5a_u8; 8192]).unwrap();
    assert_eq!(exit_code(&damaged, &["feeds"]), 6, "damaged database");
    assert_eq!(exit_code(&damaged, &["check"]), 6, "damaged database");
}
