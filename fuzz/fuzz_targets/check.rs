// Shared by the targets: reading never panics, and a document's sentences are valid slices.
use brief_document::Document;
use std::path::Path;

pub fn read(bytes: &[u8], name: &str) {
    if let Ok(doc) = Document::parse(bytes, Some(Path::new(name))) {
        doc.assert_spans_valid();
    }
}
