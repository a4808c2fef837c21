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
//! - `pp` = prompt tokens / `prompt_time` (every prompt token decoded, in slices of 64).
//! - `tg` = decodes / `generate_time`. A generation of `gen_tokens` tokens samples its first token
//!   from the prompt's logits, so it decodes `gen_tokens - 1` tokens when it stops at the limit;
//!   when the model ends by itself it also decodes its last token (to sample the end token), so
//!   `decodes = gen_tokens`. `generate_time` includes greedy sampling (about a millisecond a
//!   token over Qwen's 151,936-token vocabulary), which llama-bench's `tg` does not.
//! - `total_ms` is the whole `generate` call: template, tokenizer, a new 4,096-token context (its
//!   KV cache), the prompt and the answer.
//! - `peak_rss_mib` is the process's VmHWM: the mapped model's resident pages count too.
//!
//! `--direct` is for finding where time goes: it does not call `Writer` but runs the same steps
//! (chat template, tokens, a context, prompt slices, greedy sampling) through llama-cpp-2 itself,
//! with knobs that `Writer` fixes: `--slice N` (prompt tokens per decode, and the context's
//! batch and micro-batch; Writer: 64), `--ctx N` (Writer: 4096) and `--poll N` (attach a
//! persistent ggml thread pool that polls at level N, as llama-bench does; Writer has none, so
//! ggml makes and joins a pool at every decode). It also times sampling on its own (`sample_ms`).

use brief_writer::{Generation, Prompt, Stop, Writer};
use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::{LlamaChatMessage, LlamaChatTemplate, LlamaModel};
use llama_cpp_2::sampling::LlamaSampler;
use std::num::NonZeroU32;
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
    direct: Option<DirectOptions>,
}

/// The knobs of `--direct` (see the module comment).
#[derive(Clone, Copy)]
struct DirectOptions {
    slice: usize,
    ctx: u32,
    poll: Option<u32>,
}

fn usage() -> ! {
    eprintln!(
        "usage: bench TEXT_FILE [--threads N (2)] [--max-tokens N (128)] [--repeats N (3)] \
         [--model PATH (models/{}/{})] [--direct [--slice N (64)] [--ctx N (4096)] [--poll N]]",
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
        direct: None,
    };
    let mut direct = DirectOptions {
        slice: 64,
        ctx: 4096,
        poll: None,
    };
    let mut use_direct = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        let number = |text: String| -> usize { text.parse().unwrap_or_else(|_| usage()) };
        match arg.as_str() {
            "--threads" => args.threads = number(value()) as i32,
            "--max-tokens" => args.max_tokens = number(value()),
            "--repeats" => args.repeats = number(value()).max(1),
            "--model" => args.model = value().into(),
            "--direct" => use_direct = true,
            "--slice" => direct.slice = number(value()).max(1),
            "--ctx" => direct.ctx = number(value()) as u32,
            "--poll" => direct.poll = Some(number(value()) as u32),
            "-h" | "--help" => usage(),
            _ if arg.starts_with('-') || text_file.is_some() => usage(),
            _ => text_file = Some(PathBuf::from(arg)),
        }
    }
    args.text_file = text_file.unwrap_or_else(|| usage());
    args.direct = use_direct.then_some(direct);
    args
}

/// One measured `generate` call.
struct Run {
    generation: Generation,
    total: Duration,
    /// Time spent in the sampler (`--direct` only).
    sample: Option<Duration>,
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
        let sample = self
            .sample
            .map_or(String::new(), |d| format!(" sample_ms={:.1}", ms(d)));
        format!(
            "{label} pp={:.2} tg={:.2} prompt_tokens={} gen_tokens={} decodes={} stop={:?} \
             prompt_ms={:.1} gen_ms={:.1} total_ms={:.1}{sample}",
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
        sample: None,
    }
}

