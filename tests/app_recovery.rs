//! End to end: a library file that cannot be opened shows the recovery screen instead of a crash;
//! backing it up copies it untouched, and starting fresh keeps it aside and opens an empty
//! library. A library that takes long to open shows the window's frame meanwhile, never a blank
//! window. A library found damaged while in use gets the same screen. Needs an X display (`xvfb-run -a cargo test --test app app_recovery::`).

use fantoccini::Locator;

use crate::support::{Driver, Sandbox};

const GARBAGE: &[u8] = b"this was a library once, before something overwrote it \x00\x01\x02";

fn files_beside(db: &std::path::Path, prefix: &str) -> Vec<std::path::PathBuf> {
    let name = db.file_name().unwrap().to_string_lossy().to_string();
    let mut found: Vec<_> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{name}.{prefix}"))
        })
        .collect();
    found.sort();
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreadable_library_offers_backup_fresh_start_and_retry() {
    let sandbox = Sandbox::new();
    let db = sandbox.database();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    std::fs::write(&db, GARBAGE).unwrap();

    let driver = Driver::start(&sandbox);
    let app = driver.launch_showing("main.recovery").await;
    app.wait_for_text(
        "the reason",
        "[data-testid=reason]",
        "text.includes('could not open the database') && text.includes('not a database')",
    )
    .await;
    app.screenshot("recovery.png").await;

    // Trying again changes nothing: the file is still unreadable.
    app.click_text("main.recovery button", "Try again").await;
    app.wait_for_text(
        "the retry's answer",
        "[role=status]",
        "text === 'It still could not be opened.'",
    )
    .await;

    app.click_text("main.recovery button", "Back up the file")
        .await;
    app.wait_for_text(
        "the copy's place",
        "[role=status]",
        "text.startsWith('A copy of the file is at ')",
    )
    .await;
    let copies = files_beside(&db, "backup-");
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(std::fs::read(&copies[0]).unwrap(), GARBAGE);
    assert_eq!(
        std::fs::read(&db).unwrap(),
        GARBAGE,
        "the backup left the file alone"
    );

    app.click_text("main.recovery button", "Start fresh").await;
    // The app reloads into an empty library.
    app.wait_for(Locator::Css("nav.sidebar")).await;
    let aside = files_beside(&db, "unreadable-");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        GARBAGE,
        "the old file is kept"
    );
    assert_ne!(std::fs::read(&db).unwrap(), GARBAGE);
    app.quit().await;

    // The next start opens the new library directly.
    let app = driver.launch().await;
    assert!(
        app.client
            .find(Locator::Css("main.recovery"))
            .await
            .is_err()
    );
    app.quit().await;
}

/// Another program holds the library's write lock while the app must upgrade it (the same wait
/// as the upgrade of a big library): the window shows its frame and says it is opening the
/// library, and the app comes once the lock is let go — within SQLite's 5 s busy timeout, after
/// which the recovery screen would say the database is locked.
#[tokio::test(flavor = "multi_thread")]
async fn a_library_slow_to_open_shows_the_windows_frame_meanwhile() {
    use tidings_core::store::migrations::{LATEST, create_at_version};

    let sandbox = Sandbox::new();
    let db = sandbox.database();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    create_at_version(&db, LATEST - 1).unwrap();
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();

    let driver = Driver::start(&sandbox);
    let app = driver.launch_showing(".shell").await;
    app.wait_for_text(
        "the frame's note",
        ".shell [role=status]",
        "text === 'Opening the library…'",
    )
    .await;
    assert_eq!(app.texts(".shell .app-name").await, ["Tidings"]);
    assert!(app.client.find(Locator::Css("nav.sidebar")).await.is_err());
    app.screenshot("opening.png").await;

    writer.execute_batch("ROLLBACK").unwrap();
    drop(writer);
    app.wait_for(Locator::Css("nav.sidebar")).await;
    assert!(app.client.find(Locator::Css(".shell")).await.is_err());
    app.quit().await;
}

/// A library damaged inside (pages overwritten, as a failing disk leaves them) still opens; the
/// check the app runs on a library never checked finds the damage, keeps a copy of the file as
/// found, and the recovery screen takes the window's place with its ways out.
#[tokio::test(flavor = "multi_thread")]
async fn a_library_found_damaged_in_use_offers_the_recovery_screen() {
    use std::io::{Seek, SeekFrom, Write};

    let sandbox = Sandbox::new();
    let db = sandbox.database();
    crate::support::seed::one_feed(&db, "Harbour News", 3_000);
    let size = std::fs::metadata(&db).unwrap().len();
    assert!(
        size > 200 * 4096,
        "a file of {size} bytes is too small to damage inside"
    );
    let mut file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    file.seek(SeekFrom::Start(size / 2 / 4096 * 4096)).unwrap();
    file.write_all(&[0x5a; 16 * 4096]).unwrap();
    drop(file);

    let driver = Driver::start(&sandbox);
    let app = driver.launch_showing("main.recovery").await;
    app.wait_for_text(
        "the screen saying the file is damaged",
        "#recovery-title",
        "text === \"Your library's file is damaged\"",
    )
    .await;
    let reason = app
        .wait_for(Locator::Css("[data-testid=reason]"))
        .await
        .text()
        .await
        .unwrap();
    let copy = reason
        .split("A copy of it as it was found is at ")
        .nth(1)
        .and_then(|rest| rest.strip_suffix('.'))
        .unwrap_or_else(|| panic!("no copy named in {reason:?}"));
    assert!(std::path::Path::new(copy).exists(), "{copy} is missing");

    app.click_text("main.recovery button", "Try again").await;
    app.wait_for_text(
        "still damaged",
        ".message",
        "text === 'It is still damaged.'",
    )
    .await;
    app.click_text("main.recovery button", "Back up the file")
        .await;
    app.wait_for_text(
        "the copy named",
        ".message",
        "text.startsWith('A copy of the file is at ')",
    )
    .await;
    let copies = files_beside(&db, "backup")
        .into_iter()
        .filter(|p| {
            !p.to_string_lossy().ends_with("-wal") && !p.to_string_lossy().ends_with("-shm")
        })
        .count();
    assert_eq!(copies, 2, "the copy taken first, and the one asked for");
    app.quit().await;
}
