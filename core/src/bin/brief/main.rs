//! `brief`: key points of statements on the command line, one file at a time or a whole
//! folder into another.

mod batch;
mod inputs;
mod output;

use brief_core::embed::default_models_dir;
use brief_core::summary::{DEFAULT_POINTS, MAX_POINTS};
use brief_core::{Document, Summarizer};
use clap::{Parser, Subcommand};
use output::Format;
use std::path::PathBuf;
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
        /// How many key points per file.
        #[arg(long, short = 'n', default_value_t = DEFAULT_POINTS as u8,
              value_parser = clap::value_parser!(u8).range(1..=MAX_POINTS as i64))]
        points: u8,
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

fn main() -> ExitCode {
    // A damaged PDF or model is reported in one clear line, not also as a crash.
    brief_core::document::panics::silence_caught_panics();
    let Command::Summarize {
        paths,
        points,
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
    let points = usize::from(points);
    match out {
        Some(out) => {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            let jobs = jobs.map_or(cores, usize::from);
            batch::run(&inputs, &out, points, jobs, &models)
        }
        None => print_all(&inputs, points, format, &models),
    }
}

/// Prints each file's key points to stdout; failures go to stderr, one line per file.
fn print_all(
    inputs: &[inputs::Input],
    points: usize,
    format: Format,
    models: &std::path::Path,
) -> ExitCode {
    let mut summarizer: Option<Summarizer> = None;
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
        // The model is loaded once, and only when there is something to summarise.
        if summarizer.is_none() {
            match Summarizer::load(models) {
                Ok(loaded) => summarizer = Some(loaded),
                Err(err) => {
                    eprintln!("brief: {err}");
                    return ExitCode::from(2);
                }
            }
        }
        let summarizer = summarizer.as_ref().expect("loaded above");
        match summarizer.summarize(&doc, points, &mut |_, _, _| Ok(())) {
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
