//! Turning what the model writes into clean points, as it writes them.
//!
//! Small models number, bullet, bold, nest, announce ("Here are the key points:") and ramble
//! on past the requested count. [`PointParser`] takes the text in pieces as it streams and hands
//! out each point once it is complete, without its markers, stopping at the requested number.

/// A point shorter than this many words is a heading or a fragment, not a key point.
const MIN_WORDS: usize = 3;

pub struct PointParser {
    limit: usize,
    /// The current, unfinished line.
    line: String,
    /// The point being assembled from its line and any nested or continued lines.
    current: Option<Draft>,
    /// Whether any line so far was a list item; after a list, unmarked lines are rambling.
    seen_list: bool,
    /// A blank line came after the current point.
    after_blank: bool,
    /// Completed points not yet handed out.
    done: Vec<String>,
    /// Every point completed so far, lower-cased, to drop repeats.
    seen: Vec<String>,
    emitted: usize,
}

struct Draft {
    text: String,
    /// Indentation of the item's marker; deeper items nest under it.
    indent: usize,
    /// Nested items under a lead-in that ends with a colon, joined into this point.
    children: Vec<String>,
}

/// A line, classified.
enum Line<'a> {
    Blank,
    Item { indent: usize, text: &'a str },
    Plain { indent: usize, text: &'a str },
}

impl PointParser {
    /// A parser that yields at most `limit` points.
    pub fn new(limit: usize) -> PointParser {
        PointParser {
            limit,
            line: String::new(),
            current: None,
            seen_list: false,
            after_blank: false,
            done: Vec::new(),
            seen: Vec::new(),
            emitted: 0,
        }
    }

    /// Feeds the next piece of text; returns the points completed by it.
    pub fn push(&mut self, text: &str) -> Vec<String> {
        for ch in text.chars() {
            if ch == '\n' {
                let line = std::mem::take(&mut self.line);
                self.take_line(&line);
            } else {
                self.line.push(ch);
            }
        }
        // The next item has begun: the point before it is complete (unless it nests there).
        if let Line::Item { indent, .. } = classify(&self.line) {
            if !self.nests(indent) {
                self.close_current();
            }
        }
        self.drain()
    }

    /// The end of the text: returns the last point, if it was still open.
    pub fn finish(&mut self) -> Vec<String> {
        let line = std::mem::take(&mut self.line);
        self.take_line(&line);
        self.close_current();
        self.drain()
    }

    /// All requested points are out; the rest of what the model writes can be ignored.
    pub fn is_full(&self) -> bool {
        self.emitted >= self.limit
    }

    fn drain(&mut self) -> Vec<String> {
        let room = self.limit - self.emitted;
        let mut points: Vec<String> = self.done.drain(..).collect();
        points.truncate(room);
        self.emitted += points.len();
        points
    }

    fn take_line(&mut self, raw: &str) {
        match classify(raw) {
            Line::Blank => self.after_blank = self.current.is_some(),
            Line::Item { indent, text } => {
                self.seen_list = true;
                if self.nests(indent) {
                    let draft = self.current.as_mut().expect("checked above");
                    draft.children.push(clean(text));
                } else {
                    self.close_current();
                    self.start(indent, text);
                }
            }
            Line::Plain { indent, text } => {
                let continues = !self.after_blank
                    && self
                        .current
                        .as_ref()
                        .is_some_and(|draft| indent > draft.indent || !self.seen_list);
                if continues && self.seen_list {
                    let draft = self.current.as_mut().expect("checked above");
                    draft.text.push(' ');
                    draft.text.push_str(text.trim());
                } else if !self.seen_list {
                    // No list: one point per line, except lead-ins that end with a colon.
                    self.close_current();
                    if !text.trim_end().ends_with(':') {
                        self.start(indent, text);
                    }
                } else {
                    // After a list, unmarked text is the model talking about its answer.
                    self.close_current();
                }
            }
        }
    }

    /// An item at `indent` belongs under the current point: deeper, below a lead-in.
    fn nests(&self, indent: usize) -> bool {
        self.current
            .as_ref()
            .is_some_and(|draft| indent > draft.indent && draft.text.trim_end().ends_with(':'))
    }

    fn start(&mut self, indent: usize, text: &str) {
        self.after_blank = false;
        self.current = Some(Draft {
            text: text.to_string(),
            indent,
            children: Vec::new(),
        });
    }

    fn close_current(&mut self) {
        self.after_blank = false;
        let Some(draft) = self.current.take() else {
            return;
        };
        let mut text = clean(&draft.text);
        if !draft.children.is_empty() {
            text = format!("{} {}", text, draft.children.join("; "));
        } else if text.ends_with(':') {
            return; // a lead-in whose items never came
        }
        let key = text.to_lowercase();
        if text.split_whitespace().count() >= MIN_WORDS && !self.seen.contains(&key) {
            self.seen.push(key);
            self.done.push(text);
        }
    }
}

fn classify(raw: &str) -> Line<'_> {
    let indent = raw.len() - raw.trim_start().len();
    let line = raw.trim();
    if line.is_empty() {
        return Line::Blank;
    }
    match strip_marker(line) {
        Some(text) => Line::Item { indent, text },
        None => Line::Plain { indent, text: line },
    }
}

