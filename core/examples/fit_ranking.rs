//! Learns the ranking's weights from the tuning half of the quality corpus and writes them to
//! core/src/extract/weights.rs. The validation half is never read here.
//!
//! cargo run --release -p brief-core --example fit_ranking [-- --without "signal,signal"]
//!
//! A sentence is a positive example when it states one of its document's facts on its own
//! (every term group of the fact in the sentence). A logistic model over the signals
//! (core/src/extract/signals.rs) is fitted by Newton's method with an L2 penalty, each document
//! weighing the same whatever its length, with its positives and negatives weighing half each.
//! The penalty, the redundancy weight and whether sections are covered first are then chosen by
//! the facts the key points cover on the tuning half at 5 and 7 points, each document ranked
//! with weights fitted on the other tuning documents (leave one out).

use brief_core::embed::default_models_dir;
use brief_core::extract::signals::{self, Signals, COUNT, NAMES};
use brief_core::extract::{candidate_signals, candidates, key_sentences, RankingConfig};
use brief_core::quality::{covered, Half, LoadedCorpus, Statement};
use brief_core::{Document, Summarizer};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// A tuning document with every sentence that can be a point embedded once.
struct Example<'a> {
    statement: &'a Statement,
    doc: &'a Document,
    embedding: HashMap<usize, Vec<f32>>,
    /// Every candidate (no cap) with its signals and whether it states a fact.
    rows: Vec<(Signals, bool)>,
}

const PENALTIES: [f64; 4] = [0.01, 0.1, 1.0, 10.0];
const REDUNDANCY: [f32; 5] = [0.0, 0.5, 1.0, 2.0, 3.0];

fn main() -> anyhow::Result<()> {
    let corpus = LoadedCorpus::load_default()?;
    let summarizer = Summarizer::load(&default_models_dir())?;
    let examples = tuning_examples(&corpus, &summarizer)?;
    let positives: usize = examples
        .iter()
        .map(|e| e.rows.iter().filter(|r| r.1).count())
        .sum();
    let rows: usize = examples.iter().map(|e| e.rows.len()).sum();
    eprintln!(
        "{} tuning documents, {rows} candidate sentences, {positives} state a fact",
        examples.len()
    );

    // Each setting is judged by leave-one-document-out: the weights that rank a document are
    // fitted on the other tuning documents, so the choice rewards what carries over to
    // documents the fit has not seen.
    let mut best: Option<(usize, RankingConfig, f64)> = None;
    for penalty in PENALTIES {
        let held_out: Vec<Signals> = (0..examples.len())
            .map(|k| fit(&examples, Some(k), penalty))
            .collect();
        for redundancy_weight in REDUNDANCY {
            for cover_sections in [true, false] {
                let facts: usize = (0..examples.len())
                    .map(|k| {
                        let config = RankingConfig {
                            weights: held_out[k],
                            redundancy_weight,
                            cover_sections,
                            ..RankingConfig::default()
                        };
                        let one = std::slice::from_ref(&examples[k]);
                        coverage(one, &config, 5) + coverage(one, &config, 7)
                    })
                    .sum();
                eprintln!(
                    "penalty {penalty:<5} redundancy {redundancy_weight:<4} sections first {cover_sections:<5}: {facts} facts at 5 + 7 points (left-out documents)"
                );
                if best.as_ref().is_none_or(|b| facts > b.0) {
                    let config = RankingConfig {
                        weights: fit(&examples, None, penalty),
                        redundancy_weight,
                        cover_sections,
                        ..RankingConfig::default()
                    };
                    best = Some((facts, config, penalty));
                }
            }
        }
    }
    let (facts, config, penalty) = best.expect("a grid of settings");
    let total: usize = examples.iter().map(|e| e.statement.facts.len()).sum();
    let summary = format!(
        "tuning half: {} documents; at 5 + 7 points {facts} of {} facts, each document ranked by weights fitted on the others; L2 penalty {penalty}",
        examples.len(),
        2 * total
    );
    eprintln!("chosen: {summary}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract/weights.rs");
    std::fs::write(&path, weights_source(&config, &summary))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

fn tuning_examples<'a>(
    corpus: &'a LoadedCorpus,
    summarizer: &Summarizer,
) -> anyhow::Result<Vec<Example<'a>>> {
    let mut examples = Vec::new();
    for ((statement, doc), half) in corpus
        .statements
        .iter()
        .zip(&corpus.documents)
        .zip(&corpus.halves)
    {
        if *half != Half::Tuning {
            continue;
        }
        let all: Vec<usize> = (0..doc.sentences.len())
            .filter(|&i| signals::can_be_point(doc, i))
            .collect();
        let texts: Vec<&str> = all.iter().map(|&i| doc.sentence(i)).collect();
        let vectors = summarizer.embedder().embed(&texts, &mut |_, _| Ok(()))?;
        let signals = candidate_signals(doc, &all, &vectors);
        let rows = all
            .iter()
            .zip(signals)
            .map(|(&i, s)| (s, covered(&statement.facts, &doc.point_text(i)) > 0))
            .collect();
        examples.push(Example {
            statement,
            doc,
            embedding: all.into_iter().zip(vectors).collect(),
            rows,
        });
    }
    Ok(examples)
}

