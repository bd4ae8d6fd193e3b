//! tauri-driver in front of Debian's WebKitWebDriver: started per test, it launches the app and
//! connects to its window.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
use serde_json::json;

use super::{App, PATIENCE, Sandbox, display};

/// A running tauri-driver. Dropping it stops the driver with SIGTERM, so that it also stops
/// WebKitWebDriver (SIGKILL would leave that holding its port).
pub struct Driver {
    child: Child,
    port: u16,
    /// What the app is started with after its own name, as the system would to open a feed
    /// link or file with it.
    pub arguments: Vec<String>,
    /// Dropped after `drop` has stopped the driver and its app.
    _display: display::DisplayClaim,
}

impl Driver {
    pub fn start(sandbox: &Sandbox) -> Driver {
        Driver::start_claiming(sandbox, display::DisplayClaim::shared())
    }

    /// For a test that reads hover state (tooltips, toasts held under the pointer): its window
    /// is the only one on the display while the driver runs.
    pub fn start_alone(sandbox: &Sandbox) -> Driver {
        Driver::start_claiming(sandbox, display::DisplayClaim::alone())
    }

    fn start_claiming(sandbox: &Sandbox, display: display::DisplayClaim) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "end-to-end tests need an X display: run them under `xvfb-run -a` (see README)"
        );
        let port = free_port();
        let native_port = free_port();
        let driver = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
        let child = Command::new(&driver)
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
            .envs(sandbox.env())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {driver} ({e}); install it with `cargo install tauri-driver --locked`"));
        // tauri-driver listens first and starts WebKitWebDriver; a session needs both.
        for (what, port) in [("tauri-driver", port), ("WebKitWebDriver", native_port)] {
            let deadline = Instant::now() + PATIENCE;
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(Instant::now() < deadline, "{what} did not listen on {port}");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        Driver {
            child,
            port,
            arguments: Vec::new(),
            _display: display,
        }
    }

    /// Launches the app and connects to its window.
    pub async fn launch(&self) -> App {
        self.launch_showing("nav.sidebar").await
    }

    /// Launches the app and waits for the element `css` (a screen other than the library).
    pub async fn launch_showing(&self, css: &str) -> App {
        self.launch_application(&application(), css).await
    }

    /// Launches the Tauri app at `application` (Tidings or another, such as the benchmarks'
    /// empty app) and waits for the element `css` in its window.
    pub async fn launch_application(&self, application: &str, css: &str) -> App {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": application, "args": self.arguments }),
        );
        // The driver is on loopback: plain HTTP, no TLS stack needed. A session now and then
        // fails to start (the driver drops the connection while the app is still coming up);
        // starting the app again is what a person would do too.
        let mut attempts = 0;
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", self.port))
                .await
            {
                Ok(client) => break client,
                Err(error) if attempts < 2 => {
                    attempts += 1;
                    eprintln!("starting a WebDriver session failed ({error}); trying again");
                }
                Err(error) => panic!("no WebDriver session with the app: {error}"),
            }
        };
        let app = App { client };
        app.wait_for(Locator::Css(css)).await;
        app
    }
}

impl Driver {
    /// The driver's process id: the apps it starts are its descendants.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// The app under test: the one cargo built, or an installed one (`TIDINGS_APP=/usr/bin/tidings`,
/// as `.ci/package-test` does).
pub fn application() -> String {
    std::env::var("TIDINGS_APP").unwrap_or_else(|_| env!("CARGO_BIN_EXE_tidings").into())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
