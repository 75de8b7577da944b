//! The index's folder, written without a sync to disk per file. tantivy's own folder syncs
//! every file of a new segment and the folder itself at each commit (about 18 syncs, 100 ms
//! and more on a slow disk); here a commit is as durable as the operating system's page
//! cache, which a killed process never loses. Only a crash of the machine itself (power,
//! kernel) can leave a commit that names files not fully on disk, and the index is no
//! record of its own: such an index fails to open or to verify as [`super::IndexError::
//! Damaged`], and is built again from the catalog, which keeps SQLite's durability.
//!
//! Files are still replaced atomically (written aside, then renamed), so a reader never sees
//! half of `meta.json`.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

/// An [`MmapDirectory`] whose writes are not synced.
#[derive(Debug, Clone)]
pub struct Unsynced {
    inner: MmapDirectory,
    root: PathBuf,
}

impl Unsynced {
    /// The index folder `root` (which must exist).
    pub fn open(root: &Path) -> Result<Unsynced, io::Error> {
        let inner = MmapDirectory::open(root).map_err(|e| io::Error::other(e.to_string()))?;
        Ok(Unsynced {
            inner,
            root: root.to_path_buf(),
        })
    }
}

/// A file being written: flushed, not synced, when done.
struct Plain(File);

impl Write for Plain {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl TerminatingWrite for Plain {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        self.0.flush()
    }
}

/// Numbers the files written aside, so that two writes never share one.
static ASIDE: AtomicU64 = AtomicU64::new(0);

impl Directory for Unsynced {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.root.join(path))
            .map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => {
                    OpenWriteError::FileAlreadyExists(path.to_path_buf())
                }
                _ => OpenWriteError::wrap_io_error(e, path.to_path_buf()),
            })?;
        Ok(BufWriter::new(Box::new(Plain(file))))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let target = self.root.join(path);
        let mut aside = target.clone().into_os_string();
        let n = ASIDE.fetch_add(1, Ordering::Relaxed);
        aside.push(format!(".{}-{n}.tmp", std::process::id()));
        let aside = PathBuf::from(aside);
        let written = std::fs::write(&aside, data).and_then(|()| std::fs::rename(&aside, &target));
        if written.is_err() {
            let _ = std::fs::remove_file(&aside);
        }
        written
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_written_read_and_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let d = Unsynced::open(dir.path()).unwrap();
        let mut w = d.open_write(Path::new("a.bin")).unwrap();
        w.write_all(b"segment").unwrap();
        w.terminate().unwrap();
        assert_eq!(std::fs::read(dir.path().join("a.bin")).unwrap(), b"segment");
        assert!(matches!(
            d.open_write(Path::new("a.bin")),
            Err(OpenWriteError::FileAlreadyExists(_))
        ));
        d.atomic_write(Path::new("meta.json"), b"one").unwrap();
        d.atomic_write(Path::new("meta.json"), b"two").unwrap();
        assert_eq!(d.atomic_read(Path::new("meta.json")).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "nothing left aside: {names:?}");
    }
}
