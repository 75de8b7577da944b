//! Why a file could not be loaded, in words a reader can act on: the problem, and the path
//! it concerns shown so that no control character reaches the terminal.

use std::fmt;
use std::path::Path;

/// Why a file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The path does not exist.
    NotFound,
    /// The file exists but reading it failed (permissions, I/O).
    Unreadable(String),
    /// The path is neither a regular file nor a folder (a device, a socket, a pipe).
    NotRegular,
    /// The file holds binary data, not text.
    Binary,
    /// The encoding given with `--encoding` does not fit the bytes; its name.
    NotInEncoding(&'static str),
    /// The file is empty or holds only whitespace.
    Empty,
    /// Following symbolic links leads back to a folder already being read.
    SymlinkLoop,
    /// The file is larger than the configured limit.
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Decoding or parsing met a bug (a panic, caught); its message.
    Internal(String),
    /// A failure found by an earlier run and kept in the catalog (the file has not changed
    /// since); its message.
    Recorded(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::strings as s;
        match self {
            Problem::NotFound => f.write_str(s::ERR_NOT_FOUND),
            Problem::Unreadable(why) => write!(f, "{}: {why}", s::ERR_UNREADABLE),
            Problem::NotRegular => f.write_str(s::ERR_NOT_REGULAR),
            Problem::Binary => f.write_str(s::ERR_BINARY),
            Problem::NotInEncoding(name) => write!(
                f,
                "{}{name}{}",
                s::ERR_NOT_IN_ENCODING,
                s::ERR_NOT_IN_ENCODING_HINT
            ),
            Problem::Empty => f.write_str(s::ERR_EMPTY),
            Problem::SymlinkLoop => f.write_str(s::ERR_LOOP),
            Problem::TooLarge { size, limit } => write!(
                f,
                "{} ({}; the limit is {}: {})",
                s::ERR_TOO_LARGE,
                crate::files::human_size(*size),
                crate::files::human_size(*limit),
                s::ERR_TOO_LARGE_HINT
            ),
            Problem::Internal(why) => write!(f, "{}{why})", s::ERR_INTERNAL),
            Problem::Recorded(why) => f.write_str(why),
        }
    }
}

/// A file that could not be loaded, and why. Displays as `path: problem`, with the path
/// sanitised so that no control character reaches the terminal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct LoadError {
    /// The path, sanitised for display.
    pub path: String,
    /// What went wrong.
    pub problem: Problem,
}

impl LoadError {
    /// The error for `path`, the path sanitised for display.
    pub fn new(path: &Path, problem: Problem) -> LoadError {
        LoadError {
            path: display_path(path),
            problem,
        }
    }
}

/// A path as it may be shown on screen or in an error message: control, bidi and
/// zero-width characters in it shown as escapes ([`crate::output::line`]), so that a strange
/// name can still be told apart and found.
pub fn display_path(path: &Path) -> String {
    crate::output::line(&path.to_string_lossy()).into_owned()
}
