//! All the reader's state and the one place it changes: [`App::update`] takes a [`Msg`]
//! (a key, the mouse, a resize, a timer, or a worker's answer) and returns the [`Effect`]s
//! it needs carried out. Nothing here touches the terminal, the catalog or a thread, so
//! every behaviour is tested by applying messages and looking at the state and the effects.
//!
//! The reading position is a text position ([`TextPos`]), not a row: the row at the top of
//! the reader is derived from it at the current width, which is what keeps the same sentence
//! at the top when the terminal is resized.

mod arrivals;
mod entries;
mod feeds;
mod keys;
mod layers;
mod library_search;
mod line;
mod links;
mod mark;
mod memory;
mod msg;
mod navigate;
mod open;
mod pace;
pub mod panes;
mod pictures;
mod search;
mod source;
mod sync;
mod view;
mod work;

use std::collections::HashMap;
use std::sync::Arc;

use crate::article::{Article, Section};
use crate::keymap::Keymap;
use crate::layout::{Layout, LayoutCache, LayoutOptions, TextPos};
use crate::library::LoadError;
use crate::model::{ArticleId, Bookmark, Entry, Order, StoredPlace};
use crate::strings;

pub use entries::{DATE_WIDTH, MARK_WIDTH, entry_width, sort_entries};
pub use feeds::{FeedCount, FeedInfo, Filter};
pub use keys::prompt_key;
pub use layers::{Overlay, Prompt};
pub use library_search::{LibraryHit, LibrarySearch};
pub use links::LinkEntry;
pub use memory::REMEMBER_AFTER;
pub use msg::{Effect, Msg, Start, SyncNews, Timer};
pub use navigate::list_offset;
pub use pace::{MAX_QUERY_CHARS, SEARCH_QUIET};
pub use pictures::{Picture, PictureState, picture_note, picture_rows};
pub use search::{PromptKey, Search};
pub use source::{SOURCE_GUTTER, SourceLine, SourceView, source_lines, wrap};
pub use work::{IndexState, SETTLE, Work, Worker};

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
    /// What the workers are doing (the busy flags the status bar reads).
    work: Work,
    open: Open,
    /// An article asked for and not yet handed over, and a place to show in it (a bookmark's)
    /// instead of the remembered one.
    pending: Option<(ArticleId, Option<StoredPlace>)>,
    article_cursor: usize,
    section_cursor: usize,
    focus: Focus,
    /// Layers over the panes, the top one last: the folded lists, overlays, a prompt. The
    /// top one takes the keys.
    overlays: Vec<Overlay>,
    /// Full-width reading: the lists are folded away even on a wide screen.
    full_width: bool,
    /// The reader runs for the first time (nothing remembered): the status bar says how to
    /// get help, until help is opened.
    first_run: bool,
    /// Whether a key, click or wheel has come in: until then, a first run's list may still
    /// move the reader to its first article.
    touched: bool,
    /// The open article, shown without being asked for (at start, or the first item of a
    /// feed just chosen): it is marked read once the reader moves in it or it is opened.
    unmarked: Option<ArticleId>,
    /// `A` was pressed once: what a second press marks read (any other key forgets it).
    confirm: Option<mark::MarkScope>,
    /// Open on the Feeds overlay (`start = "feeds"`), once the feeds are known.
    feeds_home: bool,
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
    keymap: Keymap,
    message: Option<String>,
    quit: bool,
    search: Search,
    library: LibrarySearch,
    /// What to do once the article asked for is open.
    after_open: AfterOpen,
    bookmarks: Vec<Bookmark>,
    /// The source of the open article, once asked for.
    source: SourceView,
    /// Where the open article's link texts are: block and byte range, in order.
    link_spans: Vec<(usize, std::ops::Range<usize>)>,
    /// The last place handed out to be remembered, so an unchanged one is not written again.
    remembered: Option<(String, StoredPlace)>,
    /// A [`Timer::Remember`] was asked for and has not come yet.
    remember_due: bool,
    /// The open article's pictures, and those fetched.
    pictures: pictures::Pictures,
    effects: Vec<Effect>,
}

