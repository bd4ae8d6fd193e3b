//! Crash safety: `tidings-cli` killed with SIGKILL at random moments — while refreshing feeds that
//! change on every request, while bookmarking, while upgrading the schema — never leaves a
//! damaged file, never loses a bookmark it had reported stored, and never leaves half a schema.
//!
//! The default run kills a few dozen times. The full proof is 1,000 kills:
//! `TIDINGS_KILLS=1000 cargo test -p tidings-cli --test integration --release crash_safety:: -- --nocapture`
//! (`TIDINGS_KILL_SEED=N` repeats a run's kill points).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;

const FEEDS: usize = 5;
const ITEMS: usize = 30;

fn cli(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tidings-cli"));
    command.arg("--db").arg(db);
    command
}

/// Kill points come from a small xorshift generator; its seed is printed so a run can be repeated.
struct Dice(u64);

impl Dice {
    fn from_env() -> Dice {
        let seed = std::env::var("TIDINGS_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("kill points from TIDINGS_KILL_SEED={seed}");
        Dice(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn kills() -> usize {
    std::env::var("TIDINGS_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40)
}

/// Feeds whose every item changes on each request, so every refresh rewrites articles and the
/// search index.
fn changing_feeds(requests: Arc<AtomicU64>) -> Router {
    Router::new().route(
        "/feed/{n}",
        get(move || {
            let round = requests.fetch_add(1, Ordering::Relaxed);
            async move {
                let items: String = (0..ITEMS)
                    .map(|i| {
                        format!(
                            "<item><guid>item-{i}</guid><title>Item {i}, round {round}</title>\
                             <description>{}</description></item>",
                            format!("Round {round} of item {i} says something new. ").repeat(20)
                        )
                    })
                    .collect();
                format!(
                    r#"<rss version="2.0"><channel><title>Changing</title>{items}</channel></rss>"#
                )
            }
        }),
    )
}

/// Runs `command`, kills it with SIGKILL after `after`, and returns the lines it had printed.
fn kill_after(mut command: Command, after: Duration) -> Vec<String> {
    let mut child: Child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    // The random kill point itself, not a wait for anything.
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
    reader.join().unwrap()
}

fn integrity(db: &Path) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

fn bookmarked(db: &Path) -> BTreeSet<i64> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id FROM articles WHERE is_bookmarked = 1")
        .unwrap();
    stmt.query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn article_ids(db: &Path) -> Vec<i64> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM articles").unwrap();
    stmt.query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn kills_during_refresh_and_bookmarking_lose_nothing_acknowledged() {
    let server = TestServer::start(changing_feeds(Arc::default())).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    let urls: Vec<String> = (0..FEEDS)
        .map(|n| server.url(&format!("/feed/{n}")))
        .collect();
    let opml = dir.path().join("feeds.opml");
    let outlines: String = urls
        .iter()
        .map(|u| format!(r#"<outline type="rss" text="f" xmlUrl="{u}"/>"#))
        .collect();
    std::fs::write(
        &opml,
        format!(r#"<opml version="2.0"><body>{outlines}</body></opml>"#),
    )
    .unwrap();

    let (db2, opml2) = (db.clone(), opml.clone());
    let refresh_time = tokio::task::spawn_blocking(move || {
        assert!(
            cli(&db2)
                .arg("import-opml")
                .arg(&opml2)
                .status()
                .unwrap()
                .success()
        );
        let started = Instant::now();
        assert!(cli(&db2).arg("refresh").status().unwrap().success());
        started.elapsed()
    })
    .await
    .unwrap();

    let kills = kills();
    let db2 = db.clone();
    let report = tokio::task::spawn_blocking(move || {
        let mut dice = Dice::from_env();
        let mut acknowledged: BTreeSet<i64> = BTreeSet::new();
        let window = refresh_time.as_millis() as u64 + 40;
        let (mut refreshes, mut bookmark_runs) = (0, 0);
        for kill in 0..kills {
            let after = Duration::from_millis(dice.below(window));
            if dice.below(2) == 0 {
                refreshes += 1;
                let mut refresh = cli(&db2);
                refresh.arg("refresh");
                kill_after(refresh, after);
            } else {
                bookmark_runs += 1;
                let ids = article_ids(&db2);
                let mut bookmark = cli(&db2);
                bookmark.arg("bookmark");
                for _ in 0..40 {
                    bookmark.arg(ids[dice.below(ids.len() as u64) as usize].to_string());
                }
                for line in kill_after(bookmark, after) {
                    let id = line.strip_prefix("bookmarked ").unwrap().parse().unwrap();
                    acknowledged.insert(id);
                }
            }
            let check = integrity(&db2);
            assert_eq!(check, "ok", "damaged after kill {kill}");
            let stored = bookmarked(&db2);
            let lost: Vec<_> = acknowledged.difference(&stored).collect();
            assert!(
                lost.is_empty(),
                "kill {kill} lost acknowledged bookmarks {lost:?}"
            );
        }
        format!(
            "{kills} kills ({refreshes} during refresh, {bookmark_runs} during bookmarking): \
             0 failed integrity checks, {} acknowledged bookmarks, 0 lost",
            acknowledged.len()
        )
    })
    .await
    .unwrap();
    println!("{report}");
    // And the library still works afterwards.
    let status = cli(&db).arg("refresh").status().unwrap();
    assert!(status.success());
}

/// The schema as SQLite records it: every table, index and trigger with its SQL.
fn schema(db: &Path) -> (i64, Vec<String>) {
    let conn = Connection::open(db).unwrap();
    let version = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY 1",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (version, rows)
}

#[test]
fn a_kill_during_a_schema_upgrade_leaves_the_old_schema_or_the_new_one() {
    use tidings_core::store::migrations::{LATEST, create_at_version};
    let dir = tempfile::tempdir().unwrap();
    // Schema 4 is the last with read_at: migration 5 rewrites every article row, the longest
    // upgrade a library meets. Each migration after it runs in its own transaction too, so a
    // kill may leave any version between, each whole.
    let old_version = 4;
    let whole: Vec<_> = (old_version..=LATEST)
        .map(|version| {
            let reference = dir.path().join(format!("schema-{version}.db"));
            create_at_version(&reference, version).unwrap();
            schema(&reference)
        })
        .collect();
    let (old, new) = (whole[0].clone(), whole[whole.len() - 1].clone());
    assert_ne!(old, new);

    // An old library (schema 4: bodies in their own table) with enough articles that the
    // upgrade takes a while; every other one read.
    let template = dir.path().join("template.db");
    create_at_version(&template, old_version).unwrap();
    {
        let mut conn = Connection::open(&template).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute(
            "INSERT INTO feeds (url, title, created_at, unread_count)
             VALUES ('http://127.0.0.1:9/f', 'f', 0, 20000)",
            [],
        )
        .unwrap();
        let body = "Words of an article that fill a page. ".repeat(30);
        let mut article = tx
            .prepare(
                "INSERT INTO articles (feed_id, identity, title, content_hash, first_seen_at,
                 sort_at, is_read, read_at) VALUES (1, ?1, ?1, x'00', ?2, ?2, ?2 % 2, ?2)",
            )
            .unwrap();
        let mut article_body = tx
            .prepare("INSERT INTO article_bodies (article_id, html) VALUES (?1, ?2)")
            .unwrap();
        for n in 0..40_000 {
            article
                .execute(rusqlite::params![format!("g:{n}"), n])
                .unwrap();
            article_body
                .execute(rusqlite::params![tx.last_insert_rowid(), body])
                .unwrap();
        }
        drop((article, article_body));
        tx.commit().unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    let upgrade = |db: &Path| {
        std::fs::copy(&template, db).unwrap();
        let mut feeds = cli(db);
        feeds.arg("feeds");
        feeds
    };
    let db = dir.path().join("tidings.db");
    let started = Instant::now();
    assert!(upgrade(&db).status().unwrap().success());
    let upgrade_time = started.elapsed().as_millis() as u64;
    assert_eq!(schema(&db), new);

    let mut dice = Dice::from_env();
    let (mut stayed_old, mut part_way, mut became_new) = (0, 0, 0);
    for kill in 0..kills().min(100) {
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        kill_after(
            upgrade(&db),
            Duration::from_millis(dice.below(upgrade_time)),
        );
        let after = schema(&db);
        assert!(
            whole.contains(&after),
            "kill {kill} left schema version {} half upgraded: {:?}",
            after.0,
            after.1
        );
        assert_eq!(integrity(&db), "ok", "kill {kill}");
        if after == old {
            stayed_old += 1;
        } else if after == new {
            became_new += 1;
        } else {
            part_way += 1;
        }
    }
    println!(
        "upgrade killed {} times: {stayed_old} left the old schema, {part_way} a whole one between, \
         {became_new} the new one, 0 half",
        stayed_old + part_way + became_new
    );
    // An interrupted upgrade simply runs again, and every article keeps its body and read state.
    assert!(cli(&db).arg("feeds").status().unwrap().success());
    assert_eq!(schema(&db), new);
    let kept: (i64, i64, i64) = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*), sum(is_read), (SELECT count(*) FROM article_bodies) FROM articles",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap();
    assert_eq!(kept, (40_000, 20_000, 40_000));
}

#[test]
fn a_backup_is_a_complete_consistent_copy_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    tidings_core::store::migrations::create_at_version(
        &db,
        tidings_core::store::migrations::LATEST,
    )
    .unwrap();
    Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO feeds (url, title, created_at) VALUES ('http://127.0.0.1:9/f', 'Kept', 0)",
            [],
        )
        .unwrap();
    let copy = dir.path().join("copy.db");
    let output = cli(&db).arg("backup").arg(&copy).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let listed = cli(&copy).arg("feeds").output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Kept"));
    assert_eq!(integrity(&copy), "ok");

    let again = cli(&db).arg("backup").arg(&copy).output().unwrap();
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("a file of that name exists"),
        "{again:?}"
    );
}
