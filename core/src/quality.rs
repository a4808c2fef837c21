//! Fact coverage: how many of the facts a reader must get does a summary contain?
//!
//! The quality corpus (tests/fixtures/corpus/corpus.json) lists, for real public documents of
//! seven kinds, the facts a reader needs, each as groups of terms; a fact is covered when every
//! group has one of its alternatives in the summary (case-insensitive).
//!
//! The corpus is split in two halves by a fixed rule ([`split`]): anything tuned is tuned on
//! the tuning half; the validation half is only scored.

use crate::extract::{auto_points, first_sentences};
use crate::{Document, Result, Summarizer};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct Corpus {
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Statement {
    /// Relative to the corpus folder.
    pub file: String,
    pub source: String,
    /// How the text was obtained.
    pub retrieved: String,
    /// The government or international body.
    pub country: String,
    /// press release, readout, joint statement, fact sheet, speech, policy speech or notice.
    pub kind: String,
    pub topic: String,
    pub facts: Vec<Fact>,
}

#[derive(Debug, Clone, Deserialize)]
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

/// The half of the corpus a document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// Weights, thresholds, word lists and prompts may be tuned on these documents.
    Tuning,
    /// Only ever scored.
    Validation,
}

/// FNV-1a, 64 bits: a hash anyone can recompute in a few lines, whatever their language.
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The fixed split: within each kind, documents in the order of the FNV-1a hash of their file
/// name (without folders) alternate tuning, validation, tuning, … so both halves hold every
/// kind.
pub fn split(statements: &[Statement]) -> Vec<Half> {
    let name = |s: &Statement| s.file.rsplit('/').next().unwrap_or(&s.file).to_string();
    let mut halves = vec![Half::Tuning; statements.len()];
    let mut kinds: Vec<&str> = statements.iter().map(|s| s.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let mut of_kind: Vec<usize> = (0..statements.len())
            .filter(|&i| statements[i].kind == kind)
            .collect();
        of_kind.sort_by_key(|&i| (fnv1a(&name(&statements[i])), name(&statements[i])));
        for (rank, i) in of_kind.into_iter().enumerate() {
            if rank % 2 == 1 {
                halves[i] = Half::Validation;
            }
        }
    }
    halves
}

/// A corpus read from its folder: the statements, their halves and their documents.
pub struct LoadedCorpus {
    pub dir: PathBuf,
    pub statements: Vec<Statement>,
    pub halves: Vec<Half>,
    pub documents: Vec<Document>,
}

impl LoadedCorpus {
    /// Reads `dir/corpus.json` and every document it lists.
    pub fn load(dir: &Path) -> Result<LoadedCorpus> {
        let manifest = dir.join("corpus.json");
        let corpus_error = |reason: String| crate::Error::Corpus {
            path: manifest.clone(),
            reason,
        };
        let json = std::fs::read(&manifest).map_err(|e| corpus_error(e.to_string()))?;
        let corpus: Corpus =
            serde_json::from_slice(&json).map_err(|e| corpus_error(e.to_string()))?;
        let documents = corpus
            .statements
            .iter()
            .map(|s| Document::open(&dir.join(&s.file)))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(LoadedCorpus {
            dir: dir.to_path_buf(),
            halves: split(&corpus.statements),
            statements: corpus.statements,
            documents,
        })
    }

    /// The corpus of the repository (tests/fixtures/corpus).
    pub fn load_default() -> Result<LoadedCorpus> {
        LoadedCorpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/corpus"))
    }
}

/// How many points each document gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Fixed(usize),
    /// [`auto_points`]: more for longer documents.
    Auto,
}

impl Count {
    pub fn for_document(self, doc: &Document) -> usize {
        match self {
            Count::Fixed(n) => n,
            Count::Auto => auto_points(doc.words()),
        }
    }
}

