//! The scan worker: brings the catalog up to date with the library's files (stat first,
//! parse only what changed, on the cores left to it), then makes the search index hold
//! every article of the catalog. A new scan stops the one before at its next file. Its news
//! is [`Msg::Scan`], then [`Msg::IndexReady`]; a catalog in memory (which a thread cannot
//! share) is scanned on the session's thread instead.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Session;
use super::worker;
use crate::app::{Msg, Worker};
use crate::catalog::Catalog;
use crate::index::LibraryIndex;
use crate::library::LoadOptions;
use crate::library::scan::{absolute_roots, reconcile_index, scan};
use crate::strings;

impl Session {
    /// Starts a scan of the library's files ([`crate::app::Effect::Scan`]), stopping the one
    /// under way.
    pub(super) fn start_scan(&mut self) {
        if let Some(cancel) = self.scan_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
        let roots = absolute_roots(&self.sources.paths);
        let cancel = Arc::new(AtomicBool::new(false));
        self.scan_cancel = Some(Arc::clone(&cancel));
        let job = Job {
            roots,
            load: self.load,
            index: self.index.clone(),
            cancel,
        };
        match self.catalog.connect() {
            Some(Ok(catalog)) => {
                let started = worker::spawn(Worker::Scan, self.tell.clone(), move |tell| {
                    job.run(catalog, &mut |msg| tell.send(msg));
                });
                match started {
                    Some(handle) => self.keep(handle),
                    None => self.answer(Msg::ScanFailed(strings::NO_THREAD.to_string())),
                }
            }
            Some(Err(e)) => self.answer(Msg::ScanFailed(e.to_string())),
            None => {
                let mut news = Vec::new();
                job.run_on(&mut self.catalog, &mut |msg| news.push(msg));
                news.into_iter().for_each(|m| self.answer(m));
            }
        }
    }
}

/// One scan: what to read, and its stop flag.
struct Job {
    roots: Vec<PathBuf>,
    load: LoadOptions,
    index: Option<Arc<LibraryIndex>>,
    cancel: Arc<AtomicBool>,
}

impl Job {
    /// Runs on a connection of its own.
    fn run(self, mut catalog: Catalog, tell: &mut dyn FnMut(Msg)) {
        self.run_on(&mut catalog, tell);
    }

    /// Scans into `catalog`, then fills the index from it; `tell` hears the news.
    fn run_on(&self, catalog: &mut Catalog, tell: &mut dyn FnMut(Msg)) {
        // Reading runs on every core: the store and the index take what they can keep up
        // with (the queue between them is bounded), and the reader's own thread only waits
        // for keys between batches.
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let scanned = scan(
            catalog,
            self.index.as_deref(),
            &self.roots,
            &self.load,
            threads,
            &self.cancel,
            |e| tell(Msg::Scan(e)),
        );
        if let Err(e) = scanned {
            return tell(Msg::ScanFailed(e.to_string()));
        }
        // Then the index is made to hold every article of the catalog.
        if let Some(index) = &self.index {
            match reconcile_index(catalog, index, &self.cancel) {
                Ok(_) if !self.cancel.load(Ordering::Relaxed) => tell(Msg::IndexReady),
                Ok(_) => {}
                // Damage met here is met as a search meets it: the index is built again.
                Err(e) if e.needs_rebuild() => tell(Msg::IndexDamaged(e.to_string())),
                Err(e) => tell(Msg::IndexFailed(e.to_string())),
            }
        }
    }
}
