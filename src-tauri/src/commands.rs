//! The commands the UI calls. Each one is thin: file and model work happens in brief-core, on
//! blocking worker threads so the window never waits.

use crate::error::AppError;
use crate::state::{AppState, Job, OpenDocument};
use crate::views::{
    rfc3339, DocId, DocumentView, HistoryEntry, Progress, Stage, SummaryView, WrittenPoint,
};
use brief_core::document::read_file;
use brief_core::error::ErrorCode;
use brief_core::history::{content_hash, new_document};
use brief_core::written::Progress as Writing;
use brief_core::{Document, PointCount, PointKind, Summary};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
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

/// Reads a file and records it in the history (a history that fails is no reason to refuse
/// the document).
fn read_document(state: &AppState, path: PathBuf) -> Result<OpenDocument, AppError> {
    let bytes = read_file(&path)?;
    let doc = Document::parse(&bytes, Some(&path)).map_err(|err| err.in_file(&path))?;
    let hash = content_hash(&bytes);
    // One history entry per file, however it was reached.
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    let history_id = state.history().ok().and_then(|mut history| {
        history
            .record_open(&new_document(&path, &hash, &doc))
            .map_err(|err| eprintln!("brief: {err}"))
            .ok()
    });
    Ok(OpenDocument {
        path,
        doc,
        content_hash: hash,
        history_id,
        notice: None,
    })
}

#[tauri::command]
pub async fn open_document(app: AppHandle, path: String) -> Result<DocumentView, AppError> {
    blocking(move || {
        let state = app.state::<AppState>();
        let (id, open) = state.add_document(read_document(&state, PathBuf::from(path))?);
        Ok(DocumentView::new(id, &open))
    })
    .await
}

/// Opens a history entry: the file as it is now, or, if it is gone or unreadable, the copy
/// of its text the history kept, with a notice saying so.
#[tauri::command]
pub async fn open_history_entry(app: AppHandle, id: i64) -> Result<DocumentView, AppError> {
    blocking(move || {
        let state = app.state::<AppState>();
        let stored = state.history()?.document(id)?.ok_or(AppError::UnknownEntry)?;
        let open = match read_document(&state, stored.path.clone()) {
            Err(AppError::Core(err))
                if matches!(err.code(), ErrorCode::NotFound | ErrorCode::Unreadable) =>
            {
                let opened = rfc3339(stored.opened_at);
                let notice = format!(
                    "{} can't be read now ({}). This is the copy of its text Brief kept when you opened it on {} at {} UTC.",
                    stored.path.display(),
                    match err.code() {
                        ErrorCode::NotFound => "it was moved or deleted",
                        _ => "permission denied or a read error",
                    },
                    &opened[..10],
                    &opened[11..16],
                );
                OpenDocument {
                    doc: Document::from_extracted(stored.text, stored.title, stored.date)?,
                    path: stored.path,
                    content_hash: stored.content_hash,
                    history_id: Some(stored.id),
                    notice: Some(notice),
                }
            }
            other => other?,
        };
        let (doc_id, open) = state.add_document(open);
        Ok(DocumentView::new(doc_id, &open))
    })
    .await
}

/// Most recently opened first; a query matches titles, paths and text.
#[tauri::command]
pub async fn history_entries(
    app: AppHandle,
    query: String,
    limit: usize,
) -> Result<Vec<HistoryEntry>, AppError> {
    blocking(move || {
        let entries = app.state::<AppState>().history()?.entries(&query, limit)?;
        Ok(entries.into_iter().map(HistoryEntry::from).collect())
    })
    .await
}

