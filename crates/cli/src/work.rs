//! The work a command asks for that needs the network (pictures kept offline, a saved page
//! read), done before the command exits, as the app would do it in the background.

use std::sync::Mutex;

use tidings_core::Library;
use tidings_core::api::{ArticleId, WorkReport};

/// Does the work due on `articles` and returns what became of it. What cannot be done for now
/// stays asked for in the database: the app, or a later command, does it.
pub async fn do_asked_work(
    library: &Library,
    articles: &[ArticleId],
) -> tidings_core::Result<Vec<WorkReport>> {
    let reports = Mutex::new(Vec::new());
    let report = |r| reports.lock().unwrap_or_else(|p| p.into_inner()).push(r);
    library.do_work_on(articles, &report).await?;
    Ok(reports.into_inner().unwrap_or_else(|p| p.into_inner()))
}

/// One line for the person at the terminal.
pub fn work_done_text(report: &WorkReport) -> String {
    match report {
        WorkReport::ImagesKept { article_id, kept } => {
            let missing = kept.failed + kept.over_cap + kept.waiting;
            if missing == 0 {
                format!("article {article_id}: {} images kept offline", kept.stored)
            } else {
                format!(
                    "article {article_id}: {} images kept offline, {missing} could not be kept",
                    kept.stored
                )
            }
        }
        WorkReport::WaitingForNetwork { article_id, reason } => format!(
            "article {article_id}: not kept offline yet ({reason}); Tidings tries again when it \
             next runs"
        ),
        WorkReport::PageRead { article_id } => format!("article {article_id}: page read"),
    }
}
