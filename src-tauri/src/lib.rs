//! Brief's desktop shell: thin Tauri commands over brief-core, managed state, progress events.

mod commands;
mod error;
mod state;
pub mod views;

use state::AppState;
use std::process::ExitCode;
use tauri::Manager;

pub use error::{AppError, ErrorCode};

/// Starts the desktop app; without a display it says so instead of failing inside GTK.
pub fn run() -> ExitCode {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        eprintln!(
            "Brief needs a graphical display (DISPLAY and WAYLAND_DISPLAY are unset).\n\
             On the command line, use: brief summarize FILE..."
        );
        return ExitCode::from(2);
    }
    // A damaged PDF or model is reported in the window, not also as a crash on stderr.
    brief_core::document::panics::silence_caught_panics();
    let startup_paths = state::startup_paths(std::env::args_os().skip(1));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(move |app| {
            // The same database as the `brief` command's, so each reuses the other's summaries.
            let history = brief_core::history::default_path();
            app.manage(AppState::new(startup_paths, &history));
            // Load the models while the person picks a file, so the first summary is quick.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn_blocking(move || handle.state::<AppState>().warm_up());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::open_document,
            commands::summarize,
            commands::cancel_summary,
            commands::write_points,
            commands::cancel_writing,
            commands::close_document,
            commands::history_entries,
            commands::open_history_entry,
            commands::delete_history_entry,
            commands::clear_history,
            commands::startup_paths,
            commands::export_text,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime starts");
    ExitCode::SUCCESS
}
