//! The history against real SQLite files in temporary folders.

use std::fs;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::Duration;

use brief_history::{content_hash, DocumentId, Error, History, NewDocument, SummaryKey};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use tempfile::TempDir;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Summary {
    points: Vec<String>,
}

const KEY: SummaryKey<'static> = SummaryKey {
    mode: "bullets",
    points: 5,
    model: "all-minilm-l6-v2",
    model_version: "1",
};

fn summary(text: &str) -> Summary {
    Summary {
        points: vec![text.to_owned()],
    }
}

/// A database path in a folder that does not exist yet: opening must create it.
fn db_path(dir: &TempDir) -> PathBuf {
    dir.path().join("data").join("app").join("history.sqlite3")
}

fn open(dir: &TempDir) -> History {
    History::open(&db_path(dir)).unwrap()
}

fn doc<'a>(path: &'a Path, hash: &'a str, title: &'a str, text: &'a str) -> NewDocument<'a> {
    NewDocument {
        path,
        content_hash: hash,
        title: Some(title),
        date: Some("2024-03-31"),
        text,
        words: text.split_whitespace().count(),
    }
}

/// Records a document whose hash is that of its text.
fn record(history: &mut History, path: &str, title: &str, text: &str) -> DocumentId {
    let hash = content_hash(text.as_bytes());
    history
        .record_open(&doc(Path::new(path), &hash, title, text))
        .unwrap()
}

fn count(dir: &TempDir, table: &str) -> i64 {
    let conn = Connection::open(db_path(dir)).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
        row.get(0)
    })
    .unwrap()
}

/// Distinct opened_at stamps (milliseconds) for tests about order.
fn tick() {
    sleep(Duration::from_millis(3));
}

#[test]
fn content_hash_is_sha256_hex() {
    assert_eq!(
        content_hash(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn history_can_move_between_threads() {
    fn send<T: Send>() {}
    send::<History>();
}

#[test]
fn default_path_is_the_variable_or_the_app_data_dir() {
    // The only test that touches BRIEF_HISTORY.
    std::env::set_var("BRIEF_HISTORY", "/somewhere/else.sqlite3");
    assert_eq!(
        brief_history::default_path(),
        PathBuf::from("/somewhere/else.sqlite3")
    );
    std::env::remove_var("BRIEF_HISTORY");
    assert!(brief_history::default_path().ends_with("app.brief.desktop/history.sqlite3"));
}

#[test]
fn recorded_document_reads_back_and_reopening_updates_the_same_entry() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let path = Path::new("/statements/march.pdf");
    let id = history
        .record_open(&doc(path, "h1", "March", "Opening balance 100"))
        .unwrap();

    let stored = history.document(id).unwrap().unwrap();
    assert_eq!(stored.id, id);
    assert_eq!(stored.path, path);
    assert_eq!(stored.content_hash, "h1");
    assert_eq!(stored.title.as_deref(), Some("March"));
    assert_eq!(stored.date.as_deref(), Some("2024-03-31"));
    assert_eq!(stored.text, "Opening balance 100");
    assert_eq!(stored.words, 3);
    assert!(stored.opened_at > 1_600_000_000_000, "unix milliseconds");

    tick();
    let untitled = NewDocument {
        title: None,
        date: None,
        ..doc(path, "h2", "", "Closing balance 90 EUR")
    };
    assert_eq!(
        history.record_open(&untitled).unwrap(),
        id,
        "one entry per path"
    );
    let again = history.document(id).unwrap().unwrap();
    assert_eq!(again.content_hash, "h2");
    assert_eq!(again.title, None);
    assert_eq!(again.date, None);
    assert_eq!(again.text, "Closing balance 90 EUR");
    assert_eq!(again.words, 4);
    assert!(again.opened_at > stored.opened_at);
    assert_eq!(history.entries("", 10).unwrap().len(), 1);
    assert_eq!(history.document(id + 1).unwrap(), None);
}

#[test]
fn reopening_an_unchanged_document_finds_its_summary() {
    let dir = TempDir::new().unwrap();
    let text = "Rent 900, groceries 250";
    let hash = content_hash(text.as_bytes());
    let path = Path::new("/statements/april.pdf");
    {
        let mut history = open(&dir);
        let id = history
            .record_open(&doc(path, &hash, "April", text))
            .unwrap();
        history
            .store_summary(id, &hash, &KEY, &summary("rent"))
            .unwrap();
    }

    // A new connection, as after restarting the app.
    let mut history = open(&dir);
    history
        .record_open(&doc(path, &hash, "April", text))
        .unwrap();
    let found = history
        .find_summary::<Summary>(path, &hash, &KEY)
        .unwrap()
        .unwrap();
    assert_eq!(found.summary, summary("rent"));
    assert!(found.created_at > 1_600_000_000_000);
    assert!(history.entries("", 10).unwrap()[0].summarized);

    // Every part of the key counts.
    for other in [
        SummaryKey {
            mode: "prose",
            ..KEY
        },
        SummaryKey { points: 3, ..KEY },
        SummaryKey {
            model: "other",
            ..KEY
        },
        SummaryKey {
            model_version: "2",
            ..KEY
        },
    ] {
        assert_eq!(
            history
                .find_summary::<Summary>(path, &hash, &other)
                .unwrap(),
            None
        );
    }
    assert_eq!(
        history
            .find_summary::<Summary>(Path::new("/elsewhere.pdf"), &hash, &KEY)
            .unwrap(),
        None
    );
}

#[test]
fn a_changed_document_has_no_summary_and_its_old_summaries_are_dropped() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let path = Path::new("/statements/may.pdf");
    let id = history.record_open(&doc(path, "old", "May", "v1")).unwrap();
    history
        .store_summary(id, "old", &KEY, &summary("v1"))
        .unwrap();
    history
        .store_summary(id, "old", &SummaryKey { points: 3, ..KEY }, &summary("v1"))
        .unwrap();
    assert_eq!(count(&dir, "summaries"), 2);

    history.record_open(&doc(path, "new", "May", "v2")).unwrap();
    assert_eq!(
        history.find_summary::<Summary>(path, "new", &KEY).unwrap(),
        None
    );
    assert_eq!(
        history.find_summary::<Summary>(path, "old", &KEY).unwrap(),
        None
    );
    assert_eq!(count(&dir, "summaries"), 0, "stale summaries are deleted");
    assert!(!history.entries("", 10).unwrap()[0].summarized);

    // A summary of the old content finishing late is not kept either.
    history
        .store_summary(id, "old", &KEY, &summary("late"))
        .unwrap();
    assert_eq!(count(&dir, "summaries"), 0);
}

#[test]
fn storing_again_replaces_the_summary() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let path = Path::new("/s.pdf");
    let id = history.record_open(&doc(path, "h", "S", "text")).unwrap();
    history
        .store_summary(id, "h", &KEY, &summary("first"))
        .unwrap();
    history
        .store_summary(id, "h", &KEY, &summary("second"))
        .unwrap();
    let found = history.find_summary::<Summary>(path, "h", &KEY).unwrap();
    assert_eq!(found.unwrap().summary, summary("second"));
    assert_eq!(count(&dir, "summaries"), 1);
}

