//! All the reader's state and the one place it changes: [`App::update`] applies an
//! [`Action`], and the mouse and resize handlers do the same for pointer and size events.
//! Nothing here touches the terminal, so every behaviour is tested by building an `App`,
//! applying actions, and looking at the state.
//!
//! The reading position is a text position ([`TextPos`]), not a row: the row at the top of
//! the reader is derived from it at the current width, which is what keeps the same sentence
//! at the top when the terminal is resized.

mod entries;
mod feeds;
mod library_search;
mod line;
mod links;
mod memory;
mod navigate;
mod overlays;
pub mod panes;
mod search;
mod source;

use std::collections::HashMap;
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use crate::article::{Article, Section};
use crate::keymap::Action;
use crate::layout::{Layout, LayoutCache, LayoutOptions, TextPos};
use crate::library::LoadError;
use crate::model::{ArticleId, Bookmark, Entry, Order, StoredPlace};
use crate::strings;

pub use entries::{DATE_WIDTH, MARK_WIDTH, entry_width, sort_entries};
pub use feeds::{FeedCount, FeedInfo, Filter};
pub use library_search::{LibraryHit, LibrarySearch};
pub use links::LinkEntry;
pub use navigate::list_offset;
use panes::{Areas, Shape};
pub use search::{PromptKey, Search};
pub use source::{SOURCE_GUTTER, SourceLine, SourceView, wrap};

/// Something the app needs done outside itself: the session carries these out (reading the
/// catalog, writing to it, starting a search) and answers with the methods that take their
/// results ([`App::opened`], [`App::set_bookmarks`], …). The app itself does no I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load article `id` and hand it to [`App::opened`], with its remembered place.
    Open(ArticleId),
    /// Remember the reading position in the article with this key.
    Remember {
        /// The article's key.
        key: String,
        /// The place at the top of the reader.
        place: StoredPlace,
    },
    /// Remember the article open now.
    SetLast(String),
    /// Mark the articles with these keys read or unread.
    MarkRead {
        /// The articles' keys.
        keys: Vec<String>,
        /// Read (true) or unread.
        read: bool,
    },
    /// Add the bookmark, or remove the one at the same place; answer with
    /// [`App::set_bookmarks`] and [`App::bookmark_toggled`].
    ToggleBookmark(Bookmark),
    /// Search every article of the library for this query (empty: stop searching) and hand
    /// the results to [`App::library_hits`].
    SearchLibrary(String),
    /// Refresh the library's feeds ([`App::set_fetch_progress`], then [`App::fetched`]).
    Refresh,
    /// Open this address in the browser, the terminal handed over meanwhile.
    OpenUrl(String),
    /// Read article `id`'s file again as text (decoded, not parsed) and hand it to
    /// [`App::source_read`].
    ReadSource(ArticleId),
    /// Find the first match of `query` in each of these articles and hand a line of
    /// context around it to [`App::library_excerpts`].
    Excerpts {
        /// The query.
        query: String,
        /// The articles, results on screen.
        ids: Vec<ArticleId>,
    },
}

/// A layer drawn over the panes that takes every key and click while it is on top; the
/// panes behind it do not move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key and what it does, scrolled by this many lines.
    Help {
        /// Lines scrolled.
        scroll: usize,
    },
    /// The bookmarks of the library, this one highlighted.
    Bookmarks {
        /// The highlighted bookmark.
        cursor: usize,
    },
    /// The library's feeds with their unread counts, this row highlighted (0: all
    /// articles).
    Feeds {
        /// The highlighted row.
        cursor: usize,
    },
    /// The open article's links with their addresses, this one highlighted.
    Links {
        /// The highlighted link.
        cursor: usize,
    },
    /// The open article's source text, from this line on ([`App::source`]).
    Source {
        /// The first line shown.
        scroll: usize,
    },
}

