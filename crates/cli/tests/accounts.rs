//! Accounts from the command line, with a real Secret Service (GNOME Keyring on a private D-Bus
//! session) and real sync servers: the password lives in the keychain and nowhere else, every
//! new process finds it there, and `sync` killed with SIGKILL at random moments — while
//! fetching and while sending — loses no change and stores no article twice. A password
//! changed on the server is given again with `account password`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use tidings_core::sync::fever::Fever;
use tidings_core::sync::greader::GReader;
use tidings_core::sync::ttrss::TtRss as TtRssClient;
use tidings_core::sync::{Backend, Login, SyncHttp};
use tidings_testkit::Farm;
use tidings_testkit::keychain::PrivateKeychain;
use tidings_testkit::sync_servers::{Coldsweat, FreshRss, TtRss};

const FEEDS: usize = 3;
const ITEMS: usize = 40;

struct World {
    keychain: PrivateKeychain,
    db: PathBuf,
    kind: &'static str,
    login: Login,
    server: Box<dyn std::any::Any>,
    _farm: Farm,
    _work: tempfile::TempDir,
}

impl World {
    fn coldsweat() -> World {
        let work = tempfile::tempdir().unwrap();
        let farm = Farm::start(None, FEEDS, ITEMS, work.path()).unwrap();
        let server = Coldsweat::start(&farm.url("/feeds.opml")).unwrap();
        World::new(
            "fever",
            Login {
                url: server.fever_url(),
                user: Coldsweat::EMAIL.to_string(),
                password: Coldsweat::PASSWORD.to_string(),
            },
            Box::new(server),
            farm,
            work,
        )
    }

    fn freshrss() -> World {
        let work = tempfile::tempdir().unwrap();
        let farm = Farm::start(None, FEEDS, ITEMS, work.path()).unwrap();
        let server = FreshRss::start().unwrap();
        let opml = farm
            .download("/feeds.opml", &work.path().join("feeds.opml"))
            .unwrap();
        server.import_opml(&opml).unwrap();
        World::new(
            "greader",
            Login {
                url: server.url(),
                user: FreshRss::USER.to_string(),
                password: FreshRss::PASSWORD.to_string(),
            },
            Box::new(server),
            farm,
            work,
        )
    }

    fn ttrss() -> World {
        let work = tempfile::tempdir().unwrap();
        let farm = Farm::start(None, FEEDS, ITEMS, work.path()).unwrap();
        let server = TtRss::start().unwrap();
        for feed in 0..FEEDS {
            server
                .subscribe(&farm.url(&format!("/feeds/{feed:04}.rss")), 0)
                .unwrap();
        }
        server.update().unwrap();
        World::new(
            "ttrss",
            Login {
                url: server.url(),
                user: TtRss::USER.to_string(),
                password: TtRss::PASSWORD.to_string(),
            },
            Box::new(server),
            farm,
            work,
        )
    }

    fn new(
        kind: &'static str,
        login: Login,
        server: Box<dyn std::any::Any>,
        farm: Farm,
        work: tempfile::TempDir,
    ) -> World {
        World {
            keychain: PrivateKeychain::start().unwrap(),
            db: work.path().join("tidings.db"),
            kind,
            login,
            server,
            _farm: farm,
            _work: work,
        }
    }

    fn cli(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_tidings-cli"));
        command
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .envs(self.keychain.env());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cli(args).output().unwrap()
    }

    fn add_account(&self, password: &str) -> Output {
        self.with_password(
            &[
                "account",
                "add",
                self.kind,
                &self.login.url,
                "--user",
                &self.login.user,
            ],
            password,
        )
    }

