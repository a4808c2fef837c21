use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// Everything that can go wrong with the history. Each message is meant to be shown to the
/// person as it is, so it names the database file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the folder {} for the history database could not be created: {source}", .dir.display())]
    CreateDir {
        dir: PathBuf,
        source: std::io::Error,
    },

    #[error("the history database {} could not be opened: {source}", .path.display())]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },

    /// The file is not a database, or SQLite found it damaged. [`crate::History::open_or_recover`]
    /// moves such a file aside.
    #[error("the history database {} is damaged: {detail}", .path.display())]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "the history database {} was written by a newer version of Brief \
         (schema {found}, this version knows {known}); update Brief to use it",
        .path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("the history database {} could not be read or written: {source}", .path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },

    #[error("the summary could not be saved in the history database {}: {source}", .path.display())]
    EncodeSummary {
        path: PathBuf,
        source: serde_json::Error,
    },

    /// A stored summary no longer fits the type asked for (e.g. written by another version of
    /// Brief). Callers may treat this as "no stored summary" and summarise again.
    #[error("a summary in the history database {} could not be read: {source}", .path.display())]
    DecodeSummary {
        path: PathBuf,
        source: serde_json::Error,
    },

    #[error(
        "the damaged history database {} could not be moved aside to {}: {source}",
        .path.display(),
        .to.display()
    )]
    MoveAside {
        path: PathBuf,
        to: PathBuf,
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Wraps an SQLite error met while opening or migrating `path`.
    pub(crate) fn opening(path: &Path, source: rusqlite::Error) -> Error {
        Error::corruption(path, &source).unwrap_or_else(|| Error::Open {
            path: path.to_owned(),
            source,
        })
    }

    /// Wraps an SQLite error met while using `path`.
    pub(crate) fn sqlite(path: &Path, source: rusqlite::Error) -> Error {
        Error::corruption(path, &source).unwrap_or_else(|| Error::Sqlite {
            path: path.to_owned(),
            source,
        })
    }

    /// Tells damage apart from other failures (locked, unreadable, disk full), so that the app
    /// can offer recovery whenever it shows up, not only at start-up.
    fn corruption(path: &Path, source: &rusqlite::Error) -> Option<Error> {
        match source.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Some(Error::Corrupt {
                path: path.to_owned(),
                detail: source.to_string(),
            }),
            _ => None,
        }
    }

    /// Whether the file itself is unusable (as opposed to e.g. locked, unreadable or newer), so
    /// that moving it aside and starting afresh is the way out.
    pub fn is_corrupt(&self) -> bool {
        matches!(self, Error::Corrupt { .. })
    }
}
