//! `tidings-bench sync`: a real FreshRSS on 127.0.0.1 subscribed to a feed farm (100 feeds × 100
//! items by default), synced by `tidings-cli` over the Google Reader API into a fresh database,
//! beside a bare client making the same requests (log in, subscriptions, every page of
//! articles, the unread and starred id lists) that only reads the answers: no parsing beyond
//! the next page's token, no sanitizing, no storing. Interleaved runs; wall time, CPU and peak
//! memory of the CLI, and the sync with nothing new.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use tidings_core::sync::SyncHttp;
use tidings_testkit::keychain::PrivateKeychain;
use tidings_testkit::measure::{self, Usage};
use tidings_testkit::sync_servers::FreshRss;

pub fn sync(feeds: usize, items: usize, runs: usize) -> Result<(), String> {
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    // A tenth of the farm's feeds are JSON Feeds, which FreshRSS 1.24 cannot read: serve more
    // and subscribe it to `feeds` of the others.
    let farm = tidings_testkit::Farm::start(None, feeds + feeds / 5 + 5, items, work.path())?;
    let server = FreshRss::start()?;
    let opml = work.path().join("feeds.opml");
    let all = String::from_utf8_lossy(&farm.get("/feeds.opml")?).into_owned();
    std::fs::write(&opml, without_json_feeds(&all, feeds)).map_err(|e| e.to_string())?;
    eprintln!("FreshRSS is fetching {feeds} feeds…");
    server.import_opml(&opml)?;
    let keychain = PrivateKeychain::start()?;
    let cli = crate::refresh::sibling_binary("tidings-cli")?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;

    let (mut initial, mut nothing_new, mut bare) = (Vec::new(), Vec::new(), Vec::new());
    let mut stored = 0;
    for run in 0..runs {
        let db = work.path().join(format!("run-{run}.db"));
        add_account(&cli, &db, &server, &keychain)?;
        let db_arg = db.display().to_string();
        let env = keychain.env();
        initial.push(measure::run_with_env(
            &cli,
            &["--db", &db_arg, "sync"],
            &env,
        )?);
        nothing_new.push(measure::run_with_env(
            &cli,
            &["--db", &db_arg, "sync"],
            &env,
        )?);
        bare.push(runtime.block_on(bare_client(&server))?);
        stored = count_articles(&cli, &db_arg)?;
    }
    let on_server = runtime.block_on(articles_on_server(&server))?;
    if stored != on_server || on_server < feeds * items {
        return Err(format!(
            "{stored} articles synced of {on_server} on the server ({} expected): the run is not comparable",
            feeds * items
        ));
    }
    println!(
        "FreshRSS 1.24.3, {feeds} feeds × {items} items, {stored} articles synced; {runs} interleaved runs (min / median / max)"
    );
    println!(
        "{:<28} {:>22} {:>8} {:>12}",
        "case", "wall s", "CPU s", "peak RSS MB"
    );
    row("tidings-cli sync (initial)", &initial);
    row("tidings-cli sync (nothing new)", &nothing_new);
    let bare_walls: Vec<f64> = bare.clone();
    println!(
        "{:<28} {:>22}",
        "bare client (same requests)",
        spread(&bare_walls)
    );
    let ratio = median(&initial.iter().map(|u| u.wall_s).collect::<Vec<_>>()) / median(&bare_walls);
    println!("initial sync / bare client, median wall time: {ratio:.2}×");
    Ok(())
}

fn add_account(
    cli: &Path,
    db: &Path,
    server: &FreshRss,
    keychain: &PrivateKeychain,
) -> Result<(), String> {
    let mut child = Command::new(cli)
        .arg("--db")
        .arg(db)
        .args([
            "account",
            "add",
            "greader",
            &server.url(),
            "--user",
            FreshRss::USER,
        ])
        .envs(keychain.env())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    child
        .stdin
        .take()
        .ok_or("no stdin")?
        .write_all(FreshRss::PASSWORD.as_bytes())
        .map_err(|e| e.to_string())?;
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("account add failed ({status})"));
    }
    Ok(())
}

