//! Word documents and PDFs (seeded with real ones): ZIP and XML reading, the PDF parser.
#![no_main]

mod check;

// Panics the reader catches itself (it reports the file as damaged) are not crashes.
libfuzzer_sys::fuzz_target!(
    init: brief_document::panics::silence_caught_panics(),
    |bytes: &[u8]| check::read(bytes, "statement.docx")
);
