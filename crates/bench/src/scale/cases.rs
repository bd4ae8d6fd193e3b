//! The measured cases, each through the call the app makes (the `Library` facade, or the store
//! where the facade adds only a fixed page size). Warm: every case runs once before it is timed.

use std::time::Instant;

use tidings_core::api::{
    ArticleCursor, ArticleView, ListOptions, SearchQuery, SearchScope, Settings,
};
use tidings_core::store::ArticleQuery;
use tidings_core::{Library, now};

use super::corpus::word;
use super::fill::{BIG_FOLDER, SPAN_DAYS};

pub type Outcome = Result<(), String>;

/// Timings of one case, in milliseconds.
pub struct Case {
    pub name: String,
    pub target_ms: Option<f64>,
    /// Wall time of each run.
    pub samples: Vec<f64>,
    /// CPU time of this process in each run: what the work itself cost, even while other work
    /// on the machine delays it (the wall time's noise on a shared machine).
    pub cpu: Vec<f64>,
    /// What the case worked on (rows changed, depth reached…), for the reader of the table.
    pub note: String,
}

impl Case {
    pub fn median(&self) -> f64 {
        median(&self.samples)
    }

    pub fn cpu_median(&self) -> f64 {
        median(&self.cpu)
    }
}

/// Wall and CPU time since it was started.
pub struct Clock {
    wall: Instant,
    cpu: f64,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: process_cpu_ms(),
        }
    }

    /// (wall ms, CPU ms)
    pub fn stop(&self) -> (f64, f64) {
        (
            self.wall.elapsed().as_secs_f64() * 1_000.0,
            process_cpu_ms() - self.cpu,
        )
    }
}

fn process_cpu_ms() -> f64 {
    // SAFETY: getrusage only writes into the struct we pass it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1_000.0 + t.tv_usec as f64 / 1_000.0;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

pub fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

pub(super) fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

pub struct Runner<'a> {
    pub library: &'a Library,
    pub runtime: &'a tokio::runtime::Runtime,
    pub repeat: usize,
    pub cases: Vec<Case>,
}