/// The open article: its number in the catalog (none for a placeholder) and its key.
#[derive(Debug)]
struct Open {
    id: Option<ArticleId>,
    key: Option<String>,
    article: Arc<Article>,
}

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The Articles list.
    Articles,
    /// The Sections list of the open article.
    Sections,
    /// The reader pane.
    Reader,
}

/// The reader's whole state.
#[derive(Debug)]
pub struct App {
    /// The library's articles, in list order.
    entries: Vec<Entry>,
    /// Where each article is in `entries`.
    by_id: HashMap<ArticleId, usize>,
    /// How `entries` is ordered.
    order: Order,
    /// Whether the library is a collection (folders, several files, feeds): the Articles
    /// list is shown even while it holds one article or none.
    collection: bool,
    /// Which articles the Articles list shows.
    filter: Filter,
    /// The articles the filter leaves out of the list.
    hidden: HashMap<ArticleId, Entry>,
    /// The library's feeds.
    feeds: Vec<FeedInfo>,
    load_errors: Vec<LoadError>,
    /// Files looked at and files in all, while the library is being read.
    progress: Option<(usize, usize)>,
    /// Feeds fetched and feeds in all, while feeds are refreshed.
    fetch_progress: Option<(usize, usize)>,
    /// The feeds that failed at the last refresh, `feed: problem`.
    feed_errors: Vec<String>,
    open: Open,
    /// An article asked for and not yet handed over, and a place to show in it (a bookmark's)
    /// instead of the remembered one.
    pending: Option<(ArticleId, Option<StoredPlace>)>,
    article_cursor: usize,
    section_cursor: usize,
    focus: Focus,
    /// Layers over the panes, the top one last.
    overlays: Vec<Overlay>,
    lists_open: bool,
    /// Full-width reading: the lists are folded away even on a wide screen.
    full_width: bool,
    /// The reader runs for the first time (nothing remembered): the status bar says how to
    /// get help, until help is opened.
    first_run: bool,
    /// Whether a key, click or wheel has come in: until then, a first run's list may still
    /// move the reader to its first article.
    touched: bool,
    /// Columns the widest Sections entry of the open article takes.
    sections_width: u16,
    /// Columns the widest Articles entry takes (it only grows while the library is read).
    articles_width: u16,
    width: u16,
    height: u16,
    top: usize,
    anchor: TextPos,
    layout: Arc<Layout>,
    cache: LayoutCache,
    options: LayoutOptions,
    message: Option<String>,
    quit: bool,
    search: Search,
    library: LibrarySearch,
    /// A library search's query to run in the article being opened from its results.
    search_after_open: Option<String>,
    /// ... starting from its last match (`N` went back an article).
    search_from_end: bool,
    /// A message to show once the article asked for is open.
    notice_after_open: Option<&'static str>,
    bookmarks: Vec<Bookmark>,
    /// The source of the open article, once asked for.
    source: SourceView,
    /// Where the open article's link texts are: block and byte range, in order.
    link_spans: Vec<(usize, std::ops::Range<usize>)>,
    /// The last place handed out to be remembered, so an unchanged one is not written again.
    remembered: Option<(String, StoredPlace)>,
    effects: Vec<Effect>,
}

