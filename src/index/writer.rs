//! The write side of the library index: tantivy's writer, opened (and its lock taken) on the
//! first change, so that a second process can still open the index and search it, and the
//! commit that records the format and source label with every set of changes.

use std::path::Path;

use tantivy::{Index, IndexWriter, TantivyDocument, TantivyError};

use super::schema::Payload;
use super::{FORMAT, IndexError};

/// Memory for buffering added articles before they are written as a segment: about 2,400
/// articles of 11 KB of Chinese text. tantivy takes it as it goes, so a few added articles
/// hold only what they need.
const WRITER_MEMORY: usize = 64 << 20;

/// Segments holding more articles than this are not merged again. A segment that tantivy
/// wrote because the writer's memory was full is larger, so a first run's articles are
/// written once, not written and then merged (a merge reads and writes every posting
/// again: 7-8% of a first run's CPU at 32 MB and 1,000 articles a commit); what is merged
/// are the small segments a commit cuts short, and those of a few new articles at a time.
const MERGE_LIMIT: usize = 1_000;

/// The writer, once opened, and what the next commit records.
#[derive(Default)]
pub struct Writer {
    inner: Option<IndexWriter<TantivyDocument>>,
    /// The source label to record.
    pub source: Option<String>,
    /// Whether anything changed since the last commit.
    pub changed: bool,
}

impl Writer {
    /// The tantivy writer, opened on first use; [`IndexError::Busy`] when another process
    /// holds the lock.
    pub fn open(&mut self, index: &Index, dir: &Path) -> Result<&mut IndexWriter, IndexError> {
        if self.inner.is_none() {
            let writer = index
                .writer_with_num_threads(1, WRITER_MEMORY)
                .map_err(|e| match e {
                    TantivyError::LockFailure(..) => IndexError::Busy {
                        path: dir.to_owned(),
                    },
                    e => write_error(dir, e),
                })?;
            let mut policy = tantivy::merge_policy::LogMergePolicy::default();
            policy.set_max_docs_before_merge(MERGE_LIMIT);
            writer.set_merge_policy(Box::new(policy));
            self.inner = Some(writer);
        }
        self.inner.as_mut().ok_or_else(|| IndexError::Busy {
            path: dir.to_owned(),
        })
    }

    /// Commits the changes (the writer must be open) with the format and source label.
    pub fn commit(&mut self, dir: &Path) -> Result<(), IndexError> {
        let payload = Payload {
            format: FORMAT,
            source: self.source.clone(),
        };
        let writer = self.open_existing(dir)?;
        let mut prepared = writer.prepare_commit().map_err(|e| write_error(dir, e))?;
        prepared.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
        prepared.commit().map_err(|e| write_error(dir, e))?;
        self.changed = false;
        Ok(())
    }

    /// Waits for tantivy's background merges to end, then lets the writer go (it opens
    /// again on the next change). Uncommitted changes must have been committed.
    pub fn finish_merges(&mut self, dir: &Path) -> Result<(), IndexError> {
        if let Some(writer) = self.inner.take() {
            writer
                .wait_merging_threads()
                .map_err(|e| write_error(dir, e))?;
        }
        Ok(())
    }

    fn open_existing(&mut self, dir: &Path) -> Result<&mut IndexWriter, IndexError> {
        self.inner.as_mut().ok_or_else(|| IndexError::Busy {
            path: dir.to_owned(),
        })
    }
}

/// A failure while writing.
pub fn write_error(dir: &Path, e: TantivyError) -> IndexError {
    IndexError::Write {
        path: dir.to_owned(),
        detail: e.to_string(),
    }
}
