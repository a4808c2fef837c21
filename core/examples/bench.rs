//! Times Brief's pipeline on the fixture statement and, in the same run, the Python baseline
//! (Hugging Face transformers, same model, same sentences), and prints the ratio.
//!
//! scripts/bench.sh   (sets up the baseline's Python packages, then runs this in release mode)

use anyhow::{ensure, Context};
use brief_core::embed::{cosine, default_models_dir, Precision, MODEL_DIR_NAME};
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

fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

struct Measured {
    load_ms: f64,
    decode_ms: f64,
    embed_ms: f64,
    rank_ms: f64,
    total_ms: f64,
    first_embedding: Vec<f32>,
}

/// Cold load, then the median of RUNS warm summaries (decoding included).
fn measure(bytes: &[u8], precision: Precision) -> anyhow::Result<Measured> {
    let started = Instant::now();
    let summarizer = Summarizer::load_with(&default_models_dir(), precision)?;
    let load_ms = ms_since(started);
    let doc = Document::from_bytes(bytes)?;
    summarizer.summarize(&doc, 5, &mut |_, _, _| Ok(()))?; // warm-up
    let (mut decode, mut embed, mut rank, mut total) = (vec![], vec![], vec![], vec![]);
    for _ in 0..RUNS {
        let started = Instant::now();
        let doc = Document::from_bytes(bytes)?;
        decode.push(ms_since(started));
        let summary = summarizer.summarize(&doc, 5, &mut |_, _, _| Ok(()))?;
        embed.push(summary.timings_ms.embed_ms);
        rank.push(summary.timings_ms.rank_ms);
        total.push(ms_since(started));
    }
    let first = summarizer
        .embedder()
        .embed(&[doc.sentence(0)], &mut |_, _| Ok(()))?;
    Ok(Measured {
        load_ms,
        decode_ms: median(decode),
        embed_ms: median(embed),
        rank_ms: median(rank),
        total_ms: median(total),
        first_embedding: first.into_iter().next().unwrap_or_default(),
    })
}

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let fixture = root.join("tests/fixtures/statement-lt-it-defence-2024-07-02.txt");
    let bytes = std::fs::read(&fixture)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    tch::set_num_threads(threads as i32);
    let doc = Document::from_bytes(&bytes)?;
    let sentences = doc.sentence_texts();

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
        .context("baseline stdin")?
        .write_all(request.to_string().as_bytes())?;
    let output = child.wait_with_output()?;
    ensure!(output.status.success(), "the Python baseline failed");
    let baseline: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let python_ms = baseline["median_ms"].as_f64().context("baseline median")?;
    let python_first: Vec<f32> = serde_json::from_value(baseline["first_embedding"].clone())?;

    println!(
        "fixture: {} sentences, {} words; {threads} threads; medians of {RUNS} runs",
        sentences.len(),
        doc.words()
    );
    println!(
        "Python  transformers 4.44, f32, one padded batch: load {:.0} ms, embed {python_ms:.1} ms",
        baseline["load_ms"].as_f64().unwrap_or(f64::NAN)
    );
    let mut precisions = vec![Precision::F32];
    if Precision::best_for_this_cpu() == Precision::Bf16 {
        precisions.push(Precision::Bf16);
    }
    for precision in precisions {
        let m = measure(&bytes, precision)?;
        let default = if precision == Precision::best_for_this_cpu() {
            " (default here)"
        } else {
            ""
        };
        println!("Brief   {precision:?}{default}: cold load {:.0} ms; warm: decode+segment {:.2} ms, embed {:.1} ms, rank {:.2} ms, total {:.1} ms",
            m.load_ms, m.decode_ms, m.embed_ms, m.rank_ms, m.total_ms);
        println!(
            "        ratio whole summary / Python embedding alone: {:.2}; cosine to Python's vector of sentence 0: {:.5}",
            m.total_ms / python_ms,
            cosine(&m.first_embedding, &python_first)
        );
    }
    Ok(())
}