/// The farm's OPML with only its first `feeds` feeds that are not JSON Feeds.
fn without_json_feeds(opml: &str, feeds: usize) -> String {
    let mut kept = 0;
    opml.lines()
        .filter(|line| {
            if !line.contains("xmlUrl=") {
                return true;
            }
            let keep = !line.contains(".json\"") && kept < feeds;
            kept += usize::from(keep);
            keep
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many articles the server holds (all unread before any sync marks one).
async fn articles_on_server(server: &FreshRss) -> Result<usize, String> {
    use tidings_core::sync::{Backend, Login, greader::GReader};
    let login = Login {
        url: server.url(),
        user: FreshRss::USER.to_string(),
        password: FreshRss::PASSWORD.to_string(),
    };
    let http = SyncHttp::new(Default::default()).map_err(|e| e.to_string())?;
    let mut client = GReader::log_in(http, &login)
        .await
        .map_err(|e| e.to_string())?;
    Ok(client.unread_ids().await.map_err(|e| e.to_string())?.len())
}

/// The requests a sync makes, each answer read whole and dropped. Returns its wall time.
async fn bare_client(server: &FreshRss) -> Result<f64, String> {
    let started = Instant::now();
    let http = SyncHttp::new(Default::default()).map_err(|e| e.to_string())?;
    let api = server.greader_url();
    let login = http
        .send(
            http.client()
                .post(format!("{api}/accounts/ClientLogin"))
                .form(&[("Email", FreshRss::USER), ("Passwd", FreshRss::PASSWORD)]),
        )
        .await
        .map_err(|e| e.to_string())?
        .text();
    let auth = login
        .lines()
        .find_map(|l| l.strip_prefix("Auth="))
        .ok_or("no Auth in the login answer")?
        .to_string();
    let get = |path: String, query: Vec<(&'static str, String)>| {
        let request = http
            .client()
            .get(format!("{api}/reader/api/0/{path}"))
            .header("Authorization", format!("GoogleLogin auth={auth}"))
            .query(&query);
        let http = http.clone();
        async move { http.send(request).await.map_err(|e| e.to_string()) }
    };
    get("subscription/list".into(), vec![("output", "json".into())]).await?;
    let reading_list = "user/-/state/com.google/reading-list";
    let mut continuation: Option<String> = None;
    loop {
        let mut query = vec![("output", "json".into()), ("n", "1000".into())];
        if let Some(c) = &continuation {
            query.push(("c", c.clone()));
        }
        let body = get(format!("stream/contents/{reading_list}"), query)
            .await?
            .text();
        continuation = next_page(&body);
        if continuation.is_none() {
            break;
        }
    }
    for (stream, exclude) in [
        (reading_list, Some("user/-/state/com.google/read")),
        ("user/-/state/com.google/starred", None),
    ] {
        let mut continuation: Option<String> = None;
        loop {
            let mut query = vec![
                ("output", "json".into()),
                ("s", stream.to_string()),
                ("n", "10000".into()),
            ];
            if let Some(exclude) = exclude {
                query.push(("xt", exclude.to_string()));
            }
            if let Some(c) = &continuation {
                query.push(("c", c.clone()));
            }
            let body = get("stream/items/ids".into(), query).await?.text();
            continuation = next_page(&body);
            if continuation.is_none() {
                break;
            }
        }
    }
    Ok(started.elapsed().as_secs_f64())
}

/// The `continuation` token of an answer, found without parsing the rest of it.
fn next_page(body: &str) -> Option<String> {
    let start = body.find("\"continuation\":\"")? + "\"continuation\":\"".len();
    let end = body[start..].find('"')? + start;
    Some(body[start..end].to_string()).filter(|c| !c.is_empty())
}

fn count_articles(cli: &Path, db: &str) -> Result<usize, String> {
    let output = Command::new(cli)
        .args(["--db", db, "list", "--limit", "1000000000"])
        .output()
        .map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&output.stdout).lines().count())
}

fn row(name: &str, usages: &[Usage]) {
    let walls: Vec<f64> = usages.iter().map(|u| u.wall_s).collect();
    let cpu = median(&usages.iter().map(|u| u.cpu_s).collect::<Vec<_>>());
    let peak = usages.iter().map(|u| u.peak_rss_mb).fold(0.0, f64::max);
    println!("{name:<28} {:>22} {cpu:>8.2} {peak:>12.1}", spread(&walls));
}

fn spread(values: &[f64]) -> String {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(0.0, f64::max);
    format!("{min:.2} / {:.2} / {max:.2}", median(values))
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}
