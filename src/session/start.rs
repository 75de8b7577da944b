//! What the catalog knows when the reader starts, gathered for [`Msg::Start`]: the list at
//! once (the files under the library's folders and the feeds' items), the article open last,
//! the bookmarks, the feeds with their errors, and whether the search index is complete. A
//! relaunch draws this before any file is read. With no files and no feeds, the sample built
//! into the program is parsed and stored.

use std::path::Path;
use std::sync::Arc;

use super::Session;
use crate::app::{FeedInfo, Msg, Start};
use crate::article::Article;
use crate::catalog::{Catalog, CatalogError, Outcome, text_key};
use crate::feed::secret;
use crate::index::LibraryIndex;
use crate::library::scan::{absolute_roots, index_source, recorded_failure};
use crate::model::{Entry, Origin};
use crate::strings;

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("app", &self.app)
            .field("sources", &self.sources)
            .finish_non_exhaustive()
    }
}

/// The workers a session started by [`Session::start_behind_first_frame`] starts only once
/// the first frame is on screen, so that they do not take the two cores of a small machine
/// from the start: the library's scan (which looks at every file) and its watcher (which
/// watches every folder).
#[derive(Debug, Default)]
pub(super) struct Held {
    /// The app asked for a scan.
    pub scan: bool,
    /// The watcher is to start.
    pub watch: bool,
}

impl Session {
    /// The first frame is on screen: the work held for it starts (see
    /// [`Session::start_behind_first_frame`]); true when some did, and the screen may have
    /// changed (a catalog in memory is scanned here and now). Later calls do nothing.
    pub fn drawn(&mut self) -> bool {
        let Some(held) = self.held.take() else {
            return false;
        };
        if held.scan {
            self.start_scan();
        }
        if held.watch {
            self.start_watch();
        }
        self.run();
        held.scan || held.watch
    }

    /// Tells the app what the catalog knows of the sources, and how the library is kept
    /// current (a scan when there are files, the feeds' timer).
    pub(super) fn show_known(&mut self) {
        let mut start = Start {
            last: self.catalog.last().ok().flatten(),
            bookmarks: super::sync::marks(&self.catalog).unwrap_or_default(),
            index: self.index.as_ref().map(|_| self.index_complete),
            scan: !self.sources.paths.is_empty(),
            ..Start::default()
        };
        start.first_run = start.last.is_none();
        let feeds = self.known_feeds();
        if feeds {
            start.feeds = Some(self.sources.feeds.as_ref().and_then(|f| f.every));
            start.sync = self
                .sources
                .feeds
                .as_ref()
                .is_some_and(|f| f.sync.is_some());
        }
        let paths = self.sources.paths.clone();
        if paths.is_empty() && !feeds {
            start.entries = self.embedded(&mut start);
            return self.answer(Msg::Start(Box::new(start)));
        }
        let roots = absolute_roots(&paths);
        start.collection = feeds || roots.len() > 1 || roots.iter().any(|r| r.is_dir());
        if !roots.is_empty() {
            match self.catalog.entries_under(&roots) {
                Ok((files, failures)) => {
                    start.entries = files;
                    start.errors = failures
                        .into_iter()
                        .map(|(path, why)| recorded_failure(&path, why))
                        .collect();
                }
                Err(e) => self.warn(format!("{}{e}", strings::CATALOG_READ_FAILED)),
            }
        }
        if feeds {
            match self.catalog.item_entries() {
                Ok(items) => start.entries.extend(items),
                Err(e) => self.warn(format!("{}{e}", strings::CATALOG_READ_FAILED)),
            }
        }
        self.answer(Msg::Start(Box::new(start)));
        if feeds {
            match feed_infos(&self.catalog) {
                Ok(infos) => self.answer(Msg::Feeds(infos)),
                Err(e) => self.warn(format!("{}{e}", strings::CATALOG_READ_FAILED)),
            }
        }
    }

