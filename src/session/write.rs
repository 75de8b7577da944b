//! The write worker: the reading state and the bookmarks written on a thread of its own
//! (positions, the last article, read marks, bookmark and star toggles). A key never waits
//! for the catalog's write lock while a worker (a library scan, a feed refresh, another reader)
//! holds it, or for a slow disk's sync. Writes are carried out in the order given, each
//! committed at once; a bookmark toggle answers with the bookmarks as stored; ending the
//! session waits for the last write.
//!
//! A write of the reading state that fails (a full disk, a lock held past the busy
//! timeout) is not dropped: it waits and is tried again every second, a newer position of
//! the same article replacing an older one, until it goes through or the session ends.
//! The first failure of a run is reported, not every retry; [`Writer::unsaved`] says how
//! many writes wait.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::Session;
use super::worker::{self, Tell};
use crate::app::{Msg, SyncNews, Worker};
use crate::catalog::{Catalog, CatalogError};
use crate::model::{Bookmark, StoredPlace};

/// How long a failed write waits before it is tried again.
const RETRY: Duration = Duration::from_secs(1);

/// One write of the reading state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Write {
    /// The reading position in the article with this key.
    Position(String, StoredPlace),
    /// The article open now.
    Last(String),
    /// These articles read (true) or unread.
    Read(Vec<String>, bool),
    /// This bookmark added, or the one at its place removed.
    ToggleBookmark(Bookmark),
    /// The article with this key starred, or unstarred.
    ToggleStar(String),
}

impl Write {
    /// Carries the write out on `catalog`: what the app should hear of it, if anything, or
    /// why a write of the reading state failed (to be tried again). A bookmark toggle is
    /// not tried again: its answer says how it went, and the user decides.
    pub(super) fn apply(&self, catalog: &mut Catalog) -> Result<Option<Msg>, CatalogError> {
        match self {
            Write::Position(key, place) => catalog.set_position(key, *place).map(|()| None),
            Write::Last(key) => catalog.set_last(key).map(|()| None),
            Write::Read(keys, read) => catalog.set_read_many(keys, *read).map(|()| None),
            Write::ToggleBookmark(b) => {
                let done = catalog
                    .toggle_bookmark(b)
                    .and_then(|added| Ok((super::sync::marks(catalog)?, added)));
                Ok(Some(Msg::Bookmarked(done.map_err(|e| e.to_string()))))
            }
            // A toggle is not tried again: its answer says how it went, and the user decides.
            Write::ToggleStar(key) => Ok(Some(
                match catalog
                    .toggle_star(key)
                    .and_then(|on| Ok((super::sync::marks(catalog)?, on)))
                {
                    Ok((marks, on)) => Msg::Sync(SyncNews::Marks(marks, Some(on))),
                    Err(e) => Msg::WriteFailed(e.to_string()),
                },
            )),
        }
    }

    /// Whether `newer`, written after this one, makes it pointless.
    fn superseded_by(&self, newer: &Write) -> bool {
        match (self, newer) {
            (Write::Position(a, _), Write::Position(b, _)) => a == b,
            (Write::Last(_), Write::Last(_)) => true,
            _ => false,
        }
    }
}

/// The thread that carries out writes, with a connection of its own.
#[derive(Debug)]
pub(super) struct Writer {
    tx: Option<Sender<Write>>,
    handle: Option<JoinHandle<()>>,
    /// Writes handed over and not yet committed.
    unsaved: Arc<AtomicUsize>,
}

