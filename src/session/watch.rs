//! The watch worker: watches the library's folders, so files added, changed or removed while
//! the reader runs are picked up. Setting up the watch walks every folder, so it is done on a
//! thread of its own; the watcher is kept until the session ends. Its news is
//! [`Msg::Changed`]; the app waits for things to settle, then asks for a scan.

use std::sync::Arc;

use notify::Watcher;

use super::Session;
use super::worker;
use crate::app::{Msg, Worker};
use crate::library::scan::absolute_roots;

impl Session {
    /// Starts watching the library's folders, if it has any.
    pub(super) fn start_watch(&mut self) {
        if self.sources.paths.is_empty() {
            return;
        }
        let roots = absolute_roots(&self.sources.paths);
        let slot = Arc::clone(&self.watcher);
        let started = worker::spawn(Worker::Watch, self.tell.clone(), move |tell| {
            let events = tell.clone();
            let watcher =
                notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                    if event.is_ok_and(|e| !e.kind.is_access()) {
                        events.send(Msg::Changed);
                    }
                });
            let Ok(mut watcher) = watcher else {
                return;
            };
            for root in roots {
                let _ = watcher.watch(&root, notify::RecursiveMode::Recursive);
            }
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(watcher);
            }
        });
        if let Some(handle) = started {
            self.keep(handle);
        }
    }
}