/// Facts covered in one document by Brief's key points and by the first-N baseline.
#[derive(Debug, Clone)]
pub struct Score {
    pub file: String,
    pub country: String,
    pub kind: String,
    pub half: Half,
    pub words: usize,
    pub points: usize,
    pub facts: usize,
    pub brief: usize,
    pub first_n: usize,
}

/// Scores Brief's key points against as many first sentences on every document of `corpus`.
pub fn evaluate(
    summarizer: &Summarizer,
    corpus: &LoadedCorpus,
    count: Count,
) -> Result<Vec<Score>> {
    corpus
        .statements
        .iter()
        .zip(&corpus.documents)
        .zip(&corpus.halves)
        .map(|((statement, doc), &half)| {
            let n = count.for_document(doc);
            let summary = summarizer.summarize(doc, n, &mut |_, _, _| Ok(()))?;
            let brief: Vec<&str> = summary.key_points.iter().map(|p| p.text.as_str()).collect();
            Ok(Score {
                brief: covered(&statement.facts, &brief.join("\n")),
                first_n: covered(&statement.facts, &first_text(doc, n)),
                ..Score::of(statement, doc, half, n)
            })
        })
        .collect()
}

/// The text of the first-N baseline.
pub fn first_text(doc: &Document, n: usize) -> String {
    first_sentences(doc, n)
        .into_iter()
        .map(|i| doc.point_text(i).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

impl Score {
    /// A score with nothing covered yet.
    pub fn of(statement: &Statement, doc: &Document, half: Half, points: usize) -> Score {
        Score {
            file: statement
                .file
                .rsplit('/')
                .next()
                .unwrap_or(&statement.file)
                .to_string(),
            country: statement.country.clone(),
            kind: statement.kind.clone(),
            half,
            words: doc.words(),
            points,
            facts: statement.facts.len(),
            brief: 0,
            first_n: 0,
        }
    }
}

/// Totals over some scores: facts, covered by Brief, covered by the baseline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    pub facts: usize,
    pub brief: usize,
    pub first_n: usize,
}

impl Totals {
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a Score>) -> Totals {
        scores.into_iter().fold(Totals::default(), |t, s| Totals {
            documents: t.documents + 1,
            facts: t.facts + s.facts,
            brief: t.brief + s.brief,
            first_n: t.first_n + s.first_n,
        })
    }

    /// Brief's share of the facts, in per cent.
    pub fn brief_percent(&self) -> f64 {
        percent(self.brief, self.facts)
    }

    pub fn first_n_percent(&self) -> f64 {
        percent(self.first_n, self.facts)
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

/// Documents over this many words are "long" in the quality targets.
pub const LONG_WORDS: usize = 2_000;

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

    fn statement(file: &str, kind: &str) -> Statement {
        Statement {
            file: file.into(),
            source: String::new(),
            retrieved: String::new(),
            country: String::new(),
            kind: kind.into(),
            topic: String::new(),
            facts: Vec::new(),
        }
    }

    #[test]
    fn the_split_is_by_hash_within_each_kind() {
        // The published FNV-1a test vector.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        let statements: Vec<Statement> = ["a.txt", "b.txt", "c.txt", "d.txt"]
            .iter()
            .map(|f| statement(f, "speech"))
            .chain([
                statement("dir/e.txt", "notice"),
                statement("f.txt", "notice"),
            ])
            .collect();
        let halves = split(&statements);
        let count = |kind: &str, half: Half| {
            (0..statements.len())
                .filter(|&i| statements[i].kind == kind && halves[i] == half)
                .count()
        };
        assert_eq!(count("speech", Half::Tuning), 2);
        assert_eq!(count("speech", Half::Validation), 2);
        assert_eq!(count("notice", Half::Tuning), 1);
        // The folder does not change the half: only the file name counts.
        let moved: Vec<Statement> = statements
            .iter()
            .map(|s| statement(s.file.rsplit('/').next().unwrap(), &s.kind))
            .collect();
        assert_eq!(split(&moved), halves);
    }
}