impl Writer {
    /// Starts the thread on `catalog`; what a write has to say goes to `tell`.
    pub(super) fn start(catalog: Catalog, tell: Tell) -> Option<Writer> {
        let (tx, rx) = mpsc::channel::<Write>();
        let unsaved = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&unsaved);
        let handle = worker::spawn(Worker::Write, tell, move |tell| {
            write_until_closed(catalog, &rx, &count, tell);
        })?;
        Some(Writer {
            tx: Some(tx),
            handle: Some(handle),
            unsaved,
        })
    }

    /// Hands `write` to the thread; gives it back when the thread is gone.
    pub(super) fn send(&self, write: Write) -> Result<(), Write> {
        let Some(tx) = &self.tx else {
            return Err(write);
        };
        self.unsaved.fetch_add(1, Ordering::Relaxed);
        tx.send(write).map_err(|e| {
            self.unsaved.fetch_sub(1, Ordering::Relaxed);
            e.0
        })
    }

    /// Writes handed over and not yet committed (waiting their turn, or to be tried again).
    pub(super) fn unsaved(&self) -> usize {
        self.unsaved.load(Ordering::Relaxed)
    }

    /// Waits until every write handed over is carried out (or has failed once more), and
    /// ends the thread.
    pub(super) fn finish(&mut self) {
        self.tx = None;
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The writer thread: writes what comes in, keeps what fails and tries it again every
/// [`RETRY`], until the channel closes (one last try then).
fn write_until_closed(
    mut catalog: Catalog,
    rx: &Receiver<Write>,
    count: &AtomicUsize,
    tell: &Tell,
) {
    let mut waiting: Vec<Write> = Vec::new();
    let mut failing = false;
    let take = |waiting: &mut Vec<Write>, write: Write| {
        let before = waiting.len();
        waiting.retain(|w| !w.superseded_by(&write));
        count.fetch_sub(before - waiting.len(), Ordering::Relaxed);
        waiting.push(write);
    };
    loop {
        let next = if waiting.is_empty() {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            rx.recv_timeout(RETRY)
        };
        let closed = match next {
            Ok(write) => {
                take(&mut waiting, write);
                // Whatever else waits goes in the same round.
                while let Ok(more) = rx.try_recv() {
                    take(&mut waiting, more);
                }
                false
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => true,
        };
        let mut error = None;
        waiting.retain(|w| match w.apply(&mut catalog) {
            Ok(answer) => {
                count.fetch_sub(1, Ordering::Relaxed);
                if let Some(msg) = answer {
                    tell.send(msg);
                }
                false
            }
            Err(e) => {
                error.get_or_insert(e);
                true
            }
        });
        match error {
            Some(e) if !failing => {
                failing = true;
                tell.send(Msg::WriteFailed(e.to_string()));
            }
            Some(_) => {}
            None => failing = false,
        }
        if closed {
            return;
        }
    }
}

impl Session {
    /// Hands a write to the writer thread; without one, writes it here.
    pub(super) fn write(&mut self, write: Write) {
        let write = match &self.writer {
            Some(w) => match w.send(write) {
                Ok(()) => return,
                Err(back) => back,
            },
            None => write,
        };
        match write.apply(&mut self.catalog) {
            Ok(Some(msg)) => self.answer(msg),
            Ok(None) => {}
            Err(e) => self.answer(Msg::WriteFailed(e.to_string())),
        }
    }

    /// Reading-state writes handed over and not yet on disk (waiting their turn, or to be
    /// tried again after a failure).
    pub fn unsaved(&self) -> usize {
        self.writer.as_ref().map_or(0, Writer::unsaved)
    }

    /// Whether the reading state goes to disk at all: false when the data folder could not
    /// be used this time and the catalog lives in memory (the reader says so on screen).
    pub fn remembers(&self) -> bool {
        self.catalog.path().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Place;

    #[test]
    fn writes_are_carried_out_in_order_and_finish_waits_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::open(Some(dir.path()));
        let connection = catalog.connect().unwrap().unwrap();
        let (tx, rx) = mpsc::channel();
        let mut w = Writer::start(connection, Tell::new(tx, std::sync::Arc::new(|| {}))).unwrap();
        let place = |offset| {
            StoredPlace::Place(Place {
                section: 1,
                paragraph: Some(0),
                offset,
            })
        };
        for offset in 0..50 {
            w.send(Write::Position("k".into(), place(offset))).unwrap();
        }
        w.send(Write::Read(vec!["k".into(), "j".into()], true))
            .unwrap();
        w.send(Write::Read(vec!["j".into()], false)).unwrap();
        w.send(Write::Last("k".into())).unwrap();
        w.finish();
        assert!(rx.try_recv().is_err(), "nothing failed, nothing to say");
        assert_eq!(catalog.position("k").unwrap(), Some(place(49)));
        assert!(catalog.is_read("k").unwrap() && !catalog.is_read("j").unwrap());
        assert_eq!(catalog.last().unwrap().as_deref(), Some("k"));
        assert!(
            w.send(Write::Last("j".into())).is_err(),
            "no thread after finish"
        );
        assert_eq!(w.unsaved(), 0);
    }

    #[test]
    fn a_write_that_fails_is_tried_again_until_it_goes_through() {
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::open(Some(dir.path()));
        let mut connection = catalog.connect().unwrap().unwrap();
        // Another program holds the write lock; waits for it end at once.
        connection.set_busy_timeout_for_tests(Duration::from_millis(1));
        let holder =
            rusqlite::Connection::open(dir.path().join(crate::catalog::FILE_NAME)).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let (tx, rx) = mpsc::channel();
        let w = Writer::start(connection, Tell::new(tx, std::sync::Arc::new(|| {}))).unwrap();
        let place = |offset| {
            StoredPlace::Place(Place {
                section: 2,
                paragraph: Some(1),
                offset,
            })
        };
        for offset in 0..5 {
            w.send(Write::Position("k".into(), place(offset))).unwrap();
        }
        std::thread::sleep(Duration::from_millis(1300));
        assert_eq!(
            w.unsaved(),
            1,
            "the newest position waits; older ones are dropped"
        );
        assert_eq!(catalog.position("k").unwrap(), None);
        holder.execute_batch("COMMIT").unwrap();
        let start = std::time::Instant::now();
        while w.unsaved() > 0 && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert_eq!(catalog.position("k").unwrap(), Some(place(4)));
        let said: Vec<Msg> = rx.try_iter().collect();
        assert_eq!(said.len(), 1, "reported once, not per retry: {said:?}");
        assert!(matches!(said[0], Msg::WriteFailed(_)));
    }
}
