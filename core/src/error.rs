//! The one error type of brief-core. Messages are written for the person using Brief:
//! which file, what is wrong, what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: file not found", path.display())]
    NotFound { path: PathBuf },

    #[error("{}: this is a folder; open a text file instead", path.display())]
    IsDirectory { path: PathBuf },

    #[error("{}: cannot be read ({source})", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}: too large ({} MB); Brief opens files up to {} MB", path.display(), size / 1_000_000, limit / 1_000_000)]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    #[error("the file is empty")]
    Empty,

    #[error("the file contains only white space, no text to summarise")]
    Blank,

    #[error("this is not a text file (it looks like binary data); open a .txt or .md file")]
    Binary,

    #[error("{}: {source}", path.display())]
    InFile { path: PathBuf, source: Box<Error> },

    #[error("the model is missing: {} not found. Run scripts/setup.sh (or reinstall the Brief package) to install the models", path.display())]
    ModelMissing { path: PathBuf },

    #[error("the model in {} is damaged ({reason}). Run scripts/setup.sh (or reinstall the Brief package) to install it again", dir.display())]
    ModelCorrupt { dir: PathBuf, reason: String },

    #[error("the model failed while reading the text: {0}")]
    Model(String),

    #[error("cancelled")]
    Cancelled,
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
    ModelMissing,
    ModelCorrupt,
    Internal,
    Cancelled,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::IsDirectory { .. } => ErrorCode::IsDirectory,
            Error::Unreadable { .. } => ErrorCode::Unreadable,
            Error::TooLarge { .. } => ErrorCode::TooLarge,
            Error::Empty | Error::Blank => ErrorCode::Empty,
            Error::Binary => ErrorCode::Binary,
            Error::InFile { source, .. } => source.code(),
            Error::ModelMissing { .. } => ErrorCode::ModelMissing,
            Error::ModelCorrupt { .. } => ErrorCode::ModelCorrupt,
            Error::Model(_) => ErrorCode::Internal,
            Error::Cancelled => ErrorCode::Cancelled,
        }
    }

    /// Attaches the file a content error (empty, binary, …) was found in.
    pub fn in_file(self, path: impl Into<PathBuf>) -> Error {
        match self {
            Error::Empty | Error::Blank | Error::Binary => Error::InFile {
                path: path.into(),
                source: Box::new(self),
            },
            other => other,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_errors_name_the_file_and_keep_their_code() {
        let err = Error::Binary.in_file("/tmp/photo.jpg");
        assert_eq!(err.code(), ErrorCode::Binary);
        assert_eq!(
            err.to_string(),
            "/tmp/photo.jpg: this is not a text file (it looks like binary data); open a .txt or .md file"
        );
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
