//! brief-core: the whole pipeline of Brief, with no UI dependency.
//!
//! bytes → [`Document`] (decode, front matter, sentences with spans) → [`embed::Embedder`]
//! (all-MiniLM-L6-v2 through rust-bert) → [`extract`] (key sentences) → [`Summary`]
//! (key points with evidence).

pub mod document;
pub mod embed;
pub mod error;
pub mod extract;
pub mod quality;
pub mod summary;

pub use document::Document;
pub use error::{Error, Result};
pub use summary::{Evidence, KeyPoint, Stage, Summarizer, Summary};
