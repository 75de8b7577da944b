//! Reading a file that may not be what its name promises. A FIFO or a device where an article,
//! the config or the state is expected would block a plain `read` forever (or, for
//! `/dev/zero`, fill memory); a file swapped for one between a type check and the open would
//! do the same. So the file is opened without blocking, its type is checked on the open handle
//! (not on the path), and it is read through a size cap.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Nothing at that path.
    #[error("not found")]
    NotFound,
    /// A folder, FIFO, socket or device.
    #[error("not a regular file")]
    NotRegular,
    /// Larger than the cap.
    #[error("too large ({size} bytes, limit {cap})")]
    TooLarge {
        /// The size seen (at least `cap + 1`).
        size: u64,
        /// The cap.
        cap: u64,
    },
    /// Any other failure of the system.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Opens `path` for reading without blocking on a FIFO or device, and checks on the handle
/// that it is a regular file.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    if !file.metadata()?.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok(file)
}

/// Reads a regular file of at most `cap` bytes. A file that grows past the cap while it is
/// read is refused too.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > cap {
        return Err(ReadError::TooLarge { size, cap });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > cap {
        return Err(ReadError::TooLarge { size: read, cap });
    }
    Ok(bytes)
}

/// A size in bytes for people: `812 bytes`, `3.4 KB`, `64 MB`, `2.1 GB` (powers of 1024).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value >= 10.0 || value.fract() < 0.05 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "新闻").unwrap();
        assert_eq!(read_capped(&p, 100).unwrap(), "新闻".as_bytes());
        assert!(matches!(
            read_capped(&p, 3),
            Err(ReadError::TooLarge { size: 6, cap: 3 })
        ));
        assert!(matches!(
            read_capped(&dir.path().join("missing"), 9),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            read_capped(dir.path(), 9),
            Err(ReadError::NotRegular)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn test_fifo_and_devices_do_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("state.toml");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read_capped(&fifo, 1 << 20),
            Err(ReadError::NotRegular)
        ));
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 1 << 20),
            Err(ReadError::NotRegular)
        ));
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(812), "812 bytes");
        assert_eq!(human_size(3482), "3.4 KB");
        assert_eq!(human_size(64 << 20), "64 MB");
        assert_eq!(human_size(2_254_857_830), "2.1 GB");
    }
}
