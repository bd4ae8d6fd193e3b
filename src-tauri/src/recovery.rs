//! Opening the library at startup, and what happens when that fails: instead of a crash, the
//! window shows a recovery screen, which can back the file up, start fresh (keeping the old file
//! aside) or try again.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tauri::{AppHandle, Manager, State};
use tidings_core::api::{RecoveryAction, RecoveryReport, StartupProblem, UserError};
use tidings_core::{Library, Refresher, store};

use crate::{commands, notify};

/// The database's path and, while it could not be opened, why.
pub struct Startup {
    path: PathBuf,
    problem: Mutex<Option<StartupProblem>>,
}

impl Startup {
    /// Opens the library at `path` and starts its background refreshes, or records why not.
    pub fn open(app: &AppHandle, path: PathBuf) -> Startup {
        let problem = start(app, &path).err();
        Startup {
            path,
            problem: Mutex::new(problem),
        }
    }

    fn problem(&self) -> Option<StartupProblem> {
        self.problem
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

fn start(app: &AppHandle, path: &Path) -> Result<(), StartupProblem> {
    tracing::info!(path = %path.display(), "opening library");
    let library = Library::open(path).map_err(|error| {
        tracing::error!(%error, "the library could not be opened");
        StartupProblem {
            path: path.display().to_string(),
            reason: error.to_string(),
        }
    })?;
    let refresher = Refresher::new(library.clone());
    app.manage(library);
    app.manage(Arc::clone(&refresher));
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        let progress = |p| commands::emit(&handle, "refresh-progress", p);
        let finished = |result: tidings_core::Result<_>| {
            if let Ok(summary) = &result {
                notify::new_articles(&handle, summary);
            }
            commands::report_refresh(&handle, result);
        };
        refresher.run_schedule(progress, finished).await;
    });
    Ok(())
}

/// Why the library could not be opened, or nothing when it is open.
#[tauri::command]
pub fn startup_problem(startup: State<'_, Startup>) -> Option<StartupProblem> {
    startup.problem()
}

/// Carries out the person's choice on the recovery screen; when the library opens, the problem
/// is gone from the report and the UI can load.
#[tauri::command]
pub fn recover(
    app: AppHandle,
    startup: State<'_, Startup>,
    action: RecoveryAction,
) -> Result<RecoveryReport, UserError> {
    let mut problem = startup.problem.lock().unwrap_or_else(|p| p.into_inner());
    if problem.is_none() {
        return Ok(RecoveryReport {
            problem: None,
            copy: None,
        });
    }
    let to_user = |e: tidings_core::Error| e.to_user();
    let copy = match action {
        RecoveryAction::BackUp => {
            let copy = store::copy_aside(&startup.path).map_err(to_user)?;
            tracing::info!(copy = %copy.display(), "unreadable library copied");
            return Ok(RecoveryReport {
                problem: problem.clone(),
                copy: Some(copy.display().to_string()),
            });
        }
        RecoveryAction::StartFresh => {
            let aside = store::set_aside(&startup.path).map_err(to_user)?;
            tracing::warn!(aside = %aside.display(), "unreadable library set aside; starting fresh");
            Some(aside.display().to_string())
        }
        RecoveryAction::Retry => None,
    };
    *problem = start(&app, &startup.path).err();
    Ok(RecoveryReport {
        problem: problem.clone(),
        copy,
    })
}
