//! Web pages, Word documents and PDFs through the `brief` command, and the files that must be
//! refused with a clear message.

use brief_core::Document;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/formats")
        .join(name)
}

const PLAIN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/statement-lt-it-defence-2024-07-02.txt"
);

fn brief(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["summarize", "-n", "5", "--format", "json"])
        .args(args)
        .output()
        .expect("brief runs")
}

#[test]
fn html_docx_and_pdf_give_the_points_of_the_plain_text() {
    let files = [
        fixture("statement.html"),
        fixture("statement.docx"),
        fixture("statement.pdf"),
    ];
    let mut args: Vec<&Path> = vec![Path::new(PLAIN)];
    args.extend(files.iter().map(PathBuf::as_path));
    let output = brief(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let points = |result: &serde_json::Value| -> Vec<String> {
        result["key_points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap().to_string())
            .collect()
    };
    let plain = points(&results[0]);
    assert_eq!(plain.len(), 5);
    for (file, result) in files.iter().zip(&results[1..]) {
        assert_eq!(points(result), plain, "{}", file.display());
        // Evidence points into the text the original pane shows, i.e. the extracted text.
        let doc = Document::open(file).unwrap();
        for point in result["key_points"].as_array().unwrap() {
            let evidence = &point["evidence"][0];
            let span = evidence["start"].as_u64().unwrap() as usize
                ..evidence["end"].as_u64().unwrap() as usize;
            assert_eq!(point["text"].as_str().unwrap(), &doc.text[span]);
        }
        assert_eq!(
            result["title"],
            "Minister Kasčiūnas: Lithuania’s priorities in defence cooperation with Italy remain unchanged"
        );
    }
    assert_eq!(results[1]["format"], "html");
    assert_eq!(results[1]["date"], "2024-07-02", "from the page's metadata");
    assert_eq!(results[2]["format"], "docx");
    assert_eq!(results[3]["format"], "pdf");
}

#[test]
fn a_saved_web_page_loses_its_menus_banners_and_footer() {
    let doc = Document::open(&fixture("statement.html")).unwrap();
    for boilerplate in [
        "Skip to content",
        "Contacts",
        "cookies",
        "Home",
        "Share:",
        "Related news",
        "All rights reserved",
        "dataLayer",
    ] {
        assert!(!doc.text.contains(boilerplate), "{boilerplate:?} left in");
    }
    assert!(doc.text.starts_with("“Lithuania’s priorities"));
    assert!(doc
        .text
        .ends_with("particularly in the area of high technology."));
}

#[test]
fn a_renamed_file_is_read_as_what_it_is() {
    let dir = std::env::temp_dir().join(format!("brief-renamed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docx_as_txt = dir.join("statement.txt");
    std::fs::copy(fixture("statement.docx"), &docx_as_txt).unwrap();
    let text_as_pdf = dir.join("statement.pdf");
    std::fs::copy(PLAIN, &text_as_pdf).unwrap();
    for path in [&docx_as_txt, &text_as_pdf] {
        let doc = Document::open(path).unwrap();
        assert!(doc.text.contains("Leonardo"), "{}", path.display());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_files_get_a_clear_message_each() {
    let dir = std::env::temp_dir().join(format!("brief-bad-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let nested = dir.join("nested.html");
    std::fs::write(
        &nested,
        format!("{}text{}", "<div>".repeat(50_000), "</div>".repeat(50_000)),
    )
    .unwrap();
    let cases = [
        (fixture("truncated.docx"), "this Word document is damaged"),
        (fixture("truncated.pdf"), "this PDF is damaged"),
        (fixture("scanned.pdf"), "this PDF has no text layer"),
        (
            fixture("zip-bomb.docx"),
            "more than 100 MB; it may be a zip bomb",
        ),
        (nested, "nested more than 1000 levels deep"),
    ];
    let paths: Vec<&Path> = cases.iter().map(|(path, _)| path.as_path()).collect();
    let output = brief(&paths);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines.len(),
        cases.len(),
        "one line each, no panic:\n{stderr}"
    );
    for ((path, message), line) in cases.iter().zip(lines) {
        assert!(
            line.starts_with(&format!("brief: {}: ", path.display())) && line.contains(message),
            "{line}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
