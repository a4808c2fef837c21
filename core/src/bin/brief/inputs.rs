//! Which files a command line names: files as given, folders as the supported files in them.

use brief_core::document::Format;
use std::path::{Path, PathBuf};

pub struct Input {
    pub path: PathBuf,
    /// Where its outputs go under --out: the path below the folder given, or the file name.
    pub relative: PathBuf,
}

/// Files named are taken as they are (their content decides the format, and a missing one is
/// reported when read); folders give their .txt, .md, .html, .docx and .pdf files, sorted, and
/// with `recursive` those of their subfolders.
pub fn collect(paths: &[PathBuf], recursive: bool) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = inputs.len();
            walk(path, path, recursive, &mut inputs)
                .map_err(|e| format!("{}: cannot be read ({e})", path.display()))?;
            if inputs.len() == before {
                eprintln!(
                    "brief: {}: no .txt, .md, .html, .docx or .pdf files{}",
                    path.display(),
                    if recursive {
                        ""
                    } else {
                        " (add -r for subfolders)"
                    }
                );
            }
        } else {
            let name = path.file_name().map_or_else(|| path.clone(), PathBuf::from);
            inputs.push(Input {
                path: path.clone(),
                relative: name,
            });
        }
    }
    Ok(inputs)
}

fn walk(root: &Path, dir: &Path, recursive: bool, inputs: &mut Vec<Input>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        // Hidden files and folders are editors' and tools' business, not statements.
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            if recursive {
                walk(root, &path, recursive, inputs)?;
            }
        } else if Format::from_extension(&path).is_some() {
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            inputs.push(Input { path, relative });
        }
    }
    Ok(())
}
