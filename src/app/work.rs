//! What the workers are doing, as the app knows it: the busy flags (scanning, filling the
//! index, fetching, reading a source, toggling a bookmark) that the status bar reads and
//! that say when the app asks for more work; what the catalog knows at start; and the news
//! of each worker, taken in as messages. A worker that ends in a bug is a message in the
//! status bar, and its busy flag is cleared.

use std::time::Duration;

use super::{App, Effect, Msg, Start, Timer};
use crate::library::scan::ScanEvent;
use crate::model::ArticleId;
use crate::strings;

/// After a change on disk, the library is scanned again once things have been quiet this long
/// (a file being written fires many events).
pub const SETTLE: Duration = Duration::from_millis(400);

/// The library search index, as the app knows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IndexState {
    /// There is none (no cache folder): searches read every article.
    #[default]
    Absent,
    /// It is being filled: searches read every article meanwhile, and say so.
    Filling,
    /// It holds every article: searches ask it.
    Ready,
    /// It failed: searches read every article, and say so.
    Failed,
}

/// The workers the session runs, named in [`Msg::WorkerFailed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Worker {
    /// Brings the catalog and the index up to date with the library's files.
    Scan,
    /// Watches the library's folders for changes.
    Watch,
    /// Writes the reading state and bookmarks.
    Write,
    /// Refreshes the feeds.
    Fetch,
    /// Syncs with the feed server.
    Sync,
    /// Searches the library.
    Search,
    /// Reads an article's source.
    Source,
    /// Builds the search index again after it was found damaged.
    Index,
    /// Brings a picture of the open article.
    Pictures,
}

impl Worker {
    /// The worker's name, for messages and its thread.
    pub fn name(self) -> &'static str {
        match self {
            Worker::Scan => "library scan",
            Worker::Watch => "library watch",
            Worker::Write => "state writer",
            Worker::Fetch => "feed refresh",
            Worker::Sync => "sync",
            Worker::Search => "library search",
            Worker::Source => "source reader",
            Worker::Index => "index rebuild",
            Worker::Pictures => "picture fetch",
        }
    }
}

/// What the workers are doing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Work {
    /// The library scan runs.
    pub scanning: bool,
    /// Files looked at and files in all, while the library is being read.
    pub progress: Option<(usize, usize)>,
    /// The scan's worker is filling the search index.
    pub indexing: bool,
    /// The search index.
    pub index: IndexState,
    /// A feed refresh runs.
    pub fetching: bool,
    /// Feeds fetched and feeds in all, while feeds are refreshed.
    pub fetch_progress: Option<(usize, usize)>,
    /// The feeds that failed at the last refresh, `feed: problem`.
    pub feed_errors: Vec<String>,
    /// The article whose source is being read.
    pub source: Option<ArticleId>,
    /// Bookmark toggles the writer has not answered yet.
    pub toggles: usize,
    /// Whether the library has files to scan.
    scannable: bool,
    /// Whether the library has feeds (`Some`), and how often they refresh on their own.
    refresh: Option<Option<Duration>>,
    /// The feeds come from a sync server: a refresh is a sync.
    pub sync: bool,
    /// Why the last sync failed when the server could not be reached, with the time of the
    /// last one that succeeded; kept until a sync succeeds.
    pub sync_note: Option<String>,
}

impl App {
    /// What the workers are doing.
    pub fn work(&self) -> &Work {
        &self.work
    }

    /// Whether any worker is at something the app waits for (a scan, the index, a refresh,
    /// a library search, a source, a bookmark toggle).
    pub fn busy(&self) -> bool {
        let w = &self.work;
        w.scanning
            || w.indexing
            || w.fetching
            || w.source.is_some()
            || w.toggles > 0
            || self.library.searching()
    }

