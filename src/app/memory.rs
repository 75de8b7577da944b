//! The reader's memory in the app: the place in each article and the article open last,
//! handed to the session to keep, and bookmarks with their overlay. The catalog does the
//! keeping; this is when and what to remember.

use std::time::Duration;

use super::{App, Effect, Focus, Overlay, Timer};
use crate::layout::TextPos;
use crate::model::{Bookmark, StoredPlace};
use crate::strings;

/// How long a new place stays on screen before it is handed over to be remembered.
pub const REMEMBER_AFTER: Duration = Duration::from_millis(500);

impl App {
    /// Hands the open article's position (and that it is the one open) to the session to
    /// keep, unless it is what was handed last.
    pub(super) fn remember(&mut self) {
        let Some(key) = self.open.key.clone() else {
            return;
        };
        let place = StoredPlace::Place(self.layout.place_of(self.anchor));
        let same_key = self.remembered.as_ref().is_some_and(|(k, _)| *k == key);
        if self.remembered.as_ref() == Some(&(key.clone(), place)) {
            return;
        }
        if !same_key {
            self.effects.push(Effect::SetLast(key.clone()));
        }
        self.effects.push(Effect::Remember {
            key: key.clone(),
            place,
        });
        self.remembered = Some((key, place));
    }

    /// Whether the open article's place differs from what was last handed over to be
    /// remembered.
    pub fn unremembered(&self) -> bool {
        let Some(key) = self.open.key.as_deref() else {
            return false;
        };
        let place = StoredPlace::Place(self.layout.place_of(self.anchor));
        self.remembered
            .as_ref()
            .is_none_or(|(k, p)| k != key || *p != place)
    }

    /// After every message: when the place on screen is not the one kept, asks for a
    /// [`Timer::Remember`] (once; scrolling on does not put it off), so a place that has
    /// been on screen for [`REMEMBER_AFTER`] is on its way to disk.
    pub(super) fn remember_soon(&mut self) {
        if !self.remember_due && self.unremembered() {
            self.remember_due = true;
            self.effects
                .push(Effect::After(REMEMBER_AFTER, Timer::Remember));
        }
    }

    /// [`Timer::Remember`] came: the place on screen now is handed over.
    pub(super) fn remember_due(&mut self) {
        self.remember_due = false;
        self.remember();
    }

    /// Puts a remembered place at the top of the reader, if it is still in the text. A place
    /// from an older state file names a block and a byte offset.
    pub(super) fn go_to_stored(&mut self, place: StoredPlace) -> bool {
        let pos = match place {
            StoredPlace::Place(p) => self.layout.pos_of_place(p),
            StoredPlace::Legacy { block, offset } => Some(TextPos {
                block: usize::try_from(block).unwrap_or(usize::MAX),
                offset: usize::try_from(offset).unwrap_or(usize::MAX),
            }),
        };
        pos.is_some_and(|p| self.go_to(p))
    }

    /// `m`: bookmarks the top of the reader, or removes the bookmark that is there.
    pub(super) fn toggle_bookmark(&mut self) {
        let Some(key) = self.open.key.clone() else {
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
        let place = StoredPlace::Place(self.layout.place_of(pos));
        self.work.toggles += 1;
        self.effects.push(Effect::ToggleBookmark(Bookmark {
            key,
            place,
            title: self.article().title.clone(),
            snippet,
        }));
    }

    /// The writer's answer to [`Effect::ToggleBookmark`]: the bookmarks as stored now and
    /// whether the toggle added one, or why it failed.
    pub(super) fn bookmarked(&mut self, result: Result<(Vec<Bookmark>, bool), String>) {
        self.work.toggles = self.work.toggles.saturating_sub(1);
        let (bookmarks, added) = match result {
            Ok(done) => done,
            Err(why) => {
                self.message = Some(format!("{}{why}", strings::CATALOG_WRITE_FAILED));
                return;
            }
        };
        self.bookmarks = bookmarks;
        let last = self.bookmarks.len().saturating_sub(1);
        for o in &mut self.overlays {
            if let Overlay::Bookmarks { cursor } = o {
                *cursor = (*cursor).min(last);
            }
        }
        self.message = Some(
            if added {
                strings::BOOKMARK_ADDED
            } else {
                strings::BOOKMARK_REMOVED
            }
            .to_string(),
        );
    }

    /// Every bookmark, in the order made.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// The bookmarks overlay's cursor, when the overlay is open.
    pub fn bookmarks_open(&self) -> Option<usize> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Bookmarks { cursor } => Some(*cursor),
            _ => None,
        })
    }

    pub(super) fn open_bookmarks(&mut self) {
        self.overlays.push(Overlay::Bookmarks { cursor: 0 });
    }

    /// Keys while the bookmarks overlay is on top.
    pub(super) fn bookmarks_action(&mut self, cursor: usize, action: crate::keymap::Action) {
        use crate::keymap::Action as A;
        match action {
            A::FocusRight => {
                self.overlays.pop();
                self.jump_to_bookmark(cursor);
            }
            A::Bookmarks | A::FocusLeft => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    /// Jumps to bookmark `i` (its article opened at its place).
    pub(super) fn jump_to_bookmark(&mut self, i: usize) {
        let Some(b) = self.bookmarks.get(i).cloned() else {
            return;
        };
        let listed = self.entries.iter().position(|e| e.key == b.key);
        let elsewhere = || self.hidden.values().find(|e| e.key == b.key).map(|e| e.id);
        let article = match listed {
            Some(i) => Some(i),
            None => elsewhere().and_then(|id| self.reveal(id)),
        };
        let Some(article) = article else {
            self.message = Some(strings::BOOKMARK_ELSEWHERE.to_string());
            return;
        };
        self.remember();
        self.article_cursor = article;
        self.request(article, Some(b.place));
        self.focus = Focus::Reader;
    }
}
