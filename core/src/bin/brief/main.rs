//! `brief`: key points of statements on the command line, one file at a time or a whole
//! folder into another.

mod batch;
mod inputs;
mod output;

use brief_core::embed::default_models_dir;
use brief_core::summary::DEFAULT_POINTS;
use brief_core::written::PointWriter;
use brief_core::{Document, PointCount, PointKind, Summarizer, Summary};
use clap::{Parser, Subcommand, ValueEnum};
use output::Format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "brief",
    version,
    about = "Key points of statements, from a model on this computer"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the key points of each FILE, or write them for a whole folder with --out.
    Summarize {
        /// Files (.txt, .md, .html, .docx, .pdf) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How many key points per file (1–12), or "auto": 5 for a release, more as the
        /// document grows, up to 12 for a long speech.
        #[arg(long, short = 'n', default_value_t = PointCount::Fixed(DEFAULT_POINTS))]
        points: PointCount,
        /// Key sentences of the original (fast), or short key points written from them by the
        /// writing model, each checked against the original (about 15 s per statement).
        #[arg(long, value_enum, default_value_t = Mode::Sentences)]
        mode: Mode,
        /// Output format when printing (with --out both Markdown and JSON are written).
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Folder holding the models (default: BRIEF_MODELS, or the installed models).
        #[arg(long)]
        models: Option<PathBuf>,
        /// Write NAME.md and NAME.json per file into this folder instead of printing; files
        /// unchanged since their last summary (per Brief's history) are skipped.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Also read the folders inside the folders given.
        #[arg(long, short)]
        recursive: bool,
        /// Files summarised at once with --out (default: the number of cores).
        #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Mode {
    Sentences,
    Written,
}

impl From<Mode> for PointKind {
    fn from(mode: Mode) -> PointKind {
        match mode {
            Mode::Sentences => PointKind::Sentence,
            Mode::Written => PointKind::Written,
        }
    }
}

/// The models one summary needs: the embedder always, the writing model for written points.
pub struct Pipeline {
    summarizer: Summarizer,
    writer: Option<PointWriter>,
}

impl Pipeline {
    pub fn load(models: &Path, kind: PointKind) -> brief_core::Result<Pipeline> {
        let summarizer = Summarizer::load(models)?;
        let writer = match kind {
            PointKind::Sentence => None,
            PointKind::Written => Some(PointWriter::load(models)?),
        };
        Ok(Pipeline { summarizer, writer })
    }

    /// The key sentences, rewritten by the writing model when it is loaded.
    pub fn summarize(&self, doc: &Document, points: PointCount) -> brief_core::Result<Summary> {
        let summary = self
            .summarizer
            .summarize(doc, points, &mut |_, _, _| Ok(()))?;
        match &self.writer {
            None => Ok(summary),
            Some(writer) => writer.write(
                &|texts| self.summarizer.embedder().embed(texts, &mut |_, _| Ok(())),
                doc,
                &summary,
                &|| false,
                &mut |_| {},
            ),
        }
    }
}

fn main() -> ExitCode {
    // A damaged PDF or model is reported in one clear line, not also as a crash.
    brief_core::document::panics::silence_caught_panics();
    let Command::Summarize {
        paths,
        points,
        mode,
        format,
        models,
        out,
        recursive,
        jobs,
    } = Cli::parse().command;
    let inputs = match inputs::collect(&paths, recursive) {
        Ok(inputs) => inputs,
        Err(message) => {
            eprintln!("brief: {message}");
            return ExitCode::FAILURE;
        }
    };
    let models = models.unwrap_or_else(default_models_dir);
    let kind = PointKind::from(mode);
    match out {
        Some(out) => {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            // The writing model uses every core by itself (and 1.9 GB per copy).
            let jobs = match kind {
                PointKind::Written => 1,
                PointKind::Sentence => jobs.map_or(cores, usize::from),
            };
            batch::run(&inputs, &out, points, kind, jobs, &models)
        }
        None => print_all(&inputs, points, kind, format, &models),
    }
}

/// Prints each file's key points to stdout; failures go to stderr, one line per file.
fn print_all(
    inputs: &[inputs::Input],
    points: PointCount,
    kind: PointKind,
    format: Format,
    models: &Path,
) -> ExitCode {
    let mut pipeline: Option<Pipeline> = None;
    let mut failed = 0;
    let mut printed = 0;
    for input in inputs {
        let file = &input.path;
        let doc = match Document::open(file) {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("brief: {err}");
                failed += 1;
                continue;
            }
        };
        // The models are loaded once, and only when there is something to summarise.
        if pipeline.is_none() {
            match Pipeline::load(models, kind) {
                Ok(loaded) => pipeline = Some(loaded),
                Err(err) => {
                    eprintln!("brief: {err}");
                    return ExitCode::from(2);
                }
            }
        }
        let pipeline = pipeline.as_ref().expect("loaded above");
        match pipeline.summarize(&doc, points) {
            Ok(summary) => {
                let separate = printed > 0;
                print!(
                    "{}",
                    output::render(format, file, &doc, &summary, separate, inputs.len() > 1)
                );
                printed += 1;
            }
            Err(err) => {
                eprintln!("brief: {}: {err}", file.display());
                failed += 1;
            }
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
