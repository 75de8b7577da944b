//! The search index kept up to date by the scan: articles added and removed as they are
//! parsed or go away, committed in batches (a commit syncs several files), and, after the
//! scan, the index made to hold exactly what the catalog holds.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
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

/// An index change is made visible to searches once this many articles changed...
const INDEX_BATCH: usize = 1000;

/// ... or this long after the last commit (a commit syncs several files: tens of
/// milliseconds or more on a slow disk).
const INDEX_COMMIT_EVERY: Duration = Duration::from_secs(2);

/// The search index as the scan keeps it, with what is not yet committed.
pub(super) struct IndexFeed<'a> {
    pub(super) index: Option<&'a LibraryIndex>,
    pub(super) pending: usize,
    pub(super) since: Instant,
    pub(super) failed: Option<IndexError>,
}

impl IndexFeed<'_> {
    pub(super) fn add(&mut self, id: ArticleId, prepared: Prepared) {
        if let Some(index) = self.index {
            let result = index.add_prepared(id.0.unsigned_abs(), prepared);
            self.note(result);
        }
    }

    pub(super) fn remove(&mut self, id: ArticleId) {
        if let Some(index) = self.index {
            let result = index.remove(id.0.unsigned_abs());
            self.note(result);
        }
    }

    fn note(&mut self, result: Result<(), IndexError>) {
        self.pending += 1;
        if let Err(e) = result {
            self.failed.get_or_insert(e);
        }
    }

    /// Commits when enough has changed or enough time went by (`force`: now).
    pub(super) fn commit(&mut self, force: bool) {
        let Some(index) = self.index else { return };
        if self.pending == 0
            || !(force || self.pending >= INDEX_BATCH || self.since.elapsed() >= INDEX_COMMIT_EVERY)
        {
            return;
        }
        if let Err(e) = index.commit() {
            self.failed.get_or_insert(e);
        }
        self.pending = 0;
        self.since = Instant::now();
    }
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
