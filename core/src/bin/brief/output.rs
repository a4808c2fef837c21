//! How key points are written out: plain lines, Markdown, or JSON Lines.

use brief_core::{Document, KeyPoint, Summary};
use clap::ValueEnum;
use serde::Serialize;
use std::fmt::Write;
use std::path::Path;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// One key point per line.
    Text,
    /// A title line, the date if known, then a bullet list.
    Markdown,
    /// One JSON object per file and line, with evidence spans and timings.
    Json,
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    file: &'a Path,
    title: Option<&'a str>,
    date: Option<&'a str>,
    format: brief_core::document::Format,
    encoding: &'a str,
    words: usize,
    sentences: usize,
    #[serde(flatten)]
    summary: &'a Summary,
}

/// One file's output. `separate` puts a blank line before it (not the first file printed);
/// `name_files` heads plain text with the file name when several files are printed.
pub fn render(
    format: Format,
    file: &Path,
    doc: &Document,
    summary: &Summary,
    separate: bool,
    name_files: bool,
) -> String {
    let mut out = String::new();
    match format {
        Format::Text => {
            if separate {
                out.push('\n');
            }
            if name_files {
                let _ = writeln!(out, "{}", file.display());
            }
            for point in &summary.key_points {
                let _ = writeln!(out, "{}{}", point.text, flags(point, "[Check: ", "]"));
            }
        }
        Format::Markdown => {
            if separate {
                out.push('\n');
            }
            out.push_str(&markdown(file, doc, summary));
        }
        Format::Json => {
            out.push_str(&json(file, doc, summary));
            out.push('\n');
        }
    }
    out
}

pub fn markdown(file: &Path, doc: &Document, summary: &Summary) -> String {
    let mut out = format!("# {}\n", title(doc, file));
    if let Some(date) = &doc.date {
        let _ = writeln!(out, "_{date}_");
    }
    if summary.auto_count {
        let _ = writeln!(
            out,
            "_{} key points (automatic count for {} words)_",
            summary.key_points.len(),
            doc.words()
        );
    }
    out.push('\n');
    for point in &summary.key_points {
        let _ = writeln!(out, "- {}{}", point.text, flags(point, "⚠ *Check: ", "*"));
    }
    out
}

/// What the faithfulness guard could not find, after the point: a written point that failed a
/// check is never printed as plain fact.
fn flags(point: &KeyPoint, open: &str, close: &str) -> String {
    if point.issues.is_empty() {
        return String::new();
    }
    let details: Vec<&str> = point.issues.iter().map(|i| i.detail.as_str()).collect();
    format!(" {open}{}{close}", details.join("; "))
}

pub fn json(file: &Path, doc: &Document, summary: &Summary) -> String {
    let output = JsonOutput {
        file,
        title: doc.title.as_deref(),
        date: doc.date.as_deref(),
        format: doc.format,
        encoding: doc.encoding,
        words: doc.words(),
        sentences: doc.sentences.len(),
        summary,
    };
    serde_json::to_string(&output).expect("plain data serialises")
}

/// The statement's heading, or else its file name without extension.
fn title(doc: &Document, file: &Path) -> String {
    doc.title.clone().unwrap_or_else(|| {
        file.file_stem().map_or_else(
            || file.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    })
}