    /// Runs the CLI with `password` on its stdin.
    fn with_password(&self, args: &[&str], password: &str) -> Output {
        let mut child = self
            .cli(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    }

    /// The server's unread ids, as another device sees them.
    fn server_unread(&self) -> usize {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let http = SyncHttp::new(Default::default()).unwrap();
            match self.kind {
                "greader" => GReader::log_in(http, &self.login)
                    .await
                    .unwrap()
                    .unread_ids()
                    .await
                    .unwrap()
                    .len(),
                "fever" => Fever::log_in(http, &self.login)
                    .await
                    .unwrap()
                    .unread_ids()
                    .await
                    .unwrap()
                    .len(),
                _ => TtRssClient::log_in(http, &self.login)
                    .await
                    .unwrap()
                    .unread_ids()
                    .await
                    .unwrap()
                    .len(),
            }
        })
    }
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn contains(file: &Path, needle: &str) -> bool {
    std::fs::read(file)
        .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .unwrap_or(false)
}

#[test]
fn the_password_lives_in_the_keychain_and_nowhere_else() {
    let world = World::coldsweat();
    // A wrong password: refused by the server, nothing kept.
    let refused = world.add_account("not-the-password");
    assert_eq!(refused.status.code(), Some(5), "{}", text(&refused));
    assert!(
        text(&refused).contains("refused the user name or password"),
        "{}",
        text(&refused)
    );

    let added = world.add_account(&world.login.password);
    assert!(added.status.success(), "{}", text(&added));
    let entry = format!("{} on {}", world.login.user, world.login.url);
    let kept = world
        .keychain
        .lookup(&[("service", "org.tidings.reader"), ("username", &entry)]);
    assert_eq!(
        kept.as_deref(),
        Some(world.login.password.as_str()),
        "{}",
        world.keychain.everything()
    );

    // Another process finds it there.
    let synced = world.run(&["sync"]);
    assert!(synced.status.success(), "{}", text(&synced));
    assert!(
        text(&synced).contains(&format!("{} new", FEEDS * ITEMS)),
        "{}",
        text(&synced)
    );

    // Never in the database, its journal, or anything printed.
    for file in [world.db.clone(), world.db.with_extension("db-wal")] {
        assert!(
            !contains(&file, &world.login.password),
            "{}",
            file.display()
        );
    }
    assert!(!text(&added).contains(&world.login.password));

    let listed = text(&world.run(&["account", "list"]));
    let id = listed
        .lines()
        .nth(1)
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    // Fever cannot subscribe: said, with where to do it, and nothing changes.
    let refused = world.run(&["add", "--account", &id, "http://127.0.0.1:9/feed.xml"]);
    assert_eq!(refused.status.code(), Some(5), "{}", text(&refused));
    assert!(
        text(&refused).contains("cannot add feeds"),
        "{}",
        text(&refused)
    );

    // Removing the account removes its password.
    assert!(world.run(&["account", "remove", &id]).status.success());
    assert_eq!(
        world
            .keychain
            .lookup(&[("service", "org.tidings.reader"), ("username", &entry)]),
        None
    );
}

#[test]
fn without_a_keychain_the_cli_says_the_password_was_not_kept() {
    let world = World::coldsweat();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings-cli"))
        .arg("--db")
        .arg(&world.db)
        .args([
            "account",
            "add",
            "fever",
            &world.login.url,
            "--user",
            &world.login.user,
        ])
        // A bus nobody listens on: no Secret Service answers.
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/tidings-no-bus",
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    writeln!(child.stdin.take().unwrap(), "{}", world.login.password).unwrap();
    let added = child.wait_with_output().unwrap();
    assert!(added.status.success(), "{}", text(&added));
    assert!(
        text(&added).contains("No keychain answered"),
        "{}",
        text(&added)
    );
    let sync = Command::new(env!("CARGO_BIN_EXE_tidings-cli"))
        .arg("--db")
        .arg(&world.db)
        .arg("sync")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/tidings-no-bus",
        )
        .output()
        .unwrap();
    assert!(!sync.status.success());
    assert!(
        text(&sync).contains("there is no password to log in with: no keychain answered"),
        "{}",
        text(&sync)
    );
}

