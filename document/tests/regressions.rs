//! Every input the fuzzer ever broke brief-document with is read again, as each kind of file:
//! a document or a clear error, never a panic.

use brief_document::Document;
use std::path::Path;

#[test]
fn past_fuzz_findings_read_cleanly() {
    brief_document::panics::silence_caught_panics();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/fuzz-regressions");
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for name in ["a.txt", "a.html", "a.docx", "a.pdf"] {
            if let Ok(doc) = Document::parse(&bytes, Some(Path::new(name))) {
                doc.assert_spans_valid();
            }
        }
        read += 1;
    }
    assert!(read > 0, "the regressions folder is read");
}
