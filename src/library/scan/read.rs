//! The first stage of a scan, on worker threads: each changed file is read, parsed and made
//! ready to store (its key, its compressed stored form, its tokens for the search index),
//! then handed on through a bounded queue. A worker waits while the queue is full, so when
//! the store or the index falls behind, reading waits for them and memory holds a few hundred
//! articles whatever the library's size.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::SyncSender;

use crate::article::Article;
use crate::catalog::{Packed, text_key};
use crate::index::Prepared;
use crate::layout::blocks;
use crate::library::{LoadError, LoadOptions, Problem, load_file_with};

/// An article read and made ready to store.
pub(super) struct Ready {
    pub(super) article: Article,
    /// The key its positions are kept under.
    pub(super) key: String,
    /// Its stored form.
    pub(super) packed: Packed,
    /// What the search index takes, folded and cut here (`None` when there is no index).
    pub(super) indexed: Option<Prepared>,
}

/// One file read: its number in the scan's list, its size and time, and what it gave.
pub(super) struct Read {
    pub(super) file: usize,
    pub(super) stamp: (u64, i64),
    pub(super) result: Result<Ready, LoadError>,
}

/// Reads, parses and packs one file; `index` says whether blocks are wanted.
pub(super) fn prepare(path: &Path, options: &LoadOptions, index: bool) -> Result<Ready, LoadError> {
    let article = load_file_with(path, options)?;
    let key = text_key(&article);
    let packed =
        Packed::of(&article).map_err(|e| LoadError::new(path, Problem::Internal(e.to_string())))?;
    let indexed = index.then(|| Prepared::of(&blocks(&article)));
    Ok(Ready {
        article,
        key,
        packed,
        indexed,
    })
}

/// What the workers share: the files to read (numbers into `files`, with their stamps), the
/// next one to take, and how to read them.
pub(super) struct Work<'a> {
    pub(super) todo: &'a [(usize, (u64, i64))],
    pub(super) files: &'a [PathBuf],
    pub(super) next: AtomicUsize,
    pub(super) options: &'a LoadOptions,
    pub(super) index: bool,
    pub(super) cancel: &'a AtomicBool,
}

impl Work<'_> {
    /// One worker: takes the next file until none is left, the scan is cancelled or the
    /// store has gone.
    pub(super) fn run(&self, queue: &SyncSender<Read>) {
        while !self.cancel.load(Ordering::Relaxed) {
            let k = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(&(file, stamp)) = self.todo.get(k) else {
                break;
            };
            let result = prepare(&self.files[file], self.options, self.index);
            if queue
                .send(Read {
                    file,
                    stamp,
                    result,
                })
                .is_err()
            {
                break;
            }
        }
    }
}
