//! `brief`: key points of statements on the command line.

use anyhow::Context;
use brief_core::embed::default_models_dir;
use brief_core::summary::{DEFAULT_POINTS, MAX_POINTS};
use brief_core::{Document, Summarizer, Summary};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
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
    /// Print the key points of each FILE.
    Summarize {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How many key points per file.
        #[arg(long, short = 'n', default_value_t = DEFAULT_POINTS as u8,
              value_parser = clap::value_parser!(u8).range(1..=MAX_POINTS as i64))]
        points: u8,
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Folder holding the models (default: BRIEF_MODELS, or the installed models).
        #[arg(long)]
        models: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One key point per line.
    Text,
    /// A title line, the date if known, then a bullet list.
    Markdown,
    /// One JSON object per file and line, with evidence spans and timings.
    Json,
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    file: &'a Path,
    title: Option<&'a str>,
    date: Option<&'a str>,
    encoding: &'a str,
    words: usize,
    sentences: usize,
    #[serde(flatten)]
    summary: &'a Summary,
}

fn main() -> ExitCode {
    let Command::Summarize {
        files,
        points,
        format,
        models,
    } = Cli::parse().command;
    let models = models.unwrap_or_else(default_models_dir);
    let mut summarizer: Option<Summarizer> = None;
    let mut failed = 0;
    let mut printed = 0;
    for file in &files {
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
            match Summarizer::load(&models) {
                Ok(loaded) => summarizer = Some(loaded),
                Err(err) => {
                    eprintln!("brief: {err}");
                    return ExitCode::from(2);
                }
            }
        }
        let summarizer = summarizer.as_ref().expect("loaded above");
        match summarizer.summarize(&doc, usize::from(points), &mut |_, _, _| Ok(())) {
            Ok(summary) => {
                if let Err(err) = print(format, file, &doc, &summary, printed, files.len()) {
                    eprintln!("brief: {err:#}");
                    return ExitCode::from(2);
                }
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

fn print(
    format: Format,
    file: &Path,
    doc: &Document,
    summary: &Summary,
    already_printed: usize,
    files: usize,
) -> anyhow::Result<()> {
    let points = summary.key_points.iter().map(|p| p.text.as_str());
    match format {
        Format::Text => {
            if files > 1 {
                if already_printed > 0 {
                    println!();
                }
                println!("{}", file.display());
            }
            points.for_each(|p| println!("{p}"));
        }
        Format::Markdown => {
            if already_printed > 0 {
                println!();
            }
            println!("# {}", title(doc, file));
            if let Some(date) = &doc.date {
                println!("_{date}_");
            }
            println!();
            points.for_each(|p| println!("- {p}"));
        }
        Format::Json => {
            let output = JsonOutput {
                file,
                title: doc.title.as_deref(),
                date: doc.date.as_deref(),
                encoding: doc.encoding,
                words: doc.words(),
                sentences: doc.sentences.len(),
                summary,
            };
            println!(
                "{}",
                serde_json::to_string(&output).context("writing JSON")?
            );
        }
    }
    Ok(())
}

/// The statement's heading, or else its file name without extension.
fn title(doc: &Document, file: &Path) -> String {
    doc.title.clone().unwrap_or_else(|| {
        file.file_stem().map_or_else(
            || file.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    })
}
