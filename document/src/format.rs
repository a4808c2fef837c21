//! The kinds of file Brief reads, how each is recognised, and how its text is taken out.

mod docx;
mod html;
mod pdf;

use crate::decode::{decode, normalise};
use crate::error::{Error, Result};
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text or Markdown, in any encoding Brief can detect.
    Text,
    /// A web page: only its main text is kept.
    Html,
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

/// Extracted text may not exceed this, whatever the file claims: it bounds the memory a
/// compressed file (a zip bomb) can make Brief take.
pub(crate) const MAX_EXTRACTED_BYTES: u64 = 100_000_000;

/// Text taken out of a file, normalised, before front matter and sentences.
pub(crate) struct Extracted {
    pub text: String,
    /// A title the format states apart from the text (an HTML `<title>`, DOCX properties).
    pub title: Option<String>,
    /// `YYYY-MM-DD` from the format's metadata (an HTML page's publication date).
    pub date: Option<String>,
    pub encoding: &'static str,
}

/// Signatures of common files that are not statements, to say what they are.
const NOT_DOCUMENTS: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\x7FELF", "a program"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
    (
        b"\xD0\xCF\x11\xE0",
        "an old Office file (.doc); save it as .docx and open that",
    ),
];

impl Format {
    /// Recognises a file by its first bytes; the extension only tells HTML from plain text,
    /// since a renamed file is still what its content says.
    pub fn detect(bytes: &[u8], path: Option<&Path>) -> Result<Format> {
        if let Some((_, kind)) = NOT_DOCUMENTS.iter().find(|(sig, _)| bytes.starts_with(sig)) {
            return Err(Error::Unsupported { kind });
        }
        // Only at the start: a text that merely mentions "%PDF-" stays text.
        if bytes.trim_ascii_start().starts_with(b"%PDF-") {
            return Ok(Format::Pdf);
        }
        let head = &bytes[..bytes.len().min(1024)];
        if bytes.starts_with(b"PK\x03\x04") {
            return Ok(Format::Docx);
        }
        if path.and_then(Format::from_extension) == Some(Format::Html) || looks_like_html(head) {
            return Ok(Format::Html);
        }
        Ok(Format::Text)
    }

    /// The format a file name promises, for choosing which files of a folder to read.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// For people: "a Word document".
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Html => "web page",
            Format::Docx => "Word document",
            Format::Pdf => "PDF",
        }
    }

    pub(crate) fn extract(self, bytes: &[u8]) -> Result<Extracted> {
        match self {
            Format::Text => {
                let decoded = decode(bytes)?;
                Ok(Extracted {
                    text: decoded.text,
                    title: None,
                    date: None,
                    encoding: decoded.encoding,
                })
            }
            Format::Html => {
                let decoded = decode(bytes)?;
                let page = html::main_text(&decoded.text)?;
                Ok(Extracted {
                    text: nonblank(normalise(&page.text))?,
                    title: page.title,
                    date: page.date,
                    encoding: decoded.encoding,
                })
            }
            Format::Docx => {
                let document = docx::text(bytes)?;
                Ok(Extracted {
                    text: nonblank(normalise(&document.text))?,
                    title: document.title,
                    date: None,
                    encoding: "UTF-8",
                })
            }
            Format::Pdf => Ok(Extracted {
                text: normalise(&pdf::text(bytes)?),
                title: None,
                date: None,
                encoding: "UTF-8",
            }),
        }
    }
}

fn nonblank(text: String) -> Result<String> {
    if text.is_empty() {
        Err(Error::Blank)
    } else {
        Ok(text)
    }
}

fn looks_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let start = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .get(..14)
        .unwrap_or("")
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_over_extension() {
        let txt = Some(Path::new("statement.txt"));
        assert_eq!(Format::detect(b"%PDF-1.4 ...", txt).unwrap(), Format::Pdf);
        assert_eq!(Format::detect(b"PK\x03\x04...", txt).unwrap(), Format::Docx);
        assert_eq!(
            Format::detect(b"<!DOCTYPE html><p>Hi", txt).unwrap(),
            Format::Html
        );
        assert_eq!(
            Format::detect(b"A note: PDF files begin with %PDF-1.7.", txt).unwrap(),
            Format::Text
        );
        let pdf = Some(Path::new("statement.pdf"));
        assert_eq!(Format::detect(b"Plain words.", pdf).unwrap(), Format::Text);
        let html = Some(Path::new("page.HTM"));
        assert_eq!(
            Format::detect(b"<p>A fragment.</p>", html).unwrap(),
            Format::Html
        );
    }

    #[test]
    fn known_binary_files_are_named() {
        let err = Format::detect(b"\x89PNG\r\n\x1a\n....", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "this is a PNG image, not a document Brief can read; open a .txt, .md, .html, .docx or .pdf file"
        );
    }

    #[test]
    fn supported_extensions() {
        let of = |name: &str| Format::from_extension(Path::new(name));
        assert_eq!(of("a.MD"), Some(Format::Text));
        assert_eq!(of("a.docx"), Some(Format::Docx));
        assert_eq!(of("a.pdf"), Some(Format::Pdf));
        assert_eq!(of("a.html"), Some(Format::Html));
        assert_eq!(of("a.doc"), None);
        assert_eq!(of("README"), None);
    }
}