/// The text after a list marker: `-`, `*`, `•`, `–`, `1.`, `1)`, `(1)`, `**1.**`, `Point 1:`,
/// or a bullet and a number together.
fn strip_marker(line: &str) -> Option<&str> {
    let line = line.trim_start_matches("**").trim_start();
    for bullet in ["- ", "* ", "• ", "– ", "— ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(strip_number(rest).unwrap_or(rest));
        }
    }
    strip_number(line)
}

fn strip_number(line: &str) -> Option<&str> {
    let line = line.trim_start_matches("**");
    let line = line.strip_prefix('(').unwrap_or(line);
    let line = strip_word(line, "Point ").unwrap_or(line);
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &line[digits..];
    let rest = rest
        .strip_prefix(['.', ')', ':'])
        .or_else(|| rest.strip_prefix(" -"))?;
    let rest = rest.trim_start_matches("**");
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}

fn strip_word<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let head = line.get(..word.len())?;
    head.eq_ignore_ascii_case(word).then(|| &line[word.len()..])
}

/// Markdown emphasis, headings and stray quotes removed, white space collapsed.
fn clean(text: &str) -> String {
    let text = text.replace("**", "").replace("__", "");
    let text = text.trim().trim_start_matches('#').trim();
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_in_pieces(text: &str, limit: usize, piece: usize) -> Vec<String> {
        let mut parser = PointParser::new(limit);
        let chars: Vec<char> = text.chars().collect();
        let mut points = Vec::new();
        for chunk in chars.chunks(piece) {
            points.extend(parser.push(&chunk.iter().collect::<String>()));
        }
        points.extend(parser.finish());
        points
    }

    fn parse(text: &str, limit: usize) -> Vec<String> {
        let whole = parse_in_pieces(text, limit, usize::MAX);
        // However the stream is cut into tokens, the points are the same.
        for piece in [1, 3, 7] {
            assert_eq!(
                parse_in_pieces(text, limit, piece),
                whole,
                "pieces of {piece}"
            );
        }
        whole
    }

    #[test]
    fn numbered_bulleted_and_bold_items_become_clean_points() {
        let text = "Here are the key points:\n\n1. **Lithuania** adopted a new defence industry law.\n2) Italy joined the Ukraine Demining Coalition.\n- Italy donated demining equipment to Ukraine.\n* **3.** The ministers discussed the NATO Summit in Washington.\n";
        assert_eq!(
            parse(text, 10),
            [
                "Lithuania adopted a new defence industry law.",
                "Italy joined the Ukraine Demining Coalition.",
                "Italy donated demining equipment to Ukraine.",
                "The ministers discussed the NATO Summit in Washington.",
            ]
        );
    }

    #[test]
    fn output_is_capped_at_the_requested_number() {
        let text: String = (1..=11)
            .map(|i| format!("{i}. Point number {i} has enough words.\n"))
            .collect();
        let points = parse(&text, 5);
        assert_eq!(points.len(), 5);
        assert_eq!(points[4], "Point number 5 has enough words.");
        let mut parser = PointParser::new(2);
        parser.push(&text);
        assert!(parser.is_full());
    }

    #[test]
    fn a_point_is_handed_out_as_soon_as_the_next_one_starts() {
        let mut parser = PointParser::new(5);
        assert!(parser.push("1. Italy joined the coalition.").is_empty());
        assert!(parser.push("\n").is_empty());
        assert_eq!(parser.push("2. Lith"), ["Italy joined the coalition."]);
    }

    #[test]
    fn nested_items_under_a_lead_in_join_their_point_and_other_nesting_stays_separate() {
        let text = "- Italy's contributions to Ukraine:\n  - demining equipment\n  - training courses for operators\n- Lithuania adopted a new law.\n  - Rheinmetall invested in Lithuania.\n";
        assert_eq!(
            parse(text, 10),
            [
                "Italy's contributions to Ukraine: demining equipment; training courses for operators",
                "Lithuania adopted a new law.",
                "Rheinmetall invested in Lithuania.",
            ]
        );
    }

    #[test]
    fn wrapped_lines_continue_their_point_and_closing_remarks_are_dropped() {
        let text = "1. Italy has provided rotations to five NATO Air Policing\n   Missions in the Baltic states.\n2. Lithuania adopted a new defence industry law.\n\nThese points summarise the statement.";
        assert_eq!(
            parse(text, 10),
            [
                "Italy has provided rotations to five NATO Air Policing Missions in the Baltic states.",
                "Lithuania adopted a new defence industry law.",
            ]
        );
    }

    #[test]
    fn unmarked_lines_are_points_when_there_is_no_list() {
        let text = "Key points:\nItaly joined the Ukraine Demining Coalition.\nLithuania adopted a new defence law.\nOk";
        assert_eq!(
            parse(text, 10),
            [
                "Italy joined the Ukraine Demining Coalition.",
                "Lithuania adopted a new defence law.",
            ]
        );
    }

    #[test]
    fn repeats_and_fragments_are_skipped() {
        let text = "- Italy joined the coalition.\n- italy joined the coalition.\n- Summit.\n- \n";
        assert_eq!(parse(text, 10), ["Italy joined the coalition."]);
    }

    #[test]
    fn numbers_inside_a_point_are_not_markers() {
        let text =
            "- 2024 defence spending rose to 2.5 per cent of GDP.\n- 5,000 troops will rotate.";
        assert_eq!(
            parse(text, 10),
            [
                "2024 defence spending rose to 2.5 per cent of GDP.",
                "5,000 troops will rotate.",
            ]
        );
    }
}
