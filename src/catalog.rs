//! The catalog: everything the reader knows and remembers, in one SQLite database in the data
//! folder (`library.db`). One row per known article with what the lists show and the parsed
//! article itself, so a relaunch draws the list at once and parses again only the files that
//! changed; and the reading positions, bookmarks, read marks and the last open article, each
//! change one small write however many articles there are. WAL mode and a busy timeout let
//! any number of processes (readers and their workers, `fetch`, CLI commands) use it at
//! once without losing anyone's updates.
//!
//! Opening is careful about what it finds (the private `open` module): only a database that
//! SQLite reports damaged is moved aside; a locked one is waited for, a full disk fails the
//! write, and neither ever loses or replaces the file. The schema is created and upgraded by
//! `schema` in one transaction, safe while other processes open the same file; an older
//! `state.toml` is imported once (by `import`).

mod articles;
mod aside;
mod blob;
mod feeds;
mod furniture;
mod import;
mod marks;
mod open;
mod queries;
mod schema;
mod stars;
mod sync;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use articles::{FileState, Outcome, text_key};
pub use blob::Packed;
pub use feeds::{FeedRow, Stored, item_key};
pub use open::{OpenError, busy_timeout};
pub use schema::VERSION as SCHEMA_VERSION;
pub use stars::Starred;
pub use sync::{Queued, SyncFeed, SyncStatus, SyncedItem};

use crate::strings;

/// The database's file name in the data folder.
pub const FILE_NAME: &str = "library.db";

/// The usual data folder: the project data directory of `directories`, unless
/// `NEWSREADER_DATA_DIR` names another.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("NEWSREADER_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "newsreader").map(|d| d.data_dir().to_path_buf())
}

/// Why the catalog could not do something.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// SQLite said no.
    #[error("{}", describe(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// A stored article could not be read back.
    #[error("a stored article is damaged: {0}")]
    Blob(String),
    /// The database was made by a newer version of the program.
    #[error("made by a newer newsreader (schema {0})")]
    Newer(u32),
    /// A FIFO, device or folder where the database should be.
    #[error("{}", strings::ERR_NOT_REGULAR_SHORT)]
    NotRegular,
    /// The data folder could not be used.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What kind of trouble a [`CatalogError`] is, which decides what may be done about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Another connection holds the lock (past the busy timeout): try again later.
    Busy,
    /// SQLite reports the database damaged (or it is no database at all).
    Damaged,
    /// The disk is full.
    Full,
    /// Reading or writing the file failed, or it may not be written.
    Io,
    /// Made by a newer program.
    Newer,
    /// Anything else.
    Other,
}

impl CatalogError {
    /// What kind of trouble this is.
    pub fn trouble(&self) -> Trouble {
        match self {
            CatalogError::Sqlite(e) => CatalogError::trouble_of(e),
            CatalogError::Blob(_) => Trouble::Other,
            CatalogError::Newer(_) => Trouble::Newer,
            CatalogError::NotRegular => Trouble::Damaged,
            CatalogError::Io(_) => Trouble::Io,
        }
    }

    fn trouble_of(e: &rusqlite::Error) -> Trouble {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => Trouble::Busy,
            Some(C::DatabaseCorrupt | C::NotADatabase) => Trouble::Damaged,
            Some(C::DiskFull) => Trouble::Full,
            Some(
                C::SystemIoFailure
                | C::CannotOpen
                | C::ReadOnly
                | C::PermissionDenied
                | C::FileLockingProtocolFailed
                | C::NoLargeFileSupport,
            ) => Trouble::Io,
            _ => Trouble::Other,
        }
    }
}

/// SQLite's error in the user's words: what it means for their data and what to do.
fn describe(e: &rusqlite::Error) -> String {
    match CatalogError::trouble_of(e) {
        Trouble::Busy => format!(
            "{}{} s{}",
            strings::CATALOG_BUSY,
            busy_timeout().as_secs_f32().ceil(),
            strings::CATALOG_BUSY_HINT
        ),
        Trouble::Full => strings::CATALOG_FULL.to_string(),
        Trouble::Io => format!("{}{e})", strings::CATALOG_IO),
        _ => e.to_string(),
    }
}

/// The catalog, through one connection. Each thread that needs it opens its own with
/// [`Catalog::connect`].
#[derive(Debug)]
pub struct Catalog {
    conn: Connection,
    path: Option<PathBuf>,
    /// Whether the lists show the sync server's feeds and items (see `sync`).
    synced: bool,
}

