//! The faithfulness guard: checks a written key point against the statement it summarises and
//! reports whatever the statement does not support.
//!
//! The rules, in short:
//! - **Numbers and percentages** are compared by value: `4,000` = `4000` = `4 000` =
//!   `four thousand` = `4 thousand`, `1.2bn` = `1.2 billion` = `1,200 million`; currency signs and
//!   words are ignored. A percentage must be a percentage in the statement. `one` used as a
//!   pronoun (`one of`, `no one`) is not a number.
//! - **Dates** (day and month in either order, with or without a year; month and year; a month on
//!   its own) must be in the statement, where they may also be written as ISO `2024-07-02`. A full
//!   date also passes when its day and month are there and its year is mentioned anywhere
//!   (statements often give the year only in their dateline). Weekdays must be in the statement.
//! - **Names** are capitalised words that do not merely start a sentence (a sentence's first word
//!   counts unless it is a common word or the statement writes it in lower case). Each must be in
//!   the statement, where a derived form (`Lithuania` for `Lithuanian`, see `same_stem`), an
//!   acronym or its expansion (`US`, `United States`) also counts.
//! - **Attribution**: a short name (one or two capitalised words: an actor such as `Italy` or
//!   `Minister Kasčiūnas`) that is in the statement but not in the evidence sentences is reported
//!   when it stands where the evidence has another name the point leaves out: a content word within
//!   three words of each is shared (`Italy understands the threat` where the sentence said
//!   `Lithuania understood the threat`). It is not reported when the evidence calls it by a title
//!   that stands before it in the statement (`the minister` for `Minister Kasčiūnas`). Longer
//!   names (`Rotational Air Defence Model`) are usually the point spelling out what the sentence
//!   calls `the model`, so they are checked against the statement only.
//! - **Quotations** must appear word for word in the statement; case, quote marks, white space
//!   and punctuation are ignored, and an ellipsis splits a quotation into parts checked apart.
//! - **Modality**: an invitation, call, plan, expectation or future action in the evidence
//!   (`invited Italy to contribute`, `will be delivered`) must not become a fact. Each marker
//!   governs its clause (up to punctuation or 16 words); its heads are the first content word and
//!   the first after `to` (`would work together to strengthen`); for markers that take an object
//!   only the part after `to` counts (`invited Italy to contribute`). A point without tentative
//!   wording of its own is flagged when it uses a head, or two of the clause's content words, in
//!   any form (`contributing`, `withdrew`), unless the evidence also states that word outside
//!   every modal clause. Continuing actions (`will continue to support`) and decisions (`decided
//!   to join`) are not pending actions.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What a check looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Check {
    Number,
    Percent,
    Date,
    Name,
    Quote,
    Modality,
    Evidence,
}

/// Something in a written point that the statement does not support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Issue {
    pub check: Check,
    /// A short sentence for the reader, e.g. `4,500 is not in the statement`.
    pub detail: String,
}

/// What the checks need from the whole statement, computed once per document (the source can be
/// a 50 MB report; checking a point must not rescan it).
#[derive(Default)]
pub struct SourceFacts {
    numbers: HashSet<Value>,
    percents: HashSet<Value>,
    /// Every date in the statement, also with its year and/or day left out.
    dates: HashSet<DateKey>,
    /// Words the statement writes in capitals (`UK`), lower-cased: `United Kingdom` may stand
    /// for them.
    acronyms: HashSet<String>,
    /// Initials of runs of capitalised words (`United Kingdom` → `uk`, `U.S. Agency for
    /// International Development` → `usaid`), every part of two to eight letters: an acronym may
    /// stand for them.
    initials: HashSet<String>,
    words: WordIndex,
}

impl SourceFacts {
    pub fn new(source: &str) -> SourceFacts {
        let mut facts = SourceFacts::default();
        for piece in source.split('\n').flat_map(split_long_line) {
            facts.add_piece(piece);
        }
        facts.words.finish();
        facts
    }

    /// Checks one written point. `evidence` are the source sentences the point was aligned to
    /// (1–3 sentences). Returns every issue found; empty means the point passed.
    pub fn check(&self, point: &str, evidence: &[&str]) -> Vec<Issue> {
        let point = Text::new(strip_bullet(point));
        let evidence: Vec<Text> = evidence
            .iter()
            .map(|sentence| Text::new(sentence))
            .collect();
        let mut findings = Findings::default();
        let in_dates = self.check_dates(&point, &mut findings);
        self.check_numbers(&point, &in_dates, &mut findings);
        self.check_names(&point, &evidence, &mut findings);
        self.check_quotations(point.text, &mut findings);
        check_modality(&point, &evidence, &mut findings);
        findings.0
    }

    /// The numbers, percentages, dates and names of `sentence` (a sentence of this statement)
    /// that `point` does not carry, as the sentence writes them: what a point written from the
    /// sentence left out. With an empty point: every such fact of the sentence. A name is
    /// carried by its last word (`Kasčiūnas` for `Minister Laurynas Kasčiūnas`, `Coalition`
    /// for `Ukraine Demining Coalition`), a short name by any of its words, or by its acronym.
    /// Not counted, since a good point may drop them: a list marker `(1)`, the word `one`, and
    /// a capitalised word that only starts the sentence (`Priorities include…`).
    pub fn left_out(&self, sentence: &str, point: &str) -> Vec<String> {
        let carried = SourceFacts::new(point);
        let point = Text::new(strip_bullet(point));
        let point_words: Vec<&str> = point.words().collect();
        let point_names = names(&point, self);
        let sentence = Text::new(sentence);
        let mut left = Vec::new();
        let mut in_dates = vec![false; sentence.tokens.len()];
        for date in date_mentions(&sentence.tokens) {
            in_dates[date.tokens.clone()].fill(true);
            if !carried.has_date(date.key) {
                left.push(sentence.span(date.tokens));
            }
        }
        for number in number_mentions(&sentence.tokens, &in_dates) {
            if is_list_marker(&sentence.tokens, &number.tokens)
                || sentence
                    .span(number.tokens.clone())
                    .eq_ignore_ascii_case("one")
            {
                continue;
            }
            let values = if number.percent {
                &carried.percents
            } else {
                &carried.numbers
            };
            if !values.contains(&number.value) {
                left.push(sentence.span(number.tokens));
            }
        }
        for name in names(&sentence, self) {
            let only_starts = name.tokens.len() == 1 && sentence.starts[name.span.start];
            if !only_starts && !name.is_carried_by(&point_words, &point_names) {
                left.push(sentence.span(name.span.clone()));
            }
        }
        let mut seen = HashSet::new();
        left.into_iter()
            .filter(|fact| seen.insert(*fact))
            .map(str::to_string)
            .collect()
    }

    fn add_piece(&mut self, piece: &str) {
        let tokens = tokenize(piece);
        for number in number_mentions(&tokens, &[]) {
            self.numbers.insert(number.value);
            if number.percent {
                self.percents.insert(number.value);
            }
        }
        for date in date_mentions(&tokens) {
            let key = date.key;
            for year in [key.year, None] {
                for day in [key.day, None] {
                    self.dates.insert(DateKey { year, day, ..key });
                }
            }
        }
        self.add_acronyms(&tokens);
        self.words.add(tokens);
    }

    fn add_acronyms(&mut self, tokens: &[Token]) {
        let mut run = String::new();
        for (k, token) in tokens.iter().enumerate() {
            if is_acronym(token) {
                self.acronyms
                    .insert(token.word().unwrap_or_default().to_string());
            }
            if token.is_capitalised() {
                run.extend(token.word().and_then(|word| word.chars().next()));
            } else if run.is_empty() || !joins_initials(tokens, k) {
                self.add_initials(&run);
                run.clear();
            }
        }
        self.add_initials(&run);
    }

    fn add_initials(&mut self, run: &str) {
        let letters: Vec<char> = run.chars().collect();
        for length in 2..=letters.len().min(8) {
            for part in letters.windows(length) {
                self.initials.insert(part.iter().collect());
            }
        }
    }

    /// Reports dates and weekdays; returns which tokens belong to a date, so that the day and
    /// year are not reported again as numbers.
    fn check_dates(&self, point: &Text, findings: &mut Findings) -> Vec<bool> {
        let mut in_dates = vec![false; point.tokens.len()];
        for date in date_mentions(&point.tokens) {
            in_dates[date.tokens.clone()].fill(true);
            if !self.has_date(date.key) {
                let text = point.span(date.tokens);
                findings.add(Check::Date, format!("“{text}” is not in the statement"));
            }
        }
        for token in point.tokens.iter().filter(|token| is_weekday(token)) {
            if token.word().and_then(|day| self.words.id(day)).is_none() {
                let text = token.text;
                findings.add(Check::Date, format!("“{text}” is not in the statement"));
            }
        }
        in_dates
    }

    fn has_date(&self, date: DateKey) -> bool {
        let dated_elsewhere = date.day.is_some()
            && date
                .year
                .is_some_and(|year| self.numbers.contains(&Value::integer(year.into())))
            && self.dates.contains(&DateKey { year: None, ..date });
        self.dates.contains(&date) || dated_elsewhere
    }