impl Runner<'_> {
    /// Runs `work` once to warm up, then `repeat` times timed.
    pub(super) fn time(
        &mut self,
        name: &str,
        target_ms: Option<f64>,
        note: String,
        mut work: impl FnMut(&Library) -> Outcome,
    ) -> Outcome {
        work(self.library)?;
        let (mut samples, mut cpu) = (Vec::new(), Vec::new());
        for _ in 0..self.repeat {
            let clock = Clock::start();
            work(self.library)?;
            let (wall_ms, cpu_ms) = clock.stop();
            samples.push(wall_ms);
            cpu.push(cpu_ms);
        }
        self.cases.push(Case {
            name: name.to_string(),
            target_ms,
            samples,
            cpu,
            note,
        });
        Ok(())
    }

    pub fn sidebar(&mut self) -> Outcome {
        let rt = self.runtime;
        let feeds = rt.block_on(self.library.list_feeds()).map_err(err)?.len();
        let folders = rt.block_on(self.library.list_folders()).map_err(err)?.len();
        self.time(
            "unread_counts_feeds_and_folders",
            Some(5.0),
            format!("{feeds} feeds, {folders} folders"),
            |l| {
                rt.block_on(l.list_feeds()).map_err(err)?;
                rt.block_on(l.list_folders()).map_err(err)?;
                Ok(())
            },
        )?;
        self.time("view_counts", Some(5.0), String::new(), |l| {
            rt.block_on(l.view_counts()).map(drop).map_err(err)
        })
    }

    pub fn pages(&mut self, feed_id: i64, depth: usize) -> Outcome {
        let first_page = |view| {
            move |l: &Library| {
                let query = ArticleQuery {
                    view,
                    after: None,
                    limit: 50,
                    options: ListOptions::default(),
                };
                let page = l.store().list_articles(&query).map_err(err)?;
                if page.articles.is_empty() {
                    return Err(format!("{view:?} is empty"));
                }
                Ok(())
            }
        };
        let feed = ArticleView::Feed { feed_id };
        self.time(
            "first_page_feed",
            Some(5.0),
            format!("feed {feed_id}"),
            first_page(feed),
        )?;
        self.time(
            "first_page_all_unread",
            Some(5.0),
            String::new(),
            first_page(ArticleView::Unread),
        )?;
        self.time(
            "first_page_bookmarks",
            Some(5.0),
            String::new(),
            first_page(ArticleView::Bookmarks),
        )?;
        let cursor = cursor_at(self.library, ArticleView::All, depth)?;
        self.time(
            "page_at_depth",
            Some(5.0),
            format!("All, after row {depth}"),
            |l| {
                let query = ArticleQuery {
                    view: ArticleView::All,
                    after: Some(cursor),
                    limit: 50,
                    options: ListOptions::default(),
                };
                let page = l.store().list_articles(&query).map_err(err)?;
                if page.articles.len() != 50 {
                    return Err("the page at depth came back short".to_string());
                }
                Ok(())
            },
        )?;
        self.time("open_article", Some(5.0), String::new(), |l| {
            let id = cursor.id;
            self.runtime.block_on(l.article(id)).map(drop).map_err(err)
        })
    }

    /// Every query of [`query_set`] on its own line, and their median as the headline.
    pub fn search(&mut self) -> Outcome {
        let rt = self.runtime;
        let (mut medians, mut cpu_medians) = (Vec::new(), Vec::new());
        for text in query_set() {
            let query = SearchQuery {
                text: text.clone(),
                scope: SearchScope::All,
                unread_only: false,
                since: None,
                until: None,
                whole_words: false,
            };
            let hits = rt
                .block_on(self.library.search(query.clone(), None))
                .map_err(err)?
                .hits
                .len();
            self.time(
                &format!("search {text:?}"),
                None,
                format!("{hits} hits"),
                |l| {
                    rt.block_on(l.search(query.clone(), None))
                        .map(drop)
                        .map_err(err)
                },
            )?;
            let case = self.cases.last().expect("just pushed");
            medians.push(case.median());
            cpu_medians.push(case.cpu_median());
        }
        self.cases.push(Case {
            name: "search_top50_median_of_queries".to_string(),
            target_ms: Some(20.0),
            note: format!("{} queries", medians.len()),
            samples: medians,
            cpu: cpu_medians,
        });
        Ok(())
    }

    /// Marks the big folder read, then undoes it (so the database is as before).
    pub fn mark_all_read(&mut self) -> Outcome {
        let rt = self.runtime;
        let folder = rt
            .block_on(self.library.list_folders())
            .map_err(err)?
            .into_iter()
            .find(|f| f.name == BIG_FOLDER)
            .ok_or("the big folder is missing")?;
        let view = ArticleView::Folder {
            folder_id: folder.id,
        };
        let (mut read, mut read_cpu) = (Vec::new(), Vec::new());
        let (mut undone, mut undone_cpu) = (Vec::new(), Vec::new());
        for _ in 0..self.repeat.clamp(1, 5) {
            let clock = Clock::start();
            let marked = rt
                .block_on(self.library.mark_view_read(view, None))
                .map_err(err)?;
            let (wall, cpu) = clock.stop();
            read.push(wall);
            read_cpu.push(cpu);
            let clock = Clock::start();
            rt.block_on(self.library.undo(marked.undo)).map_err(err)?;
            let (wall, cpu) = clock.stop();
            undone.push(wall);
            undone_cpu.push(cpu);
            if marked.count != folder.unread_count as u64 {
                return Err(format!(
                    "marked {} read, expected {}",
                    marked.count, folder.unread_count
                ));
            }
        }
        let note = format!("folder {BIG_FOLDER:?}, {} unread", folder.unread_count);
        self.cases.push(Case {
            name: "mark_all_read_big_view".to_string(),
            target_ms: Some(200.0),
            samples: read,
            cpu: read_cpu,
            note: note.clone(),
        });
        self.cases.push(Case {
            name: "undo_mark_all_read_big_view".to_string(),
            target_ms: None,
            samples: undone,
            cpu: undone_cpu,
            note,
        });
        Ok(())
    }

    /// Retention as it runs after a refresh: the day of read articles that aged past the limit
    /// since the last pass is removed. Each pass moves the limit one day, so every run of the
    /// benchmark removes a few of the oldest days of the cached database (0.1% a day at 1M).
    pub fn retention(&mut self) -> Outcome {
        let rt = self.runtime;
        let oldest = oldest_removable_age_days(self.library)?;
        let settings = rt.block_on(self.library.settings()).map_err(err)?;
        let keep = |days: i64| Settings {
            keep_read_days: days.max(1),
            ..settings.clone()
        };
        rt.block_on(self.library.set_settings(keep(oldest + 1)))
            .map_err(err)?;
        let (mut nothing_due, mut nothing_due_cpu) = (Vec::new(), Vec::new());
        for _ in 0..self.repeat {
            let clock = Clock::start();
            let removed = rt.block_on(self.library.apply_retention()).map_err(err)?;
            let (wall, cpu) = clock.stop();
            nothing_due.push(wall);
            nothing_due_cpu.push(cpu);
            if removed != 0 {
                return Err(format!("retention removed {removed} with nothing due"));
            }
        }
        let (mut one_day, mut one_day_cpu) = (Vec::new(), Vec::new());
        let mut removed_total = 0;
        let passes = self.repeat.clamp(1, 5);
        for pass in 0..passes as i64 {
            rt.block_on(self.library.set_settings(keep(oldest - 1 - pass)))
                .map_err(err)?;
            let clock = Clock::start();
            removed_total += rt.block_on(self.library.apply_retention()).map_err(err)?;
            let (wall, cpu) = clock.stop();
            one_day.push(wall);
            one_day_cpu.push(cpu);
        }
        rt.block_on(self.library.set_settings(settings))
            .map_err(err)?;
        self.cases.push(Case {
            name: "retention_pass_one_day_due".to_string(),
            target_ms: Some(1_000.0),
            samples: one_day,
            cpu: one_day_cpu,
            note: format!("{} removed per pass", removed_total / passes),
        });
        self.cases.push(Case {
            name: "retention_pass_nothing_due".to_string(),
            target_ms: Some(1_000.0),
            samples: nothing_due,
            cpu: nothing_due_cpu,
            note: String::new(),
        });
        Ok(())
    }
}