#[test]
fn a_summary_of_another_shape_is_a_decode_error() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let path = Path::new("/s.pdf");
    let id = history.record_open(&doc(path, "h", "S", "text")).unwrap();
    history.store_summary(id, "h", &KEY, &"just text").unwrap();
    let error = history
        .find_summary::<Summary>(path, "h", &KEY)
        .unwrap_err();
    assert!(matches!(error, Error::DecodeSummary { .. }), "{error:?}");
    assert!(error.to_string().contains("history.sqlite3"), "{error}");
}

#[test]
fn entries_are_most_recent_first_and_limited() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let a = record(&mut history, "/a.pdf", "A", "a");
    tick();
    let b = record(&mut history, "/b.pdf", "B", "b");
    tick();
    let c = record(&mut history, "/c.pdf", "C", "c");
    tick();
    record(&mut history, "/a.pdf", "A", "a");

    let ids = |entries: Vec<brief_history::Entry>| entries.iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids(history.entries("", 10).unwrap()), [a, c, b]);
    assert_eq!(ids(history.entries("  \t", 2).unwrap()), [a, c]);
    assert_eq!(ids(history.entries("", 0).unwrap()), [] as [DocumentId; 0]);

    let entry = &history.entries("", 1).unwrap()[0];
    assert_eq!(entry.path, Path::new("/a.pdf"));
    assert_eq!(entry.title.as_deref(), Some("A"));
    assert_eq!(entry.date.as_deref(), Some("2024-03-31"));
    assert_eq!(entry.words, 1);
    assert!(!entry.summarized);
    assert_eq!(entry.snippet, None);
}

/// Three documents to search, with their ids.
fn searchable(history: &mut History) -> [DocumentId; 3] {
    let filler = "lorem ipsum ".repeat(30);
    let rent = record(
        history,
        "/home/ana/Bank/2024-03 giro.pdf",
        "Girokonto März",
        &format!("{filler}Miete 900 EUR an Hausverwaltung. ÜBERWEISUNG erhalten. {filler}"),
    );
    tick();
    let card = record(
        history,
        "/home/ana/Cards/visa_april.pdf",
        "Visa April",
        "Interest 19.9% p.a. on card_balance; groceries 120",
    );
    tick();
    let loan = record(
        history,
        "/home/ana/Loans/loan.pdf",
        "Loan statement",
        "Remaining principal 12000, rate 3% fixed",
    );
    [rent, card, loan]
}

