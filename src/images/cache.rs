//! The pictures read, kept on disk in the cache folder so that an article opened again shows
//! its pictures at once and offline. Each picture is one file named by a hash of its address,
//! starting with the address itself (so a hash collision is a miss, not a wrong picture). The
//! cache never grows past its cap: after every write the least recently used files go first
//! (a read touches a file). Everything here can be deleted at any time.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The default cap, in bytes.
pub const DEFAULT_CAP: u64 = 200 * 1024 * 1024;

/// A size-capped picture cache in one folder.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    cap: u64,
}

/// FNV-1a, 64 bits: a stable name for an address (the standard hasher may change between
/// compiler versions).
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Cache {
    /// A cache in `dir` (created when first written) that keeps at most `cap` bytes.
    pub fn new(dir: impl Into<PathBuf>, cap: u64) -> Cache {
        Cache {
            dir: dir.into(),
            cap,
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{:016x}.img", fnv(key)))
    }

    /// The bytes stored for `key`, if any; marks them recently used.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let path = self.path(key);
        let stored = fs::read(&path).ok()?;
        let (head, body) = stored.split_at(stored.iter().position(|&b| b == b'\n')?);
        if head != key.as_bytes() {
            return None;
        }
        if let Ok(f) = fs::File::options().append(true).open(&path) {
            let _ = f.set_modified(SystemTime::now());
        }
        Some(body.get(1..).unwrap_or_default().to_vec())
    }

    /// Stores `bytes` for `key` (a key with a line break is not stored), then trims the
    /// cache to its cap. A picture larger than the whole cap is not kept.
    pub fn put(&self, key: &str, bytes: &[u8]) -> io::Result<()> {
        let size = (key.len() + 1 + bytes.len()) as u64;
        if key.contains('\n') || size > self.cap {
            return Ok(());
        }
        fs::create_dir_all(&self.dir)?;
        let path = self.path(key);
        let partial = path.with_extension("part");
        {
            let mut f = fs::File::create(&partial)?;
            f.write_all(key.as_bytes())?;
            f.write_all(b"\n")?;
            f.write_all(bytes)?;
        }
        fs::rename(&partial, &path)?;
        self.trim().map(|_| ())
    }

    /// Removes the least recently used pictures until the cache holds at most its cap;
    /// returns the bytes it holds then.
    pub fn trim(&self) -> io::Result<u64> {
        let mut files: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let entry = entry?;
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "img") {
                let meta = entry.metadata()?;
                let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                files.push((used, meta.len(), path));
            }
        }
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        files.sort();
        for (_, len, path) in files {
            if total <= self.cap {
                break;
            }
            fs::remove_file(&path)?;
            total = total.saturating_sub(len);
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_come_back_and_the_cap_holds() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("images"), 3000);
        assert_eq!(cache.get("https://a.example/1.png"), None);
        cache.put("https://a.example/1.png", &[1; 1000]).unwrap();
        assert_eq!(cache.get("https://a.example/1.png"), Some(vec![1; 1000]));
        let old = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        fs::File::options()
            .append(true)
            .open(cache.path("https://a.example/1.png"))
            .unwrap()
            .set_modified(old)
            .unwrap();
        cache.put("https://a.example/2.png", &[2; 1000]).unwrap();
        cache.put("https://a.example/3.png", &[3; 1000]).unwrap();
        // Over the cap: the least recently used one went.
        assert_eq!(cache.get("https://a.example/1.png"), None);
        assert!(cache.get("https://a.example/2.png").is_some());
        assert!(cache.trim().unwrap() <= 3000);
        // Larger than the whole cache: not kept.
        cache.put("https://a.example/big.png", &[0; 4000]).unwrap();
        assert_eq!(cache.get("https://a.example/big.png"), None);
    }
}
