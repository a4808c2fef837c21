//! The signals a sentence is ranked by. Each is a number read from the sentence, its place in
//! the document's structure, or (centrality) its meaning; the weights that combine them are
//! learned (see `weights.rs`), not set by hand.
//!
//! Word lists here name kinds of words (decision verbs, courtesies, attribution), never topics,
//! so they hold for statements Brief has not seen.

use crate::document::{Document, SentenceKind};
use crate::words::is_stop_word;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The signals of one sentence, in the order of [`NAMES`].
pub type Signals = [f32; COUNT];

pub const COUNT: usize = 27;

/// What each signal measures; the fitting example prints the weights with these names.
pub const NAMES: [&str; COUNT] = [
    "bias",
    "centrality",
    "lead",
    "relative position",
    "opens paragraph",
    "opens section",
    "lead in section",
    "figures",
    "amount",
    "date",
    "names",
    "decision words",
    "future or plan",
    "attribution",
    "quotation",
    "list item",
    "log words",
    "over 50 words",
    "courtesy",
    "question",
    "first person singular",
    "lead in a long document",
    "centrality in a long document",
    "topic words",
    "news words",
    "amount size",
    "a questioner speaking",
];

const CENTRALITY: usize = 1;
const LEAD: usize = 2;
const LEAD_LONG: usize = 21;
const CENTRALITY_LONG: usize = 22;
const TOPIC_WORDS: usize = 23;
const NEWS_WORDS: usize = 24;
const AMOUNT_SIZE: usize = 25;
const QUESTIONER: usize = 26;

/// Above this many words a document is long: its news is not all at the top.
const LONG_DOCUMENT_WORDS: usize = 1_500;

/// Shorter sentences are fragments, headings or asides, not key points.
pub const MIN_POINT_WORDS: usize = 6;

/// Whether sentence `index` may stand as a key point: the right kind and not a fragment.
pub fn can_be_point(doc: &Document, index: usize) -> bool {
    doc.kind(index).can_be_point() && words(&doc.point_text(index)) >= MIN_POINT_WORDS
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The text-only signals of sentences `indices` (document indices, ascending), with
/// centrality left at 0 until [`add_centrality`].
pub fn text_signals(doc: &Document, indices: &[usize]) -> Vec<Signals> {
    let long = doc.words() > LONG_DOCUMENT_WORDS;
    let eligible: Vec<usize> = (0..doc.sentences.len())
        .filter(|&i| can_be_point(doc, i))
        .collect();
    let total = eligible.len().max(1) as f32;
    // How many eligible sentences of its section come before each eligible sentence.
    let mut in_section = vec![0usize; eligible.len()];
    for rank in 1..eligible.len() {
        let same =
            doc.sentences[eligible[rank]].section == doc.sentences[eligible[rank - 1]].section;
        in_section[rank] = if same { in_section[rank - 1] + 1 } else { 0 };
    }
    let questioner = questioners(doc);
    let has_sections = doc.sentences.iter().any(|s| s.section > 0);
    let topic = standardise(&topic_words(doc, indices));
    // The largest sum of money in each sentence, against the largest in the document: the
    // headline amounts of a budget or a plan are its largest.
    let amounts: Vec<f32> = indices
        .iter()
        .map(|&i| largest_amount(&doc.point_text(i)))
        .collect();
    let most = amounts.iter().copied().fold(1.0f32, f32::max);
    indices
        .iter()
        .map(|&i| {
            let sentence = &doc.sentences[i];
            // Rank among the sentences that can be points: headings and asides don't push the
            // text down.
            let rank = eligible.partition_point(|&e| e < i);
            let previous = rank.checked_sub(1).map(|r| &doc.sentences[eligible[r]]);
            let opens_paragraph = previous.is_none_or(|p| p.paragraph != sentence.paragraph);
            let opens_section = previous.is_none_or(|p| p.section != sentence.section);
            // A sentence that can't be a point (scored for the embedding cap's sake only)
            // counts as opening its section.
            let in_section = match eligible.get(rank) {
                Some(&e) if e == i => in_section[rank],
                _ => 0,
            };
            let text = doc.point_text(i);
            let lead = 1.0 / (1.0 + rank as f32 / 4.0);
            let mut s = [0.0f32; COUNT];
            s[0] = 1.0;
            s[LEAD] = lead;
            s[3] = rank as f32 / total;
            s[4] = flag(opens_paragraph);
            s[5] = flag(has_sections && sentence.section > 0 && opens_section);
            s[6] = if has_sections {
                1.0 / (1.0 + in_section as f32 / 3.0)
            } else {
                0.0
            };
            lexical(&text, &mut s);
            s[14] = flag(sentence.kind == SentenceKind::Quotation);
            s[15] = flag(sentence.kind == SentenceKind::ListItem);
            s[LEAD_LONG] = if long { lead } else { 0.0 };
            s[QUESTIONER] = flag(questioner[i]);
            s
        })
        .zip(topic)
        .zip(amounts)
        .map(|((mut s, topic), amount)| {
            s[TOPIC_WORDS] = topic;
            s[AMOUNT_SIZE] = if amount > 1.0 {
                amount.ln() / most.ln()
            } else {
                0.0
            };
            s
        })
        .collect()
}

/// The largest sum of money a sentence names ("$1.2 billion", "EUR 40 million", "£5,000"),
/// or 0. A number counts as money when a currency sign or code is next to it.
fn largest_amount(text: &str) -> f32 {
    let tokens: Vec<String> = text
        .split_whitespace()
        .map(|t| {
            t.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '—' | '–'))
                .to_lowercase()
        })
        .collect();
    let mut largest = 0.0f32;
    for (at, token) in tokens.iter().enumerate() {
        let sign = token.starts_with(['$', '€', '£', '¥', '₹']);
        let digits: String = token
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let Ok(mut value) = digits.parse::<f32>() else {
            continue;
        };
        let before = at.checked_sub(1).map(|b| tokens[b].as_str());
        let code = before.is_some_and(|b| CURRENCY_CODES.contains(&b));
        let after = tokens.get(at + 1).map(String::as_str);
        let word_after = after.is_some_and(|a| {
            CURRENCY_CODES.contains(&a) || matches!(a, "dollars" | "euros" | "pounds")
        });
        if !(sign || code || word_after) {
            continue;
        }
        let scale = |word: Option<&str>| match word {
            Some("thousand") => 1e3,
            Some("million") | Some("mn") => 1e6,
            Some("billion") | Some("bn") => 1e9,
            Some("trillion") => 1e12,
            Some("crore") => 1e7,
            Some("lakh") => 1e5,
            _ => 1.0,
        };
        value *= scale(after);
        if token.ends_with('m') {
            value *= 1e6;
        } else if token.ends_with("bn") || token.ends_with('b') {
            value *= 1e9;
        }
        largest = largest.max(value);
    }
    largest
}

