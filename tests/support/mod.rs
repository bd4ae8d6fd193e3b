//! Drives the real Tidings binary in a real window: tauri-driver in front of Debian's
//! WebKitWebDriver, under the X display the test runs in (`xvfb-run` in CI).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

mod appearance;
pub mod audit;
mod display;
mod driver;
pub mod input;
pub mod menus;
pub mod processes;
pub mod reading;
pub mod seed;
pub mod stored;

pub use driver::{Driver, application};

/// How long any UI condition may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A private home for one test run: the app's data, config and cache directories, plus a fake
/// `xdg-open` that records the addresses the app asks the system browser to open.
pub struct Sandbox {
    dir: tempfile::TempDir,
    /// The session bus the app is given, when a test gives it one (`use_session_bus`).
    session_bus: Option<String>,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let opener = bin.join("xdg-open");
        let log = dir.path().join("opened.txt");
        std::fs::write(
            &opener,
            format!("#!/bin/sh\necho \"$1\" >> '{}'\n", log.display()),
        )
        .unwrap();
        make_executable(&opener);
        Sandbox {
            dir,
            session_bus: None,
        }
    }

    /// Gives apps launched from now on this D-Bus session bus instead of none: a test's own
    /// bus (`tidings_testkit::keychain::PrivateKeychain`), never the desktop's.
    pub fn use_session_bus(&mut self, address: &str) {
        self.session_bus = Some(address.to_string());
    }

    /// A desktop where no web page opens: every launcher the app may use fails, as `xdg-open`
    /// does (exit status 4) with no browser set up.
    pub fn without_a_browser() -> Sandbox {
        let sandbox = Sandbox::new();
        for launcher in [
            "xdg-open",
            "gio",
            "gnome-open",
            "kde-open",
            "kde-open5",
            "kde-open6",
        ] {
            let path = sandbox.dir.path().join("bin").join(launcher);
            std::fs::write(&path, "#!/bin/sh\nexit 4\n").unwrap();
            make_executable(&path);
        }
        sandbox
    }

    /// Waits until the app has handed `url` to the system browser.
    pub async fn wait_until_opened_in_browser(&self, url: &str) {
        let log = self.dir.path().join("opened.txt");
        let deadline = Instant::now() + PATIENCE;
        loop {
            let opened = std::fs::read_to_string(&log).unwrap_or_default();
            if opened.lines().any(|line| line == url) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the system browser never got {url}: {opened:?}"
            );
            tokio::task::yield_now().await;
        }
    }

    /// Every address the app handed to the system browser so far, one a line.
    pub fn opened_in_browser(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("opened.txt")).unwrap_or_default()
    }

    /// Starts the app again while it runs, with `argument`, as the system does to open a link
    /// with it, and waits for that second launch to hand the argument over and end. Needs the
    /// running app on a session bus of its own (`use_session_bus`): the bus is where the second
    /// launch finds the first.
    pub fn open_with_running_app(&self, argument: &str) {
        assert!(
            self.session_bus.is_some(),
            "a second launch finds the running app on its session bus: give it one"
        );
        let mut second = std::process::Command::new(application())
            .arg(argument)
            .envs(self.env())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start the app again");
        let deadline = Instant::now() + PATIENCE;
        while second.try_wait().expect("the second launch").is_none() {
            if Instant::now() > deadline {
                let _ = second.kill();
                panic!("the second launch did not hand {argument} over and end");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn env(&self) -> Vec<(String, String)> {
        let home = self.dir.path();
        let path = format!(
            "{}:{}",
            home.join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        vec![
            (
                "XDG_DATA_HOME".into(),
                home.join("data").display().to_string(),
            ),
            (
                "XDG_CONFIG_HOME".into(),
                home.join("config").display().to_string(),
            ),
            (
                "XDG_CACHE_HOME".into(),
                home.join("cache").display().to_string(),
            ),
            ("PATH".into(), path),
            // Each app under test is on its own: with the desktop's session bus, the
            // single-instance plugin would hand a second test's app over to the first. A
            // test's private bus (`use_session_bus`) has only its own app.
            (
                "DBUS_SESSION_BUS_ADDRESS".into(),
                self.session_bus
                    .clone()
                    .unwrap_or_else(|| format!("unix:path={}", home.join("no-bus").display())),
            ),
            // Software rendering: Xvfb has no GPU.
            ("WEBKIT_DISABLE_COMPOSITING_MODE".into(), "1".into()),
            ("WEBKIT_DISABLE_DMABUF_RENDERER".into(), "1".into()),
        ]
    }

    /// Where the app keeps its database inside this sandbox.
    pub fn database(&self) -> PathBuf {
        self.dir
            .path()
            .join("data")
            .join(tidings_core::APP_IDENTIFIER)
            .join("tidings.db")
    }
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// The app's window, seen through WebDriver.
pub struct App {
    pub client: Client,
}

impl App {
    pub async fn wait_for(&self, locator: Locator<'_>) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("{locator:?} never appeared: {e}"))
    }

    /// Waits for a button, link or list row whose text contains `text`, and clicks it.
    pub async fn click_text(&self, css: &str, text: &str) {
        let xpath = format!(
            "{}[contains(normalize-space(.), {})]",
            css_to_xpath(css),
            xpath_literal(text)
        );
        let deadline = Instant::now() + PATIENCE;
        loop {
            let element = self.wait_for(Locator::XPath(&xpath)).await;
            match element.click().await {
                Ok(()) => return,
                // The list re-rendered between finding and clicking: find it again.
                Err(e) if is_transient(&e) && Instant::now() < deadline => {
                    tokio::task::yield_now().await
                }
                Err(e) => panic!("clicking {xpath}: {e}"),
            }
        }
    }

    /// Runs a script in the page and waits until it returns true.
    pub async fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let value = self.client.execute(script, vec![]).await.unwrap();
            if value.as_bool() == Some(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::task::yield_now().await;
        }
    }

    /// Moves the pointer onto `element`, from outside it so that the page sees it arrive even
    /// when the pointer was already there before the layout changed.
    pub async fn hover(&self, element: &Element) -> Result<(), fantoccini::error::CmdError> {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction};
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: 1.0,
                y: 1.0,
            })
            .then(PointerAction::MoveToElement {
                element: element.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            });
        self.client.perform_actions(actions).await?;
        // Lets go of every key and button, or WebKitWebDriver's next typing can lose its Shift.
        self.client.release_actions().await
    }

    /// Waits until the text of the first element matching `css` satisfies the JS condition
    /// `test` (written against a variable `text`).
    pub async fn wait_for_text(&self, what: &str, css: &str, test: &str) {
        let script = format!(
            "const text = document.querySelector({css:?})?.textContent?.replace(/\\s+/g, ' ').trim() ?? ''; return {test};"
        );
        self.wait_until(what, &script).await;
    }

    /// Presses and releases one key, as a person typing a shortcut would.
    /// Makes the window `width` by `height` pixels and waits until the page has the width.
    pub async fn resize(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.unwrap();
        self.wait_until(
            &format!("the window {width} px wide"),
            &format!("return innerWidth === {width}"),
        )
        .await;
    }

    pub async fn press(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(actions).await.unwrap();
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.unwrap() {
            texts.push(element.text().await.unwrap());
        }
        texts
    }

    /// Saves a picture of the window under `target/e2e-artifacts/`. WebKitWebDriver takes it at
    /// the page's next paint, and a still page never paints again: an invisible change (1 in
    /// 1000 of opacity) is kept going while the picture is taken.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let ticker = "const body = document.body; let n = 0;
            const timer = setInterval(() => {
                body.style.opacity = n++ % 2 ? '' : '0.999';
                if (n > 80) { clearInterval(timer); body.style.opacity = ''; }
            }, 25);";
        self.client.execute(ticker, vec![]).await.unwrap();
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../e2e-artifacts");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir
            .join(name)
            .canonicalize()
            .unwrap_or_else(|_| dir.join(name));
        std::fs::write(&path, self.client.screenshot().await.unwrap()).unwrap();
        path
    }

    /// Ends the session, which quits the app.
    pub async fn quit(self) {
        self.client.close().await.unwrap();
    }
}

/// A click that missed because the page was still changing under it.
fn is_transient(error: &fantoccini::error::CmdError) -> bool {
    use fantoccini::error::{CmdError, ErrorStatus};
    matches!(
        error,
        CmdError::Standard(e) if matches!(
            e.error,
            ErrorStatus::StaleElementReference | ErrorStatus::ElementNotInteractable
        )
    )
}

/// `li.feed button` → `//li[contains(@class,'feed')]//button`, for the few selectors tests use.
fn css_to_xpath(css: &str) -> String {
    css.split_whitespace()
        .map(|part| match part.split_once('.') {
            Some((tag, class)) => format!(
                "//{}[contains(concat(' ', @class, ' '), ' {class} ')]",
                if tag.is_empty() { "*" } else { tag }
            ),
            None => format!("//{part}"),
        })
        .collect()
}

fn xpath_literal(text: &str) -> String {
    if text.contains('\'') {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}
