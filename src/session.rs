//! The runner around the [`App`]: one channel, the workers, and the effects carried out.
//! Every input becomes a [`Msg`] for [`App::update`]; every [`Effect`] it returns is handed
//! to a worker (one file each in `session/`: scan, watch, write, fetch, sync, search, source) or
//! done here when it is quick (an article read from the catalog, a few recent ones kept).
//! Workers answer with messages on the channel; the terminal loop calls
//! [`Session::pump`] when woken. The session holds no state of the app's: tests drive an
//! `App` with messages directly, or a session without a terminal.
//!
//! A new worker is one file here (a function that starts it with [`worker::spawn`]), one
//! `Msg` variant for its news, the `Effect` that asks for it, and one arm in
//! `Session::effect`.

mod cache;
mod fetch;
mod pictures;
mod rebuild;
mod scan;
mod search;
mod source;
mod sources;
mod start;
mod sync;
mod watch;
pub mod worker;
mod write;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::{App, Effect, Msg, Start, Timer};
use crate::catalog::Catalog;
use crate::index::LibraryIndex;
use crate::layout::LayoutOptions;
use crate::library::scan::ScanEvent;
use crate::library::{Library, LoadOptions};
use crate::model::{Origin, StoredPlace};

pub use sources::{FeedSetup, Places, Setup, Sources, SyncSetup, default_index_dir};

use cache::ArticleCache;
use search::Searcher;
use worker::Tell;
use write::{Write, Writer};

/// How long the loop handles worker messages before it looks at input again.
pub const SLICE: Duration = Duration::from_millis(8);

/// What the terminal loop has to do for the app, with the terminal in its hands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// Hand the terminal over to the browser for this address, then say how it went
    /// ([`Msg::UrlOpened`]).
    Browse(String),
    /// Give the terminal back and stop until `fg` (Ctrl-Z).
    Suspend,
}

/// The app and everything that serves it.
pub struct Session {
    app: App,
    /// The session's own connection: articles read for the reader, and writes when there is
    /// no writer thread.
    catalog: Catalog,
    sources: Sources,
    load: LoadOptions,
    cache: ArticleCache,
    /// Where the workers send their news.
    tell: Tell,
    rx: Receiver<Msg>,
    /// Answers found on this thread, handled before anything else.
    inbox: VecDeque<Msg>,
    /// Worker messages wait that [`Session::pump`] had no time for.
    backlog: bool,
    /// The worker threads started, for [`Session::shutdown`].
    threads: Vec<JoinHandle<()>>,
    scan_cancel: Option<Arc<AtomicBool>>,
    /// The writer thread (none for a catalog in memory, which is written here and now).
    writer: Option<Writer>,
    searcher: Searcher,
    /// Positions handed to the writer this session, newest per key: what reopening an
    /// article uses, whether or not the writer has got to them.
    places: HashMap<String, StoredPlace>,
    /// The library search index, when it could be opened.
    index: Option<Arc<LibraryIndex>>,
    /// Whether the index held every article when opened.
    index_complete: bool,
    /// Where the index worker hands over the index it built again.
    rebuilt: Option<Receiver<Arc<LibraryIndex>>>,
    /// The watcher of the library's folders, once set up.
    watcher: Arc<std::sync::Mutex<Option<notify::RecommendedWatcher>>>,
    /// When each timer the app asked for is due.
    timers: HashMap<Timer, Instant>,
    /// What the terminal loop has to do.
    tasks: VecDeque<Task>,
    /// The picture worker's disk cache and encoder.
    pictures: pictures::Pictures,
    /// Work that waits for the first frame ([`Session::drawn`]): `Some` until it is drawn,
    /// for a session started by [`Session::start_behind_first_frame`].
    held: Option<start::Held>,
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(cancel) = self.scan_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
    }
}

impl Session {
    /// Opens the catalog and the search index in `setup`'s places, shows what the catalog
    /// knows of its sources at once, and starts the workers that bring both up to date.
    /// `nudge` is called (from any thread) when a worker message waits for
    /// [`Session::pump`].
    pub fn start(setup: Setup, nudge: Arc<dyn Fn() + Send + Sync>) -> Session {
        Session::begin(setup, nudge, false)
    }

    /// [`Session::start`] for the terminal: what the catalog knows is shown at once, and the
    /// library's scan and watcher start when [`Session::drawn`] says the first frame is on
    /// screen.
    pub fn start_behind_first_frame(setup: Setup, nudge: Arc<dyn Fn() + Send + Sync>) -> Session {
        Session::begin(setup, nudge, true)
    }

