//! A summary: key points, each tied to the sentences of the original that support it.

use crate::document::{Document, Span};
use crate::embed::{Embedder, Precision, MODEL_DIR_NAME, MODEL_NAME};
use crate::error::Result;
use crate::extract::{auto_points, candidates, key_sentences, RankingConfig};
use crate::guard::Issue;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, Instant};

pub const DEFAULT_POINTS: usize = 5;
pub const MAX_POINTS: usize = 12;

/// How many key points to choose: a fixed number, or one that grows with the document's
/// length ([`auto_points`]). Sent as a number or `"auto"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointCount {
    Fixed(usize),
    Auto,
}

impl PointCount {
    /// The number of points for `doc` (1..=MAX_POINTS), and whether it was chosen by length.
    pub fn resolve(self, doc: &Document) -> (usize, bool) {
        match self {
            PointCount::Fixed(n) => (n.clamp(1, MAX_POINTS), false),
            PointCount::Auto => (auto_points(doc.words()), true),
        }
    }
}

impl From<usize> for PointCount {
    fn from(n: usize) -> PointCount {
        PointCount::Fixed(n)
    }
}

impl std::fmt::Display for PointCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PointCount::Fixed(n) => write!(f, "{n}"),
            PointCount::Auto => f.write_str("auto"),
        }
    }
}

impl std::str::FromStr for PointCount {
    type Err = String;

    /// `auto`, or a number from 1 to MAX_POINTS.
    fn from_str(text: &str) -> std::result::Result<PointCount, String> {
        if text.eq_ignore_ascii_case("auto") {
            return Ok(PointCount::Auto);
        }
        match text.parse::<usize>() {
            Ok(n) if (1..=MAX_POINTS).contains(&n) => Ok(PointCount::Fixed(n)),
            _ => Err(format!(
                "expected 'auto' or a number from 1 to {MAX_POINTS}"
            )),
        }
    }
}

impl Serialize for PointCount {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match self {
            PointCount::Fixed(n) => serializer.serialize_u64(*n as u64),
            PointCount::Auto => serializer.serialize_str("auto"),
        }
    }
}

impl<'de> Deserialize<'de> for PointCount {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<PointCount, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Number(usize),
            Word(String),
        }
        match Repr::deserialize(deserializer)? {
            Repr::Number(n) => Ok(PointCount::Fixed(n)),
            Repr::Word(word) => word.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// A source sentence backing a key point: its index and its byte span in the document text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Evidence {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

/// How a key point was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    /// A sentence of the original, verbatim.
    #[default]
    Sentence,
    /// Written by the writing model from the original; checked by the guard.
    Written,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct KeyPoint {
    pub text: String,
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub kind: PointKind,
    /// What the faithfulness guard could not find in the original; empty when it passed
    /// (always empty for a sentence of the original).
    #[serde(default)]
    pub issues: Vec<Issue>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Timings {
    pub embed_ms: f64,
    pub rank_ms: f64,
    /// The writing model's time, for written key points.
    #[serde(default)]
    pub write_ms: f64,
    /// Written key points: from the start of writing to the first point shown.
    #[serde(default)]
    pub first_point_ms: f64,
    /// Key sentences: the whole summary. Written points: from the start of writing to the last
    /// point (second tries included).
    pub total_ms: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Summary {
    pub key_points: Vec<KeyPoint>,
    /// Key sentences, or written key points (which may include a key sentence the writing
    /// model left out, marked as such).
    #[serde(default)]
    pub kind: PointKind,
    /// Whether the number of points was chosen from the document's length.
    #[serde(default)]
    pub auto_count: bool,
    pub model: String,
    pub timings_ms: Timings,
}

/// What the summariser is doing, for progress displays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Embedding,
    Ranking,
}

/// Called as work advances; returning an error (such as `Error::Cancelled`) stops the work.
pub type Observer<'a> = &'a mut dyn FnMut(Stage, usize, usize) -> Result<()>;

/// The loaded model and ranking settings; load once, summarise many documents.
pub struct Summarizer {
    embedder: Embedder,
    ranking: RankingConfig,
}

impl Summarizer {
    /// Loads the models from a `models/` folder, in the fastest precision for this CPU.
    pub fn load(models_dir: &Path) -> Result<Summarizer> {
        Summarizer::load_with(models_dir, Precision::best_for_this_cpu())
    }

    pub fn load_with(models_dir: &Path, precision: Precision) -> Result<Summarizer> {
        Ok(Summarizer {
            embedder: Embedder::load_with(&models_dir.join(MODEL_DIR_NAME), precision)?,
            ranking: RankingConfig::default(),
        })
    }

    /// Replaces the ranking settings (for experiments such as the quality comparison).
    pub fn set_ranking(&mut self, ranking: RankingConfig) {
        self.ranking = ranking;
    }

    pub fn embedder(&self) -> &Embedder {
        &self.embedder
    }

    /// The key sentences of `doc` (`points` of them, clamped to 1..=MAX_POINTS, or as many as
    /// its length calls for), in document order.
    pub fn summarize(
        &self,
        doc: &Document,
        points: impl Into<PointCount>,
        observe: Observer,
    ) -> Result<Summary> {
        let started = Instant::now();
        let (points, auto_count) = points.into().resolve(doc);
        let candidates = candidates(doc, &self.ranking);
        let texts: Vec<&str> = candidates.iter().map(|&i| doc.sentence(i)).collect();
        let embeddings = self.embedder.embed(&texts, &mut |done, total| {
            observe(Stage::Embedding, done, total)
        })?;
        let embed_ms = ms_since(started);
        observe(Stage::Ranking, 0, 1)?;
        let ranked = Instant::now();
        let chosen = key_sentences(doc, &candidates, &embeddings, points, &self.ranking);
        let key_points = chosen
            .into_iter()
            .map(|i| {
                let Span { start, end } = doc.sentences[i].span;
                KeyPoint {
                    text: doc.point_text(i).into_owned(),
                    evidence: vec![Evidence {
                        sentence: i,
                        start,
                        end,
                    }],
                    kind: PointKind::Sentence,
                    issues: Vec::new(),
                }
            })
            .collect();
        let rank_ms = ms_since(ranked);
        Ok(Summary {
            key_points,
            kind: PointKind::Sentence,
            auto_count,
            model: MODEL_NAME.to_string(),
            timings_ms: Timings {
                embed_ms,
                rank_ms,
                write_ms: 0.0,
                first_point_ms: 0.0,
                total_ms: ms_since(started),
            },
        })
    }
}

pub(crate) fn ms_since(start: Instant) -> f64 {
    ms(start.elapsed())
}

/// Milliseconds to one decimal, as timings are reported.
pub(crate) fn ms(duration: Duration) -> f64 {
    (duration.as_secs_f64() * 1e4).round() / 10.0
}
