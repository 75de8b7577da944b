//! What the reader reads: files and folders, news feeds, or (when there is neither) the
//! sample built into the program.

use std::path::PathBuf;
use std::time::Duration;

use crate::feed::{FetchOptions, Subscription};

/// Where the library's articles come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// Files, and folders read recursively (from the command line or the config).
    pub paths: Vec<PathBuf>,
    /// News feeds: their items join the library, and `R` refreshes them.
    pub feeds: Option<FeedSetup>,
}

/// How the reader refreshes feeds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedSetup {
    /// The subscriptions named in the config (those added by command are in the catalog).
    pub configured: Vec<Subscription>,
    /// How fetching behaves.
    pub options: FetchOptions,
    /// Refresh on its own this often (`refresh-minutes`).
    pub every: Option<Duration>,
}

impl Sources {
    /// The sample built into the program.
    pub fn embedded() -> Sources {
        Sources::default()
    }

    /// Files and folders, no feeds.
    pub fn paths(paths: Vec<PathBuf>) -> Sources {
        Sources { paths, feeds: None }
    }
}
