//! The catalog: everything the reader knows and remembers, in one SQLite database in the data
//! folder (`library.db`). One row per known article with what the lists show and the parsed
//! article itself, so a relaunch draws the list at once and parses again only the files that
//! changed; and the reading positions, bookmarks, read marks and the last open article, each
//! change one small write however many articles there are. WAL mode and a busy timeout let
//! two readers (and the reader's own workers) use it at once without losing either's updates.
//!
//! A database that cannot be opened is moved aside with a message and a fresh one started;
//! an older `state.toml` is imported once (by the private `import` module).

mod articles;
mod blob;
mod feeds;
mod import;
mod marks;
mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use articles::{FileState, Outcome, text_key};
pub use feeds::{FeedRow, Stored, item_key};
// The shared vocabulary lives in `crate::model` now; these names stay here only while
// branches written against the old paths move over.
pub use crate::model::{ArticleId, Bookmark, Entry, Origin, StoredPlace};
pub use schema::VERSION as SCHEMA_VERSION;

use crate::decode::sanitize_line;
use crate::strings;

/// The database's file name in the data folder.
pub const FILE_NAME: &str = "library.db";

/// How long a write waits for another connection's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

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
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored article could not be read back.
    #[error("a stored article is damaged: {0}")]
    Blob(String),
    /// The database was made by a newer version of the program.
    #[error("made by a newer newsreader (schema {0})")]
    Newer(u32),
    /// The data folder could not be used.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The catalog, through one connection. Each thread that needs it opens its own with
/// [`Catalog::connect`].
#[derive(Debug)]
pub struct Catalog {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Catalog {
    /// Opens (creating) the catalog in `dir`, imports `state.toml` once, and returns it with
    /// warnings for the status bar. A database that cannot be opened is moved aside and a
    /// fresh one started; a folder that cannot be used gives a catalog in memory, which
    /// forgets everything at exit, with a warning saying so.
    pub fn open(dir: Option<&Path>) -> (Catalog, Vec<String>) {
        let mut warnings = Vec::new();
        let Some(dir) = dir else {
            warnings.push(strings::STATE_NO_DIR.to_string());
            return (Catalog::memory(), warnings);
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            warnings.push(unwritable(dir, &e.to_string()));
            return (Catalog::memory(), warnings);
        }
        let path = dir.join(FILE_NAME);
        let mut catalog = match Catalog::open_file(&path) {
            Ok(c) => c,
            Err(CatalogError::Newer(v)) => {
                warnings.push(format!("{}{v})", strings::CATALOG_NEWER));
                return (Catalog::memory(), warnings);
            }
            Err(first) => match move_aside(&path) {
                Ok(aside) => {
                    warnings.push(format!(
                        "{}{} ({first})",
                        strings::CATALOG_DAMAGED,
                        sanitize_line(&aside.to_string_lossy())
                    ));
                    match Catalog::open_file(&path) {
                        Ok(c) => c,
                        Err(e) => {
                            warnings.push(unwritable(dir, &e.to_string()));
                            return (Catalog::memory(), warnings);
                        }
                    }
                }
                Err(e) => {
                    warnings.push(unwritable(dir, &e.to_string()));
                    return (Catalog::memory(), warnings);
                }
            },
        };
        warnings.extend(import::import_state_once(&mut catalog, dir));
        (catalog, warnings)
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
        Catalog { conn, path: None }
    }

    fn open_file(path: &Path) -> Result<Catalog, CatalogError> {
        // SQLite would block forever reading a FIFO planted in the database's place.
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            if std::fs::metadata(&file).is_ok_and(|m| !m.is_file()) {
                return Err(CatalogError::Io(std::io::Error::other(
                    crate::strings::ERR_NOT_REGULAR_SHORT,
                )));
            }
        }
        let mut conn = Connection::open(path)?;
        configure(&conn)?;
        schema::migrate(&mut conn)?;
        Ok(Catalog {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    /// Another connection to the same database, for a worker thread. A catalog in memory
    /// cannot be shared: `None`.
    pub fn connect(&self) -> Option<Result<Catalog, CatalogError>> {
        let path = self.path.clone()?;
        Some((|| {
            let conn = Connection::open_with_flags(
                &path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            configure(&conn)?;
            Ok(Catalog {
                conn,
                path: Some(path),
            })
        })())
    }

    /// Where the database lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
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

/// WAL, a busy timeout, foreign keys; `NORMAL` sync is durable in WAL mode except for the
/// last transactions before a power cut, which is what a reading position can afford.
fn configure(conn: &Connection) -> Result<(), CatalogError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A file that is not a database fails here, before anything is written.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
    Ok(())
}

fn unwritable(dir: &Path, why: &str) -> String {
    sanitize_line(&format!(
        "{}{}: {why}",
        strings::STATE_UNWRITABLE,
        dir.to_string_lossy()
    ))
}

/// `library.db` (with its `-wal` and `-shm` files) → `library.db.corrupt-<unix seconds>`.
fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let aside = aside_name(path);
    std::fs::rename(path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let mut side_aside = aside.as_os_str().to_owned();
        side_aside.push(suffix);
        let _ = std::fs::rename(side, side_aside);
    }
    Ok(aside)
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

    #[test]
    fn a_damaged_database_is_moved_aside_and_a_fresh_one_started() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(FILE_NAME);
        std::fs::write(&db, b"this is not a database, just forty bytes..").unwrap();
        let (mut c, warnings) = Catalog::open(Some(dir.path()));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with(strings::CATALOG_DAMAGED),
            "{warnings:?}"
        );
        c.set_last("k").unwrap();
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(
            std::fs::read(aside[0].path()).unwrap(),
            b"this is not a database, just forty bytes.."
        );
        drop(c);
        let (c, warnings) = Catalog::open(Some(dir.path()));
        assert!(warnings.is_empty());
        assert_eq!(c.last().unwrap().as_deref(), Some("k"));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_place_of_the_database_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join(FILE_NAME);
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let (mut cat, warnings) = Catalog::open(Some(dir.path()));
        assert!(
            warnings[0].starts_with(strings::CATALOG_DAMAGED),
            "{warnings:?}"
        );
        cat.set_last("k").unwrap();
        assert!(std::fs::metadata(&fifo).unwrap().is_file());
    }

    #[test]
    fn a_newer_database_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        {
            let (c, _) = Catalog::open(Some(dir.path()));
            c.conn
                .pragma_update(None, "user_version", SCHEMA_VERSION + 5)
                .unwrap();
        }
        let (_, warnings) = Catalog::open(Some(dir.path()));
        assert!(
            warnings[0].starts_with(strings::CATALOG_NEWER),
            "{warnings:?}"
        );
        let conn = Connection::open(dir.path().join(FILE_NAME)).unwrap();
        let v: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION + 5, "untouched");
    }

    #[test]
    fn an_unusable_folder_gives_a_catalog_in_memory_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, "x").unwrap();
        let (mut c, warnings) = Catalog::open(Some(&file.join("data")));
        assert!(warnings[0].starts_with(strings::STATE_UNWRITABLE));
        c.set_last("k").unwrap();
        assert_eq!(c.last().unwrap().as_deref(), Some("k"), "kept in memory");
    }
}
