//! brief-writer: Brief's local writing model.
//!
//! [`Writer`] runs an instruction-tuned GGUF model (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M) through
//! llama.cpp on the CPU and streams what it writes; [`points::PointParser`] turns that stream into
//! clean, capped points however the model numbers, nests or rambles. Nothing here knows about
//! documents or evidence: brief-core decides what to ask and checks every answer.

mod error;
pub mod points;

pub use error::{Error, Result};

use points::PointParser;

use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::context::session::{LlamaStateSeqFlags, SeqState};
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::{LlamaChatMessage, LlamaChatTemplate, LlamaModel};
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::LlamaToken;
use std::collections::HashMap;
use std::io::Read;
use std::num::NonZeroU32;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The folder and file of the writing model under `models/` (see models/manifest.json).
pub const MODEL_DIR_NAME: &str = "qwen2.5-coder-1.5b-instruct";
pub const MODEL_FILE: &str = "model.gguf";
pub const MODEL_NAME: &str = "Qwen/Qwen2.5-Coder-1.5B-Instruct (Q4_K_M)";

/// Context window: prompt plus answer. Brief's prompts are a few hundred tokens; 4,096 leaves
/// room and keeps the key/value cache near 120 MB.
const CONTEXT_TOKENS: u32 = 4096;
/// The prompt is fed in slices this long so that a cancel is seen within about two seconds even
/// while the model reads (2 cores read about 70 tokens a second). Slices of 128 read as fast as
/// llama.cpp's default 512; slices of 64 were 12 % slower (docs/benchmarks.md).
const PROMPT_SLICE: usize = 128;

/// llama.cpp's global state may be set up only once per process.
static BACKEND: OnceLock<Result<LlamaBackend, String>> = OnceLock::new();

fn backend() -> Result<&'static LlamaBackend> {
    BACKEND
        .get_or_init(|| {
            let mut backend = LlamaBackend::init().map_err(|e| e.to_string())?;
            // llama.cpp logs every tensor it loads on stderr; Brief reports its own errors.
            if std::env::var_os("BRIEF_LLAMA_LOGS").is_none() {
                backend.void_logs();
            }
            Ok(backend)
        })
        .as_ref()
        .map_err(|e| Error::Generation(e.clone()))
}

/// A chat for the model: instructions and the request.
pub struct Prompt<'a> {
    pub system: &'a str,
    pub user: &'a str,
}

/// Why generation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The model said it was done.
    End,
    /// The token limit was reached.
    Limit,
    /// The caller had what it needed (its text callback broke off).
    Enough,
    /// `cancelled()` turned true.
    Cancelled,
}

/// What one generation did, for progress displays and benchmarks.
#[derive(Debug, Clone)]
pub struct Generation {
    pub text: String,
    pub stop: Stop,
    pub prompt_tokens: usize,
    pub generated_tokens: usize,
    /// Reading the prompt, up to the first token.
    pub prompt_time: Duration,
    pub generate_time: Duration,
}

pub struct Writer {
    model: LlamaModel,
    template: LlamaChatTemplate,
    threads: i32,
    /// The instructions already read, by their text (see [`Writer::prepare`]).
    read_instructions: Mutex<HashMap<String, Arc<ReadInstructions>>>,
    reuse_instructions: bool,
}

/// The start of every prompt with the same instructions, up to where the request begins: its
/// tokens, and the model's state once it has read them.
struct ReadInstructions {
    tokens: Vec<LlamaToken>,
    state: Option<SeqState>,
}

