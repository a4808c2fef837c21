//! brief-document: how Brief reads a file, with no model or UI dependency.
//!
//! bytes → [`Format`] (sniffed from content, then extension) → text (decoded, or extracted from
//! HTML, DOCX or PDF) → normalised → front matter → hard-wrapped lines joined → [`Sentence`]s
//! with byte spans into [`Document::text`], the text the original pane shows, each with its
//! [`SentenceKind`] (heading, list item, body, quotation, aside, dateline, speaker) and section.

mod decode;
mod document;
mod error;
mod format;
mod front;
pub mod panics;
mod segment;
mod structure;

pub use document::{read_file, Document, MAX_FILE_BYTES};
pub use error::{Error, ErrorCode, Result};
pub use format::Format;
pub use front::MONTHS;
pub use segment::{Sentence, Span};
pub use structure::{without_asides, SentenceKind};
