//! Times Brief's pipeline on the fixture statement and, in the same run, the Python baseline
//! (Hugging Face transformers, same model, same sentences), and prints the ratio.
//!
//! scripts/bench.sh   (sets up the baseline's Python packages, then runs this in release mode)

use anyhow::{ensure, Context};
use brief_core::embed::{cosine, default_models_dir, MODEL_DIR_NAME};
use brief_core::{Document, Summarizer};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const RUNS: usize = 20;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let fixture = root.join("tests/fixtures/statement-lt-it-defence-2024-07-02.txt");
    let bytes = std::fs::read(&fixture)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    tch::set_num_threads(threads as i32);

    let started = Instant::now();
    let summarizer = Summarizer::load(&default_models_dir())?;
    let load_ms = started.elapsed().as_secs_f64() * 1e3;

    let mut decode = Vec::new();
    let mut embed = Vec::new();
    let mut rank = Vec::new();
    let mut total = Vec::new();
    let mut doc = Document::from_bytes(&bytes)?;
    summarizer.summarize(&doc, 5, &mut |_, _, _| Ok(()))?; // warm-up
    for _ in 0..RUNS {
        let started = Instant::now();
        doc = Document::from_bytes(&bytes)?;
        let decoded_ms = started.elapsed().as_secs_f64() * 1e3;
        let summary = summarizer.summarize(&doc, 5, &mut |_, _, _| Ok(()))?;
        decode.push(decoded_ms);
        embed.push(summary.timings_ms.embed_ms);
        rank.push(summary.timings_ms.rank_ms);
        total.push(started.elapsed().as_secs_f64() * 1e3);
    }
    let sentences = doc.sentence_texts();
    let rust_first = summarizer
        .embedder()
        .embed(&sentences[..1], &mut |_, _| Ok(()))?;

    let python = root.join(".deps/venv/bin/python");
    let request = serde_json::json!({
        "model_dir": default_models_dir().join(MODEL_DIR_NAME),
        "sentences": sentences,
        "runs": RUNS,
        "threads": threads,
    });
    let mut child = Command::new(&python)
        .arg(root.join("scripts/bench_baseline.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}; run scripts/bench.sh", python.display()))?;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(request.to_string().as_bytes())?;
    let output = child.wait_with_output()?;
    ensure!(output.status.success(), "the Python baseline failed");
    let baseline: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let py_embed = baseline["median_ms"].as_f64().unwrap_or(f64::NAN);
    let py_first: Vec<f32> = serde_json::from_value(baseline["first_embedding"].clone())?;

    let (decode, embed, rank, total) = (median(decode), median(embed), median(rank), median(total));
    println!(
        "fixture: {} sentences, {} words; {threads} threads; median of {RUNS} runs",
        sentences.len(),
        doc.words()
    );
    println!("Brief   cold: model load {load_ms:.0} ms");
    println!("Brief   warm: decode+segment {decode:.2} ms, embed {embed:.1} ms, rank {rank:.2} ms, total {total:.1} ms");
    println!(
        "Python  transformers 4.44 (one padded batch): load {:.0} ms, embed {py_embed:.1} ms",
        baseline["load_ms"].as_f64().unwrap_or(f64::NAN)
    );
    println!(
        "ratio   Brief whole summary / Python embedding alone: {:.2}",
        total / py_embed
    );
    println!(
        "check   cosine(Brief, Python) of sentence 0: {:.5}",
        cosine(&rust_first[0], &py_first)
    );
    Ok(())
}