/// What to do once the article asked for is open (it arrives with [`Msg::Opened`]).
#[derive(Debug, Default)]
struct AfterOpen {
    /// A library search's query to run in it.
    search: Option<String>,
    /// ... starting from its last match (`N` went back an article).
    from_end: bool,
    /// A message to show.
    notice: Option<&'static str>,
    /// Shown for the user to choose from, not asked for: not marked read yet.
    preview: bool,
}

impl App {
    /// An app with nothing open yet, at an 80×24 screen until the first resize, with the
    /// default keys and list order. [`Msg::Start`] brings what the catalog knows.
    pub fn new(options: LayoutOptions) -> App {
        let placeholder = Arc::new(placeholder(strings::EMPTY_LIBRARY));
        let mut cache = LayoutCache::default();
        let width = panes::areas(80, 24, &panes::Shape::default()).reader.width;
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
            work: Work::default(),
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
            full_width: false,
            first_run: false,
            touched: false,
            unmarked: None,
            confirm: None,
            feeds_home: false,
            sections_width: 0,
            articles_width: 0,
            width: 80,
            height: 24,
            top: 0,
            anchor: TextPos::default(),
            layout,
            cache,
            options,
            keymap: Keymap::default(),
            message: None,
            quit: false,
            search: Search::default(),
            library: LibrarySearch::default(),
            after_open: AfterOpen::default(),
            bookmarks: Vec::new(),
            source: SourceView::default(),
            link_spans: Vec::new(),
            remembered: None,
            pictures: pictures::Pictures::default(),
            remember_due: false,
            effects: Vec::new(),
        };
        app.resize(80, 24);
        app
    }

    /// The same app with these key bindings (from the config).
    pub fn with_keymap(mut self, keymap: Keymap) -> App {
        self.keymap = keymap;
        self
    }

    /// The same app with the Articles list in this order (`sort` in the config).
    pub fn with_order(mut self, order: Order) -> App {
        self.set_order(order);
        self
    }

    /// The same app opening on the Feeds overlay as its home view (`start = "feeds"` in the
    /// config), once the feeds are known.
    pub fn with_feeds_home(mut self, home: bool) -> App {
        self.feeds_home = home;
        self
    }

    /// Takes one message, changes state accordingly, and returns what needs doing outside
    /// the app, in order. This is the only way the app's state changes.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => self.key(key),
            Msg::Action(action) => self.action(action),
            Msg::Prompt(key) => self.prompt(key),
            Msg::Wheel { column, row, delta } => self.wheel(column, row, delta),
            Msg::Click { column, row } => self.click(column, row),
            Msg::Resize(width, height) => self.resize(width, height),
            Msg::Leaving => self.remember(),
            Msg::UrlOpened { url, result } => self.url_opened(&url, result),
            Msg::Start(start) => self.start(*start),
            Msg::Opened {
                id,
                article,
                remembered,
            } => self.opened(id, article, remembered),
            Msg::Feeds(feeds) => self.set_feeds(feeds),
            Msg::Warning(warning) => self.message = Some(warning),
            Msg::Bookmarked(result) => self.bookmarked(result),
            Msg::LibraryHits { query, hits, done } => self.library_hits(&query, hits, done),
            Msg::Excerpts { query, found } => self.library_excerpts(&query, found),
            Msg::Source { id, lines } => self.source_read(id, lines),
            Msg::Picture { key, picture } => self.picture_arrived(key, picture),
            other => self.worker_news(other),
        }
        self.remember_soon();
        self.want_pictures();
        std::mem::take(&mut self.effects)
    }
}

impl App {
    /// Shows `text` in place of an article while none is open.
    pub(super) fn show_placeholder(&mut self, text: &str) {
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
