//! What the reader reads: the sample built into the program, or files and folders.

use std::path::PathBuf;

/// Where the library's articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sources {
    /// The sample article built into the program.
    Embedded,
    /// Files, and folders read recursively (from the command line or the config).
    Paths(Vec<PathBuf>),
}
