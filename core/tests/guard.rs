//! The faithfulness guard on real output of the writing model: the points the 1.5B model wrote
//! when asked for key points of the whole fixture statement (recorded during the runtime study,
//! tests/fixtures/writer-output/), checked against the sentences each point is closest to.

use brief_core::guard::{Check, SourceFacts};
use brief_core::Document;
use std::collections::HashSet;
use std::path::Path;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/statement-lt-it-defence-2024-07-02.txt"
);
const OUTPUT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/writer-output/lt-it-whole-text-1.5b.md"
);

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// The sentence sharing most words with the point: what it was written from.
fn closest<'a>(doc: &'a Document, point: &str) -> &'a str {
    let point = words(point);
    doc.sentence_texts()
        .into_iter()
        .max_by_key(|s| words(s).intersection(&point).count())
        .unwrap()
}

#[test]
fn recorded_model_output_is_flagged_where_it_misstates_the_statement() {
    let doc = Document::open(Path::new(FIXTURE)).unwrap();
    let facts = SourceFacts::new(&doc.text);
    let output = std::fs::read_to_string(OUTPUT).unwrap();
    let points: Vec<&str> = output
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .collect();
    assert_eq!(points.len(), 12);
    let mut flagged = Vec::new();
    for point in &points {
        let issues = facts.check(point, &[closest(&doc, point)]);
        if !issues.is_empty() {
            flagged.push((*point, issues));
        }
    }
    let checks_of = |start: &str| -> Vec<Check> {
        flagged
            .iter()
            .filter(|(p, _)| p.starts_with(start))
            .flat_map(|(_, issues)| issues.iter().map(|i| i.check))
            .collect()
    };
    // The minister *invited* Italy to contribute; the model made it a fact.
    assert!(checks_of("Italy is contributing").contains(&Check::Modality));
    // Lithuania understood the threat; the model gave it to Italy.
    assert!(checks_of("Italy understands the threat").contains(&Check::Name));
    // The other ten points restate their sentences faithfully and pass.
    assert_eq!(flagged.len(), 2, "{flagged:#?}");
}
