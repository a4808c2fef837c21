//! Sentence segmentation with byte offsets, tuned to what statements contain: titles and ranks
//! (Lt. Col., Mr.), acronyms (U.S.), numbers (3.5%, No. 5), quotes that close a sentence, bullet
//! lists, headings and paragraph breaks.

use serde::{Deserialize, Serialize};

/// A byte range of the document text; always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One sentence: where it is and which paragraph (line of the text) holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// Longer runs without a sentence end (tables, run-on text) are cut at a space, so that no
/// "sentence" swamps a summary or the embedding model's window.
const MAX_SENTENCE_BYTES: usize = 800;

/// Titles and ranks: a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "rep", "gov", "pres", "hon", "rt", "st",
    "lt", "col", "gen", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "brig", "cdr", "cmdr",
    "amb", "supt", "insp", "jr", "sr", "mt", "vs", "cf", "approx", "ca", "incl", "dept", "est",
    "corp", "inc", "ltd", "co", "min",
];

/// Abbreviations that come before a number (No. 5, Art. 4, Jan. 12).
const BEFORE_NUMBERS: &[&str] = &[
    "no", "nos", "art", "arts", "para", "sec", "fig", "vol", "ch", "p", "pp", "nr", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// After an acronym with periods (U.S., e.g., a.m.) a new sentence starts only with one of
/// these words; otherwise the acronym is inside the sentence ("the U.S. Congress").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "We",
    "He",
    "She",
    "They",
    "I",
    "In",
    "On",
    "At",
    "A",
    "An",
    "But",
    "And",
    "However",
    "Also",
    "There",
    "Our",
    "His",
    "Her",
    "Their",
    "As",
    "For",
    "With",
    "Meanwhile",
    "According",
];

const CLOSERS: &[char] = &['”', '’', '"', '\'', '»', ')', ']'];

/// Splits normalised text into sentences. Every span is trimmed, non-empty and on char
/// boundaries; together they cover all text except white space and list markers.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    for line in text.split('\n') {
        let content_start = line_start + list_marker_len(line);
        let before = sentences.len();
        split_line(
            text,
            content_start,
            line_start + line.len(),
            paragraph,
            &mut sentences,
        );
        if sentences.len() > before {
            paragraph += 1;
        }
        line_start += line.len() + 1;
    }
    sentences
}

/// Length of a leading bullet ("- ", "• ", "1. ", "a) ") or Markdown heading marker ("## ").
fn list_marker_len(line: &str) -> usize {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let marker = if let Some(rest) = trimmed.strip_prefix(['-', '*', '•', '·', '–', '—', '▪', '●'])
    {
        rest.starts_with(' ').then(|| trimmed.len() - rest.len())
    } else if trimmed.starts_with('#') {
        let rest = trimmed.trim_start_matches('#');
        rest.starts_with(' ').then(|| trimmed.len() - rest.len())
    } else {
        let label = trimmed
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(0);
        let is_label = (1..=3).contains(&label)
            && (trimmed[..label].bytes().all(|b| b.is_ascii_digit())
                || (label == 1 && trimmed.as_bytes()[0].is_ascii_lowercase()));
        let rest = &trimmed[label..];
        (is_label && (rest.starts_with(". ") || rest.starts_with(") "))).then_some(label + 1)
    };
    marker.map_or(0, |m| indent + m)
}

fn split_line(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let line = &text[start..end];
    let mut sentence_start = 0;
    let mut iter = line.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
            continue;
        }
        // Take the whole run of end punctuation and closing quotes or brackets.
        let mut after = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if !(matches!(d, '.' | '!' | '?' | '…') || CLOSERS.contains(&d)) {
                break;
            }
            after = j + d.len_utf8();
            iter.next();
        }
        let single_period = c == '.' && line[i..after].matches('.').count() == 1;
        if is_boundary(line, sentence_start, i, after, single_period) {
            push_trimmed(text, start + sentence_start, start + after, paragraph, out);
            sentence_start = after;
        }
    }
    push_trimmed(text, start + sentence_start, end, paragraph, out);
}

/// Decides whether the end punctuation at `mark..after` ends the sentence.
fn is_boundary(
    line: &str,
    sentence_start: usize,
    mark: usize,
    after: usize,
    single_period: bool,
) -> bool {
    let rest = &line[after..];
    if rest.is_empty() {
        return true;
    }
    if !rest.starts_with(char::is_whitespace) {
        return false; // 3.5, U.S.A, e.g.,
    }
    let next_word = rest.split_whitespace().next().unwrap_or("");
    let Some(next) = next_word.chars().next() else {
        return true;
    };
    if next.is_lowercase() {
        return false;
    }
    if !single_period {
        return true;
    }
    let word = line[sentence_start..mark]
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    if BEFORE_NUMBERS.contains(&lower.as_str()) && next.is_ascii_digit() {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(initial), None) = (letters.next(), letters.next()) {
        if initial.is_uppercase() {
            return false; // an initial: "J. Smith"
        }
    }
    if word.contains('.') {
        let starter = next_word.trim_start_matches(['“', '"', '‘', '(']);
        return SENTENCE_STARTERS.contains(&starter);
    }
    true
}

