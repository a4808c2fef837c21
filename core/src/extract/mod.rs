//! Key sentences: which sentences of a statement carry its key points.
//!
//! Each sentence that can be a point (not a heading, aside, dateline or fragment) gets a score:
//! the weighted sum of its [`signals`] (position in the document and in its section, centrality
//! in meaning, figures, amounts, dates, names, decision words, attribution, quotation, length,
//! structure). The weights are learned from the tuning half of the quality corpus by
//! `cargo run --release -p brief-core --example fit_ranking`, which writes `weights.rs`.
//! Maximal marginal relevance then picks the best sentences while skipping near-repeats, and in
//! a document with sections, covers its major sections before taking a second point from one.

use crate::document::Document;
use crate::embed::cosine;

pub mod signals;
mod weights;

use signals::{add_centrality, can_be_point, score, text_signals, Signals};

#[derive(Debug, Clone, Copy)]
pub struct RankingConfig {
    /// The weight of each signal (see [`signals::NAMES`]).
    pub weights: Signals,
    /// How much similarity to an already chosen sentence costs (maximal marginal relevance).
    pub redundancy_weight: f32,
    /// Above this similarity to a chosen sentence, a sentence is a repeat and never chosen.
    pub duplicate_similarity: f32,
    /// Whether a document with sections gets a point from each major section before a second
    /// one from any.
    pub cover_sections: bool,
}

impl Default for RankingConfig {
    fn default() -> Self {
        RankingConfig {
            weights: signals::weights_by_name(weights::WEIGHTS),
            redundancy_weight: weights::REDUNDANCY_WEIGHT,
            duplicate_similarity: 0.9,
            cover_sections: weights::COVER_SECTIONS,
        }
    }
}

/// Above this many sentences (about 8,000 words), only the best candidates by the text-only
/// signals are embedded: every sentence is still read and scored, but the model's time stays
/// bounded on a report-sized document.
pub const MAX_EMBEDDED_SENTENCES: usize = 400;

/// The sentences worth embedding, in document order: every sentence that can be a point (all
/// sentences if none can), and of a long document the best `MAX_EMBEDDED_SENTENCES` of them by
/// the text-only signals.
pub fn candidates(doc: &Document, config: &RankingConfig) -> Vec<usize> {
    let mut eligible: Vec<usize> = (0..doc.sentences.len())
        .filter(|&i| can_be_point(doc, i))
        .collect();
    if eligible.is_empty() {
        eligible = (0..doc.sentences.len()).collect();
    }
    if eligible.len() <= MAX_EMBEDDED_SENTENCES {
        return eligible;
    }
    let scores: Vec<f32> = text_signals(doc, &eligible)
        .iter()
        .map(|s| score(s, &config.weights))
        .collect();
    let mut ranked: Vec<usize> = (0..eligible.len()).collect();
    ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    ranked.truncate(MAX_EMBEDDED_SENTENCES);
    let mut chosen: Vec<usize> = ranked.into_iter().map(|at| eligible[at]).collect();
    chosen.sort_unstable();
    chosen
}

/// Every signal of the `candidates`, whose embeddings are given in the same order.
pub fn candidate_signals(
    doc: &Document,
    candidates: &[usize],
    embeddings: &[Vec<f32>],
) -> Vec<Signals> {
    let mut signals = text_signals(doc, candidates);
    add_centrality(doc, &mut signals, embeddings);
    signals
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
    let scores: Vec<f32> = candidate_signals(doc, candidates, embeddings)
        .iter()
        .map(|s| score(s, &config.weights))
        .collect();
    let sections: Vec<usize> = candidates
        .iter()
        .map(|&i| doc.sentences[i].section)
        .collect();
    let mut uncovered = if config.cover_sections {
        major_sections(&sections)
    } else {
        Vec::new()
    };
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    let mut pool: Vec<usize> = (0..candidates.len()).collect();
    // Similarity of each candidate to the closest sentence chosen so far.
    let mut redundancy = vec![0.0f32; candidates.len()];
    while chosen.len() < n {
        // While major sections have no point yet, the next point comes from one of them.
        let from_uncovered = pool.iter().any(|&i| uncovered.contains(&sections[i]));
        let best = pool
            .iter()
            .enumerate()
            .filter(|&(_, &i)| !from_uncovered || uncovered.contains(&sections[i]))
            .map(|(at, &i)| (at, scores[i] - config.redundancy_weight * redundancy[i]))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((best_at, _)) = best else { break };
        let picked = pool.swap_remove(best_at);
        chosen.push(picked);
        uncovered.retain(|&s| s != sections[picked]);
        for &i in &pool {
            redundancy[i] = redundancy[i].max(cosine(&embeddings[i], &embeddings[picked]));
        }
        pool.retain(|&i| redundancy[i] < config.duplicate_similarity);
    }
    let mut indices: Vec<usize> = chosen.into_iter().map(|i| candidates[i]).collect();
    indices.sort_unstable();
    indices
}

