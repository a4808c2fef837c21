//! "Nothing is lost when the app is killed (kill -9) in the middle of writing": a writer process
//! is killed with SIGKILL at varying moments, again and again, and each time the database is
//! reopened and checked: intact, every summary readable, every write the writer reported as
//! committed present, and everything from earlier rounds still as it was.
//!
//! The writer is this test binary run again for its ignored `writer_child` test, with the
//! database and round in environment variables, so it writes through the real `History` API.

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use brief_history::{content_hash, History, NewDocument, SummaryKey};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use tempfile::TempDir;

const DB_VARIABLE: &str = "BRIEF_HISTORY_KILL_TEST_DB";
const ROUND_VARIABLE: &str = "BRIEF_HISTORY_KILL_TEST_ROUND";
const ROUNDS: u64 = 15;

const KEY: SummaryKey<'static> = SummaryKey {
    mode: "bullets",
    points: 5,
    model: "all-minilm-l6-v2",
    model_version: "1",
};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Summary {
    round: u64,
    write: u64,
    points: Vec<String>,
}

fn summary(round: u64, write: u64) -> Summary {
    Summary {
        round,
        write,
        points: (0..5)
            .map(|i| format!("point {i} of write {write}"))
            .collect(),
    }
}

/// The document that write `n` goes to: mostly a new one, but every third write rewrites the
/// document of two writes before with new content, so that kills also land in updates and in the
/// dropping of stale summaries.
fn document_of(n: u64) -> u64 {
    if n % 3 == 2 {
        n - 2
    } else {
        n
    }
}

fn document_path(round: u64, document: u64) -> PathBuf {
    PathBuf::from(format!("/statements/round-{round}/document-{document}.txt"))
}

/// The text of write `n`: 1 to 13 KB, so most spill over SQLite's 4 KB pages.
fn text(round: u64, n: u64) -> String {
    let line = format!("Round {round}, write {n}: card payment 12.50 EUR, groceries.\n");
    line.repeat(20 + (n * 37 % 200) as usize)
}

/// The writer: writes until killed, reporting each write once both its transactions committed.
#[test]
#[ignore = "the process that kill_9_in_the_middle_of_writing_loses_nothing runs and kills"]
fn writer_child() {
    let (Some(db), Some(round)) = (
        env::var_os(DB_VARIABLE),
        env::var(ROUND_VARIABLE).ok().and_then(|r| r.parse().ok()),
    ) else {
        return; // Run by hand (e.g. --include-ignored): nothing to do.
    };
    let mut history = History::open(Path::new(&db)).unwrap();
    let mut stdout = std::io::stdout().lock();
    // Should the parent die without killing it, the writer still stops.
    let deadline = Instant::now() + Duration::from_secs(30);
    for n in 0.. {
        if Instant::now() > deadline {
            break;
        }
        let text = text(round, n);
        let hash = content_hash(text.as_bytes());
        let path = document_path(round, document_of(n));
        let id = history
            .record_open(&NewDocument {
                path: &path,
                content_hash: &hash,
                title: Some(&format!("Statement {n}")),
                date: Some("2024-05-31"),
                text: &text,
                words: text.split_whitespace().count(),
            })
            .unwrap();
        history
            .store_summary(id, &hash, &KEY, &summary(round, n))
            .unwrap();
        // A line, so the parent can tell a whole report from one cut by the kill.
        writeln!(stdout, "committed {n}").unwrap();
        stdout.flush().unwrap();
    }
}

/// What one document holds: its content hash and the write its summary is from, if any.
type State = BTreeMap<PathBuf, (String, Option<u64>)>;