    /// Files looked at and files in all, while the library is being read.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.work.progress
    }

    /// How far a feed refresh has come, while one runs.
    pub fn fetch_progress(&self) -> Option<(usize, usize)> {
        self.work.fetch_progress
    }

    /// The feeds that failed at the last refresh, `feed: problem`.
    pub fn feed_errors(&self) -> &[String] {
        &self.work.feed_errors
    }

    /// What the catalog knows at start: the list at once, the last open article (or the
    /// first) asked for, and the scan and the feeds' timer asked for.
    pub(super) fn start(&mut self, start: Start) {
        self.first_run = start.first_run;
        self.bookmarks = start.bookmarks;
        self.set_collection(start.collection);
        for e in start.errors {
            self.add_load_error(e);
        }
        self.work.index = match start.index {
            None => IndexState::Absent,
            Some(true) => IndexState::Ready,
            Some(false) => IndexState::Filling,
        };
        self.work.scannable = start.scan;
        self.work.refresh = start.feeds;
        self.work.sync = start.sync;
        self.set_entries(start.entries, start.last.as_deref());
        self.rescan();
        if start.sync {
            // Offline first: the list is drawn from the catalog, the server is asked after.
            self.refresh();
        } else if let Some(Some(every)) = start.feeds {
            self.effects.push(Effect::After(every, Timer::Refresh));
        }
    }

    /// Asks for the library to be scanned (again): the files brought up to date in the
    /// catalog, then the index.
    fn rescan(&mut self) {
        if !self.work.scannable {
            return;
        }
        self.work.scanning = true;
        self.work.indexing = self.work.index != IndexState::Absent;
        self.effects.push(Effect::Scan);
    }

    /// `R`, or the feeds' timer: refresh every feed on a worker, unless one runs already.
    pub(super) fn refresh(&mut self) {
        let Some(every) = self.work.refresh else {
            self.message = Some(strings::NO_FEEDS_HERE.to_string());
            return;
        };
        if let Some(every) = every {
            self.effects.push(Effect::After(every, Timer::Refresh));
        }
        if self.work.fetching {
            return;
        }
        self.work.fetching = true;
        self.work.fetch_progress = Some((0, 0));
        self.effects.push(Effect::Refresh);
    }

    /// The news of a worker, or a timer.
    pub(super) fn worker_news(&mut self, msg: Msg) {
        match msg {
            Msg::Timer(Timer::Rescan) => self.rescan(),
            Msg::Timer(Timer::Refresh) => self.refresh(),
            Msg::Timer(Timer::Remember) => self.remember_due(),
            Msg::Timer(Timer::Search) => self.run_waiting_search(),
            Msg::Changed => self.effects.push(Effect::After(SETTLE, Timer::Rescan)),
            Msg::Scan(event) => self.scan_news(event),
            Msg::ScanFailed(why) => {
                self.scan_over();
                self.work.indexing = false;
                self.message = Some(format!("{}{why}", strings::CATALOG_READ_FAILED));
            }
            Msg::IndexReady => {
                self.work.index = IndexState::Ready;
                self.work.indexing = false;
                self.library.note = None;
            }
            Msg::IndexFailed(why) => self.index_failed(&why),
            Msg::IndexDamaged(why) => self.index_damaged(&why),
            Msg::FetchProgress(done, total) => self.work.fetch_progress = Some((done, total)),
            Msg::FetchItem(entry) => self.upsert_entry(entry),
            Msg::Fetched {
                new,
                updated,
                failed,
            } => {
                self.fetch_over();
                self.fetched(new, updated, failed);
            }
            Msg::FetchFailed(why) => {
                self.fetch_over();
                self.message = Some(why);
            }
            Msg::WriteFailed(why) => {
                self.message = Some(format!("{}{why}", strings::CATALOG_WRITE_FAILED));
            }
            Msg::Sync(news) => self.sync_news(news),
            Msg::WorkerFailed { worker, why } => self.worker_failed(worker, &why),
            _ => {}
        }
    }

    fn scan_news(&mut self, event: ScanEvent) {
        match event {
            ScanEvent::Total(n) => self.set_progress(Some((0, n))),
            ScanEvent::Progress(done) => {
                let total = self.work.progress.map_or(done, |(_, t)| t);
                self.set_progress(Some((done, total)));
            }
            ScanEvent::Upserted(entries) => self.upsert_entries(entries),
            ScanEvent::Removed(id) => self.remove_entry(id),
            ScanEvent::Failed(e) => self.add_load_error(e),
            ScanEvent::IndexFailed(why) => self.index_failed(&why),
            ScanEvent::Done(_) => self.scan_over(),
        }
    }

    fn scan_over(&mut self) {
        self.work.scanning = false;
        self.set_progress(None);
    }

    pub(super) fn fetch_over(&mut self) {
        self.work.fetching = false;
        self.work.fetch_progress = None;
    }

    fn index_failed(&mut self, why: &str) {
        self.work.index = IndexState::Failed;
        self.work.indexing = false;
        self.message = Some(format!("{}{why}", strings::INDEX_UNUSABLE));
        self.search_again_without_index();
    }

    /// A library search the index could not answer is asked again, reading every article.
    fn search_again_without_index(&mut self) {
        if self.library.searching() {
            self.restart_library_search();
        }
        self.library_without_index();
    }

    /// The index was found damaged while searched: searches read every article (and say
    /// so) while it is built again, once however many searches meet the damage.
    fn index_damaged(&mut self, why: &str) {
        self.message = Some(format!("{}{why}", strings::INDEX_DAMAGED));
        if self.work.index != IndexState::Filling {
            self.work.index = IndexState::Filling;
            self.work.indexing = true;
            self.effects.push(Effect::RebuildIndex);
        }
        self.search_again_without_index();
    }

    /// A worker ended in a bug: say so, and stop waiting for it.
    fn worker_failed(&mut self, worker: Worker, why: &str) {
        match worker {
            Worker::Scan => {
                self.scan_over();
                self.work.indexing = false;
            }
            Worker::Fetch | Worker::Sync => self.fetch_over(),
            Worker::Source => self.work.source = None,
            Worker::Write => self.work.toggles = 0,
            Worker::Search => self.library.stop(),
            Worker::Index => {
                self.work.indexing = false;
                self.work.index = IndexState::Failed;
            }
            Worker::Watch | Worker::Pictures => {}
        }
        self.message = Some(format!(
            "{}{}: {}",
            strings::WORKER_FAILED,
            worker.name(),
            crate::decode::sanitize_line(why)
        ));
    }

    /// A feed refresh is over: says what it brought, and which feeds failed (kept until the
    /// next refresh).
    fn fetched(&mut self, new: usize, updated: usize, failed: Vec<String>) {
        let mut note = format!(
            "{new} {}, {updated} {}",
            strings::FETCH_NEW,
            strings::FETCH_UPDATED
        );
        match failed.as_slice() {
            [] => {}
            [one] => note.push_str(&format!("; {}{one}", strings::FEED_FAILED)),
            many => note.push_str(&format!(
                "; {} {}: {}",
                many.len(),
                strings::FEEDS_FAILED,
                many.join("; ")
            )),
        }
        self.work.feed_errors = failed;
        self.message = Some(note);
    }

    /// How far reading the library has come: `done` of `total` files looked at; `None` when
    /// it is over.
    ///
    /// A first run shows the first file read while the rest are read; when reading is over
    /// and nothing has been pressed meanwhile, the reader moves to the top of the list (the
    /// newest article), where a reader would start.
    fn set_progress(&mut self, progress: Option<(usize, usize)>) {
        let over = self.work.progress.is_some() && progress.is_none();
        self.work.progress = progress;
        if over && self.first_run && !self.touched && self.article_cursor != 0 {
            self.article_cursor = 0;
            self.open_article(0);
        }
    }
}
