//! What /proc tells about a tree of processes: which they are, their memory and their CPU time.

use std::collections::HashMap;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// From /proc/<pid>/smaps_rollup, KiB. USS is the process's private pages: unlike PSS it takes
/// no share of pages other processes map too, but a library page another process maps as well
/// (another WebKit app's) is no longer private, so both drop while such an app runs.
#[derive(Clone, Copy, Default)]
pub struct Memory {
    pub rss: u64,
    pub pss: u64,
    pub uss: u64,
}

/// The app's process: the driver's descendant running `application`.
pub fn app_pid(driver: u32, application: &Path) -> u32 {
    let application = application.canonicalize().unwrap();
    process_tree(driver)
        .into_iter()
        .find(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe")).ok() == Some(application.clone())
        })
        .unwrap_or_else(|| panic!("no process of {} under the driver", application.display()))
}

/// `root` and every process descending from it.
pub fn process_tree(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse().ok()) else {
            continue;
        };
        if let Some(fields) = stat_fields(pid) {
            children
                .entry(fields[1].parse().unwrap())
                .or_default()
                .push(pid);
        }
    }
    let mut tree = vec![root];
    let mut next = 0;
    while next < tree.len() {
        tree.extend(children.get(&tree[next]).into_iter().flatten());
        next += 1;
    }
    tree
}

/// The fields of /proc/<pid>/stat after the command name: [0] is field 3 (state), [1] the
/// parent, [11] and [12] user and system ticks, [19] the start in ticks after boot.
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    Some(after_name.split_whitespace().map(str::to_string).collect())
}

pub fn command(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

pub fn cpu_ticks(pid: u32) -> u64 {
    stat_fields(pid).map_or(0, |f| {
        f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
    })
}

pub fn memory(pid: u32) -> Memory {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    let kib = |field: &str| -> u64 {
        rollup
            .lines()
            .find_map(|line| line.strip_prefix(field))
            .map_or(0, |kib| {
                kib.trim().trim_end_matches("kB").trim().parse().unwrap()
            })
    };
    Memory {
        rss: kib("Rss:"),
        pss: kib("Pss:"),
        uss: kib("Private_Clean:") + kib("Private_Dirty:"),
    }
}

impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "PSS {:.1} MB (USS {:.1}, RSS {:.1})",
            mb(self.pss),
            mb(self.uss),
            mb(self.rss)
        )
    }
}

/// When `pid` started, in ms since the epoch (to the clock tick, 10 ms): its start after boot
/// set against the time since boot now.
pub fn started_at_ms(pid: u32) -> f64 {
    let ticks_per_s: f64 = String::from_utf8(
        std::process::Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .parse()
    .unwrap();
    let start_ticks: f64 = stat_fields(pid).unwrap()[19].parse().unwrap();
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    (now - uptime + start_ticks / ticks_per_s) * 1000.0
}

pub fn mb(kib: u64) -> f64 {
    kib as f64 / 1024.0
}
