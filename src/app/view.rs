//! What the view (and a test) reads of the app: the list, the open article and where the
//! reader is in it, focus, layers, messages and the screen's geometry. Reading never
//! changes anything.

use unicode_width::UnicodeWidthStr;

use super::panes::{self, Areas, Shape};
use super::{App, Focus, Overlay, Prompt};
use crate::article::Article;
use crate::keymap::Keymap;
use crate::layout::{Layout, TextPos};
use crate::library::LoadError;
use crate::model::{ArticleId, Entry};

impl App {
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
            lists_open: self.lists_open(),
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
    pub(super) fn widest_section(&self) -> u16 {
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

    /// The layers over the panes, bottom first.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// The key bindings, for the help overlay and the status bar's hints.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The prompt open on top, if any: keys are then text, not commands.
    pub fn typing(&self) -> Option<Prompt> {
        match self.overlays.last() {
            Some(Overlay::Prompt(p)) => Some(*p),
            _ => None,
        }
    }

    /// Whether the folded lists are shown over the reader.
    pub fn lists_open(&self) -> bool {
        self.overlays.contains(&Overlay::Lists)
    }
}
