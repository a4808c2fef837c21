//! What a person waits for in the app: from opening a statement (models already loaded, as
//! the app loads them at start) to the key sentences, the first written point and the last;
//! and the process's peak memory with both models loaded. Also counts the document's tokens:
//! what a model that read the whole text (in parts, as issue 4 first proposed) would have to read.
//!
//! Each run is made twice in turn: reading every prompt whole (the instructions again each time,
//! as llama.cpp's own examples do) and starting from the instructions read at load (Brief's
//! default); the last lines give the medians and their ratio, and check that both wrote the same
//! points.
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
    let mut writer = PointWriter::load(&models)?;
    println!(
        "models loaded (instructions read) in {:.1} s",
        loading.elapsed().as_secs_f64()
    );
    let embed = |texts: &[&str]| summarizer.embedder().embed(texts, &mut |_, _| Ok(()));
    let doc = Document::open(&file)?;
    println!(
        "document: {} words, {} tokens for the writing model",
        doc.words(),
        writer.count_tokens(&doc.text)
    );

    println!(
        "| run | instructions | key sentences | first point shown | first point in the model's words | all points | points in the model's words |"
    );
    println!("|---|---|---|---|---|---|---|");
    // (first point, all points) per run, reading the instructions each time and reusing them.
    let mut times: [Vec<(f64, f64)>; 2] = [Vec::new(), Vec::new()];
    let mut texts: [Vec<Vec<String>>; 2] = [Vec::new(), Vec::new()];
    for run in 1..=runs {
        for (mode, reuse) in [false, true].into_iter().enumerate() {
            writer.set_reuse_instructions(reuse);
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
            let first = first.unwrap_or(f64::NAN);
            println!(
                "| {run} | {} | {key_seconds:.2} s | {first:.2} s | {:.2} s | {all:.2} s | {by_model} of {} |",
                if reuse { "read once" } else { "read each time" },
                first_written.unwrap_or(f64::NAN),
                written.key_points.len()
            );
            times[mode].push((first, all));
            texts[mode].push(written.key_points.iter().map(|p| p.text.clone()).collect());
        }
    }
    let median = |mode: usize, pick: fn(&(f64, f64)) -> f64| {
        let mut values: Vec<f64> = times[mode].iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    for (what, pick) in [
        (
            "first point",
            (|t: &(f64, f64)| t.0) as fn(&(f64, f64)) -> f64,
        ),
        ("all points", |t: &(f64, f64)| t.1),
    ] {
        let (each_time, once) = (median(0, pick), median(1, pick));
        println!(
            "{what}: instructions read each time {each_time:.2} s, read once {once:.2} s, ratio {:.2} (speed-up {:.2}×)",
            once / each_time,
            each_time / once
        );
    }
    println!(
        "same points both ways: {}",
        if texts[0] == texts[1] { "yes" } else { "NO" }
    );
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