fn search(history: &History, query: &str) -> Vec<DocumentId> {
    history
        .entries(query, 100)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect()
}

#[test]
fn search_matches_title_text_and_path_words() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let [rent, card, loan] = searchable(&mut history);

    assert_eq!(search(&history, ""), [loan, card, rent]);

    // Title only: no snippet.
    let by_title = history.entries("statement", 100).unwrap();
    assert_eq!(by_title.iter().map(|e| e.id).collect::<Vec<_>>(), [loan]);
    assert_eq!(by_title[0].snippet, None);

    // Path only: no snippet.
    let by_path = history.entries("Cards", 100).unwrap();
    assert_eq!(by_path.iter().map(|e| e.id).collect::<Vec<_>>(), [card]);
    assert_eq!(by_path[0].snippet, None);

    // Text: a snippet around the match, cut on both sides of the long text.
    let by_text = history.entries("hausverwaltung", 100).unwrap();
    assert_eq!(by_text.iter().map(|e| e.id).collect::<Vec<_>>(), [rent]);
    let snippet = by_text[0].snippet.as_deref().unwrap();
    assert!(snippet.contains("Hausverwaltung"), "{snippet}");
    assert!(
        snippet.starts_with('…') && snippet.ends_with('…'),
        "{snippet}"
    );
    assert!(snippet.chars().count() <= 125, "{snippet}");

    assert_eq!(search(&history, "nowhere"), [] as [DocumentId; 0]);
}

#[test]
fn search_ignores_case_including_non_ascii() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let [rent, _, loan] = searchable(&mut history);
    assert_eq!(search(&history, "LOAN"), [loan]);
    assert_eq!(search(&history, "überweisung"), [rent]);
    assert_eq!(search(&history, "MÄRZ"), [rent]);
    let entry = &history.entries("überweisung", 1).unwrap()[0];
    assert!(entry.snippet.as_deref().unwrap().contains("ÜBERWEISUNG"));
}

#[test]
fn search_takes_wildcards_literally() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let [_, card, loan] = searchable(&mut history);
    assert_eq!(search(&history, "%"), [loan, card]);
    assert_eq!(search(&history, "9.9%"), [card]);
    assert_eq!(search(&history, "3%"), [loan]);
    assert_eq!(
        search(&history, "_"),
        [card],
        "in the path and the text of one only"
    );
    assert_eq!(search(&history, "card_balance"), [card]);
    // `_` would match the space in "card balance" if it were a wildcard.
    record(&mut history, "/x.pdf", "X", "card balance");
    assert_eq!(search(&history, "card_balance"), [card]);
    // The escape character itself.
    let backslash = record(&mut history, "/y.pdf", "Y", r"C:\statements\may");
    assert_eq!(search(&history, r"C:\statements"), [backslash]);
    assert_eq!(search(&history, r"\"), [backslash]);
}

#[test]
fn search_requires_every_word() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let [rent, card, _] = searchable(&mut history);
    // One word in the title, one in the text, one in the path.
    assert_eq!(search(&history, "visa groceries"), [card]);
    assert_eq!(search(&history, "  girokonto   miete bank "), [rent]);
    assert_eq!(search(&history, "visa miete"), [] as [DocumentId; 0]);
    assert_eq!(search(&history, "ana"), search(&history, ""));
}

#[cfg(unix)]
#[test]
fn a_non_utf8_path_keeps_its_exact_bytes() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let latin1 = Path::new(OsStr::from_bytes(b"/statements/m\xe4rz.pdf"));
    let id = history.record_open(&doc(latin1, "h", "M", "text")).unwrap();
    history.store_summary(id, "h", &KEY, &summary("s")).unwrap();
    assert_eq!(history.document(id).unwrap().unwrap().path, latin1);
    assert_eq!(
        history.record_open(&doc(latin1, "h", "M", "text")).unwrap(),
        id
    );
    assert!(history
        .find_summary::<Summary>(latin1, "h", &KEY)
        .unwrap()
        .is_some());
    assert_eq!(search(&history, "statements/m"), [id]);
}

