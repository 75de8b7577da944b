//! The reader's memory in the app: reopening the last article at the same text, keeping the
//! place in each article, and bookmarks with their overlay. The file work is in
//! [`crate::state`]; this is when and what to remember.

use super::App;
use crate::layout::TextPos;
use crate::state::{Bookmark, Change, Place, State, article_key};
use crate::strings;

impl App {
    /// Gives the app its memory: reopens the last article at its remembered position and
    /// shows any warning from the state in the status bar.
    pub fn with_state(mut self, state: State) -> App {
        self.state = state;
        self.keys = self.articles.iter().map(article_key).collect();
        let last = self.state.data().last.clone();
        let open = last
            .and_then(|k| self.keys.iter().position(|x| *x == k))
            .unwrap_or(0);
        self.article_cursor = open;
        self.open = usize::MAX;
        self.open_article(open);
        if let Some(w) = self.state.take_warning() {
            self.message = Some(w);
        }
        self
    }

    /// The remembered place in article `i`.
    pub(super) fn remembered(&self, i: usize) -> Option<TextPos> {
        let key = self.keys.get(i)?;
        self.state.data().positions.get(key).map(|&p| p.into())
    }

    /// Writes the open article's position (and that it is the one open) to the state.
    pub fn remember(&mut self) {
        let Some(key) = self.keys.get(self.open).cloned() else {
            return;
        };
        let place = Place::from(self.anchor);
        if self.state.data().positions.get(&key) != Some(&place) {
            self.state.change(Change::Position(key.clone(), place));
        }
        if self.state.data().last.as_ref() != Some(&key) {
            self.state.change(Change::Last(key));
        }
        if let Some(w) = self.state.take_warning() {
            self.message = Some(w);
        }
    }

    /// `m`: bookmarks the top of the reader, or removes the bookmark that is there.
    pub(super) fn toggle_bookmark(&mut self) {
        let Some(key) = self.keys.get(self.open).cloned() else {
            return;
        };
        let pos = self.anchor;
        let snippet = self
            .layout
            .blocks()
            .get(pos.block)
            .and_then(|b| b.text.get(pos.offset..))
            .map(|t| t.chars().take(40).collect())
            .unwrap_or_default();
        let place = Place::from(pos);
        let existed = self
            .state
            .data()
            .bookmarks
            .iter()
            .any(|b| b.article == key && b.place == place);
        self.state.change(Change::ToggleBookmark(Bookmark {
            article: key,
            place,
            title: self.article().title.clone(),
            snippet,
        }));
        self.message = Some(self.state.take_warning().unwrap_or_else(|| {
            if existed {
                strings::BOOKMARK_REMOVED
            } else {
                strings::BOOKMARK_ADDED
            }
            .to_string()
        }));
    }

    /// Every bookmark, in the order made.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.state.data().bookmarks
    }

    /// The bookmarks overlay's cursor, when the overlay is open.
    pub fn bookmarks_open(&self) -> Option<usize> {
        self.bookmark_cursor
    }

    pub(super) fn open_bookmarks(&mut self) {
        self.bookmark_cursor = Some(0);
    }

    /// Keys while the bookmarks overlay is open.
    pub(super) fn bookmarks_action(&mut self, action: crate::keymap::Action) {
        use crate::keymap::Action as A;
        let n = self.bookmarks().len();
        let cur = self.bookmark_cursor.unwrap_or(0);
        match action {
            A::ScrollUp => self.bookmark_cursor = Some(cur.saturating_sub(1)),
            A::ScrollDown => self.bookmark_cursor = Some((cur + 1).min(n.saturating_sub(1))),
            A::FocusRight => {
                self.bookmark_cursor = None;
                self.jump_to_bookmark(cur);
            }
            A::Quit => self.quit = true,
            A::Cancel | A::Bookmarks | A::FocusLeft => self.bookmark_cursor = None,
            _ => {}
        }
    }

    fn jump_to_bookmark(&mut self, i: usize) {
        let Some(b) = self.bookmarks().get(i).cloned() else {
            return;
        };
        let Some(article) = self.keys.iter().position(|k| *k == b.article) else {
            self.message = Some(strings::BOOKMARK_ELSEWHERE.to_string());
            return;
        };
        self.remember();
        self.article_cursor = article;
        self.open_article(article);
        self.go_to(b.place.into());
        self.focus = super::Focus::Reader;
    }
}
