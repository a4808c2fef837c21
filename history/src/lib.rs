//! Brief's memory: every opened document and its summaries, kept in an embedded SQLite database
//! so that reopening an unchanged statement shows its summary at once, and past documents can be
//! listed and searched.
//!
//! The crate knows nothing of Brief's other crates: a summary is stored as the JSON of any
//! `T: Serialize` and read back as any `T: DeserializeOwned`. A summary belongs to one content
//! hash of its document ([`content_hash`] of the file's bytes); when the file changes, its old
//! summaries are dropped.
//!
//! Durability: every write is one committed transaction in WAL mode, so killing the app at any
//! moment loses at most the write in flight (the kill test in `tests/kill.rs` does exactly that).
//! Times are Unix milliseconds (`i64`), ready to hand to JavaScript's `Date`.

mod error;
mod schema;
mod search;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, OpenFlags, OptionalExtension, ToSql, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use error::{Error, Result};

/// The row id of a document; stable for as long as the document stays in the history.
pub type DocumentId = i64;

/// The folder Tauri's `app_data_dir` uses for Brief, so the history sits beside the app's other
/// data.
const APP_IDENTIFIER: &str = "app.brief.desktop";
const FILE_NAME: &str = "history.sqlite3";

/// Environment variable naming the database file, for tests and for people who keep it elsewhere.
pub const PATH_VARIABLE: &str = "BRIEF_HISTORY";

/// sha256 hex (lower case) of the file's raw bytes.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// `BRIEF_HISTORY` if set (a file path), else `<data dir>/app.brief.desktop/history.sqlite3`.
pub fn default_path() -> PathBuf {
    if let Some(path) = std::env::var_os(PATH_VARIABLE).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    // No data dir only happens without a home directory (e.g. a bare service account); a
    // history that lasts until the next reboot beats none.
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join(APP_IDENTIFIER)
        .join(FILE_NAME)
}

/// A document as it was just opened.
#[derive(Debug, Clone, Copy)]
pub struct NewDocument<'a> {
    /// Identifies the document: one history entry per path. Pass it canonicalised.
    pub path: &'a Path,
    /// [`content_hash`] of the file's bytes.
    pub content_hash: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub text: &'a str,
    pub words: usize,
}

/// Everything a summary depends on besides the document's content.
#[derive(Debug, Clone, Copy)]
pub struct SummaryKey<'a> {
    pub mode: &'a str,
    pub points: u32,
    pub model: &'a str,
    pub model_version: &'a str,
}

/// One line of the history list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: DocumentId,
    pub path: PathBuf,
    pub title: Option<String>,
    pub date: Option<String>,
    /// Unix milliseconds of the last open.
    pub opened_at: i64,
    pub words: usize,
    /// Whether a summary of the current content is stored (under any key).
    pub summarized: bool,
    /// Text around the first match of the query in the document's text; None when the query is
    /// empty or matched only the title or path.
    pub snippet: Option<String>,
}

/// A document as stored at its last open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: DocumentId,
    pub path: PathBuf,
    pub content_hash: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub text: String,
    pub words: usize,
    /// Unix milliseconds of the last open.
    pub opened_at: i64,
}

/// A stored summary.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSummary<T> {
    pub summary: T,
    /// Unix milliseconds of when it was stored.
    pub created_at: i64,
}

/// The open history database. Not `Sync`: share it behind a `Mutex`.
#[derive(Debug)]
pub struct History {
    conn: Connection,
    path: PathBuf,
}

