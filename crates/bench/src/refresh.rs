//! `tidings-bench refresh`: serves a feed farm on 127.0.0.1, imports its OPML into a fresh
//! database with `tidings-cli`, refreshes (everything new), refreshes again (everything 304), then
//! does the same with newsboat, and prints wall time, CPU time and peak memory for each.

use std::path::PathBuf;

use tidings_testkit::measure;

pub fn refresh(
    feeds: usize,
    items: usize,
    with_newsboat: bool,
    json: bool,
    feedfarm: Option<PathBuf>,
) -> Result<(), String> {
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let farm = tidings_testkit::Farm::start(feedfarm, feeds, items, work.path())?;
    let cli = sibling_binary("tidings-cli")?;
    let db = work.path().join("tidings.db");
    let opml = farm.download("/feeds.opml", &work.path().join("feeds.opml"))?;

    let db_arg = db.display().to_string();
    let opml_arg = opml.display().to_string();
    measure::run(&cli, &["--db", &db_arg, "import-opml", &opml_arg])?;
    let mut rows = vec![
        (
            "tidings fresh",
            measure::run(&cli, &["--db", &db_arg, "refresh"])?,
        ),
        (
            "tidings all-304",
            measure::run(&cli, &["--db", &db_arg, "refresh"])?,
        ),
    ];
    if with_newsboat {
        let urls = farm.download("/urls", &work.path().join("urls"))?;
        let config = work.path().join("newsboat.conf");
        std::fs::write(&config, "reload-threads 8\n").map_err(|e| e.to_string())?;
        let cache = work.path().join("newsboat.db").display().to_string();
        let args = [
            "-x",
            "reload",
            "-u",
            &urls.display().to_string(),
            "-c",
            &cache,
            "-C",
            &config.display().to_string(),
        ]
        .map(String::from);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let newsboat = PathBuf::from("newsboat");
        rows.push(("newsboat fresh", measure::run(&newsboat, &args)?));
        rows.push(("newsboat all-304", measure::run(&newsboat, &args)?));
    }
    let articles = count_articles(&cli, &db_arg)?;
    if articles < feeds * items {
        return Err(format!(
            "only {articles} of {} articles were stored: the run is not comparable",
            feeds * items
        ));
    }
    report(&rows, feeds, items, articles, json);
    Ok(())
}

fn count_articles(cli: &std::path::Path, db: &str) -> Result<usize, String> {
    let output = std::process::Command::new(cli)
        .args(["--db", db, "list", "--limit", "1000000000"])
        .output()
        .map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&output.stdout).lines().count())
}

fn report(
    rows: &[(&str, measure::Usage)],
    feeds: usize,
    items: usize,
    articles: usize,
    json: bool,
) {
    let find = |name: &str| rows.iter().find(|(n, _)| *n == name).map(|(_, u)| u);
    let ratio = match (find("newsboat fresh"), find("tidings fresh")) {
        (Some(newsboat), Some(tidings)) => Some(newsboat.wall_s / tidings.wall_s),
        _ => None,
    };
    if json {
        let cases: serde_json::Map<String, serde_json::Value> = rows
            .iter()
            .map(|(name, u)| {
                (
                    name.to_string(),
                    serde_json::json!({"wall_s": u.wall_s, "cpu_s": u.cpu_s, "peak_rss_mb": u.peak_rss_mb}),
                )
            })
            .collect();
        let out = serde_json::json!({
            "feeds": feeds, "items": items, "articles_stored": articles,
            "cases": cases, "newsboat_over_tidings_fresh": ratio,
        });
        println!("{out:#}");
        return;
    }
    println!("{feeds} feeds x {items} items on 127.0.0.1 ({articles} articles stored)");
    println!(
        "{:<18} {:>8} {:>8} {:>12}",
        "case", "wall s", "CPU s", "peak RSS MB"
    );
    for (name, usage) in rows {
        println!(
            "{:<18} {:>8.2} {:>8.2} {:>12.1}",
            name, usage.wall_s, usage.cpu_s, usage.peak_rss_mb
        );
    }
    if let Some(ratio) = ratio {
        println!("newsboat / tidings, fresh wall time: {ratio:.1}x");
    }
}

/// A binary built next to this one (`cargo build --release -p tidings-cli -p tidings-bench`).
pub fn sibling_binary(name: &str) -> Result<PathBuf, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let path = me.with_file_name(name);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "{} is missing: build it with `cargo build --release -p {name} -p tidings-bench`",
            path.display()
        ))
    }
}
