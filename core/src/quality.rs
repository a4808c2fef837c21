//! Fact coverage: how many of the facts a reader must get does a summary contain?
//!
//! The quality corpus (tests/fixtures/corpus/corpus.json) lists, for real public statements,
//! the facts a reader needs, each as groups of terms; a fact is covered when every group has
//! one of its alternatives in the summary (case-insensitive).

use crate::extract::first_sentences;
use crate::{Document, Result, Summarizer};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct Corpus {
    pub statements: Vec<Statement>,
}

#[derive(Debug, Deserialize)]
pub struct Statement {
    pub file: String,
    pub source: String,
    pub country: String,
    pub topic: String,
    pub facts: Vec<Fact>,
}

#[derive(Debug, Deserialize)]
pub struct Fact {
    pub fact: String,
    pub terms: Vec<Vec<String>>,
}

impl Fact {
    pub fn is_covered_by(&self, summary: &str) -> bool {
        let summary = summary.to_lowercase();
        self.terms.iter().all(|alternatives| {
            alternatives
                .iter()
                .any(|term| summary.contains(&term.to_lowercase()))
        })
    }
}

/// How many of `facts` the summary covers.
pub fn covered(facts: &[Fact], summary: &str) -> usize {
    facts.iter().filter(|f| f.is_covered_by(summary)).count()
}

/// Facts covered in one statement by Brief's key points and by the first-N baseline.
pub struct Score {
    pub file: String,
    pub country: String,
    pub topic: String,
    pub words: usize,
    pub facts: usize,
    pub brief: usize,
    pub first_n: usize,
}

/// Scores Brief's `n` key points against the first `n` sentences on every statement of the
/// corpus in `dir`.
pub fn evaluate(summarizer: &Summarizer, dir: &Path, n: usize) -> Result<Vec<Score>> {
    let manifest = dir.join("corpus.json");
    let corpus_error = |reason: String| crate::Error::Corpus {
        path: manifest.clone(),
        reason,
    };
    let json = std::fs::read(&manifest).map_err(|e| corpus_error(e.to_string()))?;
    let corpus: Corpus = serde_json::from_slice(&json).map_err(|e| corpus_error(e.to_string()))?;
    corpus
        .statements
        .into_iter()
        .map(|statement| {
            let doc = Document::open(&dir.join(&statement.file))?;
            let summary = summarizer.summarize(&doc, n, &mut |_, _, _| Ok(()))?;
            let brief: Vec<&str> = summary.key_points.iter().map(|p| p.text.as_str()).collect();
            let first: Vec<&str> = first_sentences(&doc, n)
                .into_iter()
                .map(|i| doc.sentence(i))
                .collect();
            Ok(Score {
                words: doc.words(),
                facts: statement.facts.len(),
                brief: covered(&statement.facts, &brief.join("\n")),
                first_n: covered(&statement.facts, &first.join("\n")),
                file: statement.file,
                country: statement.country,
                topic: statement.topic,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_needs_every_group_and_any_alternative() {
        let fact = Fact {
            fact: "Italy will rotate jets twice".into(),
            terms: vec![
                vec!["two consecutive rotations".into(), "2 rotations".into()],
                vec!["Italian".into()],
            ],
        };
        assert!(fact
            .is_covered_by("…deploy the ITALIAN detachment again for two consecutive rotations…"));
        assert!(!fact.is_covered_by("Italy plans two consecutive rotations"));
        assert_eq!(covered(&[fact], "nothing here"), 0);
    }
}
