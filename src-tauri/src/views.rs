//! What the commands and events send to the UI. The TypeScript side (ui/src/bindings.ts) is
//! generated from these types; a test fails when the two drift apart.

use brief_core::{Document, Summary};
use serde::Serialize;
use std::path::Path;
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
}

impl DocumentView {
    pub fn new(id: DocId, path: &Path, doc: &Document) -> DocumentView {
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
        }
    }
}

#[derive(Serialize, TS)]
#[ts(rename = "Summary")]
pub struct SummaryView {
    pub doc_id: DocId,
    #[serde(flatten)]
    #[ts(flatten)]
    pub summary: Summary,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ProgressStage")]
pub enum Stage {
    LoadingModel,
    Embedding,
    Ranking,
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

#[derive(Debug, Clone, Serialize, serde::Deserialize, TS)]
pub struct RecentDocument {
    pub path: String,
    pub title: Option<String>,
    pub file_name: String,
    /// RFC 3339, UTC.
    pub opened_at: String,
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
    use brief_core::summary::Timings;
    use brief_core::{Evidence, KeyPoint};

    const BINDINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");

    fn generated() -> String {
        let cfg = ts_rs::Config::new().with_large_int("number");
        let declarations = [
            Evidence::decl(&cfg),
            KeyPoint::decl(&cfg),
            Timings::decl(&cfg),
            SummaryView::decl(&cfg),
            DocumentView::decl(&cfg),
            RecentDocument::decl(&cfg),
            ErrorCode::decl(&cfg),
            ErrorView::decl(&cfg),
            Stage::decl(&cfg),
            Progress::decl(&cfg),
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
                }],
                model: "m".into(),
                timings_ms: Timings::default(),
            },
        };
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["doc_id"], 3);
        assert_eq!(json["key_points"][0]["evidence"][0]["sentence"], 4);
    }
}