impl Writer {
    /// Loads the model file at `path`, to run on all cores.
    pub fn load(path: &Path) -> Result<Writer> {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get() as i32);
        Writer::load_with_threads(path, threads)
    }

    pub fn load_with_threads(path: &Path, threads: i32) -> Result<Writer> {
        check_file(path)?;
        let corrupt = |reason: String| Error::ModelCorrupt {
            path: path.to_path_buf(),
            reason,
        };
        let model = LlamaModel::load_from_file(backend()?, path, &LlamaModelParams::default())
            .map_err(|e| corrupt(e.to_string()))?;
        let template = model
            .chat_template(None)
            .map_err(|e| corrupt(format!("no chat template: {e}")))?;
        Ok(Writer {
            model,
            template,
            threads: threads.max(1),
            read_instructions: Mutex::new(HashMap::new()),
            reuse_instructions: true,
        })
    }

    /// Reads the instructions `system` now and keeps the model's state after them, so that every
    /// prompt with these instructions starts from there: on 2 cores, about 3 seconds less before
    /// the first token of each answer.
    pub fn prepare(&self, system: &str) -> Result<()> {
        let mut context = self.new_context()?;
        self.start_prompt(&mut context, system, None, &|| false)
            .map(|_| ())
    }

    /// Turns the reuse of read instructions on (the default) or off. Off, every prompt reads its
    /// instructions again, in the same slices: the same text, more slowly; for the test that
    /// checks so, and for benchmarks.
    pub fn set_reuse_instructions(&mut self, on: bool) {
        self.reuse_instructions = on;
    }

    /// How many tokens `text` takes in this model.
    pub fn count_tokens(&self, text: &str) -> usize {
        self.model
            .vocab()
            .tokenize(text.as_bytes(), false, false)
            .len()
    }

    /// Writes an answer to `prompt` and returns its first `n` points (as [`PointParser`] reads
    /// them), stopping the model once it has them. When `cancelled` turned true, the generation
    /// says [`Stop::Cancelled`] and the points are those written until then.
    pub fn points(
        &self,
        prompt: &Prompt,
        n: usize,
        max_tokens: usize,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<(Vec<String>, Generation)> {
        let mut parser = PointParser::new(n);
        let mut points = Vec::new();
        let generation = self.generate(prompt, max_tokens, cancelled, &mut |piece| {
            points.extend(parser.push(piece));
            if parser.is_full() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?;
        points.extend(parser.finish());
        Ok((points, generation))
    }

    /// Writes an answer to `prompt`, greedily (the same input always gives the same text), at
    /// most `max_tokens` long. `on_text` receives the text as it is written, in whole UTF-8
    /// characters, and can break off once it has what it needs; `cancelled` is polled while the
    /// model reads and after every token.
    pub fn generate(
        &self,
        prompt: &Prompt,
        max_tokens: usize,
        cancelled: &dyn Fn() -> bool,
        on_text: &mut dyn FnMut(&str) -> ControlFlow<()>,
    ) -> Result<Generation> {
        let failed = |e: &dyn std::fmt::Display| Error::Generation(e.to_string());
        let vocab = self.model.vocab();
        let tokens = self.chat_tokens(prompt)?;
        let limit = CONTEXT_TOKENS as usize - max_tokens.min(CONTEXT_TOKENS as usize / 2);
        if tokens.len() > limit {
            return Err(Error::PromptTooLong {
                tokens: tokens.len(),
                limit,
            });
        }
        let mut context = self.new_context()?;
        let mut generation = Generation {
            text: String::new(),
            stop: Stop::Cancelled,
            prompt_tokens: tokens.len(),
            generated_tokens: 0,
            prompt_time: Duration::ZERO,
            generate_time: Duration::ZERO,
        };

        let started = Instant::now();
        let Some(read) =
            self.start_prompt(&mut context, prompt.system, Some(&tokens), cancelled)?
        else {
            return Ok(generation);
        };
        let mut batch = LlamaBatch::new(PROMPT_SLICE, 1);
        if !read_tokens(&mut context, &mut batch, &tokens, read, cancelled)? {
            return Ok(generation);
        }
        generation.prompt_time = started.elapsed();

        let started = Instant::now();
        let mut sampler = LlamaSampler::greedy();
        let mut utf8 = Utf8Stream::default();
        let mut position = tokens.len() as i32;
        generation.stop = loop {
            let token = sampler.sample(&context, batch.n_tokens() - 1);
            sampler.accept(token);
            if vocab.is_eog(token) {
                break Stop::End;
            }
            generation.generated_tokens += 1;
            let piece = utf8.push(&vocab.token_to_piece(token, false, None));
            generation.text.push_str(&piece);
            if on_text(&piece).is_break() {
                break Stop::Enough;
            }
            if cancelled() {
                break Stop::Cancelled;
            }
            if generation.generated_tokens >= max_tokens {
                break Stop::Limit;
            }
            batch.clear();
            batch
                .add(token, position, &[0], true)
                .map_err(|e| failed(&e))?;
            position += 1;
            context.decode(&mut batch).map_err(|e| failed(&e))?;
        };
        generation.generate_time = started.elapsed();
        Ok(generation)
    }
}

impl Writer {
    fn new_context(&self) -> Result<LlamaContext<'_>> {
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(CONTEXT_TOKENS))
            .with_n_batch(PROMPT_SLICE as u32)
            .with_n_threads(self.threads)
            .with_n_threads_batch(self.threads);
        self.model
            .new_context(backend()?, params)
            .map_err(|e| Error::Generation(e.to_string()))
    }

    /// Brings the fresh `context` to the end of the instructions `system` and returns how many
    /// tokens of the prompt that covers (`None` if cancelled). The first time, the instructions
    /// are read and, with reuse on, the model's state after them kept; later, the state is
    /// restored, or (reuse off) read again. `tokens` is the whole prompt, or `None` to prepare.
    fn start_prompt(
        &self,
        context: &mut LlamaContext,
        system: &str,
        tokens: Option<&[LlamaToken]>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Option<usize>> {
        let failed = |e: &dyn std::fmt::Display| Error::Generation(e.to_string());
        let known = self.lock_read_instructions().get(system).cloned();
        let instructions = match known {
            Some(instructions) => instructions,
            None => Arc::new(ReadInstructions {
                tokens: self.instruction_tokens(system)?,
                state: None,
            }),
        };
        // A request whose first characters join the instructions' last token is read whole.
        let prefix = &instructions.tokens;
        if tokens.is_some_and(|tokens| !tokens.starts_with(prefix) || tokens.len() == prefix.len())
        {
            return Ok(Some(0));
        }
        if let Some(state) = instructions
            .state
            .as_ref()
            .filter(|_| self.reuse_instructions)
        {
            context.state_seq_set(state, 0).map_err(|e| failed(&e))?;
            return Ok(Some(prefix.len()));
        }
        let mut batch = LlamaBatch::new(PROMPT_SLICE, 1);
        if !read_tokens(context, &mut batch, prefix, 0, cancelled)? {
            return Ok(None);
        }
        if self.reuse_instructions {
            let state = context
                .state_seq_get(0, LlamaStateSeqFlags::empty())
                .map_err(|e| failed(&e))?;
            let read = ReadInstructions {
                tokens: prefix.clone(),
                state: Some(state),
            };
            self.lock_read_instructions()
                .insert(system.to_string(), Arc::new(read));
        }
        Ok(Some(prefix.len()))
    }

    /// The tokens every prompt with instructions `system` starts with: where two chats with
    /// different requests part.
    fn instruction_tokens(&self, system: &str) -> Result<Vec<LlamaToken>> {
        let [one, other] = ["A", "B"].map(|user| self.chat_tokens(&Prompt { system, user }));
        let (one, other) = (one?, other?);
        let shared = one.iter().zip(&other).take_while(|(a, b)| a == b).count();
        Ok(one[..shared].to_vec())
    }

    fn chat_tokens(&self, prompt: &Prompt) -> Result<Vec<LlamaToken>> {
        let failed = |e: &dyn std::fmt::Display| Error::Generation(e.to_string());
        let messages = [("system", prompt.system), ("user", prompt.user)]
            .into_iter()
            .map(|(role, text)| LlamaChatMessage::new(role.into(), text.into()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| failed(&e))?;
        let chat = self
            .model
            .apply_chat_template(&self.template, &messages, true)
            .map_err(|e| failed(&e))?;
        Ok(self.model.vocab().tokenize(chat.as_bytes(), false, true))
    }

    fn lock_read_instructions(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<String, Arc<ReadInstructions>>> {
        // The map only ever gains whole entries, so one left by a panicking thread is sound.
        self.read_instructions
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Reads `tokens[from..]` into `context` at their positions, in slices of `PROMPT_SLICE`, asking
/// for the logits of the last token only. False if cancelled between slices.
fn read_tokens(
    context: &mut LlamaContext,
    batch: &mut LlamaBatch,
    tokens: &[LlamaToken],
    from: usize,
    cancelled: &dyn Fn() -> bool,
) -> Result<bool> {
    let failed = |e: &dyn std::fmt::Display| Error::Generation(e.to_string());
    for first in (from..tokens.len()).step_by(PROMPT_SLICE) {
        if cancelled() {
            return Ok(false);
        }
        batch.clear();
        for (position, token) in tokens.iter().enumerate().skip(first).take(PROMPT_SLICE) {
            let last = position + 1 == tokens.len();
            batch
                .add(*token, position as i32, &[0], last)
                .map_err(|e| failed(&e))?;
        }
        context.decode(batch).map_err(|e| failed(&e))?;
    }
    Ok(true)
}

/// Where the writing model is inside a `models/` folder.
pub fn model_path(models_dir: &Path) -> PathBuf {
    models_dir.join(MODEL_DIR_NAME).join(MODEL_FILE)
}

/// A quick look before handing the file to llama.cpp: present, and a GGUF file. (The full
/// sha256 check is the set-up script's; reading 1.1 GB at every start would cost seconds.)
fn check_file(path: &Path) -> Result<()> {
    let mut magic = [0u8; 4];
    let read = std::fs::File::open(path).and_then(|mut file| file.read_exact(&mut magic));
    match read {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::ModelMissing {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(Error::ModelCorrupt {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }),
        Ok(()) if &magic != b"GGUF" => Err(Error::ModelCorrupt {
            path: path.to_path_buf(),
            reason: "not a GGUF model file".into(),
        }),
        Ok(()) => Ok(()),
    }
}

/// Tokens can end inside a multi-byte character; text is passed on in whole characters only.
#[derive(Default)]
struct Utf8Stream {
    pending: Vec<u8>,
}

impl Utf8Stream {
    fn push(&mut self, bytes: &[u8]) -> String {
        self.pending.extend_from_slice(bytes);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            // An incomplete character at the end waits for the next token.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            // Invalid bytes cannot become valid later: pass them on replaced.
            Err(_) => self.pending.len(),
        };
        let text = String::from_utf8_lossy(&self.pending[..valid]).into_owned();
        self.pending.drain(..valid);
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_split_across_tokens_are_passed_on_whole() {
        let mut stream = Utf8Stream::default();
        let bytes = "Kasčiūnas".as_bytes();
        let (a, b) = bytes.split_at(4); // inside "č"
        assert_eq!(stream.push(a), "Kas");
        assert_eq!(stream.push(b), "čiūnas");
    }

    #[test]
    fn a_missing_or_foreign_model_file_is_named() {
        let missing = Writer::load(Path::new("/nonexistent/model.gguf"));
        assert!(matches!(missing, Err(Error::ModelMissing { .. })));
        let dir = std::env::temp_dir().join(format!("brief-writer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let foreign = dir.join("model.gguf");
        std::fs::write(&foreign, b"PK\x03\x04 not a model").unwrap();
        let err = Writer::load(&foreign).err().unwrap();
        assert!(err.to_string().contains("not a GGUF model file"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
