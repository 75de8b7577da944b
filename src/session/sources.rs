//! What a session is started with: what the reader reads (files and folders, news feeds,
//! or, when there is neither, the sample built into the program), where it keeps what it
//! knows, and the settings from the config.

use std::path::PathBuf;
use std::time::Duration;

use crate::feed::{FetchOptions, Subscription};
use crate::keymap::Keymap;
use crate::layout::LayoutOptions;
use crate::library::LoadOptions;
use crate::model::Order;
use crate::sync::{SyncOptions, SyncSettings};

/// Everything [`super::Session::start`] needs.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// What the library holds.
    pub sources: Sources,
    /// Where the catalog and the index live.
    pub places: Places,
    /// How articles are set.
    pub layout: LayoutOptions,
    /// How files are read.
    pub load: LoadOptions,
    /// How the Articles list is ordered.
    pub order: Order,
    /// The key bindings.
    pub keymap: Keymap,
    /// Open on the Feeds overlay (`start = "feeds"`).
    pub feeds_home: bool,
}

/// The usual folder of the search index: `index` in the project cache directory of
/// `directories`, or in `NEWSREADER_CACHE_DIR`. It can always be rebuilt from the catalog.
pub fn default_index_dir() -> Option<PathBuf> {
    let cache = match std::env::var_os("NEWSREADER_CACHE_DIR").filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => directories::ProjectDirs::from("", "", "newsreader")?
            .cache_dir()
            .to_path_buf(),
    };
    Some(cache.join("index"))
}

/// Where a session keeps what it knows: the catalog's data folder and the search index's
/// folder; `None` for either means doing without it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    /// The data folder (the catalog).
    pub data: Option<PathBuf>,
    /// The search index's folder.
    pub index: Option<PathBuf>,
}

impl Places {
    /// The usual places: the data folder and the cache folder of `directories`, or
    /// `NEWSREADER_DATA_DIR` and `NEWSREADER_CACHE_DIR`.
    pub fn usual() -> Places {
        Places {
            data: crate::catalog::default_dir(),
            index: default_index_dir(),
        }
    }
}

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
    /// With `[sync]`: the server's subscriptions are the feeds, and a refresh is a sync.
    pub sync: Option<SyncSetup>,
}

/// How the reader syncs with a feed server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncSetup {
    /// The server (`[sync]`).
    pub settings: SyncSettings,
    /// How a sync behaves.
    pub options: SyncOptions,
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
