//! `tidings-bench [--articles N] [--feeds M]`: is Tidings still instant with years of articles?
//!
//! Fills a database with N articles over M feeds through core's store (see [`fill`]), keeps it
//! between runs, then times what a person does all day against it: the sidebar's counts, the
//! first page of a feed, of All unread and of Bookmarks, a page deep in the list, search, mark
//! all read in a ~100k-article view, a retention pass, and a refresh of loopback feeds into it
//! compared with the same refresh into an empty database. Prints the median of each.

pub(crate) mod cases;
mod corpus;
mod fill;
mod highlights;
mod kept;
mod refresh_into;
mod rules;
mod stories;

use std::path::{Path, PathBuf};

use tidings_core::Library;

use cases::{Case, Runner};

/// Bump when the generated corpus or the schema it is filled into changes, so that cached
/// databases are not reused.
const CORPUS_VERSION: u32 = 3;
const SEED: u64 = 20_240_625;

#[derive(clap::Args, Debug)]
pub struct ScaleArgs {
    /// Articles in the database
    #[arg(long, default_value_t = 1_000_000)]
    articles: usize,
    /// Feeds they belong to
    #[arg(long, default_value_t = 2_000)]
    feeds: usize,
    /// Loopback feeds (x 50 items) refreshed into the big database and into an empty one; 0
    /// skips the refresh comparison
    #[arg(long, default_value_t = 1_000)]
    refresh_feeds: usize,
    /// Refreshes of each kind, alternating
    #[arg(long, default_value_t = 3)]
    refresh_runs: usize,
    /// Timed repetitions of each quick case (after one untimed)
    #[arg(long, default_value_t = 21)]
    repeat: usize,
    /// Where filled databases are kept between runs [default: $XDG_CACHE_HOME/tidings-bench]
    #[arg(long)]
    cache_dir: Option<PathBuf>,
    /// Fill a new database even when one of this size is cached
    #[arg(long)]
    refill: bool,
    /// Run only these groups of cases (comma-separated: counts, pages, search, mark-read,
    /// retention, refresh, rules, kept-searches, stories, highlights) [default: all]
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Print JSON (case name to median milliseconds) instead of a table
    #[arg(long)]
    json: bool,
    /// feedfarm.py (default: shared/tools/feedfarm.py beside the checkout)
    #[arg(long)]
    feedfarm: Option<PathBuf>,
}

pub fn run(args: ScaleArgs) -> Result<(), String> {
    if args.articles == 0 || args.feeds == 0 {
        return Err("--articles and --feeds must be at least 1".to_string());
    }
    let cache_dir = args.cache_dir.clone().unwrap_or_else(default_cache_dir);
    std::fs::create_dir_all(&cache_dir).map_err(|e| e.to_string())?;
    let db = cache_dir.join(format!(
        "tidings-{}x{}-v{CORPUS_VERSION}.db",
        args.articles, args.feeds
    ));
    let mut fill_rate = None;
    if args.refill || !db.exists() {
        fill_rate = Some(fill_cached(&db, args.articles, args.feeds)?);
    }
    let size = measure_size(&db)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let library = Library::open(&db).map_err(|e| e.to_string())?;
    let mut runner = Runner {
        library: &library,
        runtime: &runtime,
        repeat: args.repeat.max(1),
        cases: Vec::new(),
    };
    eprintln!("measuring {} ({} articles)", db.display(), size.articles);
    let wanted = |group: &str| args.only.is_empty() || args.only.iter().any(|g| g == group);
    if wanted("counts") {
        runner.sidebar()?;
    }
    if wanted("pages") {
        let depth = 100_000.min(size.articles * 9 / 10).max(1);
        runner.pages((args.feeds / 2 + 1) as i64, depth)?;
    }
    if wanted("search") {
        runner.search()?;
    }
    if wanted("kept-searches") {
        runner.kept_search_counts((args.feeds / 2 + 1) as i64)?;
    }
    if wanted("highlights") {
        runner.highlights_view()?;
    }
    if wanted("mark-read") {
        runner.mark_all_read()?;
    }
    if wanted("retention") {
        runner.retention()?;
    }
    if wanted("rules") {
        runner.rule_previews()?;
    }
    let mut cases = runner.cases;
    // One farm for the refresh and rules groups: building its feeds takes seconds.
    let work = tempfile::tempdir_in(&cache_dir).map_err(|e| e.to_string())?;
    let farm =
        if args.refresh_feeds > 0 && (wanted("refresh") || wanted("rules") || wanted("stories")) {
            Some(tidings_testkit::Farm::start(
                args.feedfarm.clone(),
                args.refresh_feeds,
                50,
                work.path(),
            )?)
        } else {
            None
        };
    if let (Some(farm), true) = (&farm, wanted("rules")) {
        cases.extend(rules::refresh_cost(
            &runtime,
            farm,
            args.refresh_feeds,
            args.refresh_runs.max(1),
            work.path(),
        )?);
    }
    if wanted("stories") {
        cases.push(stories::false_merges(&db, 10_000)?);
    }
    if let (Some(farm), true) = (&farm, wanted("stories")) {
        cases.push(stories::labelled_set(farm, args.refresh_feeds.min(200))?);
        cases.extend(stories::refresh_cost(
            &runtime,
            farm,
            args.refresh_feeds,
            args.refresh_runs.max(1),
            work.path(),
        )?);
    }
    if let (Some(farm), true) = (&farm, wanted("refresh")) {
        cases.extend(refresh_into::run(
            &library,
            &runtime,
            farm,
            args.refresh_feeds,
            args.refresh_runs.max(1),
            work.path(),
        )?);
    }
    if wanted("retention") || (args.refresh_feeds > 0 && wanted("refresh")) {
        drop(library);
        restore_search_index(&db)?;
    }
    let summary = Summary {
        articles: size.articles,
        feeds: args.feeds,
        bytes_per_article: size.bytes as f64 / size.articles.max(1) as f64,
        db_bytes: size.bytes,
        fill_rate,
        refresh_ratio: refresh_into::ratio(&cases),
    };
    if args.json {
        println!("{}", json(&cases, &summary));
    } else {
        table(&cases, &summary);
    }
    Ok(())
}