#[test]
fn kill_9_in_the_middle_of_writing_loses_nothing() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("history.sqlite3");
    let exe = env::current_exe().unwrap();
    let mut before = State::new();
    let mut writes = 0;

    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args([
                "writer_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DB_VARIABLE, &db)
            .env(ROUND_VARIABLE, round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();

        // Collect the reports as they come, passing each on so the kill can wait for the first.
        let stdout = child.stdout.take().unwrap();
        let (report, reports) = mpsc::channel();
        let reader = thread::spawn(move || {
            let mut committed = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // libtest may print "test writer_child ... " on the same line before the first.
                if let Some(n) = line
                    .rsplit_once("committed ")
                    .and_then(|(_, n)| n.parse::<u64>().ok())
                {
                    committed.push(n);
                    let _ = report.send(n);
                }
            }
            committed
        });

        // Kill at a different moment each round, but only once writing is under way.
        let started = reports.recv_timeout(Duration::from_secs(20));
        let delay = Duration::from_millis(50 + round * 97 % 350);
        thread::sleep(delay);
        let exited_early = child.try_wait().unwrap();
        child.kill().unwrap();
        child.wait().unwrap();
        let committed = reader.join().unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert!(
            started.is_ok() && exited_early.is_none(),
            "round {round}: the writer did not write until killed ({exited_early:?}):\n{stderr}"
        );
        assert_eq!(
            committed,
            (0..committed.len() as u64).collect::<Vec<_>>(),
            "round {round}: reports missing or out of order"
        );
        writes += committed.len();

        let after = check(&db, round, &committed);
        for (path, state) in &before {
            assert_eq!(
                after.get(path),
                Some(state),
                "round {round}: {path:?} changed"
            );
        }
        before = after;
    }
    // Enough writes that the kills landed mid-write often, not only between writes.
    assert!(writes > 100, "only {writes} writes in {ROUNDS} rounds");
}

/// Reopens the database after round `round` and checks it against the writes reported as
/// committed; returns the whole database's state.
fn check(db: &Path, round: u64, committed: &[u64]) -> State {
    let history = History::open(db).unwrap();
    let conn = Connection::open(db).unwrap();

    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(integrity, ["ok"], "round {round}");

    let mut summaries = conn
        .prepare(
            "SELECT d.path, s.content_hash, s.summary_json
             FROM summaries s JOIN documents d ON d.id = s.document_id",
        )
        .unwrap();
    let mut state: State = conn
        .prepare("SELECT path, content_hash FROM documents")
        .unwrap()
        .query_map([], |row| {
            Ok((PathBuf::from(row.get::<_, String>(0)?), (row.get(1)?, None)))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let rows = summaries
        .query_map([], |row| {
            Ok((
                PathBuf::from(row.get::<_, String>(0)?),
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (path, hash, json) = row.unwrap();
        let summary: Summary = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("round {round}: unreadable summary of {path:?}: {e}"));
        let (current, write) = state.get_mut(&path).unwrap();
        assert_eq!(&hash, current, "round {round}: stale summary of {path:?}");
        assert_eq!(*write, None, "one key, so one summary per document");
        *write = Some(summary.write);
    }

    // Each document as the last reported write to it left it, except that the write in flight
    // at the kill may have committed its document, or its document and summary, unreported.
    let in_flight = committed.len() as u64;
    let mut candidates: BTreeMap<PathBuf, Vec<u64>> = BTreeMap::new();
    for &n in committed {
        candidates.insert(document_path(round, document_of(n)), vec![n]);
    }
    let reported: BTreeSet<PathBuf> = candidates.keys().cloned().collect();
    candidates
        .entry(document_path(round, document_of(in_flight)))
        .or_default()
        .push(in_flight);
    let stored: BTreeSet<PathBuf> = state
        .keys()
        .filter(|path| path.starts_with(format!("/statements/round-{round}")))
        .cloned()
        .collect();
    let lost: Vec<_> = reported.difference(&stored).collect();
    assert!(lost.is_empty(), "round {round}: lost {lost:?}");
    let unexpected: Vec<_> = stored
        .iter()
        .filter(|path| !candidates.contains_key(*path))
        .collect();
    assert!(unexpected.is_empty(), "round {round}: {unexpected:?}");

    // Through the API: the listing has every document, each as written.
    let ids: BTreeMap<PathBuf, i64> = history
        .entries("", usize::MAX)
        .unwrap()
        .into_iter()
        .map(|entry| (entry.path, entry.id))
        .collect();
    assert_eq!(ids.len(), state.len(), "round {round}");
    for path in &stored {
        let (hash, _) = &state[path];
        let write = candidates[path]
            .iter()
            .copied()
            .find(|&w| *hash == content_hash(text(round, w).as_bytes()))
            .unwrap_or_else(|| {
                panic!(
                    "round {round}: {path:?} holds none of writes {:?}",
                    candidates[path]
                )
            });

        let document = history.document(ids[path]).unwrap().unwrap();
        assert_eq!(document.text, text(round, write), "round {round}: {path:?}");
        match history.find_summary::<Summary>(path, hash, &KEY).unwrap() {
            Some(found) => assert_eq!(found.summary, summary(round, write)),
            // Only the write in flight may have got its document stored but not its summary.
            None => assert_eq!(write, in_flight, "round {round}: summary of {path:?} lost"),
        }
    }
    state
}
