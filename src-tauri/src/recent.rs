//! The list of recently opened documents, kept as a small JSON file in the app's data folder.

use crate::views::{file_name, RecentDocument};
use std::path::{Path, PathBuf};

const MAX_RECENT: usize = 15;

pub struct RecentDocuments {
    file: PathBuf,
    entries: Vec<RecentDocument>,
}

impl RecentDocuments {
    /// Loads the list; a missing or unreadable file starts an empty one (it is only a convenience).
    pub fn load(file: PathBuf) -> RecentDocuments {
        let entries = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        RecentDocuments { file, entries }
    }

    pub fn entries(&self) -> &[RecentDocument] {
        &self.entries
    }

    /// Puts `path` first and saves the list.
    pub fn record(&mut self, path: &Path, title: Option<&str>) -> std::io::Result<()> {
        let path_text = path.display().to_string();
        self.entries.retain(|e| e.path != path_text);
        self.entries.insert(
            0,
            RecentDocument {
                file_name: file_name(path),
                path: path_text,
                title: title.map(String::from),
                opened_at: humantime::format_rfc3339_seconds(std::time::SystemTime::now())
                    .to_string(),
            },
        );
        self.entries.truncate(MAX_RECENT);
        self.save()
    }

    /// Writes to a temporary file and renames it, so a crash never leaves half a list.
    fn save(&self) -> std::io::Result<()> {
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let temporary = self.file.with_extension("json.tmp");
        std::fs::write(&temporary, serde_json::to_vec_pretty(&self.entries)?)?;
        std::fs::rename(&temporary, &self.file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_without_repeats_and_kept_across_restarts() {
        let dir = std::env::temp_dir().join(format!("brief-recent-{}", std::process::id()));
        let file = dir.join("recent.json");
        let mut recent = RecentDocuments::load(file.clone());
        assert!(recent.entries().is_empty());
        recent.record(Path::new("/s/a.txt"), Some("A")).unwrap();
        recent.record(Path::new("/s/b.txt"), None).unwrap();
        recent.record(Path::new("/s/a.txt"), Some("A")).unwrap();
        let reloaded = RecentDocuments::load(file);
        let paths: Vec<&str> = reloaded.entries().iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["/s/a.txt", "/s/b.txt"]);
        assert_eq!(reloaded.entries()[1].file_name, "b.txt");
        assert!(reloaded.entries()[0].opened_at.ends_with('Z'));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
