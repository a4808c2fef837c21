//! Sentence segmentation with byte offsets, tuned to what statements contain: titles and ranks
//! (Lt. Col., Mr.), acronyms (U.S.), numbers (3.5%, No. 5), quotes that close a sentence, bullet
//! lists, headings and paragraph breaks.

use crate::structure::{
    ends_sentence, is_aside, is_dateline, reads_as_heading, speaker_label_len, SentenceKind,
};
use serde::{Deserialize, Serialize};

/// A byte range of the document text; always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One sentence: where it is, which paragraph (line of the text) and section hold it, and what
/// it is in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// 0 before the first section heading; each heading opens the next section.
    pub section: usize,
    pub kind: SentenceKind,
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

/// Splits normalised text into sentences and tells what each is. Every span is trimmed,
/// non-empty and on char boundaries; together they cover all text except white space and list
/// markers.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut lines = LineState {
        paragraph: 0,
        section: 0,
        lead_in: false,
        seen_text: false,
        // Speaker labels count only in a transcript: a text with two lines that open with one.
        transcript: text
            .split('\n')
            .filter(|line| speaker_label_len(line.trim_start()) > 0)
            .take(2)
            .count()
            == 2,
    };
    let mut line_start = 0;
    for line in text.split('\n') {
        let marker = list_marker_len(line);
        let mut content_start = line_start + marker;
        let content = &text[content_start..line_start + line.len()];
        let before = sentences.len();
        let label = if lines.transcript {
            speaker_label_len(content.trim_start())
        } else {
            0
        };
        if label > 0 {
            content_start += content.len() - content.trim_start().len();
            let label_text = text[content_start..content_start + label].trim_end();
            lines.lead_in = false;
            sentences.push(Sentence {
                span: Span {
                    start: content_start,
                    end: content_start + label_text.len(),
                },
                paragraph: lines.paragraph,
                section: lines.section,
                kind: SentenceKind::Speaker,
            });
            content_start += label;
        }
        let first_sentence = sentences.len();
        split_line(
            text,
            content_start,
            line_start + line.len(),
            lines.paragraph,
            &mut sentences,
        );
        if sentences.len() > first_sentence {
            let marker_kind = match line.trim_start().chars().next() {
                _ if marker == 0 => Marker::None,
                Some('#') => Marker::Heading,
                Some(c) if c.is_ascii_alphanumeric() => Marker::Numbered,
                _ => Marker::Bullet,
            };
            lines.classify(text, &mut sentences, first_sentence, marker_kind);
        }
        if sentences.len() > before {
            lines.paragraph += 1;
        }
        line_start += line.len() + 1;
    }
    sentences
}

/// The marker a line starts with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    Bullet,
    Numbered,
    /// Markdown `#`.
    Heading,
}

/// What the lines read so far tell about the next one.
struct LineState {
    paragraph: usize,
    section: usize,
    /// The last line ended with ':': short lines after it are list items, not headings.
    lead_in: bool,
    /// A line of text has been read: datelines and release labels come before it.
    seen_text: bool,
    transcript: bool,
}

impl LineState {
    /// Sets the kind (and section) of the sentences `sentences[first..]`, which one line gave.
    fn classify(
        &mut self,
        text: &str,
        sentences: &mut Vec<Sentence>,
        first: usize,
        marker: Marker,
    ) {
        let span = Span {
            start: sentences[first].span.start,
            end: sentences[sentences.len() - 1].span.end,
        };
        let line = &text[span.start..span.end];
        let single = sentences.len() - first == 1;
        let whole_line = if single && !self.seen_text && marker == Marker::None && is_dateline(line)
        {
            Some(SentenceKind::Dateline)
        } else if marker == Marker::Heading
            || (!self.lead_in && marker != Marker::Bullet && reads_as_heading(line))
        {
            // "III. The way forward" is one heading, not two sentences.
            Some(SentenceKind::Heading)
        } else if single && is_aside(line) {
            Some(SentenceKind::Aside)
        } else {
            None
        };
        if let Some(kind) = whole_line {
            sentences.truncate(first);
            if kind == SentenceKind::Heading {
                self.section += 1;
                self.seen_text = true;
            }
            sentences.push(Sentence {
                span,
                paragraph: self.paragraph,
                section: self.section,
                kind,
            });
            self.lead_in = false;
            return;
        }
        let words = line.split_whitespace().count();
        // A numbered paragraph ("12. The Leaders welcomed …") is text, not a list.
        let numbered_paragraph = marker == Marker::Numbered && (!single || words > 40);
        let listed = (marker != Marker::None && !numbered_paragraph)
            || (marker == Marker::None && self.lead_in && words <= 30);
        let mut quoted = false;
        for sentence in &mut sentences[first..] {
            let s = &text[sentence.span.start..sentence.span.end];
            let opens_quoted = quoted || s.starts_with(['“', '"', '‘', '«']);
            quoted = quote_open_after(s, quoted);
            sentence.section = self.section;
            sentence.kind = if is_aside(s) {
                SentenceKind::Aside
            } else if listed {
                SentenceKind::ListItem
            } else if opens_quoted {
                SentenceKind::Quotation
            } else {
                SentenceKind::Body
            };
        }
        self.seen_text = true;
        // A list under a lead-in runs on over unmarked lines until one ends a sentence.
        self.lead_in = line.ends_with(':')
            || (self.lead_in && listed && marker == Marker::None && !ends_sentence(line));
    }
}