    fn begin(setup: Setup, nudge: Arc<dyn Fn() + Send + Sync>, hold: bool) -> Session {
        let (mut catalog, warnings) = Catalog::open(setup.places.data.as_deref());
        // With sync on, the lists show the server's feeds and items (every connection
        // made from this one does too).
        catalog.set_synced(
            setup
                .sources
                .feeds
                .as_ref()
                .is_some_and(|f| f.sync.is_some()),
        );
        let app = App::new(setup.layout)
            .with_keymap(setup.keymap)
            .with_order(setup.order)
            .with_feeds_home(setup.feeds_home)
            .with_quiet_search();
        let mut s = Session::with(app, catalog, setup.sources, setup.load, nudge);
        s.held = hold.then(start::Held::default);
        if let Some(Ok(catalog)) = s.catalog.connect() {
            s.writer = Writer::start(catalog, s.tell.clone());
        }
        for w in warnings {
            s.warn(w);
        }
        if let Some(dir) = &setup.places.index {
            s.open_index(dir);
        }
        s.show_known();
        match &mut s.held {
            Some(held) => held.watch = true,
            None => s.start_watch(),
        }
        s.run();
        s
    }

    /// A session over articles already parsed, with a catalog in memory: for tests and
    /// benchmarks. The library's articles are stored in the catalog as they are.
    pub fn memory(library: Library, layout: LayoutOptions) -> Session {
        let app = App::new(layout);
        let mut s = Session::with(
            app,
            Catalog::memory(),
            Sources::embedded(),
            LoadOptions::default(),
            Arc::new(|| {}),
        );
        let Library { articles, errors } = library;
        let mut start = Start {
            collection: articles.len() > 1,
            first_run: true,
            errors,
            ..Start::default()
        };
        for (i, a) in articles.iter().enumerate() {
            let origin = match &a.path {
                Some(p) => Origin::File(p.into()),
                None => Origin::Embedded(format!("{i:06}")),
            };
            if let Some(e) = s.store(origin, 0, 0, a) {
                start.entries.push(e);
            }
        }
        s.send(Msg::Start(Box::new(start)));
        s
    }

    fn with(
        app: App,
        catalog: Catalog,
        sources: Sources,
        load: LoadOptions,
        nudge: Arc<dyn Fn() + Send + Sync>,
    ) -> Session {
        let (tx, rx) = mpsc::channel();
        Session {
            app,
            catalog,
            sources,
            load,
            cache: ArticleCache::default(),
            tell: Tell::new(tx, nudge),
            rx,
            inbox: VecDeque::new(),
            backlog: false,
            threads: Vec::new(),
            scan_cancel: None,
            writer: None,
            searcher: Searcher::default(),
            places: HashMap::new(),
            index: None,
            index_complete: false,
            rebuilt: None,
            watcher: Arc::default(),
            timers: HashMap::new(),
            tasks: VecDeque::new(),
            pictures: pictures::Pictures::default(),
            held: None,
        }
    }

    /// The app, for the view and for tests.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// Gives the app one message (a key, an action, a resize, …) and carries out what it
    /// asks for.
    pub fn send(&mut self, msg: impl Into<Msg>) {
        self.inbox.push_back(msg.into());
        self.run();
    }

    /// Handles the worker messages waiting, for at most [`SLICE`] so that a key pressed
    /// meanwhile is not kept waiting; what is left is for the next call (the session is
    /// [`Session::behind`] until then). Says whether there was any.
    pub fn pump(&mut self) -> bool {
        let started = Instant::now();
        let mut any = self.search_here();
        self.backlog = false;
        while let Ok(msg) = self.rx.try_recv() {
            any = true;
            self.send(msg);
            if started.elapsed() >= SLICE {
                self.backlog = true;
                break;
            }
        }
        any
    }

    /// Whether worker messages (or work waiting on this thread) are left over from
    /// [`Session::pump`].
    pub fn behind(&self) -> bool {
        self.backlog || !self.searcher.waiting.is_empty()
    }

    /// Waits until the workers the app waits for are done (scan, index, refresh, search,
    /// source, bookmark toggles), handling their messages, and runs the timers that only
    /// wait for a pause (a search typed, a place to remember) at once: for tests and
    /// benchmarks.
    pub fn settle(&mut self) {
        // What waits for a first frame would be waited for forever.
        let _ = self.drawn();
        self.after_pause();
        while self.app.busy() {
            if self.search_here() {
                continue;
            }
            match self.rx.recv_timeout(Duration::from_secs(60)) {
                Ok(msg) => self.send(msg),
                Err(_) => break,
            }
        }
        while self.pump() {}
        self.after_pause();
    }