/// Facts covered on the tuning half at `n` points with `config`, choosing as the app does
/// (candidates capped for long documents, then maximal marginal relevance).
fn coverage(examples: &[Example], config: &RankingConfig, n: usize) -> usize {
    examples
        .iter()
        .map(|e| {
            let pool = candidates(e.doc, config);
            let vectors: Vec<Vec<f32>> = pool.iter().map(|i| e.embedding[i].clone()).collect();
            let chosen = key_sentences(e.doc, &pool, &vectors, n, config);
            let text: Vec<String> = chosen
                .iter()
                .map(|&i| e.doc.point_text(i).into_owned())
                .collect();
            covered(&e.statement.facts, &text.join("\n"))
        })
        .sum()
}

/// Weighted logistic regression by Newton's method: each document weighs 1, half on its
/// positives and half on its negatives; the bias is not penalised.
fn fit(examples: &[Example], left_out: Option<usize>, penalty: f64) -> Signals {
    // Signals left out (for ablations: `--without "name,name"`) are zero, so their weight stays 0.
    let without: Vec<usize> = std::env::args()
        .skip_while(|a| a != "--without")
        .nth(1)
        .map(|list| {
            list.split(',')
                .map(|name| {
                    NAMES
                        .iter()
                        .position(|n| *n == name.trim())
                        .unwrap_or_else(|| panic!("no signal named '{name}'"))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut data: Vec<([f64; COUNT], f64, f64)> = Vec::new();
    for (k, e) in examples.iter().enumerate() {
        if Some(k) == left_out {
            continue;
        }
        let positives = e.rows.iter().filter(|r| r.1).count();
        let negatives = e.rows.len() - positives;
        for (s, positive) in &e.rows {
            let (label, weight) = match positive {
                true => (1.0, 0.5 / positives.max(1) as f64),
                false => (0.0, 0.5 / negatives.max(1) as f64),
            };
            let mut x = s.map(f64::from);
            for &j in &without {
                x[j] = 0.0;
            }
            data.push((x, label, weight));
        }
    }
    let mut w = [0.0f64; COUNT];
    for _ in 0..50 {
        let mut gradient = [0.0f64; COUNT];
        let mut hessian = [[0.0f64; COUNT]; COUNT];
        for (x, y, weight) in &data {
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for j in 0..COUNT {
                gradient[j] += weight * (p - y) * x[j];
                for k in 0..COUNT {
                    hessian[j][k] += weight * p * (1.0 - p) * x[j] * x[k];
                }
            }
        }
        for j in 1..COUNT {
            gradient[j] += penalty * w[j] / data.len().max(1) as f64 * examples.len() as f64;
            hessian[j][j] += penalty / data.len().max(1) as f64 * examples.len() as f64;
        }
        // A tiny ridge keeps the system solvable when a signal never varies.
        for (j, row) in hessian.iter_mut().enumerate() {
            row[j] += 1e-9;
        }
        let step = solve(hessian, gradient);
        let size: f64 = step.iter().map(|s| s * s).sum::<f64>().sqrt();
        for j in 0..COUNT {
            w[j] -= step[j];
        }
        if size < 1e-9 {
            break;
        }
    }
    w.map(|x| x as f32)
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: [[f64; COUNT]; COUNT], mut b: [f64; COUNT]) -> [f64; COUNT] {
    for col in 0..COUNT {
        let pivot = (col..COUNT)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .expect("rows left");
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..COUNT {
            let (above, below) = a.split_at_mut(row);
            let (pivot_row, current) = (&above[col], &mut below[0]);
            let factor = current[col] / pivot_row[col];
            for (x, p) in current[col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= factor * p;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = [0.0f64; COUNT];
    for row in (0..COUNT).rev() {
        let rest: f64 = (row + 1..COUNT).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    x
}

fn weights_source(config: &RankingConfig, summary: &str) -> String {
    let mut out = String::new();
    out.push_str(
        "// Written by `cargo run --release -p brief-core --example fit_ranking`; do not edit by hand.\n",
    );
    out.push_str(
        "//! The ranking's learned weights, fitted on the tuning half of the quality corpus.\n",
    );
    let _ = writeln!(out, "//! {summary}.\n");
    out.push_str("/// The weight of each signal by its name in `signals::NAMES`.\n");
    out.push_str("pub const WEIGHTS: &[(&str, f32)] = &[\n");
    for (name, w) in NAMES.iter().zip(config.weights) {
        let _ = writeln!(out, "    (\"{name}\", {w:.4}),");
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "/// How much similarity to a chosen sentence costs.\npub const REDUNDANCY_WEIGHT: f32 = {:.1};",
        config.redundancy_weight
    );
    let _ = writeln!(
        out,
        "/// Whether major sections each get a point before any gets a second.\npub const COVER_SECTIONS: bool = {};",
        config.cover_sections
    );
    out
}
