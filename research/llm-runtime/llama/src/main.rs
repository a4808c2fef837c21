//! llbench: measure llama.cpp (via llama-cpp-2) on a GGUF model.
//! usage: llbench MODEL PROMPT_FILE [THREADS=2] [MAX_NEW=256] [TOKENS_OUT_FILE]
//! PROMPT_FILE holds the full ChatML prompt (already templated).
use anyhow::{Context, Result};
use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::{LlamaChatMessage, LlamaModel};
use llama_cpp_2::sampling::LlamaSampler;
use std::io::Write;
use std::num::NonZeroU32;
use std::time::Instant;

fn main() -> Result<()> {
    let a: Vec<String> = std::env::args().collect();
    let model_path = &a[1];
    let prompt = std::fs::read_to_string(&a[2])?;
    let threads: i32 = a.get(3).map(|s| s.parse().unwrap()).unwrap_or(2);
    let max_new: usize = a.get(4).map(|s| s.parse().unwrap()).unwrap_or(256);
    let tok_out = a.get(5);

    let t0 = Instant::now();
    let mut backend = LlamaBackend::init()?;
    if std::env::var("LLBENCH_LOGS").is_err() {
        backend.void_logs();
    }
    let model = LlamaModel::load_from_file(&backend, model_path, &LlamaModelParams::default())
        .context("load model")?;
    let t_load = t0.elapsed();

    // Check that our hand-written ChatML prompt equals the GGUF's own template output.
    if let Ok(tmpl) = model.chat_template(None) {
        let sys_end = prompt.find("<|im_end|>").unwrap();
        let sys = prompt["<|im_start|>system\n".len()..sys_end].to_string();
        let u0 = prompt.find("<|im_start|>user\n").unwrap() + "<|im_start|>user\n".len();
        let u1 = prompt[u0..].find("<|im_end|>").unwrap() + u0;
        let user = prompt[u0..u1].to_string();
        let msgs = vec![
            LlamaChatMessage::new("system".into(), sys)?,
            LlamaChatMessage::new("user".into(), user)?,
        ];
        match model.apply_chat_template(&tmpl, &msgs, true) {
            Ok(s) => eprintln!("chat template from GGUF matches prompt file: {}", s == prompt),
            Err(e) => eprintln!("apply_chat_template failed: {e}"),
        }
    }

    let ctx_params = LlamaContextParams::default()
        .with_n_ctx(NonZeroU32::new(4096))
        .with_n_batch(2048)
        .with_n_threads(threads)
        .with_n_threads_batch(threads);
    let mut ctx = model.new_context(&backend, ctx_params).context("ctx")?;
    let vocab = model.vocab();
    let tokens = vocab.tokenize(prompt.as_bytes(), false, true);
    if let Some(p) = tok_out {
        let s: Vec<String> = tokens.iter().map(|t| t.0.to_string()).collect();
        std::fs::write(p, s.join(" "))?;
    }
    let n_prompt = tokens.len();

    let mut batch = LlamaBatch::new(2048, 1);
    let last = n_prompt - 1;
    for (i, t) in tokens.iter().enumerate() {
        batch.add(*t, i as i32, &[0], i == last)?;
    }
    let mut sampler = LlamaSampler::greedy();

    let t_p0 = Instant::now();
    ctx.decode(&mut batch).context("prompt decode")?;
    let t_prompt = t_p0.elapsed();
    let mut tok = sampler.sample(&ctx, batch.n_tokens() - 1);
    sampler.accept(tok);
    let ttft = t_p0.elapsed();

    let mut out = Vec::<u8>::new();
    let mut n_gen = 0usize;
    let mut pos = n_prompt as i32;
    let t_g0 = Instant::now();
    let mut stopped_eog = false;
    loop {
        if vocab.is_eog(tok) {
            stopped_eog = true;
            break;
        }
        n_gen += 1;
        out.extend(vocab.token_to_piece(tok, false, None));
        if n_gen >= max_new {
            break;
        }
        batch.clear();
        batch.add(tok, pos, &[0], true)?;
        pos += 1;
        ctx.decode(&mut batch).context("decode")?;
        tok = sampler.sample(&ctx, batch.n_tokens() - 1);
        sampler.accept(tok);
    }
    let t_gen = t_g0.elapsed(); // covers n_gen-1 decode steps (first token came from prompt pass)
    let total = t_p0.elapsed();
    let text = String::from_utf8_lossy(&out);
    let dec_steps = n_gen.saturating_sub(1) + usize::from(stopped_eog); // decodes done after first token
    println!("=== output ===\n{}\n=== end ===", text);
    println!("load_s={:.3}", t_load.as_secs_f64());
    println!("prompt_tokens={}", n_prompt);
    println!("prompt_s={:.3} prompt_tok_per_s={:.2}", t_prompt.as_secs_f64(), n_prompt as f64 / t_prompt.as_secs_f64());
    println!("ttft_s={:.3} (excl. load) ttft_incl_load_s={:.3}", ttft.as_secs_f64(), ttft.as_secs_f64() + t_load.as_secs_f64());
    println!("gen_tokens={} stopped_eog={}", n_gen, stopped_eog);
    println!("gen_s={:.3} gen_tok_per_s={:.2}", t_gen.as_secs_f64(), dec_steps as f64 / t_gen.as_secs_f64());
    println!("total_s={:.3} (prompt+gen, excl. load)", total.as_secs_f64());
    std::io::stdout().flush()?;
    Ok(())
}
