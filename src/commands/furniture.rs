//! The furniture of the folders named on the command line, for `--json`, `--outline` and
//! `--dump` over files: before anything is parsed, a cheap pass reads each folder's files (on
//! every core, without parsing them) and counts their lines, so that each article, parsed and
//! printed one at a time as before, loses the lines its folder repeats.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::article::Article;
use crate::article::furniture::{self, Counts, MIN_ARTICLES};
use crate::library::{LoadOptions, line_keys};

/// The line counts of each folder holding at least [`MIN_ARTICLES`] of `files` (fewer can
/// have no furniture), read on `threads` threads.
pub fn folder_counts(
    files: &[&Path],
    options: &LoadOptions,
    threads: usize,
) -> HashMap<PathBuf, Counts> {
    let mut per_folder: HashMap<&Path, usize> = HashMap::new();
    for f in files {
        *per_folder.entry(folder(f)).or_default() += 1;
    }
    let todo: Vec<&Path> = files
        .iter()
        .copied()
        .filter(|f| per_folder[folder(f)] >= MIN_ARTICLES as usize)
        .collect();
    let counts: Mutex<HashMap<PathBuf, Counts>> = Mutex::new(HashMap::new());
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, todo.len().max(1)) {
            s.spawn(|| {
                while let Some(f) = todo.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let Some(keys) = line_keys(f, options) else {
                        continue;
                    };
                    counts
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .entry(folder(f).to_path_buf())
                        .or_default()
                        .add(&keys);
                }
            });
        }
    });
    counts
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The folder a file is counted under.
fn folder(file: &Path) -> &Path {
    file.parent().unwrap_or(Path::new(""))
}

/// Moves the lines of `article` (read from `file`) that its folder repeats to `dropped`.
pub fn strip(counts: &HashMap<PathBuf, Counts>, file: &Path, article: &mut Article) {
    if let Some(c) = counts.get(folder(file)) {
        furniture::strip(article, |k| c.is_furniture(k));
    }
}
