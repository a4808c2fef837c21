//! The text of a Word document: the paragraphs of `word/document.xml`, in order, read from the
//! ZIP container with a bound on how much it may expand.

use super::MAX_EXTRACTED_BYTES;
use crate::error::{Error, Result};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

const FORMAT: &str = "Word document";

pub(super) struct WordText {
    pub text: String,
    /// The title in the document's properties, when one was set.
    pub title: Option<String>,
}

pub(super) fn text(bytes: &[u8]) -> Result<WordText> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if archive.index_for_name("word/document.xml").is_none() {
        return Err(Error::Unsupported {
            kind: "a ZIP archive without a Word document in it",
        });
    }
    let body = read_entry(&mut archive, "word/document.xml")?;
    let text = paragraphs(&body)?;
    // The properties are optional; a damaged one costs only the title.
    let title = read_entry(&mut archive, "docProps/core.xml")
        .ok()
        .and_then(|core| element_text(&core, "title"));
    Ok(WordText { text, title })
}

fn damaged(err: impl std::fmt::Display) -> Error {
    Error::Damaged {
        format: FORMAT,
        reason: err.to_string(),
    }
}

/// Reads one entry as UTF-8, refusing to expand it past [`MAX_EXTRACTED_BYTES`]: the size the
/// archive declares can lie, so the bound is on the bytes actually inflated.
fn read_entry(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<String> {
    let too_big = || Error::Damaged {
        format: FORMAT,
        reason: format!(
            "its text would expand to more than {} MB; it may be a zip bomb",
            MAX_EXTRACTED_BYTES / 1_000_000
        ),
    };
    let entry = archive.by_name(name).map_err(damaged)?;
    if entry.size() > MAX_EXTRACTED_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    entry
        .take(MAX_EXTRACTED_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(damaged)?;
    if bytes.len() as u64 > MAX_EXTRACTED_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|_| damaged(format!("{name} is not UTF-8")))
}

/// Paragraphs (`w:p`) become lines, tabs and breaks white space; only `w:t` runs are text, so
/// field codes and deleted revisions stay out.
fn paragraphs(xml: &str) -> Result<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(damaged)? {
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                "p" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => push_reference(&mut out, &r)?,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn push_reference(out: &mut String, reference: &quick_xml::events::BytesRef) -> Result<()> {
    if let Some(c) = reference.resolve_char_ref().map_err(damaged)? {
        out.push(c);
    } else if let Some(text) =
        quick_xml::escape::resolve_predefined_entity(&reference.xml10_content())
    {
        out.push_str(text);
    }
    Ok(())
}

/// The text of the first element with this local name.
fn element_text(xml: &str, name: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == name => inside = true,
            Event::End(e) if inside && e.local_name().as_ref() == name => break,
            Event::Text(t) if inside => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if inside => push_reference(&mut text, &r).ok()?,
            Event::Eof => return None,
            _ => {}
        }
    }
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in entries {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const BODY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Joint statement</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The ministers met on 2 July. </w:t></w:r><w:r><w:t>They agreed &amp; signed.</w:t></w:r></w:p>
<w:p><w:r><w:instrText>PAGE \* MERGEFORMAT</w:instrText><w:delText>Deleted words.</w:delText><w:t>Kept</w:t><w:tab/><w:t>words.</w:t></w:r></w:p>
</w:body></w:document>"#;

    #[test]
    fn paragraphs_in_order_without_field_codes_or_deletions() {
        let bytes = docx(&[
            ("word/document.xml", BODY),
            (
                "docProps/core.xml",
                r#"<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Joint statement of ministers</dc:title></cp:coreProperties>"#,
            ),
        ]);
        let word = text(&bytes).unwrap();
        assert_eq!(
            word.text.trim(),
            "Joint statement\nThe ministers met on 2 July. They agreed & signed.\nKept\twords."
        );
        assert_eq!(word.title.as_deref(), Some("Joint statement of ministers"));
    }

    #[test]
    fn a_truncated_document_is_damaged() {
        let bytes = docx(&[("word/document.xml", BODY)]);
        let err = text(&bytes[..bytes.len() / 2]).err().unwrap();
        assert!(matches!(err, Error::Damaged { .. }), "{err}");
    }

    #[test]
    fn a_zip_without_a_document_is_named() {
        let bytes = docx(&[("photos/a.txt", "hello")]);
        let err = text(&bytes).err().unwrap();
        assert!(err.to_string().contains("ZIP archive"), "{err}");
    }
}
