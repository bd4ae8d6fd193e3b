//! Damage found early: after a start that followed an unclean shutdown, and weekly, the library
//! checks its own file in the background; damage found is copied aside first (the copy keeps
//! what can still be read), then reported so that the app can offer the recovery screen.

use std::path::PathBuf;

use super::Library;
use crate::{Result, Timestamp, now, store};

/// When the file was last checked (seconds since the epoch).
const LAST_CHECKED: &str = "last_quick_check_at";
/// A sound file is checked again a week later.
const CHECK_EVERY: Timestamp = 7 * 86_400;

/// What a check found wrong with the library's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// SQLite's own words, a problem a line.
    pub problems: String,
    /// The copy of the damaged file taken before anything else.
    pub backup: PathBuf,
}

impl Library {
    /// What SQLite's `quick_check` finds wrong with the library's file now (nothing when sound).
    pub async fn file_problems(&self) -> Result<Vec<String>> {
        self.blocking(|s| s.quick_check()).await
    }

    /// Checks the library's file if it is due (after an unclean shutdown, or a week after the
    /// last check); `None` when it was not due or is sound.
    pub async fn check_health_if_due(&self) -> Result<Option<Damage>> {
        let unclean = self.store.opened_after_unclean_stop();
        let last = self
            .blocking(|s| s.setting(LAST_CHECKED))
            .await?
            .and_then(|at| at.parse::<Timestamp>().ok());
        let due = unclean || last.is_none_or(|at| now() - at >= CHECK_EVERY);
        if !due {
            return Ok(None);
        }
        let problems = self.file_problems().await?;
        if problems.is_empty() {
            self.blocking(|s| s.set_setting(LAST_CHECKED, &now().to_string()))
                .await?;
            return Ok(None);
        }
        let path = self.store.path().to_path_buf();
        let backup = tokio::task::spawn_blocking(move || store::copy_aside(&path)).await??;
        tracing::error!(backup = %backup.display(), "the library's file is damaged: {}", problems.join("; "));
        Ok(Some(Damage {
            problems: problems.join("\n"),
            backup,
        }))
    }
}