/// What a person types, from everywhere-words to rare ones, with and without the prefix match
/// of the word still being typed. Words are named by frequency rank (see `corpus::word`).
pub fn query_set() -> Vec<String> {
    let w = word;
    vec![
        format!("{} ", w(20_000)),
        format!("{} ", w(3_000)),
        format!("{} ", w(300)),
        format!("{} ", w(30)),
        format!("{} ", w(3)),
        format!("{} {} ", w(200), w(2_000)),
        format!("\"{} {}\" ", w(40), w(41)),
        format!("{} {}", w(5_000), w(800)),
        w(1_500)[..3].to_string(),
        w(1_500)[..2].to_string(),
        w(100),
    ]
}

/// The position after the first `depth` rows of `view`.
fn cursor_at(library: &Library, view: ArticleView, depth: usize) -> Result<ArticleCursor, String> {
    let query = ArticleQuery {
        view,
        after: None,
        limit: depth as u32,
        options: ListOptions::default(),
    };
    let page = library.store().list_articles(&query).map_err(err)?;
    let last = page.articles.last().ok_or("the view is empty")?;
    Ok(ArticleCursor {
        sort_at: last.sort_at,
        id: last.id,
    })
}

/// Whole days since the oldest article retention may remove (read, neither bookmarked nor
/// saved); keeping read articles for longer than this removes nothing.
fn oldest_removable_age_days(library: &Library) -> Result<i64, String> {
    let conn = rusqlite::Connection::open(library.store().path()).map_err(err)?;
    let oldest: Option<i64> = conn
        .query_row(
            "SELECT min(sort_at) FROM articles
             WHERE is_read = 1 AND is_bookmarked = 0 AND is_saved = 0",
            [],
            |row| row.get(0),
        )
        .map_err(err)?;
    let oldest = oldest.ok_or("no read articles to remove")?;
    Ok(((now() - oldest) / 86_400).min(SPAN_DAYS))
}
