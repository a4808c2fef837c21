//! The database schema: an ordered list of migrations, the number applied kept in
//! `PRAGMA user_version`. A step, once released, is never edited: changes are new steps.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::{Error, Result};

/// Each step runs in its own transaction together with the bump of `user_version`, so a crash
/// leaves the database at one version or the next, never in between.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents and their summaries.
    "
    CREATE TABLE documents (
        -- AUTOINCREMENT: an id the UI still holds never comes back as another document.
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        -- TEXT, or BLOB for a path that is not UTF-8 (see SqlPath).
        path         TEXT    NOT NULL UNIQUE,
        content_hash TEXT    NOT NULL,
        title        TEXT,
        date         TEXT,
        text         TEXT    NOT NULL,
        words        INTEGER NOT NULL,
        -- Unix milliseconds.
        opened_at    INTEGER NOT NULL
    );
    CREATE INDEX documents_opened_at ON documents (opened_at);

    CREATE TABLE summaries (
        id            INTEGER PRIMARY KEY,
        document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        content_hash  TEXT    NOT NULL,
        mode          TEXT    NOT NULL,
        points        INTEGER NOT NULL,
        model         TEXT    NOT NULL,
        model_version TEXT    NOT NULL,
        summary_json  TEXT    NOT NULL,
        -- Unix milliseconds.
        created_at    INTEGER NOT NULL,
        -- Leads with document_id, so it also serves the cascade and the per-document lookups.
        UNIQUE (document_id, content_hash, mode, points, model, model_version)
    );
    ",
];

/// The schema version this code writes (a handful of steps: the cast cannot truncate).
pub(crate) const VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to the newest schema, refusing one written by a newer Brief (its data
/// could be misread, and migrating it down would lose what the newer version added).
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    // Fast path without a write lock: the usual open finds the schema current.
    if known_version(conn, path)? == MIGRATIONS.len() {
        return Ok(());
    }
    loop {
        // IMMEDIATE takes the write lock first, then the version is read again: another Brief
        // opening the same file at the same moment may have migrated it meanwhile.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| Error::opening(path, e))?;
        let version = known_version(&tx, path)?;
        let Some(step) = MIGRATIONS.get(version) else {
            return Ok(());
        };
        tx.execute_batch(step)
            .and_then(|()| tx.pragma_update(None, "user_version", version as i64 + 1))
            .and_then(|()| tx.commit())
            .map_err(|e| Error::opening(path, e))?;
    }
}

/// The schema version of the file, refused when newer than this code knows.
fn known_version(conn: &Connection, path: &Path) -> Result<usize> {
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| Error::opening(path, e))?;
    match usize::try_from(found) {
        Ok(version) if found <= VERSION => Ok(version),
        Ok(_) => Err(Error::NewerSchema {
            path: path.to_owned(),
            found,
            known: VERSION,
        }),
        // Brief never writes a negative version: whatever wrote this file, it is not ours.
        Err(_) => Err(Error::Corrupt {
            path: path.to_owned(),
            detail: format!("its schema version {found} is not one Brief writes"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::History;

    fn user_version(path: &Path) -> i64 {
        Connection::open(path)
            .and_then(|conn| conn.pragma_query_value(None, "user_version", |row| row.get(0)))
            .unwrap()
    }

    #[test]
    fn user_version_counts_the_migrations_and_reopening_changes_nothing() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("history.sqlite3");
        drop(History::open(&path).unwrap());
        assert_eq!(user_version(&path), MIGRATIONS.len() as i64);
        assert_eq!(VERSION, MIGRATIONS.len() as i64);

        // Idempotent: a second open (and a second migrate on a live connection) is a no-op.
        let mut history = History::open(&path).unwrap();
        migrate(&mut history.conn, &path).unwrap();
        assert_eq!(user_version(&path), MIGRATIONS.len() as i64);
    }

    #[test]
    fn a_negative_version_is_not_ours() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("history.sqlite3");
        Connection::open(&path)
            .and_then(|conn| conn.pragma_update(None, "user_version", -1))
            .unwrap();
        assert!(History::open(&path).unwrap_err().is_corrupt());
    }
}