const CURRENCY_CODES: &[&str] = &[
    "eur", "euro", "usd", "us$", "gbp", "jpy", "inr", "rs", "rs.", "cad", "aud", "nzd", "sgd",
    "hk$", "zar", "r", "chf", "cny", "rmb", "krw", "won", "yen", "rupees", "rand",
];

/// For each sentence of a transcript, whether a journalist or someone in the audience speaks
/// it: the last speaker label before it is a questioner's.
fn questioners(doc: &Document) -> Vec<bool> {
    let mut asking = false;
    (0..doc.sentences.len())
        .map(|i| {
            if doc.kind(i) == SentenceKind::Speaker {
                let label = doc.sentence(i).trim_end_matches(':').to_lowercase();
                let first = label.split_whitespace().next().unwrap_or("");
                asking = matches!(
                    first,
                    "q" | "question"
                        | "questioner"
                        | "journalist"
                        | "reporter"
                        | "audience"
                        | "participant"
                );
            }
            asking
        })
        .collect()
}

/// How much each sentence is about what the whole document is about: the mean log count, in
/// the document, of its content words (words of four letters or more outside a stop list).
fn topic_words(doc: &Document, indices: &[usize]) -> Vec<f32> {
    let content = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_lowercase)
            .filter(|w| !is_stop_word(w))
            .collect()
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in 0..doc.sentences.len() {
        for word in content(doc.sentence(i)) {
            *counts.entry(word).or_default() += 1;
        }
    }
    indices
        .iter()
        .map(|&i| {
            let words = content(doc.sentence(i));
            let total: f32 = words.iter().map(|w| (counts[w] as f32).ln()).sum();
            total / words.len().max(1) as f32
        })
        .collect()
}

