//! The text layer of a PDF, with the line breaks of its layout undone.

use crate::error::{Error, Result};
use crate::panics::catch_quietly;

pub(super) fn text(bytes: &[u8]) -> Result<String> {
    // pdf-extract panics on some malformed files instead of returning an error.
    let extracted = catch_quietly(|| pdf_extract::extract_text_from_mem(bytes))
        .map_err(|panic| damaged(format!("its structure could not be parsed: {panic}")))?
        .map_err(|err| damaged(err.to_string()))?;
    if extracted.trim().is_empty() {
        return Err(Error::NoText);
    }
    Ok(unwrap_lines(&extracted))
}

fn damaged(reason: String) -> Error {
    Error::Damaged {
        format: "PDF",
        reason,
    }
}

/// A PDF's text layer breaks lines where the page did. Lines of one paragraph are joined (a
/// word hyphenated across lines is joined whole); a blank line, or a short line that ends a
/// sentence, ends the paragraph.
fn unwrap_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let full_width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<&str> = None;
    for line in lines {
        if line.is_empty() {
            if previous.is_some() {
                out.push_str("\n\n");
            }
            previous = None;
            continue;
        }
        if let Some(before) = previous {
            let short = before.chars().count() * 10 < full_width * 7;
            let ends_sentence = before.ends_with(['.', '!', '?', ':', '”', '"']);
            if short && ends_sentence {
                out.push('\n');
            } else if before.ends_with('-') && line.starts_with(char::is_lowercase) {
                out.pop();
            } else {
                out.push(' ');
            }
        }
        out.push_str(line);
        previous = Some(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_a_paragraph_are_joined() {
        let text = "The minister met his counterpart and they discussed the imple-\nmentation of the plan in detail.\nShort end.\nNext paragraph starts here and runs on for a while longer.\n\nAfter a blank line.";
        assert_eq!(
            unwrap_lines(text),
            "The minister met his counterpart and they discussed the implementation of the plan in detail.\nShort end.\nNext paragraph starts here and runs on for a while longer.\n\nAfter a blank line."
        );
    }

    #[test]
    fn garbage_after_a_pdf_header_is_damaged_not_a_panic() {
        let err = text(b"%PDF-1.7\n\x00\x01 not really a pdf").unwrap_err();
        assert!(matches!(err, Error::Damaged { .. }), "{err}");
    }
}
