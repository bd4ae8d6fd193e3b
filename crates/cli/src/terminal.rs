//! Core's reports as the person at the terminal sees them: the progress of long work on one line
//! of stderr, rewritten as it goes. Only when stderr is a terminal: a script or a pipe gets the
//! command's own lines alone.

use std::io::{IsTerminal, Write};

use tidings_core::api::{AppEvent, Reporter};

pub struct Terminal;

impl Terminal {
    /// Where a command's library reports: the terminal, or nowhere when stderr is not one.
    pub fn if_attached() -> Option<Terminal> {
        std::io::stderr().is_terminal().then_some(Terminal)
    }
}

impl Reporter for Terminal {
    fn report(&self, event: AppEvent) {
        let Some((line, finished)) = progress_line(&event) else {
            return;
        };
        let mut stderr = std::io::stderr().lock();
        // Back to the line's start and clear it, so each report replaces the one before.
        let _ = write!(stderr, "\r\x1b[2K{line}");
        if finished {
            let _ = writeln!(stderr);
        }
    }
}

/// The progress line an event shows, and whether the work it reports is done.
fn progress_line(event: &AppEvent) -> Option<(String, bool)> {
    let (what, done, total) = match event {
        AppEvent::ImportProgress { done, total } => ("Importing feeds", *done, *total),
        AppEvent::RefreshProgress(progress) => ("Refreshing feeds", progress.done, progress.total),
        _ => return None,
    };
    Some((format!("{what}: {done} of {total}"), done >= total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_progress_is_one_line_ended_when_the_last_feed_is_in() {
        let halfway = AppEvent::ImportProgress {
            done: 60,
            total: 120,
        };
        let last = AppEvent::ImportProgress {
            done: 120,
            total: 120,
        };
        assert_eq!(
            progress_line(&halfway),
            Some(("Importing feeds: 60 of 120".to_string(), false))
        );
        assert_eq!(
            progress_line(&last),
            Some(("Importing feeds: 120 of 120".to_string(), true))
        );
    }

    #[test]
    fn what_a_command_prints_itself_is_not_repeated() {
        let report = tidings_core::api::WorkReport::PageRead { article_id: 7 };
        assert_eq!(progress_line(&AppEvent::WorkReport(report)), None);
    }
}
