//! Key sentences: which sentences of a statement carry its key points.
//!
//! Each sentence gets a score from three signals, then maximal marginal relevance picks the
//! best ones while skipping near-repeats:
//! - centrality: how close the sentence is to the statement as a whole (embeddings);
//! - position: statements put their news first, and each paragraph opens with its point;
//! - informativeness: the who, what, numbers, dates and decisions a sentence carries. Plain
//!   centrality prefers general, quotable sentences ("cooperation remains important"), which
//!   is why it loses to simply taking the first sentences; the facts are in the specifics.

use crate::document::Document;
use crate::embed::cosine;

#[derive(Debug, Clone, Copy)]
pub struct RankingConfig {
    pub centrality_weight: f32,
    pub position_weight: f32,
    pub information_weight: f32,
    /// How much similarity to an already chosen sentence costs (maximal marginal relevance).
    pub redundancy_weight: f32,
    /// Above this similarity to a chosen sentence, a sentence is a repeat and never chosen.
    pub duplicate_similarity: f32,
    /// Sentences shorter than this many words are headings or fragments, not key points.
    pub min_words: usize,
}

impl Default for RankingConfig {
    fn default() -> Self {
        RankingConfig {
            centrality_weight: 1.0,
            position_weight: 0.6,
            information_weight: 1.0,
            redundancy_weight: 2.0,
            duplicate_similarity: 0.9,
            min_words: 6,
        }
    }
}

/// Above this many sentences (about 8,000 words), only the best candidates by position and
/// information are embedded: every sentence is still read and scored, but the model's time
/// stays bounded on a report-sized document.
pub const MAX_EMBEDDED_SENTENCES: usize = 400;

/// The sentences worth embedding, in document order: all of them for a statement-sized
/// document, else the best `MAX_EMBEDDED_SENTENCES` by the text-only signals.
pub fn candidates(doc: &Document, config: &RankingConfig) -> Vec<usize> {
    let all: Vec<usize> = (0..doc.sentences.len()).collect();
    if all.len() <= MAX_EMBEDDED_SENTENCES {
        return all;
    }
    let scores = scores(doc, &all, None, config);
    let mut ranked = all;
    ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    ranked.truncate(MAX_EMBEDDED_SENTENCES);
    ranked.sort_unstable();
    ranked
}

/// Indices (into the document) of the `n` key sentences among `candidates`, whose embeddings
/// are given in the same order, returned in document order.
pub fn key_sentences(
    doc: &Document,
    candidates: &[usize],
    embeddings: &[Vec<f32>],
    n: usize,
    config: &RankingConfig,
) -> Vec<usize> {
    let scores = scores(doc, candidates, Some(embeddings), config);
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    let mut pool: Vec<usize> = (0..candidates.len()).collect();
    // Similarity of each candidate to the closest sentence chosen so far.
    let mut redundancy = vec![0.0f32; candidates.len()];
    while chosen.len() < n {
        let best = pool
            .iter()
            .enumerate()
            .map(|(at, &i)| (at, scores[i] - config.redundancy_weight * redundancy[i]))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((best_at, _)) = best else { break };
        let picked = pool.swap_remove(best_at);
        chosen.push(picked);
        for &i in &pool {
            redundancy[i] = redundancy[i].max(cosine(&embeddings[i], &embeddings[picked]));
        }
        pool.retain(|&i| redundancy[i] < config.duplicate_similarity);
    }
    let mut indices: Vec<usize> = chosen.into_iter().map(|i| candidates[i]).collect();
    indices.sort_unstable();
    indices
}

/// The first `n` sentences: the baseline Brief's ranking is measured against.
pub fn first_sentences(doc: &Document, n: usize) -> Vec<usize> {
    (0..doc.sentences.len().min(n)).collect()
}

/// Scores of the `sentences` (document indices); centrality counts only when embeddings are
/// given.
fn scores(
    doc: &Document,
    sentences: &[usize],
    embeddings: Option<&[Vec<f32>]>,
    config: &RankingConfig,
) -> Vec<f32> {
    let centrality = embeddings.map(|e| standardise(&centrality(e)));
    let information = standardise(
        &sentences
            .iter()
            .map(|&i| information(doc.sentence(i)))
            .collect::<Vec<_>>(),
    );
    sentences
        .iter()
        .enumerate()
        .map(|(at, &i)| {
            let paragraph = doc.sentences[i].paragraph;
            let opens_paragraph = i == 0 || doc.sentences[i - 1].paragraph != paragraph;
            let words = doc.sentence(i).split_whitespace().count();
            let fragment_penalty = if words < config.min_words { 3.0 } else { 0.0 };
            centrality
                .as_ref()
                .map_or(0.0, |c| config.centrality_weight * c[at])
                + config.position_weight * position(i, opens_paragraph)
                + config.information_weight * information[at]
                - fragment_penalty
        })
        .collect()
}

/// Similarity to the mean of all sentences.
fn centrality(embeddings: &[Vec<f32>]) -> Vec<f32> {
    let dim = embeddings.first().map_or(0, Vec::len);
    let mut centroid = vec![0.0f32; dim];
    for e in embeddings {
        centroid.iter_mut().zip(e).for_each(|(c, x)| *c += x);
    }
    let norm = centroid.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
    centroid.iter_mut().for_each(|c| *c /= norm);
    embeddings.iter().map(|e| cosine(e, &centroid)).collect()
}

