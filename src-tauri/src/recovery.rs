//! Opening the library at startup, and what happens when that fails: instead of a crash, the
//! window shows a recovery screen, which can back the file up, start fresh (keeping the old file
//! aside) or try again. The same screen comes when a check of the library in use (after an
//! unclean shutdown, and weekly) finds its file damaged.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tauri::async_runtime::{Mutex, spawn_blocking};
use tauri::{AppHandle, Manager};
use tidings_core::api::{AppEvent, RecoveryAction, RecoveryReport, StartupProblem, UserError};
use tidings_core::library::Damage;
use tidings_core::{Library, Refresher, store};

use crate::declare::Shell;
use crate::{events, notify};

/// The database's path and, while it could not be opened, why. Whoever opens the library holds
/// the lock until it is open or has failed, so asking waits for the outcome: the library's state
/// is managed once [`startup_problem`] answers.
pub struct Startup {
    path: PathBuf,
    problem: Arc<Mutex<Option<StartupProblem>>>,
}

impl Startup {
    /// Starts opening the library at `path` and its background refreshes, beside the window's page
    /// loading rather than before it: creating a new library takes ~10 ms and an upgrade of a big
    /// one minutes, neither of which the first paint should wait for.
    pub fn open_in_background(app: &AppHandle, path: PathBuf) -> Startup {
        let problem = Arc::new(Mutex::new(None));
        let mut opening = Arc::clone(&problem)
            .try_lock_owned()
            .expect("a new lock is free");
        let (app, opening_path) = (app.clone(), path.clone());
        tauri::async_runtime::spawn(async move { *opening = open(app, opening_path).await });
        Startup { path, problem }
    }
}

/// Opens the library off the async runtime's threads (migrating a big one can take minutes), and
/// reports a panic while opening as a problem: the recovery screen can still try again.
async fn open(app: AppHandle, path: PathBuf) -> Option<StartupProblem> {
    let shown = path.display().to_string();
    spawn_blocking(move || start(&app, &path).err())
        .await
        .unwrap_or_else(|error| {
            tracing::error!(%error, "opening the library failed");
            Some(StartupProblem {
                path: shown,
                reason: error.to_string(),
                damaged: false,
            })
        })
}

fn start(app: &AppHandle, path: &Path) -> Result<(), StartupProblem> {
    tracing::info!(path = %path.display(), "opening library");
    let library = Library::open(path)
        .map_err(|error| {
            tracing::error!(%error, "the library could not be opened");
            StartupProblem {
                path: path.display().to_string(),
                reason: error.to_string(),
                damaged: false,
            }
        })?
        .reporting_to(Arc::new(events::Window(app.clone())));
    let refresher = Refresher::new(library.clone());
    let worker = library.clone();
    tauri::async_runtime::spawn(async move { worker.do_work_as_asked().await });
    let syncer = library.clone();
    tauri::async_runtime::spawn(async move { syncer.run_sync_schedule().await });
    let checking = library.clone();
    let handle = app.clone();
    // After an unclean shutdown, and weekly, while the library is in use.
    tauri::async_runtime::spawn(async move {
        match checking.check_health_if_due().await {
            Ok(Some(damage)) => found_damaged(&handle, damage).await,
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "could not check the library's file"),
        }
    });
    app.manage(library);
    app.manage(Arc::clone(&refresher));
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        refresher
            .run_schedule(|summary| notify::new_articles(&handle, summary))
            .await;
    });
    Ok(())
}

/// The library in use was found damaged: the recovery screen takes the window's place.
async fn found_damaged(app: &AppHandle, damage: Damage) {
    let startup = app.state::<Startup>();
    let first = damage.problems.lines().next().unwrap_or_default();
    let problem = StartupProblem {
        path: startup.path.display().to_string(),
        reason: format!(
            "Its file is damaged ({first}). A copy of it as it was found is at {}.",
            damage.backup.display()
        ),
        damaged: true,
    };
    *startup.problem.lock().await = Some(problem.clone());
    events::send(app, AppEvent::LibraryDamaged(problem));
}

/// Why the library could not be opened, or nothing when it is open; waits while it is opening.
pub async fn startup_problem(app: &AppHandle) -> Result<Option<StartupProblem>, UserError> {
    Ok(app.state::<Startup>().problem.lock().await.clone())
}

/// Carries out the person's choice on the recovery screen; when the library opens, the problem
/// is gone from the report and the UI can load.
pub async fn recover(app: &AppHandle, action: RecoveryAction) -> Result<RecoveryReport, UserError> {
    let startup = app.state::<Startup>();
    let mut problem = startup.problem.lock().await;
    if problem.is_none() {
        return Ok(RecoveryReport {
            problem: None,
            copy: None,
        });
    }
    let damaged = problem.as_ref().is_some_and(|p| p.damaged);
    let copy = match action {
        // The damaged library is in use: checked again, not opened again.
        RecoveryAction::Retry if damaged => {
            if app.library()?.file_problems().await?.is_empty() {
                *problem = None;
            }
            return Ok(RecoveryReport {
                problem: problem.clone(),
                copy: None,
            });
        }
        // The library in use cannot be swapped for a new one: the file is set aside and
        // Tidings starts again, with a fresh library.
        RecoveryAction::StartFresh if damaged => {
            let aside = store::set_aside(&startup.path)?;
            tracing::warn!(aside = %aside.display(), "damaged library set aside; starting again");
            app.restart();
        }
        RecoveryAction::BackUp => {
            let copy = store::copy_aside(&startup.path)?;
            tracing::info!(copy = %copy.display(), "unreadable library copied");
            return Ok(RecoveryReport {
                problem: problem.clone(),
                copy: Some(copy.display().to_string()),
            });
        }
        RecoveryAction::StartFresh => {
            let aside = store::set_aside(&startup.path)?;
            tracing::warn!(aside = %aside.display(), "unreadable library set aside; starting fresh");
            Some(aside.display().to_string())
        }
        RecoveryAction::Retry => None,
    };
    *problem = open(app.clone(), startup.path.clone()).await;
    Ok(RecoveryReport {
        problem: problem.clone(),
        copy,
    })
}