/// `--direct`: Writer's steps through llama-cpp-2 itself, with Writer's constants made knobs.
struct Direct {
    // Fields drop in this order: the model before the llama.cpp backend.
    model: LlamaModel,
    template: LlamaChatTemplate,
    backend: LlamaBackend,
    threads: i32,
    options: DirectOptions,
}

impl Direct {
    fn load(args: &Args, options: DirectOptions) -> Direct {
        let mut backend = LlamaBackend::init().expect("llama.cpp backend");
        if std::env::var_os("BRIEF_LLAMA_LOGS").is_none() {
            backend.void_logs();
        }
        let model = LlamaModel::load_from_file(&backend, &args.model, &LlamaModelParams::default())
            .unwrap_or_else(|e| fail(&e));
        let template = model.chat_template(None).unwrap_or_else(|e| fail(&e));
        Direct {
            model,
            template,
            backend,
            threads: args.threads,
            options,
        }
    }

    /// `Writer::generate` step for step (without its cancel and text callbacks), timing the
    /// sampler apart.
    fn generate(&self, prompt: &Prompt, max_tokens: usize) -> Run {
        let started = Instant::now();
        let messages = [("system", prompt.system), ("user", prompt.user)]
            .map(|(role, text)| LlamaChatMessage::new(role.into(), text.into()).unwrap());
        let chat = self
            .model
            .apply_chat_template(&self.template, &messages, true)
            .unwrap_or_else(|e| fail(&e));
        let vocab = self.model.vocab();
        let tokens = vocab.tokenize(chat.as_bytes(), false, true);
        let slice = self.options.slice;
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(self.options.ctx))
            .with_n_batch(slice as u32)
            .with_n_ubatch(slice as u32)
            .with_n_threads(self.threads)
            .with_n_threads_batch(self.threads);
        let mut context = self
            .model
            .new_context(&self.backend, params)
            .unwrap_or_else(|e| fail(&e));
        // Declared after the context, so dropped (detached) before it.
        let _pool = self
            .options
            .poll
            .map(|poll| pool::Pool::attach(&context, self.threads, poll));

        let prompt_started = Instant::now();
        let mut batch = LlamaBatch::new(slice, 1);
        for (slice_at, chunk) in tokens.chunks(slice).enumerate() {
            batch.clear();
            for (i, token) in chunk.iter().enumerate() {
                let position = slice_at * slice + i;
                let last = position + 1 == tokens.len();
                batch.add(*token, position as i32, &[0], last).unwrap();
            }
            decode(&mut context, &mut batch);
        }
        let prompt_time = prompt_started.elapsed();

        let generate_started = Instant::now();
        let mut sample = Duration::ZERO;
        let mut sampler = LlamaSampler::greedy();
        let mut text = Vec::new();
        let mut generated_tokens = 0;
        let mut position = tokens.len() as i32;
        let stop = loop {
            let sample_started = Instant::now();
            let token = sampler.sample(&context, batch.n_tokens() - 1);
            sampler.accept(token);
            sample += sample_started.elapsed();
            if vocab.is_eog(token) {
                break Stop::End;
            }
            generated_tokens += 1;
            text.extend(vocab.token_to_piece(token, false, None));
            if generated_tokens >= max_tokens {
                break Stop::Limit;
            }
            batch.clear();
            batch.add(token, position, &[0], true).unwrap();
            position += 1;
            decode(&mut context, &mut batch);
        };
        let generate_time = generate_started.elapsed();
        Run {
            generation: Generation {
                text: String::from_utf8_lossy(&text).into_owned(),
                stop,
                prompt_tokens: tokens.len(),
                generated_tokens,
                prompt_time,
                generate_time,
            },
            total: started.elapsed(),
            sample: Some(sample),
        }
    }
}

fn decode(context: &mut LlamaContext, batch: &mut LlamaBatch) {
    context.decode(batch).unwrap_or_else(|e| fail(&e));
}

fn fail(e: &dyn std::fmt::Display) -> ! {
    eprintln!("bench: {e}");
    std::process::exit(1)
}