/// Sets each sentence's centrality: its similarity to the mean of all of them, standardised
/// over the document (a long report's sentences are all less central than a release's).
pub fn add_centrality(doc: &Document, signals: &mut [Signals], embeddings: &[Vec<f32>]) {
    let long = doc.words() > LONG_DOCUMENT_WORDS;
    let centrality = standardise(&centrality(embeddings));
    for (s, c) in signals.iter_mut().zip(centrality) {
        s[CENTRALITY] = c;
        s[CENTRALITY_LONG] = if long { c } else { 0.0 };
    }
}

/// Weights in the order of [`NAMES`] from (name, weight) pairs; a signal without a weight
/// counts 0 (a new signal, until the next fit).
pub fn weights_by_name(pairs: &[(&str, f32)]) -> Signals {
    NAMES.map(|name| {
        pairs
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(0.0, |&(_, w)| w)
    })
}

/// The weighted sum of a sentence's signals.
pub fn score(signals: &Signals, weights: &Signals) -> f32 {
    signals.iter().zip(weights).map(|(s, w)| s * w).sum()
}

fn flag(on: bool) -> f32 {
    if on {
        1.0
    } else {
        0.0
    }
}

/// Signals read from the words of a sentence: figures, amounts, dates, names, decisions,
/// attribution, courtesies.
fn lexical(text: &str, s: &mut Signals) {
    let lists = word_lists();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let count = tokens.len().max(1);
    let (mut figures, mut names, mut decisions) = (0usize, 0usize, 0usize);
    let (mut amount, mut date, mut future, mut attribution, mut courtesy, mut first_person) =
        (false, false, false, false, false, false);
    let mut news = false;
    let mut starts_sentence = true;
    for (at, token) in tokens.iter().enumerate() {
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = core.to_lowercase();
        let is_year = core.len() == 4
            && core.chars().all(|c| c.is_ascii_digit())
            && (core.starts_with("19") || core.starts_with("20"));
        if is_year {
            date = true;
        } else if core.chars().any(|c| c.is_ascii_digit()) {
            figures += 1;
        }
        if token.contains(['%', '€', '$', '£', '¥', '₹']) || lists.amounts.contains(lower.as_str())
        {
            amount = true;
        }
        // "may" the verb is not the month.
        if lists.months.contains(lower.as_str()) && (lower != "may" || core == "May") {
            date = true;
        }
        if lists.numbers.contains(lower.as_str()) {
            figures += 1;
        }
        if core.starts_with(char::is_uppercase) && !starts_sentence && core != "I" {
            names += 1;
        }
        if lists.decisions.contains(&lower) {
            decisions += 1;
        }
        if lists.futures.contains(lower.as_str()) {
            future = true;
        }
        let next = tokens.get(at + 1).map(|t| t.to_lowercase());
        if lists.attributions.contains(lower.as_str())
            || (lower == "according" && next.as_deref() == Some("to"))
        {
            attribution = true;
        }
        if lists.courtesies.iter().any(|c| lower.starts_with(c)) {
            courtesy = true;
        }
        if lists.news.contains(lower.as_str()) || lower.starts_with("announc") {
            news = true;
        }
        if matches!(core, "I" | "me" | "my" | "I'm" | "I’m" | "I've" | "I’ve") {
            first_person = true;
        }
        starts_sentence = token.ends_with(['.', ':', '“', '"']) || token.starts_with(['“', '"']);
    }
    s[7] = (1.0 + figures as f32).ln();
    s[8] = flag(amount);
    s[9] = flag(date);
    s[10] = names as f32 / (count as f32).sqrt();
    s[11] = (1.0 + decisions.min(4) as f32).ln();
    s[12] = flag(future);
    s[13] = flag(attribution);
    s[16] = (count as f32).ln();
    s[17] = flag(count > 50);
    s[18] = flag(courtesy);
    s[19] = flag(
        text.trim_end()
            .trim_end_matches(['”', '"', ')'])
            .ends_with('?'),
    );
    s[20] = flag(first_person);
    s[NEWS_WORDS] = flag(news);
}

struct WordLists {
    decisions: HashSet<String>,
    futures: HashSet<&'static str>,
    attributions: HashSet<&'static str>,
    courtesies: &'static [&'static str],
    amounts: HashSet<&'static str>,
    months: HashSet<&'static str>,
    numbers: HashSet<&'static str>,
    /// Words that mark what is new: "today", "new", "first-ever".
    news: HashSet<&'static str>,
}

