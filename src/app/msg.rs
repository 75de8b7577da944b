//! Everything the app reacts to, and everything it asks for. [`Msg`] is the one input:
//! terminal events (keys, the mouse, resizes), timers, and the answer of every worker
//! (scan, watch, write, fetch, sync, search, source). [`Effect`] is the one output: what the
//! session carries out, on a worker or in its own thread, answering with another `Msg`.
//! A scenario is therefore a sequence of messages, tested without a terminal or a catalog.

use std::sync::Arc;
use std::time::Duration;

use ratatui::crossterm::event::KeyEvent;

use super::{FeedInfo, LibraryHit, PromptKey, SourceLine, Worker};
use crate::article::Article;
use crate::keymap::Action;
use crate::library::LoadError;
use crate::library::scan::ScanEvent;
use crate::model::{ArticleId, Bookmark, Entry, Origin, StoredPlace};
use crate::search::Excerpt;

/// One thing that happened, for [`super::App::update`].
#[derive(Debug)]
pub enum Msg {
    // ----- the terminal -----
    /// A key as the terminal reports it: routed to the top layer (a prompt takes it as
    /// text, an overlay or the panes through the keymap). Ctrl-C quits and Ctrl-Z suspends
    /// from anywhere.
    Key(KeyEvent),
    /// A key's meaning, as the keymap names it: what [`Msg::Key`] becomes outside a prompt.
    Action(Action),
    /// A key typed into the open prompt: what [`Msg::Key`] becomes inside one.
    Prompt(PromptKey),
    /// The mouse wheel at a cell, `delta` steps (negative: up).
    Wheel {
        /// The pointer's column.
        column: u16,
        /// The pointer's row.
        row: u16,
        /// Steps, negative up.
        delta: isize,
    },
    /// A click at a cell.
    Click {
        /// The pointer's column.
        column: u16,
        /// The pointer's row.
        row: u16,
    },
    /// The screen's new size.
    Resize(u16, u16),
    /// A timer asked for with [`Effect::After`] is due.
    Timer(Timer),
    /// The program is about to end (quit, or a signal): the place is remembered.
    Leaving,
    /// The browser was given an address ([`Effect::OpenUrl`]): how it went.
    UrlOpened {
        /// The address.
        url: String,
        /// Nothing, or why it failed.
        result: Result<(), String>,
    },

    // ----- the session: what the catalog knows -----
    /// What the catalog knows at start, and how the library is kept current.
    Start(Box<Start>),
    /// Article `id`, asked for with [`Effect::Open`], with its remembered place.
    Opened {
        /// The article's number.
        id: ArticleId,
        /// The article.
        article: Arc<Article>,
        /// Where the reader was in it, if anywhere.
        remembered: Option<StoredPlace>,
    },
    /// The library's feeds, with their last errors.
    Feeds(Vec<FeedInfo>),
    /// Something went wrong that the user should know of (the status bar says it).
    Warning(String),

    /// A picture of the open article, asked for with [`Effect::FetchPicture`] or
    /// [`Effect::ShowPicture`] (the picture worker): decoded and encoded for its cells, or
    /// why it cannot be shown.
    Picture {
        /// The key it was asked for under.
        key: String,
        /// The picture, or why not.
        picture: Result<super::Picture, String>,
    },

