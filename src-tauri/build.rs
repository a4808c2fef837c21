#[path = "../core/build_rpath.rs"]
mod build_rpath;

fn main() {
    // The app's own commands get permissions, so capabilities/ can grant exactly these.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "open_document",
            "summarize",
            "cancel_summary",
            "write_points",
            "cancel_writing",
            "close_document",
            "history_entries",
            "open_history_entry",
            "delete_history_entry",
            "clear_history",
            "startup_paths",
            "export_text",
        ]),
    ))
    .expect("tauri build configuration");
    build_rpath::emit_libtorch_rpath();
}
