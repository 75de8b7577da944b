//! The reader at work: the [`App`] (all state, no I/O) joined to the catalog and the workers
//! that keep it current. Input goes to the app; what the app asks for ([`Effect`]s) is
//! carried out here: articles read from the catalog (a few recent ones kept), positions and
//! bookmarks written, the library's files scanned on a worker thread and watched for
//! changes, library searches run in slices between key presses. Messages from the workers
//! arrive through [`Session::pump`]; the terminal loop calls it when woken. Tests drive a
//! session directly, without a terminal.

mod cache;
mod library_scan;
mod sources;
mod writer;

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crate::app::FeedInfo;
use crate::app::{App, Effect, PromptKey};
use crate::article::Article;
use std::collections::HashMap;

use crate::catalog::{Catalog, CatalogError, Outcome, text_key};
use crate::feed::secret;
use crate::index::{LibraryIndex, first_match};
use crate::keymap::Action;
use crate::layout::LayoutOptions;
use crate::library::scan::{
    ScanEvent, absolute_roots, index_source, reconcile_index, recorded_failure, scan,
};
use crate::library::{Library, LoadOptions};
use crate::model::{ArticleId, Entry, Order, Origin, StoredPlace};
use crate::strings;

pub use sources::{FeedSetup, Sources};

use cache::ArticleCache;
use library_scan::LibraryScan;

/// How long a library search may run before input is looked at again.
pub const SLICE: Duration = Duration::from_millis(8);

/// After a change on disk, the library is scanned again once things have been quiet this long
/// (a file being written fires many events).
const SETTLE: Duration = Duration::from_millis(400);

/// A message from one of the session's workers.
#[derive(Debug)]
pub enum Work {
    /// What the library scan found.
    Scan(ScanEvent),
    /// A library scan could not use the catalog; the reason.
    ScanFailed(String),
    /// Something changed in the library's folders.
    Changed,
    /// The search index now holds every article of the catalog.
    IndexReady,
    /// How a feed refresh goes.
    Fetch(FetchEvent),
    /// Writing the reading state failed; why.
    WriteFailed(String),
}

/// News of a feed refresh.
#[derive(Debug)]
pub enum FetchEvent {
    /// Feeds done of feeds in all.
    Progress(usize, usize),
    /// An item is new or changed (already stored).
    Item(Entry),
    /// The refresh is over: items new and changed, and each failed feed's error.
    Done {
        /// Items seen for the first time.
        new: usize,
        /// Items whose text changed.
        updated: usize,
        /// `feed: problem` for each feed that failed.
        failed: Vec<String>,
    },
    /// The refresh could not use the catalog; why.
    Failed(String),
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

/// The app and everything that serves it.
pub struct Session {
    app: App,
    catalog: Catalog,
    sources: Sources,
    load: LoadOptions,
    cache: ArticleCache,
    tx: Sender<Work>,
    rx: Receiver<Work>,
    /// Tells the loop that a worker message waits.
    nudge: Arc<dyn Fn() + Send + Sync>,
    scan_cancel: Option<Arc<AtomicBool>>,
    /// The worker threads started (scan, watch), for [`Session::shutdown`].
    threads: Vec<std::thread::JoinHandle<()>>,
    /// The thread that writes the reading state (none for a catalog in memory, which is
    /// written here and now).
    writer: Option<writer::Writer>,
    /// Positions handed to the writer this session, newest per key: what reopening an
    /// article uses, whether or not the writer has got to them.
    places: HashMap<String, StoredPlace>,
    scanning: bool,
    /// The scan's worker is filling the search index.
    indexing: bool,
    /// A feed refresh is running.
    fetching: bool,
    /// When feeds are next refreshed on their own (`refresh-minutes`).
    refresh_at: Option<Instant>,
    /// Worker messages wait that [`Session::pump`] had no time for.
    backlog: bool,
    rescan_at: Option<Instant>,
    search: Option<LibraryScan>,
    /// The library search index, when it could be opened.
    index: Option<Arc<LibraryIndex>>,
    /// Whether the index holds every article (else searches scan, and say so).
    index_ready: bool,
    /// The watcher of the library's folders, once set up.
    watcher: Arc<std::sync::Mutex<Option<notify::RecommendedWatcher>>>,
    /// An address to open in the browser, for the terminal loop.
    browse: Option<String>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("app", &self.app)
            .field("sources", &self.sources)
            .finish_non_exhaustive()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(cancel) = self.scan_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
    }
}

