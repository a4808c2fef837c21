//! The `brief` command with the real model, as a person uses it.

use brief_core::Document;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/statement-lt-it-defence-2024-07-02.txt"
);

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .expect("brief runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn key_points_are_sentences_of_the_statement_in_order() {
    let output = brief(&["summarize", FIXTURE]);
    assert!(output.status.success(), "{}", stderr(&output));
    let doc = Document::open(Path::new(FIXTURE)).unwrap();
    let sentences = doc.sentence_texts();
    let points: Vec<String> = stdout(&output).lines().map(String::from).collect();
    assert_eq!(points.len(), 5);
    let positions: Vec<usize> = points
        .iter()
        .map(|p| {
            sentences
                .iter()
                .position(|s| s == p)
                .expect("a sentence of the text")
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "in document order, no repeats: {positions:?}"
    );
    // The statement's news: the air-defence request and the Air Policing rotations.
    let all = points.join("\n");
    assert!(
        all.contains("Air Defence Model") || all.contains("air defence capabilities in Lithuania")
    );
    assert!(all.contains("Air Policing"));
}

#[test]
fn the_automatic_count_grows_with_the_document_and_says_so() {
    let speech = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/corpus/us-wh-remarks-aukus-partnership-submarines-2023-03-13.txt"
    );
    let output = brief(&[
        "summarize",
        "--points",
        "auto",
        "--format",
        "json",
        FIXTURE,
        speech,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let counts: Vec<(usize, bool)> = stdout(&output)
        .lines()
        .map(|line| {
            let json: serde_json::Value = serde_json::from_str(line).unwrap();
            let points = json["key_points"].as_array().unwrap().len();
            (points, json["auto_count"].as_bool().unwrap())
        })
        .collect();
    // A 418-word release gets 5 points; a 3,000-word speech gets 10.
    assert_eq!(counts, [(5, true), (10, true)]);
    let markdown = brief(&["summarize", "-n", "auto", "--format", "markdown", speech]);
    assert!(stdout(&markdown).contains("_10 key points (automatic count for "));
    let fixed = brief(&["summarize", "-n", "5", "--format", "markdown", speech]);
    assert!(!stdout(&fixed).contains("automatic count"));
    let wrong = brief(&["summarize", "-n", "many", FIXTURE]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains("expected 'auto' or a number from 1 to 12"));
}

#[test]
fn json_carries_evidence_spans_into_the_text() {
    let output = brief(&["summarize", "--points", "7", "--format", "json", FIXTURE]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    let doc = Document::open(Path::new(FIXTURE)).unwrap();
    assert_eq!(json["date"], "2024-07-02");
    assert_eq!(json["words"], doc.words());
    assert_eq!(json["model"], "sentence-transformers/all-MiniLM-L6-v2");
    assert!(json["timings_ms"]["total_ms"].as_f64().unwrap() > 0.0);
    let points = json["key_points"].as_array().unwrap();
    assert_eq!(points.len(), 7);
    for point in points {
        let evidence = &point["evidence"][0];
        let start = evidence["start"].as_u64().unwrap() as usize;
        let end = evidence["end"].as_u64().unwrap() as usize;
        let sentence = evidence["sentence"].as_u64().unwrap() as usize;
        assert_eq!(point["text"].as_str().unwrap(), &doc.text[start..end]);
        assert_eq!(doc.sentence(sentence), &doc.text[start..end]);
    }
}

#[test]
fn markdown_has_title_date_and_bullets() {
    let output = brief(&["summarize", "-n", "3", "--format", "markdown", FIXTURE]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..3],
        ["# statement-lt-it-defence-2024-07-02", "_2024-07-02_", ""]
    );
    assert_eq!(lines[3..].len(), 3);
    assert!(lines[3..]
        .iter()
        .all(|l| l.starts_with("- ") && l.len() > 30));
}

#[test]
fn bad_files_fail_one_by_one_and_the_others_are_summarised() {
    let dir = scratch("bad");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let statement = std::fs::read_to_string(FIXTURE).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(statement.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let latin1 = b"La ministre a annonc\xe9 que la France fournira 12 radars \xe0 l'Estonie en 2025. \
        Le co\xfbt total s'\xe9l\xe8ve \xe0 40 millions d'euros. La livraison commencera en mars. \
        Les deux pays ont sign\xe9 un accord \xe0 Tallinn. Il couvre aussi la formation des op\xe9rateurs.";
    let empty = write("empty.txt", b"");
    let blank = write("blank.txt", b" \n\t\n ");
    let binary = write(
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0",
    );
    let utf16 = write("utf16.txt", &utf16);
    let latin1 = write("latin1.txt", latin1);
    let missing = dir.join("missing.txt").display().to_string();
    let folder = dir.join("nothing-here");
    std::fs::create_dir(&folder).unwrap();
    let folder = folder.display().to_string();
    // Reading a process's memory from offset 0 fails with an I/O error: an unreadable file
    // even for root, who can read files without read permission.
    let output = brief(&[
        "summarize",
        &empty,
        FIXTURE,
        &blank,
        &binary,
        &utf16,
        &missing,
        &folder,
        &latin1,
        "/proc/self/mem",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 6, "one line per failed file:\n{errors}");
    // Folders are read before the files.
    assert!(lines[0].contains("nothing-here: no .txt, .md, .html, .docx or .pdf files"));
    assert!(lines[1].contains("empty.txt: the file is empty"));
    assert!(lines[2].contains("blank.txt: the file contains only white space"));
    assert!(lines[3].contains("photo.txt: this is a PNG image, not a document"));
    assert!(lines[4].contains("missing.txt: file not found"));
    assert!(lines[5].contains("/proc/self/mem: cannot be read"));
    let out = stdout(&output);
    let blocks: Vec<&str> = out.split("\n\n").collect();
    assert_eq!(blocks.len(), 3, "three files summarised:\n{out}");
    let points = |block: &str| block.lines().skip(1).map(String::from).collect::<Vec<_>>();
    assert_eq!(
        points(blocks[0]),
        points(blocks[1]),
        "UTF-16 gives the points of the UTF-8 original"
    );
    assert!(
        blocks[2].contains("40 millions d'euros") || blocks[2].contains("12 radars à l'Estonie")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_20_mb_file_is_read_to_the_end() {
    let dir = scratch("large");
    let path = dir.join("large.txt");
    let filler =
        "The delegations continued their regular consultations on a range of general topics.\n";
    let mut text = filler.repeat(20_000_000 / filler.len());
    text.push_str("On 14 March 2025 the parliament approved EUR 2.4 billion for the Rail Baltica line to Warsaw.\n");
    std::fs::write(&path, &text).unwrap();
    let output = brief(&["summarize", "-n", "3", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("EUR 2.4 billion for the Rail Baltica"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_or_damaged_model_gets_a_clear_message() {
    let dir = scratch("models");
    let output = brief(&["summarize", "--models", dir.to_str().unwrap(), FIXTURE]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("the model is missing"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("Run scripts/setup.sh"));

    let installed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/all-minilm-l6-v2");
    let copy = dir.join("all-minilm-l6-v2");
    for name in brief_core::embed::MODEL_FILES {
        std::fs::create_dir_all(copy.join(name).parent().unwrap()).unwrap();
        std::fs::copy(installed.join(name), copy.join(name)).unwrap();
    }
    let with_damaged = |name: &str, bytes: &[u8]| {
        let original = std::fs::read(copy.join(name)).unwrap();
        std::fs::write(copy.join(name), bytes).unwrap();
        let output = brief(&["summarize", "--models", dir.to_str().unwrap(), FIXTURE]);
        std::fs::write(copy.join(name), original).unwrap();
        output
    };
    let damage: [(&str, &[u8]); 2] = [
        ("config.json", b"{ not json"),
        ("model.safetensors", b"\x08\0\0\0\0\0\0\0{}"),
    ];
    for (name, bytes) in damage {
        let output = with_damaged(name, bytes);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{name}: {message}");
        assert!(
            message.contains("is damaged") && message.contains("Run scripts/setup.sh"),
            "{name}: {message}"
        );
        assert!(!message.contains("panicked"), "{name}: {message}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn written_points_in_json_say_their_kind_their_checks_and_their_evidence() {
    let output = brief(&["summarize", "--mode", "written", "-f", "json", FIXTURE]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(json["kind"], "written");
    // When the first point came, and the last: what a reader waited for.
    let first = json["timings_ms"]["first_point_ms"].as_f64().unwrap();
    let all = json["timings_ms"]["total_ms"].as_f64().unwrap();
    assert!(
        0.0 < first && first <= all,
        "first {first} ms, all {all} ms"
    );
    let text = Document::open(Path::new(FIXTURE)).unwrap().text;
    let points = json["key_points"].as_array().unwrap();
    assert_eq!(points.len(), 5);
    for point in points {
        let kind = point["kind"].as_str().unwrap();
        assert!(kind == "written" || kind == "sentence", "{point}");
        assert!(point["issues"].is_array(), "{point}");
        for evidence in point["evidence"].as_array().unwrap() {
            let (start, end) = (evidence["start"].as_u64(), evidence["end"].as_u64());
            assert!(text
                .get(start.unwrap() as usize..end.unwrap() as usize)
                .is_some());
        }
    }
    // Most points are the model's own words, not copies of a sentence.
    let sentences = Document::open(Path::new(FIXTURE)).unwrap();
    let sentences = sentences.sentence_texts();
    let rewritten = points
        .iter()
        .filter(|p| !sentences.contains(&p["text"].as_str().unwrap()))
        .count();
    assert!(rewritten >= 3, "{points:?}");
}

#[test]
fn a_missing_or_damaged_writing_model_is_named_and_key_sentences_still_work() {
    let dir = scratch("writer");
    let installed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models");
    let embedder = dir.join(brief_core::embed::MODEL_DIR_NAME);
    for name in brief_core::embed::MODEL_FILES {
        std::fs::create_dir_all(embedder.join(name).parent().unwrap()).unwrap();
        std::fs::copy(
            installed.join(brief_core::embed::MODEL_DIR_NAME).join(name),
            embedder.join(name),
        )
        .unwrap();
    }
    let models = dir.to_str().unwrap();
    let written = || {
        brief(&[
            "summarize",
            "--mode",
            "written",
            "--models",
            models,
            FIXTURE,
        ])
    };
    let output = written();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("the writing model is missing")
            && stderr(&output).contains("Run scripts/setup.sh"),
        "{}",
        stderr(&output)
    );
    // A model cut short, as by an interrupted copy: its first megabyte only.
    let gguf = brief_writer_model(&installed);
    let mut head = vec![0u8; 1 << 20];
    std::io::Read::read_exact(&mut std::fs::File::open(&gguf).unwrap(), &mut head).unwrap();
    let damaged = brief_writer_model(&dir);
    std::fs::create_dir_all(damaged.parent().unwrap()).unwrap();
    std::fs::write(&damaged, head).unwrap();
    let output = written();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is damaged"),
        "{}",
        stderr(&output)
    );
    // The key sentences need only the embedding model.
    let output = brief(&["summarize", "--models", models, FIXTURE]);
    assert!(output.status.success(), "{}", stderr(&output));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn brief_writer_model(models: &Path) -> PathBuf {
    models
        .join(brief_core::written::WRITER_MODEL_DIR)
        .join(brief_core::written::WRITER_MODEL_FILE)
}
