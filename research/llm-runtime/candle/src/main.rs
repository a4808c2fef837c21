//! cbench: measure candle's quantized Qwen2 on a GGUF model.
//! usage: cbench MODEL TOKEN_IDS_FILE [MAX_NEW=256]
//! Threads: RAYON_NUM_THREADS (candle reads it). Token ids come from llbench (llama.cpp's
//! tokenizer on the same prompt), because candle has no tokenizer-from-GGUF.
//! Output is detokenized with the GGUF vocab (byte-level BPE) — decoding only.
use anyhow::{Context, Result};
use candle_core::quantized::gguf_file;
use candle_core::{Device, Tensor};
use candle_transformers::models::quantized_qwen2::ModelWeights;
use std::collections::HashMap;
use std::time::Instant;

/// GPT-2 byte-level: unicode char -> byte.
fn byte_decoder() -> HashMap<char, u8> {
    let mut bs: Vec<u32> = (b'!' as u32..=b'~' as u32)
        .chain(0xA1..=0xAC)
        .chain(0xAE..=0xFF)
        .collect();
    let mut cs = bs.clone();
    let mut n = 0;
    for b in 0..256u32 {
        if !bs.contains(&b) {
            bs.push(b);
            cs.push(256 + n);
            n += 1;
        }
    }
    bs.into_iter()
        .zip(cs)
        .map(|(b, c)| (char::from_u32(c).unwrap(), b as u8))
        .collect()
}

fn main() -> Result<()> {
    let a: Vec<String> = std::env::args().collect();
    let model_path = a[1].clone();
    // a[2]: either a file of space-separated token ids (from llbench) or, with --prompt FILE,
    // a templated prompt that is tokenized with candle's GGUF tokenizer (candle-core 0.11 quantized::tokenizer).
    let prompt_mode = a[2] == "--prompt";
    let a: Vec<String> = if prompt_mode { let mut b = a.clone(); b.remove(2); b } else { a };
    let ids_from_file: Vec<u32> = if prompt_mode { vec![] } else {
        std::fs::read_to_string(&a[2])?.split_whitespace().map(|s| s.parse().unwrap()).collect() };
    let max_new: usize = a.get(3).map(|s| s.parse().unwrap()).unwrap_or(256);
    let dev = Device::Cpu;

    let t0 = Instant::now();
    let mut f = std::fs::File::open(&model_path)?;
    let ct = gguf_file::Content::read(&mut f).context("read gguf")?;
    let vocab: Vec<String> = ct
        .metadata
        .get("tokenizer.ggml.tokens")
        .context("no tokens")?
        .to_vec()?
        .iter()
        .map(|v| v.to_string().map(|s| s.clone()))
        .collect::<std::result::Result<_, _>>()?;
    let id_of = |s: &str| vocab.iter().position(|t| t == s).map(|i| i as u32);
    let eos: Vec<u32> = ["<|im_end|>", "<|endoftext|>"].iter().filter_map(|s| id_of(s)).collect();
    let t_tok0 = Instant::now();
    let ids: Vec<u32> = if prompt_mode {
        use candle_core::quantized::tokenizer::TokenizerFromGguf;
        let tk = tokenizers::Tokenizer::from_gguf(&ct)?;
        let text = std::fs::read_to_string(&a[2])?;
        let enc = tk.encode(text, false).map_err(anyhow::Error::msg)?;
        let ids = enc.get_ids().to_vec();
        if let Ok(s) = std::fs::read_to_string("tokens_prompt.txt") {
            let ll: Vec<u32> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();
            println!("candle GGUF tokenizer: {} tokens, identical to llama.cpp ids: {}", ids.len(), ll == ids);
        }
        println!("tokenizer_build_and_encode_s={:.3}", t_tok0.elapsed().as_secs_f64());
        ids
    } else { ids_from_file };
    let mut model = ModelWeights::from_gguf(ct, &mut f, &dev)?;
    let t_load = t0.elapsed();
    let bd = byte_decoder();

    let n_prompt = ids.len();
    let t_p0 = Instant::now();
    let input = Tensor::new(ids.as_slice(), &dev)?.unsqueeze(0)?;
    let logits = model.forward(&input, 0)?;
    let t_prompt = t_p0.elapsed();
    let mut tok = logits.squeeze(0)?.argmax(0)?.to_scalar::<u32>()?;
    let ttft = t_p0.elapsed();

    let mut out_bytes = Vec::<u8>::new();
    let mut n_gen = 0usize;
    let mut stopped_eog = false;
    let t_g0 = Instant::now();
    loop {
        if eos.contains(&tok) {
            stopped_eog = true;
            break;
        }
        n_gen += 1;
        for c in vocab[tok as usize].chars() {
            if let Some(b) = bd.get(&c) {
                out_bytes.push(*b)
            }
        }
        if n_gen >= max_new {
            break;
        }
        let input = Tensor::new(&[tok], &dev)?.unsqueeze(0)?;
        let logits = model.forward(&input, n_prompt + n_gen - 1)?;
        tok = logits.squeeze(0)?.argmax(0)?.to_scalar::<u32>()?;
    }
    let t_gen = t_g0.elapsed();
    let total = t_p0.elapsed();
    let dec_steps = n_gen.saturating_sub(1) + usize::from(stopped_eog);
    println!("=== output ===\n{}\n=== end ===", String::from_utf8_lossy(&out_bytes));
    println!("threads={}", candle_core::utils::get_num_threads());
    println!("load_s={:.3}", t_load.as_secs_f64());
    println!("prompt_tokens={}", n_prompt);
    println!("prompt_s={:.3} prompt_tok_per_s={:.2}", t_prompt.as_secs_f64(), n_prompt as f64 / t_prompt.as_secs_f64());
    println!("ttft_s={:.3} (excl. load) ttft_incl_load_s={:.3}", ttft.as_secs_f64(), ttft.as_secs_f64() + t_load.as_secs_f64());
    println!("gen_tokens={} stopped_eog={}", n_gen, stopped_eog);
    println!("gen_s={:.3} gen_tok_per_s={:.2}", t_gen.as_secs_f64(), dec_steps as f64 / t_gen.as_secs_f64());
    println!("total_s={:.3} (prompt+gen, excl. load)", total.as_secs_f64());
    Ok(())
}