    // ----- the workers -----
    /// News of the library scan (the scan worker).
    Scan(ScanEvent),
    /// The library scan could not use the catalog; why.
    ScanFailed(String),
    /// The search index now holds every article of the catalog.
    IndexReady,
    /// The search index failed (while filled or searched); why. Searches go without it.
    IndexFailed(String),
    /// The search index was found damaged while searched (its files overwritten under the
    /// reader, say); why. It is built again ([`Effect::RebuildIndex`]); searches read every
    /// article meanwhile, and [`Msg::IndexReady`] says when it is back.
    IndexDamaged(String),
    /// Something changed in the library's folders (the watch worker).
    Changed,
    /// Feeds done of feeds in all, while feeds are refreshed (the fetch worker).
    FetchProgress(usize, usize),
    /// A feed item is new or changed (already stored).
    FetchItem(Entry),
    /// The refresh is over: items new and changed, and each failed feed's `feed: problem`.
    Fetched {
        /// Items seen for the first time.
        new: usize,
        /// Items whose text changed.
        updated: usize,
        /// `feed: problem` for each feed that failed.
        failed: Vec<String>,
    },
    /// The refresh could not run; why.
    FetchFailed(String),
    /// A bookmark toggled by the writer ([`Effect::ToggleBookmark`]): every bookmark as
    /// stored now and whether the toggle added one, or why it failed.
    Bookmarked(Result<(Vec<Bookmark>, bool), String>),
    /// A write of the reading state failed; why.
    WriteFailed(String),
    /// Library search results for `query`, in any order, added to those found so far
    /// (the search worker).
    LibraryHits {
        /// The query they answer.
        query: String,
        /// The articles that matched.
        hits: Vec<LibraryHit>,
        /// Whether the search is over.
        done: bool,
    },
    /// Lines of context for `query`'s results ([`Effect::Excerpts`]).
    Excerpts {
        /// The query they answer.
        query: String,
        /// The first match in each article, as a line of context.
        found: Vec<(ArticleId, Excerpt)>,
    },
    /// Article `id`'s source, read and split into lines (the source worker), or why not.
    Source {
        /// The article.
        id: ArticleId,
        /// Its lines, the dropped ones marked.
        lines: Result<Vec<SourceLine>, String>,
    },
    /// News of a sync with the feed server (the sync worker, or a star the writer made).
    Sync(SyncNews),
    /// A worker ended in a bug (a panic, caught): which, and what it said.
    WorkerFailed {
        /// The worker.
        worker: Worker,
        /// The panic's message and place.
        why: String,
    },
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

impl From<PromptKey> for Msg {
    fn from(key: PromptKey) -> Msg {
        Msg::Prompt(key)
    }
}

/// What a sync with the feed server brings ([`Msg::Sync`]). Its items arrive as
/// [`Msg::FetchItem`], its feed list as [`Msg::Feeds`], like a refresh's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncNews {
    /// Items stored, of items to store (0 while the server has not said).
    Progress(usize, usize),
    /// The sync is over: what it did, and the articles whose read state the server
    /// changed (key, read now).
    Done {
        /// Items seen for the first time.
        new: usize,
        /// Items whose text changed.
        updated: usize,
        /// Articles whose read or starred state the server changed.
        changed: usize,
        /// Changes made here that were sent.
        sent: usize,
        /// Read marks changed by the server: key, read now.
        reads: Vec<(String, bool)>,
    },
    /// The sync failed: why, and whether only because the server could not be reached
    /// (then the reader says so until a sync succeeds, with the time of the last one).
    Failed {
        /// What the status bar says.
        why: String,
        /// The server could not be reached.
        offline: bool,
    },
    /// The bookmarks list as stored now, starred articles first (after a star was made or
    /// removed here or on the server), and what a star toggle here came to: starred now.
    Marks(Vec<Bookmark>, Option<bool>),
}

/// What the catalog knows at start ([`Msg::Start`]).
#[derive(Debug, Default)]
pub struct Start {
    /// The articles known, in any order.
    pub entries: Vec<Entry>,
    /// The key of the article open last, to open again.
    pub last: Option<String>,
    /// Whether the library is a collection (folders, several files, feeds): the Articles
    /// list is shown even before a second article is known.
    pub collection: bool,
    /// Whether nothing is remembered yet (the status bar then says how to get help).
    pub first_run: bool,
    /// Files the catalog remembers as unreadable.
    pub errors: Vec<LoadError>,
    /// The bookmarks of the library.
    pub bookmarks: Vec<Bookmark>,
    /// Whether the library has files to scan (a scan is asked for at once).
    pub scan: bool,
    /// Whether a search index is open, and whether it already holds every article.
    pub index: Option<bool>,
    /// Whether the library has feeds to refresh, and how often they refresh on their own.
    pub feeds: Option<Option<Duration>>,
    /// Whether the feeds come from a sync server (`R` syncs, and a sync runs at start).
    pub sync: bool,
}

