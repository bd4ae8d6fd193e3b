//! The desktop shell: one window, its navigation rules, and the commands and events that connect
//! the UI to `tidings-core`. No product logic lives here.

#[macro_use]
mod declare;
#[cfg(test)]
mod capability;
mod commands;
mod dialogs;
mod events;
mod images;
mod launch;
mod notify;
mod recovery;
#[cfg(test)]
mod typescript;
mod window;

use tauri::Manager;

pub fn run() {
    #[cfg(target_os = "linux")]
    without_optimizing_javascript_compilers();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                // The deep-link plugin warns about every launch argument that is not a
                // `tidings:` link, feed links included, which `launch` reads itself.
                .unwrap_or_else(|_| "info,tidings_core=info,tauri_plugin_deep_link=error".into()),
        )
        .with_writer(std::io::stderr)
        .init();

    tauri::Builder::default()
        // First, so that a second launch hands over to the running app before doing anything.
        .plugin(tauri_plugin_single_instance::init(|app, argv, _cwd| {
            window::bring_forward(app);
            launch::hand_over(app, argv);
        }))
        // `tidings:` links: the macOS and Windows bundles register the scheme from this plugin's
        // entry in tauri.conf.json (Linux's desktop file lists it), and macOS delivers them
        // through the plugin.
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .register_asynchronous_uri_scheme_protocol(tidings_core::media::SCHEME, images::serve)
        .setup(|app| {
            let db_path = app.path().app_data_dir()?.join("tidings.db");
            // A library that cannot be opened shows the recovery screen, never a crash.
            let startup = recovery::Startup::open_in_background(app.handle(), db_path);
            app.manage(startup);
            // args_os: a file name that is not valid UTF-8 must not stop the app from starting.
            let argv = std::env::args_os().map(|a| a.to_string_lossy().into_owned());
            app.manage(launch::Pending::from_arguments(argv));
            // macOS hands a link opened with the app to it as an event, never as an argument.
            #[cfg(target_os = "macos")]
            {
                use tauri_plugin_deep_link::DeepLinkExt;
                let handle = app.handle().clone();
                app.deep_link().on_open_url(move |event| {
                    launch::receive(&handle, event.urls().into_iter().map(String::from));
                });
            }
            window::create_main(app.handle())?;
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!("tauri.conf.json"))
        .expect("Tidings failed to start");
}

/// WebKitGTK's JavaScript engine with its first JIT only: no DFG (and so no FTL) compiler. The
/// page is Tidings' own small UI — no remote script ever runs — and what those compilers used
/// stayed in the web process: ~10 MB of its memory after scrolling a long list, with scrolling
/// as smooth without them (docs/performance/runs/2026-11-27-app-start-and-memory.md, run G). A
/// `JSC_useDFGJIT` set in the environment still wins.
#[cfg(target_os = "linux")]
fn without_optimizing_javascript_compilers() {
    const OPTION: &str = "JSC_useDFGJIT";
    if std::env::var_os(OPTION).is_none() {
        // SAFETY: first thing in `run`, on the main thread, before any other thread exists;
        // WebKit's web process inherits the environment when it is started, later.
        unsafe { std::env::set_var(OPTION, "false") };
    }
}
