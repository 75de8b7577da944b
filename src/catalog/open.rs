//! Opening the catalog's file while other processes may be using it: readers, `fetch`,
//! CLI commands, a backup, the `sqlite3` shell. What goes wrong is told apart by what SQLite
//! reports, and only one thing ever moves the file:
//!
//! - **damaged** (`SQLITE_CORRUPT`, `SQLITE_NOTADB`, a file that is not a regular file, or an
//!   unexplained error followed by a failed `quick_check`): moved aside to
//!   `library.db.corrupt-<seconds>` and a fresh database started, with a warning. The move
//!   holds a lock on the data folder and checks that the file is still the one found
//!   damaged, so a database another process just started in its place is never moved.
//! - **busy or locked**: waited for with the busy timeout, then an error that says so;
//!   nothing is changed.
//! - **I/O errors, a full disk, no permission**: an error; the file is kept as it is.
//! - **made by a newer program**: an error; the file is kept as it is.
//!
//! The database file and the data folder are created readable by their owner only: the
//! catalog holds the passwords of feeds that need them. Moving aside is the `aside` module's.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use super::aside::{identity, move_aside_if_unchanged};
use super::{Catalog, CatalogError, FILE_NAME, Trouble, import, schema};
use crate::decode::sanitize_line;
use crate::strings;

/// How long an operation waits for another process's lock before giving up, unless
/// `NEWSREADER_BUSY_TIMEOUT_MS` says otherwise.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long to wait for a lock held by another process: ten seconds, or the
/// milliseconds in `NEWSREADER_BUSY_TIMEOUT_MS` (for scripts that would rather fail fast,
/// and for tests).
pub fn busy_timeout() -> Duration {
    std::env::var("NEWSREADER_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(BUSY_TIMEOUT, Duration::from_millis)
}

/// Why the catalog could not be opened in the data folder.
#[derive(Debug)]
pub enum OpenError {
    /// No data folder could be found.
    NoDir,
    /// The data folder cannot be created or used.
    Folder {
        /// The folder.
        dir: PathBuf,
        /// Why.
        why: String,
    },
    /// The database was made by a newer program.
    Newer(u32),
    /// The database could not be opened; it is kept as it is.
    Database {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        error: CatalogError,
    },
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::NoDir => f.write_str(strings::STATE_NO_DIR),
            OpenError::Folder { dir, why } => write!(
                f,
                "{}",
                sanitize_line(&format!(
                    "{}{}: {why}",
                    strings::STATE_UNWRITABLE,
                    dir.to_string_lossy()
                ))
            ),
            OpenError::Newer(v) => write!(f, "{}{v})", strings::CATALOG_NEWER),
            OpenError::Database { path, error } => {
                write!(f, "{}: {error}", sanitize_line(&path.to_string_lossy()))
            }
        }
    }
}

impl std::error::Error for OpenError {}

impl Catalog {
    /// Opens (creating, or upgrading) the catalog in `dir` and imports `state.toml` once;
    /// returns it with warnings for the user (a damaged database moved aside). Fails, with
    /// the file left as it is, when the folder or the database cannot be used now: the
    /// commands stop there, the reader reads without remembering.
    pub fn open_on_disk(dir: Option<&Path>) -> Result<(Catalog, Vec<String>), OpenError> {
        let dir = dir.ok_or(OpenError::NoDir)?;
        create_private_dir(dir).map_err(|e| OpenError::Folder {
            dir: dir.to_path_buf(),
            why: e.to_string(),
        })?;
        let path = dir.join(FILE_NAME);
        let mut warnings = Vec::new();
        // A damaged file moved aside is followed by one more try; a third failure in a row
        // is not damage this process can mend.
        let mut attempts = 0;
        let mut catalog = loop {
            attempts += 1;
            let seen = identity(&path);
            let error = match Catalog::open_file(&path) {
                Ok(c) => break c,
                Err(e) => e,
            };
            let damaged = match error.trouble() {
                Trouble::Damaged => true,
                Trouble::Other => fails_quick_check(&path),
                Trouble::Busy | Trouble::Full | Trouble::Io | Trouble::Newer => false,
            };
            if let CatalogError::Newer(v) = error {
                return Err(OpenError::Newer(v));
            }
            if !damaged || attempts >= 3 {
                return Err(OpenError::Database { path, error });
            }
            match move_aside_if_unchanged(dir, &path, seen) {
                Ok(Some(aside)) => warnings.push(format!(
                    "{}{} ({error})",
                    strings::CATALOG_DAMAGED,
                    sanitize_line(&aside.to_string_lossy())
                )),
                // Another process moved it (or it changed): open what is there now.
                Ok(None) => {}
                Err(e) => {
                    return Err(OpenError::Folder {
                        dir: dir.to_path_buf(),
                        why: e.to_string(),
                    });
                }
            }
        };
        warnings.extend(import::import_state_once(&mut catalog, dir));
        Ok((catalog, warnings))
    }

