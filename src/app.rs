//! All the reader's state and the one place it changes: [`App::update`] applies an
//! [`Action`], and the mouse and resize handlers do the same for pointer and size events.
//! Nothing here touches the terminal, so every behaviour is tested by building an `App`,
//! applying actions, and looking at the state.
//!
//! The reading position is a text position ([`TextPos`]), not a row: the row at the top of
//! the reader is derived from it at the current width, which is what keeps the same sentence
//! at the top when the terminal is resized.

mod library_search;
mod memory;
mod navigate;
mod search;

use std::sync::Arc;

use crate::article::{Article, Section};
use crate::keymap::Action;
use crate::layout::{Layout, LayoutCache, LayoutOptions, TextPos};
use crate::library::{Library, LoadError};
use crate::screen::{self, Areas};
use crate::state::State;
use crate::strings;

pub use library_search::{LibraryHit, LibrarySearch, SLICE};
pub use navigate::list_offset;
pub use search::{PromptKey, Search};

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
    articles: Vec<Article>,
    load_errors: Vec<LoadError>,
    open: usize,
    article_cursor: usize,
    section_cursor: usize,
    focus: Focus,
    help: bool,
    help_scroll: usize,
    lists_open: bool,
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
    corpus: library_search::Corpus,
    state: State,
    /// Each article's key in the state ([`crate::state::article_key`]).
    keys: Vec<String>,
    bookmark_cursor: Option<usize>,
}

impl App {
    /// An app showing `library` at an 80×24 screen until the first resize. The first article
    /// is open; a single article opens with the Sections list focused.
    pub fn new(library: Library, options: LayoutOptions) -> App {
        let Library { articles, errors } = library;
        let articles = if articles.is_empty() {
            vec![Article::new(
                strings::EMPTY_LIBRARY,
                vec![Section {
                    heading: None,
                    level: 0,
                    paragraphs: Vec::new(),
                }],
            )]
        } else {
            articles
        };
        let focus = if articles.len() > 1 {
            Focus::Articles
        } else {
            Focus::Sections
        };
        // Laid out for the reader's width on an 80×24 screen, the size until the first
        // resize, so that resize finds it in the cache.
        let width = screen::areas(80, 24, articles.len() > 1, false)
            .reader
            .width;
        let mut cache = LayoutCache::default();
        let layout = cache.get_or_layout(0, &articles[0], width, &options);
        let message = match errors.as_slice() {
            [] => None,
            [one] => Some(format!("{}{one}", strings::STATUS_LOAD_ERROR)),
            many => Some(format!("{} {}", many.len(), strings::STATUS_LOAD_ERRORS)),
        };
        let mut app = App {
            articles,
            load_errors: errors,
            open: 0,
            article_cursor: 0,
            section_cursor: 0,
            focus,
            help: false,
            help_scroll: 0,
            lists_open: false,
            width: 80,
            height: 24,
            top: 0,
            anchor: TextPos::default(),
            layout,
            cache,
            options,
            message,
            quit: false,
            search: Search::default(),
            library: LibrarySearch::default(),
            corpus: library_search::Corpus::default(),
            state: State::none(),
            keys: Vec::new(),
            bookmark_cursor: None,
        };
        app.resize(80, 24);
        app
    }

    // ----- what the view reads -----

    /// The articles of the library.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Files that failed to load.
    pub fn load_errors(&self) -> &[LoadError] {
        &self.load_errors
    }

    /// The open article.
    pub fn article(&self) -> &Article {
        &self.articles[self.open]
    }

    /// Index of the open article.
    pub fn open_index(&self) -> usize {
        self.open
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
        self.help.then_some(self.help_scroll)
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
        screen::areas(
            self.width,
            self.height,
            self.articles.len() > 1,
            self.lists_open,
        )
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

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if self.help {
            match action {
                Action::Help | Action::Cancel => self.help = false,
                Action::Quit => self.quit = true,
                Action::ScrollDown | Action::PageDown => {
                    self.help_scroll = self.help_scroll.saturating_add(1);
                }
                Action::ScrollUp | Action::PageUp => {
                    self.help_scroll = self.help_scroll.saturating_sub(1);
                }
                _ => {}
            }
            return;
        }
        // A message is news about the last action only.
        self.message = None;
        if self.bookmark_cursor.is_some() {
            return self.bookmarks_action(action);
        }
        if self.library.active() && self.focus == Focus::Articles {
            match action {
                Action::ScrollUp => return self.move_library_cursor(-1),
                Action::ScrollDown => return self.move_library_cursor(1),
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
            Action::PageUp => self.scroll_rows(-(self.page() as isize)),
            Action::PageDown => self.scroll_rows(self.page() as isize),
            Action::Top => self.scroll_rows(isize::MIN / 2),
            Action::Bottom => self.scroll_rows(isize::MAX / 2),
            Action::PrevSection => self.prev_section(),
            Action::NextSection => self.next_section(),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Search if self.focus == Focus::Articles && self.articles.len() > 1 => {
                self.start_library_search();
            }
            Action::Search => self.start_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::ToggleLists => self.toggle_lists(),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::Bookmarks => self.open_bookmarks(),
            Action::Cancel => {
                if self.lists_open {
                    self.lists_open = false;
                    self.focus = Focus::Reader;
                } else if !self.clear_search() {
                    self.message = None;
                }
            }
            Action::Quit => self.quit = true,
        }
    }

    /// Takes a new screen size: the reader is laid out again at its new width and the same
    /// text stays at the top.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        if width >= screen::WIDE {
            self.lists_open = false;
        } else if !self.lists_open {
            // Keys go to what is on screen: with the lists folded away, that is the reader.
            self.focus = Focus::Reader;
        }
        self.relayout();
    }

    fn relayout(&mut self) {
        let width = self.areas().reader.width;
        let (cache, article, options) = (&mut self.cache, &self.articles[self.open], &self.options);
        let laid =
            crate::guard::catch(|| cache.get_or_layout(self.open as u64, article, width, options));
        self.layout = laid.unwrap_or_else(|why| {
            // A bug met while setting this article: say so in the pane, keep the program.
            let note = Article::new(
                article.title.clone(),
                vec![Section {
                    heading: None,
                    level: 0,
                    paragraphs: vec![format!(
                        "{}{})",
                        strings::ERR_LAYOUT_PANE,
                        crate::decode::sanitize_line(&why)
                    )],
                }],
            );
            Arc::new(crate::layout::layout(&note, width, options))
        });
        self.top = self.layout.row_of(self.anchor);
    }

    fn max_top(&self) -> usize {
        self.layout.len().saturating_sub(self.reader_height())
    }

    /// Opens article `i` at its start.
    pub fn open_article(&mut self, i: usize) {
        if i >= self.articles.len() || i == self.open {
            return;
        }
        if self.open < self.articles.len() {
            self.remember();
        }
        self.clear_search();
        self.open = i;
        self.anchor = TextPos::default();
        self.relayout();
        let remembered = self.remembered(i).is_some_and(|pos| self.go_to(pos));
        if !remembered {
            self.section_cursor = self.section_at_top();
        }
    }
}