/// A timer the app asks for ([`Effect::After`]) and is told of ([`Msg::Timer`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Timer {
    /// Scan the library again: files changed and things have been quiet for a while.
    Rescan,
    /// Refresh the feeds on their own (`refresh-minutes`).
    Refresh,
    /// Hand the place on screen over to be remembered: it has differed from the one kept
    /// for a moment (so a kill loses at most that moment).
    Remember,
    /// Search for the query typed: the keys have paused.
    Search,
}

/// Something the app needs done outside itself: the session carries these out (reading the
/// catalog, handing work to a worker, the terminal's turns) and answers with a [`Msg`]. The
/// app itself does no I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load article `id` and answer with [`Msg::Opened`], with its remembered place.
    Open(ArticleId),
    /// Remember the reading position in the article with this key (the writer).
    Remember {
        /// The article's key.
        key: String,
        /// The place at the top of the reader.
        place: StoredPlace,
    },
    /// Remember the article open now (the writer).
    SetLast(String),
    /// Mark the articles with these keys read or unread (the writer).
    MarkRead {
        /// The articles' keys.
        keys: Vec<String>,
        /// Read (true) or unread.
        read: bool,
    },
    /// Add the bookmark, or remove the one at the same place (the writer), and answer with
    /// [`Msg::Bookmarked`].
    ToggleBookmark(Bookmark),
    /// Star the article with this key, or unstar it (the writer; queued for the sync server
    /// when it is a synced item), and answer with [`SyncNews::Marks`].
    ToggleStar(String),
    /// Search these articles for `query` (the search worker; an empty query stops the
    /// search under way), answering with [`Msg::LibraryHits`].
    SearchLibrary {
        /// The query.
        query: String,
        /// The articles to search when the index cannot be used, in list order.
        ids: Vec<ArticleId>,
        /// Whether the index holds every article and can answer.
        indexed: bool,
    },
    /// Find the first match of `query` in each of these articles and answer with
    /// [`Msg::Excerpts`].
    Excerpts {
        /// The query.
        query: String,
        /// The articles, results on screen.
        ids: Vec<ArticleId>,
    },
    /// Bring the catalog (and the index) up to date with the library's files (the scan
    /// worker).
    Scan,
    /// Refresh the library's feeds (the fetch worker).
    Refresh,
    /// Build the search index again from the catalog, set aside the damaged one (the index
    /// worker); answer with [`Msg::IndexReady`] or [`Msg::IndexFailed`].
    RebuildIndex,
    /// Read the article's file again as text and split it into lines, marking those that
    /// `dropped` names (the source worker); answer with [`Msg::Source`].
    ReadSource {
        /// The article.
        id: ArticleId,
        /// Where it comes from.
        origin: Origin,
        /// The lines its parse dropped as boilerplate, each with the reason.
        dropped: Vec<(String, String)>,
    },
    /// Bring the picture at `source` and encode it for `fit` (the picture worker); answer
    /// with [`Msg::Picture`].
    FetchPicture {
        /// The key to answer under.
        key: String,
        /// Where it is.
        source: crate::images::Source,
        /// The cells it is drawn in.
        fit: crate::images::Fit,
    },
    /// Encode a picture here already for other cells (the picture worker); answer with
    /// [`Msg::Picture`].
    ShowPicture {
        /// The key to answer under.
        key: String,
        /// The picture.
        picture: super::Picture,
        /// The cells it is drawn in now.
        fit: crate::images::Fit,
    },
    /// Send [`Msg::Timer`] once this long has passed (asking again moves the timer).
    After(Duration, Timer),
    /// Open this address in the browser, the terminal handed over meanwhile; answer with
    /// [`Msg::UrlOpened`].
    OpenUrl(String),
    /// Give the terminal back and stop until `fg` (Ctrl-Z).
    Suspend,
}