/// 1.0 for the lead sentence, decaying through the text; paragraph openers get a lift.
fn position(index: usize, opens_paragraph: bool) -> f32 {
    let decay = 1.0 / (1.0 + index as f32 / 4.0);
    let opener = if opens_paragraph { 0.5 } else { 0.0 };
    decay + opener
}

/// Words that signal a decision or an action, the core of a statement's news.
const ACTION_WORDS: &[&str] = &[
    "announc",
    "agree",
    "decid",
    "decision",
    "sign",
    "adopt",
    "approv",
    "launch",
    "pledg",
    "allocat",
    "commit",
    "donat",
    "deploy",
    "provid",
    "invest",
    "fund",
    "award",
    "establish",
    "introduc",
    "impos",
    "sanction",
    "ban",
    "extend",
    "appoint",
    "elect",
    "invit",
    "will ",
    "plan",
    "propos",
    "deliver",
    "transfer",
    "join",
    "open",
    "increas",
    "reduc",
    "cut",
];

/// How many concrete facts a sentence carries: figures, dates, named things, decisions.
fn information(sentence: &str) -> f32 {
    let lower = sentence.to_lowercase();
    let mut facts = 0.0f32;
    let mut previous_ends_sentence = true;
    for word in sentence.split_whitespace() {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        if core.chars().any(|c| c.is_ascii_digit()) {
            facts += 1.5; // amounts, dates, counts
        } else if core.chars().next().is_some_and(char::is_uppercase) && !previous_ends_sentence {
            facts += 1.0; // names of people, places, organisations, programmes
        }
        previous_ends_sentence = word.ends_with(['.', '“', '"']);
    }
    facts += ACTION_WORDS.iter().filter(|w| lower.contains(*w)).count() as f32;
    if [
        "%", "€", "$", "£", "million", "billion", "percent", "per cent",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        facts += 2.0;
    }
    // Long sentences carry more facts by sheer length; scale down to facts per word so length
    // alone does not win, but keep some credit for substance.
    let words = sentence.split_whitespace().count().max(1) as f32;
    facts / words.sqrt()
}

/// Zero mean, unit spread, so the signals can be weighted against each other.
fn standardise(values: &[f32]) -> Vec<f32> {
    let n = values.len().max(1) as f32;
    let mean = values.iter().sum::<f32>() / n;
    let spread = (values.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / n).sqrt();
    if spread < 1e-6 {
        return vec![0.0; values.len()];
    }
    values.iter().map(|v| (v - mean) / spread).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_bytes(text.as_bytes()).unwrap()
    }

    /// Stand-in embeddings for ranking logic only: one axis per topic word.
    fn topic_embeddings(doc: &Document, topics: &[&str]) -> Vec<Vec<f32>> {
        doc.sentence_texts()
            .iter()
            .map(|s| {
                let v: Vec<f32> = topics
                    .iter()
                    .map(|t| if s.contains(t) { 1.0 } else { 0.05 })
                    .collect();
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                v.into_iter().map(|x| x / norm).collect()
            })
            .collect()
    }

    #[test]
    fn facts_beat_generalities() {
        assert!(
            information("The government will allocate EUR 1.2 billion to the Rail Baltica project in 2025.")
                > information("We believe that cooperation between our countries remains very important for all of us.")
        );
    }

    #[test]
    fn near_duplicates_are_skipped_and_order_is_kept() {
        let d = doc(
            "The ministry announced EUR 40 million for air defence in 2025. \
             The ministry announced EUR 40 million for air defence in 2025 again today. \
             Separately, Estonia signed a deal with Leonardo on 3 March for 12 radars. \
             The weather was pleasant during the meeting of the delegations.",
        );
        let e = topic_embeddings(&d, &["air defence", "Leonardo", "weather"]);
        let all: Vec<usize> = (0..d.sentences.len()).collect();
        let chosen = key_sentences(&d, &all, &e, 2, &RankingConfig::default());
        assert_eq!(chosen, [0, 2]);
    }

    #[test]
    fn fragments_are_not_key_points_and_n_is_capped() {
        let d = doc(
            "Summary\nThe agency approved 3 new vaccines for children on 5 May 2024. Thank you.",
        );
        let e = topic_embeddings(&d, &["vaccines", "Thank", "Summary"]);
        let all: Vec<usize> = (0..d.sentences.len()).collect();
        let chosen = key_sentences(&d, &all, &e, 1, &RankingConfig::default());
        assert_eq!(
            d.sentence(chosen[0]),
            "The agency approved 3 new vaccines for children on 5 May 2024."
        );
        assert_eq!(
            key_sentences(&d, &all, &e, 10, &RankingConfig::default()).len(),
            d.sentences.len()
        );
    }

    #[test]
    fn long_documents_are_read_to_the_end() {
        let filler =
            "Officials met again today to talk about many general matters of shared interest.\n";
        let text = format!(
            "{}The parliament approved EUR 12 billion for Rail Baltica on 4 June 2025.\n",
            filler.repeat(600)
        );
        let d = doc(&text);
        let chosen = candidates(&d, &RankingConfig::default());
        assert_eq!(chosen.len(), MAX_EMBEDDED_SENTENCES);
        assert_eq!(*chosen.last().unwrap(), d.sentences.len() - 1);
    }
}