    fn check_numbers(&self, point: &Text, in_dates: &[bool], findings: &mut Findings) {
        for number in number_mentions(&point.tokens, in_dates) {
            let text = point.span(number.tokens);
            if number.percent {
                if self.percents.contains(&number.value) {
                    continue;
                }
                let detail = if self.numbers.contains(&number.value) {
                    format!("{text} is not in the statement as a percentage")
                } else {
                    format!("{text} is not in the statement")
                };
                findings.add(Check::Percent, detail);
            } else if !self.numbers.contains(&number.value) {
                findings.add(Check::Number, format!("{text} is not in the statement"));
            }
        }
    }

    fn check_names(&self, point: &Text, evidence: &[Text], findings: &mut Findings) {
        let point_names = names(point, self);
        let point_words: Vec<&str> = point.words().collect();
        let evidence_names: Vec<Name> =
            evidence.iter().flat_map(|text| names(text, self)).collect();
        let evidence_words: Vec<&str> = evidence.iter().flat_map(Text::words).collect();
        // Short evidence names the point leaves out: the point may have put another in their place.
        let left_out: Vec<&Name> = evidence_names
            .iter()
            .filter(|name| name.is_short() && !name.is_among(&point_words, &point_names))
            .collect();
        for name in &point_names {
            if self.report_names_not_in_statement(point, name, findings) || !name.is_short() {
                continue;
            }
            let absent = name.words_absent_from(&evidence_words, &evidence_names);
            let (Some(first), Some(last)) = (absent.first(), absent.last()) else {
                continue;
            };
            let context = name.context();
            let in_place_of_another = left_out
                .iter()
                .any(|other| shares_word(&context, &other.context()));
            if in_place_of_another && !self.is_title_in_evidence(first, evidence) {
                let text = &point.text[first.start..hyphenated_end(point.text, last.end())];
                let detail = format!("“{text}” is not in the sentences this point is based on");
                findings.add(Check::Name, detail);
            }
        }
    }

    /// Reports the words of `name` the statement lacks, neighbours together; true if any.
    fn report_names_not_in_statement(
        &self,
        point: &Text,
        name: &Name,
        findings: &mut Findings,
    ) -> bool {
        if self.has_other_form(name) {
            return false;
        }
        let missing = |token: &&Token| !token.word().is_some_and(|word| self.words.has_name(word));
        let mut any_missing = false;
        for group in name.tokens.chunk_by(|a, b| missing(a) == missing(b)) {
            if missing(&group[0]) {
                any_missing = true;
                let end = hyphenated_end(point.text, group[group.len() - 1].end());
                let text = &point.text[group[0].start..end];
                findings.add(Check::Name, format!("“{text}” is not in the statement"));
            }
        }
        any_missing
    }

    /// Whether the statement has the name as an acronym or spelled out (`US`, `United States`).
    fn has_other_form(&self, name: &Name) -> bool {
        match name.tokens[..] {
            [token] if is_acronym(token) => {
                self.initials.contains(token.word().unwrap_or_default())
            }
            [_, _, ..] => self.acronyms.contains(&name.initials()),
            _ => false,
        }
    }

    /// Whether the evidence refers to `name` by a title that stands right before it in the
    /// statement: "the minister" for "Minister Kasčiūnas", "the Defence Secretary" for
    /// "Secretary Ben Wallace".
    fn is_title_in_evidence(&self, name: &Token, evidence: &[Text]) -> bool {
        let Some(name) = name.word() else {
            return false;
        };
        evidence
            .iter()
            .flat_map(descriptions)
            .any(|title| self.words.precedes(title, name))
    }

    fn check_quotations(&self, point: &str, findings: &mut Findings) {
        for quotation in quotations(point) {
            let found = quotation
                .split('…')
                .flat_map(|part| part.split("..."))
                .all(|part| self.words.has_sequence(&sequence_keys(part)));
            if !found {
                let text = quotation.trim();
                findings.add(
                    Check::Quote,
                    format!("the quotation “{text}” is not in the statement"),
                );
            }
        }
    }
}

/// The issues found for one point, each reported once.
#[derive(Default)]
struct Findings(Vec<Issue>);

impl Findings {
    fn add(&mut self, check: Check, detail: String) {
        if !self.0.iter().any(|issue| issue.detail == detail) {
            self.0.push(Issue { check, detail });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text and tokens

/// Longest piece of the statement tokenised at once, so a 50 MB report without line breaks is
/// never held as tokens all together.
const PIECE_BYTES: usize = 64 * 1024;

/// Cuts an overlong line at sentence ends after every `PIECE_BYTES`.
fn split_long_line(line: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = line;
    while rest.len() > PIECE_BYTES {
        let mut from = PIECE_BYTES;
        while !rest.is_char_boundary(from) {
            from += 1;
        }
        let Some(offset) = rest[from..].find(". ") else {
            break;
        };
        let (piece, tail) = rest.split_at(from + offset + 1);
        pieces.push(piece);
        rest = tail;
    }
    pieces.push(rest);
    pieces
}

/// Drops a list marker the caller left in place: `- `, `• `, `1. `, `2) `.
fn strip_bullet(point: &str) -> &str {
    let point = point.trim_start();
    let digits = point.bytes().take_while(u8::is_ascii_digit).count();
    let rest = match digits {
        0 => point.strip_prefix(['-', '•', '*', '–', '—']),
        1 | 2 => point[digits..].strip_prefix(['.', ')']),
        _ => None,
    };
    match rest {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => point,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A run of letters, lower-cased.
    Word(String),
    Number(Value),
    /// Any other character; quote marks, apostrophes and dashes of every style are unified.
    Mark(char),
}

#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    /// Byte offset in the tokenised text.
    start: usize,
    kind: Kind,
}

impl Token<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(word) => Some(word),
            _ => None,
        }
    }

    fn is_word(&self, word: &str) -> bool {
        self.word() == Some(word)
    }

    fn is_mark(&self, mark: char) -> bool {
        self.kind == Kind::Mark(mark)
    }

    fn is_capitalised(&self) -> bool {
        matches!(self.kind, Kind::Word(_)) && self.text.starts_with(char::is_uppercase)
    }

    fn integer(&self) -> Option<u128> {
        match self.kind {
            Kind::Number(Value { units, scale: 0 }) => Some(units),
            _ => None,
        }
    }
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut start = 0;
    while let Some(c) = text[start..].chars().next() {
        let (end, kind) = if c.is_ascii_digit() {
            let (end, value) = scan_number(text, start);
            (end, value.map_or(Kind::Mark('#'), Kind::Number))
        } else if is_letter(c) {
            let end = start
                + text[start..]
                    .find(|c| !is_letter(c))
                    .unwrap_or(text.len() - start);
            (end, Kind::Word(text[start..end].to_lowercase()))
        } else if c.is_whitespace() {
            start += c.len_utf8();
            continue;
        } else {
            (start + c.len_utf8(), Kind::Mark(unify_mark(c)))
        };
        tokens.push(Token {
            text: &text[start..end],
            start,
            kind,
        });
        start = end;
    }
    tokens
}

/// Letters, and combining accents for text that spells `č` as `c` plus a caron.
fn is_letter(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn unify_mark(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | 'ʼ' | '′' | '`' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
        _ => c,
    }
}

/// Thousands separators: `4,000`, `4 000`, and the no-break spaces typesetting puts there.
const GROUP_SEPARATORS: [char; 4] = [',', ' ', '\u{a0}', '\u{202f}'];

/// Reads the number starting at `start`: digits in groups of three, then a decimal fraction.
fn scan_number(text: &str, start: usize) -> (usize, Option<Value>) {
    let digits_from = |at: usize| at + text[at..].bytes().take_while(u8::is_ascii_digit).count();
    let mut end = digits_from(start);
    let mut integer = text[start..end].to_string();
    if end - start <= 3 {
        let separator = GROUP_SEPARATORS
            .into_iter()
            .find(|&sep| thousands_group(text, end, sep).is_some());
        while let Some(group_end) = separator.and_then(|sep| thousands_group(text, end, sep)) {
            integer.push_str(&text[group_end - 3..group_end]);
            end = group_end;
        }
    }
    let mut fraction = "";
    let rest = &text.as_bytes()[end..];
    if rest.len() > 1 && rest[0] == b'.' && rest[1].is_ascii_digit() {
        let fraction_end = digits_from(end + 1);
        fraction = &text[end + 1..fraction_end];
        end = fraction_end;
    }
    (end, Value::parse(&integer, fraction))
}

/// If `text[at..]` is `separator` and exactly three digits, the end of those digits.
fn thousands_group(text: &str, at: usize, separator: char) -> Option<usize> {
    let rest = text[at..].strip_prefix(separator)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 3).then_some(at + separator.len_utf8() + 3)
}

/// Which tokens start a sentence: the first, and those after `.`, `!`, `?`, `:` or a quote mark.
fn sentence_starts(tokens: &[Token]) -> Vec<bool> {
    let mut at_start = true;
    tokens
        .iter()
        .map(|token| {
            let starts = at_start;
            at_start = match token.kind {
                Kind::Mark('.' | '!' | '?' | ':' | '"') => true,
                Kind::Mark(_) => at_start,
                _ => false,
            };
            starts
        })
        .collect()
}

/// A point or an evidence sentence, tokenised.
struct Text<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    starts: Vec<bool>,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        let tokens = tokenize(text);
        let starts = sentence_starts(&tokens);
        Text {
            text,
            tokens,
            starts,
        }
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().filter_map(Token::word)
    }

    /// The original text of a (non-empty) range of tokens.
    fn span(&self, tokens: Range<usize>) -> &'a str {
        &self.text[self.tokens[tokens.start].start..self.tokens[tokens.end - 1].end()]
    }
}