impl Deref for Session {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl Session {
    /// Opens the catalog in `data` (`None`: remember nothing) and the search index in
    /// `index` (`None`: search without one), shows what the catalog knows of `sources` at
    /// once (the Articles list in `order`), and starts a worker that brings both up to date.
    /// `nudge` is called (from any thread) when a worker message waits for
    /// [`Session::pump`].
    pub fn start(
        sources: Sources,
        layout: LayoutOptions,
        load: LoadOptions,
        order: Order,
        places: Places,
        nudge: Arc<dyn Fn() + Send + Sync>,
    ) -> Session {
        let (catalog, warnings) = Catalog::open(places.data.as_deref());
        let mut s = Session::with_catalog(catalog, sources, layout, load, nudge);
        s.start_writer();
        s.app.set_order(order);
        for w in warnings {
            s.app.warn(w);
        }
        if let Some(dir) = places.index {
            s.open_index(&dir);
        }
        s.show_known();
        s.start_scan();
        s.start_watch();
        if let Some(every) = s.sources.feeds.as_ref().and_then(|f| f.every) {
            s.refresh_at = Some(Instant::now() + every);
        }
        s.run_effects();
        s
    }

    /// A session over articles already parsed, with a catalog in memory: for tests and
    /// benchmarks. The library's articles are stored in the catalog as they are.
    pub fn memory(library: Library, layout: LayoutOptions) -> Session {
        let nudge: Arc<dyn Fn() + Send + Sync> = Arc::new(|| {});
        let mut s = Session::with_catalog(
            Catalog::memory(),
            Sources::embedded(),
            layout,
            LoadOptions::default(),
            nudge,
        );
        let Library { articles, errors } = library;
        let collection = articles.len() > 1;
        let mut entries = Vec::new();
        for (i, a) in articles.iter().enumerate() {
            let origin = match &a.path {
                Some(p) => Origin::File(PathBuf::from(p)),
                None => Origin::Embedded(format!("{i:06}")),
            };
            if let Some(e) = s.store(origin, 0, 0, a) {
                entries.push(e);
            }
        }
        s.app.set_collection(collection);
        s.app.set_first_run(true);
        s.app.set_entries(entries, None);
        for e in errors {
            s.app.add_load_error(e);
        }
        s.run_effects();
        s
    }

    fn with_catalog(
        catalog: Catalog,
        sources: Sources,
        layout: LayoutOptions,
        load: LoadOptions,
        nudge: Arc<dyn Fn() + Send + Sync>,
    ) -> Session {
        let (tx, rx) = mpsc::channel();
        let mut app = App::new(layout);
        if let Ok(marks) = catalog.bookmarks() {
            app.set_bookmarks(marks);
        }
        Session {
            app,
            browse: None,
            catalog,
            sources,
            load,
            cache: ArticleCache::default(),
            tx,
            rx,
            nudge,
            scan_cancel: None,
            threads: Vec::new(),
            writer: None,
            places: HashMap::new(),
            scanning: false,
            indexing: false,
            fetching: false,
            refresh_at: None,
            backlog: false,
            rescan_at: None,
            search: None,
            index: None,
            index_ready: false,
            watcher: Arc::default(),
        }
    }