/// Pushes `text[start..end]` trimmed of white space, cutting overlong runs at spaces.
fn push_trimmed(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let mut start = trimmed_start;
    let end = start + piece.trim().len();
    while end - start > MAX_SENTENCE_BYTES {
        let window_end = floor_char_boundary(text, start + MAX_SENTENCE_BYTES);
        let cut = text[start..window_end]
            .rfind(' ')
            .filter(|&at| at > 0)
            .map_or(window_end, |at| start + at);
        out.push(Sentence {
            span: Span { start, end: cut },
            paragraph,
        });
        start = cut + text[cut..end].len() - text[cut..end].trim_start().len();
    }
    if end > start {
        out.push(Sentence {
            span: Span { start, end },
            paragraph,
        });
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn titles_ranks_and_acronyms_do_not_end_sentences() {
        assert_eq!(
            sentences("Lt. Col. J. Smith met Mr. Brown in the U.S. Congress on Monday. The talks went well."),
            [
                "Lt. Col. J. Smith met Mr. Brown in the U.S. Congress on Monday.",
                "The talks went well."
            ]
        );
        assert_eq!(
            sentences("Aid reached the U.S. The president thanked Italy, e.g. for its ships."),
            [
                "Aid reached the U.S.",
                "The president thanked Italy, e.g. for its ships."
            ]
        );
    }

    #[test]
    fn numbers_amounts_and_references_stay_whole() {
        assert_eq!(
            sentences("Spending rose 3.5% to EUR 1.2 billion under Resolution No. 5 of Jan. 12. It was adopted."),
            [
                "Spending rose 3.5% to EUR 1.2 billion under Resolution No. 5 of Jan. 12.",
                "It was adopted."
            ]
        );
    }

    #[test]
    fn quotes_that_end_sentences() {
        assert_eq!(
            sentences("“We are grateful to Italy,” said the minister. “Only strong support can bring peace.” The meeting ended."),
            [
                "“We are grateful to Italy,” said the minister.",
                "“Only strong support can bring peace.”",
                "The meeting ended."
            ]
        );
    }

    #[test]
    fn question_exclamation_and_ellipsis() {
        assert_eq!(
            sentences("Is it enough? No! We wait… Then we act."),
            ["Is it enough?", "No!", "We wait…", "Then we act."]
        );
    }

    #[test]
    fn bullets_headings_and_paragraphs() {
        let text = "## Main results\nThe ministers agreed on three points:\n- more funding for air defence\n• a joint exercise in 2025.\n1. A new office in Vilnius\n\nSecond paragraph. It has two sentences.";
        assert_eq!(
            sentences(text),
            [
                "Main results",
                "The ministers agreed on three points:",
                "more funding for air defence",
                "a joint exercise in 2025.",
                "A new office in Vilnius",
                "Second paragraph.",
                "It has two sentences."
            ]
        );
        let paragraphs: Vec<usize> = segment(text).iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 2, 3, 4, 5, 5]);
    }

    #[test]
    fn overlong_runs_are_cut_at_spaces() {
        let text = "word ".repeat(500);
        let spans = segment(&text);
        assert!(spans.len() >= 3);
        assert!(spans
            .iter()
            .all(|s| s.span.end - s.span.start <= MAX_SENTENCE_BYTES));
    }

    /// Whatever is between and around sentences is only white space or list markers.
    fn uncovered_is_blank_or_marker(text: &str, spans: &[Sentence]) -> bool {
        let mut covered = vec![false; text.len()];
        for s in spans {
            covered[s.span.start..s.span.end]
                .iter_mut()
                .for_each(|c| *c = true);
        }
        let mut line_start = 0;
        text.split('\n').all(|line| {
            let marker = list_marker_len(line);
            let ok = line
                .char_indices()
                .all(|(i, c)| covered[line_start + i] || c.is_whitespace() || i < marker);
            line_start += line.len() + 1;
            ok
        })
    }

    proptest! {
        #[test]
        fn spans_are_valid_ordered_and_cover_the_text(text in "\\PC{0,300}|([A-Za-z .!?”\n-]{0,300})") {
            let spans = segment(&text);
            let mut previous_end = 0;
            for s in &spans {
                let Span { start, end } = s.span;
                prop_assert!(previous_end <= start && start < end && end <= text.len());
                prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                let sentence = &text[start..end];
                prop_assert_eq!(sentence, sentence.trim());
                previous_end = end;
            }
            prop_assert!(uncovered_is_blank_or_marker(&text, &spans));
        }
    }
}
