//! Does a big database slow a refresh down? The same loopback feeds are refreshed into an empty
//! database and into the big one (in a folder of their own, removed again afterwards), in
//! alternation so that both see the same machine.

use std::path::Path;

use tidings_core::api::{FeedId, RefreshScope};
use tidings_core::{CancelToken, Library};
use tidings_testkit::Farm;

use super::cases::{Case, Clock};

const FOLDER: &str = "Bench refresh";
const ITEMS: usize = 50;

pub fn run(
    big: &Library,
    runtime: &tokio::runtime::Runtime,
    farm: &Farm,
    feeds: usize,
    runs: usize,
    work: &Path,
) -> Result<Vec<Case>, String> {
    let opml = std::fs::read(farm.download("/feeds.opml", &work.join("feeds.opml"))?)
        .map_err(|e| e.to_string())?;
    let prefix = farm.url("/");
    // A run that died halfway may have left the farm's feeds behind (on another port).
    runtime.block_on(remove_loopback_feeds(big, "http://127.0.0.1:"))?;
    runtime.block_on(remove_empty_folders(big))?;
    let (mut empty, mut full) = (Vec::new(), Vec::new());
    let (mut empty_cpu, mut full_cpu) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let dir = tempfile::tempdir_in(work).map_err(|e| e.to_string())?;
        let fresh = Library::open(&dir.path().join("empty.db")).map_err(|e| e.to_string())?;
        let (wall, cpu) = runtime.block_on(refresh(&fresh, &opml, None, feeds))?;
        empty.push(wall);
        empty_cpu.push(cpu);
        drop(fresh);
        let folder = runtime
            .block_on(big.create_folder(FOLDER))
            .map_err(|e| e.to_string())?;
        let (wall, cpu) = runtime.block_on(refresh(big, &opml, Some((folder, &prefix)), feeds))?;
        full.push(wall);
        full_cpu.push(cpu);
        runtime.block_on(remove_loopback_feeds(big, &prefix))?;
        runtime.block_on(remove_empty_folders(big))?;
        eprintln!(
            "refresh run {}: empty {:.0} ms, big {:.0} ms",
            run + 1,
            empty[run],
            full[run]
        );
    }
    let note = format!("{feeds} feeds x {ITEMS} items on 127.0.0.1");
    Ok(vec![
        Case {
            name: "refresh_into_empty_db".to_string(),
            target_ms: None,
            samples: empty,
            cpu: empty_cpu,
            note: note.clone(),
        },
        Case {
            name: "refresh_into_big_db".to_string(),
            target_ms: None,
            samples: full,
            cpu: full_cpu,
            note,
        },
    ])
}

/// Imports the farm's OPML and refreshes those feeds (all of them, or the folder they are moved
/// into); returns the refresh's wall and CPU time in ms.
pub(super) async fn refresh(
    library: &Library,
    opml: &[u8],
    into: Option<(i64, &str)>,
    feeds: usize,
) -> Result<(f64, f64), String> {
    library
        .import_opml(opml.to_vec(), |_, _| {})
        .await
        .map_err(|e| e.to_string())?;
    let scope = match into {
        None => RefreshScope::All,
        Some((folder, prefix)) => {
            for id in loopback_feeds(library, prefix).await? {
                library
                    .move_feed(id, Some(folder))
                    .await
                    .map_err(|e| e.to_string())?;
            }
            RefreshScope::Folder { folder_id: folder }
        }
    };
    let clock = Clock::start();
    let summary = library
        .refresh(scope, |_| {}, &CancelToken::new())
        .await
        .map_err(|e| e.to_string())?;
    let ms = clock.stop();
    let expected = (feeds * ITEMS) as u64;
    if summary.new_articles != expected || summary.failed != 0 {
        return Err(format!(
            "the refresh stored {} of {expected} articles ({} feeds failed): not comparable",
            summary.new_articles, summary.failed
        ));
    }
    Ok(ms)
}

async fn loopback_feeds(library: &Library, prefix: &str) -> Result<Vec<FeedId>, String> {
    Ok(library
        .list_feeds()
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|f| f.url.starts_with(prefix))
        .map(|f| f.id)
        .collect())
}

