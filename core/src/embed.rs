//! Sentence embeddings with all-MiniLM-L6-v2 through rust-bert, loaded from local files only.

use crate::error::{Error, Result};
use brief_document::panics::catch_quietly;
use rust_bert::pipelines::common::ModelType;
use rust_bert::pipelines::sentence_embeddings::{
    SentenceEmbeddingsConfig, SentenceEmbeddingsModel,
};
use rust_bert::resources::LocalResource;
use std::path::{Path, PathBuf};

/// The folder name of the embedding model under `models/` (see models/manifest.json).
pub const MODEL_DIR_NAME: &str = "all-minilm-l6-v2";
pub const MODEL_NAME: &str = "sentence-transformers/all-MiniLM-L6-v2";

/// Sentences of similar length are embedded together: padding costs as much as text. Batches
/// of 4 were fastest on statements (2 cores: 102 ms for the fixture, against 124 ms with 8 and
/// 171 ms with all 20 sentences in one padded batch).
const BATCH_SIZE: usize = 4;

/// The number format the model computes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    F32,
    /// bfloat16: about half the time where the CPU computes it natively (AVX-512 BF16), with
    /// embeddings within 0.9999 cosine of f32; elsewhere it is emulated and slower.
    Bf16,
}

impl Precision {
    pub fn best_for_this_cpu() -> Precision {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx512bf16") {
            return Precision::Bf16;
        }
        Precision::F32
    }

    fn kind(self) -> Option<tch::Kind> {
        match self {
            Precision::F32 => None,
            Precision::Bf16 => Some(tch::Kind::BFloat16),
        }
    }
}

/// The files rust-bert reads; their presence is checked first so a missing file gets a clear
/// message instead of a panic deep inside rust-bert.
const WEIGHTS: &str = "model.safetensors";
const JSON_FILES: [&str; 5] = [
    "modules.json",
    "config.json",
    "1_Pooling/config.json",
    "sentence_bert_config.json",
    "tokenizer_config.json",
];
const VOCAB: &str = "vocab.txt";

/// Every file of the model folder, relative to it (for tools that copy or check a model).
pub const MODEL_FILES: [&str; 7] = [
    JSON_FILES[0],
    JSON_FILES[1],
    JSON_FILES[2],
    JSON_FILES[3],
    JSON_FILES[4],
    VOCAB,
    WEIGHTS,
];

pub struct Embedder {
    model: SentenceEmbeddingsModel,
    precision: Precision,
}

impl Embedder {
    /// Loads the model from `dir` (a folder laid out as scripts/fetch_models.py writes it), in
    /// the fastest precision for this CPU.
    pub fn load(dir: &Path) -> Result<Embedder> {
        Embedder::load_with(dir, Precision::best_for_this_cpu())
    }

    pub fn load_with(dir: &Path, precision: Precision) -> Result<Embedder> {
        let file = |name: &str| -> Result<PathBuf> {
            let path = dir.join(name);
            if path.is_file() {
                Ok(path)
            } else {
                Err(Error::ModelMissing { path })
            }
        };
        let corrupt = |reason: String| Error::ModelCorrupt {
            dir: dir.to_path_buf(),
            reason,
        };
        // rust-bert panics on unparsable configuration files; check them here instead.
        for name in JSON_FILES {
            let path = file(name)?;
            let bytes = std::fs::read(&path).map_err(|e| corrupt(format!("{name}: {e}")))?;
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .map_err(|e| corrupt(format!("{name} is not valid JSON: {e}")))?;
        }
        let local = |name: &str| -> Result<Box<LocalResource>> {
            Ok(Box::new(LocalResource {
                local_path: file(name)?,
            }))
        };
        let config = SentenceEmbeddingsConfig {
            modules_config_resource: local("modules.json")?,
            transformer_type: ModelType::Bert,
            transformer_config_resource: local("config.json")?,
            transformer_weights_resource: local(WEIGHTS)?,
            pooling_config_resource: local("1_Pooling/config.json")?,
            dense_config_resource: None,
            dense_weights_resource: None,
            sentence_bert_config_resource: local("sentence_bert_config.json")?,
            tokenizer_config_resource: local("tokenizer_config.json")?,
            tokenizer_vocab_resource: local(VOCAB)?,
            tokenizer_merges_resource: None,
            device: tch::Device::Cpu,
            kind: precision.kind(),
        };
        // A configuration that parses but does not fit the weights also panics in rust-bert.
        let loaded = catch_quietly(|| SentenceEmbeddingsModel::new(config))
            .map_err(|_| corrupt("the configuration does not match the weights".into()))?;
        let model = loaded.map_err(|e| corrupt(e.to_string()))?;
        Ok(Embedder { model, precision })
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// Unit-length embeddings of `sentences`, in their order. `on_batch(done, total)` is called
    /// after each batch; an error from it (such as [`Error::Cancelled`]) stops the work.
    pub fn embed(
        &self,
        sentences: &[&str],
        on_batch: &mut dyn FnMut(usize, usize) -> Result<()>,
    ) -> Result<Vec<Vec<f32>>> {
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        order.sort_by_key(|&i| sentences[i].len());
        let mut embeddings = vec![Vec::new(); sentences.len()];
        let mut done = 0;
        for batch in order.chunks(BATCH_SIZE) {
            let texts: Vec<&str> = batch.iter().map(|&i| sentences[i]).collect();
            let vectors = self
                .model
                .encode(&texts)
                .map_err(|e| Error::Model(e.to_string()))?;
            for (&i, vector) in batch.iter().zip(vectors) {
                embeddings[i] = vector;
            }
            done += batch.len();
            on_batch(done, sentences.len())?;
        }
        Ok(embeddings)
    }
}

/// Where the models are: `BRIEF_MODELS` if set, else `models/` beside the executable or in
/// `../lib/brief/` of an installed package, else the source tree's `models/` (development).
pub fn default_models_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BRIEF_MODELS") {
        return dir.into();
    }
    let beside_exe = std::env::current_exe().ok().and_then(|exe| {
        let bin = exe.parent()?.to_path_buf();
        [bin.join("models"), bin.join("../lib/brief/models")]
            .into_iter()
            .find(|dir| dir.join(MODEL_DIR_NAME).is_dir())
    });
    beside_exe.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../models"))
}

pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    // The model's vectors are unit length, so the dot product is the cosine.
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
