//! brief-core: the whole pipeline of Brief, with no UI dependency.
//!
//! file → [`Document`] (brief-document: format, decoding, front matter, sentences with spans)
//! → [`embed::Embedder`] (all-MiniLM-L6-v2 through rust-bert) → [`extract`] (key sentences)
//! → [`Summary`] (key points with evidence) → [`history`] (brief-history, SQLite).
//! Written key points: [`written::PointWriter`] has the writing model (brief-writer, llama.cpp)
//! rewrite the key sentences; each point is aligned to its evidence and checked by [`guard`].

pub mod embed;
pub mod error;
pub mod extract;
pub mod guard;
pub mod history;
pub mod quality;
pub mod summary;
mod words;
pub mod written;

/// Reading files lives in its own crate (no model dependency, so it can be fuzzed on its own).
pub use brief_document as document;
pub use brief_document::Document;
pub use error::{Error, Result};
pub use summary::{Evidence, KeyPoint, PointCount, PointKind, Stage, Summarizer, Summary};
