//! The furniture of the folders named on the command line, for `--json`, `--outline` and
//! `--dump` over files: before anything is parsed, a cheap pass reads each folder's files (on
//! every core, without parsing them) and counts their lines, so that each article, parsed and
//! printed one at a time as before, loses the lines its folder repeats. Only the keys that
//! are furniture are kept from the counts, and a folder with none costs its articles nothing.
//! The texts the pass decodes are kept (within a budget) for the parse that follows.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::article::Article;
use crate::article::furniture::{self, Counts, MIN_ARTICLES};
use crate::library::decoded::DecodedTexts;
use crate::library::{LoadOptions, line_keys};

/// The keys of the lines each folder's articles repeat (its furniture), for the folders of
/// `files` that have any.
pub type Furniture = HashMap<PathBuf, HashSet<u64>>;

/// The furniture of each folder holding at least [`MIN_ARTICLES`] of `files` (fewer can have
/// none), counted on `threads` threads. The text of each file marked `true` (to be parsed)
/// is kept in `decoded` when there is room.
pub fn folder_furniture(
    files: &[(&Path, bool)],
    options: &LoadOptions,
    decoded: &DecodedTexts,
    threads: usize,
) -> Furniture {
    folder_counts(files, options, decoded, threads)
        .into_iter()
        .filter_map(|(folder, c)| {
            let keys: HashSet<u64> = c
                .lines
                .iter()
                .filter(|&(_, &n)| furniture::is_furniture(n, c.articles))
                .map(|(&k, _)| k)
                .collect();
            (!keys.is_empty()).then_some((folder, keys))
        })
        .collect()
}

/// The line counts of each folder holding at least [`MIN_ARTICLES`] of `files`, read on
/// `threads` threads.
fn folder_counts(
    files: &[(&Path, bool)],
    options: &LoadOptions,
    decoded: &DecodedTexts,
    threads: usize,
) -> HashMap<PathBuf, Counts> {
    let mut per_folder: HashMap<&Path, usize> = HashMap::new();
    for (f, _) in files {
        *per_folder.entry(folder(f)).or_default() += 1;
    }
    let todo: Vec<(&Path, bool)> = files
        .iter()
        .copied()
        .filter(|(f, _)| per_folder[folder(f)] >= MIN_ARTICLES as usize)
        .collect();
    let counts: Mutex<HashMap<PathBuf, Counts>> = Mutex::new(HashMap::new());
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, todo.len().max(1)) {
            s.spawn(|| {
                while let Some(&(f, parsed)) = todo.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let Some(keys) = line_keys(f, options, parsed.then_some(decoded)) else {
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
pub fn folder(file: &Path) -> &Path {
    file.parent().unwrap_or(Path::new(""))
}

/// Moves the lines of `article` (read from `file`) that its folder repeats to `dropped`.
pub fn strip(found: &Furniture, file: &Path, article: &mut Article) {
    if let Some(keys) = found.get(folder(file)) {
        furniture::strip(article, |k| keys.contains(&k));
    }
}
