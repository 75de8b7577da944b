//! Moving a damaged database aside, the one change made to a library's files that is not
//! SQLite's own: `library.db` (with its `-wal` and `-shm` files) becomes
//! `library.db.corrupt-<seconds>`, never over an earlier damaged copy, and only while this
//! process holds a lock on the data folder and the file is still the one found damaged: a
//! fresh database another process started in its place meanwhile is never moved.

use std::path::{Path, PathBuf};

/// What tells one file from another that later takes its name.
#[cfg(unix)]
pub(super) fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub(super) fn identity(path: &Path) -> Option<(u64, u64)> {
    std::fs::symlink_metadata(path).ok().map(|m| (m.len(), 0))
}

/// Moves the damaged database (with its `-wal` and `-shm` files) aside, unless it is no
/// longer the file found damaged (`seen`): another process may have moved it and started
/// a fresh one meanwhile. Holds the data folder's lock while it looks and moves, so two
/// processes never both move. `Ok(None)`: nothing was moved.
pub(super) fn move_aside_if_unchanged(
    dir: &Path,
    path: &Path,
    seen: Option<(u64, u64)>,
) -> std::io::Result<Option<PathBuf>> {
    let _lock = FolderLock::take(dir)?;
    if seen.is_none() || identity(path) != seen {
        return Ok(None);
    }
    let aside = free_aside_name(path);
    std::fs::rename(path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let mut side_aside = aside.as_os_str().to_owned();
        side_aside.push(suffix);
        let _ = std::fs::rename(side, side_aside);
    }
    Ok(Some(aside))
}

/// `name.corrupt-<unix seconds>`, with `-2`, `-3`, … when that is taken: an earlier damaged
/// copy is never replaced.
fn free_aside_name(path: &Path) -> PathBuf {
    let first = super::aside_name(path);
    let mut candidate = first.clone();
    let mut n = 1;
    while std::fs::symlink_metadata(&candidate).is_ok() {
        n += 1;
        let mut name = first.as_os_str().to_owned();
        name.push(format!("-{n}"));
        candidate = PathBuf::from(name);
    }
    candidate
}

/// An exclusive advisory lock on the data folder, released when dropped.
struct FolderLock {
    #[cfg(unix)]
    _file: std::fs::File,
}

impl FolderLock {
    #[cfg(unix)]
    fn take(dir: &Path) -> std::io::Result<FolderLock> {
        use std::os::fd::AsRawFd;
        let file = std::fs::File::open(dir)?;
        // SAFETY: `flock` on a descriptor this function owns; it only takes a lock, which
        // closing the descriptor (dropping the file) releases.
        loop {
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
                break;
            }
            let e = std::io::Error::last_os_error();
            if e.kind() != std::io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
        Ok(FolderLock { _file: file })
    }

    #[cfg(not(unix))]
    fn take(_dir: &Path) -> std::io::Result<FolderLock> {
        Ok(FolderLock {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, FILE_NAME};
    use crate::strings;

    #[test]
    fn a_second_damaged_copy_never_replaces_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(FILE_NAME);
        for garbage in [
            &b"first damaged file, forty bytes or so..."[..],
            b"second one",
        ] {
            std::fs::write(&db, garbage).unwrap();
            let (_, warnings) = Catalog::open(Some(dir.path()));
            assert!(warnings[0].starts_with(strings::CATALOG_DAMAGED));
        }
        let mut kept: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .map(|e| std::fs::read(e.path()).unwrap())
            .collect();
        kept.sort();
        assert_eq!(
            kept,
            [
                b"first damaged file, forty bytes or so...".to_vec(),
                b"second one".to_vec()
            ]
        );
    }

    #[test]
    fn a_file_that_changed_since_it_was_found_damaged_is_not_moved() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(FILE_NAME);
        std::fs::write(&db, b"garbage").unwrap();
        let seen = identity(&db);
        // Another process moved it aside and started a fresh database meanwhile.
        std::fs::rename(&db, dir.path().join("elsewhere")).unwrap();
        drop(Catalog::open_file(&db).unwrap());
        assert_eq!(
            move_aside_if_unchanged(dir.path(), &db, seen).unwrap(),
            None
        );
        assert!(Catalog::open_file(&db).is_ok(), "the fresh one stays");
    }
}
