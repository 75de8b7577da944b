//! The index worker: builds the search index again from the catalog after a search found
//! it damaged while the reader ran (the damaged one is set aside as `index.damaged`). Its
//! news is [`Msg::IndexReady`] (the new index handed to the session first, on a channel of
//! its own, so that the searches that follow use it) or [`Msg::IndexFailed`].

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;

use super::Session;
use super::worker;
use crate::app::{Msg, Worker};
use crate::index::LibraryIndex;
use crate::library::scan::reconcile_index;
use crate::strings;

impl Session {
    /// Builds the index again ([`crate::app::Effect::RebuildIndex`]).
    pub(super) fn start_rebuild(&mut self) {
        let Some(dir) = self.index.as_ref().map(|i| i.dir().to_path_buf()) else {
            return self.answer(Msg::IndexFailed(strings::NO_INDEX_FOLDER.to_string()));
        };
        let Some(Ok(catalog)) = self.catalog.connect() else {
            return self.answer(Msg::IndexFailed(strings::NO_INDEX_FOLDER.to_string()));
        };
        let (tx, rx) = mpsc::channel();
        self.rebuilt = Some(rx);
        let started = worker::spawn(Worker::Index, self.tell.clone(), move |tell| {
            let stop = AtomicBool::new(false);
            let built = LibraryIndex::rebuild(&dir)
                .and_then(|index| reconcile_index(&catalog, &index, &stop).map(|_| index));
            match built {
                Ok(index) => {
                    let _ = tx.send(Arc::new(index));
                    tell.send(Msg::IndexReady);
                }
                Err(e) => tell.send(Msg::IndexFailed(e.to_string())),
            }
        });
        match started {
            Some(handle) => self.keep(handle),
            None => self.answer(Msg::IndexFailed(strings::NO_THREAD.to_string())),
        }
    }

    /// The index built again, if the index worker has handed one over: searches use it
    /// from now on (the search worker starts again with it).
    pub(super) fn take_rebuilt(&mut self) {
        if let Some(index) = self.rebuilt.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.index = Some(index);
            self.rebuilt = None;
            self.searcher.restart();
        }
    }
}
