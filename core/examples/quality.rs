//! Fact coverage of Brief's key sentences against the first-N-sentences baseline on the quality
//! corpus, for the tuning and the validation half. Prints Markdown for docs/quality.md.
//!
//! cargo run --release -p brief-core --example quality

use brief_core::embed::default_models_dir;
use brief_core::quality::{evaluate, Count, Half, LoadedCorpus, Score, Totals, LONG_WORDS};
use brief_core::Summarizer;

const KINDS: [&str; 7] = [
    "press release",
    "readout",
    "joint statement",
    "fact sheet",
    "speech",
    "policy speech",
    "notice",
];

fn main() -> anyhow::Result<()> {
    let corpus = LoadedCorpus::load_default()?;
    let summarizer = Summarizer::load(&default_models_dir())?;
    let in_half = |scores: &[Score], half: Half| -> Vec<Score> {
        scores.iter().filter(|s| s.half == half).cloned().collect()
    };
    let pct = |part: usize, t: &Totals| {
        format!(
            "{part} ({:.0} %)",
            100.0 * part as f64 / t.facts.max(1) as f64
        )
    };

    println!("| points | half | documents | facts | Brief covers | first-N covers |");
    println!("|---|---|---|---|---|---|");
    let mut at_seven = Vec::new();
    let mut auto = Vec::new();
    for (label, count) in [
        ("3", Count::Fixed(3)),
        ("5", Count::Fixed(5)),
        ("7", Count::Fixed(7)),
        ("auto", Count::Auto),
    ] {
        let scores = evaluate(&summarizer, &corpus, count)?;
        for half in [Half::Validation, Half::Tuning] {
            let t = Totals::of(&in_half(&scores, half));
            println!(
                "| {label} | {} | {} | {} | {} | {} |",
                half_name(half),
                t.documents,
                t.facts,
                pct(t.brief, &t),
                pct(t.first_n, &t)
            );
        }
        match count {
            Count::Fixed(7) => at_seven = scores,
            Count::Auto => auto = scores,
            Count::Fixed(_) => {}
        }
    }

    println!("\nValidation half at 7 points, by kind of document:\n");
    println!("| kind | documents | facts | Brief covers | first-7 covers |");
    println!("|---|---|---|---|---|");
    let validation = in_half(&at_seven, Half::Validation);
    let row = |label: &str, t: Totals| {
        println!(
            "| {label} | {} | {} | {} | {} |",
            t.documents,
            t.facts,
            pct(t.brief, &t),
            pct(t.first_n, &t)
        );
    };
    for kind in KINDS {
        row(
            kind,
            Totals::of(validation.iter().filter(|s| s.kind == kind)),
        );
    }
    row(
        &format!("over {LONG_WORDS} words (any kind)"),
        Totals::of(validation.iter().filter(|s| s.words > LONG_WORDS)),
    );

    println!("\nEvery document at 7 points, and with the automatic count:\n");
    println!("| document | kind | half | words | facts | Brief, 7 | first-7 | auto points | Brief, auto | first-N, auto |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (s, a) in at_seven.iter().zip(&auto) {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            s.file,
            s.kind,
            half_name(s.half),
            s.words,
            s.facts,
            s.brief,
            s.first_n,
            a.points,
            a.brief,
            a.first_n
        );
    }
    Ok(())
}

fn half_name(half: Half) -> &'static str {
    match half {
        Half::Tuning => "tuning",
        Half::Validation => "validation",
    }
}
