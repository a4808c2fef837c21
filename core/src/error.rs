//! The one error type of brief-core. Messages are written for the person using Brief:
//! which file, what is wrong, what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading the file: not found, empty, binary, damaged, …
    #[error(transparent)]
    Document(#[from] brief_document::Error),

    #[error("the model is missing: {} not found. Run scripts/setup.sh (or reinstall the Brief package) to install the models", path.display())]
    ModelMissing { path: PathBuf },

    #[error("the model in {} is damaged ({reason}). Run scripts/setup.sh (or reinstall the Brief package) to install it again", dir.display())]
    ModelCorrupt { dir: PathBuf, reason: String },

    #[error("the model failed while reading the text: {0}")]
    Model(String),

    /// The writing model: missing, damaged, or failing.
    #[error(transparent)]
    Writer(#[from] brief_writer::Error),

    #[error("cancelled")]
    Cancelled,

    #[error(transparent)]
    History(#[from] brief_history::Error),

    #[error("the quality corpus {}: {reason}", path.display())]
    Corpus { path: PathBuf, reason: String },
}

/// The kind of an [`Error`], stable for programs (the desktop UI, JSON output).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    NotFound,
    IsDirectory,
    Unreadable,
    TooLarge,
    Empty,
    Binary,
    NoText,
    Damaged,
    ModelMissing,
    ModelCorrupt,
    History,
    Internal,
    Cancelled,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Document(err) => err.code().into(),
            Error::ModelMissing { .. } => ErrorCode::ModelMissing,
            Error::ModelCorrupt { .. } => ErrorCode::ModelCorrupt,
            Error::Model(_) | Error::Corpus { .. } => ErrorCode::Internal,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::History(_) => ErrorCode::History,
            Error::Writer(err) => match err {
                brief_writer::Error::ModelMissing { .. } => ErrorCode::ModelMissing,
                brief_writer::Error::ModelCorrupt { .. } => ErrorCode::ModelCorrupt,
                _ => ErrorCode::Internal,
            },
        }
    }
}

impl From<brief_document::ErrorCode> for ErrorCode {
    fn from(code: brief_document::ErrorCode) -> ErrorCode {
        use brief_document::ErrorCode as Doc;
        match code {
            Doc::NotFound => ErrorCode::NotFound,
            Doc::IsDirectory => ErrorCode::IsDirectory,
            Doc::Unreadable => ErrorCode::Unreadable,
            Doc::TooLarge => ErrorCode::TooLarge,
            Doc::Empty => ErrorCode::Empty,
            Doc::Binary => ErrorCode::Binary,
            Doc::NoText => ErrorCode::NoText,
            Doc::Damaged => ErrorCode::Damaged,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_errors_keep_their_code_and_message() {
        let err = Error::from(brief_document::Error::Binary.in_file("/tmp/photo.jpg"));
        assert_eq!(err.code(), ErrorCode::Binary);
        assert!(err
            .to_string()
            .starts_with("/tmp/photo.jpg: this is not a text file"));
    }

    #[test]
    fn model_errors_say_what_to_do() {
        let err = Error::ModelMissing {
            path: "models/all-minilm-l6-v2/model.safetensors".into(),
        };
        assert_eq!(err.code(), ErrorCode::ModelMissing);
        assert!(err.to_string().contains("Run scripts/setup.sh"));
    }
}