    /// Opens the database file, creating it (owner-only) when missing, and brings its
    /// schema up to date.
    pub(super) fn open_file(path: &Path) -> Result<Catalog, CatalogError> {
        // SQLite would block forever reading a FIFO planted in the database's place.
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            if std::fs::symlink_metadata(&file).is_ok_and(|m| !m.is_file()) {
                return Err(CatalogError::NotRegular);
            }
        }
        create_private_file(path)?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        schema::migrate(&mut conn)?;
        Ok(Catalog {
            conn,
            path: Some(path.to_path_buf()),
            synced: false,
        })
    }
}

/// WAL, the busy timeout, foreign keys; `NORMAL` sync is durable in WAL mode except for the
/// last transactions before a power cut (a kill loses nothing that was committed).
pub(super) fn configure(conn: &Connection) -> Result<(), CatalogError> {
    let timeout = busy_timeout();
    conn.busy_timeout(timeout)?;
    wal(conn, timeout)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A file that is not a database fails here, before anything is written.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
    Ok(())
}

/// Puts the database in WAL mode. Switching a new database needs a moment alone with it;
/// when another process has it at that moment SQLite may answer "busy" at once, so this
/// waits here, up to `timeout`. A file system without WAL keeps the old mode, which works
/// too (readers then wait for writers).
fn wal(conn: &Connection, timeout: Duration) -> Result<(), CatalogError> {
    let deadline = Instant::now() + timeout;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(e)
                if CatalogError::trouble_of(&e) == Trouble::Busy && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(15));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Whether SQLite's own check finds the database damaged. A check that cannot run (the
/// file busy or unreadable) is no proof of damage.
fn fails_quick_check(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    let _ = conn.busy_timeout(busy_timeout());
    let verdict = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0));
    match verdict {
        Ok(v) => v != "ok",
        Err(e) => CatalogError::trouble_of(&e) == Trouble::Damaged,
    }
}

/// The folder, and its parents, created owner-only when missing.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    if !std::fs::metadata(dir)?.is_dir() {
        return Err(std::io::Error::other(strings::ERR_NOT_REGULAR_SHORT));
    }
    Ok(())
}

/// The database file created empty and owner-only when missing (SQLite would create it
/// readable by everyone); an existing file, perhaps another process's, is not touched.
fn create_private_file(path: &Path) -> Result<(), CatalogError> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
                .pragma_update(None, "user_version", schema::VERSION + 5)
                .unwrap();
        }
        let (_, warnings) = Catalog::open(Some(dir.path()));
        assert!(
            warnings[0].starts_with(strings::CATALOG_NEWER),
            "{warnings:?}"
        );
        assert!(matches!(
            Catalog::open_on_disk(Some(dir.path())),
            Err(OpenError::Newer(v)) if v == schema::VERSION + 5
        ));
        let conn = Connection::open(dir.path().join(FILE_NAME)).unwrap();
        let v: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema::VERSION + 5, "untouched");
    }

    #[test]
    fn an_unusable_folder_gives_a_catalog_in_memory_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, "x").unwrap();
        let (mut c, warnings) = Catalog::open(Some(&file.join("data")));
        assert!(warnings[0].starts_with(strings::REMEMBERING_OFF));
        assert!(warnings[0].contains(strings::STATE_UNWRITABLE));
        c.set_last("k").unwrap();
        assert_eq!(c.last().unwrap().as_deref(), Some("k"), "kept in memory");
        assert!(matches!(
            Catalog::open_on_disk(Some(&file.join("data"))),
            Err(OpenError::Folder { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn the_database_and_a_new_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        drop(Catalog::open_on_disk(Some(&data)).unwrap());
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join(FILE_NAME)), 0o600);
    }
}