/// The password changed on the server: `sync` says the login was refused; a wrong password
/// given again is refused too and changes nothing; the right one takes the old one's place in
/// the keychain, and the account syncs.
#[test]
fn a_password_changed_on_the_server_is_given_again() {
    let world = World::freshrss();
    let added = world.add_account(&world.login.password);
    assert!(added.status.success(), "{}", text(&added));
    let id = String::from_utf8_lossy(&added.stdout)
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let server: &FreshRss = world.server.downcast_ref().unwrap();
    server.set_api_password("a new password").unwrap();
    let failed = world.run(&["sync"]);
    assert_eq!(failed.status.code(), Some(5), "{}", text(&failed));
    assert!(
        text(&failed).contains("refused the user name or password"),
        "{}",
        text(&failed)
    );

    let entry = format!("{} on {}", world.login.user, world.login.url);
    let kept = || {
        world
            .keychain
            .lookup(&[("service", "org.tidings.reader"), ("username", &entry)])
    };
    let wrong = world.with_password(&["account", "password", &id], "not the password");
    assert_eq!(wrong.status.code(), Some(5), "{}", text(&wrong));
    assert!(
        text(&wrong).contains("refused the user name or password"),
        "{}",
        text(&wrong)
    );
    assert_eq!(kept().as_deref(), Some(world.login.password.as_str()));
    let empty = world.with_password(&["account", "password", &id], "");
    assert_eq!(empty.status.code(), Some(2), "{}", text(&empty));

    let given = world.with_password(&["account", "password", &id], "a new password");
    assert!(given.status.success(), "{}", text(&given));
    assert!(!text(&given).contains("a new password"));
    assert_eq!(kept().as_deref(), Some("a new password"));
    let synced = world.run(&["sync"]);
    assert!(synced.status.success(), "{}", text(&synced));
    let listed = text(&world.run(&["account", "list"]));
    assert!(!listed.contains("error"), "{listed}");
}

/// Kills `sync` at a random moment; returns nothing: what counts is what is stored.
fn kill_sync_after(world: &World, after: Duration) {
    let mut child = world
        .cli(&["sync"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The random kill point itself, not a wait for anything.
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

/// A small xorshift, so each run kills at the same moments.
struct Moments(u64);

impl Moments {
    fn next(&mut self, below_ms: u64) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        Duration::from_millis(self.0 % below_ms)
    }
}

fn kills_lose_nothing(world: World) {
    assert!(world.add_account(&world.login.password).status.success());
    let mut moments = Moments(0x9e37_79b9_7f4a_7c15);
    // While fetching (the first sync, and those after it).
    for _ in 0..50 {
        kill_sync_after(&world, moments.next(600));
    }
    assert!(world.run(&["sync"]).status.success());
    let integrity = text(&world.run(&["check"]));
    assert_eq!(integrity.trim(), "ok");

    // Every article read here, then kills while the changes are being sent.
    let listed = text(&world.run(&["list", "--limit", "1000"]));
    let ids: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(
        ids.len(),
        FEEDS * ITEMS,
        "no article stored twice:\n{listed}"
    );
    let mut read = vec!["read"];
    read.extend(&ids);
    assert!(world.run(&read).status.success());
    for _ in 0..50 {
        kill_sync_after(&world, moments.next(400));
    }
    let last = world.run(&["sync"]);
    assert!(last.status.success(), "{}", text(&last));
    assert_eq!(text(&world.run(&["check"])).trim(), "ok");
    assert_eq!(world.server_unread(), 0, "every change reached the server");
    let accounts = text(&world.run(&["account", "list"]));
    assert!(accounts.contains("\t0 to send"), "{accounts}");
    let listed = text(&world.run(&["list", "--limit", "1000"]));
    assert_eq!(listed.lines().count(), FEEDS * ITEMS);
}

#[test]
fn kill_9_during_fever_syncs_loses_no_change_and_stores_no_article_twice() {
    kills_lose_nothing(World::coldsweat());
}

#[test]
fn kill_9_during_google_reader_syncs_loses_no_change_and_stores_no_article_twice() {
    kills_lose_nothing(World::freshrss());
}

#[test]
fn kill_9_during_ttrss_syncs_loses_no_change_and_stores_no_article_twice() {
    kills_lose_nothing(World::ttrss());
}
