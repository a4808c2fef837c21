//! brief-core: the whole pipeline of Brief, with no UI dependency.
//!
//! file → [`Document`] (brief-document: format, decoding, front matter, sentences with spans)
//! → [`embed::Embedder`] (all-MiniLM-L6-v2 through rust-bert) → [`extract`] (key sentences)
//! → [`Summary`] (key points with evidence) → [`history`] (brief-history, SQLite).

pub mod embed;
pub mod error;
pub mod extract;
pub mod history;
pub mod quality;
pub mod summary;

/// Reading files lives in its own crate (no model dependency, so it can be fuzzed on its own).
pub use brief_document as document;
pub use brief_document::Document;
pub use error::{Error, Result};
pub use summary::{Evidence, KeyPoint, Stage, Summarizer, Summary};