impl Catalog {
    /// Opens (creating, or upgrading) the catalog in `dir` for the reader: as
    /// [`Catalog::open_on_disk`], but when the folder or database cannot be used now, a
    /// catalog in memory, which forgets everything at exit, with a warning saying so.
    pub fn open(dir: Option<&Path>) -> (Catalog, Vec<String>) {
        match Catalog::open_on_disk(dir) {
            Ok(opened) => opened,
            Err(e) => {
                let warning = match e {
                    OpenError::NoDir | OpenError::Newer(_) => e.to_string(),
                    _ => format!("{}{e}", strings::REMEMBERING_OFF),
                };
                (Catalog::memory(), vec![warning])
            }
        }
    }

    /// A catalog in memory: for tests, and when the data folder cannot be used.
    pub fn memory() -> Catalog {
        let mut conn = match Connection::open_in_memory() {
            Ok(c) => c,
            // SQLite cannot fail to allocate a fresh in-memory database short of running
            // out of memory, where nothing else would work either.
            Err(e) => panic!("an in-memory database: {e}"),
        };
        if let Err(e) = schema::migrate(&mut conn) {
            panic!("the schema applies to an empty database: {e}");
        }
        Catalog {
            conn,
            path: None,
            synced: false,
        }
    }

    /// Another connection to the same database, for a worker thread. A catalog in memory
    /// cannot be shared: `None`.
    pub fn connect(&self) -> Option<Result<Catalog, CatalogError>> {
        let path = self.path.clone()?;
        let synced = self.synced;
        Some((|| {
            let conn = Connection::open_with_flags(
                &path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            open::configure(&conn)?;
            Ok(Catalog {
                conn,
                path: Some(path),
                synced,
            })
        })())
    }

    /// Where the database lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A shorter wait for other processes' locks, for tests of what happens when it runs
    /// out.
    #[cfg(test)]
    pub(crate) fn set_busy_timeout_for_tests(&mut self, wait: std::time::Duration) {
        let _ = self.conn.busy_timeout(wait);
    }

    /// The first row a write with `RETURNING` gives, the statement run to its end. Outside
    /// a transaction the commit happens when the statement ends: `query_row` stops after
    /// the first row and lets the statement be reset, where a failed commit (a full disk)
    /// is not reported; the write looked saved and was not.
    pub(super) fn write_returning<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<T>, CatalogError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        let first = match rows.next()? {
            Some(row) => Some(map(row)?),
            None => None,
        };
        while rows.next()?.is_some() {}
        Ok(first)
    }

    /// Keeps this connection's statement journals in memory (`on`), or where SQLite keeps
    /// them by default (`off`), for a scan's store. An upsert of many rows (a batch of an
    /// article's furniture counts, a stored form replaced) copies each page it changes to a
    /// statement journal, so that the statement alone can be undone; past 64 KiB SQLite
    /// spills that journal to a temporary file, and a first run wrote about 55 pages of 4 KiB
    /// an article there (two `pwrite` calls each), more than to the database's log.
    pub fn journal_in_memory(&self, on: bool) -> Result<(), CatalogError> {
        let store = if on { "MEMORY" } else { "DEFAULT" };
        self.conn.pragma_update(None, "temp_store", store)?;
        Ok(())
    }

    /// Runs `f` in one transaction: many writes cost one commit.
    pub fn batch<R>(
        &mut self,
        f: impl FnOnce(&mut Catalog) -> Result<R, CatalogError>,
    ) -> Result<R, CatalogError> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(r) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(r)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

/// `name` → `name.corrupt-<unix seconds>`.
pub(crate) fn aside_name(path: &Path) -> PathBuf {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut aside = path.as_os_str().to_owned();
    aside.push(format!(".corrupt-{secs}"));
    PathBuf::from(aside)
}

/// Seconds since the epoch, for timestamps in the catalog.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_journals_go_to_memory_for_a_scan_and_back_after() {
        let dir = tempfile::tempdir().unwrap();
        let (c, _) = Catalog::open(Some(dir.path()));
        let temp_store = |c: &Catalog| -> i64 {
            c.conn
                .query_row("PRAGMA temp_store", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(temp_store(&c), 0, "SQLite's default");
        c.journal_in_memory(true).unwrap();
        assert_eq!(temp_store(&c), 2, "memory");
        c.journal_in_memory(false).unwrap();
        assert_eq!(temp_store(&c), 0);
    }

    #[test]
    fn a_fresh_catalog_has_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let (c, warnings) = Catalog::open(Some(dir.path()));
        assert!(warnings.is_empty(), "{warnings:?}");
        let v: u32 = c
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let mode: String = c
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(c);
        let (_, warnings) = Catalog::open(Some(dir.path()));
        assert!(warnings.is_empty(), "opens again: {warnings:?}");
    }
}
