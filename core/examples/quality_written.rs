//! Written key points against the key sentences they rewrite and the first-N baseline on a half
//! of the quality corpus (the validation half unless told): facts covered, what the guard
//! flags, how long the points are, how long the model took. Prints Markdown for
//! docs/quality.md.
//!
//! cargo run --release -p brief-core --example quality_written [-- N] [--tuning]

use brief_core::embed::default_models_dir;
use brief_core::extract::first_sentences;
use brief_core::guard::{Check, SourceFacts};
use brief_core::quality::{covered, Half, LoadedCorpus};
use brief_core::written::PointWriter;
use brief_core::{Document, PointKind, Summarizer};
use std::collections::BTreeMap;
use std::time::Instant;

#[derive(Default)]
struct Tally {
    facts: usize,
    points: usize,
    words: usize,
    flagged: usize,
    by_check: BTreeMap<&'static str, usize>,
    seconds: f64,
}

impl Tally {
    fn add(&mut self, facts: usize, points: &[String], source: &SourceFacts, doc: &Document) {
        self.facts += facts;
        self.points += points.len();
        for point in points {
            self.words += point.split_whitespace().count();
            // Unsupported numbers and names are counted against the whole statement here;
            // the evidence-based checks (attribution, modality) need the app's alignment.
            let issues: Vec<_> = source
                .check(point, &[doc.text.as_str()])
                .into_iter()
                .filter(|i| {
                    matches!(
                        i.check,
                        Check::Number | Check::Percent | Check::Date | Check::Name | Check::Quote
                    )
                })
                .collect();
            if !issues.is_empty() {
                self.flagged += 1;
            }
            for issue in issues {
                *self.by_check.entry(check_name(issue.check)).or_default() += 1;
            }
        }
    }
}

fn check_name(check: Check) -> &'static str {
    match check {
        Check::Number => "number",
        Check::Percent => "percent",
        Check::Date => "date",
        Check::Name => "name",
        Check::Quote => "quote",
        Check::Modality => "modality",
        Check::Evidence => "evidence",
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or(Ok(7), |a| a.parse())?;
    let half = if args.iter().any(|a| a == "--tuning") {
        Half::Tuning
    } else {
        Half::Validation
    };
    let corpus = LoadedCorpus::load_default()?;
    let models = default_models_dir();
    let summarizer = Summarizer::load(&models)?;
    let writer = PointWriter::load(&models)?;
    let embed = |texts: &[&str]| summarizer.embedder().embed(texts, &mut |_, _| Ok(()));

    let names = ["written (Brief)", "key sentences", "first-N sentences"];
    let mut tallies: Vec<Tally> = names.iter().map(|_| Tally::default()).collect();
    let mut total_facts = 0;
    let mut documents = 0;
    let mut covered_by: Vec<usize> = vec![0; names.len()];
    let mut rows = Vec::new();
    let mut flagged_written = Vec::new();
    for ((statement, doc), _) in corpus
        .statements
        .iter()
        .zip(&corpus.documents)
        .zip(&corpus.halves)
        .filter(|(_, h)| **h == half)
    {
        documents += 1;
        let source = SourceFacts::new(&doc.text);
        let started = Instant::now();
        let key = summarizer.summarize(doc, n, &mut |_, _, _| Ok(()))?;
        let key_seconds = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let written = writer.write(&embed, doc, &key, &|| false, &mut |_| {})?;
        let written_seconds = started.elapsed().as_secs_f64();
        for point in written.key_points.iter().filter(|p| !p.issues.is_empty()) {
            let details: Vec<&str> = point.issues.iter().map(|i| i.detail.as_str()).collect();
            flagged_written.push(format!(
                "{}: “{}” — {}",
                statement.file,
                point.text,
                details.join("; ")
            ));
        }
        let texts = |s: &brief_core::Summary| -> Vec<String> {
            s.key_points.iter().map(|p| p.text.clone()).collect()
        };
        let outputs: [(Vec<String>, f64); 3] = [
            (texts(&written), written_seconds + key_seconds),
            (texts(&key), key_seconds),
            (
                first_sentences(doc, n)
                    .into_iter()
                    .map(|i| doc.point_text(i).into_owned())
                    .collect(),
                0.0,
            ),
        ];
        let facts = statement.facts.len();
        total_facts += facts;
        let file = statement.file.rsplit('/').next().unwrap_or(&statement.file);
        let mut row = format!(
            "| {file} | {} | {} | {facts} |",
            statement.kind,
            doc.words()
        );
        for (k, (points, seconds)) in outputs.iter().enumerate() {
            let got = covered(&statement.facts, &points.join("\n"));
            covered_by[k] += got;
            tallies[k].add(facts, points, &source, doc);
            tallies[k].seconds += seconds;
            row.push_str(&format!(" {got} |"));
        }
        let model_written = written
            .key_points
            .iter()
            .filter(|p| p.kind == PointKind::Written)
            .count();
        row.push_str(&format!(" {model_written}/{} |", written.key_points.len()));
        rows.push(row);
        eprintln!("{file} done");
    }

    let half_name = match half {
        Half::Tuning => "tuning",
        Half::Validation => "validation",
    };
    println!("At {n} points, the {half_name} half: {documents} documents, {total_facts} facts:\n");
    println!("| method | facts covered | words per point | points flagged (numbers, dates, names, quotes not in the statement) | seconds per document |");
    println!("|---|---|---|---|---|");
    for (k, name) in names.iter().enumerate() {
        let t = &tallies[k];
        let checks: Vec<String> = t.by_check.iter().map(|(c, n)| format!("{n} {c}")).collect();
        println!(
            "| {name} | {} ({:.0} %) | {:.1} | {} of {}{} | {:.1} |",
            covered_by[k],
            100.0 * covered_by[k] as f64 / total_facts.max(1) as f64,
            t.words as f64 / t.points.max(1) as f64,
            t.flagged,
            t.points,
            if checks.is_empty() {
                String::new()
            } else {
                format!(" ({})", checks.join(", "))
            },
            t.seconds / documents.max(1) as f64,
        );
    }
    println!("\nPer document (facts covered):\n");
    println!("| document | kind | words | facts | written | key sentences | first-N | points the model wrote |");
    println!("|---|---|---|---|---|---|---|---|");
    for row in rows {
        println!("{row}");
    }
    println!("\nWritten points the guard flagged (all checks, with the evidence):\n");
    for line in flagged_written {
        println!("- {line}");
    }
    Ok(())
}
