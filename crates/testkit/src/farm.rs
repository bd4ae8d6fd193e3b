//! The feed farm (`shared/tools/feedfarm.py serve`) on a free loopback port: realistic feeds,
//! misbehaving `/bad/*` endpoints and a request log, for tests and benchmarks.

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Farm {
    child: Child,
    port: u16,
}

impl Farm {
    /// Starts serving `feeds` feeds of `items` items; `work` holds the farm's ready file.
    pub fn start(
        script: Option<PathBuf>,
        feeds: usize,
        items: usize,
        work: &Path,
    ) -> Result<Farm, String> {
        Farm::spawn(script, feeds, items, work, &[])
    }

    /// [`Farm::start`] with `--local-site`: each feed's site, item pages, pictures and tracking
    /// pixels, and the seed story's site, are served by the farm itself.
    pub fn start_local_site(feeds: usize, items: usize, work: &Path) -> Result<Farm, String> {
        Farm::spawn(None, feeds, items, work, &["--local-site"])
    }

    fn spawn(
        script: Option<PathBuf>,
        feeds: usize,
        items: usize,
        work: &Path,
        options: &[&str],
    ) -> Result<Farm, String> {
        let script = script.unwrap_or_else(|| crate::shared_dir().join("tools/feedfarm.py"));
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let ready = work.join("farm.ready");
        let child = Command::new("python3")
            .arg(&script)
            .args(["serve", "--quiet", "--seed", "1"])
            .args(["--port", &port.to_string()])
            .args(["--feeds", &feeds.to_string(), "--items", &items.to_string()])
            .args(options)
            .arg("--ready-file")
            .arg(&ready)
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", script.display()))?;
        let mut farm = Farm { child, port };
        // Generating the corpus takes a few seconds; the farm writes the ready file when it listens.
        let deadline = Instant::now() + Duration::from_secs(120);
        while !ready.exists() {
            if let Ok(Some(status)) = farm.child.try_wait() {
                return Err(format!("the feed farm exited early ({status})"));
            }
            if Instant::now() > deadline {
                return Err("the feed farm did not start within 120 s".to_string());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(farm)
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Saves `path` from the farm to `to`.
    pub fn download(&self, path: &str, to: &Path) -> Result<PathBuf, String> {
        std::fs::write(to, self.get(path)?).map_err(|e| e.to_string())?;
        Ok(to.to_path_buf())
    }

    /// The body the farm answers `path` with (plain HTTP/1.0 over loopback): a feed, a page, or
    /// its request log (`/admin/requests?since=0&prefix=pixel`), which this does not add to.
    pub fn get(&self, path: &str) -> Result<Vec<u8>, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        use std::io::Write;
        write!(
            stream,
            "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{}\r\n\r\n",
            self.port
        )
        .map_err(|e| e.to_string())?;
        let mut response = Vec::new();
        stream
            .read_to_end(&mut response)
            .map_err(|e| e.to_string())?;
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .ok_or("the feed farm sent no body")?;
        Ok(response[split + 4..].to_vec())
    }
}

impl Drop for Farm {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
