//! The library-wide search index: answers "which articles contain this, and how often" in
//! milliseconds at tens of thousands of articles, with exactly the matcher's answers
//! ([`crate::search::Index::count_and_first`] over [`crate::layout::blocks`]), and without
//! holding the library's text in memory.
//!
//! It is a [tantivy] index on disk, one document per article keyed by the caller's `u64` id.
//! The text is what the reader shows and searches (the article's blocks), folded exactly as
//! the matcher folds it and cut into overlapping character bigrams, one token per character,
//! in one field (see `tokens`). A query becomes the phrase of its bigrams (a one-character
//! query the grams that start with it), and match counts come from the index itself: from
//! frequencies where occurrences cannot overlap, else from positions, keeping the leftmost
//! non-overlapping matches as the matcher does (`哈哈` occurs once in `哈哈哈`); case-exact
//! queries check case tokens at each match (see `query`). The one place where text is re-read
//! is an article holding a character whose lower case is two characters (`İ`): its block
//! texts are stored and the matcher counts it.
//!
//! Only the rows on screen need the first match and a line of context; [`first_match`] gives
//! them from the article's blocks, with the matcher.
//!
//! Writes are buffered until [`LibraryIndex::commit`]; searches see the last commit. Adding
//! is cheap (the blocks are folded and cut by [`Prepared::of`], on the caller's thread, and
//! tantivy's indexing thread reads the tokens back); a commit writes a new
//! segment, several files, not synced to disk one by one (see `unsynced`: the catalog is the
//! record, and an index a machine crash damaged is built again from it), so a commit costs
//! a few milliseconds; a bulk build commits every thousand or so articles, which bounds the
//! documents waiting in memory.
//! [`LibraryIndex::finish_merges`] ends a bulk build.
//!
//! A damaged or outdated index is reported as such ([`IndexError::needs_rebuild`]), and
//! [`LibraryIndex::rebuild`] moves it aside and starts an empty one. Opening and searching
//! read only what they need, so a garbled byte inside a file may go unseen until
//! [`LibraryIndex::verify`] checks every checksum (in the background, say once after
//! opening); reading one never panics through to the caller.

mod error;
mod first;
mod plan;
mod query;
mod schema;
mod tokens;
mod unsynced;
mod writer;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use tantivy::schema::IndexRecordOption;
use tantivy::store::Compressor;
use tantivy::{DocSet, Index, IndexReader, IndexSettings, ReloadPolicy, TERMINATED, Term};

pub use error::IndexError;
use error::guarded;
pub use first::{FirstMatch, first_match};

use crate::layout::Block;
pub use schema::Prepared;
use schema::{Fields, Payload};
use unsynced::Unsynced;
use writer::{Writer, write_error};

/// The version of the index's schema and tokens. An index written with another format is
/// [`IndexError::Outdated`] and has to be rebuilt.
pub const FORMAT: u32 = 3;

/// An article that matches a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexHit {
    /// The article's id.
    pub id: u64,
    /// How many matches it has, as the matcher counts them.
    pub count: usize,
}

/// What the index holds, for the catalog to reconcile with after a crash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexInfo {
    /// The format it was written in (equal to [`FORMAT`], or opening would have failed).
    pub format: u32,
    /// The label last given to [`LibraryIndex::set_source`], as committed.
    pub source: Option<String>,
    /// How many articles it holds.
    pub articles: usize,
}

/// The search index of a library, in a folder of its own.
///
/// Every method takes `&self`, so one index can be shared between the threads that update
/// it and those that search it.
pub struct LibraryIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Mutex<Writer>,
}

