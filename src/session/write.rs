//! The write worker: the reading state and the bookmarks written on a thread of its own
//! (positions, the last article, read marks, bookmark and star toggles). A key never waits for the
//! catalog's write lock while a worker (a library scan, a feed refresh, another reader)
//! holds it, or for a slow disk's sync. Writes are carried out in the order given; a
//! bookmark toggle answers with the bookmarks as stored; ending the session waits for the
//! last write.

use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use super::Session;
use super::worker::{self, Tell};
use crate::app::{Msg, SyncNews, Worker};
use crate::catalog::{Catalog, CatalogError};
use crate::model::{Bookmark, StoredPlace};

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
    /// Carries the write out on `catalog`; what the app should hear of it, if anything.
    pub(super) fn apply(&self, catalog: &mut Catalog) -> Option<Msg> {
        let failed = |e: CatalogError| Some(Msg::WriteFailed(e.to_string()));
        match self {
            Write::Position(key, place) => catalog.set_position(key, *place).err().and_then(failed),
            Write::Last(key) => catalog.set_last(key).err().and_then(failed),
            Write::Read(keys, read) => catalog.set_read_many(keys, *read).err().and_then(failed),
            Write::ToggleBookmark(b) => {
                let done = catalog
                    .toggle_bookmark(b)
                    .and_then(|added| Ok((super::sync::marks(catalog)?, added)));
                Some(Msg::Bookmarked(done.map_err(|e| e.to_string())))
            }
            Write::ToggleStar(key) => match catalog
                .toggle_star(key)
                .and_then(|on| Ok((super::sync::marks(catalog)?, on)))
            {
                Ok((marks, on)) => Some(Msg::Sync(SyncNews::Marks(marks, Some(on)))),
                Err(e) => Some(Msg::WriteFailed(e.to_string())),
            },
        }
    }
}

/// The thread that carries out writes, with a connection of its own.
#[derive(Debug)]
pub(super) struct Writer {
    tx: Option<Sender<Write>>,
    handle: Option<JoinHandle<()>>,
}

impl Writer {
    /// Starts the thread on `catalog`; what a write has to say goes to `tell`.
    pub(super) fn start(mut catalog: Catalog, tell: Tell) -> Option<Writer> {
        let (tx, rx) = mpsc::channel::<Write>();
        let handle = worker::spawn(Worker::Write, tell, move |tell| {
            for write in rx {
                if let Some(msg) = write.apply(&mut catalog) {
                    tell.send(msg);
                }
            }
        })?;
        Some(Writer {
            tx: Some(tx),
            handle: Some(handle),
        })
    }

    /// Hands `write` to the thread; gives it back when the thread is gone.
    pub(super) fn send(&self, write: Write) -> Result<(), Write> {
        match &self.tx {
            Some(tx) => tx.send(write).map_err(|e| e.0),
            None => Err(write),
        }
    }

    /// Waits until every write handed over is carried out, and ends the thread.
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
        if let Some(msg) = write.apply(&mut self.catalog) {
            self.answer(msg);
        }
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
    }
}
