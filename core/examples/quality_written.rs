//! Written key points against key sentences and the first-N baseline on the quality corpus:
//! facts covered, what the guard flags, how long the points are, how long the model took.
//! Also measures the method Brief does not use, one prompt asking for N points of the whole
//! text, so that the choice stays checked. Prints Markdown for docs/quality.md.
//!
//! cargo run --release -p brief-core --example quality_written [-- N]

use brief_core::embed::default_models_dir;
use brief_core::extract::first_sentences;
use brief_core::guard::{Check, SourceFacts};
use brief_core::quality::{covered, Corpus};
use brief_core::written::{PointWriter, WRITER_MODEL_DIR, WRITER_MODEL_FILE};
use brief_core::{Document, PointKind, Summarizer};
use brief_writer::{Prompt, Writer};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// The prompt of the method measured first (issue 4): the whole text, N points in one go.
const WHOLE_TEXT_INSTRUCTIONS: &str = "Summarise the statement as short key points for a busy reader. Use only facts in the text; keep names, numbers and dates exactly. One point per line, starting with \"- \".";

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
    let n: usize = std::env::args().nth(1).map_or(Ok(5), |a| a.parse())?;
    let corpus_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/corpus");
    let corpus: Corpus = serde_json::from_slice(&std::fs::read(corpus_dir.join("corpus.json"))?)?;
    let models = default_models_dir();
    let summarizer = Summarizer::load(&models)?;
    let writer = PointWriter::load(&models)?;
    let whole_text_writer = Writer::load(&models.join(WRITER_MODEL_DIR).join(WRITER_MODEL_FILE))?;
    let embed = |texts: &[&str]| summarizer.embedder().embed(texts, &mut |_, _| Ok(()));

    let names = [
        "written (Brief)",
        "whole-text prompt",
        "key sentences",
        "first-N sentences",
    ];
    let mut tallies: Vec<Tally> = names.iter().map(|_| Tally::default()).collect();
    let mut total_facts = 0;
    let mut covered_by: Vec<usize> = vec![0; names.len()];
    let mut rows = Vec::new();
    let mut flagged_written = Vec::new();
    for statement in &corpus.statements {
        let doc = Document::open(&corpus_dir.join(&statement.file))?;
        let source = SourceFacts::new(&doc.text);
        let started = Instant::now();
        let key = summarizer.summarize(&doc, n, &mut |_, _, _| Ok(()))?;
        let key_seconds = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let written = writer.write(&embed, &doc, &key, &|| false, &mut |_| {})?;
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
        let started = Instant::now();
        let whole = whole_text_points(&whole_text_writer, &doc, n)?;
        let whole_seconds = started.elapsed().as_secs_f64();

        let texts = |kind: Option<PointKind>, s: &brief_core::Summary| -> Vec<String> {
            s.key_points
                .iter()
                .filter(|p| kind.is_none_or(|k| p.kind == k))
                .map(|p| p.text.clone())
                .collect()
        };
        let outputs: [(Vec<String>, f64); 4] = [
            (texts(None, &written), written_seconds + key_seconds),
            (whole, whole_seconds),
            (texts(None, &key), key_seconds),
            (
                first_sentences(&doc, n)
                    .into_iter()
                    .map(|i| doc.sentence(i).to_string())
                    .collect(),
                0.0,
            ),
        ];
        let facts = statement.facts.len();
        total_facts += facts;
        let mut row = format!("| {} | {} | {facts} |", statement.file, doc.words());
        for (k, (points, seconds)) in outputs.iter().enumerate() {
            let got = covered(&statement.facts, &points.join("\n"));
            covered_by[k] += got;
            tallies[k].add(facts, points, &source, &doc);
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
        eprintln!("{} done", statement.file);
    }

    println!(
        "At {n} points, {} statements, {total_facts} facts:\n",
        corpus.statements.len()
    );
    println!("| method | facts covered | words per point | points flagged (numbers, dates, names, quotes not in the statement) | seconds per statement |");
    println!("|---|---|---|---|---|");
    for (k, name) in names.iter().enumerate() {
        let t = &tallies[k];
        let checks: Vec<String> = t.by_check.iter().map(|(c, n)| format!("{n} {c}")).collect();
        println!(
            "| {name} | {} ({:.0} %) | {:.1} | {} of {}{} | {:.1} |",
            covered_by[k],
            100.0 * covered_by[k] as f64 / total_facts as f64,
            t.words as f64 / t.points.max(1) as f64,
            t.flagged,
            t.points,
            if checks.is_empty() {
                String::new()
            } else {
                format!(" ({})", checks.join(", "))
            },
            t.seconds / corpus.statements.len() as f64,
        );
    }
    println!("\nPer statement (facts covered):\n");
    println!("| statement | words | facts | written | whole-text | key sentences | first-N | points the model wrote |");
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

/// The whole text in one prompt, N points parsed from the answer.
fn whole_text_points(writer: &Writer, doc: &Document, n: usize) -> anyhow::Result<Vec<String>> {
    let request = format!("Write {n} key points.\n\nStatement:\n{}", doc.text);
    let prompt = Prompt {
        system: WHOLE_TEXT_INSTRUCTIONS,
        user: &request,
    };
    let (points, _) = writer.points(&prompt, n, 60 * n, &|| false)?;
    Ok(points)
}