#[test]
fn delete_removes_the_document_and_its_summaries() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    let keep = record(&mut history, "/keep.pdf", "Keep", "keep");
    let gone = record(&mut history, "/gone.pdf", "Gone", "gone");
    for id in [keep, gone] {
        let hash = history.document(id).unwrap().unwrap().content_hash;
        history
            .store_summary(id, &hash, &KEY, &summary("s"))
            .unwrap();
    }

    assert!(history.delete(gone).unwrap());
    assert_eq!(history.document(gone).unwrap(), None);
    assert_eq!(search(&history, ""), [keep]);
    assert_eq!(count(&dir, "summaries"), 1, "only the kept document's");
    assert!(!history.delete(gone).unwrap(), "already gone");

    // The id is not handed out again.
    let next = record(&mut history, "/new.pdf", "New", "new");
    assert!(next > gone);
}

#[test]
fn clear_removes_everything_and_the_history_stays_usable() {
    let dir = TempDir::new().unwrap();
    let mut history = open(&dir);
    searchable(&mut history);
    let id = record(&mut history, "/s.pdf", "S", "s");
    history
        .store_summary(id, &content_hash(b"s"), &KEY, &summary("s"))
        .unwrap();

    history.clear().unwrap();
    assert_eq!(search(&history, ""), [] as [DocumentId; 0]);
    assert_eq!(count(&dir, "documents"), 0);
    assert_eq!(count(&dir, "summaries"), 0);

    record(&mut history, "/after.pdf", "After", "after");
    assert_eq!(history.entries("", 10).unwrap().len(), 1);
}

#[test]
fn opening_again_keeps_the_data() {
    let dir = TempDir::new().unwrap();
    let id = record(&mut open(&dir), "/a.pdf", "A", "a");
    let history = open(&dir);
    let history_again = open(&dir);
    assert_eq!(
        history.document(id).unwrap().unwrap().title.as_deref(),
        Some("A")
    );
    assert_eq!(history_again.entries("", 10).unwrap().len(), 1);
    assert_eq!(history.path(), db_path(&dir));
}

#[test]
fn a_database_from_a_newer_brief_is_refused_and_left_alone() {
    let dir = TempDir::new().unwrap();
    record(&mut open(&dir), "/a.pdf", "A", "a");
    Connection::open(db_path(&dir))
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();

    let error = History::open(&db_path(&dir)).unwrap_err();
    assert!(
        matches!(error, Error::NewerSchema { found: 99, .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("written by a newer version of Brief (schema 99, this version knows 1)"),
        "{message}"
    );
    assert!(
        message.contains(&db_path(&dir).display().to_string()),
        "{message}"
    );

    // Not damage: recovery must not move it aside.
    assert!(matches!(
        History::open_or_recover(&db_path(&dir)),
        Err(Error::NewerSchema { .. })
    ));
    assert_eq!(
        fs::read_dir(db_path(&dir).parent().unwrap())
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn a_file_of_garbage_is_moved_aside_and_a_fresh_history_started() {
    let dir = TempDir::new().unwrap();
    let path = db_path(&dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage: Vec<u8> = (0..10_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    fs::write(&path, &garbage).unwrap();

    let error = History::open(&path).unwrap_err();
    assert!(error.is_corrupt(), "{error:?}");
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );

    let (mut history, moved) = History::open_or_recover(&path).unwrap();
    let moved = moved.expect("the garbage was moved aside");
    assert_eq!(moved.parent(), path.parent());
    let moved_name = moved.file_name().unwrap().to_str().unwrap();
    assert!(
        moved_name.starts_with("history.sqlite3.corrupt-"),
        "{moved_name}"
    );
    assert_eq!(fs::read(&moved).unwrap(), garbage, "kept byte for byte");

    let id = record(&mut history, "/a.pdf", "A", "a");
    assert_eq!(search(&history, ""), [id]);
    drop(history);

    // Healthy now: nothing more is moved.
    let (history, moved_again) = History::open_or_recover(&path).unwrap();
    assert_eq!(moved_again, None);
    assert_eq!(search(&history, ""), [id]);
}

#[test]
fn a_damaged_database_is_moved_aside() {
    let dir = TempDir::new().unwrap();
    let path = db_path(&dir);
    {
        let mut history = open(&dir);
        for i in 0..50 {
            record(
                &mut history,
                &format!("/{i}.pdf"),
                "T",
                &format!("{i} {}", "x".repeat(3000)),
            );
        }
    }
    // Overwrite pages 2-5 (b-tree pages) with garbage; the header on page 1 stays valid.
    let mut bytes = fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 6 * page);
    for b in &mut bytes[page..5 * page] {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).unwrap();

    let (history, moved) = History::open_or_recover(&path).unwrap();
    let moved = moved.expect("damage detected");
    assert_eq!(fs::read(&moved).unwrap(), bytes);
    assert_eq!(search(&history, ""), [] as [DocumentId; 0]);
}
