//! A real keychain for one test: a private D-Bus session bus with gnome-keyring's Secret Service
//! on it, unlocked, its keyrings in a temporary folder. The app under test is given the bus
//! (`Sandbox::use_session_bus`), so that an account's password outlives the app, as on a desktop.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use super::PATIENCE;

pub struct SessionKeychain {
    /// The bus's address, for `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
    bus_pid: u32,
    keyring: Child,
    _home: tempfile::TempDir,
}

impl SessionKeychain {
    pub fn start() -> SessionKeychain {
        let home = tempfile::tempdir().unwrap();
        let output = Command::new("dbus-daemon")
            .args(["--session", "--fork", "--print-address=1", "--print-pid=1"])
            .output()
            .expect("dbus-daemon (install dbus-x11)");
        assert!(output.status.success(), "dbus-daemon: {output:?}");
        let printed = String::from_utf8(output.stdout).unwrap();
        let mut lines = printed.lines();
        let address = lines.next().unwrap().trim().to_string();
        let bus_pid = lines.next().unwrap().trim().parse().unwrap();
        // In the foreground, so that the daemon is this child and is stopped by its id; its
        // keyrings and control socket in the temporary home, never the person's own.
        let runtime = home.path().join("run");
        std::fs::create_dir_all(&runtime).unwrap();
        let mut keyring = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", &runtime)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon (install gnome-keyring)");
        // --unlock reads the new login keyring's password up to the end of its input.
        let mut stdin = keyring.stdin.take().unwrap();
        stdin.write_all(b"pw").unwrap();
        drop(stdin);
        let keychain = SessionKeychain {
            address,
            bus_pid,
            keyring,
            _home: home,
        };
        keychain.wait_until_it_answers();
        keychain
    }

    /// The Secret Service is on the bus once its name has an owner.
    fn wait_until_it_answers(&self) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let answer = Command::new("dbus-send")
                .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus"])
                .args(["/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner"])
                .arg("string:org.freedesktop.secrets")
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .output()
                .unwrap();
            if String::from_utf8_lossy(&answer.stdout).contains("boolean true") {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "gnome-keyring never took the Secret Service's name"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for SessionKeychain {
    fn drop(&mut self) {
        let _ = self.keyring.kill();
        let _ = self.keyring.wait();
        let _ = Command::new("kill")
            .args(["-TERM", &self.bus_pid.to_string()])
            .status();
    }
}