impl History {
    /// Creates the parent folders, opens (or creates) the database and brings its schema up to
    /// date. Refuses a database written by a newer Brief.
    pub fn open(path: &Path) -> Result<History> {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|source| Error::CreateDir {
                dir: dir.to_owned(),
                source,
            })?;
        }
        // No SQLITE_OPEN_URI: the path is a file name, even one that starts with "file:".
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)
            .and_then(|conn| configure(&conn).map(|()| conn))
            .map_err(|e| Error::opening(path, e))?;
        schema::migrate(&mut conn, path)?;
        Ok(History {
            conn,
            path: path.to_owned(),
        })
    }

    /// Like [`History::open`], but a file that is not a usable database (not SQLite, damaged, or
    /// failing `PRAGMA quick_check`) is renamed aside to `<name>.corrupt-<unix secs>` (never
    /// deleted; its `-wal`/`-shm` files follow it) and a fresh database is created. Returns where
    /// the old file went in that case, so the app can tell the person.
    pub fn open_or_recover(path: &Path) -> Result<(History, Option<PathBuf>)> {
        match History::open(path).and_then(|history| history.quick_check().map(|()| history)) {
            Ok(history) => Ok((history, None)),
            Err(error) if error.is_corrupt() => {
                let moved = move_aside(path)?;
                Ok((History::open(path)?, Some(moved)))
            }
            Err(error) => Err(error),
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records that a document was opened: inserts it, or updates the entry of its path (hash,
    /// title, date, text, words, opened_at = now). Summaries of other contents of the path are
    /// dropped, being stale.
    pub fn record_open(&mut self, doc: &NewDocument) -> Result<DocumentId> {
        let words = i64::try_from(doc.words).unwrap_or(i64::MAX);
        let opened_at = now_ms();
        let tx = self.write()?;
        tx.query_row(
            "INSERT INTO documents (path, content_hash, title, date, text, words, opened_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (path) DO UPDATE SET
                     content_hash = excluded.content_hash,
                     title = excluded.title,
                     date = excluded.date,
                     text = excluded.text,
                     words = excluded.words,
                     opened_at = excluded.opened_at
                 RETURNING id",
            (
                SqlPath(doc.path),
                doc.content_hash,
                doc.title,
                doc.date,
                doc.text,
                words,
                opened_at,
            ),
            |row| row.get(0),
        )
        .and_then(|id: DocumentId| {
            tx.execute(
                "DELETE FROM summaries WHERE document_id = ?1 AND content_hash <> ?2",
                (id, doc.content_hash),
            )?;
            tx.commit()?;
            Ok(id)
        })
        .map_err(|e| self.error(e))
    }

    /// The summary stored for this path, content and key, if any. A changed file (another hash)
    /// has none.
    pub fn find_summary<T: DeserializeOwned>(
        &self,
        path: &Path,
        content_hash: &str,
        key: &SummaryKey,
    ) -> Result<Option<StoredSummary<T>>> {
        let found: Option<(String, i64)> = self
            .conn
            .query_row(
                "SELECT s.summary_json, s.created_at
                 FROM summaries s JOIN documents d ON d.id = s.document_id
                 WHERE d.path = ?1 AND d.content_hash = ?2 AND s.content_hash = ?2
                   AND s.mode = ?3 AND s.points = ?4 AND s.model = ?5 AND s.model_version = ?6",
                (
                    SqlPath(path),
                    content_hash,
                    key.mode,
                    key.points,
                    key.model,
                    key.model_version,
                ),
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        found
            .map(|(json, created_at)| {
                let summary =
                    serde_json::from_str(&json).map_err(|source| Error::DecodeSummary {
                        path: self.path.clone(),
                        source,
                    })?;
                Ok(StoredSummary {
                    summary,
                    created_at,
                })
            })
            .transpose()
    }

    /// Stores (or replaces) the summary of document `id` with this content and key, in one
    /// transaction. Nothing is stored if the document has meanwhile been deleted or reopened with
    /// other content: the summary would be of a text the history no longer holds.
    pub fn store_summary<T: Serialize>(
        &mut self,
        id: DocumentId,
        content_hash: &str,
        key: &SummaryKey,
        summary: &T,
    ) -> Result<()> {
        let json = serde_json::to_string(summary).map_err(|source| Error::EncodeSummary {
            path: self.path.clone(),
            source,
        })?;
        // One statement, so one (autocommit) transaction.
        self.conn
            .execute(
                "INSERT INTO summaries
                     (document_id, content_hash, mode, points, model, model_version,
                      summary_json, created_at)
                 SELECT id, content_hash, ?3, ?4, ?5, ?6, ?7, ?8
                 FROM documents WHERE id = ?1 AND content_hash = ?2
                 ON CONFLICT (document_id, content_hash, mode, points, model, model_version)
                 DO UPDATE SET summary_json = excluded.summary_json,
                               created_at = excluded.created_at",
                (
                    id,
                    content_hash,
                    key.mode,
                    key.points,
                    key.model,
                    key.model_version,
                    json,
                    now_ms(),
                ),
            )
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// The history, most recently opened first, at most `limit` entries. A blank query lists
    /// everything; otherwise every whitespace-separated word of it must occur (ignoring case) in
    /// the title, the path or the text.
    pub fn entries(&self, query: &str, limit: usize) -> Result<Vec<Entry>> {
        let words = search::query_words(query);
        let mut sql = String::from(
            "SELECT d.id, d.path, d.title, d.date, d.opened_at, d.words,
                    EXISTS (SELECT 1 FROM summaries s
                            WHERE s.document_id = d.id AND s.content_hash = d.content_hash)",
        );
        // The text is only needed for snippets, and can be large.
        sql.push_str(if words.is_empty() {
            " FROM documents d"
        } else {
            ", d.text FROM documents d WHERE true"
        });
        let mut params = Vec::with_capacity(words.len() + 1);
        for word in &words {
            params.push(Value::Text(search::like_pattern(word)));
            let n = params.len();
            let like = |column: &str| search::like(column, word, n);
            // Title and path first: OR stops at the first match, and they are short.
            sql.push_str(&format!(
                " AND ({} OR {} OR {})",
                like("d.title"),
                like("d.path"),
                like("d.text")
            ));
        }
        params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        sql.push_str(&format!(
            " ORDER BY d.opened_at DESC, d.id DESC LIMIT ?{}",
            params.len()
        ));

        let read = || -> rusqlite::Result<Vec<Entry>> {
            let mut statement = self.conn.prepare(&sql)?;
            let rows = statement.query_map(rusqlite::params_from_iter(&params), |row| {
                let snippet = if words.is_empty() {
                    None
                } else {
                    search::snippet(row.get_ref(7)?.as_str()?, &words)
                };
                Ok(Entry {
                    id: row.get(0)?,
                    path: row.get::<_, StoredPath>(1)?.0,
                    title: row.get(2)?,
                    date: row.get(3)?,
                    opened_at: row.get(4)?,
                    words: count(row.get(5)?),
                    summarized: row.get(6)?,
                    snippet,
                })
            })?;
            rows.collect()
        };
        read().map_err(|e| self.error(e))
    }

    /// The stored document `id`, if it is still in the history.
    pub fn document(&self, id: DocumentId) -> Result<Option<StoredDocument>> {
        self.conn
            .query_row(
                "SELECT id, path, content_hash, title, date, text, words, opened_at
                 FROM documents WHERE id = ?1",
                [id],
                |row| {
                    Ok(StoredDocument {
                        id: row.get(0)?,
                        path: row.get::<_, StoredPath>(1)?.0,
                        content_hash: row.get(2)?,
                        title: row.get(3)?,
                        date: row.get(4)?,
                        text: row.get(5)?,
                        words: count(row.get(6)?),
                        opened_at: row.get(7)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// Deletes the document and its summaries. Returns whether it existed.
    pub fn delete(&mut self, id: DocumentId) -> Result<bool> {
        // Summaries go by ON DELETE CASCADE.
        let deleted = self
            .conn
            .execute("DELETE FROM documents WHERE id = ?1", [id])
            .map_err(|e| self.error(e))?;
        self.scrub()?;
        Ok(deleted > 0)
    }

    /// Deletes every document and summary, and gives the space back.
    pub fn clear(&mut self) -> Result<()> {
        let tx = self.write()?;
        tx.execute_batch("DELETE FROM summaries; DELETE FROM documents;")
            .and_then(|()| tx.commit())
            .and_then(|()| self.conn.execute_batch("VACUUM"))
            .map_err(|e| self.error(e))?;
        self.scrub()
    }

    /// Statements are private: after a deletion, copy the zeroed pages (secure_delete) into the
    /// database and empty the WAL, so the deleted text does not linger in either file. Best
    /// effort: with another reader open, SQLite checkpoints what it can and says so, not fails.
    fn scrub(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(|e| self.error(e))
    }

    /// Checks the database's structure (`PRAGMA quick_check`: linear in its size, so only done
    /// when opening with recovery).
    fn quick_check(&self) -> Result<()> {
        let problems = self
            .conn
            .prepare("PRAGMA quick_check(5)")
            .and_then(|mut statement| {
                statement
                    .query_map([], |row| row.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.error(e))?;
        if problems.iter().all(|line| line == "ok") {
            Ok(())
        } else {
            Err(Error::Corrupt {
                path: self.path.clone(),
                detail: problems.join("; "),
            })
        }
    }

    /// A transaction that takes the write lock at once, so that waiting for another writer is
    /// governed by the busy timeout instead of failing half-way.
    fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| Error::sqlite(&self.path, e))
    }

    fn error(&self, source: rusqlite::Error) -> Error {
        Error::sqlite(&self.path, source)
    }
}

/// Per-connection settings. Each holds for this connection only, so it runs on every open.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // Another Brief window or a backup tool may hold a lock for a moment; wait rather than fail.
    conn.busy_timeout(Duration::from_secs(5))?;
    // WAL: a reader never blocks the writer, and a killed process never leaves a half-written
    // database. The pragma answers with the mode in force; where WAL cannot work (no shared
    // memory) SQLite keeps its rollback journal, which is as safe, only slower, so it is accepted.
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    // NORMAL rather than FULL: in WAL mode a commit is then safe against the app being killed
    // (it is in the OS's hands) and the database can never be corrupted; only a power cut or OS
    // crash may roll back the last commits. Everything here can be recomputed by reopening the
    // file, so the fsync on every commit that FULL costs is not worth it.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Zero deleted content instead of leaving it in free pages: see `History::scrub`.
    conn.pragma_update(None, "secure_delete", true)?;
    search::register_fold(conn)
}

/// Renames `path` (and its `-wal` and `-shm` files, which belong to it) to an unused
/// `<name>.corrupt-<unix secs>[-n]` beside it.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map_or_else(|| OsString::from(FILE_NAME), OsString::from);
    let mut to = with_suffix(path, &name, &format!(".corrupt-{secs}"));
    let mut n = 1;
    // symlink_metadata: a dangling link is taken too, never replaced.
    while to.symlink_metadata().is_ok() {
        n += 1;
        to = with_suffix(path, &name, &format!(".corrupt-{secs}-{n}"));
    }
    let rename = |from: &Path, to: &Path| {
        fs::rename(from, to).map_err(|source| Error::MoveAside {
            path: from.to_owned(),
            to: to.to_owned(),
            source,
        })
    };
    rename(path, &to)?;
    // The WAL holds the newest commits of the moved file: it belongs with it.
    for side in ["-wal", "-shm"] {
        let from = with_suffix(path, &name, side);
        if from.symlink_metadata().is_ok() {
            let moved_name = to.file_name().map(OsString::from).unwrap_or_default();
            rename(&from, &with_suffix(&to, &moved_name, side))?;
        }
    }
    Ok(to)
}

/// `path` with its file name replaced by `name` + `suffix`.
fn with_suffix(path: &Path, name: &OsString, suffix: &str) -> PathBuf {
    let mut name = name.clone();
    name.push(suffix);
    path.with_file_name(name)
}

fn now_ms() -> i64 {
    // A clock before 1970 is broken; 0 keeps the write going rather than failing it.
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// A stored count; only a hand-edited database could hold a negative one.
fn count(stored: i64) -> usize {
    usize::try_from(stored).unwrap_or(0)
}

/// A path as an SQL value: its text, or on Unix its raw bytes as a blob when it is not UTF-8, so
/// that every file name (old Latin-1 ones too) keeps exactly one, exact, entry.
struct SqlPath<'a>(&'a Path);

impl ToSql for SqlPath<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self.0.to_str() {
            Some(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
            #[cfg(unix)]
            None => ToSqlOutput::Borrowed(ValueRef::Blob(std::os::unix::ffi::OsStrExt::as_bytes(
                self.0.as_os_str(),
            ))),
            // Elsewhere a non-Unicode path (unpaired UTF-16 surrogates) is vanishingly rare.
            #[cfg(not(unix))]
            None => ToSqlOutput::Owned(Value::Text(self.0.to_string_lossy().into_owned())),
        })
    }
}

/// The path read back from what [`SqlPath`] stored.
struct StoredPath(PathBuf);

impl FromSql for StoredPath {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Text(bytes) | ValueRef::Blob(bytes) => Ok(StoredPath(path_from_bytes(bytes))),
            ValueRef::Null | ValueRef::Integer(_) | ValueRef::Real(_) => {
                Err(FromSqlError::InvalidType)
            }
        }
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn move_aside_takes_the_side_files_along_and_never_overwrites() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("history.sqlite3");
        let side = |path: &Path, suffix: &str| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        };
        for round in ["first", "second"] {
            fs::write(&path, round).unwrap();
            fs::write(side(&path, "-wal"), format!("{round} wal")).unwrap();
            fs::write(side(&path, "-shm"), format!("{round} shm")).unwrap();

            let moved = move_aside(&path).unwrap();
            assert!(
                !path.exists() && !side(&path, "-wal").exists() && !side(&path, "-shm").exists()
            );
            assert_eq!(fs::read_to_string(&moved).unwrap(), round);
            assert_eq!(
                fs::read_to_string(side(&moved, "-wal")).unwrap(),
                format!("{round} wal")
            );
            assert_eq!(
                fs::read_to_string(side(&moved, "-shm")).unwrap(),
                format!("{round} shm")
            );
        }
        // Two files moved aside (within the same second or not), both kept.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| !name.ends_with("-wal") && !name.ends_with("-shm"))
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names
            .iter()
            .all(|name| name.starts_with("history.sqlite3.corrupt-")));
    }
}