impl App {
    /// An app with nothing open yet, at an 80×24 screen until the first resize. The session
    /// fills it: [`App::set_entries`], then [`App::opened`] for the article to show.
    pub fn new(options: LayoutOptions) -> App {
        let placeholder = Arc::new(placeholder(strings::EMPTY_LIBRARY));
        let mut cache = LayoutCache::default();
        let width = panes::areas(80, 24, &Shape::default()).reader.width;
        let layout = cache.get_or_layout(PLACEHOLDER, &placeholder, width, &options);
        let mut app = App {
            entries: Vec::new(),
            by_id: HashMap::new(),
            order: Order::default(),
            collection: false,
            filter: Filter::default(),
            hidden: HashMap::new(),
            feeds: Vec::new(),
            load_errors: Vec::new(),
            progress: None,
            fetch_progress: None,
            feed_errors: Vec::new(),
            open: Open {
                id: None,
                key: None,
                article: placeholder,
            },
            pending: None,
            article_cursor: 0,
            section_cursor: 0,
            focus: Focus::Sections,
            overlays: Vec::new(),
            lists_open: false,
            full_width: false,
            first_run: false,
            touched: false,
            sections_width: 0,
            articles_width: 0,
            width: 80,
            height: 24,
            top: 0,
            anchor: TextPos::default(),
            layout,
            cache,
            options,
            message: None,
            quit: false,
            search: Search::default(),
            library: LibrarySearch::default(),
            search_after_open: None,
            search_from_end: false,
            notice_after_open: None,
            bookmarks: Vec::new(),
            source: SourceView::default(),
            link_spans: Vec::new(),
            remembered: None,
            effects: Vec::new(),
        };
        app.resize(80, 24);
        app
    }

    /// What the app needs done, in order; taking them empties the list.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    // ----- what the view reads -----

    /// The articles of the library, in list order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Where article `id` is in the Articles list.
    pub fn position(&self, id: ArticleId) -> Option<usize> {
        self.by_id.get(&id).copied()
    }

    /// The list entry of article `id`.
    pub fn entry(&self, id: ArticleId) -> Option<&Entry> {
        self.by_id
            .get(&id)
            .and_then(|&i| self.entries.get(i))
            .or_else(|| self.hidden.get(&id))
    }

    /// Files that failed to load.
    pub fn load_errors(&self) -> &[LoadError] {
        &self.load_errors
    }

