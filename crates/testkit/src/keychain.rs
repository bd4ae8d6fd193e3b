//! A real Secret Service of the test's own: a private D-Bus session bus with GNOME Keyring on
//! it, its keyrings in a temporary folder, unlocked. Processes given [`PrivateKeychain::env`]
//! keep and read passwords there as on a desktop; nothing touches the person's own keyring.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};

pub struct PrivateKeychain {
    bus: Child,
    keyring: Child,
    address: String,
    dir: tempfile::TempDir,
}

impl PrivateKeychain {
    pub fn start() -> Result<PrivateKeychain, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        for sub in ["data", "run"] {
            std::fs::create_dir_all(dir.path().join(sub)).map_err(|e| e.to_string())?;
        }
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            // It warns that it may not raise its file limit, as it does outside a desktop.
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start dbus-daemon: {e}"))?;
        let mut address = String::new();
        BufReader::new(bus.stdout.take().ok_or("dbus-daemon has no stdout")?)
            .read_line(&mut address)
            .map_err(|e| e.to_string())?;
        let address = address.trim().to_string();
        if address.is_empty() {
            let _ = bus.kill();
            return Err("dbus-daemon printed no address".to_string());
        }
        let mut keychain = PrivateKeychain {
            bus,
            // Replaced just below; a placeholder that is already finished.
            keyring: Command::new("true").spawn().map_err(|e| e.to_string())?,
            address,
            dir,
        };
        let mut keyring = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .envs(keychain.env())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start gnome-keyring-daemon: {e}"))?;
        // The login keyring's password, then end of input: it is created and unlocked.
        let mut stdin = keyring
            .stdin
            .take()
            .ok_or("gnome-keyring-daemon has no stdin")?;
        stdin
            .write_all(b"tidings-test-keyring")
            .map_err(|e| e.to_string())?;
        drop(stdin);
        let _ = keychain.keyring.wait();
        keychain.keyring = keyring;
        keychain.wait_until_it_answers()?;
        Ok(keychain)
    }

    /// The bus's address: all an app needs (as `DBUS_SESSION_BUS_ADDRESS`) to find the keychain.
    pub fn bus_address(&self) -> &str {
        &self.address
    }

    /// The environment a process needs to use this keychain (and `secret-tool` to look in it).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        let dir = self.dir.path();
        vec![
            ("DBUS_SESSION_BUS_ADDRESS", self.address.clone()),
            ("XDG_DATA_HOME", dir.join("data").display().to_string()),
            ("XDG_RUNTIME_DIR", dir.join("run").display().to_string()),
        ]
    }

    /// The password stored under these attributes (`secret-tool lookup`), if any.
    pub fn lookup(&self, attributes: &[(&str, &str)]) -> Option<String> {
        let mut command = Command::new("secret-tool");
        command.arg("lookup").envs(self.env());
        for (key, value) in attributes {
            command.args([key, value]);
        }
        let output = command.output().ok()?;
        (output.status.success() && !output.stdout.is_empty())
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Every item's attributes and secrets, as `secret-tool search --all` prints them.
    pub fn everything(&self) -> String {
        Command::new("secret-tool")
            .args([
                "search",
                "--all",
                "--unlock",
                "xdg:schema",
                "org.freedesktop.Secret.Generic",
            ])
            .envs(self.env())
            .output()
            .map(|o| {
                format!(
                    "{}{}",
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr)
                )
            })
            .unwrap_or_default()
    }

    /// The daemon takes its name on the bus a moment after starting.
    fn wait_until_it_answers(&self) -> Result<(), String> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !self.registered() {
            if std::time::Instant::now() > deadline {
                return Err("GNOME Keyring did not come up within 20 s".to_string());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Ok(())
    }

    fn registered(&self) -> bool {
        Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ])
            .envs(self.env())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
            .unwrap_or(false)
    }
}

impl Drop for PrivateKeychain {
    fn drop(&mut self) {
        let _ = self.keyring.kill();
        let _ = self.keyring.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}
