//! Fact coverage of Brief's key sentences against the first-N-sentences baseline, on the
//! quality corpus. Prints Markdown for docs/quality.md.
//!
//! cargo run --release -p brief-core --example quality

use brief_core::embed::default_models_dir;
use brief_core::extract::RankingConfig;
use brief_core::quality::evaluate;
use brief_core::Summarizer;
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/corpus");
    let mut summarizer = Summarizer::load(&default_models_dir())?;
    println!(
        "| points | facts | Brief covers | first-N covers | Brief without the information signal |"
    );
    println!("|---|---|---|---|---|");
    let mut detail = None;
    for n in [3, 5, 7] {
        summarizer.set_ranking(RankingConfig {
            information_weight: 0.0,
            ..RankingConfig::default()
        });
        let plain: usize = evaluate(&summarizer, &corpus, n)?
            .iter()
            .map(|s| s.brief)
            .sum();
        summarizer.set_ranking(RankingConfig::default());
        let scores = evaluate(&summarizer, &corpus, n)?;
        let facts: usize = scores.iter().map(|s| s.facts).sum();
        let brief: usize = scores.iter().map(|s| s.brief).sum();
        let first: usize = scores.iter().map(|s| s.first_n).sum();
        let pct = |x: usize| format!("{x} ({:.0} %)", 100.0 * x as f64 / facts as f64);
        println!(
            "| {n} | {facts} | {} | {} | {} |",
            pct(brief),
            pct(first),
            pct(plain)
        );
        if n == 5 {
            detail = Some(scores);
        }
    }
    println!("\nAt 5 points, per statement:\n");
    println!("| statement | country | topic | words | facts | Brief | first-5 |");
    println!("|---|---|---|---|---|---|---|");
    for s in detail.unwrap_or_default() {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            s.file, s.country, s.topic, s.words, s.facts, s.brief, s.first_n
        );
    }
    Ok(())
}
