//! `brief summarize DIR --out DIR2`: a folder of statements into Markdown and JSON files, with
//! the history skipping unchanged files, and a run killed midway losing nothing.

use brief_core::history::History;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/corpus");

/// Short releases of the corpus, each with at least five sentences that can be key points.
const STATEMENTS: [&str; 11] = [
    "au-afghanistan-security-assistance-2016-07-08.txt",
    "au-sulawesi-earthquake-tsunami-assistance-2018-10-03.txt",
    "ca-gac-african-vaccine-manufacturing-2024-06-20.txt",
    "de-aa-world-humanitarian-day-2023-08-19.txt",
    "eu-commission-roaming-net-neutrality-2015-06-30.txt",
    "eu-commission-state-aid-italy-photovoltaic-2024-08-08.txt",
    "fr-mfa-afghanistan-women-universities-2022-12-20.txt",
    "jp-mofa-japan-us-telephone-talk-2022-01-06.txt",
    "uk-mod-nato-defence-ministers-2022-03-17.txt",
    "un-sg-warsaw-climate-conference-2013-11-23.txt",
    "us-state-ukraine-humanitarian-assistance-2022-07-09.txt",
];

/// A scratch folder with `in/` holding the corpus statements (some in `in/more/`) and one
/// file that is not a statement.
fn setup(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in/more")).unwrap();
    let statements: Vec<PathBuf> = STATEMENTS
        .iter()
        .map(|name| Path::new(CORPUS).join(name))
        .collect();
    for (i, path) in statements.iter().enumerate() {
        let sub = if i % 3 == 0 { "in/more" } else { "in" };
        std::fs::copy(path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("in/scan.pdf"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    dir
}

fn batch(dir: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .arg("summarize")
        .arg(dir.join("in"))
        .arg("--out")
        .arg(dir.join("out"))
        .args(extra)
        .env("BRIEF_HISTORY", dir.join("history.sqlite3"));
    command
}

fn run(dir: &Path, extra: &[&str]) -> (Output, String) {
    let output = batch(dir, extra).output().unwrap();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    (output, stdout)
}

/// Every finished output: each JSON file parses with key points, each Markdown file has its
/// heading and bullets. Returns how many statements have both.
fn check_outputs(out: &Path) -> usize {
    let mut complete = 0;
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".json") && !name.starts_with('.') {
                let json: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert_eq!(json["key_points"].as_array().unwrap().len(), 5);
                let markdown =
                    std::fs::read_to_string(path.with_extension("md")).unwrap_or_default();
                if markdown.starts_with("# ")
                    && markdown.lines().filter(|l| l.starts_with("- ")).count() == 5
                {
                    complete += 1;
                }
            }
        }
    }
    complete
}

#[test]
fn a_folder_is_summarised_and_unchanged_files_are_skipped() {
    let dir = setup("folder");
    let statements = STATEMENTS.len();
    let in_top = statements - statements.div_ceil(3);

    // Without -r only the top folder is read.
    let (output, report) = run(&dir, &["--jobs", "2"]);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.starts_with(&format!("Summarised {in_top} of {} files", in_top + 1)),
        "{report}"
    );
    assert!(report.contains("1 failed:\n  "), "{report}");
    assert!(report.contains("scan.pdf: this is a PNG image"), "{report}");
    assert_eq!(check_outputs(&dir.join("out")), in_top);
    let markdown = std::fs::read_to_string(
        dir.join("out/ca-gac-african-vaccine-manufacturing-2024-06-20.txt.md"),
    )
    .unwrap();
    assert!(markdown.starts_with("# "), "{markdown}");

    // Recursive: only the subfolder's files are new.
    let (_, report) = run(&dir, &["-r"]);
    assert!(
        report.starts_with(&format!(
            "Summarised {} of {} files",
            statements - in_top,
            statements + 1
        )),
        "{report}"
    );
    assert!(report.contains(&format!(
        "({in_top} unchanged since their last summary, skipped)"
    )));
    assert_eq!(check_outputs(&dir.join("out")), statements);
    assert!(dir.join("out/more").is_dir(), "the folder layout is kept");

    // A changed file is summarised again; so is one whose output was deleted.
    let changed = dir.join("in/ca-gac-african-vaccine-manufacturing-2024-06-20.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(
        &changed,
        text + "\nThe minister will report back in June.\n",
    )
    .unwrap();
    let deleted = std::fs::read_dir(dir.join("out/more"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    std::fs::remove_file(&deleted).unwrap();
    let (_, report) = run(&dir, &["-r"]);
    assert!(
        report.starts_with(&format!("Summarised 2 of {} files", statements + 1)),
        "{report}"
    );
    assert_eq!(check_outputs(&dir.join("out")), statements);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn killing_a_run_midway_loses_nothing() {
    let dir = setup("kill");
    let history_file = dir.join("history.sqlite3");
    for round in 0..6u64 {
        let mut child = batch(&dir, &["-r"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300 + round * 250));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let (history, moved) = History::open_or_recover(&history_file).unwrap();
        assert_eq!(moved, None, "round {round}: the database is intact");
        let entries = history.entries("", 100).unwrap();
        assert!(entries.iter().all(|e| e.summarized), "round {round}");
        check_outputs(&dir.join("out"));
    }
    // A last full run finishes the work: every statement summarised once, none twice.
    let (output, report) = run(&dir, &["-r"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "only the PNG fails: {report}"
    );
    let statements = check_outputs(&dir.join("out"));
    let (history, _) = History::open_or_recover(&history_file).unwrap();
    assert_eq!(history.entries("", 100).unwrap().len(), statements);
    std::fs::remove_dir_all(&dir).unwrap();
}
