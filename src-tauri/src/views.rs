//! What the commands and events send to the UI. The TypeScript side (ui/src/bindings.ts) is
//! generated from these types; a test fails when the two drift apart.

use crate::state::OpenDocument;
use brief_core::document::SentenceKind;
use brief_core::history::Entry;
use brief_core::{Document, KeyPoint, Summary};
use serde::Serialize;
use std::path::Path;
use std::time::{Duration, UNIX_EPOCH};
use ts_rs::TS;

pub type DocId = u32;

#[derive(Serialize, TS)]
pub struct DocumentView {
    /// Assigned by the app, unique per opened document.
    pub id: DocId,
    pub path: String,
    pub file_name: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD` if the statement states one.
    pub date: Option<String>,
    pub encoding: String,
    pub words: usize,
    pub reading_minutes: usize,
    /// The sentences of the original; `Evidence.sentence` indexes into this.
    pub sentences: Vec<String>,
    /// Sentence indices per paragraph, in order.
    pub paragraphs: Vec<Vec<usize>>,
    /// The sentences that are section headings (shown as headings; never key points).
    pub headings: Vec<usize>,
    /// Transcript asides and stage directions, "(Applause.)" (shown quietly).
    pub asides: Vec<usize>,
    /// A sentence to show above the original, e.g. that this is the stored copy of a file
    /// that is gone.
    pub notice: Option<String>,
}

impl DocumentView {
    pub fn new(id: DocId, open: &OpenDocument) -> DocumentView {
        let (path, doc) = (&open.path, &open.doc);
        DocumentView {
            id,
            path: path.display().to_string(),
            file_name: file_name(path),
            title: doc.title.clone(),
            date: doc.date.clone(),
            encoding: doc.encoding.to_string(),
            words: doc.words(),
            reading_minutes: doc.reading_minutes(),
            sentences: doc.sentence_texts().into_iter().map(String::from).collect(),
            paragraphs: doc.paragraphs(),
            headings: sentences_of_kind(doc, SentenceKind::Heading),
            asides: sentences_of_kind(doc, SentenceKind::Aside),
            notice: open.notice.clone(),
        }
    }
}

fn sentences_of_kind(doc: &Document, kind: SentenceKind) -> Vec<usize> {
    (0..doc.sentences.len())
        .filter(|&i| doc.kind(i) == kind)
        .collect()
}

#[derive(Serialize, TS)]
#[ts(rename = "Summary")]
pub struct SummaryView {
    pub doc_id: DocId,
    #[serde(flatten)]
    #[ts(flatten)]
    pub summary: Summary,
    /// RFC 3339, UTC: when this summary was made, if it was read back from the history
    /// instead of computed now.
    pub stored_at: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ProgressStage")]
pub enum Stage {
    LoadingModel,
    Embedding,
    Ranking,
    /// Loading the writing model (first written points only).
    LoadingWriter,
    /// `done` of `total` written points are out.
    Writing,
}

impl From<brief_core::Stage> for Stage {
    fn from(stage: brief_core::Stage) -> Stage {
        match stage {
            brief_core::Stage::Embedding => Stage::Embedding,
            brief_core::Stage::Ranking => Stage::Ranking,
        }
    }
}

/// Payload of the `summary-progress` event.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Progress {
    pub doc_id: DocId,
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// Payload of the `written-point` event: point `index` of a document's written key points,
/// sent as soon as it is written and checked.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WrittenPoint {
    pub doc_id: DocId,
    pub index: usize,
    pub point: KeyPoint,
}

/// One document in the history list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct HistoryEntry {
    pub id: i64,
    pub path: String,
    pub file_name: String,
    pub title: Option<String>,
    pub date: Option<String>,
    /// RFC 3339, UTC.
    pub opened_at: String,
    pub words: usize,
    /// A summary of its current content is stored.
    pub summarized: bool,
    /// Text around the search match, or null.
    pub snippet: Option<String>,
}

impl From<Entry> for HistoryEntry {
    fn from(entry: Entry) -> HistoryEntry {
        HistoryEntry {
            id: entry.id,
            path: entry.path.display().to_string(),
            file_name: file_name(&entry.path),
            title: entry.title,
            date: entry.date,
            opened_at: rfc3339(entry.opened_at),
            words: entry.words,
            summarized: entry.summarized,
            snippet: entry.snippet,
        }
    }
}

/// Unix milliseconds as RFC 3339 UTC, as the UI reads times.
pub fn rfc3339(unix_ms: i64) -> String {
    let time = UNIX_EPOCH + Duration::from_millis(unix_ms.max(0) as u64);
    humantime::format_rfc3339_seconds(time).to_string()
}

pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorCode, ErrorView};
    use brief_core::guard::{Check, Issue};
    use brief_core::summary::Timings;
    use brief_core::{Evidence, PointKind};

    const BINDINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");

    fn generated() -> String {
        let cfg = ts_rs::Config::new().with_large_int("number");
        let declarations = [
            Evidence::decl(&cfg),
            PointKind::decl(&cfg),
            Check::decl(&cfg),
            Issue::decl(&cfg),
            KeyPoint::decl(&cfg),
            Timings::decl(&cfg),
            SummaryView::decl(&cfg),
            DocumentView::decl(&cfg),
            HistoryEntry::decl(&cfg),
            ErrorCode::decl(&cfg),
            ErrorView::decl(&cfg),
            Stage::decl(&cfg),
            Progress::decl(&cfg),
            WrittenPoint::decl(&cfg),
        ];
        let mut out = String::from(
            "// Generated from the Rust types in src-tauri/src/views.rs and brief-core; do not edit.\n\
             // `UPDATE_BINDINGS=1 cargo test -p brief-app bindings` writes it again.\n\n",
        );
        for declaration in declarations {
            out.push_str("export ");
            out.push_str(&declaration);
            out.push('\n');
        }
        out
    }

    #[test]
    fn bindings_match_the_rust_types() {
        let expected = generated();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(BINDINGS, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(BINDINGS).unwrap();
        assert!(
            actual == expected,
            "ui/src/bindings.ts is out of date; run UPDATE_BINDINGS=1 cargo test -p brief-app bindings\n\nexpected:\n{expected}"
        );
    }

    #[test]
    fn a_summary_crosses_with_its_document_id() {
        let view = SummaryView {
            doc_id: 3,
            summary: Summary {
                key_points: vec![KeyPoint {
                    text: "Italy joined the coalition.".into(),
                    evidence: vec![Evidence {
                        sentence: 4,
                        start: 120,
                        end: 147,
                    }],
                    kind: PointKind::Written,
                    issues: vec![Issue {
                        check: Check::Number,
                        detail: "4,500 is not in the statement".into(),
                    }],
                }],
                kind: PointKind::Written,
                auto_count: false,
                model: "m".into(),
                timings_ms: Timings::default(),
            },
            stored_at: None,
        };
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["doc_id"], 3);
        assert_eq!(json["key_points"][0]["evidence"][0]["sentence"], 4);
        assert_eq!(json["kind"], "written");
        assert_eq!(json["key_points"][0]["issues"][0]["check"], "number");
    }
}