// ---------------------------------------------------------------------------------------------
// The statement's words

/// Every word and number of the statement, in order, with where each occurs.
#[derive(Default)]
struct WordIndex {
    ids: HashMap<String, u32>,
    /// By id: whether the statement writes the word in lower case somewhere (an ordinary word).
    lowercase: Vec<bool>,
    /// By id: whether the statement writes the word capitalised somewhere.
    capitalised: Vec<bool>,
    /// The capitalised words, sorted, to find derived forms of a name by prefix.
    names: Vec<String>,
    sequence: Vec<u32>,
    /// By id: positions in `sequence`.
    positions: Vec<Vec<u32>>,
}

impl WordIndex {
    fn add(&mut self, tokens: Vec<Token>) {
        for token in tokens {
            let capitalised = token.is_capitalised();
            let key = match token.kind {
                Kind::Word(word) => word,
                Kind::Number(value) => value.key(),
                Kind::Mark(_) => continue,
            };
            let lowercase = !capitalised && !key.starts_with('#');
            let id = self.intern(key) as usize;
            self.capitalised[id] |= capitalised;
            self.lowercase[id] |= lowercase;
            self.positions[id].push(self.sequence.len() as u32);
            self.sequence.push(id as u32);
        }
    }

    fn intern(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(key, id);
        self.lowercase.push(false);
        self.capitalised.push(false);
        self.positions.push(Vec::new());
        id
    }

    fn finish(&mut self) {
        self.names = self
            .ids
            .iter()
            .filter(|(_, &id)| self.capitalised[id as usize])
            .map(|(word, _)| word.clone())
            .collect();
        self.names.sort_unstable();
    }

    fn id(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    fn is_ordinary_word(&self, word: &str) -> bool {
        self.id(word).is_some_and(|id| self.lowercase[id as usize])
    }

    /// Whether the statement has the name (lower-cased) or a derived form written capitalised.
    fn has_name(&self, name: &str) -> bool {
        if self.ids.contains_key(name) {
            return true;
        }
        if name.chars().count() < MIN_STEM {
            return false;
        }
        let prefix: String = name.chars().take(MIN_STEM).collect();
        let first = self
            .names
            .partition_point(|word| word.as_str() < prefix.as_str());
        self.names[first..]
            .iter()
            .take_while(|word| word.starts_with(&prefix))
            .any(|word| same_stem(name, word, NAME_SLACK))
    }

    /// Whether the statement has `title` right before `name`, or before a first name before it
    /// ("Secretary Ben Wallace").
    fn precedes(&self, title: &str, name: &str) -> bool {
        let (Some(title), Some(name)) = (self.id(title), self.id(name)) else {
            return false;
        };
        let is_name_only = |id: u32| self.capitalised[id as usize] && !self.lowercase[id as usize];
        self.positions[name as usize].iter().any(|&at| {
            let before = |back: usize| (at as usize).checked_sub(back).map(|k| self.sequence[k]);
            before(1) == Some(title)
                || (before(2) == Some(title) && before(1).is_some_and(is_name_only))
        })
    }

    /// Whether the statement has these words and numbers consecutively.
    fn has_sequence(&self, keys: &[String]) -> bool {
        let Some(ids) = keys
            .iter()
            .map(|key| self.id(key))
            .collect::<Option<Vec<u32>>>()
        else {
            return false;
        };
        // Try only where the rarest of the words occurs.
        let rarest = ids
            .iter()
            .enumerate()
            .min_by_key(|(_, &id)| self.positions[id as usize].len());
        let Some((offset, &anchor)) = rarest else {
            return true;
        };
        self.positions[anchor as usize].iter().any(|&at| {
            (at as usize)
                .checked_sub(offset)
                .is_some_and(|begin| self.sequence.get(begin..begin + ids.len()) == Some(&ids[..]))
        })
    }
}

/// The words and numbers of a piece of text, as the index keys them.
fn sequence_keys(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter_map(|token| match token.kind {
            Kind::Word(word) => Some(word),
            Kind::Number(value) => Some(value.key()),
            Kind::Mark(_) => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Word forms

/// Whether `word` is in a list of words separated by white space.
fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|listed| listed == word)
}

/// The shortest shared beginning that makes two different words forms of one.
const MIN_STEM: usize = 4;
/// Letters of the shorter word a name's derived form may change: Italy → Italian.
const NAME_SLACK: usize = 1;
/// Letters of the shorter word an inflection may change: withdraw → withdrew.
const WORD_SLACK: usize = 2;

/// Whether two lower-case words look like forms of one word: equal; the shorter (of three
/// letters or more) plus a common ending (`end`/`ended`); or sharing a beginning of at least
/// `MIN_STEM` letters that covers all but `slack` letters of the shorter word
/// (`Lithuania`/`Lithuanian`; `Italy`/`Italian` and `contribute`/`contributing` with slack 1;
/// `withdraw`/`withdrew` needs slack 2). `Austria` and `Australia` stay apart.
fn same_stem(a: &str, b: &str, slack: usize) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    let longer = if a.chars().count() > shorter { a } else { b };
    let ending: String = longer.chars().skip(shorter).collect();
    let inflected = common == shorter
        && shorter >= 3
        && ["s", "es", "d", "ed", "ing"].contains(&ending.as_str());
    inflected || common >= MIN_STEM.max(shorter.saturating_sub(slack))
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// An exact decimal, `units / 10^scale`, without trailing zeros so that equal values are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Value {
    units: u128,
    scale: u32,
}

impl Value {
    fn integer(units: u128) -> Value {
        Value { units, scale: 0 }
    }

    fn parse(integer: &str, fraction: &str) -> Option<Value> {
        let units = format!("{integer}{fraction}").parse().ok()?;
        Some(
            Value {
                units,
                scale: fraction.len() as u32,
            }
            .trimmed(),
        )
    }