    /// Files looked at and files in all, while the library is being read.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.progress
    }

    /// The open article (a placeholder saying so when there is none).
    pub fn article(&self) -> &Article {
        &self.open.article
    }

    /// The open article's number in the catalog.
    pub fn open_id(&self) -> Option<ArticleId> {
        self.open.id
    }

    /// Where the open article is in the Articles list.
    pub fn open_index(&self) -> Option<usize> {
        self.open.id.and_then(|id| self.by_id.get(&id).copied())
    }

    /// The highlighted entry of the Articles list.
    pub fn article_cursor(&self) -> usize {
        self.article_cursor
    }

    /// The highlighted entry of the Sections list (entry 0 is the title, the lead section).
    pub fn section_cursor(&self) -> usize {
        self.section_cursor
    }

    /// Which pane has focus.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// Whether the help overlay is shown, and how far it is scrolled.
    pub fn help(&self) -> Option<usize> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Help { scroll } => Some(*scroll),
            _ => None,
        })
    }

    /// The layout of the open article at the reader's current width.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The row at the top of the reader.
    pub fn top_row(&self) -> usize {
        self.top
    }

    /// The text position at the top of the reader.
    pub fn anchor(&self) -> TextPos {
        self.anchor
    }

    /// The screen size.
    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// Where the panes are on the screen now.
    pub fn areas(&self) -> Areas {
        let shape = Shape {
            articles_list: self.has_list(),
            lists_open: self.lists_open,
            full_width: self.full_width,
            list_width: if self.has_list() {
                self.sections_width.max(self.articles_width)
            } else {
                self.sections_width
            },
            sections: self.article().sections.len(),
        };
        panes::areas(self.width, self.height, &shape)
    }

    /// Whether the lists are folded away (a narrow screen, or full-width reading): they then
    /// come back as an overlay.
    pub fn folded(&self) -> bool {
        self.width < panes::WIDE || self.full_width
    }

    /// Whether this is the reader's first run, in which case the status bar says how to get
    /// help (until help is opened).
    pub fn first_run(&self) -> bool {
        self.first_run
    }

    /// Says whether the reader runs for the first time (nothing remembered yet).
    pub fn set_first_run(&mut self, first: bool) {
        self.first_run = first;
    }

    /// Whether full-width reading was asked for.
    pub fn full_width(&self) -> bool {
        self.full_width
    }

    /// Whether the Articles list is part of the screen.
    pub fn has_list(&self) -> bool {
        self.collection || self.entries.len() > 1
    }

    /// A message for the status bar.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Entry `i` of the Sections list: the title (standing for the lead) for the first, then
    /// each heading, with its level.
    pub fn section_entry(&self, i: usize) -> (&str, u8) {
        let a = self.article();
        match a.sections.get(i) {
            Some(s) => match &s.heading {
                Some(h) => (h.as_str(), s.level),
                None if i == 0 => (a.title.as_str(), 0),
                None => ("", s.level),
            },
            None => ("", 0),
        }
    }

    /// Columns the widest entry of the Sections list takes, with its indent.
    fn widest_section(&self) -> u16 {
        let widest = (0..self.article().sections.len())
            .map(|i| {
                let (text, level) = self.section_entry(i);
                2 * usize::from(level.saturating_sub(1)) + text.width()
            })
            .max()
            .unwrap_or(0);
        u16::try_from(widest).unwrap_or(u16::MAX)
    }

    /// The reader's height in rows.
    pub fn reader_height(&self) -> usize {
        usize::from(self.areas().reader.height)
    }

    /// How far through the article the reader is, 0–100.
    pub fn percent(&self) -> u16 {
        let max = self.max_top();
        (self.top.min(max) * 100)
            .checked_div(max)
            .map_or(100, |p| u16::try_from(p).unwrap_or(100))
    }

    // ----- changing state -----

    /// The layers over the panes, bottom first.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// Applies one action. With an overlay open, the action is its alone.
    pub fn update(&mut self, action: Action) {
        self.touched = true;
        if let Some(&top) = self.overlays.last() {
            return self.overlay_action(top, action);
        }
        // A message is news about the last action only.
        self.message = None;
        if self.library.active() && self.focus == Focus::Articles {
            match action {
                Action::FocusRight => return self.open_library_hit(),
                Action::Cancel => {
                    self.close_library_search();
                    return;
                }
                _ => {}
            }
        }
        match action {
            Action::ScrollUp => self.step(-1),
            Action::ScrollDown => self.step(1),
            Action::FocusLeft => self.focus_left(),
            Action::FocusRight => self.focus_right(),
            Action::PageUp => self.step(-(self.focused_page() as isize)),
            Action::PageDown => self.step(self.focused_page() as isize),
            Action::HalfPageUp => self.step(-(self.focused_page().div_ceil(2) as isize)),
            Action::HalfPageDown => self.step(self.focused_page().div_ceil(2) as isize),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::PrevSection => self.prev_section(),
            Action::NextSection => self.next_section(),
            Action::PrevArticle => self.step_article(false),
            Action::NextArticle => self.step_article(true),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Search if self.focus == Focus::Articles && self.has_list() => {
                self.start_library_search();
            }
            Action::Search => self.start_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Help => {
                self.first_run = false;
                self.overlays.push(Overlay::Help { scroll: 0 });
            }
            Action::ToggleLists => self.toggle_lists(),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::Bookmarks => self.open_bookmarks(),
            Action::Source => self.ask_source(),
            Action::Links => self.open_links(),
            Action::Feeds => self.open_feeds(),
            Action::ToggleRead => self.toggle_read(),
            Action::MarkAllRead => self.mark_list_read(),
            Action::UnreadOnly => self.toggle_unread_only(),
            Action::OpenInBrowser => self.open_in_browser(),
            Action::Cancel => {
                if self.lists_open {
                    self.lists_open = false;
                    self.focus = Focus::Reader;
                } else if !self.clear_search() {
                    self.message = None;
                }
            }
            Action::Refresh => self.effects.push(Effect::Refresh),
            Action::Quit => self.quit = true,
        }
    }

    /// Takes a new screen size: the reader is laid out again at its new width and the same
    /// text stays at the top.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        self.want_excerpts();
        if !self.folded() {
            self.lists_open = false;
        } else if !self.lists_open {
            // Keys go to what is on screen: with the lists folded away, that is the reader.
            self.focus = Focus::Reader;
        }
        self.relayout();
    }

    fn relayout(&mut self) {
        let width = self.areas().reader.width;
        let id = self.open.id.map_or(PLACEHOLDER, |id| id.0 as u64);
        let (cache, article, options) = (&mut self.cache, &self.open.article, &self.options);
        let laid = crate::guard::catch(|| cache.get_or_layout(id, article, width, options));
        self.layout = laid.unwrap_or_else(|why| {
            // A bug met while setting this article: say so in the pane, keep the program.
            let note = placeholder(&format!(
                "{}{})",
                strings::ERR_LAYOUT_PANE,
                crate::decode::sanitize_line(&why)
            ));
            Arc::new(crate::layout::layout(&note, width, options))
        });
        self.top = self.layout.row_of(self.anchor);
    }

    fn max_top(&self) -> usize {
        self.layout.len().saturating_sub(self.reader_height())
    }

    /// Asks for article `i` of the list to be opened (at its remembered place); the session
    /// answers with [`App::opened`].
    pub fn open_article(&mut self, i: usize) {
        self.request(i, None);
    }

    /// Asks for article `i`, at `place` instead of its remembered place when given.
    pub(crate) fn request(&mut self, i: usize, place: Option<StoredPlace>) {
        let Some(id) = self.entries.get(i).map(|e| e.id) else {
            return;
        };
        if self.open.id == Some(id) {
            if let Some(place) = place {
                self.go_to_stored(place);
            }
            return;
        }
        self.pending = Some((id, place));
        self.effects.push(Effect::Open(id));
    }

    /// Article `id`, asked for with [`Effect::Open`] (or shown first by the session): it
    /// becomes the open article, at `remembered` (its remembered place) unless a place was
    /// asked for with it.
    pub fn opened(
        &mut self,
        id: ArticleId,
        article: Arc<Article>,
        remembered: Option<StoredPlace>,
    ) {
        let asked = match self.pending.take() {
            Some((p, place)) if p == id => place,
            other => {
                self.pending = other;
                None
            }
        };
        self.remember();
        self.clear_search();
        self.drop_search_index();
        let key = self.entry(id).map(|e| e.key.clone());
        self.open = Open {
            id: Some(id),
            key,
            article,
        };
        self.sections_width = self.widest_section();
        self.anchor = TextPos::default();
        self.top = 0;
        self.relayout();
        self.find_link_spans();
        let placed = asked.or(remembered).is_some_and(|p| self.go_to_stored(p));
        if !placed {
            self.section_cursor = self.section_at_top();
        }
        if let Some(i) = self.open_index() {
            self.article_cursor = i;
            self.set_read(i, true);
        }
        self.remember();
        if let Some(query) = self.search_after_open.take() {
            self.search_for(&query);
            if std::mem::take(&mut self.search_from_end) {
                self.last_match();
            }
        }
        if let Some(notice) = self.notice_after_open.take() {
            self.message = Some(notice.to_string());
        }
    }
}

impl App {
    /// Shows `text` in place of an article while none is open.
    pub(crate) fn show_placeholder(&mut self, text: &str) {
        self.open.article = Arc::new(placeholder(text));
        self.cache.forget(PLACEHOLDER);
        self.relayout();
    }
}

/// The layout cache's number for a placeholder article.
const PLACEHOLDER: u64 = u64::MAX;

/// An article that only says `text`.
fn placeholder(text: &str) -> Article {
    Article::new(
        text,
        vec![Section {
            heading: None,
            level: 0,
            paragraphs: Vec::new(),
        }],
    )
}
