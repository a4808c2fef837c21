//! What each line and sentence of a statement is: heading, list item, body, quotation,
//! transcript aside, dateline, speaker label; and the reflow of hard-wrapped plain text.
//!
//! Everything here reads the shape of the text (punctuation, length, markers, capitals), never
//! its topic, so that it holds for any kind of statement: releases, fact sheets with headings,
//! transcripts of speeches with "(Applause.)" and "THE PRESIDENT:".

use crate::front::MONTHS;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What a sentence is in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// A sentence of the running text.
    #[default]
    Body,
    /// A section heading: opens a section; never a key point.
    Heading,
    /// An item of a bulleted or numbered list, or a line of a list under a lead-in ending ':'.
    ListItem,
    /// A sentence inside quotation marks.
    Quotation,
    /// A transcript's stage direction or aside: "(Applause.)", "[Laughter]".
    Aside,
    /// Dateline, byline or release label before the text: "WASHINGTON", "For immediate release".
    Dateline,
    /// The speaker label of a transcript: "THE PRESIDENT:", "Q:".
    Speaker,
}

impl SentenceKind {
    /// Whether a sentence of this kind can stand as a key point.
    pub fn can_be_point(self) -> bool {
        matches!(
            self,
            SentenceKind::Body | SentenceKind::ListItem | SentenceKind::Quotation
        )
    }
}

/// Words that open a transcript's aside or stage direction when in brackets: "(Applause.)",
/// "[laughter]", "(inaudible)", "[sic]", "(Audience members cheer.)".
const STAGE_WORDS: &[&str] = &[
    "applause",
    "laughter",
    "laughs",
    "laughing",
    "cheers",
    "cheering",
    "boos",
    "booing",
    "inaudible",
    "indiscernible",
    "unintelligible",
    "crosstalk",
    "sic",
    "pause",
    "pauses",
    "audience",
    "music",
    "video",
    "interruption",
    "interrupted",
    "off-mic",
    "off",
    "speaks",
    "speaking",
    "gavel",
    "gestures",
    "technical",
    "standing",
    "silence",
];

/// Lines that label a release rather than say anything: they sit above the text.
const RELEASE_LABELS: &[&str] = &[
    "for immediate release",
    "press release",
    "news release",
    "media release",
    "joint media release",
    "media note",
    "press statement",
    "statement",
    "readout",
    "remarks",
    "speech",
    "fact sheet",
    "factsheet",
    "transcript",
    "news",
    "embargoed",
];

/// End punctuation after which a line reads as a finished sentence.
const LINE_ENDS: &[char] = &['.', '!', '?', '…', '。', '！', '？'];

/// Closing quotes and brackets that may follow end punctuation.
const CLOSING: &[char] = &['”', '’', '"', '\'', '»', ')', ']'];

/// A line without end punctuation, short enough to be a heading or a label.
const MAX_HEADING_WORDS: usize = 12;

/// Whether `line` ends like a finished sentence (after closing quotes or brackets).
pub(crate) fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(CLOSING)
        .ends_with(LINE_ENDS)
}

/// A short line that does not read as a sentence: no end punctuation, no trailing comma or
/// colon, starts with a capital, a digit or a quote.
pub(crate) fn reads_as_heading(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let starts_well = line.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '$' | '€' | '£')
    });
    let trailing = line.ends_with([',', ';', ':', '-', '–', '—', '(', '&']);
    let connective = line
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|last| CONNECTIVES.contains(&last.to_lowercase().as_str()));
    starts_well
        && (1..=MAX_HEADING_WORDS).contains(&words)
        && !ends_sentence(line)
        && !trailing
        && !connective
}

/// A line ending in one of these is cut mid-sentence, not a heading.
const CONNECTIVES: &[&str] = &[
    "and", "or", "of", "the", "a", "an", "to", "in", "for", "with", "on", "by", "at", "that",
];