    fn trimmed(mut self) -> Value {
        while self.scale > 0 && self.units.is_multiple_of(10) {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    fn times(self, factor: u128) -> Option<Value> {
        let units = self.units.checked_mul(factor)?;
        Some(Value { units, ..self }.trimmed())
    }

    /// How the word index keys a number; `#` keeps it apart from words.
    fn key(self) -> String {
        format!("#{}e-{}", self.units, self.scale)
    }
}

struct NumberMention {
    value: Value,
    percent: bool,
    tokens: Range<usize>,
}

/// Whether the number at `number` is an enumerator in parentheses: `(1)`, `(2)`.
fn is_list_marker(tokens: &[Token], number: &Range<usize>) -> bool {
    let mark = |i: Option<usize>, c: char| {
        i.and_then(|i| tokens.get(i))
            .is_some_and(|token| token.kind == Kind::Mark(c))
    };
    number.len() == 1 && mark(number.start.checked_sub(1), '(') && mark(Some(number.end), ')')
}

/// The numbers in `tokens`, except at tokens marked in `skip` (which may be shorter).
fn number_mentions(tokens: &[Token], skip: &[bool]) -> Vec<NumberMention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let skipped = skip.get(i).copied().unwrap_or(false);
        let Some((value, end)) = number_phrase(tokens, i).filter(|_| !skipped) else {
            i += 1;
            continue;
        };
        if !is_pronoun_one(tokens, i, end) {
            let percent_end = percent_sign(tokens, end);
            let with_currency =
                i > 0 && matches!(tokens[i - 1].kind, Kind::Mark('$' | '€' | '£' | '¥'));
            let start = if with_currency { i - 1 } else { i };
            let percent = percent_end.is_some();
            let tokens = start..percent_end.unwrap_or(end);
            mentions.push(NumberMention {
                value,
                percent,
                tokens,
            });
        }
        i = end;
    }
    mentions
}

/// A number at token `i`, in digits (with any scale word after it) or in words; its value and
/// the token after it.
fn number_phrase(tokens: &[Token], i: usize) -> Option<(Value, usize)> {
    match &tokens[i].kind {
        Kind::Number(value) => match scale_after_digits(tokens, i) {
            Some(factor) => Some((value.times(factor)?, i + 2)),
            None => Some((*value, i + 1)),
        },
        Kind::Word(word) if spelled_value(word).is_some() => spelled_number(tokens, i),
        _ => None,
    }
}

const MILLION: u128 = 1_000_000;

fn scale_value(word: &str) -> Option<u128> {
    match word {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" | "mn" | "mln" => Some(MILLION),
        "billion" | "bn" => Some(1_000 * MILLION),
        "trillion" | "tn" => Some(MILLION * MILLION),
        _ => None,
    }
}

/// `4 thousand`, `1.2bn`; an `m` counts only glued to an amount of money (`€20m`, not `20m`).
fn scale_after_digits(tokens: &[Token], i: usize) -> Option<u128> {
    let next = tokens.get(i + 1)?;
    match next.word()? {
        "m" => {
            let money = i > 0 && matches!(tokens[i - 1].kind, Kind::Mark('$' | '€' | '£'));
            (money && tokens[i].end() == next.start).then_some(MILLION)
        }
        word => scale_value(word),
    }
}

/// `one` to `ninety`: the words that start a number.
fn spelled_value(word: &str) -> Option<u128> {
    let value = match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(value)
}

fn is_number_word(word: &str) -> bool {
    spelled_value(word).is_some() || scale_value(word).is_some()
}

/// `four thousand`, `twenty-five`, `two hundred and fifty`.
fn spelled_number(tokens: &[Token], start: usize) -> Option<(Value, usize)> {
    let (mut total, mut current) = (0u128, 0u128);
    let mut i = start;
    let mut end = start;
    let mut after_tens = false;
    let mut after_scale = false;
    while let Some(word) = tokens.get(i).and_then(Token::word) {
        let value = spelled_value(word);
        let scale = scale_value(word).filter(|_| current > 0);
        match (value, scale) {
            (Some(n), _) if i == start || after_scale || (after_tens && n < 10) => {
                current = current.saturating_add(n);
            }
            (None, Some(100)) => current = current.saturating_mul(100),
            (None, Some(scale)) => {
                total = total.saturating_add(current.saturating_mul(scale));
                current = 0;
            }
            _ => break,
        }
        after_tens = value.is_some_and(|n| n >= 20);
        after_scale = scale.is_some();
        i += 1;
        end = i;
        let joiner = tokens
            .get(i)
            .is_some_and(|t| (after_tens && t.is_mark('-')) || (after_scale && t.is_word("and")));
        if joiner
            && tokens
                .get(i + 1)
                .and_then(Token::word)
                .is_some_and(is_number_word)
        {
            i += 1;
        }
    }
    (end > start).then(|| (Value::integer(total.saturating_add(current)), end))
}

/// `one of`, `one another`, `no one`, `the one`: not a count.
fn is_pronoun_one(tokens: &[Token], start: usize, end: usize) -> bool {
    let followed = tokens
        .get(end)
        .is_some_and(|t| t.is_word("of") || t.is_word("another"));
    let preceded = start
        .checked_sub(1)
        .and_then(|p| tokens[p].word())
        .is_some_and(|w| {
            [
                "no", "any", "every", "some", "the", "this", "that", "each", "which", "such",
            ]
            .contains(&w)
        });
    end == start + 1 && tokens[start].is_word("one") && (followed || preceded)
}

/// The token after a percent sign or word at `i`: `%`, `percent`, `per cent`, `percentage`.
fn percent_sign(tokens: &[Token], i: usize) -> Option<usize> {
    let token = tokens.get(i)?;
    if token.is_mark('%') || token.is_word("percent") || token.is_word("percentage") {
        return Some(i + 1);
    }
    (token.is_word("per") && tokens.get(i + 1)?.is_word("cent")).then_some(i + 2)
}

// ---------------------------------------------------------------------------------------------
// Dates

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct DateKey {
    year: Option<u16>,
    month: u8,
    day: Option<u8>,
}

struct DateMention {
    key: DateKey,
    tokens: Range<usize>,
}

const WEEKDAYS: &str = "monday tuesday wednesday thursday friday saturday sunday";

fn date_mentions(tokens: &[Token]) -> Vec<DateMention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = iso_date(tokens, i)
            .or_else(|| day_first(tokens, i))
            .or_else(|| month_first(tokens, i));
        match found {
            Some((key, end)) => {
                mentions.push(DateMention {
                    key,
                    tokens: i..end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    mentions
}

/// A month name; capitalised, so that the verbs "may" and "march" are not months.
fn month_of(token: &Token) -> Option<u8> {
    let word = token.word().filter(|_| token.is_capitalised())?;
    let month = match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

fn is_weekday(token: &Token) -> bool {
    token.is_capitalised() && token.word().is_some_and(|word| listed(WEEKDAYS, word))
}

fn day_of(token: &Token) -> Option<u8> {
    let day = token.integer().filter(|day| (1..=31).contains(day))?;
    (token.text.len() <= 2).then_some(day as u8)
}

fn year_of(token: &Token) -> Option<u16> {
    let year = token
        .integer()
        .filter(|year| (1000..=2999).contains(year))?;
    (token.text.len() == 4).then_some(year as u16)
}

/// `2024-07-02`
fn iso_date(tokens: &[Token], i: usize) -> Option<(DateKey, usize)> {
    let parts = tokens.get(i..i + 5)?;
    let glued = parts.windows(2).all(|pair| pair[0].end() == pair[1].start);
    if !glued || !parts[1].is_mark('-') || !parts[3].is_mark('-') || parts[2].text.len() != 2 {
        return None;
    }
    let year = year_of(&parts[0])?;
    let month = day_of(&parts[2]).filter(|&month| month <= 12)?;
    let day = day_of(&parts[4]).filter(|_| parts[4].text.len() == 2)?;
    Some((
        DateKey {
            year: Some(year),
            month,
            day: Some(day),
        },
        i + 5,
    ))
}

/// `2 July`, `2nd of July 2024`
fn day_first(tokens: &[Token], i: usize) -> Option<(DateKey, usize)> {
    let day = day_of(tokens.get(i)?)?;
    let mut j = skip_ordinal(tokens, i + 1);
    if tokens.get(j).is_some_and(|token| token.is_word("of")) {
        j += 1;
    }
    let month = month_of(tokens.get(j)?)?;
    let (year, end) = year_after(tokens, j + 1);
    Some((
        DateKey {
            year,
            month,
            day: Some(day),
        },
        end,
    ))
}

/// `July 2, 2024`, `July 2024`, `July`
fn month_first(tokens: &[Token], i: usize) -> Option<(DateKey, usize)> {
    let month = month_of(tokens.get(i)?)?;
    let day = tokens.get(i + 1).and_then(day_of);
    let after_day = if day.is_some() {
        skip_ordinal(tokens, i + 2)
    } else {
        i + 1
    };
    let (year, end) = year_after(tokens, after_day);
    Some((DateKey { year, month, day }, end))
}

/// An `st`, `nd`, `rd` or `th` glued to the day before it.
fn skip_ordinal(tokens: &[Token], i: usize) -> usize {
    let ordinal = tokens.get(i).is_some_and(|token| {
        token.start == tokens[i - 1].end()
            && token
                .word()
                .is_some_and(|w| ["st", "nd", "rd", "th"].contains(&w))
    });
    i + usize::from(ordinal)
}

/// A year at `i`, perhaps after a comma; the year and the token after it.
fn year_after(tokens: &[Token], i: usize) -> (Option<u16>, usize) {
    let at = i + usize::from(tokens.get(i).is_some_and(|token| token.is_mark(',')));
    match tokens.get(at).and_then(year_of) {
        Some(year) => (Some(year), at + 1),
        None => (None, i),
    }
}

// ---------------------------------------------------------------------------------------------
// Names

/// Capitalised words that are not names (a point's first word that the statement may lack).
const NOT_NAMES: &str = "a about according additionally after all also although among an and
    another any as at because before besides between both but by currently despite dr during each
    earlier either every finally first following for from further furthermore he her here his
    however if importantly in indeed instead into it its last lastly later likewise many meanwhile
    moreover most mr mrs ms my neither nevertheless no nonetheless not notably now of on only other
    our over overall previously recently second separately several she similarly since so some
    specifically still subsequently such that the their then there these they this those through
    thus to today together ultimately under we what when where whereas which while who with within
    without yesterday yet you your";

/// Lower-case words inside a name: "Ministry of Defence", "Ursula von der Leyen".
const NAME_JOINERS: &str = "of for the de du la le von van der den al";

/// A name: capitalised words next to each other, perhaps joined by `NAME_JOINERS`.
struct Name<'t> {
    text: &'t Text<'t>,
    /// Token indices from the first word to the last.
    span: Range<usize>,
    tokens: Vec<&'t Token<'t>>,
}

impl<'t> Name<'t> {
    /// One or two words: an actor (`Italy`, `Minister Kasčiūnas`) rather than the full title of
    /// a programme or body.
    fn is_short(&self) -> bool {
        self.tokens.len() <= 2
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().filter_map(|token| token.word())
    }

    fn initials(&self) -> String {
        self.words()
            .filter_map(|word| word.chars().next())
            .collect()
    }

    /// `UK` for `United Kingdom`, `EU` for `European Union`.
    fn abbreviates(&self, other: &Name) -> bool {
        let acronym = matches!(self.tokens[..], [token] if is_acronym(token));
        acronym && other.tokens.len() >= 2 && self.words().eq([other.initials().as_str()])
    }

    fn same_as(&self, other: &Name) -> bool {
        self.abbreviates(other) || other.abbreviates(self)
    }

    /// Whether some word of the name, or its acronym or expansion, is among `words`/`names`.
    fn is_among(&self, words: &[&str], names: &[Name]) -> bool {
        let mentioned = |name: &str| words.iter().any(|word| same_stem(word, name, NAME_SLACK));
        self.words().any(mentioned) || names.iter().any(|other| self.same_as(other))
    }

    /// Whether a point with these words and names still says who this name is (see
    /// [`SourceFacts::left_out`]).
    fn is_carried_by(&self, words: &[&str], names: &[Name]) -> bool {
        if self.is_short() {
            return self.is_among(words, names);
        }
        let last = self.words().last().unwrap_or_default();
        words.iter().any(|word| same_stem(word, last, NAME_SLACK))
            || names.iter().any(|other| self.same_as(other))
    }

    /// The words of the name that are not among `words`, unless `names` has its acronym or
    /// expansion.
    fn words_absent_from(&self, words: &[&str], names: &[Name]) -> Vec<&Token<'_>> {
        if names.iter().any(|other| self.same_as(other)) {
            return Vec::new();
        }
        let absent = |token: &&&Token| {
            let name = token.word().unwrap_or_default();
            !words.iter().any(|word| same_stem(word, name, NAME_SLACK))
        };
        self.tokens.iter().filter(absent).copied().collect()
    }

    /// The content words up to three words before and after the name: what is said of it.
    fn context(&self) -> Vec<&'t str> {
        let tokens = &self.text.tokens;
        let before = tokens[..self.span.start]
            .iter()
            .rev()
            .filter(|t| t.word().is_some())
            .take(3);
        let after = tokens[self.span.end..]
            .iter()
            .filter(|t| t.word().is_some())
            .take(3);
        before
            .chain(after)
            .filter(|t| is_content_word(t))
            .filter_map(Token::word)
            .collect()
    }
}

fn shares_word(words: &[&str], others: &[&str]) -> bool {
    words.iter().any(|word| {
        others
            .iter()
            .any(|other| same_stem(word, other, WORD_SLACK))
    })
}

fn names<'t>(text: &'t Text<'t>, facts: &SourceFacts) -> Vec<Name<'t>> {
    let mut names: Vec<Name> = Vec::new();
    // Joiners since the last name word; `None` once something else came between.
    let mut gap: Option<usize> = None;
    for (i, (token, &at_start)) in text.tokens.iter().zip(&text.starts).enumerate() {
        if is_name_word(token, at_start, facts) {
            match names.last_mut() {
                Some(name) if gap.is_some_and(|gap| gap <= 2) => {
                    name.tokens.push(token);
                    name.span.end = i + 1;
                }
                _ => names.push(Name {
                    text,
                    span: i..i + 1,
                    tokens: vec![token],
                }),
            }
            gap = Some(0);
        } else if is_name_joiner(token) {
            gap = gap.map(|gap| gap + 1);
        } else {
            gap = None;
        }
    }
    names
}

/// A word in capitals: `NATO`, `UK`.
fn is_acronym(token: &Token) -> bool {
    token.word().is_some_and(|word| word.chars().count() >= 2)
        && !token.text.chars().any(char::is_lowercase)
}

/// Whether the token at `k` may stand inside a run of capitalised words: a name joiner, or the
/// full stop of an initial (`U.S.`).
fn joins_initials(tokens: &[Token], k: usize) -> bool {
    let initial = k > 0
        && tokens[k].is_mark('.')
        && tokens[k - 1].is_capitalised()
        && tokens[k - 1].text.chars().count() == 1;
    initial || is_name_joiner(&tokens[k])
}

fn is_name_joiner(token: &Token) -> bool {
    token.is_mark('-') || token.word().is_some_and(|word| listed(NAME_JOINERS, word))
}

/// Extends the end of a name over a hyphenated lower-case part: `Ban Ki` → `Ban Ki-moon`.
fn hyphenated_end(text: &str, end: usize) -> usize {
    let Some(after) = text[end..].strip_prefix(['-', '‐', '‑']) else {
        return end;
    };
    let letters = after.find(|c| !is_letter(c)).unwrap_or(after.len());
    if letters == 0 {
        end
    } else {
        text.len() - after.len() + letters
    }
}

/// A capitalised word that is neither a common word nor a number, month or weekday (those have
/// their own checks). At the start of a sentence, a word the statement also writes in lower case
/// is an ordinary word.
fn is_name_word(token: &Token, at_start: bool, facts: &SourceFacts) -> bool {
    let Some(word) = token.word() else {
        return false;
    };
    token.is_capitalised()
        && word.chars().count() >= 2
        && !listed(NOT_NAMES, word)
        && !is_number_word(word)
        && month_of(token).is_none()
        && !is_weekday(token)
        && !(at_start && facts.words.is_ordinary_word(word))
}

/// Words that may stand in for a name: up to two after a determiner ("the minister", "the
/// Defence Secretary").
fn descriptions<'t>(text: &'t Text<'t>) -> impl Iterator<Item = &'t str> {
    let determiners = ["the", "this", "that", "our", "their", "his", "her"];
    text.tokens
        .iter()
        .enumerate()
        .filter(move |(_, token)| token.word().is_some_and(|word| determiners.contains(&word)))
        .flat_map(move |(i, _)| text.tokens[i + 1..].iter().take(2))
        .filter_map(Token::word)
        .filter(|word| !listed(STOPWORDS, word))
}

// ---------------------------------------------------------------------------------------------
// Quotations

/// The text inside quotation marks: `"…"`, `“…”`, `«…»`, and `‘…’` or `'…'` when the marks open
/// after a space and close before one (so apostrophes are not taken for quotes).
fn quotations(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    // Where the open quotation's text starts, and whether it opened with a single mark.
    let mut open: Option<(usize, bool)> = None;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let before = k.checked_sub(1).map(|k| chars[k].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        let double = unify_mark(c) == '"';
        let single = unify_mark(c) == '\'';
        match open {
            None if double => open = Some((at + c.len_utf8(), false)),
            None if single && opens_single(before, after) => open = Some((at + c.len_utf8(), true)),
            Some((start, is_single))
                if (double && !is_single)
                    || (single && is_single && closes_single(before, after)) =>
            {
                found.push(&text[start..at]);
                open = None;
            }
            _ => {}
        }
    }
    found
}

fn opens_single(before: Option<char>, after: Option<char>) -> bool {
    before.is_none_or(|c| c.is_whitespace() || c == '(' || c == '[')
        && after.is_some_and(char::is_alphanumeric)
}

fn closes_single(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(|c| !c.is_whitespace()) && !after.is_some_and(char::is_alphanumeric)
}

// ---------------------------------------------------------------------------------------------
// Modality

/// Words that make what follows them not (yet) a fact.
const MODAL_WORDS: &str = "invite invites invited inviting invitation urge urges urged urging
    ask asks asked asking encourage encourages encouraged encouraging request requests requested
    appeal appeals appealed propose proposes proposed proposal proposals intend intends intended
    intention expect expects expected expectation expectations hope hopes hoped hoping seek seeks
    seeking sought consider considers considered considering will would shall should could may
    might must upcoming forthcoming prospective";

/// Words that make what follows them not (yet) a fact when `to` follows ("plans to deploy").
/// Not "decided to": a decision is treated as taken action ("the decision to join the
/// coalition" supports "joined the coalition").
const MODAL_BEFORE_TO: &str = "plan plans planned planning aim aims aimed aiming is are was were
    going wish wishes ready willing prepared agree agrees agreed pledge pledges pledged promise
    promises promised vow vows vowed commit commits committed";

/// Further words that make a point tentative: its own wording, so it does not claim a fact.
const TENTATIVE_WORDS: &str = "plan plans planned planning aim aims aimed goal goals future
    potential potentially possible possibly prospect prospects pledge pledges pledged promise
    promises promised commit commits committed agree agrees agreed decide decides decided decision
    ready willing want wants wish wishes call calls called";

/// Beginnings of markers whose object comes before the action: "invited Italy to contribute".
const OBJECT_MARKERS: [&str; 8] = [
    "invit", "urg", "ask", "encourag", "request", "appeal", "call", "expect",
];

/// A future that goes on with what already is: "will continue to support".
const ONGOING: &str = "continue continues continuing keep keeps remain remains stay";

/// How far the marker's clause reaches, in words.
const CLAUSE_WORDS: usize = 16;
/// How far `to` may follow a marker, in words: "invited Italy’s defence industrial giant
/// Leonardo to avail".
const TO_WORDS: usize = 8;

/// Function words and words too general to tell one action from another.
const STOPWORDS: &str = "a about after again all also am an and another any are around as at be
    been before being between both but by can day days did do does done each even first for from
    further had has have having he her here his how if in into is it its just last made make many
    month months more most much new next no not now of on once only onto or other our out over own
    same she so some soon still such than that the their them then there these they this those
    through time to today under until up upon us very was way we week weeks well were what when
    where which while who whom whose why with within without year years yet you your";

/// A modal marker in an evidence sentence and the clause it governs.
struct ModalClause {
    /// Token index of the marker.
    marker: usize,
    /// Token index after the clause.
    end: usize,
    /// Token indices of the words naming the action: the first content word that is not an
    /// adverb, and the first after `to` ("would work together to strengthen").
    heads: Vec<usize>,
    /// Token indices of all the content words the marker governs.
    governed: Vec<usize>,
}

fn check_modality(point: &Text, evidence: &[Text], findings: &mut Findings) {
    if is_tentative(point) {
        return;
    }
    let clauses: Vec<(&Text, Vec<ModalClause>)> = evidence
        .iter()
        .map(|text| (text, modal_clauses(text)))
        .collect();
    let stated: Vec<&str> = clauses
        .iter()
        .flat_map(|(text, found)| stated_words(text, found))
        .collect();
    // The point's words that the evidence does not also state as a plain fact.
    let claimed: Vec<&str> = point_content_words(point)
        .filter(|word| !shares_word(&[word], &stated))
        .collect();
    for (text, found) in &clauses {
        let is_claimed =
            |k: usize| shares_word(&claimed, &[text.tokens[k].word().unwrap_or_default()]);
        let taken_up: Vec<(&ModalClause, usize)> = found
            .iter()
            .filter_map(|clause| {
                let claimed_head = clause.heads.iter().copied().find(|&k| is_claimed(k));
                let claimed_words = clause.governed.iter().filter(|&&k| is_claimed(k)).count();
                match (claimed_head, clause.heads.last()) {
                    (Some(head), _) => Some((clause, head)),
                    (None, Some(&last)) if claimed_words >= 2 => Some((clause, last)),
                    _ => None,
                }
            })
            .collect();
        for &(clause, quoted_to) in &taken_up {
            // Of nested clauses ("will build on … our forthcoming review"), the inner one says it.
            let holds_another = taken_up
                .iter()
                .any(|(other, _)| other.marker > clause.marker && other.marker < clause.end);
            if !holds_another {
                let said = text.span(clause.marker..quoted_to + 1);
                let detail = format!("the statement says “{said}”; this point states it as done");
                findings.add(Check::Modality, detail);
            }
        }
    }
}

fn is_tentative(text: &Text) -> bool {
    (0..text.tokens.len()).any(|i| {
        let word = text.tokens[i].word().unwrap_or_default();
        marker_end(&text.tokens, i).is_some() || listed(TENTATIVE_WORDS, word)
    })
}

/// If a modal marker starts at token `i`, the token after it (and after its particle: "called
/// on", "plans to").
fn marker_end(tokens: &[Token], i: usize) -> Option<usize> {
    let word = tokens[i].word()?;
    // "May" is the month; "those who seek to flee" describes people, not a pending action.
    if (word == "may" && tokens[i].is_capitalised()) || (i > 0 && tokens[i - 1].is_word("who")) {
        return None;
    }
    if listed(MODAL_WORDS, word) {
        return Some(i + 1);
    }
    let particle = tokens.get(i + 1)?.word()?;
    let called_on = ["call", "calls", "called", "calling"].contains(&word)
        && ["on", "upon", "for"].contains(&particle);
    let before_to = listed(MODAL_BEFORE_TO, word) && particle == "to";
    let looks_forward = ["look", "looks", "looking", "looked"].contains(&word)
        && particle == "forward"
        && tokens.get(i + 2).is_some_and(|token| token.is_word("to"));
    match (called_on || before_to, looks_forward) {
        (true, _) => Some(i + 2),
        (_, true) => Some(i + 3),
        _ => None,
    }
}

fn modal_clauses(text: &Text) -> Vec<ModalClause> {
    (0..text.tokens.len())
        .filter_map(|i| {
            let from = marker_end(&text.tokens, i)?;
            Some(governed_clause(&text.tokens, i, from))
        })
        .collect()
}

/// The clause of the marker at `marker`, from token `from`: up to `CLAUSE_WORDS` words, ending
/// at punctuation.
fn governed_clause(tokens: &[Token], marker: usize, from: usize) -> ModalClause {
    let mut end = from;
    let mut words = 0;
    while end < tokens.len() && words < CLAUSE_WORDS && !ends_clause(tokens, end) {
        words += usize::from(tokens[end].word().is_some());
        end += 1;
    }
    let ongoing = tokens[from..end]
        .iter()
        .filter_map(Token::word)
        .find(|&word| word != "be" && word != "been")
        .is_some_and(|word| listed(ONGOING, word));
    if ongoing {
        return ModalClause {
            marker,
            end,
            heads: Vec::new(),
            governed: Vec::new(),
        };
    }
    let marker_word = tokens[marker].word().unwrap_or_default();
    let takes_object = OBJECT_MARKERS
        .iter()
        .any(|stem| marker_word.starts_with(stem));
    let after_to = position_of_to(tokens, from..end).map(|to| to + 1);
    // An object before `to` ("invited Italy to") is not the action.
    let start = if takes_object {
        after_to.unwrap_or(from)
    } else {
        from
    };
    let first_action =
        |from: usize| (from..end).find(|&k| is_content_word(&tokens[k]) && !is_adverb(&tokens[k]));
    let mut heads: Vec<usize> = [Some(start), after_to]
        .into_iter()
        .flatten()
        .filter_map(first_action)
        .collect();
    heads.dedup();
    let governed = (start..end)
        .filter(|&k| is_content_word(&tokens[k]))
        .collect();
    ModalClause {
        marker,
        end,
        heads,
        governed,
    }
}

/// Punctuation ends a clause, except the full stop of an initial ("the U.S. side").
fn ends_clause(tokens: &[Token], k: usize) -> bool {
    let initial = k > 0
        && tokens[k - 1]
            .word()
            .is_some_and(|word| word.chars().count() == 1)
        && tokens[k - 1].end() == tokens[k].start;
    match tokens[k].kind {
        Kind::Mark('.') => !initial,
        Kind::Mark(mark) => "!?;:,()\"".contains(mark),
        _ => false,
    }
}

/// The first `to` among the clause's first `TO_WORDS` words.
fn position_of_to(tokens: &[Token], clause: Range<usize>) -> Option<usize> {
    clause
        .filter(|&k| tokens[k].word().is_some())
        .take(TO_WORDS)
        .find(|&k| tokens[k].is_word("to"))
}

fn is_content(word: &str) -> bool {
    word.chars().count() >= 3
        && !listed(STOPWORDS, word)
        && !listed(MODAL_WORDS, word)
        && !listed(TENTATIVE_WORDS, word)
        && !is_number_word(word)
}

/// `immediately`, `closely`; not `supply`.
fn is_adverb(token: &Token) -> bool {
    token
        .word()
        .is_some_and(|word| word.len() >= 6 && word.ends_with("ly") && !word.ends_with("ply"))
}

/// A lower-case content word (capitalised words are names, checked apart).
fn is_content_word(token: &Token) -> bool {
    !token.is_capitalised() && token.word().is_some_and(is_content)
}

/// The content words of the evidence outside every modal clause: what it states as fact.
fn stated_words<'t>(text: &'t Text, clauses: &[ModalClause]) -> Vec<&'t str> {
    let in_clause = |k: usize| {
        clauses
            .iter()
            .any(|clause| (clause.marker..clause.end).contains(&k))
    };
    (0..text.tokens.len())
        .filter(|&k| !in_clause(k) && is_content_word(&text.tokens[k]))
        .filter_map(|k| text.tokens[k].word())
        .collect()
}

