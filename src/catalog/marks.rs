//! What the reader remembers about articles, keyed by the article's key (a hash of its text
//! for files): the reading position, bookmarks, read marks, and the article open last. Each
//! change is one row written, a few milliseconds at most however many articles are known.

use rusqlite::{OptionalExtension, params};

use super::{Catalog, CatalogError, now};
use crate::layout::Place;
use crate::model::{Bookmark, StoredPlace};

/// How a [`StoredPlace`] is written in the catalog's four place columns, and read back.
trait Columns {
    /// The four columns the place is stored in: section (or block), paragraph (-1: none),
    /// offset, legacy flag.
    fn columns(self) -> (i64, i64, i64, i64);
    /// The place four columns hold.
    fn from_columns(section: i64, paragraph: i64, offset: i64, legacy: i64) -> Self;
}

impl Columns for StoredPlace {
    fn columns(self) -> (i64, i64, i64, i64) {
        match self {
            StoredPlace::Place(p) => (
                i64::from(p.section),
                p.paragraph.map_or(-1, i64::from),
                i64::from(p.offset),
                0,
            ),
            StoredPlace::Legacy { block, offset } => (i64::from(block), -1, i64::from(offset), 1),
        }
    }

    fn from_columns(section: i64, paragraph: i64, offset: i64, legacy: i64) -> StoredPlace {
        let u = |v: i64| u32::try_from(v).unwrap_or(0);
        if legacy != 0 {
            StoredPlace::Legacy {
                block: u(section),
                offset: u(offset),
            }
        } else {
            StoredPlace::Place(Place {
                section: u(section),
                paragraph: u32::try_from(paragraph).ok(),
                offset: u(offset),
            })
        }
    }
}

impl Catalog {
    /// The remembered reading position in the article with `key`.
    pub fn position(&self, key: &str) -> Result<Option<StoredPlace>, CatalogError> {
        self.conn
            .query_row(
                "SELECT section, paragraph, offset, legacy FROM positions WHERE key = ?1",
                params![key],
                |r| {
                    Ok(StoredPlace::from_columns(
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                    ))
                },
            )
            .optional()
            .map_err(CatalogError::from)
    }

    /// Remembers the reading position in the article with `key`.
    pub fn set_position(&mut self, key: &str, place: StoredPlace) -> Result<(), CatalogError> {
        let (section, paragraph, offset, legacy) = place.columns();
        self.conn.execute(
            "INSERT INTO positions (key, section, paragraph, offset, legacy, updated)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (key) DO UPDATE SET section = excluded.section,
                paragraph = excluded.paragraph, offset = excluded.offset,
                legacy = excluded.legacy, updated = excluded.updated",
            params![key, section, paragraph, offset, legacy, now()],
        )?;
        Ok(())
    }