/// Length of a transcript speaker label at the start of `line` ("THE PRESIDENT: ",
/// "PRIME MINISTER ALBANESE: ", "Q: ", "MR. KIRBY: ", or "QUESTION:" on a line of its own),
/// including the space after it; 0 if none. Only capitals count: "Note: …" is text.
pub(crate) fn speaker_label_len(line: &str) -> usize {
    let Some(colon) = line.find(':') else {
        return 0;
    };
    let label = &line[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = label
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    let words = label.split_whitespace().count();
    let rest = &line[colon + 1..];
    // The label stands on its own line, or the speech follows on the same line.
    let is_label = all_caps
        && letters >= 1
        && words <= 5
        && label.starts_with(|c: char| c.is_uppercase())
        && (letters > 1 || label == "Q" || label == "A")
        && (rest.trim().is_empty() || rest.starts_with(' '));
    if !is_label {
        return 0;
    }
    colon + 1 + (rest.len() - rest.trim_start().len())
}

/// A sentence that is only a bracketed stage direction: "(Applause.)", "[Laughter]",
/// "(The Prime Minister holds up the report.)".
pub(crate) fn is_aside(sentence: &str) -> bool {
    let s = sentence.trim().trim_end_matches(['.', ' ']);
    let enclosed =
        (s.starts_with('(') && s.ends_with(')')) || (s.starts_with('[') && s.ends_with(']'));
    if !enclosed {
        return false;
    }
    let inner = &s[1..s.len() - 1];
    // One bracket pair around the whole sentence, not "(a) one thing (b) another".
    if inner.contains([')', ']', '(', '[']) {
        return false;
    }
    let words = inner.split_whitespace().count();
    words > 0 && (words <= 12 || starts_with_stage_word(inner))
}

fn starts_with_stage_word(inner: &str) -> bool {
    let first = inner
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';' | '!'))
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    STAGE_WORDS.contains(&first.as_str())
}

/// A line above the text that names the place, the date or the kind of release.
pub(crate) fn is_dateline(line: &str) -> bool {
    let line = line.trim().trim_end_matches(['.', ':', '—', '–', '-', ' ']);
    let lower = line.to_lowercase();
    if RELEASE_LABELS.iter().any(|label| lower == *label)
        || lower.starts_with("for immediate release")
        || lower.starts_with("embargoed")
        || lower.starts_with("office of the ")
        || lower.starts_with("by ")
    {
        return true;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    // "WASHINGTON", "BRUSSELS, 12 June 2023", "Ottawa, Ontario, June 20, 2024".
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let has_year = words.iter().any(|w| {
        let digits = w.trim_matches(|c: char| !c.is_ascii_digit());
        digits.len() == 4 && digits.starts_with(['1', '2'])
    });
    let has_month = words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        MONTHS
            .iter()
            .any(|m| w == *m || (w.len() >= 3 && m.starts_with(&w)))
    });
    shouting || (has_year && (has_month || words.len() <= 3))
}

/// `sentence` without its bracketed asides ("(applause)", "-- (laughter) --", "[sic]"), for
/// showing it as a key point; the original keeps them. Borrowed when there are none.
pub fn without_asides(sentence: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = sentence;
    let mut changed = false;
    while let Some(open) = rest.find(['(', '[']) {
        let close_char = if rest[open..].starts_with('(') {
            ')'
        } else {
            ']'
        };
        let Some(len) = rest[open + 1..].find(close_char) else {
            break;
        };
        let close = open + 1 + len;
        let inner = &rest[open + 1..close];
        if inner.contains(['(', '[']) || !starts_with_stage_word(inner) {
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        }
        changed = true;
        // Drop the dashes that set the aside off: "reform, (applause) -- and".
        let before = rest[..open].trim_end();
        let before = before
            .strip_suffix("--")
            .or_else(|| before.strip_suffix(['—', '–']))
            .unwrap_or(before)
            .trim_end();
        out.push_str(before);
        let after = rest[close + 1..].trim_start();
        let after = after
            .strip_prefix("--")
            .or_else(|| after.strip_prefix(['—', '–']))
            .unwrap_or(after)
            .trim_start();
        if !out.is_empty()
            && !after.is_empty()
            && !after.starts_with([',', '.', ';', ':', '!', '?'])
        {
            out.push(' ');
        }
        rest = after;
    }
    if !changed {
        return Cow::Borrowed(sentence);
    }
    out.push_str(rest);
    Cow::Owned(out.trim().to_string())
}