/// The content words of the point, including a capitalised one that only starts a sentence.
fn point_content_words<'t>(point: &'t Text) -> impl Iterator<Item = &'t str> {
    point
        .tokens
        .iter()
        .zip(&point.starts)
        .filter(|(token, &at_start)| at_start || !token.is_capitalised())
        .filter_map(|(token, _)| token.word())
        .filter(|word| is_content(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared fixture `tests/fixtures/statement-lt-it-defence-2024-07-02.txt`.
    const STATEMENT: &str = " date 2024-07-02 “Lithuania’s priorities in defence cooperation with Italy remain unchanged. We appreciate Italy’s practical support to the security of our region. In full understating of the current security situation, we are grateful to Italy for its contribution to the Baltic security and the security of the entire eastern flank. We are doing everything possible to provide proper service conditions for the Allies,” underscored Minister Kasčiūnas.
Military personnel of Italy are serving in the NATO enhanced Forward Presence Battalion Battle Group in the Baltic region Italian ships patrol the Baltic Sea. Also, Italy has provided rotations to five NATO Air Policing Missions in the Baltic states flown from Šiauliai so far and plans to deploy the Italian detachment again for two consecutive rotations starting this year. The minister also pointed out that Lithuania understood the threat of irregular migration originating in the South and Mediterranean and said that expanding bilateral cooperation was of utmost importance in the present geopolitical and security context.
Another topic the ministers discussed was the upcoming NATO Summit in Washington. Besides executability of defence plans and increasing defence spending, decisions on practical implementation of the Rotational Air Defence Model is one of Lithuania’s key expectations at the Summit. The war in Ukraine has demonstrated that air defence remains among top priorities for defence of the NATO eastern border. Minister Kasčiūnas invited Italy to contribute to the implementation of the model by deploying its air defence capabilities in Lithuania.
The minister also addressed assistance to Ukraine. Kasčiūnas underscored the importance of Ukraine’s victory against Russia and thanked Italy for the decision to join the Ukraine Demining Coalition that Lithuania led and encourage equipment, financial or training contributions. Italy has donated individual demining equipment to Ukraine so far, conducts staff officer and combat demining operator training courses, also, it has taken a decision to transfer one more mid-range air defence system.
“We have to fight the Russian disinformation campaigns more intensely to prevent it from discrediting the Western support to Ukraine. Only a strong and continued assistance to Ukraine until its victory can bring back stability and peace to Europe,” said Minister Kasčiūnas.
The meeting also addressed the importance of cooperation with defence industry. Kasčiūnas underscored that Lithuania had adopted a new defence industry law to promote defence industry investment in Lithuania. Investment of the German Rheinmetall stands out as an excellent example of that. The minister invited Italy’s defence industrial giant Leonardo to avail of the favourable conditions in Lithuania, particularly in the area of high technology.";

    const INVITATION: &str = "Minister Kasčiūnas invited Italy to contribute to the implementation of the model by deploying its air defence capabilities in Lithuania.";
    const MIGRATION: &str = "The minister also pointed out that Lithuania understood the threat of irregular migration originating in the South and Mediterranean and said that expanding bilateral cooperation was of utmost importance in the present geopolitical and security context.";

    /// The issues for a point whose evidence is the whole (one-sentence) source.
    fn check_against(source: &str, point: &str) -> Vec<Issue> {
        SourceFacts::new(source).check(point, &[source])
    }

    fn issue(check: Check, detail: &str) -> Issue {
        Issue {
            check,
            detail: detail.to_string(),
        }
    }

    #[test]
    fn invitation_stated_as_done_is_flagged_and_the_model_name_is_not() {
        let facts = SourceFacts::new(STATEMENT);
        let point = "Italy is contributing to the implementation of the Rotational Air Defence Model by deploying its air defence capabilities in Lithuania.";
        let expected = issue(
            Check::Modality,
            "the statement says “invited Italy to contribute”; this point states it as done",
        );
        assert_eq!(facts.check(point, &[INVITATION]), vec![expected]);
    }

    #[test]
    fn invitation_kept_as_invitation_passes() {
        let facts = SourceFacts::new(STATEMENT);
        let point = "Kasčiūnas invited Italy to contribute to the Rotational Air Defence Model by deploying its air defence capabilities in Lithuania.";
        assert_eq!(facts.check(point, &[INVITATION]), vec![]);
    }

    #[test]
    fn deployment_under_an_invitation_stated_as_done_is_flagged() {
        let facts = SourceFacts::new(STATEMENT);
        let point = "Italy is deploying its air defence capabilities in Lithuania.";
        let found = facts.check(point, &[INVITATION]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].check, Check::Modality);
    }

    const ROTATIONS: &str = "Also, Italy has provided rotations to five NATO Air Policing Missions in the Baltic states flown from Šiauliai so far and plans to deploy the Italian detachment again for two consecutive rotations starting this year.";

    #[test]
    fn left_out_lists_every_fact_of_a_sentence_for_an_empty_point() {
        let facts = SourceFacts::new(STATEMENT);
        assert_eq!(
            facts.left_out(ROTATIONS, ""),
            [
                "five",
                "two",
                "Italy",
                "NATO Air Policing Missions",
                "Baltic",
                "Šiauliai",
                "Italian"
            ]
        );
    }

    #[test]
    fn left_out_finds_what_a_shortened_point_dropped() {
        let facts = SourceFacts::new(STATEMENT);
        let point = "Italy flew 5 NATO Air Policing Missions over the Baltic states from Šiauliai.";
        // "5" carries "five" and "Italy" carries "Italian"; the two new rotations are gone.
        assert_eq!(facts.left_out(ROTATIONS, point), ["two"]);
        let invited = "Kasčiūnas asked Italy to deploy air defence in Lithuania.";
        assert_eq!(facts.left_out(INVITATION, invited), Vec::<String>::new());
        assert_eq!(
            facts.left_out(INVITATION, "Italy was invited to deploy air defence."),
            ["Kasčiūnas", "Lithuania"]
        );
    }

    #[test]
    fn left_out_wants_a_long_name_by_its_last_word_and_a_date_in_full() {
        let facts = SourceFacts::new("On 6 January 2022 the United Nations Development Programme opened an office. The UN said so.");
        let sentence =
            "On 6 January 2022 the United Nations Development Programme opened an office.";
        assert_eq!(
            facts.left_out(
                sentence,
                "On January 6, 2022 the Programme opened an office."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            facts.left_out(
                sentence,
                "On 6 January the United Nations opened an office."
            ),
            ["6 January 2022", "United Nations Development Programme"]
        );
    }

    #[test]
    fn numbers_match_whatever_way_they_are_written() {
        let forms = [
            "4,000",
            "4000",
            "4 000",
            "4\u{202f}000",
            "four thousand",
            "4 thousand",
        ];
        for source_form in forms {
            for point_form in forms {
                let source = format!("The UK has supplied {source_form} anti-tank missiles.");
                let point = format!("The UK supplied {point_form} anti-tank missiles.");
                assert_eq!(check_against(&source, &point), vec![], "{source} / {point}");
            }
        }
    }

    #[test]
    fn a_different_number_is_flagged() {
        let source = "The UK has supplied over 4,000 anti-tank missiles.";
        let point = "The UK supplied 4,500 anti-tank missiles.";
        let expected = issue(Check::Number, "4,500 is not in the statement");
        assert_eq!(check_against(source, point), vec![expected]);
    }

    #[test]
    fn percentages_match_in_any_spelling_but_only_as_percentages() {
        let source =
            "Allies should spend at least 20% of GDP on defence, and 12 Allies already do.";
        let point_forms = ["20 per cent", "20 percent", "20 %", "twenty per cent"];
        for form in point_forms {
            let point = format!("Allies should spend at least {form} of GDP on defence.");
            assert_eq!(check_against(source, &point), vec![], "{point}");
        }
        let wrong = "Allies should spend at least 25% of GDP on defence.";
        assert_eq!(
            check_against(source, wrong),
            vec![issue(Check::Percent, "25% is not in the statement")]
        );
        let plain = "Allies should spend at least 12% of GDP on defence.";
        let expected = issue(
            Check::Percent,
            "12% is not in the statement as a percentage",
        );
        assert_eq!(check_against(source, plain), vec![expected]);
    }

    #[test]
    fn amounts_match_across_scales_and_currency_styles() {
        let source = "The budget of the scheme rises to 1,200 million euros.";
        for point in [
            "The scheme's budget rises to €1.2 billion.",
            "The scheme's budget rises to €1.2bn.",
        ] {
            assert_eq!(check_against(source, point), vec![], "{point}");
        }
        let expected = issue(Check::Number, "€1.3 billion is not in the statement");
        assert_eq!(
            check_against(source, "The budget rises to €1.3 billion."),
            vec![expected]
        );
    }

    #[test]
    fn one_as_a_pronoun_is_not_a_number() {
        let source = "Air defence remains among the top priorities of the eastern flank.";
        let point = "Air defence is one of the top priorities of the eastern flank.";
        assert_eq!(check_against(source, point), vec![]);
    }

    #[test]
    fn a_list_number_left_before_the_point_is_not_a_number() {
        let source = "Italy has provided rotations to five NATO Air Policing Missions.";
        let point = "1. Italy has provided rotations to five NATO Air Policing Missions.";
        assert_eq!(check_against(source, point), vec![]);
    }

    #[test]
    fn dates_match_in_any_order_and_iso_form() {
        for source in [
            "The ministers met on July 2, 2024.",
            "2024-07-02 The ministers met in Vilnius.",
        ] {
            for point in [
                "The ministers met on 2 July 2024.",
                "The ministers met on 2 July.",
                "The ministers met in July 2024.",
            ] {
                assert_eq!(
                    SourceFacts::new(source).check(point, &[]),
                    vec![],
                    "{source} / {point}"
                );
            }
        }
    }

    #[test]
    fn another_day_is_flagged_once() {
        let source = "The ministers met on 2 July 2024.";
        let expected = issue(Check::Date, "“3 July” is not in the statement");
        assert_eq!(
            check_against(source, "The ministers met on 3 July."),
            vec![expected]
        );
    }

    #[test]
    fn a_weekday_must_be_in_the_statement() {
        let source = "The ministers met on Monday.";
        let expected = issue(Check::Date, "“Tuesday” is not in the statement");
        assert_eq!(
            check_against(source, "The ministers met on Tuesday."),
            vec![expected]
        );
    }

    #[test]
    fn a_name_missing_from_the_statement_is_flagged() {
        let facts = SourceFacts::new(STATEMENT);
        let point = "Kasčiūnas invited Poland to contribute to the implementation of the model.";
        let expected = issue(Check::Name, "“Poland” is not in the statement");
        assert_eq!(facts.check(point, &[INVITATION]), vec![expected]);
    }

    #[test]
    fn a_derived_form_of_a_name_is_accepted() {
        let facts = SourceFacts::new(STATEMENT);
        let evidence = ["Italy has provided rotations to five NATO Air Policing Missions in the Baltic states flown from Šiauliai so far."];
        let point = "Italian aircraft flew five NATO Air Policing Missions from Šiauliai.";
        assert_eq!(facts.check(point, &evidence), vec![]);
        let source = "Lithuania has adopted a new defence industry law.";
        assert_eq!(
            check_against(
                source,
                "The Lithuanian government adopted a new defence industry law."
            ),
            vec![]
        );
    }

    #[test]
    fn a_name_swapped_for_the_one_in_the_sentence_is_flagged() {
        let facts = SourceFacts::new(STATEMENT);
        let point =
            "Italy understands the threat of irregular migration from the South and Mediterranean.";
        let expected = issue(
            Check::Name,
            "“Italy” is not in the sentences this point is based on",
        );
        assert_eq!(facts.check(point, &[MIGRATION]), vec![expected]);
    }

    #[test]
    fn a_person_the_sentence_calls_by_title_is_not_a_swap() {
        let facts = SourceFacts::new(STATEMENT);
        let evidence = ["The minister invited Italy’s defence industrial giant Leonardo to avail of the favourable conditions in Lithuania, particularly in the area of high technology."];
        let point =
            "Kasčiūnas invited Leonardo to avail of the favourable conditions in Lithuania.";
        assert_eq!(facts.check(point, &evidence), vec![]);
    }

    #[test]
    fn an_acronym_matches_its_expansion() {
        let source = "The Defence Secretary met NATO Defence Ministers to reaffirm the United Kingdom’s support for Ukraine.";
        let point = "The UK reaffirmed its support for Ukraine to NATO Defence Ministers.";
        let facts = SourceFacts::new(&format!("{source} The UK sent aid."));
        assert_eq!(facts.check(point, &[source]), vec![]);
        let source =
            "The United States is providing nearly $368 million in humanitarian assistance.";
        let point = "The US is providing nearly $368 million in humanitarian assistance.";
        assert_eq!(check_against(source, point), vec![]);
    }

    #[test]
    fn an_action_after_to_is_the_action() {
        let source = "The two ministers reaffirmed that Japan and the United States would work together to strengthen the Alliance.";
        let point = "Japan and the United States strengthened the Alliance.";
        let expected = issue(
            Check::Modality,
            "the statement says “would work together to strengthen”; this point states it as done",
        );
        assert_eq!(check_against(source, point), vec![expected]);
    }

    #[test]
    fn a_quotation_passes_with_other_quote_marks_and_an_altered_one_is_flagged() {
        let facts = SourceFacts::new(STATEMENT);
        let evidence = ["Only a strong and continued assistance to Ukraine until its victory can bring back stability and peace to Europe,” said Minister Kasčiūnas."];
        let exact = "Kasčiūnas said \"only a strong and continued assistance to Ukraine until its victory can bring back stability and peace to Europe\".";
        assert_eq!(facts.check(exact, &evidence), vec![]);
        let shortened = "Kasčiūnas said that «only a strong and continued assistance to Ukraine … can bring back stability».";
        assert_eq!(facts.check(shortened, &evidence), vec![]);
        let altered =
            "Kasčiūnas said “only strong assistance to Ukraine can bring back peace to Europe”.";
        let expected = issue(
            Check::Quote,
            "the quotation “only strong assistance to Ukraine can bring back peace to Europe” is not in the statement",
        );
        assert_eq!(facts.check(altered, &evidence), vec![expected]);
    }

    #[test]
    fn a_future_detail_the_point_leaves_out_is_not_flagged() {
        let source = "Lithuania signed a contract for drones, which will be delivered next year.";
        assert_eq!(
            check_against(source, "Lithuania signed a contract for drones."),
            vec![]
        );
    }

    #[test]
    fn a_plan_stated_as_done_is_flagged_and_kept_as_a_plan_passes() {
        let source = "Italy plans to deploy the Italian detachment again for two consecutive rotations starting this year.";
        let expected = issue(
            Check::Modality,
            "the statement says “plans to deploy”; this point states it as done",
        );
        assert_eq!(
            check_against(source, "Italy deployed the detachment."),
            vec![expected]
        );
        let faithful = "Italy plans to deploy the detachment for two consecutive rotations.";
        assert_eq!(check_against(source, faithful), vec![]);
    }

    #[test]
    fn a_call_stated_as_done_is_flagged() {
        let source = "The ministers called on Russia to withdraw its troops from Ukraine.";
        let expected = issue(
            Check::Modality,
            "the statement says “called on Russia to withdraw”; this point states it as done",
        );
        assert_eq!(
            check_against(source, "Russia withdrew its troops from Ukraine."),
            vec![expected]
        );
    }

    #[test]
    fn a_continuing_action_is_not_a_new_one() {
        let source = "The UK will continue to support Ukraine against Russia’s invasion.";
        assert_eq!(
            check_against(
                source,
                "The UK continues to support Ukraine against Russia’s invasion."
            ),
            vec![]
        );
    }

    #[test]
    fn faithful_points_from_the_fixture_pass() {
        let facts = SourceFacts::new(STATEMENT);
        let cases: [(&str, &[&str]); 9] = [
            (
                "Lithuania’s priorities in defence cooperation with Italy remain unchanged.",
                &["“Lithuania’s priorities in defence cooperation with Italy remain unchanged."],
            ),
            (
                "Italy has provided rotations to five NATO Air Policing Missions from Šiauliai and plans to deploy the Italian detachment again for two consecutive rotations starting this year.",
                &["Also, Italy has provided rotations to five NATO Air Policing Missions in the Baltic states flown from Šiauliai so far and plans to deploy the Italian detachment again for two consecutive rotations starting this year."],
            ),
            (
                "Italian ships patrol the Baltic Sea and Italian troops serve in the NATO enhanced Forward Presence battle group.",
                &["Military personnel of Italy are serving in the NATO enhanced Forward Presence Battalion Battle Group in the Baltic region Italian ships patrol the Baltic Sea."],
            ),
            (
                "Lithuania expects decisions on the practical implementation of the Rotational Air Defence Model at the NATO Summit in Washington.",
                &[
                    "Another topic the ministers discussed was the upcoming NATO Summit in Washington.",
                    "Besides executability of defence plans and increasing defence spending, decisions on practical implementation of the Rotational Air Defence Model is one of Lithuania’s key expectations at the Summit.",
                ],
            ),
            (
                "Kasčiūnas thanked Italy for joining the Ukraine Demining Coalition led by Lithuania.",
                &["Kasčiūnas underscored the importance of Ukraine’s victory against Russia and thanked Italy for the decision to join the Ukraine Demining Coalition that Lithuania led and encourage equipment, financial or training contributions."],
            ),
            (
                "Italy has decided to transfer one more mid-range air defence system to Ukraine.",
                &["Italy has donated individual demining equipment to Ukraine so far, conducts staff officer and combat demining operator training courses, also, it has taken a decision to transfer one more mid-range air defence system."],
            ),
            (
                "Lithuania adopted a new defence industry law to promote defence industry investment, and Rheinmetall’s investment is an excellent example.",
                &[
                    "Kasčiūnas underscored that Lithuania had adopted a new defence industry law to promote defence industry investment in Lithuania.",
                    "Investment of the German Rheinmetall stands out as an excellent example of that.",
                ],
            ),
            (
                "Kasčiūnas invited Italy’s Leonardo to take advantage of favourable conditions in Lithuania, particularly in high technology.",
                &["The minister invited Italy’s defence industrial giant Leonardo to avail of the favourable conditions in Lithuania, particularly in the area of high technology."],
            ),
            (
                "Kasčiūnas said the Russian disinformation campaigns must be fought more intensely.",
                &["“We have to fight the Russian disinformation campaigns more intensely to prevent it from discrediting the Western support to Ukraine."],
            ),
        ];
        for (point, evidence) in cases {
            assert_eq!(facts.check(point, evidence), vec![], "{point}");
        }
    }

    #[test]
    fn faithful_points_from_a_uk_press_release_pass() {
        let statement = "The Defence Secretary Ben Wallace yesterday met NATO Defence Ministers to reaffirm the United Kingdom’s support for Ukraine and commitment to NATO.
Priorities include demonstrating the Allies’ support for Ukraine, the ongoing humanitarian crisis, and the importance of Allies spending a minimum of 2% of GDP on Defence.
The UK Defence Secretary highlighted that the UK would be providing Starstreak, a high velocity anti-aircraft missile system, that complements the other military aid provided by the UK Armed Forces, including over 4,000 anti-tank missiles.
While in Brussels, the Defence Secretary also held bilateral or small-group meetings with the US, France, Germany, Italy, Turkey, Canada, Slovakia, Sweden and the Czech Republic.
The UK has recently bolstered its military commitments in Eastern Europe including doubling the number of troops in Estonia, committing HMS Trent and HMS Diamond to the Eastern Mediterranean and providing air policing over Romania and Poland with RAF fast jets from the UK and RAF Akrotiri.";
        let sentences: Vec<&str> = statement.lines().collect();
        let facts = SourceFacts::new(statement);
        let cases = [
            ("Defence Secretary Ben Wallace met NATO Defence Ministers to reaffirm UK support for Ukraine.", 0),
            ("Allies should spend a minimum of 2% of GDP on defence.", 1),
            ("The UK will provide Starstreak, a high velocity anti-aircraft missile system.", 2),
            ("The UK has already supplied over 4,000 anti-tank missiles.", 2),
            ("In Brussels, Wallace held meetings with the US, France, Germany, Italy, Turkey, Canada, Slovakia, Sweden and the Czech Republic.", 3),
            ("The UK has doubled its troops in Estonia and committed HMS Trent and HMS Diamond to the Eastern Mediterranean.", 4),
            ("RAF fast jets provide air policing over Romania and Poland.", 4),
        ];
        for (point, sentence) in cases {
            assert_eq!(
                facts.check(point, &[sentences[sentence]]),
                vec![],
                "{point}"
            );
        }
    }

    #[test]
    fn a_megabyte_statement_is_indexed() {
        let statement = STATEMENT.repeat(1_000_000 / STATEMENT.len() + 1);
        let facts = SourceFacts::new(&statement);
        assert!(facts.words.sequence.len() > 100_000);
        let point = "Kasčiūnas invited Italy to contribute to the Rotational Air Defence Model.";
        assert_eq!(facts.check(point, &[INVITATION]), vec![]);
        // One 1 MB line without breaks is tokenised in pieces and still fully indexed.
        let one_line = statement.replace('\n', " ");
        assert_eq!(
            SourceFacts::new(&one_line).words.sequence.len(),
            facts.words.sequence.len()
        );
    }

    #[test]
    fn checks_serialise_in_snake_case() {
        let json = serde_json::to_string(&issue(Check::Modality, "x")).unwrap();
        assert_eq!(json, r#"{"check":"modality","detail":"x"}"#);
    }
}
