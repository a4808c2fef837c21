//! What a person waits for in the app: from opening a statement (models already loaded, as
//! the app loads them at start) to the key sentences, the first written point and the last;
//! and the process's peak memory with both models loaded. Also counts the document's tokens:
//! what a model that read the whole text (in parts, as issue 4 first proposed) would have to read.
//!
//! cargo run --release -p brief-core --example written_latency [-- FILE [POINTS] [RUNS]]

use brief_core::embed::default_models_dir;
use brief_core::written::{PointWriter, Progress};
use brief_core::{Document, PointKind, Summarizer};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let file = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/statement-lt-it-defence-2024-07-02.txt")
    });
    let points: usize = args.next().map_or(Ok(5), |a| a.parse())?;
    let runs: usize = args.next().map_or(Ok(3), |a| a.parse())?;

    let loading = Instant::now();
    let models = default_models_dir();
    let summarizer = Summarizer::load(&models)?;
    let writer = PointWriter::load(&models)?;
    println!("models loaded in {:.1} s", loading.elapsed().as_secs_f64());
    let embed = |texts: &[&str]| summarizer.embedder().embed(texts, &mut |_, _| Ok(()));
    let doc = Document::open(&file)?;
    println!(
        "document: {} words, {} tokens for the writing model",
        doc.words(),
        writer.count_tokens(&doc.text)
    );

    println!(
        "| run | key sentences | first point shown | first point in the model's words | all points | points in the model's words |"
    );
    println!("|---|---|---|---|---|---|");
    for run in 1..=runs {
        let opened = Instant::now();
        let doc = Document::open(&file)?;
        let key = summarizer.summarize(&doc, points, &mut |_, _, _| Ok(()))?;
        let key_seconds = opened.elapsed().as_secs_f64();
        let (mut first, mut first_written) = (None, None);
        let written = writer.write(&embed, &doc, &key, &|| false, &mut |progress| {
            if let Progress::Point { point, .. } = progress {
                let now = opened.elapsed().as_secs_f64();
                first.get_or_insert(now);
                if point.kind == PointKind::Written {
                    first_written.get_or_insert(now);
                }
            }
        })?;
        let all = opened.elapsed().as_secs_f64();
        let by_model = written
            .key_points
            .iter()
            .filter(|p| p.kind == PointKind::Written)
            .count();
        println!(
            "| {run} | {key_seconds:.2} s | {:.2} s | {:.2} s | {all:.2} s | {by_model} of {} |",
            first.unwrap_or(f64::NAN),
            first_written.unwrap_or(f64::NAN),
            written.key_points.len()
        );
    }
    let status = std::fs::read_to_string("/proc/self/status")?;
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: unknown");
    println!(
        "peak memory (VmHWM): {}",
        peak.trim_start_matches("VmHWM:").trim()
    );
    Ok(())
}
