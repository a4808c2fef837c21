//! `brief summarize DIR --out DIR2`: each file's key points into NAME.md and NAME.json, files
//! summarised in parallel, files whose stored summary is current skipped, and a final report.

use crate::inputs::Input;
use crate::output;
use crate::Pipeline;
use brief_core::document::read_file;
use brief_core::history::{self, content_hash, summary_key, History};
use brief_core::{Document, PointCount, PointKind, Summary};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

/// A file summarised by a worker, for the main thread to write out and remember.
struct Done {
    doc: Document,
    summary: Summary,
    hash: String,
}

/// What a worker tells the main thread.
enum Message<'a> {
    /// A file summarised, or why it could not be; the others go on.
    File(&'a Input, Result<Box<Done>, String>),
    /// The model could not be loaded: nothing can be summarised.
    ModelFailed(String),
}

#[derive(Default)]
struct Report {
    summarised: usize,
    unchanged: usize,
    failed: Vec<String>,
}

pub fn run(
    inputs: &[Input],
    out: &Path,
    points: PointCount,
    kind: PointKind,
    jobs: usize,
    models: &Path,
) -> ExitCode {
    if let Err(err) = std::fs::create_dir_all(out) {
        eprintln!("brief: {}: cannot be created ({err})", out.display());
        return ExitCode::FAILURE;
    }
    let mut history = open_history();
    let bar = ProgressBar::new(inputs.len() as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
            .expect("valid template"),
    );
    let mut report = Report::default();
    let mut todo = Vec::new();
    for input in inputs {
        if is_unchanged(history.as_ref(), input, out, kind, points) {
            report.unchanged += 1;
            bar.inc(1);
        } else {
            todo.push(input);
        }
    }

    // No worker (and no model loaded) when every file is unchanged.
    let workers = jobs.max(1).min(todo.len());
    // Each worker runs its own model; together they use the cores once, not once each.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    tch::set_num_threads((cores / workers.max(1)).max(1) as i32);
    let queue = Mutex::new(todo.into_iter());
    let stop = AtomicBool::new(false);
    let mut model_error = None;
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel();
        for _ in 0..workers {
            let (send, queue, stop) = (send.clone(), &queue, &stop);
            scope.spawn(move || {
                let pipeline = match Pipeline::load(models, kind) {
                    Ok(pipeline) => pipeline,
                    Err(err) => {
                        let _ = send.send(Message::ModelFailed(err.to_string()));
                        return;
                    }
                };
                while !stop.load(Ordering::Relaxed) {
                    let Some(input) = queue.lock().ok().and_then(|mut q| q.next()) else {
                        break;
                    };
                    let outcome = summarise(&pipeline, &input.path, points);
                    if send.send(Message::File(input, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for message in receive {
            match message {
                Message::File(input, Ok(done)) => {
                    bar.set_message(input.relative.display().to_string());
                    match save(input, out, &done, points, kind, history.as_mut()) {
                        Ok(()) => report.summarised += 1,
                        Err(message) => report.failed.push(message),
                    }
                    bar.inc(1);
                }
                Message::File(_, Err(message)) => {
                    report.failed.push(message);
                    bar.inc(1);
                }
                Message::ModelFailed(message) => {
                    model_error.get_or_insert(message);
                    stop.store(true, Ordering::Relaxed);
                }
            }
        }
    });
    bar.finish_and_clear();

    if let Some(message) = model_error {
        eprintln!("brief: {message}");
        return ExitCode::from(2);
    }
    println!(
        "Summarised {} of {} files into {}{}.",
        report.summarised,
        inputs.len(),
        out.display(),
        match report.unchanged {
            0 => String::new(),
            1 => " (1 unchanged since its last summary, skipped)".to_string(),
            n => format!(" ({n} unchanged since their last summary, skipped)"),
        }
    );
    if report.failed.is_empty() {
        return ExitCode::SUCCESS;
    }
    println!("{} failed:", report.failed.len());
    for message in &report.failed {
        println!("  {message}");
    }
    ExitCode::FAILURE
}

/// The history is what lets unchanged files be skipped; without it every file is summarised.
fn open_history() -> Option<History> {
    history::open(&history::default_path())
        .map_err(|err| eprintln!("brief: {err}; every file will be summarised"))
        .ok()
}

/// Same content as when last summarised with these settings, and both outputs still there.
fn is_unchanged(
    history: Option<&History>,
    input: &Input,
    out: &Path,
    kind: PointKind,
    points: PointCount,
) -> bool {
    let (Some(history), Ok(bytes)) = (history, read_file(&input.path)) else {
        return false;
    };
    let [markdown, json] = outputs(out, input);
    let stored = history.find_summary::<Summary>(
        &absolute(&input.path),
        &content_hash(&bytes),
        &summary_key(kind, points),
    );
    matches!(stored, Ok(Some(_))) && markdown.is_file() && json.is_file()
}

fn summarise(pipeline: &Pipeline, path: &Path, points: PointCount) -> Result<Box<Done>, String> {
    let bytes = read_file(path).map_err(|err| err.to_string())?;
    let doc = Document::parse(&bytes, Some(path)).map_err(|err| err.in_file(path).to_string())?;
    let summary = pipeline
        .summarize(&doc, points)
        .map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(Box::new(Done {
        doc,
        summary,
        hash: content_hash(&bytes),
    }))
}

/// Writes both outputs, then remembers the summary. A history that fails to record costs only
/// the skipping next time, so it is reported but not a failure of the file.
fn save(
    input: &Input,
    out: &Path,
    done: &Done,
    points: PointCount,
    kind: PointKind,
    history: Option<&mut History>,
) -> Result<(), String> {
    let [markdown, json] = outputs(out, input);
    let write_error = |path: &Path, err: std::io::Error| {
        format!(
            "{}: could not write {} ({err})",
            input.path.display(),
            path.display()
        )
    };
    write_atomically(
        &markdown,
        &output::markdown(&input.path, &done.doc, &done.summary),
    )
    .map_err(|e| write_error(&markdown, e))?;
    let line = output::json(&input.path, &done.doc, &done.summary) + "\n";
    write_atomically(&json, &line).map_err(|e| write_error(&json, e))?;
    if let Some(history) = history {
        let path = absolute(&input.path);
        let remembered = history
            .record_open(&history::new_document(&path, &done.hash, &done.doc))
            .and_then(|id| {
                history.store_summary(id, &done.hash, &summary_key(kind, points), &done.summary)
            });
        if let Err(err) = remembered {
            eprintln!("brief: {err}");
        }
    }
    Ok(())
}

/// NAME.md and NAME.json next to each other, NAME keeping the input's extension so that
/// `a.txt` and `a.pdf` don't overwrite each other.
fn outputs(out: &Path, input: &Input) -> [PathBuf; 2] {
    let base = out.join(&input.relative).into_os_string();
    ["md", "json"].map(|extension| {
        let mut name = base.clone();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    })
}

/// A hidden temporary file renamed into place: a killed run never leaves half an output.
fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&temporary, contents)?;
    std::fs::rename(&temporary, path)
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