    /// Whether the library has feeds: the config's subscriptions recorded in the catalog,
    /// and any added by command.
    fn known_feeds(&mut self) -> bool {
        let Some(setup) = &self.sources.feeds else {
            return false;
        };
        if setup.sync.is_some() {
            // The server holds the subscriptions, whether or not they are known yet.
            return true;
        }
        if let Err(e) = self.catalog.sync_config_feeds(&setup.configured) {
            self.warn(format!("{}{e}", strings::CATALOG_WRITE_FAILED));
        }
        self.catalog.feeds().is_ok_and(|f| !f.is_empty())
    }

    /// The sample built into the program, parsed and stored; its files' problems go to
    /// `start`.
    fn embedded(&mut self, start: &mut Start) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (name, bytes) in crate::library::EMBEDDED {
            match crate::library::parse_bytes(bytes, Path::new(name), None) {
                Ok(a) => {
                    let size = bytes.len() as u64;
                    if let Some(e) = self.store(Origin::Embedded(name.to_string()), size, 0, &a) {
                        entries.push(e);
                    }
                }
                Err(p) => start
                    .errors
                    .push(crate::library::LoadError::new(Path::new(name), p)),
            }
        }
        entries
    }

    /// Stores one parsed article in the catalog and returns its list entry.
    pub(super) fn store(
        &mut self,
        origin: Origin,
        size: u64,
        mtime: i64,
        a: &Article,
    ) -> Option<Entry> {
        let key = text_key(a);
        let put = self.catalog.put(
            &origin,
            size,
            mtime,
            crate::article::PARSER_VERSION,
            Outcome::Article(a, &key),
        );
        match put {
            Ok(id) => {
                self.cache.insert(id, Arc::new(a.clone()));
                let read = self.catalog.is_read(&key).unwrap_or(false);
                Some(Entry {
                    id,
                    origin,
                    key,
                    title: a.title.clone(),
                    date: a.date.clone(),
                    time: a.time.clone(),
                    source: a.source.clone(),
                    sections: u32::try_from(a.sections.len()).unwrap_or(0),
                    read,
                    feeds: Vec::new(),
                })
            }
            Err(e) => {
                self.warn(format!("{}{e}", strings::CATALOG_WRITE_FAILED));
                None
            }
        }
    }

    /// Opens the search index, starting an empty one in place of a damaged or outdated one.
    /// It is complete when it holds as many articles as the catalog, built by this parser;
    /// otherwise the scan's worker fills it and searches go without it meanwhile. Pictures
    /// are kept beside it, in `images`.
    pub(super) fn open_index(&mut self, dir: &Path) {
        self.pictures.cache = dir.parent().map(|cache| {
            crate::images::Cache::new(cache.join("images"), crate::images::DEFAULT_CAP)
        });
        let opened = match LibraryIndex::open(dir) {
            Err(e) if e.needs_rebuild() => {
                self.warn(format!("{}{e}", strings::INDEX_REBUILT));
                LibraryIndex::rebuild(dir)
            }
            other => other,
        };
        match opened {
            Ok(index) => {
                self.index_complete = index
                    .info()
                    .is_ok_and(|i| i.source.as_deref() == Some(index_source().as_str()))
                    && self
                        .catalog
                        .parsed_ids()
                        .is_ok_and(|ids| ids.len() == index.len());
                self.index = Some(Arc::new(index));
            }
            Err(e) => self.warn(format!("{}{e}", strings::INDEX_UNUSABLE)),
        }
    }
}

/// The library's feeds as the reader shows them: their names and their last errors.
pub(super) fn feed_infos(catalog: &Catalog) -> Result<Vec<FeedInfo>, CatalogError> {
    Ok(catalog
        .feeds()?
        .into_iter()
        .map(|r| FeedInfo {
            name: r
                .subscription
                .name
                .clone()
                .or(r.title)
                .unwrap_or_else(|| secret::masked(&r.subscription.url)),
            url: secret::public(&r.subscription.url),
            error: r.error,
        })
        .collect())
}
