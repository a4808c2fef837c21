//! Bytes to clean text: encoding detection, then line-ending and white-space normalisation.

use crate::error::{Error, Result};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from a file, with the name of the encoding it was stored in.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when
/// the NUL pattern is unmistakable), else the legacy 8-bit encoding chardetng finds most likely
/// (Windows-1252 for Western European text). Binary data is refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    let encoding = detect(bytes)?;
    let (text, _, _) = encoding.decode(bytes);
    if looks_binary(&text) {
        return Err(Error::Binary);
    }
    let text = normalise(&text);
    if text.is_empty() {
        return Err(Error::Blank);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

fn detect(bytes: &[u8]) -> Result<&'static Encoding> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Ok(encoding);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(encoding);
    }
    if bytes.contains(&0) {
        return Err(Error::Binary);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    Ok(detector.guess(None, true))
}

/// UTF-16 text of a Latin-script language has a NUL in every other byte; binary files don't
/// show that regularity.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(zero_odd) && rarely(zero_even) {
        Some(UTF_16LE)
    } else if mostly(zero_even) && rarely(zero_odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decoded text with control or replacement characters in bulk (more than a few, and over 2 %)
/// was not text to begin with.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut suspicious = 0usize;
    for c in text.chars() {
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
        if control || c == '\u{fffd}' {
            suspicious += 1;
        }
    }
    suspicious >= 3 && suspicious * 50 > total
}

/// One shape for all text: LF line ends, no control or zero-width characters, single spaces,
/// no trailing blanks, at most one blank line between paragraphs.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_newlines = 0usize;
    let mut pending_space = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    pending_newlines += 1;
                }
            }
            '\n' | '\u{c}' | '\u{2028}' | '\u{2029}' => pending_newlines += 1,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{ad}' => {}
            c if c.is_whitespace() => pending_space = true,
            c if c.is_control() => {}
            c => {
                if !out.is_empty() {
                    if pending_newlines > 0 {
                        out.push_str(if pending_newlines > 1 { "\n\n" } else { "\n" });
                    } else if pending_space {
                        out.push(' ');
                    }
                }
                pending_newlines = 0;
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend(if big_endian {
                [0xFE, 0xFF]
            } else {
                [0xFF, 0xFE]
            });
        }
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Minister Kasčiūnas met Italy’s minister.".as_bytes()).unwrap();
        assert_eq!(plain.text, "Minister Kasčiūnas met Italy’s minister.");
        assert_eq!(plain.encoding, "UTF-8");
        let with_bom = decode(b"\xEF\xBB\xBFThe talks ended.").unwrap();
        assert_eq!(with_bom.text, "The talks ended.");
    }

    #[test]
    fn utf16_both_byte_orders_with_bom() {
        let text = "Ministerin Schäfer sagte: „Wir helfen.“";
        for big_endian in [false, true] {
            let decoded = decode(&utf16(text, big_endian, true)).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(
                decoded.encoding,
                if big_endian { "UTF-16BE" } else { "UTF-16LE" }
            );
        }
    }

    #[test]
    fn utf16_without_bom_is_not_mistaken_for_binary() {
        let decoded = decode(&utf16(
            "Press release: the summit ends today.",
            false,
            false,
        ))
        .unwrap();
        assert_eq!(decoded.text, "Press release: the summit ends today.");
    }

    #[test]
    fn windows_1252_and_latin1_are_detected() {
        // "Le ministre a déclaré que l’accord coûte 5 € à l’État." in Windows-1252.
        let bytes: &[u8] = b"Le ministre a d\xe9clar\xe9 que l\x92accord co\xfbte 5 \x80 \xe0 l\x92\xc9tat. La r\xe9union a eu lieu \xe0 Bruxelles.";
        let decoded = decode(bytes).unwrap();
        assert_eq!(
            decoded.text,
            "Le ministre a déclaré que l’accord coûte 5 € à l’État. La réunion a eu lieu à Bruxelles."
        );
        assert_eq!(decoded.encoding, "windows-1252");
        let latin1 = decode(b"Se\xf1or Mu\xf1oz visit\xf3 M\xfcnchen y Z\xfcrich.").unwrap();
        assert_eq!(latin1.text, "Señor Muñoz visitó München y Zürich.");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(decode(b""), Err(Error::Empty)));
        assert!(matches!(decode(b" \n\t \r\n "), Err(Error::Blank)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"),
            Err(Error::Binary)
        ));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(decode(&noise), Err(Error::Binary)));
    }

    #[test]
    fn line_ends_controls_and_spaces_are_normalised() {
        let decoded = decode(b"Title\r\n\r\n\r\nFirst  line\x07 here.\rSecond\tline.  \n").unwrap();
        assert_eq!(decoded.text, "Title\n\nFirst line here.\nSecond line.");
    }
}