    /// Every bookmark, in the order made.
    pub fn bookmarks(&self) -> Result<Vec<Bookmark>, CatalogError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, section, paragraph, offset, legacy, title, snippet FROM bookmarks
             ORDER BY created, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Bookmark {
                key: r.get(0)?,
                place: StoredPlace::from_columns(r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                title: r.get(5)?,
                snippet: r.get(6)?,
            })
        })?;
        rows.collect::<Result<_, _>>().map_err(CatalogError::from)
    }

    /// Adds `b`, or removes the bookmark at the same place; says whether it was added.
    pub fn toggle_bookmark(&mut self, b: &Bookmark) -> Result<bool, CatalogError> {
        let (section, paragraph, offset, legacy) = b.place.columns();
        let removed = self.conn.execute(
            "DELETE FROM bookmarks WHERE key = ?1 AND section = ?2 AND paragraph = ?3
             AND offset = ?4 AND legacy = ?5",
            params![b.key, section, paragraph, offset, legacy],
        )?;
        if removed > 0 {
            return Ok(false);
        }
        self.conn.execute(
            "INSERT OR IGNORE INTO bookmarks
             (key, section, paragraph, offset, legacy, title, snippet, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                b.key,
                section,
                paragraph,
                offset,
                legacy,
                b.title,
                b.snippet,
                now()
            ],
        )?;
        Ok(true)
    }

    /// Turns a bookmark imported from `state.toml` into the current form, once its article
    /// is open and the place can be computed.
    pub fn upgrade_bookmark(&mut self, old: &Bookmark, place: Place) -> Result<(), CatalogError> {
        let (s0, p0, o0, l0) = old.place.columns();
        let (s, p, o, l) = StoredPlace::Place(place).columns();
        self.conn.execute(
            "UPDATE OR REPLACE bookmarks SET section = ?1, paragraph = ?2, offset = ?3, legacy = ?4
             WHERE key = ?5 AND section = ?6 AND paragraph = ?7 AND offset = ?8 AND legacy = ?9",
            params![s, p, o, l, old.key, s0, p0, o0, l0],
        )?;
        Ok(())
    }

    /// The key of the article open when the reader last quit.
    pub fn last(&self) -> Result<Option<String>, CatalogError> {
        self.setting("last")
    }

    /// Remembers the article open now.
    pub fn set_last(&mut self, key: &str) -> Result<(), CatalogError> {
        self.set_setting("last", key)
    }

    /// Whether the article with `key` has been read.
    pub fn is_read(&self, key: &str) -> Result<bool, CatalogError> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM reads WHERE key = ?1")?
            .query_row(params![key], |r| r.get(0))?;
        Ok(n > 0)
    }

    /// Marks the article with `key` read or unread.
    pub fn set_read(&mut self, key: &str, read: bool) -> Result<(), CatalogError> {
        self.set_read_many(&[key], read)
    }

    /// Marks the articles with these keys read or unread, in one transaction (a whole feed
    /// marked read is one write).
    pub fn set_read_many<K: AsRef<str>>(
        &mut self,
        keys: &[K],
        read: bool,
    ) -> Result<(), CatalogError> {
        // Immediate: the write lock is waited for with the busy timeout before anything is
        // read, so another process's commit meanwhile cannot fail this one.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let sql = if read {
                "INSERT OR IGNORE INTO reads (key, at) VALUES (?1, ?2)"
            } else {
                "DELETE FROM reads WHERE key = ?1 AND ?2 IS NOT NULL"
            };
            let mut statement = tx.prepare_cached(sql)?;
            let at = now();
            for key in keys {
                // A change of a synced item waits in the same transaction to be sent.
                if statement.execute(params![key.as_ref(), at])? > 0 {
                    super::sync::enqueue(&tx, key.as_ref(), crate::sync::MarkKind::Read, read, at)?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub(super) fn setting(&self, name: &str) -> Result<Option<String>, CatalogError> {
        self.conn
            .query_row(
                "SELECT value FROM settings WHERE name = ?1",
                params![name],
                |r| r.get(0),
            )
            .optional()
            .map_err(CatalogError::from)
    }

    pub(super) fn set_setting(&mut self, name: &str, value: &str) -> Result<(), CatalogError> {
        self.conn.execute(
            "INSERT INTO settings (name, value) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![name, value],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(section: u32, paragraph: Option<u32>, offset: u32) -> StoredPlace {
        StoredPlace::Place(Place {
            section,
            paragraph,
            offset,
        })
    }

    #[test]
    fn positions_bookmarks_reads_and_last_round_trip() {
        let mut c = Catalog::memory();
        assert_eq!(c.position("a").unwrap(), None);
        c.set_position("a", place(2, Some(3), 12)).unwrap();
        c.set_position("a", place(2, None, 0)).unwrap();
        c.set_position(
            "b",
            StoredPlace::Legacy {
                block: 7,
                offset: 9,
            },
        )
        .unwrap();
        assert_eq!(c.position("a").unwrap(), Some(place(2, None, 0)));
        assert_eq!(
            c.position("b").unwrap(),
            Some(StoredPlace::Legacy {
                block: 7,
                offset: 9
            })
        );
        let b = Bookmark {
            key: "a".into(),
            place: place(1, Some(0), 4),
            title: "标题".into(),
            snippet: "一段话".into(),
        };
        assert!(c.toggle_bookmark(&b).unwrap());
        assert_eq!(c.bookmarks().unwrap(), vec![b.clone()]);
        assert!(!c.toggle_bookmark(&b).unwrap());
        assert!(c.bookmarks().unwrap().is_empty());
        assert!(!c.is_read("a").unwrap());
        c.set_read("a", true).unwrap();
        c.set_read("a", true).unwrap();
        assert!(c.is_read("a").unwrap());
        c.set_read("a", false).unwrap();
        assert!(!c.is_read("a").unwrap());
        c.set_read_many(&["x", "y", "a"], true).unwrap();
        assert!(["x", "y", "a"].iter().all(|k| c.is_read(k).unwrap()));
        c.set_read_many(&["x", "a"], false).unwrap();
        assert!(!c.is_read("x").unwrap() && c.is_read("y").unwrap() && !c.is_read("a").unwrap());
        assert_eq!(c.last().unwrap(), None);
        c.set_last("b").unwrap();
        assert_eq!(c.last().unwrap().as_deref(), Some("b"));
    }

    #[test]
    fn an_imported_bookmark_is_upgraded_in_place() {
        let mut c = Catalog::memory();
        let old = Bookmark {
            key: "a".into(),
            place: StoredPlace::Legacy {
                block: 5,
                offset: 0,
            },
            title: "t".into(),
            snippet: "s".into(),
        };
        c.toggle_bookmark(&old).unwrap();
        let new = Place {
            section: 1,
            paragraph: None,
            offset: 0,
        };
        c.upgrade_bookmark(&old, new).unwrap();
        assert_eq!(c.bookmarks().unwrap()[0].place, StoredPlace::Place(new));
    }
}