async fn remove_loopback_feeds(library: &Library, prefix: &str) -> Result<(), String> {
    for id in loopback_feeds(library, prefix).await? {
        library.remove_feed(id).await.map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The folders the farm's OPML brought, once their feeds are gone (the big database's own
/// folders all hold feeds).
async fn remove_empty_folders(library: &Library) -> Result<(), String> {
    let feeds = library.list_feeds().await.map_err(|e| e.to_string())?;
    for folder in library.list_folders().await.map_err(|e| e.to_string())? {
        if !feeds.iter().any(|f| f.folder_id == Some(folder.id)) {
            library
                .delete_folder(folder.id)
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

pub fn ratio(cases: &[Case]) -> Option<f64> {
    let find = |name: &str| cases.iter().find(|c| c.name == name).map(Case::median);
    Some(find("refresh_into_big_db")? / find("refresh_into_empty_db")?)
}

/// Wall and CPU milliseconds of pairs of refreshes (`without`, then `with`, back to back so
/// that both of a pair see the same machine).
pub struct Paired {
    pub without: (Vec<f64>, Vec<f64>),
    pub with: (Vec<f64>, Vec<f64>),
}

impl Paired {
    /// The pairs as two cases, `names` (without, with), the second's note saying their CPU
    /// ratio against `target`.
    pub fn cases(self, feeds: usize, names: [&str; 2], target: &str, more: &str) -> Vec<Case> {
        let (ratio, pairs) = self.cpu_ratio();
        let note = format!("{feeds} feeds x {ITEMS} items on 127.0.0.1");
        vec![
            Case {
                name: names[0].to_string(),
                target_ms: None,
                samples: self.without.0,
                cpu: self.without.1,
                note: note.clone(),
            },
            Case {
                name: names[1].to_string(),
                target_ms: None,
                samples: self.with.0,
                cpu: self.with.1,
                note: format!(
                    "{note}; CPU {ratio:.3}x without, median of {pairs} pairs (target {target}){more}"
                ),
            },
        ]
    }

    /// The median of each pair's CPU ratio, with over without, and how many pairs.
    pub fn cpu_ratio(&self) -> (f64, usize) {
        let ratios: Vec<f64> = self
            .with
            .1
            .iter()
            .zip(&self.without.1)
            .map(|(with, without)| with / without)
            .collect();
        (super::cases::median(&ratios), ratios.len())
    }
}

/// `runs` pairs of refreshes of the farm's `feeds` into new libraries: each made ready by
/// `prepare(library, with)`, then refreshed, then shown to `after(database, with, run)`.
pub fn paired(
    runtime: &tokio::runtime::Runtime,
    farm: &Farm,
    (feeds, runs): (usize, usize),
    work: &Path,
    what: &str,
    mut prepare: impl FnMut(&Library, bool) -> Result<(), String>,
    mut after: impl FnMut(&Path, bool, usize) -> Result<(), String>,
) -> Result<Paired, String> {
    let opml = std::fs::read(farm.download("/feeds.opml", &work.join("feeds.opml"))?)
        .map_err(|e| e.to_string())?;
    let mut paired = Paired {
        without: (Vec::new(), Vec::new()),
        with: (Vec::new(), Vec::new()),
    };
    for run in 0..runs {
        for with in [false, true] {
            let dir = tempfile::tempdir_in(work).map_err(|e| e.to_string())?;
            let db = dir.path().join("paired.db");
            let library = Library::open(&db).map_err(|e| e.to_string())?;
            prepare(&library, with)?;
            let (wall, cpu) = runtime.block_on(refresh(&library, &opml, None, feeds))?;
            drop(library);
            after(&db, with, run)?;
            let (walls, cpus) = if with {
                &mut paired.with
            } else {
                &mut paired.without
            };
            walls.push(wall);
            cpus.push(cpu);
        }
        eprintln!(
            "{what} run {}: CPU without {:.0} ms, with {:.0} ms",
            run + 1,
            paired.without.1[run],
            paired.with.1[run]
        );
    }
    Ok(paired)
}