impl fmt::Debug for LibraryIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LibraryIndex")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl LibraryIndex {
    /// Opens the index in `dir`, creating the folder and an empty index when there is none.
    ///
    /// Fails with [`IndexError::Damaged`] when the files cannot be read as an index and
    /// [`IndexError::Outdated`] when another format wrote them: see [`LibraryIndex::rebuild`].
    pub fn open(dir: &Path) -> Result<LibraryIndex, IndexError> {
        guarded(dir, || LibraryIndex::open_unguarded(dir))
    }

    fn open_unguarded(dir: &Path) -> Result<LibraryIndex, IndexError> {
        let folder = |source| IndexError::Folder {
            path: dir.to_owned(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(folder)?;
        let directory = Unsynced::open(dir).map_err(folder)?;
        let damaged = |e: &dyn fmt::Display| IndexError::Damaged {
            path: dir.to_owned(),
            detail: e.to_string(),
        };
        let exists = Index::exists(&directory).map_err(|e| damaged(&e))?;
        let mut writer = Writer::default();
        let index = if exists {
            let index = Index::open(directory).map_err(|e| damaged(&e))?;
            schema::register(&index);
            let meta = index.load_metas().map_err(|e| damaged(&e))?;
            let payload = meta
                .payload
                .as_deref()
                .and_then(|p| serde_json::from_str::<Payload>(p).ok());
            let outdated = |found| IndexError::Outdated {
                path: dir.to_owned(),
                found,
                expected: FORMAT,
            };
            match &payload {
                Some(p) if p.format != FORMAT => return Err(outdated(Some(p.format))),
                None if !meta.segments.is_empty() => return Err(outdated(None)),
                _ => {}
            }
            writer.source = payload.and_then(|p| p.source);
            index
        } else {
            let settings = IndexSettings {
                docstore_compression: Compressor::None,
                ..IndexSettings::default()
            };
            let index = Index::create(directory, schema::schema(), settings)
                .map_err(|e| write_error(dir, e))?;
            schema::register(&index);
            // Record the format at once, so that the folder says what it is.
            writer.changed = true;
            writer.open(&index, dir)?;
            writer.commit(dir)?;
            index
        };
        let fields = Fields::of(&index.schema()).ok_or_else(|| IndexError::Outdated {
            path: dir.to_owned(),
            found: None,
            expected: FORMAT,
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| damaged(&e))?;
        Ok(LibraryIndex {
            dir: dir.to_owned(),
            index,
            reader,
            fields,
            writer: Mutex::new(writer),
        })
    }

    /// Moves a damaged or outdated index in `dir` aside (to `dir` with `.damaged` appended,
    /// replacing an older one there) and opens a new, empty index in its place, for the
    /// caller to fill from the library.
    pub fn rebuild(dir: &Path) -> Result<LibraryIndex, IndexError> {
        let folder = |source| IndexError::Folder {
            path: dir.to_owned(),
            source,
        };
        if dir.exists() {
            let mut aside = dir.as_os_str().to_owned();
            aside.push(".damaged");
            let aside = PathBuf::from(aside);
            if aside.exists() {
                std::fs::remove_dir_all(&aside).map_err(folder)?;
            }
            std::fs::rename(dir, &aside).map_err(folder)?;
        }
        LibraryIndex::open(dir)
    }

    /// The index's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Adds article `id` with the blocks the reader shows for it (see
    /// [`crate::layout::blocks`]), replacing any article with the same id. Seen by searches
    /// after the next [`LibraryIndex::commit`].
    pub fn add(&self, id: u64, blocks: &[Block]) -> Result<(), IndexError> {
        self.add_prepared(id, Prepared::of(blocks))
    }

    /// [`LibraryIndex::add`] with the blocks already made ready ([`Prepared::of`], which
    /// costs about as much as the rest of adding and can run on any thread).
    pub fn add_prepared(&self, id: u64, prepared: Prepared) -> Result<(), IndexError> {
        let doc =
            schema::document(&self.fields, id, prepared).map_err(|_| IndexError::TooLong { id })?;
        let mut w = self.writer()?;
        let writer = w.open(&self.index, &self.dir)?;
        writer.delete_term(Term::from_field_u64(self.fields.id, id));
        writer
            .add_document(doc)
            .map_err(|e| write_error(&self.dir, e))?;
        w.changed = true;
        Ok(())
    }

    /// Removes article `id` (nothing happens when the index does not hold it). Seen by
    /// searches after the next [`LibraryIndex::commit`].
    pub fn remove(&self, id: u64) -> Result<(), IndexError> {
        let mut w = self.writer()?;
        let writer = w.open(&self.index, &self.dir)?;
        writer.delete_term(Term::from_field_u64(self.fields.id, id));
        w.changed = true;
        Ok(())
    }

    /// Records `label` as what the articles were built from (such as the parser's version),
    /// with the next commit; [`LibraryIndex::info`] reads it back.
    pub fn set_source(&self, label: &str) -> Result<(), IndexError> {
        let mut w = self.writer()?;
        if w.source.as_deref() != Some(label) {
            w.source = Some(label.to_owned());
            w.changed = true;
        }
        Ok(())
    }

    /// Writes every change since the last commit to disk, durably, and shows it to searches.
    pub fn commit(&self) -> Result<(), IndexError> {
        let mut w = self.writer()?;
        if !w.changed {
            return Ok(());
        }
        w.open(&self.index, &self.dir)?;
        w.commit(&self.dir)?;
        drop(w);
        self.reader.reload().map_err(|e| IndexError::Damaged {
            path: self.dir.clone(),
            detail: e.to_string(),
        })
    }

    /// Commits, then waits until the background merging of the index's segments is done, so
    /// that searches walk few of them: for the end of a bulk build.
    pub fn finish_merges(&self) -> Result<(), IndexError> {
        self.commit()?;
        self.writer()?.finish_merges(&self.dir)?;
        self.reader.reload().map_err(|e| self.damaged(e))
    }

    /// How many articles the index holds (as of the last commit).
    pub fn len(&self) -> usize {
        usize::try_from(self.reader.searcher().num_docs()).unwrap_or(usize::MAX)
    }

    /// Whether the index holds no article (as of the last commit).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the index holds article `id` (as of the last commit).
    pub fn contains(&self, id: u64) -> Result<bool, IndexError> {
        guarded(&self.dir, || self.contains_unguarded(id))
    }

    fn contains_unguarded(&self, id: u64) -> Result<bool, IndexError> {
        let term = Term::from_field_u64(self.fields.id, id);
        for seg in self.reader.searcher().segment_readers() {
            let postings = seg
                .inverted_index(self.fields.id)
                .and_then(|i| Ok(i.read_postings(&term, IndexRecordOption::Basic)?))
                .map_err(|e| self.damaged(e))?;
            if let Some(mut p) = postings {
                while p.doc() != TERMINATED {
                    if !seg.is_deleted(p.doc()) {
                        return Ok(true);
                    }
                    p.advance();
                }
            }
        }
        Ok(false)
    }

    /// The ids of every article the index holds (as of the last commit), ascending.
    pub fn ids(&self) -> Result<Vec<u64>, IndexError> {
        guarded(&self.dir, || self.ids_unguarded())
    }

    fn ids_unguarded(&self) -> Result<Vec<u64>, IndexError> {
        let mut out = Vec::new();
        for seg in self.reader.searcher().segment_readers() {
            let ids = seg.fast_fields().u64("id").map_err(|e| self.damaged(e))?;
            out.extend(seg.doc_ids_alive().filter_map(|doc| ids.first(doc)));
        }
        out.sort_unstable();
        Ok(out)
    }

    /// Its format, the committed source label and the number of articles.
    pub fn info(&self) -> Result<IndexInfo, IndexError> {
        let meta = self.index.load_metas().map_err(|e| self.damaged(e))?;
        let payload = meta
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str::<Payload>(p).ok());
        Ok(IndexInfo {
            format: payload.as_ref().map_or(FORMAT, |p| p.format),
            source: payload.and_then(|p| p.source),
            articles: self.len(),
        })
    }

    /// Every article that `query` matches, with its match count, in ascending id order:
    /// the articles for which the matcher finds a match, with its count. An empty query
    /// matches nothing.
    pub fn search(&self, query: &str) -> Result<Vec<IndexHit>, IndexError> {
        guarded(&self.dir, || self.search_unguarded(query))
    }

    fn search_unguarded(&self, query: &str) -> Result<Vec<IndexHit>, IndexError> {
        let plan = plan::plan(query);
        let mut found = Vec::new();
        for seg in self.reader.searcher().segment_readers() {
            query::search_segment(seg, &self.fields, &plan, query, &mut found).map_err(
                |detail| IndexError::Damaged {
                    path: self.dir.clone(),
                    detail,
                },
            )?;
        }
        found.sort_unstable();
        Ok(found
            .into_iter()
            .map(|(id, count)| IndexHit { id, count })
            .collect())
    }

    /// Reads every file of the index and checks its checksum: finds damage that opening
    /// and searching cannot see (a garbled byte in the middle of a file can give wrong
    /// counts). Reads the whole index, so run it in the background, say once after opening.
    pub fn verify(&self) -> Result<(), IndexError> {
        let bad = guarded(&self.dir, || {
            self.index.validate_checksum().map_err(|e| self.damaged(e))
        })?;
        let mut names: Vec<String> = bad.iter().map(|p| p.display().to_string()).collect();
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        Err(self.damaged(format!("checksum mismatch in {}", names.join(", "))))
    }

    fn writer(&self) -> Result<MutexGuard<'_, Writer>, IndexError> {
        // A panic while holding the lock leaves at worst uncommitted changes behind, which
        // tantivy discards; the state itself stays usable.
        Ok(self.writer.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn damaged(&self, e: impl fmt::Display) -> IndexError {
        IndexError::Damaged {
            path: self.dir.clone(),
            detail: e.to_string(),
        }
    }
}