#[tauri::command]
pub async fn delete_history_entry(app: AppHandle, id: i64) -> Result<(), AppError> {
    blocking(move || {
        app.state::<AppState>().history()?.delete(id)?;
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn clear_history(app: AppHandle) -> Result<(), AppError> {
    blocking(move || Ok(app.state::<AppState>().history()?.clear()?)).await
}

#[tauri::command]
pub async fn summarize(
    app: AppHandle,
    doc_id: DocId,
    points: PointCount,
) -> Result<SummaryView, AppError> {
    let state = app.state::<AppState>();
    let open = state.document(doc_id)?;
    let cancelled = state.start(doc_id, Job::KeySentences);
    blocking(move || {
        let state = app.state::<AppState>();
        let summary = key_sentences(&app, &state, doc_id, &open, points, &cancelled);
        state.finish(doc_id, Job::KeySentences, &cancelled);
        summary
    })
    .await
}

/// The key sentences: the stored ones of an unchanged document at once, else computed (with
/// progress events) and stored.
fn key_sentences(
    app: &AppHandle,
    state: &AppState,
    doc_id: DocId,
    open: &OpenDocument,
    points: PointCount,
    cancelled: &AtomicBool,
) -> Result<SummaryView, AppError> {
    if let Some(stored) = state.stored_summary(open, PointKind::Sentence, points) {
        return Ok(SummaryView {
            doc_id,
            summary: stored.summary,
            stored_at: Some(rfc3339(stored.created_at)),
        });
    }
    let summary = state.summarize(&open.doc, points, cancelled, &mut |stage, done, total| {
        emit_progress(app, doc_id, stage, done, total);
    })?;
    state.remember_summary(open, points, &summary);
    Ok(SummaryView {
        doc_id,
        summary,
        stored_at: None,
    })
}

fn emit_progress(app: &AppHandle, doc_id: DocId, stage: Stage, done: usize, total: usize) {
    let progress = Progress {
        doc_id,
        stage,
        done,
        total,
    };
    let _ = app.emit("summary-progress", progress);
}

#[tauri::command]
pub fn cancel_summary(state: State<'_, AppState>, doc_id: DocId) {
    state.cancel(doc_id, Job::KeySentences);
}

/// Written key points: each is sent as a `written-point` event as soon as it is written and
/// checked; the whole summary is the result. A newer request for the same document cancels
/// this one. An unchanged document gets its stored written points at once.
#[tauri::command]
pub async fn write_points(
    app: AppHandle,
    doc_id: DocId,
    points: PointCount,
) -> Result<SummaryView, AppError> {
    let state = app.state::<AppState>();
    let open = state.document(doc_id)?;
    let cancelled = state.start(doc_id, Job::Writing);
    blocking(move || {
        let state = app.state::<AppState>();
        let written = written_points(&app, &state, doc_id, &open, points, &cancelled);
        state.finish(doc_id, Job::Writing, &cancelled);
        written
    })
    .await
}

fn written_points(
    app: &AppHandle,
    state: &AppState,
    doc_id: DocId,
    open: &OpenDocument,
    points: PointCount,
    cancelled: &Arc<AtomicBool>,
) -> Result<SummaryView, AppError> {
    if let Some(stored) = state.stored_summary(open, PointKind::Written, points) {
        return Ok(SummaryView {
            doc_id,
            summary: stored.summary,
            stored_at: Some(rfc3339(stored.created_at)),
        });
    }
    let key_sentences: Summary =
        key_sentences(app, state, doc_id, open, points, cancelled)?.summary;
    let wanted = key_sentences.key_points.len();
    // Points shown so far: a second try replaces an earlier point and must not count again.
    let mut shown = 0;
    let summary = state.write_points(
        &open.doc,
        &key_sentences,
        cancelled,
        &mut |progress| match progress {
            Writing::Reading => emit_progress(app, doc_id, Stage::Writing, 0, wanted),
            Writing::Point { index, point } => {
                let event = WrittenPoint {
                    doc_id,
                    index,
                    point: point.clone(),
                };
                let _ = app.emit("written-point", event);
                shown = shown.max(index + 1);
                emit_progress(app, doc_id, Stage::Writing, shown, wanted);
            }
        },
        || emit_progress(app, doc_id, Stage::LoadingWriter, 0, 1),
    )?;
    state.remember_summary(open, points, &summary);
    Ok(SummaryView {
        doc_id,
        summary,
        stored_at: None,
    })
}

#[tauri::command]
pub fn cancel_writing(state: State<'_, AppState>, doc_id: DocId) {
    state.cancel(doc_id, Job::Writing);
}

#[tauri::command]
pub fn close_document(state: State<'_, AppState>, doc_id: DocId) {
    state.close_document(doc_id);
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
