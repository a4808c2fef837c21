//! The one error type of brief-writer.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the writing model is missing: {} not found. Run scripts/setup.sh (or reinstall the Brief package) to install the models", path.display())]
    ModelMissing { path: PathBuf },

    #[error("the writing model {} is damaged ({reason}). Run scripts/setup.sh (or reinstall the Brief package) to install it again", path.display())]
    ModelCorrupt { path: PathBuf, reason: String },

    #[error("the writing model failed: {0}")]
    Generation(String),

    #[error("the text is too long for the writing model ({tokens} tokens; at most {limit})")]
    PromptTooLong { tokens: usize, limit: usize },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