    /// Runs now the timers that wait for a pause in the input.
    fn after_pause(&mut self) {
        for timer in [Timer::Search, Timer::Remember] {
            if self.timers.remove(&timer).is_some() {
                self.send(Msg::Timer(timer));
            }
        }
    }

    /// When [`Session::on_timer`] wants to run next, if at all.
    pub fn next_timer(&self) -> Option<Instant> {
        self.timers.values().min().copied()
    }

    /// Tells the app of the timers that are due.
    pub fn on_timer(&mut self) {
        let now = Instant::now();
        let due: Vec<Timer> = self
            .timers
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(t, _)| *t)
            .collect();
        for timer in due {
            self.timers.remove(&timer);
            self.send(Msg::Timer(timer));
        }
    }

    /// What the terminal loop has to do next for the app, taken once.
    pub fn take_task(&mut self) -> Option<Task> {
        self.tasks.pop_front()
    }

    /// Keeps the place before the program ends, and stops the library scan.
    pub fn finish(&mut self) {
        self.send(Msg::Leaving);
        if let Some(cancel) = self.scan_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Stops the library scan and waits for the workers to end (the scan stops at its next
    /// file), the writer after its last write. For benchmarks and tests that start sessions
    /// one after another; the program itself just leaves.
    pub fn shutdown(&mut self) {
        if let Some(cancel) = self.scan_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
        self.searcher.stop();
        if let Some(mut w) = self.writer.take() {
            w.finish();
        }
        for handle in self.threads.drain(..) {
            let _ = handle.join();
        }
    }

    // ----- for the workers' files -----

    /// An answer found on this thread: handled before the next message from outside.
    fn answer(&mut self, msg: Msg) {
        self.inbox.push_back(msg);
    }

    /// A warning for the status bar.
    fn warn(&mut self, warning: String) {
        self.answer(Msg::Warning(warning));
    }

    /// Keeps a worker's thread, for [`Session::shutdown`].
    fn keep(&mut self, handle: JoinHandle<()>) {
        self.threads.retain(|h| !h.is_finished());
        self.threads.push(handle);
    }

    /// Hands the app every message waiting here and carries out what it asks, until none.
    fn run(&mut self) {
        while let Some(msg) = self.inbox.pop_front() {
            // The few articles kept here must not outlive a change to them.
            match &msg {
                Msg::Scan(ScanEvent::Upserted(es)) => self.cache.forget_entries(es),
                Msg::FetchItem(e) => self.cache.forget(e.id),
                Msg::Scan(ScanEvent::Removed(id)) => self.cache.forget(*id),
                Msg::IndexReady => self.take_rebuilt(),
                _ => {}
            }
            for effect in self.app.update(msg) {
                self.effect(effect);
            }
        }
    }

    fn effect(&mut self, effect: Effect) {
        match effect {
            Effect::Open(id) => self.open(id),
            Effect::Remember { key, place } => {
                self.places.insert(key.clone(), place);
                self.write(Write::Position(key, place));
            }
            Effect::SetLast(key) => self.write(Write::Last(key)),
            Effect::MarkRead { keys, read } => self.write(Write::Read(keys, read)),
            Effect::ToggleBookmark(b) => self.write(Write::ToggleBookmark(b)),
            Effect::ToggleStar(key) => self.write(Write::ToggleStar(key)),
            Effect::SearchLibrary {
                query,
                ids,
                indexed,
            } => self.search_library(query, ids, indexed),
            Effect::Excerpts { query, ids } => self.excerpts(query, ids),
            Effect::Scan => match &mut self.held {
                Some(held) => held.scan = true,
                None => self.start_scan(),
            },
            Effect::Refresh => match self.sources.feeds.as_ref().and_then(|f| f.sync.clone()) {
                Some(sync) => self.start_sync(sync),
                None => self.start_fetch(),
            },
            Effect::RebuildIndex => self.start_rebuild(),
            Effect::ReadSource {
                id,
                origin,
                dropped,
            } => self.start_source(id, origin, dropped),
            Effect::After(wait, timer) => {
                self.timers.insert(timer, Instant::now() + wait);
            }
            Effect::OpenUrl(url) => self.tasks.push_back(Task::Browse(url)),
            Effect::FetchPicture { key, source, fit } => self.start_picture(key, source, fit),
            Effect::ShowPicture { key, picture, fit } => self.show_picture(key, picture, fit),
            Effect::Suspend => self.tasks.push_back(Task::Suspend),
        }
    }
}
