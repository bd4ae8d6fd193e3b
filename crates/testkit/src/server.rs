use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::{self, Next};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// One request the server received, to check afterwards who fetched what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenRequest {
    pub path: String,
    pub user_agent: String,
    pub had_cookie: bool,
    pub had_referer: bool,
}

/// An axum app served on an ephemeral loopback port for the life of the value. Every request is
/// recorded.
pub struct TestServer {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    serving: Option<tokio::task::JoinHandle<()>>,
    seen: Arc<Mutex<Vec<SeenRequest>>>,
}

impl TestServer {
    /// Starts serving `app`; must be called inside a tokio runtime.
    pub async fn start(app: Router) -> TestServer {
        TestServer::start_at("127.0.0.1:0".parse().expect("an address"), app).await
    }

    /// Starts serving `app` at `addr`: a server that was stopped comes back where it was, as a
    /// site does when the network returns.
    pub async fn start_at(addr: SocketAddr, app: Router) -> TestServer {
        let listener = TcpListener::bind(addr).await.expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let (stop, stopped) = oneshot::channel::<()>();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let app = app.layer(middleware::from_fn(move |request: Request, next: Next| {
            let log = Arc::clone(&log);
            async move {
                log.lock().unwrap().push(describe(&request));
                next.run(request).await
            }
        }));
        let serving = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .expect("test server runs");
        });
        TestServer {
            addr,
            stop: Some(stop),
            serving: Some(serving),
            seen,
        }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<SeenRequest> {
        self.seen.lock().unwrap().clone()
    }

    /// Stops accepting connections, as when the network goes away.
    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Stops, and returns once the port is closed and every connection to it is gone.
    pub async fn shut_down(&mut self) {
        self.stop();
        if let Some(serving) = self.serving.take() {
            serving.await.expect("the test server stops cleanly");
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn describe(request: &Request) -> SeenRequest {
    let headers = request.headers();
    SeenRequest {
        path: request.uri().path().to_string(),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
        had_cookie: headers.contains_key(header::COOKIE),
        had_referer: headers.contains_key(header::REFERER),
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}
