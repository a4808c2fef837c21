//! Speed of Brief's writing model, measured the way llama.cpp's `llama-bench` measures it, so the
//! two can be compared (scripts/bench-writer.sh runs both).
//!
//! ```text
//! cargo run --release -p brief-writer --example bench -- TEXT_FILE \
//!     [--threads 2] [--max-tokens 128] [--repeats 3] [--model models/.../model.gguf]
//! ```
//!
//! Each run is one `Writer::generate` call on a chat made of a fixed instruction and the text of
//! TEXT_FILE. One warm-up run is not counted; the last line is the median of the measured runs:
//!
//! ```text
//! brief pp=<tok/s> tg=<tok/s> prompt_tokens=<n> gen_tokens=<n> decodes=<n> ...
//! ```
//!
//! - `pp` = prompt tokens / `prompt_time` (every prompt token decoded, in Writer's slices).
//! - `tg` = decodes / `generate_time`. A generation of `gen_tokens` tokens samples its first token
//!   from the prompt's logits, so it decodes `gen_tokens - 1` tokens when it stops at the limit;
//!   when the model ends by itself it also decodes its last token (to sample the end token), so
//!   `decodes = gen_tokens`. `generate_time` includes greedy sampling (about a millisecond a
//!   token over Qwen's 151,936-token vocabulary), which llama-bench's `tg` does not.
//! - `total_ms` is the whole `generate` call: template, tokenizer, a new 4,096-token context (its
//!   KV cache), the prompt and the answer.
//! - `peak_rss_mib` is the process's VmHWM: the mapped model's resident pages count too.

use brief_writer::{Generation, Prompt, Stop, Writer};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Asks for enough points that the model writes past `--max-tokens` instead of stopping early,
/// so the generation figure is averaged over a full, fixed number of tokens.
const INSTRUCTION: &str = "Rewrite the statement as 10 short key points, one per line.";

struct Args {
    text_file: PathBuf,
    model: PathBuf,
    threads: i32,
    max_tokens: usize,
    repeats: usize,
}

fn usage() -> ! {
    eprintln!(
        "usage: bench TEXT_FILE [--threads N (2)] [--max-tokens N (128)] [--repeats N (3)] \
         [--model PATH (models/{}/{})]",
        brief_writer::MODEL_DIR_NAME,
        brief_writer::MODEL_FILE
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut text_file = None;
    let mut args = Args {
        text_file: PathBuf::new(),
        model: brief_writer::model_path("models".as_ref()),
        threads: 2,
        max_tokens: 128,
        repeats: 3,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        let number = |text: String| -> usize { text.parse().unwrap_or_else(|_| usage()) };
        match arg.as_str() {
            "--threads" => args.threads = number(value()) as i32,
            "--max-tokens" => args.max_tokens = number(value()),
            "--repeats" => args.repeats = number(value()).max(1),
            "--model" => args.model = value().into(),
            "-h" | "--help" => usage(),
            _ if arg.starts_with('-') || text_file.is_some() => usage(),
            _ => text_file = Some(PathBuf::from(arg)),
        }
    }
    args.text_file = text_file.unwrap_or_else(|| usage());
    args
}

/// One measured `generate` call.
struct Run {
    generation: Generation,
    total: Duration,
}

impl Run {
    /// Tokens decoded one at a time while generating (see the module comment).
    fn decodes(&self) -> usize {
        let generated = self.generation.generated_tokens;
        match self.generation.stop {
            Stop::End => generated,
            _ => generated.saturating_sub(1),
        }
    }

    fn pp(&self) -> f64 {
        self.generation.prompt_tokens as f64 / self.generation.prompt_time.as_secs_f64()
    }

    fn tg(&self) -> f64 {
        self.decodes() as f64 / self.generation.generate_time.as_secs_f64()
    }

    fn line(&self, label: &str) -> String {
        let g = &self.generation;
        format!(
            "{label} pp={:.2} tg={:.2} prompt_tokens={} gen_tokens={} decodes={} stop={:?} \
             prompt_ms={:.1} gen_ms={:.1} total_ms={:.1}",
            self.pp(),
            self.tg(),
            g.prompt_tokens,
            g.generated_tokens,
            self.decodes(),
            g.stop,
            ms(g.prompt_time),
            ms(g.generate_time),
            ms(self.total),
        )
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// A `/proc/self/status` field in kB, as MiB (0 where there is no procfs).
fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        });
    kb.unwrap_or(0.0) / 1024.0
}

fn generate(writer: &Writer, prompt: &Prompt, max_tokens: usize) -> Run {
    let started = Instant::now();
    let generation = writer
        .generate(prompt, max_tokens, &|| false, &mut |_| {
            ControlFlow::Continue(())
        })
        .unwrap_or_else(|e| {
            eprintln!("bench: generation failed: {e}");
            std::process::exit(1)
        });
    Run {
        generation,
        total: started.elapsed(),
    }
}

fn main() {
    let args = parse_args();
    let text = std::fs::read_to_string(&args.text_file).unwrap_or_else(|e| {
        eprintln!("bench: {}: {e}", args.text_file.display());
        std::process::exit(1)
    });
    let prompt = Prompt {
        system: INSTRUCTION,
        user: text.trim(),
    };
    let started = Instant::now();
    let writer = Writer::load_with_threads(&args.model, args.threads).unwrap_or_else(|e| {
        eprintln!("bench: {e}");
        std::process::exit(1)
    });
    let run_once = || generate(&writer, &prompt, args.max_tokens);
    println!(
        "load model={} threads={} load_ms={:.1} rss_mib={:.1}",
        args.model.display(),
        args.threads,
        ms(started.elapsed()),
        status_mib("VmRSS")
    );

    let warm_up = run_once();
    println!("{}", warm_up.line("warmup"));
    let runs: Vec<Run> = (1..=args.repeats)
        .map(|i| {
            let run = run_once();
            println!("{}", run.line(&format!("run{i}")));
            run
        })
        .collect();

    // Greedy decoding writes the same answer every time; a differing one would mean the runs did
    // not measure the same work.
    if runs
        .iter()
        .any(|r| r.generation.text != warm_up.generation.text)
    {
        eprintln!("bench: warning: the runs wrote different answers");
    }
    if warm_up.generation.stop == Stop::End && warm_up.generation.generated_tokens < 64 {
        eprintln!(
            "bench: warning: the model ended after {} tokens; the tg figure is noisy",
            warm_up.generation.generated_tokens
        );
    }
    let med = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
    let first = &runs[0].generation;
    println!(
        "brief pp={:.2} tg={:.2} prompt_tokens={} gen_tokens={} decodes={} stop={:?} \
         prompt_ms={:.1} gen_ms={:.1} total_ms={:.1} peak_rss_mib={:.1} threads={} runs={}",
        med(Run::pp),
        med(Run::tg),
        first.prompt_tokens,
        first.generated_tokens,
        runs[0].decodes(),
        first.stop,
        med(|r| ms(r.generation.prompt_time)),
        med(|r| ms(r.generation.generate_time)),
        med(|r| ms(r.total)),
        status_mib("VmHWM"),
        args.threads,
        args.repeats,
    );
    if std::env::var_os("BENCH_PRINT_TEXT").is_some() {
        eprintln!("--- answer ---\n{}", warm_up.generation.text);
    }
}
