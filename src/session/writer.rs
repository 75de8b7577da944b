//! The reading state written on a thread of its own: positions, the last article, read
//! marks. A key never waits for the catalog's write lock while a worker (a library scan, a
//! feed refresh) holds it, or for a slow disk's sync. Writes are carried out in the order
//! given; ending the session waits for the last of them.

use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use crate::catalog::{Catalog, CatalogError};
use crate::model::StoredPlace;

/// One write of the reading state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Write {
    /// The reading position in the article with this key.
    Position(String, StoredPlace),
    /// The article open now.
    Last(String),
    /// These articles read (true) or unread.
    Read(Vec<String>, bool),
}

impl Write {
    /// Carries the write out on `catalog`.
    pub(super) fn apply(&self, catalog: &mut Catalog) -> Result<(), CatalogError> {
        match self {
            Write::Position(key, place) => catalog.set_position(key, *place),
            Write::Last(key) => catalog.set_last(key),
            Write::Read(keys, read) => catalog.set_read_many(keys, *read),
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
    /// Starts the thread on `catalog`; `failed` hears why a write failed.
    pub(super) fn start(
        mut catalog: Catalog,
        failed: impl Fn(String) + Send + 'static,
    ) -> Option<Writer> {
        let (tx, rx) = mpsc::channel::<Write>();
        let handle = std::thread::Builder::new()
            .name("state writer".into())
            .spawn(move || {
                for write in rx {
                    if let Err(e) = write.apply(&mut catalog) {
                        failed(e.to_string());
                    }
                }
            })
            .ok()?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Place;

    #[test]
    fn writes_are_carried_out_in_order_and_finish_waits_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let (catalog, _) = Catalog::open(Some(dir.path()));
        let connection = catalog.connect().unwrap().unwrap();
        let mut w = Writer::start(connection, |why| panic!("{why}")).unwrap();
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
        assert_eq!(catalog.position("k").unwrap(), Some(place(49)));
        assert!(catalog.is_read("k").unwrap() && !catalog.is_read("j").unwrap());
        assert_eq!(catalog.last().unwrap().as_deref(), Some("k"));
        assert!(
            w.send(Write::Last("j".into())).is_err(),
            "no thread after finish"
        );
    }
}
