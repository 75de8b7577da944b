//! What can go wrong with the search index, sorted by what the caller should do about it: a
//! damaged or outdated index is thrown away and rebuilt from the library
//! ([`IndexError::needs_rebuild`]), a busy one is left to the process that writes it, and the
//! rest are reported. A panic inside the search engine while it reads a garbled file is
//! caught here and reported as damage too.

use std::path::{Path, PathBuf};

use crate::strings;

/// A failure of the search index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// The index folder cannot be created or listed.
    #[error("{}: {}: {source}", path.display(), strings::ERR_INDEX_FOLDER)]
    Folder {
        /// The index folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The files cannot be read as an index: missing, truncated or garbled.
    #[error("{}: {} ({detail})", path.display(), strings::ERR_INDEX_DAMAGED)]
    Damaged {
        /// The index folder.
        path: PathBuf,
        /// What the search engine said.
        detail: String,
    },
    /// The index was written by a version of the program that tokenizes or stores
    /// differently.
    #[error("{}: {} (format {}, expected {expected})", path.display(), strings::ERR_INDEX_OUTDATED,
        found.map_or_else(|| "unknown".to_owned(), |f| f.to_string()))]
    Outdated {
        /// The index folder.
        path: PathBuf,
        /// The format found, if any could be read.
        found: Option<u32>,
        /// The format this program writes ([`super::FORMAT`]).
        expected: u32,
    },
    /// Another process holds the index's write lock.
    #[error("{}: {}", path.display(), strings::ERR_INDEX_BUSY)]
    Busy {
        /// The index folder.
        path: PathBuf,
    },
    /// Writing failed (a full disk, a file system error).
    #[error("{}: {} ({detail})", path.display(), strings::ERR_INDEX_WRITE)]
    Write {
        /// The index folder.
        path: PathBuf,
        /// What the search engine said.
        detail: String,
    },
    /// An article too long to index: positions are 32-bit.
    #[error("article {id}: {}", strings::ERR_INDEX_TOO_LONG)]
    TooLong {
        /// The article's id.
        id: u64,
    },
}

impl IndexError {
    /// Whether the remedy is to discard the index and build it again from the library
    /// (see [`super::LibraryIndex::rebuild`]).
    pub fn needs_rebuild(&self) -> bool {
        matches!(
            self,
            IndexError::Damaged { .. } | IndexError::Outdated { .. }
        )
    }
}

/// Runs `f`, turning a panic into [`IndexError::Damaged`]: tantivy trusts its files, and
/// reading a garbled one can panic where a checksum would have told. It runs under
/// [`crate::guard::catch`], so the panic hook knows the panic is caught: it neither prints
/// an internal error nor gives the terminal back.
pub fn guarded<T>(dir: &Path, f: impl FnOnce() -> Result<T, IndexError>) -> Result<T, IndexError> {
    crate::guard::catch(f).unwrap_or_else(|detail| {
        Err(IndexError::Damaged {
            path: dir.to_owned(),
            detail,
        })
    })
}
