//! How Brief files documents and summaries in its history (brief-history): under which key a
//! summary is stored, so that the app and the `brief` command reuse each other's work.

use crate::document::Document;
use crate::embed::MODEL_NAME;
use crate::summary::{PointCount, PointKind};
use crate::written::WRITER_MODEL_NAME;
use brief_history::{NewDocument, SummaryKey};
use std::path::Path;

pub use brief_history::{content_hash, default_path, Entry, Error, History, StoredSummary};

/// Opens the history at `path`. A damaged database is moved aside (never deleted), which is
/// said on stderr, and a new one started.
pub fn open(path: &Path) -> Result<History, Error> {
    let (history, moved) = History::open_or_recover(path)?;
    if let Some(moved) = moved {
        eprintln!(
            "brief: the history database was damaged; it was moved to {} and a new one started",
            moved.display()
        );
    }
    Ok(history)
}

/// What made a summary besides the model: the reading of documents (structure) and the
/// ranking. Changing either makes stored summaries stale, so it is part of their key.
const PIPELINE_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+ranking-2");

/// A stored summary is reused only if the same kind of points, the same model, the same
/// version of Brief's pipeline and the same count of points (0 stands for the automatic count)
/// made it.
pub fn summary_key(kind: PointKind, points: PointCount) -> SummaryKey<'static> {
    let (mode, model) = match kind {
        PointKind::Sentence => ("sentences", MODEL_NAME),
        PointKind::Written => ("written", WRITER_MODEL_NAME),
    };
    SummaryKey {
        mode,
        points: match points {
            PointCount::Fixed(n) => n as u32,
            PointCount::Auto => 0,
        },
        model,
        model_version: PIPELINE_VERSION,
    }
}

/// The history record of `doc`, read from `path` with content hash `hash`.
pub fn new_document<'a>(path: &'a Path, hash: &'a str, doc: &'a Document) -> NewDocument<'a> {
    NewDocument {
        path,
        content_hash: hash,
        title: doc.title.as_deref(),
        date: doc.date.as_deref(),
        text: &doc.text,
        words: doc.words(),
    }
}
