//! What the app holds between commands: open documents, the loaded model, cancel flags, the
//! history database.

use crate::error::AppError;
use crate::views::{DocId, Stage};
use brief_core::embed::default_models_dir;
use brief_core::history::{self, summary_key, History, StoredSummary};
use brief_core::{Document, Summarizer, Summary};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

pub struct OpenDocument {
    pub path: PathBuf,
    pub doc: Document,
    /// Of the bytes the document was read from; with the path, it finds stored summaries.
    pub content_hash: String,
    /// Its history entry, when the history is working.
    pub history_id: Option<i64>,
    /// Shown above the original, e.g. when this is the stored copy of a vanished file.
    pub notice: Option<String>,
}

pub struct AppState {
    models_dir: PathBuf,
    /// Loaded on first use (or by `warm_up`); one summary runs at a time, as they share the CPU.
    summarizer: Mutex<Option<Summarizer>>,
    documents: Mutex<HashMap<DocId, Arc<OpenDocument>>>,
    cancel_flags: Mutex<HashMap<DocId, Arc<AtomicBool>>>,
    next_id: AtomicU32,
    pub startup_paths: Vec<String>,
    /// `Err` says why there is no history; the app works on without one.
    history: Result<Mutex<History>, String>,
}

/// A poisoned lock only means another command panicked; the data is still usable.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    /// `history_file` is opened, or recovered (a damaged one is moved aside, never deleted).
    pub fn new(startup_paths: Vec<String>, history_file: &Path) -> AppState {
        let history = history::open(history_file)
            .map(Mutex::new)
            .map_err(|err| err.to_string());
        AppState {
            models_dir: default_models_dir(),
            summarizer: Mutex::new(None),
            documents: Mutex::new(HashMap::new()),
            cancel_flags: Mutex::new(HashMap::new()),
            next_id: AtomicU32::new(1),
            startup_paths,
            history,
        }
    }

    /// The history database, or why it is unavailable.
    pub fn history(&self) -> Result<MutexGuard<'_, History>, AppError> {
        match &self.history {
            Ok(history) => Ok(lock(history)),
            Err(reason) => Err(AppError::NoHistory(reason.clone())),
        }
    }

    /// The summary stored for this document's current content, if any.
    pub fn stored_summary(
        &self,
        open: &OpenDocument,
        points: usize,
    ) -> Option<StoredSummary<Summary>> {
        let history = self.history().ok()?;
        history
            .find_summary(&open.path, &open.content_hash, &summary_key(points))
            .ok()
            .flatten()
    }

    /// Keeps a finished summary. A history that can't store it costs only the next reopen's
    /// head start, so the summary is still shown.
    pub fn remember_summary(&self, open: &OpenDocument, points: usize, summary: &Summary) {
        if let (Some(id), Ok(mut history)) = (open.history_id, self.history()) {
            if let Err(err) =
                history.store_summary(id, &open.content_hash, &summary_key(points), summary)
            {
                eprintln!("brief: {err}");
            }
        }
    }

    /// Loads the model if nobody has yet; errors are reported when a summary asks for it.
    pub fn warm_up(&self) {
        drop(self.loaded_summarizer(|| {}));
    }

    pub fn add_document(&self, open: OpenDocument) -> (DocId, Arc<OpenDocument>) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let open = Arc::new(open);
        lock(&self.documents).insert(id, open.clone());
        (id, open)
    }

    pub fn document(&self, id: DocId) -> Result<Arc<OpenDocument>, AppError> {
        lock(&self.documents)
            .get(&id)
            .cloned()
            .ok_or(AppError::UnknownDocument)
    }

    pub fn close_document(&self, id: DocId) {
        self.cancel(id);
        lock(&self.documents).remove(&id);
    }

    /// A fresh cancel flag for a new summary of `id`; an older summary of it is cancelled.
    pub fn start_summary(&self, id: DocId) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Some(previous) = lock(&self.cancel_flags).insert(id, flag.clone()) {
            previous.store(true, Ordering::Relaxed);
        }
        flag
    }

    /// Forgets the cancel flag of a summary that ended, unless a newer summary replaced it.
    pub fn finish_summary(&self, id: DocId, flag: &Arc<AtomicBool>) {
        let mut flags = lock(&self.cancel_flags);
        if flags
            .get(&id)
            .is_some_and(|current| Arc::ptr_eq(current, flag))
        {
            flags.remove(&id);
        }
    }

    pub fn cancel(&self, id: DocId) {
        if let Some(flag) = lock(&self.cancel_flags).remove(&id) {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// Summarises on the calling thread (a blocking worker), reporting progress; stops with
    /// `Cancelled` soon after `cancelled` is set.
    pub fn summarize(
        &self,
        doc: &Document,
        points: usize,
        cancelled: &AtomicBool,
        report: &mut dyn FnMut(Stage, usize, usize),
    ) -> Result<Summary, AppError> {
        let summarizer = self.loaded_summarizer(|| report(Stage::LoadingModel, 0, 1))?;
        let summarizer = summarizer.as_ref().expect("loaded_summarizer loads it");
        let summary = summarizer.summarize(doc, points, &mut |stage, done, total| {
            if cancelled.load(Ordering::Relaxed) {
                return Err(brief_core::Error::Cancelled);
            }
            report(stage.into(), done, total);
            Ok(())
        })?;
        Ok(summary)
    }

    /// The model, loaded on first use; holding the guard keeps other summaries waiting.
    fn loaded_summarizer(
        &self,
        on_loading: impl FnOnce(),
    ) -> Result<MutexGuard<'_, Option<Summarizer>>, AppError> {
        let mut summarizer = lock(&self.summarizer);
        if summarizer.is_none() {
            on_loading();
            *summarizer = Some(Summarizer::load(&self.models_dir)?);
        }
        Ok(summarizer)
    }
}

/// The files named on the command line ("Open with" passes them too), as absolute paths.
pub fn startup_paths(args: impl Iterator<Item = OsString>) -> Vec<String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    args.filter(|arg| !arg.to_string_lossy().starts_with('-'))
        .map(|arg| cwd.join(arg).display().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_paths_become_absolute_and_flags_are_skipped() {
        let cwd = std::env::current_dir().unwrap();
        let paths = startup_paths(
            ["statement.txt", "--verbose", "/tmp/other.md"]
                .into_iter()
                .map(OsString::from),
        );
        assert_eq!(
            paths,
            [
                cwd.join("statement.txt").display().to_string(),
                "/tmp/other.md".to_string()
            ]
        );
    }

    #[test]
    fn a_new_summary_cancels_the_previous_one_of_the_same_document() {
        let dir = std::env::temp_dir().join(format!("brief-state-{}", std::process::id()));
        let state = AppState::new(Vec::new(), &dir.join("history.sqlite3"));
        let first = state.start_summary(7);
        let second = state.start_summary(7);
        assert!(first.load(Ordering::Relaxed));
        assert!(!second.load(Ordering::Relaxed));
        // The first summary ending must not drop the second one's flag.
        state.finish_summary(7, &first);
        state.cancel(7);
        assert!(second.load(Ordering::Relaxed));
        let third = state.start_summary(7);
        state.finish_summary(7, &third);
        assert!(lock(&state.cancel_flags).is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
