//! The commands the UI calls. Each one is thin: file and model work happens in brief-core, on
//! blocking worker threads so the window never waits.

use crate::error::AppError;
use crate::state::{lock, AppState};
use crate::views::{DocId, DocumentView, Progress, RecentDocument, SummaryView};
use brief_core::Document;
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

/// Runs blocking work off the async runtime's threads.
async fn blocking<R: Send + 'static>(
    work: impl FnOnce() -> Result<R, AppError> + Send + 'static,
) -> Result<R, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Interrupted(e.to_string()))?
}

#[tauri::command]
pub async fn open_document(app: AppHandle, path: String) -> Result<DocumentView, AppError> {
    blocking(move || {
        let path = PathBuf::from(path);
        let doc = Document::open(&path)?;
        let state = app.state::<AppState>();
        // A recent list that can't be saved is no reason to refuse the document.
        let _ = lock(&state.recent).record(&path, doc.title.as_deref());
        let (id, open) = state.add_document(path, doc);
        Ok(DocumentView::new(id, &open.path, &open.doc))
    })
    .await
}

#[tauri::command]
pub async fn summarize(
    app: AppHandle,
    doc_id: DocId,
    points: usize,
) -> Result<SummaryView, AppError> {
    let state = app.state::<AppState>();
    let open = state.document(doc_id)?;
    let cancelled = state.start_summary(doc_id);
    blocking(move || {
        let state = app.state::<AppState>();
        let summary =
            state.summarize(&open.doc, points, &cancelled, &mut |stage, done, total| {
                let progress = Progress {
                    doc_id,
                    stage,
                    done,
                    total,
                };
                let _ = app.emit("summary-progress", progress);
            })?;
        Ok(SummaryView { doc_id, summary })
    })
    .await
}

#[tauri::command]
pub fn cancel_summary(state: State<'_, AppState>, doc_id: DocId) {
    state.cancel(doc_id);
}

#[tauri::command]
pub fn close_document(state: State<'_, AppState>, doc_id: DocId) {
    state.close_document(doc_id);
}

#[tauri::command]
pub fn recent_documents(state: State<'_, AppState>) -> Vec<RecentDocument> {
    lock(&state.recent).entries().to_vec()
}

#[tauri::command]
pub fn startup_paths(state: State<'_, AppState>) -> Vec<String> {
    state.startup_paths.clone()
}

/// Asks where to save the key points (the native dialog runs here, so the UI never names a
/// path to write) and writes Markdown or plain text by the chosen extension. `None` when the
/// person cancels.
#[tauri::command]
pub async fn export_text(
    app: AppHandle,
    default_path: String,
    markdown: String,
    plain: String,
    markdown_first: bool,
) -> Result<Option<String>, AppError> {
    let suggested = PathBuf::from(default_path);
    let mut dialog = app.dialog().file().set_title("Export key points");
    if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(name) = suggested.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    let filters: [(&str, &[&str]); 2] = [("Markdown", &["md"]), ("Plain text", &["txt"])];
    for (name, extensions) in if markdown_first {
        filters
    } else {
        [filters[1], filters[0]]
    } {
        dialog = dialog.add_filter(name, extensions);
    }
    let (sender, receiver) = tokio::sync::oneshot::channel();
    dialog.save_file(move |chosen| {
        let _ = sender.send(chosen);
    });
    let chosen = receiver.await.ok().flatten();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let is_markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let contents = if is_markdown { markdown } else { plain };
    blocking(move || {
        std::fs::write(&path, contents).map_err(|source| AppError::Write {
            path: path.clone(),
            source,
        })?;
        Ok(Some(path.display().to_string()))
    })
    .await
}
