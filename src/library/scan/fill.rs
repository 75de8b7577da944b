//! The search index kept up to date by the scan: articles added and removed as they are
//! parsed or go away, on a thread of its own, committed in batches (a commit syncs several
//! files), and, after the scan, the index made to hold exactly what the catalog holds.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::{Scope, ScopedJoinHandle};
use std::time::{Duration, Instant};

use crate::article::PARSER_VERSION;
use crate::catalog::Catalog;
use crate::index::{IndexError, LibraryIndex, Prepared};
use crate::layout::blocks;
use crate::model::ArticleId;

/// The label the search index records for what it was built from: the parser's version.
pub fn index_source() -> String {
    format!("parser {PARSER_VERSION}")
}

/// An index change is made visible to searches once this many articles changed... (a commit
/// writes a segment: more than the writer's memory holds, so that the memory decides how
/// large a first run's segments are, see `index::writer`)
const INDEX_BATCH: usize = 20_000;

/// ... or this long after the last commit (a commit syncs several files: tens of
/// milliseconds or more on a slow disk).
const INDEX_COMMIT_EVERY: Duration = Duration::from_secs(2);

/// Changes waiting for the index's own thread, at most: the store waits beyond this.
const INDEX_QUEUE: usize = 256;

/// One change for the index's thread.
enum Change {
    Add(u64, Prepared),
    Remove(u64),
    /// Commit when enough has changed or enough time went by (`true`: now).
    Commit(bool),
}

/// The search index as the scan keeps it: changes are handed to a thread of their own,
/// which adds them and commits. A commit waits until tantivy has indexed everything before
/// it and written its segment; on that thread, the store and the parse workers go on
/// meanwhile (up to [`INDEX_QUEUE`] changes ahead) instead of leaving a core idle.
pub(super) struct IndexFeed<'scope> {
    to_index: Option<SyncSender<Change>>,
    thread: Option<ScopedJoinHandle<'scope, Option<IndexError>>>,
}

impl<'scope> IndexFeed<'scope> {
    /// Starts the index's thread in `scope` (no thread and no index: changes are dropped).
    pub(super) fn start<'env>(
        scope: &'scope Scope<'scope, 'env>,
        index: Option<&'env LibraryIndex>,
    ) -> IndexFeed<'scope> {
        let Some(index) = index else {
            return IndexFeed {
                to_index: None,
                thread: None,
            };
        };
        let (to_index, changes) = mpsc::sync_channel(INDEX_QUEUE);
        IndexFeed {
            to_index: Some(to_index),
            thread: Some(scope.spawn(move || apply(index, &changes))),
        }
    }

    /// Whether there is an index to keep.
    pub(super) fn indexes(&self) -> bool {
        self.to_index.is_some()
    }

    pub(super) fn add(&mut self, id: ArticleId, prepared: Prepared) {
        self.send(Change::Add(id.0.unsigned_abs(), prepared));
    }

    pub(super) fn remove(&mut self, id: ArticleId) {
        self.send(Change::Remove(id.0.unsigned_abs()));
    }

    /// Commits when enough has changed or enough time went by (`force`: now).
    pub(super) fn commit(&mut self, force: bool) {
        self.send(Change::Commit(force));
    }

    fn send(&mut self, change: Change) {
        // The thread only ends when the channel closes.
        if let Some(to_index) = &self.to_index {
            let _ = to_index.send(change);
        }
    }

    /// Commits what is left, waits for the index's thread to end, and says what failed
    /// first, if anything did.
    pub(super) fn finish(mut self) -> Option<IndexError> {
        self.to_index = None;
        self.thread.take()?.join().ok().flatten()
    }
}

/// The index's thread: applies `changes` in order, commits as [`Change::Commit`] asks and at
/// the end, and gives the first failure.
fn apply(index: &LibraryIndex, changes: &Receiver<Change>) -> Option<IndexError> {
    let mut failed = None;
    let mut pending = 0;
    let mut since = Instant::now();
    // The channel closes when the scan ends: then everything is committed.
    for change in changes.iter().chain([Change::Commit(true)]) {
        let result = match change {
            Change::Add(id, prepared) => {
                pending += 1;
                index.add_prepared(id, prepared)
            }
            Change::Remove(id) => {
                pending += 1;
                index.remove(id)
            }
            Change::Commit(force) => {
                if pending == 0
                    || !(force || pending >= INDEX_BATCH || since.elapsed() >= INDEX_COMMIT_EVERY)
                {
                    continue;
                }
                pending = 0;
                since = Instant::now();
                index.commit()
            }
        };
        if let Err(e) = result {
            failed.get_or_insert(e);
        }
    }
    failed
}

/// Makes the search index hold exactly the articles the catalog holds (after a crash, a
/// damaged index rebuilt, or the first run with an index): adds the missing ones from the
/// catalog, removes the ones it no longer has. Returns how many it added.
pub fn reconcile_index(
    catalog: &Catalog,
    index: &LibraryIndex,
    cancel: &AtomicBool,
) -> Result<usize, IndexError> {
    let in_catalog: Vec<ArticleId> = catalog.parsed_ids().map_err(|e| IndexError::Write {
        path: index.dir().to_path_buf(),
        detail: e.to_string(),
    })?;
    let in_index: HashSet<u64> = index.ids()?.into_iter().collect();
    let wanted: HashSet<u64> = in_catalog.iter().map(|id| id.0.unsigned_abs()).collect();
    for &gone in in_index.difference(&wanted) {
        index.remove(gone)?;
    }
    let mut added = 0;
    for id in in_catalog {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        if in_index.contains(&id.0.unsigned_abs()) {
            continue;
        }
        if let Ok(Some(article)) = catalog.parsed(id) {
            index.add(id.0.unsigned_abs(), &blocks(&article))?;
            added += 1;
            if added % INDEX_BATCH == 0 {
                index.commit()?;
            }
        }
    }
    index.set_source(&index_source())?;
    index.commit()?;
    Ok(added)
}
