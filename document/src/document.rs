//! A statement as Brief reads it: text, front matter, sentences with byte spans.

use crate::error::{Error, Result};
use crate::format::Format;
use crate::front;
use crate::segment::{self, Sentence, Span};
use crate::structure::{self, SentenceKind};
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused before reading: no statement is that long, and it bounds
/// the memory a stray file can take.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Average adult reading speed, for the "N min read" label.
const WORDS_PER_MINUTE: usize = 230;

#[derive(Debug, Clone)]
pub struct Document {
    /// The body of the statement, normalised; all spans point into it.
    pub text: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD` from a leading ` date ` marker.
    pub date: Option<String>,
    /// The encoding the file was stored in, e.g. `UTF-8`, `windows-1252`.
    pub encoding: &'static str,
    /// What the file was; for HTML, DOCX and PDF `text` is what Brief extracted from it.
    pub format: Format,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Reads and decodes a file, with errors that name it.
    pub fn open(path: &Path) -> Result<Document> {
        let bytes = read_file(path)?;
        Document::parse(&bytes, Some(path)).map_err(|err| err.in_file(path))
    }

    /// Reads a file's bytes; the content decides the format, the path's extension only tells
    /// HTML from plain text when the content doesn't.
    pub fn parse(bytes: &[u8], path: Option<&Path>) -> Result<Document> {
        let format = Format::detect(bytes, path)?;
        let extracted = format.extract(bytes)?;
        let front = front::split_front_matter(&extracted.text);
        let text = structure::reflow(front.body).into_owned();
        let sentences = segment::segment(&text);
        if sentences.is_empty() {
            return Err(Error::Blank);
        }
        Ok(Document {
            title: front.title.or(extracted.title),
            date: front.date.or(extracted.date),
            encoding: extracted.encoding,
            format,
            sentences,
            text,
        })
    }

    /// A document from text Brief extracted before (kept in its history): the sentences are
    /// found again, the front matter is taken as given.
    pub fn from_extracted(
        text: String,
        title: Option<String>,
        date: Option<String>,
    ) -> Result<Document> {
        let sentences = segment::segment(&text);
        if sentences.is_empty() {
            return Err(Error::Blank);
        }
        Ok(Document {
            text,
            title,
            date,
            encoding: "UTF-8",
            format: Format::Text,
            sentences,
        })
    }

    /// [`Document::parse`] without a file name.
    pub fn from_bytes(bytes: &[u8]) -> Result<Document> {
        Document::parse(bytes, None)
    }

    pub fn sentence(&self, index: usize) -> &str {
        let Span { start, end } = self.sentences[index].span;
        &self.text[start..end]
    }

    /// What sentence `index` is: heading, list item, body, quotation, aside…
    pub fn kind(&self, index: usize) -> SentenceKind {
        self.sentences[index].kind
    }

    /// Sentence `index` as a key point shows it: without transcript asides ("(applause)").
    pub fn point_text(&self, index: usize) -> Cow<'_, str> {
        structure::without_asides(self.sentence(index))
    }

    pub fn sentence_texts(&self) -> Vec<&str> {
        (0..self.sentences.len())
            .map(|i| self.sentence(i))
            .collect()
    }

    /// Panics unless every sentence is a non-empty slice of the text on char boundaries, in
    /// order without overlap. For tests and fuzz targets: what no input may break.
    pub fn assert_spans_valid(&self) {
        let mut end = 0;
        for sentence in &self.sentences {
            let Span { start, end: stop } = sentence.span;
            assert!(start >= end && start < stop, "sentence spans out of order");
            assert!(self.text.get(start..stop).is_some(), "span off the text");
            end = stop;
        }
    }

    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    pub fn reading_minutes(&self) -> usize {
        self.words().div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// Sentence indices grouped by paragraph, in order.
    pub fn paragraphs(&self) -> Vec<Vec<usize>> {
        let mut paragraphs: Vec<Vec<usize>> = Vec::new();
        for (index, sentence) in self.sentences.iter().enumerate() {
            match paragraphs.get_mut(sentence.paragraph) {
                Some(paragraph) => paragraph.push(index),
                None => paragraphs.push(vec![index]),
            }
        }
        paragraphs
    }
}

/// Reads a whole file, refusing folders and files over [`MAX_FILE_BYTES`], with errors that name
/// it.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let unreadable = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound { path: path.into() },
        _ => Error::Unreadable {
            path: path.into(),
            source,
        },
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(Error::IsDirectory { path: path.into() });
    }
    let too_large = |size| Error::TooLarge {
        path: path.into(),
        size,
        limit: MAX_FILE_BYTES,
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    // Read one byte past the limit: a file that grew after the size check is still refused.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever bytes a file holds, reading it gives a document or a clear error, never a
        /// panic, and every sentence span is a valid slice of the text.
        #[test]
        fn any_bytes_give_a_document_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            if let Ok(doc) = Document::from_bytes(&bytes) {
                prop_assert!(!doc.sentences.is_empty());
                doc.assert_spans_valid();
            }
        }
    }

    const FIXTURE: &str =
        include_str!("../../tests/fixtures/statement-lt-it-defence-2024-07-02.txt");

    #[test]
    fn the_fixture_statement() {
        let doc = Document::from_bytes(FIXTURE.as_bytes()).unwrap();
        assert_eq!(doc.date.as_deref(), Some("2024-07-02"));
        assert_eq!(doc.title, None);
        assert!(doc.text.starts_with("“Lithuania’s priorities"));
        assert_eq!(
            doc.sentence(0),
            "“Lithuania’s priorities in defence cooperation with Italy remain unchanged."
        );
        assert_eq!(
            doc.sentence(3),
            "We are doing everything possible to provide proper service conditions for the Allies,” underscored Minister Kasčiūnas."
        );
        let last = doc.sentences.len() - 1;
        assert!(doc
            .sentence(last)
            .starts_with("The minister invited Italy’s defence industrial giant Leonardo"));
        assert_eq!(doc.paragraphs().len(), 6);
        assert_eq!(doc.words(), 418);
        assert_eq!(doc.reading_minutes(), 2);
    }

    #[test]
    fn file_errors_name_the_file() {
        use crate::error::ErrorCode;
        let dir = std::env::temp_dir().join(format!("brief-doc-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let missing = dir.join("gone.txt");
        assert_eq!(
            Document::open(&missing).unwrap_err().code(),
            ErrorCode::NotFound
        );
        assert_eq!(
            Document::open(&dir).unwrap_err().code(),
            ErrorCode::IsDirectory
        );
        let empty = dir.join("empty.txt");
        std::fs::write(&empty, b"").unwrap();
        let err = Document::open(&empty).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: the file is empty", empty.display())
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