    /// Opens the search index, starting an empty one in place of a damaged or outdated one.
    /// It is ready at once when it holds as many articles as the catalog, built by this
    /// parser; otherwise the scan's worker fills it and searches go without it meanwhile.
    fn open_index(&mut self, dir: &std::path::Path) {
        let opened = match LibraryIndex::open(dir) {
            Err(e) if e.needs_rebuild() => {
                self.app.warn(format!("{}{e}", strings::INDEX_REBUILT));
                LibraryIndex::rebuild(dir)
            }
            other => other,
        };
        match opened {
            Ok(index) => {
                let complete = index
                    .info()
                    .is_ok_and(|i| i.source.as_deref() == Some(index_source().as_str()))
                    && self
                        .catalog
                        .parsed_ids()
                        .is_ok_and(|ids| ids.len() == index.len());
                self.index_ready = complete;
                self.index = Some(Arc::new(index));
            }
            Err(e) => self.app.warn(format!("{}{e}", strings::INDEX_UNUSABLE)),
        }
    }

    /// Stores one parsed article in the catalog and returns its list entry.
    fn store(&mut self, origin: Origin, size: u64, mtime: i64, a: &Article) -> Option<Entry> {
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
                    source: a.source.clone(),
                    sections: u32::try_from(a.sections.len()).unwrap_or(0),
                    read,
                    feeds: Vec::new(),
                })
            }
            Err(e) => {
                self.app
                    .warn(format!("{}{e}", strings::CATALOG_WRITE_FAILED));
                None
            }
        }
    }

    /// Shows what the catalog already knows of the sources: the list at once, the last
    /// open article (or the first) asked for. With no files and no feeds, the sample.
    fn show_known(&mut self) {
        let last = self.catalog.last().ok().flatten();
        self.app.set_first_run(last.is_none());
        let feeds = self.known_feeds();
        let paths = self.sources.paths.clone();
        if paths.is_empty() && !feeds {
            return self.show_embedded(last.as_deref());
        }
        let roots = absolute_roots(&paths);
        let collection = feeds || roots.len() > 1 || roots.iter().any(|r| r.is_dir());
        self.app.set_collection(collection);
        let mut entries = Vec::new();
        if !roots.is_empty() {
            match self.catalog.entries_under(&roots) {
                Ok((files, failures)) => {
                    entries = files;
                    for (path, why) in failures {
                        self.app.add_load_error(recorded_failure(&path, why));
                    }
                }
                Err(e) => self
                    .app
                    .warn(format!("{}{e}", strings::CATALOG_READ_FAILED)),
            }
        }
        if feeds {
            match self.catalog.item_entries() {
                Ok(items) => entries.extend(items),
                Err(e) => self
                    .app
                    .warn(format!("{}{e}", strings::CATALOG_READ_FAILED)),
            }
            self.tell_feeds();
        }
        self.app.set_entries(entries, last.as_deref());
    }

    /// Hands the app the library's feeds: their names and their last errors.
    fn tell_feeds(&mut self) {
        match self.catalog.feeds() {
            Ok(rows) => self.app.set_feeds(
                rows.into_iter()
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
                    .collect(),
            ),
            Err(e) => self
                .app
                .warn(format!("{}{e}", strings::CATALOG_READ_FAILED)),
        }
    }

    /// Whether the library has feeds: the config's subscriptions recorded in the catalog,
    /// and any added by command.
    fn known_feeds(&mut self) -> bool {
        let Some(setup) = &self.sources.feeds else {
            return false;
        };
        if let Err(e) = self.catalog.sync_config_feeds(&setup.configured) {
            self.app
                .warn(format!("{}{e}", strings::CATALOG_WRITE_FAILED));
        }
        self.catalog.feeds().is_ok_and(|f| !f.is_empty())
    }

    /// The sample built into the program, parsed and shown.
    fn show_embedded(&mut self, last: Option<&str>) {
        let mut entries = Vec::new();
        for (name, bytes) in crate::library::EMBEDDED {
            match crate::library::parse_bytes(bytes, std::path::Path::new(name), None) {
                Ok(a) => {
                    let size = bytes.len() as u64;
                    if let Some(e) = self.store(Origin::Embedded(name.to_string()), size, 0, &a) {
                        entries.push(e);
                    }
                }
                Err(p) => self.app.add_load_error(crate::library::LoadError::new(
                    std::path::Path::new(name),
                    p,
                )),
            }
        }
        self.app.set_collection(false);
        self.app.set_entries(entries, last);
    }

    /// Starts the worker that brings the catalog up to date with the files (a catalog in
    /// memory is brought up to date here and now).
    fn start_scan(&mut self) {
        let paths = &self.sources.paths;
        if paths.is_empty() {
            return;
        }
        if let Some(cancel) = self.scan_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
        let roots = absolute_roots(paths);
        let load = self.load;
        // One core is left to the reader itself.
        let threads =
            std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1));
        let cancel = Arc::new(AtomicBool::new(false));
        self.scanning = true;
        self.indexing = self.index.is_some();
        match self.catalog.connect() {
            Some(Ok(mut worker_catalog)) => {
                let (tx, nudge, stop) = (
                    self.tx.clone(),
                    Arc::clone(&self.nudge),
                    Arc::clone(&cancel),
                );
                let index = self.index.clone();
                let spawned = std::thread::Builder::new()
                    .name("library scan".into())
                    .spawn(move || {
                        let tell = |w| {
                            let _ = tx.send(w);
                            nudge();
                        };
                        let result = crate::guard::catch(|| {
                            scan(
                                &mut worker_catalog,
                                index.as_deref(),
                                &roots,
                                &load,
                                threads,
                                &stop,
                                |e| tell(Work::Scan(e)),
                            )
                        });
                        let failed = match result {
                            Ok(Ok(_)) => None,
                            Ok(Err(e)) => Some(e.to_string()),
                            Err(panic) => Some(panic),
                        };
                        if let Some(why) = failed {
                            tell(Work::ScanFailed(why));
                            return;
                        }
                        // Then the index is made to hold every article of the catalog.
                        if let Some(index) = index {
                            let filled = crate::guard::catch(|| {
                                reconcile_index(&worker_catalog, &index, &stop)
                            });
                            let failed = match filled {
                                Ok(Ok(_)) if !stop.load(Ordering::Relaxed) => {
                                    tell(Work::IndexReady);
                                    None
                                }
                                Ok(Ok(_)) => None,
                                Ok(Err(e)) => Some(e.to_string()),
                                Err(panic) => Some(panic),
                            };
                            if let Some(why) = failed {
                                tell(Work::Scan(ScanEvent::IndexFailed(why)));
                            }
                        }
                    });
                self.threads.retain(|h| !h.is_finished());
                match spawned {
                    Ok(handle) => self.threads.push(handle),
                    Err(_) => self.scanning = false,
                }
            }
            Some(Err(e)) => {
                self.scanning = false;
                self.app
                    .warn(format!("{}{e}", strings::CATALOG_READ_FAILED));
            }
            None => {
                let tx = self.tx.clone();
                let result = scan(
                    &mut self.catalog,
                    self.index.as_deref(),
                    &roots,
                    &load,
                    threads,
                    &cancel,
                    |e| {
                        let _ = tx.send(Work::Scan(e));
                    },
                );
                if let Err(e) = result {
                    let _ = tx.send(Work::ScanFailed(e.to_string()));
                } else if let Some(index) = &self.index {
                    let _ = tx.send(match reconcile_index(&self.catalog, index, &cancel) {
                        Ok(_) => Work::IndexReady,
                        Err(e) => Work::Scan(ScanEvent::IndexFailed(e.to_string())),
                    });
                }
                // What was found waits in the channel: the loop must hear of it now, not at
                // the next key (a reader that cannot remember showed nothing until then).
                (self.nudge)();
            }
        }
        self.scan_cancel = Some(cancel);
    }

    /// Watches the library's folders, so files added, changed or removed while the reader
    /// runs are picked up. Setting up the watch walks every folder, so it is done on a
    /// thread of its own; the watcher is kept until the session ends.
    fn start_watch(&mut self) {
        use notify::Watcher;
        let paths = &self.sources.paths;
        if paths.is_empty() {
            return;
        }
        let roots = absolute_roots(paths);
        let (tx, nudge, slot) = (
            self.tx.clone(),
            Arc::clone(&self.nudge),
            Arc::clone(&self.watcher),
        );
        let spawned = std::thread::Builder::new()
            .name("library watch".into())
            .spawn(move || {
                let watcher =
                    notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                        if event.is_ok_and(|e| !e.kind.is_access()) {
                            let _ = tx.send(Work::Changed);
                            nudge();
                        }
                    });
                let Ok(mut watcher) = watcher else {
                    return;
                };
                for root in roots {
                    let _ = watcher.watch(&root, notify::RecursiveMode::Recursive);
                }
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(watcher);
                }
            });
        if let Ok(handle) = spawned {
            self.threads.push(handle);
        }
    }

    /// Starts the thread that writes the reading state, on a connection of its own.
    fn start_writer(&mut self) {
        if let Some(Ok(catalog)) = self.catalog.connect() {
            let (tx, nudge) = (self.tx.clone(), Arc::clone(&self.nudge));
            self.writer = writer::Writer::start(catalog, move |why| {
                let _ = tx.send(Work::WriteFailed(why));
                nudge();
            });
        }
    }

    /// Writes the reading state: on the writer thread when there is one, else here.
    fn write(&mut self, write: writer::Write) -> Result<(), CatalogError> {
        let write = match &self.writer {
            Some(w) => match w.send(write) {
                Ok(()) => return Ok(()),
                Err(back) => back,
            },
            None => write,
        };
        write.apply(&mut self.catalog)
    }

    /// Stops the library scan and waits for the workers to end (the scan stops at its next
    /// file). For benchmarks and tests that start sessions one after another; the program
    /// itself just leaves.
    pub fn shutdown(&mut self) {
        if let Some(cancel) = self.scan_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
        for handle in self.threads.drain(..) {
            let _ = handle.join();
        }
        if let Some(mut w) = self.writer.take() {
            w.finish();
        }
    }

    /// Handles the worker messages waiting, for at most [`SLICE`] so that a key pressed
    /// meanwhile is not kept waiting; what is left is handled by [`Session::tick`] (the
    /// session is [`Session::busy`] until then). Says whether there was any.
    pub fn pump(&mut self) -> bool {
        let started = Instant::now();
        let mut any = false;
        self.backlog = false;
        while let Ok(work) = self.rx.try_recv() {
            any = true;
            self.work(work);
            if started.elapsed() >= SLICE {
                self.backlog = true;
                break;
            }
        }
        self.run_effects();
        any
    }

    /// Waits until the library scan (and the filling of the index after it) is over,
    /// handling its messages (tests and benchmarks).
    pub fn settle(&mut self) {
        while self.scanning || self.indexing || self.fetching {
            match self.rx.recv_timeout(Duration::from_secs(60)) {
                Ok(work) => self.work(work),
                Err(_) => break,
            }
        }
        self.pump();
        while self.busy() {
            self.tick(SLICE);
        }
    }

    fn work(&mut self, work: Work) {
        match work {
            Work::Scan(event) => match event {
                ScanEvent::Total(n) => self.app.set_progress(Some((0, n))),
                ScanEvent::Progress(done) => {
                    let total = self.app.progress().map_or(done, |(_, t)| t);
                    self.app.set_progress(Some((done, total)));
                }
                ScanEvent::Upserted(entry) => {
                    self.cache.forget(entry.id);
                    self.app.upsert_entry(entry);
                }
                ScanEvent::Removed(id) => {
                    self.cache.forget(id);
                    self.app.remove_entry(id);
                }
                ScanEvent::Failed(e) => self.app.add_load_error(e),
                ScanEvent::IndexFailed(why) => {
                    self.index_ready = false;
                    self.indexing = false;
                    self.app.warn(format!("{}{why}", strings::INDEX_UNUSABLE));
                }
                ScanEvent::Done(_) => {
                    self.scanning = false;
                    self.app.set_progress(None);
                }
            },
            Work::ScanFailed(why) => {
                self.scanning = false;
                self.indexing = false;
                self.app.set_progress(None);
                self.app
                    .warn(format!("{}{why}", strings::CATALOG_READ_FAILED));
            }
            Work::Changed => self.rescan_at = Some(Instant::now() + SETTLE),
            Work::WriteFailed(why) => self
                .app
                .warn(format!("{}{why}", strings::CATALOG_WRITE_FAILED)),
            Work::IndexReady => {
                self.index_ready = true;
                self.indexing = false;
                self.app.set_library_note(None);
            }
            Work::Fetch(event) => match event {
                FetchEvent::Progress(done, total) => {
                    self.app.set_fetch_progress(Some((done, total)));
                }
                FetchEvent::Item(entry) => {
                    self.cache.forget(entry.id);
                    self.app.upsert_entry(entry);
                }
                FetchEvent::Done {
                    new,
                    updated,
                    failed,
                } => {
                    self.fetching = false;
                    self.app.set_fetch_progress(None);
                    self.tell_feeds();
                    self.app.fetched(new, updated, failed);
                }
                FetchEvent::Failed(why) => {
                    self.fetching = false;
                    self.app.set_fetch_progress(None);
                    self.app
                        .warn(format!("{}{why}", strings::CATALOG_WRITE_FAILED));
                }
            },
        }
    }

    /// When [`Session::on_timer`] wants to run next, if at all.
    pub fn next_timer(&self) -> Option<Instant> {
        [self.rescan_at, self.refresh_at]
            .into_iter()
            .flatten()
            .min()
    }

    /// Runs what was due at [`Session::next_timer`].
    pub fn on_timer(&mut self) {
        let now = Instant::now();
        if self.rescan_at.is_some_and(|t| t <= now) {
            self.rescan_at = None;
            self.start_scan();
        }
        if self.refresh_at.is_some_and(|t| t <= now) {
            self.refresh_at = None;
            self.refresh_feeds();
        }
        self.run_effects();
    }

    /// Refreshes every feed on a worker; items appear in the list as they are stored and
    /// the status bar shows how far it has come. Nothing happens while a refresh runs or
    /// when the library has no feeds.
    pub fn refresh_feeds(&mut self) {
        let Some(setup) = self.sources.feeds.clone() else {
            self.app.warn(strings::NO_FEEDS_HERE.to_string());
            return;
        };
        if let Some(every) = setup.every {
            self.refresh_at = Some(Instant::now() + every);
        }
        if self.fetching {
            return;
        }
        let Some(Ok(mut catalog)) = self.catalog.connect() else {
            self.app.warn(strings::FETCH_NEEDS_DATA.to_string());
            return;
        };
        self.fetching = true;
        self.app.set_fetch_progress(Some((0, 0)));
        let (tx, nudge, index) = (self.tx.clone(), Arc::clone(&self.nudge), self.index.clone());
        let spawned = std::thread::Builder::new()
            .name("feed refresh".into())
            .spawn(move || {
                let tell = |e| {
                    let _ = tx.send(Work::Fetch(e));
                    nudge();
                };
                let result = crate::guard::catch(|| {
                    crate::library::refresh::refresh(
                        &mut catalog,
                        index.as_deref(),
                        &setup.configured,
                        &setup.options,
                        |p| tell(FetchEvent::Progress(p.done, p.total)),
                        |entry| tell(FetchEvent::Item(entry)),
                    )
                });
                tell(match result {
                    Ok(Ok(report)) => FetchEvent::Done {
                        new: report.new,
                        updated: report.updated,
                        failed: report.failed.iter().map(ToString::to_string).collect(),
                    },
                    Ok(Err(e)) => FetchEvent::Failed(e.to_string()),
                    Err(panic) => FetchEvent::Failed(panic),
                });
            });
        if spawned.is_err() {
            self.fetching = false;
            self.app.set_fetch_progress(None);
        }
    }

    /// Whether worker messages are left over from [`Session::pump`] or a library search has
    /// articles left to look at (the loop then calls [`Session::tick`] while no input
    /// waits).
    pub fn busy(&self) -> bool {
        self.backlog || self.search.is_some()
    }

    /// Handles left-over worker messages, or runs the library search for about `budget`.
    pub fn tick(&mut self, budget: Duration) {
        if self.backlog {
            self.pump();
            return;
        }
        let Some(mut search) = self.search.take() else {
            return;
        };
        let started = Instant::now();
        let mut hits = Vec::new();
        let done = search.step(&self.catalog, &mut self.cache, &mut hits, || {
            started.elapsed() >= budget
        });
        self.app.library_hits(search.query(), hits, done);
        if !done {
            self.search = Some(search);
        }
        self.run_effects();
    }

    // ----- input, passed to the app -----

    /// A key's action.
    pub fn update(&mut self, action: Action) {
        self.app.update(action);
        self.run_effects();
    }

    /// A key typed into a prompt.
    pub fn prompt(&mut self, key: PromptKey) {
        self.app.prompt(key);
        self.run_effects();
    }

    /// The mouse wheel.
    pub fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        self.app.wheel(column, row, delta);
        self.run_effects();
    }

    /// A click.
    pub fn click(&mut self, column: u16, row: u16) {
        self.app.click(column, row);
        self.run_effects();
    }

    /// Scrolls the reader by `delta` rows (negative: up).
    pub fn scroll_rows(&mut self, delta: isize) {
        self.app.scroll_rows(delta);
        self.run_effects();
    }

    /// Orders the Articles list.
    pub fn set_order(&mut self, order: Order) {
        self.app.set_order(order);
        self.run_effects();
    }

    /// A new screen size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.app.resize(width, height);
        self.run_effects();
    }

    /// Keeps the place before the program ends, and stops the workers.
    pub fn finish(&mut self) {
        self.app.remember();
        self.run_effects();
        if let Some(cancel) = self.scan_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The app, for the view.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// Carries out what the app asked for, until it asks for nothing more.
    fn run_effects(&mut self) {
        loop {
            let effects = self.app.take_effects();
            if effects.is_empty() {
                return;
            }
            for effect in effects {
                self.effect(effect);
            }
        }
    }

    fn effect(&mut self, effect: Effect) {
        let result = match effect {
            Effect::Open(id) => {
                self.open(id);
                Ok(())
            }
            Effect::Remember { key, place } => {
                self.places.insert(key.clone(), place);
                self.write(writer::Write::Position(key, place))
            }
            Effect::SetLast(key) => self.write(writer::Write::Last(key)),
            Effect::MarkRead { keys, read } => self.write(writer::Write::Read(keys, read)),
            Effect::ToggleBookmark(b) => self.catalog.toggle_bookmark(&b).and_then(|added| {
                self.app.set_bookmarks(self.catalog.bookmarks()?);
                self.app.bookmark_toggled(added);
                Ok(())
            }),
            Effect::SearchLibrary(query) => {
                self.search_library(query);
                Ok(())
            }
            Effect::Excerpts { query, ids } => {
                self.excerpts(&query, &ids);
                Ok(())
            }
            Effect::Refresh => {
                self.refresh_feeds();
                Ok(())
            }
            Effect::ReadSource(id) => {
                self.read_source(id);
                Ok(())
            }
            Effect::OpenUrl(url) => {
                self.browse = Some(url);
                Ok(())
            }
        };
        if let Err(e) = result {
            self.app
                .warn(format!("{}{e}", strings::CATALOG_WRITE_FAILED));
        }
    }

    /// Searches the library: with the index when it holds every article (milliseconds,
    /// counts only; excerpts follow for the rows on screen), else by reading every article
    /// in slices between key presses.
    fn search_library(&mut self, query: String) {
        self.search = None;
        if query.is_empty() {
            return;
        }
        if let (Some(index), true) = (&self.index, self.index_ready) {
            match index.search(&query) {
                Ok(found) => {
                    let mut hits: Vec<(usize, crate::app::LibraryHit)> = found
                        .into_iter()
                        .filter_map(|h| {
                            let id = ArticleId(i64::try_from(h.id).ok()?);
                            let at = self.app.position(id)?;
                            Some((
                                at,
                                crate::app::LibraryHit {
                                    id,
                                    count: h.count,
                                    excerpt: None,
                                },
                            ))
                        })
                        .collect();
                    hits.sort_unstable_by_key(|(at, _)| *at);
                    self.app.set_library_note(None);
                    let hits = hits.into_iter().map(|(_, h)| h).collect();
                    self.app.library_hits(&query, hits, true);
                    return;
                }
                Err(e) => {
                    self.index_ready = false;
                    self.app.warn(format!("{}{e}", strings::INDEX_UNUSABLE));
                }
            }
        }
        if self.index.is_some() {
            self.app
                .set_library_note(Some(strings::SEARCH_WITHOUT_INDEX));
        }
        self.search = Some(LibraryScan::new(
            query,
            self.app.entries().iter().map(|e| e.id).collect(),
        ));
    }

    /// An address the app asked to open in the browser ([`Effect::OpenUrl`]), taken once:
    /// the terminal loop hands the terminal over, opens it ([`crate::browser::open`]) and
    /// says how it went with [`Session::url_opened`].
    pub fn take_url(&mut self) -> Option<String> {
        self.browse.take()
    }

    /// What became of opening `url` in the browser.
    pub fn url_opened(&mut self, url: &str, result: Result<(), String>) {
        self.app.url_opened(url, result);
        self.run_effects();
    }

    /// Reads article `id`'s file again as text, for the source view.
    fn read_source(&mut self, id: ArticleId) {
        let origin = self.app.entry(id).map(|e| e.origin.clone());
        let text = match origin {
            Some(Origin::File(path)) => {
                crate::library::read_source(&path, &self.load).map_err(|e| e.to_string())
            }
            Some(Origin::Embedded(name)) => crate::library::embedded_source(&name)
                .ok_or_else(|| strings::ARTICLE_GONE.to_string()),
            Some(Origin::Item(_)) => Err(strings::NO_ITEM_SOURCE.to_string()),
            None => Err(strings::ARTICLE_GONE.to_string()),
        };
        self.app.source_read(id, text);
    }

    /// The first match of `query` in each of `ids`, as a line of context.
    fn excerpts(&mut self, query: &str, ids: &[ArticleId]) {
        let mut found = Vec::with_capacity(ids.len());
        for &id in ids {
            let article = match self.cache.get(id) {
                Some(a) => Some(a),
                None => self.catalog.article(id).ok().flatten().map(Arc::new),
            };
            let Some(article) = article else { continue };
            let blocks = crate::layout::blocks(&article);
            if let Some(first) = first_match(query, &blocks)
                && let Some(block) = blocks.get(first.at.block)
            {
                found.push((id, crate::search::excerpt(&block.text, first.at.range)));
            }
        }
        self.app.library_excerpts(query, found);
    }

    fn open(&mut self, id: ArticleId) {
        let key = self.app.entry(id).map(|e| e.key.clone());
        let article = match self.cache.get(id) {
            Some(a) => Ok(Some(a)),
            None => self.catalog.article(id).map(|a| a.map(Arc::new)),
        };
        match article {
            Ok(Some(a)) => {
                self.cache.insert(id, Arc::clone(&a));
                let remembered = key.and_then(|k| match self.places.get(&k) {
                    Some(&place) => Some(place),
                    None => self.catalog.position(&k).ok().flatten(),
                });
                self.app.opened(id, a, remembered);
            }
            Ok(None) => self.app.warn(strings::ARTICLE_GONE.to_string()),
            Err(e) => self
                .app
                .warn(format!("{}{e}", strings::CATALOG_READ_FAILED)),
        }
    }
}