/// Joins the lines of hard-wrapped plain text (e-mails, READMEs, releases wrapped at 72–80
/// columns) into paragraphs, so that a line break ends a sentence only where the text does:
/// after end punctuation on a short line, at a blank line, before a list marker, a heading or a
/// speaker label. Text whose lines are paragraphs already comes back unchanged, but for a line
/// cut mid-sentence (no end punctuation, next line in lower case), which is joined too.
pub fn reflow(text: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = text.split('\n').collect();
    let width = wrap_width(&lines);
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut joining = false;
    for (at, line) in lines.iter().enumerate() {
        // A joined line loses its indentation; the line before it, its trailing spaces.
        out.push_str(if joining { line.trim_start() } else { line });
        let Some(next) = lines.get(at + 1) else {
            break;
        };
        joining = joins_next(line, next, width);
        if joining {
            changed = true;
            out.truncate(out.trim_end().len());
            out.push(' ');
        } else {
            out.push('\n');
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The column a hard-wrapped text is wrapped at, or `None` when its lines are paragraphs.
/// Wrapped text has many lines inside paragraphs, nearly all of them close to one width.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    // Lines followed by another non-blank line: the inside of paragraphs.
    let inner: Vec<usize> = lines
        .windows(2)
        .filter(|pair| !pair[0].trim().is_empty() && !pair[1].trim().is_empty())
        .map(|pair| pair[0].trim_end().chars().count())
        .collect();
    if inner.len() < 6 {
        return None;
    }
    let mut sorted = inner.clone();
    sorted.sort_unstable();
    let width = sorted[sorted.len() * 9 / 10];
    if !(40..=110).contains(&width) {
        return None;
    }
    let near = inner.iter().filter(|&&len| len * 10 >= width * 7).count();
    let open = lines
        .windows(2)
        .filter(|pair| !pair[0].trim().is_empty() && !pair[1].trim().is_empty())
        .filter(|pair| !ends_sentence(pair[0]))
        .count();
    (near * 10 >= inner.len() * 7 && open * 2 >= inner.len()).then_some(width)
}

/// Whether the break after `line` is a soft wrap to be joined with `next`.
fn joins_next(line: &str, next: &str, width: Option<usize>) -> bool {
    let (line, next_trimmed) = (line.trim_end(), next.trim());
    if line.trim().is_empty() || next_trimmed.is_empty() {
        return false;
    }
    if starts_block(next) || line.trim_start().starts_with('#') {
        return false;
    }
    match width {
        // Wrapped text: a line close to the width was cut by the wrapping; a shorter one ends
        // its paragraph (or is a heading).
        Some(width) => line.chars().count() * 10 >= width * 7,
        // Paragraph text: only a line cut mid-sentence.
        None => {
            !ends_sentence(line)
                && !line.ends_with(':')
                && next_trimmed.starts_with(|c: char| c.is_lowercase())
        }
    }
}

/// A line that starts its own block: a list item, a heading marker or a speaker label.
fn starts_block(line: &str) -> bool {
    crate::segment::list_marker_len(line) > 0 || speaker_label_len(line.trim_start()) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asides_are_dropped_from_a_point_with_their_dashes() {
        assert_eq!(
            without_asides("We will pass criminal justice reform, (applause) -- and help people."),
            "We will pass criminal justice reform, and help people."
        );
        assert_eq!(
            without_asides("The deficit -- (laughter) -- fell by half in 2015."),
            "The deficit fell by half in 2015."
        );
        assert_eq!(
            without_asides("He said their [sic] plan was ready. (Applause.)"),
            "He said their plan was ready."
        );
        let plain = "Article 5 (collective defence) applies to all 32 Allies.";
        assert!(matches!(without_asides(plain), Cow::Borrowed(_)));
    }

    #[test]
    fn stage_directions_are_asides() {
        for s in [
            "(Applause.)",
            "[Laughter]",
            "(The President holds up the report.)",
            "(laughs)",
        ] {
            assert!(is_aside(s), "{s}");
        }
        for s in [
            "(1) Regarding North Korea, the minister spoke.",
            "The ministers met (in Vilnius).",
            "(a) one thing (b) another",
        ] {
            assert!(!is_aside(s), "{s}");
        }
    }

    #[test]
    fn speaker_labels_are_capitals_and_a_colon() {
        assert_eq!(speaker_label_len("THE PRESIDENT: Thank you."), 15);
        assert_eq!(speaker_label_len("Q: What about tariffs?"), 3);
        assert_eq!(speaker_label_len("MR. KIRBY: Good afternoon."), 11);
        assert_eq!(speaker_label_len("Note: the figures are provisional."), 0);
        assert_eq!(speaker_label_len("EU: 27 members"), 4);
        assert_eq!(speaker_label_len("Time: 10:30"), 0);
        assert_eq!(speaker_label_len("QUESTION:"), 9);
    }

    #[test]
    fn headings_are_short_unpunctuated_lines() {
        for line in [
            "Strengthening our defence",
            "2. Economic outlook",
            "III. The way forward",
        ] {
            assert!(reads_as_heading(line), "{line}");
        }
        for line in [
            "The ministers agreed on three points:",
            "Spending rose by 3.5%.",
            "and then the ministers met in",
            "more funding for air defence",
        ] {
            assert!(!reads_as_heading(line), "{line}");
        }
    }

    #[test]
    fn datelines_and_release_labels() {
        for line in [
            "WASHINGTON",
            "Brussels, 12 June 2023",
            "For Immediate Release",
            "Press release",
            "Ottawa, Ontario, June 20, 2024",
        ] {
            assert!(is_dateline(line), "{line}");
        }
        for line in ["Economic outlook", "The ministers met in Brussels"] {
            assert!(!is_dateline(line), "{line}");
        }
    }

    #[test]
    fn hard_wrapped_text_is_joined_into_paragraphs() {
        let wrapped = "The Minister for Foreign Affairs announced today that the government will\n\
provide an additional 40 million euro in humanitarian assistance to the\n\
people of Sudan, bringing this year's total to 120 million euro.\n\
The funding will support food, water and shelter for displaced families in\n\
Darfur and Kordofan, and the work of the UN agencies on the ground there.\n\
\n\
Background\n\
- The first tranche of 30 million euro was announced in\n\
  February at the pledging conference in Paris.\n\
The Minister said the situation remained the worst humanitarian crisis of\n\
our time and called on all parties to allow aid to reach civilians.\n";
        let flowed = reflow(wrapped);
        let lines: Vec<&str> = flowed.split('\n').collect();
        // A long line that ends a sentence can't be told from a wrapped one: the paragraph
        // goes on, the sentences are still whole.
        assert_eq!(lines[0], "The Minister for Foreign Affairs announced today that the government will provide an additional 40 million euro in humanitarian assistance to the people of Sudan, bringing this year's total to 120 million euro. The funding will support food, water and shelter for displaced families in Darfur and Kordofan, and the work of the UN agencies on the ground there.");
        assert_eq!(lines[1], "");
        assert_eq!(lines[2], "Background");
        assert_eq!(lines[3], "- The first tranche of 30 million euro was announced in February at the pledging conference in Paris.");
        assert!(
            lines[4].starts_with("The Minister said")
                && lines[4].ends_with("allow aid to reach civilians.")
        );
    }

    #[test]
    fn paragraph_text_is_left_alone_but_for_a_line_cut_mid_sentence() {
        let text = "Talks held\nThe ministers met.\nThey agreed on\nthree points.";
        assert_eq!(
            reflow(text),
            "Talks held\nThe ministers met.\nThey agreed on three points."
        );
        let plain = "Heading\nOne sentence here.\nAnother one.";
        assert!(matches!(reflow(plain), Cow::Borrowed(_)));
    }
}