/// A persistent ggml thread pool for one context, as llama-bench attaches (`--poll`).
/// llama-cpp-2 0.1.160 has no API for this, so it is declared here against the llama.cpp that
/// llama-cpp-sys-2 links in.
mod pool {
    use llama_cpp_2::context::LlamaContext;
    use std::ffi::{c_int, c_void};

    /// ggml.h `struct ggml_threadpool_params` (GGML_MAX_N_THREADS = 512).
    #[repr(C)]
    struct Params {
        cpumask: [bool; 512],
        n_threads: c_int,
        prio: c_int,
        poll: u32,
        strict_cpu: bool,
        paused: bool,
    }

    extern "C" {
        fn ggml_threadpool_params_init(params: *mut Params, n_threads: c_int);
        fn ggml_threadpool_new(params: *mut Params) -> *mut c_void;
        fn ggml_threadpool_free(pool: *mut c_void);
        fn llama_attach_threadpool(ctx: *mut c_void, pool: *mut c_void, pool_batch: *mut c_void);
        fn llama_detach_threadpool(ctx: *mut c_void);
    }

    pub struct Pool {
        ctx: *mut c_void,
        pool: *mut c_void,
    }

    impl Pool {
        pub fn attach(context: &LlamaContext, threads: i32, poll: u32) -> Pool {
            // The context pointer is private to llama-cpp-2; its Debug output shows it
            // ("LlamaContext { context: 0x... }"). Good enough for an experiment.
            let debug = format!("{context:?}");
            let address = debug
                .split_once("0x")
                .map(|(_, hex)| hex.trim_end_matches(|c: char| !c.is_ascii_hexdigit()))
                .and_then(|hex| usize::from_str_radix(hex, 16).ok())
                .unwrap_or_else(|| super::fail(&format!("no context pointer in {debug}")));
            let ctx = address as *mut c_void;
            // SAFETY: `Params` matches the C struct; the pool outlives its use by the context
            // (`Drop` detaches it first).
            unsafe {
                let mut params: Params = std::mem::zeroed();
                ggml_threadpool_params_init(&mut params, threads);
                params.poll = poll;
                let pool = ggml_threadpool_new(&mut params);
                assert!(!pool.is_null(), "ggml_threadpool_new failed");
                llama_attach_threadpool(ctx, pool, pool);
                Pool { ctx, pool }
            }
        }
    }

    impl Drop for Pool {
        fn drop(&mut self) {
            // SAFETY: both pointers came from `attach`, and the context is still alive.
            unsafe {
                llama_detach_threadpool(self.ctx);
                ggml_threadpool_free(self.pool);
            }
        }
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
    let run_once: Box<dyn Fn() -> Run + '_> = match args.direct {
        None => {
            let writer =
                Writer::load_with_threads(&args.model, args.threads).unwrap_or_else(|e| fail(&e));
            Box::new(move || generate(&writer, &prompt, args.max_tokens))
        }
        Some(options) => {
            println!(
                "direct slice={} ctx={} poll={}",
                options.slice,
                options.ctx,
                options.poll.map_or("none".into(), |p| p.to_string())
            );
            let direct = Direct::load(&args, options);
            Box::new(move || direct.generate(&prompt, args.max_tokens))
        }
    };
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
    // `brief` lines measure Writer itself; `direct` lines the experiment.
    let label = if args.direct.is_some() {
        "direct"
    } else {
        "brief"
    };
    let sample = match runs[0].sample {
        Some(_) => format!(
            " sample_ms={:.1}",
            med(|r| ms(r.sample.unwrap_or_default()))
        ),
        None => String::new(),
    };
    println!(
        "{label} pp={:.2} tg={:.2} prompt_tokens={} gen_tokens={} decodes={} stop={:?} \
         prompt_ms={:.1} gen_ms={:.1} total_ms={:.1} peak_rss_mib={:.1} threads={} runs={}{sample}",
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