/// Verbs of decision and action: what a statement's news is made of. Matched as whole words
/// with their inflections ("signed", "signing"), so "design" is not "sign" and "committee" is
/// not "commit".
const DECISION_VERBS: &[&str] = &[
    "announce",
    "agree",
    "decide",
    "sign",
    "adopt",
    "approve",
    "launch",
    "pledge",
    "allocate",
    "commit",
    "donate",
    "deploy",
    "provide",
    "invest",
    "fund",
    "award",
    "establish",
    "introduce",
    "impose",
    "sanction",
    "ban",
    "extend",
    "appoint",
    "elect",
    "invite",
    "propose",
    "deliver",
    "transfer",
    "join",
    "open",
    "increase",
    "reduce",
    "cut",
    "create",
    "expand",
    "raise",
    "release",
    "grant",
    "approve",
    "ratify",
    "conclude",
    "finalise",
    "finalize",
    "suspend",
    "withdraw",
    "close",
    "designate",
    "host",
    "lift",
    "halt",
    "double",
    "triple",
    "contribute",
    "set",
    "send",
    "build",
    "sell",
    "buy",
    "allow",
    "require",
    "order",
    "authorise",
    "authorize",
];

/// Nouns of decision and action.
const DECISION_NOUNS: &[&str] = &[
    "decision",
    "decisions",
    "agreement",
    "agreements",
    "announcement",
    "commitment",
    "commitments",
    "pledge",
    "pledges",
    "investment",
    "investments",
    "funding",
    "package",
    "sanctions",
    "ban",
    "treaty",
    "deal",
    "contract",
    "programme",
    "program",
    "initiative",
    "plan",
    "law",
    "bill",
    "act",
    "budget",
    "grant",
    "loan",
    "memorandum",
    "framework",
    "resolution",
    "appointment",
    "deployment",
    "launch",
    "increase",
    "reduction",
    "tariffs",
];

/// Inflections of a regular English verb: base, -s, -ed, -ing, with the usual spelling rules.
fn inflections(verb: &str) -> Vec<String> {
    let mut forms = vec![verb.to_string()];
    let stem_e = verb.strip_suffix('e');
    let ends_consonant_vowel_consonant = {
        let b: Vec<char> = verb.chars().collect();
        let n = b.len();
        let vowel = |c: char| "aeiou".contains(c);
        n >= 3
            && !vowel(b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
            && !"wxy".contains(b[n - 1])
    };
    match stem_e {
        Some(stem) => {
            forms.push(format!("{verb}s"));
            forms.push(format!("{verb}d"));
            forms.push(format!("{stem}ing"));
        }
        None if verb.ends_with('y') => {
            let stem = &verb[..verb.len() - 1];
            forms.push(format!("{stem}ies"));
            forms.push(format!("{stem}ied"));
            forms.push(format!("{verb}ing"));
        }
        None => {
            let plural = if verb.ends_with(['s', 'x', 'h']) {
                "es"
            } else {
                "s"
            };
            forms.push(format!("{verb}{plural}"));
            forms.push(format!("{verb}ed"));
            forms.push(format!("{verb}ing"));
            if ends_consonant_vowel_consonant {
                let last = verb.chars().last().expect("three letters at least");
                forms.push(format!("{verb}{last}ed"));
                forms.push(format!("{verb}{last}ing"));
            }
        }
    }
    forms
}

fn word_lists() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| WordLists {
        decisions: DECISION_VERBS
            .iter()
            .flat_map(|v| inflections(v))
            .chain(DECISION_NOUNS.iter().map(|n| n.to_string()))
            // Irregular past forms.
            .chain(
                [
                    "agreed", "made", "sent", "sold", "bought", "built", "set", "cut", "won",
                ]
                .map(String::from),
            )
            .collect(),
        futures: [
            "will",
            "shall",
            "plans",
            "planned",
            "intends",
            "intend",
            "aims",
            "aim",
            "to-be",
            "upcoming",
            "next",
            "forthcoming",
        ]
        .into(),
        attributions: [
            "said",
            "says",
            "stated",
            "states",
            "added",
            "noted",
            "stressed",
            "underlined",
            "emphasised",
            "emphasized",
            "underscored",
            "remarked",
            "explained",
            "told",
        ]
        .into(),
        courtesies: &[
            "thank",
            "welcom",
            "pleased",
            "honour",
            "honor",
            "grateful",
            "gratitude",
            "congratulat",
            "delighted",
            "glad",
            "privilege",
            "appreciat",
            "warm",
        ],
        amounts: [
            "million", "billion", "trillion", "percent", "per", "cent", "eur", "euro", "euros",
            "usd", "dollars", "pounds", "yen", "rupees", "crore", "lakh", "rand", "francs",
        ]
        .into(),
        months: brief_document::MONTHS
            .into_iter()
            .chain([
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
                "today",
                "yesterday",
                "tomorrow",
            ])
            .collect(),
        numbers: [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen",
            "first", "second", "third", "half", "double",
        ]
        .into(),
        news: [
            "today",
            "tonight",
            "new",
            "first-ever",
            "historic",
            "landmark",
            "unveiled",
            "unveils",
        ]
        .into(),
    })
}

