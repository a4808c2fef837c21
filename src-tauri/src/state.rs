//! What the app holds between commands: open documents, the loaded model, cancel flags, the
//! history database.

use crate::error::AppError;
use crate::views::{DocId, Stage};
use brief_core::embed::default_models_dir;
use brief_core::history::{self, summary_key, History, StoredSummary};
use brief_core::written::{PointWriter, Progress};
use brief_core::{Document, PointCount, PointKind, Summarizer, Summary};
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

/// The work the app does for a document, each cancelled on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    KeySentences,
    Writing,
}

pub struct AppState {
    models_dir: PathBuf,
    /// Loaded on first use (or by `warm_up`); one summary runs at a time, as they share the CPU.
    summarizer: Mutex<Option<Summarizer>>,
    /// The writing model, likewise; documents waiting for it are written one after another.
    writer: Mutex<Option<PointWriter>>,
    documents: Mutex<HashMap<DocId, Arc<OpenDocument>>>,
    cancel_flags: Mutex<HashMap<(DocId, Job), Arc<AtomicBool>>>,
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
            writer: Mutex::new(None),
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
        kind: PointKind,
        points: PointCount,
    ) -> Option<StoredSummary<Summary>> {
        let history = self.history().ok()?;
        history
            .find_summary(&open.path, &open.content_hash, &summary_key(kind, points))
            .ok()
            .flatten()
    }

    /// Keeps a finished summary. A history that can't store it costs only the next reopen's
    /// head start, so the summary is still shown.
    pub fn remember_summary(&self, open: &OpenDocument, points: PointCount, summary: &Summary) {
        if let (Some(id), Ok(mut history)) = (open.history_id, self.history()) {
            let key = summary_key(summary.kind, points);
            if let Err(err) = history.store_summary(id, &open.content_hash, &key, summary) {
                eprintln!("brief: {err}");
            }
        }
    }

    /// Loads the models if nobody has yet; errors are reported when a summary asks for them.
    pub fn warm_up(&self) {
        drop(self.loaded_summarizer(|| {}));
        drop(self.loaded_writer(|| {}));
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
        self.cancel(id, Job::KeySentences);
        self.cancel(id, Job::Writing);
        lock(&self.documents).remove(&id);
    }

    /// A fresh cancel flag for a new `job` on `id`; an older one of the same job is cancelled.
    pub fn start(&self, id: DocId, job: Job) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Some(previous) = lock(&self.cancel_flags).insert((id, job), flag.clone()) {
            previous.store(true, Ordering::Relaxed);
        }
        flag
    }

    /// Forgets the cancel flag of a job that ended, unless a newer job replaced it.
    pub fn finish(&self, id: DocId, job: Job, flag: &Arc<AtomicBool>) {
        let mut flags = lock(&self.cancel_flags);
        if flags
            .get(&(id, job))
            .is_some_and(|current| Arc::ptr_eq(current, flag))
        {
            flags.remove(&(id, job));
        }
    }

    pub fn cancel(&self, id: DocId, job: Job) {
        if let Some(flag) = lock(&self.cancel_flags).remove(&(id, job)) {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// Summarises on the calling thread (a blocking worker), reporting progress; stops with
    /// `Cancelled` soon after `cancelled` is set.
    pub fn summarize(
        &self,
        doc: &Document,
        points: PointCount,
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

    /// Rewrites `key_sentences` of `doc` as written points on the calling thread (a blocking
    /// worker), reporting each point; stops with `Cancelled` soon after `cancelled` is set.
    pub fn write_points(
        &self,
        doc: &Document,
        key_sentences: &Summary,
        cancelled: &AtomicBool,
        report: &mut dyn FnMut(Progress),
        on_loading: impl FnOnce(),
    ) -> Result<Summary, AppError> {
        let writer = self.loaded_writer(on_loading)?;
        let writer = writer.as_ref().expect("loaded_writer loads it");
        // The embedder is borrowed per call, so key sentences of other documents never wait
        // for a whole written summary.
        let embed = |texts: &[&str]| -> brief_core::Result<Vec<Vec<f32>>> {
            let summarizer = self
                .loaded_summarizer(|| {})
                .map_err(|err| brief_core::Error::Model(err.to_string()))?;
            let summarizer = summarizer.as_ref().expect("loaded_summarizer loads it");
            summarizer.embedder().embed(texts, &mut |_, _| Ok(()))
        };
        let is_cancelled = || cancelled.load(Ordering::Relaxed);
        Ok(writer.write(&embed, doc, key_sentences, &is_cancelled, report)?)
    }

    /// The writing model, loaded on first use; holding the guard keeps other documents waiting.
    fn loaded_writer(
        &self,
        on_loading: impl FnOnce(),
    ) -> Result<MutexGuard<'_, Option<PointWriter>>, AppError> {
        let mut writer = lock(&self.writer);
        if writer.is_none() {
            on_loading();
            *writer = Some(PointWriter::load(&self.models_dir)?);
        }
        Ok(writer)
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
    fn a_new_job_cancels_the_previous_one_of_the_same_kind_only() {
        let dir = std::env::temp_dir().join(format!("brief-state-{}", std::process::id()));
        let state = AppState::new(Vec::new(), &dir.join("history.sqlite3"));
        let writing = state.start(7, Job::Writing);
        let first = state.start(7, Job::KeySentences);
        let second = state.start(7, Job::KeySentences);
        assert!(first.load(Ordering::Relaxed));
        assert!(!second.load(Ordering::Relaxed));
        assert!(!writing.load(Ordering::Relaxed));
        // The first summary ending must not drop the second one's flag.
        state.finish(7, Job::KeySentences, &first);
        state.cancel(7, Job::KeySentences);
        assert!(second.load(Ordering::Relaxed));
        assert!(!writing.load(Ordering::Relaxed));
        state.close_document(7);
        assert!(writing.load(Ordering::Relaxed));
        let third = state.start(7, Job::KeySentences);
        state.finish(7, Job::KeySentences, &third);
        assert!(lock(&state.cancel_flags).is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