/// A section is major when it holds at least this share of the candidates (and 3 of them):
/// a short aside section ("Contacts", "Notes to editors") is not owed a point.
const MAJOR_SECTION_SHARE: f32 = 0.05;

/// The sections (numbers) of a document with headings that are big enough to be owed a point.
fn major_sections(sections: &[usize]) -> Vec<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &s in sections {
        match counts.iter_mut().find(|(section, _)| *section == s) {
            Some((_, count)) => *count += 1,
            None => counts.push((s, 1)),
        }
    }
    if counts.len() < 2 {
        return Vec::new();
    }
    let minimum = ((sections.len() as f32 * MAJOR_SECTION_SHARE).ceil() as usize).max(3);
    counts
        .into_iter()
        .filter(|&(_, count)| count >= minimum)
        .map(|(section, _)| section)
        .collect()
}

/// The first `n` sentences of the text (headings, asides, datelines and fragments skipped): the
/// baseline Brief's ranking is measured against.
pub fn first_sentences(doc: &Document, n: usize) -> Vec<usize> {
    (0..doc.sentences.len())
        .filter(|&i| can_be_point(doc, i))
        .take(n)
        .collect()
}

/// How many key points a document of `words` words gets when the count is automatic: 5 for a
/// release, two more each time the length doubles past 500 words, up to 12 for a long speech.
pub fn auto_points(words: usize) -> usize {
    let doublings = (words.max(1) as f32 / 500.0).log2().max(0.0);
    (5 + (2.0 * doublings).round() as usize).min(crate::summary::MAX_POINTS)
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
    fn every_signal_has_a_learned_weight() {
        for name in signals::NAMES {
            assert!(
                weights::WEIGHTS.iter().any(|(n, _)| *n == name),
                "no weight for the signal '{name}': run the fit_ranking example"
            );
        }
        assert_eq!(weights::WEIGHTS.len(), signals::COUNT);
    }

    #[test]
    fn headings_asides_and_fragments_are_never_candidates() {
        let d = doc("Joint statement\n\nTHE PRESIDENT: The ministers agreed on EUR 40 million for air defence in 2025. (Applause.)\nTHE PRESIDENT: Thank you all.\n\nEnergy security\n\nThe ministers agreed to build a new power line to Poland by 2027.");
        let texts: Vec<&str> = candidates(&d, &RankingConfig::default())
            .into_iter()
            .map(|i| d.sentence(i))
            .collect();
        assert_eq!(
            texts,
            [
                "The ministers agreed on EUR 40 million for air defence in 2025.",
                "The ministers agreed to build a new power line to Poland by 2027."
            ]
        );
    }

    #[test]
    fn each_major_section_gets_a_point_before_a_second_from_one() {
        let mut text = String::from("Budget statement\n\nDefence\n");
        for k in 0..6 {
            text.push_str(&format!(
                "The ministry announced EUR {k}0 million for air defence radars in 2025 and 2026. "
            ));
        }
        text.push_str("\n\nCulture\n");
        for _ in 0..4 {
            text.push_str(
                "The festival of music will take place in the old town again this year. ",
            );
        }
        let d = doc(&text);
        let all = candidates(&d, &RankingConfig::default());
        let e = topic_embeddings(&d, &["radars", "festival"]);
        let e: Vec<Vec<f32>> = all.iter().map(|&i| e[i].clone()).collect();
        let config = RankingConfig {
            duplicate_similarity: 1.1,
            ..RankingConfig::default()
        };
        let sections = |chosen: Vec<usize>| -> Vec<usize> {
            chosen.iter().map(|&i| d.sentences[i].section).collect()
        };
        assert_eq!(sections(key_sentences(&d, &all, &e, 2, &config)), [1, 2]);
        let unforced = RankingConfig {
            cover_sections: false,
            ..config
        };
        assert_eq!(sections(key_sentences(&d, &all, &e, 2, &unforced)), [1, 1]);
    }

    #[test]
    fn the_automatic_count_grows_with_length() {
        assert_eq!(auto_points(150), 5);
        assert_eq!(auto_points(400), 5);
        assert_eq!(auto_points(1_000), 7);
        assert_eq!(auto_points(2_000), 9);
        assert_eq!(auto_points(4_000), 11);
        assert_eq!(auto_points(50_000), 12);
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
            "The agency approved 3 new vaccines for children on 5 May 2024. Thank you. \
             The agency also opened a new laboratory in the capital this spring.",
        );
        let all = candidates(&d, &RankingConfig::default());
        assert_eq!(all, [0, 2], "'Thank you.' is a fragment");
        let e = topic_embeddings(&d, &["vaccines", "laboratory"]);
        let e: Vec<Vec<f32>> = all.iter().map(|&i| e[i].clone()).collect();
        let chosen = key_sentences(&d, &all, &e, 1, &RankingConfig::default());
        assert_eq!(
            d.sentence(chosen[0]),
            "The agency approved 3 new vaccines for children on 5 May 2024."
        );
        assert_eq!(
            key_sentences(&d, &all, &e, 10, &RankingConfig::default()),
            [0, 2]
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