/// Similarity of each embedding to the mean of all of them.
fn centrality(embeddings: &[Vec<f32>]) -> Vec<f32> {
    let dim = embeddings.first().map_or(0, Vec::len);
    let mut centroid = vec![0.0f32; dim];
    for e in embeddings {
        centroid.iter_mut().zip(e).for_each(|(c, x)| *c += x);
    }
    let norm = centroid.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
    centroid.iter_mut().for_each(|c| *c /= norm);
    embeddings
        .iter()
        .map(|e| crate::embed::cosine(e, &centroid))
        .collect()
}

/// Beyond this many spreads from the mean a value counts as this far: in a document of thousands
/// of near-identical sentences the one different sentence would otherwise lie hundreds of
/// spreads out, and one signal would decide its rank alone.
const MAX_SPREADS: f32 = 3.0;

/// Zero mean, unit spread, clamped to `MAX_SPREADS`.
fn standardise(values: &[f32]) -> Vec<f32> {
    let n = values.len().max(1) as f32;
    let mean = values.iter().sum::<f32>() / n;
    let spread = (values.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / n).sqrt();
    if spread < 1e-6 {
        return vec![0.0; values.len()];
    }
    values
        .iter()
        .map(|v| ((v - mean) / spread).clamp(-MAX_SPREADS, MAX_SPREADS))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals_of(sentence: &str) -> Signals {
        let mut s = [0.0; COUNT];
        lexical(sentence, &mut s);
        s
    }

    #[test]
    fn one_odd_sentence_among_thousands_is_not_pushed_out_of_reach() {
        let mut values = vec![1.0; 10_000];
        values.push(0.0);
        let standard = standardise(&values);
        assert_eq!(standard[10_000], -MAX_SPREADS);
        assert!(standard[0].abs() < 0.1);
    }

    #[test]
    fn decision_words_are_whole_words() {
        let decision = |s: &str| signals_of(s)[11] > 0.0;
        assert!(decision("The ministers signed the agreement on Monday."));
        assert!(decision("Italy committed two more ships."));
        assert!(!decision(
            "The design of the committee room was praised by the bank."
        ));
        assert!(!decision("The campaign reached many villages."));
    }

    #[test]
    fn figures_amounts_and_dates() {
        let s = signals_of(
            "The government will allocate EUR 1.2 billion to 40 projects by 3 March 2025.",
        );
        assert!(s[7] > 1.0, "figures: {}", s[7]);
        assert_eq!(s[8], 1.0, "amount");
        assert_eq!(s[9], 1.0, "date");
        assert_eq!(s[12], 1.0, "future");
        let plain =
            signals_of("We believe that cooperation between our countries remains very important.");
        assert_eq!((plain[7], plain[8], plain[9]), (0.0, 0.0, 0.0));
        // "may" the verb is not a month.
        assert_eq!(
            signals_of("Allies may consider further steps together soon.")[9],
            0.0
        );
    }

    #[test]
    fn courtesies_and_attribution() {
        let s = signals_of("“We thank Italy for its support,” said the minister.");
        assert_eq!((s[18], s[13]), (1.0, 1.0));
    }

    #[test]
    fn amounts_of_money_by_size() {
        assert_eq!(
            largest_amount("It gives $1.2 billion and EUR 40 million."),
            1.2e9
        );
        assert_eq!(largest_amount("Rs 500 crore for roads"), 5e9);
        assert_eq!(largest_amount("About 40 million people in 2024."), 0.0);
    }

    #[test]
    fn inflections_follow_spelling_rules() {
        assert!(inflections("commit").contains(&"committed".to_string()));
        assert!(inflections("provide").contains(&"providing".to_string()));
        assert!(inflections("ban").contains(&"banned".to_string()));
        assert!(!inflections("commit").contains(&"committee".to_string()));
    }
}
