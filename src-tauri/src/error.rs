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
                Core::Cancelled => ErrorCode::Cancelled,
                Core::Internal => ErrorCode::Internal,
            },
            AppError::UnknownDocument => ErrorCode::UnknownDocument,
            AppError::Write { .. } => ErrorCode::Io,
            AppError::Interrupted(_) => ErrorCode::Internal,
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
        let err = AppError::Core(brief_core::Error::Binary.in_file("/home/a/photo.png"));
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({
                "code": "binary",
                "message": "/home/a/photo.png: this is not a text file (it looks like binary data); open a .txt or .md file"
            })
        );
        let err = AppError::UnknownDocument;
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({"code": "unknown_document", "message": "This document is no longer open; open it again"})
        );
    }
}