/// Whether a quotation is still open after `sentence`, given whether one was open before it.
fn quote_open_after(sentence: &str, mut open: bool) -> bool {
    for c in sentence.chars() {
        match c {
            '“' | '«' => open = true,
            '”' | '»' => open = false,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

/// Length of a leading bullet ("- ", "• ", "1. ", "a) ") or Markdown heading marker ("## ").
pub(crate) fn list_marker_len(line: &str) -> usize {
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
            section: 0,
            kind: SentenceKind::Body,
        });
        start = cut + text[cut..end].len() - text[cut..end].trim_start().len();
    }
    if end > start {
        out.push(Sentence {
            span: Span { start, end },
            paragraph,
            section: 0,
            kind: SentenceKind::Body,
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

    fn kinds(text: &str) -> Vec<(SentenceKind, &str)> {
        segment(text)
            .iter()
            .map(|s| (s.kind, &text[s.span.start..s.span.end]))
            .collect()
    }

    #[test]
    fn each_sentence_knows_what_it_is() {
        use SentenceKind::*;
        let text = "WASHINGTON\nTHE PRESIDENT: Thank you all. We will cut costs by 10 percent. (Applause.)\n\
                    Energy security\n\
                    We agreed on three things:\n\
                    more wind power\n\
                    - a new grid by 2030\n\
                    “This is historic,” she said. “It will last.”\n\
                    Q: What about gas?\n\
                    12. The Leaders welcomed the report. They asked for another one by June.";
        assert_eq!(
            kinds(text),
            [
                (Dateline, "WASHINGTON"),
                (Speaker, "THE PRESIDENT:"),
                (Body, "Thank you all."),
                (Body, "We will cut costs by 10 percent."),
                (Aside, "(Applause.)"),
                (Heading, "Energy security"),
                (Body, "We agreed on three things:"),
                (ListItem, "more wind power"),
                (ListItem, "a new grid by 2030"),
                (Quotation, "“This is historic,” she said."),
                (Quotation, "“It will last.”"),
                (Speaker, "Q:"),
                (Body, "What about gas?"),
                (Body, "The Leaders welcomed the report."),
                (Body, "They asked for another one by June."),
            ]
        );
        let sections: Vec<usize> = segment(text).iter().map(|s| s.section).collect();
        assert_eq!(sections, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn a_roman_numbered_heading_is_one_heading() {
        let text = "III. The way forward\nThe ministers agreed to meet again in May.";
        assert_eq!(
            kinds(text),
            [
                (SentenceKind::Heading, "III. The way forward"),
                (
                    SentenceKind::Body,
                    "The ministers agreed to meet again in May."
                )
            ]
        );
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

        /// Joining hard-wrapped lines only ever changes white space.
        #[test]
        fn reflow_keeps_every_word(text in "\\PC{0,300}|([A-Za-z .,:!?”\n-]{0,400})") {
            let flowed = crate::structure::reflow(&text);
            prop_assert_eq!(
                flowed.split_whitespace().collect::<Vec<_>>(),
                text.split_whitespace().collect::<Vec<_>>()
            );
        }
    }
}
