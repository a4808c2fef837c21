//! The one error type of brief-document. Messages are written for the person using Brief:
//! which file, what is wrong, what to do.

use std::path::PathBuf;

/// What Brief opens, for messages that suggest another file.
const SUPPORTED: &str = ".txt, .md, .html, .docx or .pdf";

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

    #[error("this is not a text file (it looks like binary data); open a {SUPPORTED} file")]
    Binary,

    #[error("this is {kind}, not a document Brief can read; open a {SUPPORTED} file")]
    Unsupported { kind: &'static str },

    #[error("this PDF has no text layer (it is probably a scanned image); run it through OCR, or open the statement's text version")]
    NoText,

    #[error("this {format} is damaged and cannot be read ({reason})")]
    Damaged {
        format: &'static str,
        reason: String,
    },

    #[error("{}: {source}", path.display())]
    InFile { path: PathBuf, source: Box<Error> },
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
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::IsDirectory { .. } => ErrorCode::IsDirectory,
            Error::Unreadable { .. } => ErrorCode::Unreadable,
            Error::TooLarge { .. } => ErrorCode::TooLarge,
            Error::Empty | Error::Blank => ErrorCode::Empty,
            Error::Binary | Error::Unsupported { .. } => ErrorCode::Binary,
            Error::NoText => ErrorCode::NoText,
            Error::Damaged { .. } => ErrorCode::Damaged,
            Error::InFile { source, .. } => source.code(),
        }
    }

    /// Attaches the file a content error (empty, binary, damaged, …) was found in; errors that
    /// already name their file are returned as they are.
    pub fn in_file(self, path: impl Into<PathBuf>) -> Error {
        match self {
            Error::NotFound { .. }
            | Error::IsDirectory { .. }
            | Error::Unreadable { .. }
            | Error::TooLarge { .. }
            | Error::InFile { .. } => self,
            content => Error::InFile {
                path: path.into(),
                source: Box::new(content),
            },
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
            "/tmp/photo.jpg: this is not a text file (it looks like binary data); open a .txt, .md, .html, .docx or .pdf file"
        );
        let damaged = Error::Damaged {
            format: "Word document",
            reason: "truncated".into(),
        }
        .in_file("/tmp/a.docx");
        assert_eq!(damaged.code(), ErrorCode::Damaged);
        assert_eq!(
            damaged.to_string(),
            "/tmp/a.docx: this Word document is damaged and cannot be read (truncated)"
        );
    }
}