fn default_cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("tidings-bench")
}

/// Fills a database beside `db` and moves it into place once complete, so that an interrupted
/// fill is never mistaken for a cached one. Returns articles per second.
fn fill_cached(db: &Path, articles: usize, feeds: usize) -> Result<f64, String> {
    let filling = db.with_extension("filling");
    for path in [db.to_path_buf(), filling.clone()] {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
    }
    eprintln!(
        "filling {} with {articles} articles over {feeds} feeds…",
        filling.display()
    );
    let report = fill::fill(&filling, articles, feeds, SEED)?;
    let conn = rusqlite::Connection::open(&filling).map_err(|e| e.to_string())?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
        .map_err(|e| e.to_string())?;
    drop(conn);
    std::fs::rename(&filling, db).map_err(|e| e.to_string())?;
    let rate = report.articles as f64 / report.seconds;
    eprintln!(
        "filled {} articles in {:.1} s ({rate:.0} articles/s)",
        report.articles, report.seconds
    );
    Ok(rate)
}

/// Retention and the refresh case delete articles, and every deletion leaves a tombstone in the
/// search index that each search then checks: after one run's 150k deletions searches cost up
/// to twice as much. Merging the index drops them, leaving it as the fill left it (one segment),
/// so that every run measures the same database.
fn restore_search_index(db: &Path) -> Result<(), String> {
    let started = std::time::Instant::now();
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    conn.execute_batch(
        "INSERT INTO articles_fts (articles_fts) VALUES ('optimize');
         PRAGMA wal_checkpoint(TRUNCATE);",
    )
    .map_err(|e| e.to_string())?;
    eprintln!(
        "search index merged again after the deletions in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

struct Size {
    articles: usize,
    bytes: u64,
}

/// Rows and bytes on disk (after folding the write-ahead log into the file).
fn measure_size(db: &Path) -> Result<Size, String> {
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    let articles: i64 = conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .and_then(|()| conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
        .map_err(|e| e.to_string())?;
    let bytes = std::fs::metadata(db).map_err(|e| e.to_string())?.len();
    Ok(Size {
        articles: articles as usize,
        bytes,
    })
}

struct Summary {
    articles: usize,
    feeds: usize,
    db_bytes: u64,
    bytes_per_article: f64,
    fill_rate: Option<f64>,
    refresh_ratio: Option<f64>,
}

fn json(cases: &[Case], summary: &Summary) -> String {
    let mut out = serde_json::Map::new();
    for case in cases {
        out.insert(case.name.clone(), rounded(case.median()));
    }
    for case in cases {
        out.insert(format!("cpu:{}", case.name), rounded(case.cpu_median()));
    }
    out.insert(
        "db_bytes_per_article".into(),
        rounded(summary.bytes_per_article),
    );
    out.insert("articles".into(), summary.articles.into());
    out.insert("feeds".into(), summary.feeds.into());
    if let Some(ratio) = summary.refresh_ratio {
        out.insert("refresh_big_over_empty".into(), rounded(ratio));
    }
    if let Some(rate) = summary.fill_rate {
        out.insert("fill_articles_per_second".into(), rounded(rate));
    }
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

fn rounded(value: f64) -> serde_json::Value {
    serde_json::json!((value * 1_000.0).round() / 1_000.0)
}

fn table(cases: &[Case], summary: &Summary) {
    println!(
        "{} articles, {} feeds: {:.2} GB, {:.0} bytes per article",
        summary.articles,
        summary.feeds,
        summary.db_bytes as f64 / 1e9,
        summary.bytes_per_article
    );
    println!(
        "{:<40} {:>10} {:>10} {:>10} {:>10} {:>7}  note",
        "case", "median ms", "min ms", "CPU ms", "target ms", ""
    );
    for case in cases {
        let min = case.samples.iter().copied().fold(f64::INFINITY, f64::min);
        let (target, verdict) = match case.target_ms {
            Some(t) if case.median() <= t => (format!("{t}"), "ok"),
            Some(t) => (format!("{t}"), "MISSED"),
            None => (String::new(), ""),
        };
        println!(
            "{:<40} {:>10.3} {:>10.3} {:>10.3} {:>10} {:>7}  {}",
            case.name,
            case.median(),
            min,
            case.cpu_median(),
            target,
            verdict,
            case.note
        );
    }
    if let Some(ratio) = summary.refresh_ratio {
        let verdict = if ratio <= 1.5 { "ok" } else { "MISSED" };
        println!(
            "refresh into the big database / into an empty one: {ratio:.2}x (target 1.5x) {verdict}"
        );
    }
}
