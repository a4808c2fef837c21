//! The error the UI receives: a stable `{code, message}` shape, never a Rust debug string.

use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Core(#[from] brief_core::Error),

    #[error("this document is no longer open; open it again")]
    UnknownDocument,

    #[error("{}: could not be written ({source})", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("the work stopped unexpectedly ({0}); please try again")]
    Interrupted(String),

    #[error("the history is unavailable: {0}")]
    NoHistory(String),

    #[error("this entry is no longer in the history")]
    UnknownEntry,
}

impl From<brief_core::document::Error> for AppError {
    fn from(err: brief_core::document::Error) -> AppError {
        AppError::Core(err.into())
    }
}

impl From<brief_core::history::Error> for AppError {
    fn from(err: brief_core::history::Error) -> AppError {
        AppError::Core(err.into())
    }
}

/// What kind of error it is, for the UI to choose how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    Unreadable,
    IsDirectory,
    Empty,
    Binary,
    TooLarge,
    ModelMissing,
    ModelCorrupt,
    Cancelled,
    UnknownDocument,
    Io,
    Internal,
    NoText,
    Damaged,
    History,
}

/// How an [`AppError`] crosses to the UI.
#[derive(Serialize, TS)]
#[ts(rename = "AppError")]
pub struct ErrorView {
    pub code: ErrorCode,
    /// A full sentence for the person; shown as it is.
    pub message: String,
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        use brief_core::error::ErrorCode as Core;
        match self {
            AppError::Core(err) => match err.code() {
                Core::NotFound => ErrorCode::NotFound,
                Core::Unreadable => ErrorCode::Unreadable,
                Core::IsDirectory => ErrorCode::IsDirectory,
                Core::Empty => ErrorCode::Empty,
                Core::Binary => ErrorCode::Binary,
                Core::TooLarge => ErrorCode::TooLarge,
                Core::ModelMissing => ErrorCode::ModelMissing,
                Core::ModelCorrupt => ErrorCode::ModelCorrupt,
                Core::NoText => ErrorCode::NoText,
                Core::Damaged => ErrorCode::Damaged,
                Core::History => ErrorCode::History,
                Core::Cancelled => ErrorCode::Cancelled,
                Core::Internal => ErrorCode::Internal,
            },
            AppError::UnknownDocument => ErrorCode::UnknownDocument,
            AppError::Write { .. } => ErrorCode::Io,
            AppError::Interrupted(_) => ErrorCode::Internal,
            AppError::NoHistory(_) | AppError::UnknownEntry => ErrorCode::History,
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let message = self.to_string();
        // Start with a capital, as the UI shows the message as a sentence.
        let mut chars = message.chars();
        let message = chars.next().map_or(String::new(), |first| {
            first.to_uppercase().chain(chars).collect()
        });
        ErrorView {
            code: self.code(),
            message,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI relies on this exact shape.
    #[test]
    fn errors_cross_as_code_and_message() {
        let err = AppError::Core(
            brief_core::document::Error::Binary
                .in_file("/home/a/photo.png")
                .into(),
        );
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({
                "code": "binary",
                "message": "/home/a/photo.png: this is not a text file (it looks like binary data); open a .txt, .md, .html, .docx or .pdf file"
            })
        );
        let err = AppError::UnknownDocument;
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({"code": "unknown_document", "message": "This document is no longer open; open it again"})
        );
    }
}
