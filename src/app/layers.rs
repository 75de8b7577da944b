//! The layers over the panes, on one stack: the folded lists at the bottom, then overlays
//! (help, bookmarks, feeds, links, the source view), then a search prompt. The top layer
//! takes every key (see `keys.rs`, the one place a key is routed); an overlay moves within
//! itself and closes on `q` or Esc, leaving what is behind it where it was.

use super::App;
use crate::keymap::Action;

/// A layer over the panes. Drawing goes bottom-up; keys go to the top one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The Articles and Sections lists, folded away on a narrow screen (or for full-width
    /// reading), shown over the reader. Keys go to the focused list as they would beside it.
    Lists,
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
    /// A search prompt on the bottom row: keys are text.
    Prompt(Prompt),
}

/// Which search a prompt types into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// The open article (`/` in the reader or the Sections list).
    Article,
    /// The whole library (`/` in the Articles list): results replace the list.
    Library,
}

impl Overlay {
    /// Whether the layer takes the keys and clicks that reach it for itself (the lists and a
    /// prompt let the panes have the mouse, and the lists let them have the keys).
    pub fn modal(self) -> bool {
        !matches!(self, Overlay::Lists | Overlay::Prompt(_))
    }
}

impl App {
    /// An action while `top` is the top overlay: it moves within it or closes it (`q` and
    /// Esc close it; Ctrl-C never gets here, it quits from anywhere).
    pub(super) fn overlay_action(&mut self, top: Overlay, action: Action) {
        if let Some((cursor, len)) = self.list_overlay(top)
            && let Some(c) = list_step(cursor, len.saturating_sub(1), action)
        {
            return self.set_top_overlay(top.with_cursor(c));
        }
        match (top, action) {
            (_, Action::Cancel | Action::Quit) => {
                self.overlays.pop();
            }
            (Overlay::Help { .. }, Action::Help) => {
                self.overlays.pop();
            }
            (_, Action::Help) => self.overlays.push(Overlay::Help { scroll: 0 }),
            (Overlay::Help { scroll }, _) => {
                let scroll = match action {
                    Action::ScrollDown => scroll.saturating_add(1),
                    Action::PageDown => scroll.saturating_add(self.page()),
                    Action::ScrollUp => scroll.saturating_sub(1),
                    Action::PageUp => scroll.saturating_sub(self.page()),
                    Action::Top => 0,
                    Action::Bottom => usize::MAX / 2,
                    _ => scroll,
                };
                self.set_top_overlay(Overlay::Help { scroll });
            }
            (Overlay::Bookmarks { cursor }, _) => self.bookmarks_action(cursor, action),
            (Overlay::Source { scroll }, _) => self.source_action(scroll, action),
            (Overlay::Links { cursor }, _) => self.links_action(cursor, action),
            (Overlay::Feeds { cursor }, _) => self.feeds_action(cursor, action),
            (Overlay::Lists | Overlay::Prompt(_), _) => {}
        }
    }

    /// For a list overlay, its cursor and how many entries it has.
    fn list_overlay(&self, overlay: Overlay) -> Option<(usize, usize)> {
        match overlay {
            Overlay::Bookmarks { cursor } => Some((cursor, self.bookmarks().len())),
            Overlay::Links { cursor } => Some((cursor, self.link_entries().len())),
            Overlay::Feeds { cursor } => Some((cursor, self.feeds().len() + 1)),
            _ => None,
        }
    }

    /// The top modal overlay (one that takes the keys for itself), if it is on top.
    pub(super) fn modal_top(&self) -> Option<Overlay> {
        self.overlays.last().copied().filter(|o| o.modal())
    }

    /// Shows or hides the folded lists, which always lie at the bottom of the stack.
    pub(super) fn set_lists_open(&mut self, open: bool) {
        if open && !self.lists_open() {
            self.overlays.insert(0, Overlay::Lists);
        } else if !open {
            self.overlays.retain(|o| *o != Overlay::Lists);
        }
    }

    /// Opens a prompt on top.
    pub(super) fn open_prompt(&mut self, prompt: Prompt) {
        self.close_prompt();
        self.overlays.push(Overlay::Prompt(prompt));
    }

    /// Closes the prompt, if one is open.
    pub(super) fn close_prompt(&mut self) {
        self.overlays.retain(|o| !matches!(o, Overlay::Prompt(_)));
    }

    /// Replaces the top overlay.
    pub(super) fn set_top_overlay(&mut self, overlay: Overlay) {
        if let Some(top) = self.overlays.last_mut() {
            *top = overlay;
        }
    }
}

/// Where a list overlay's cursor goes for a movement key (`None` for other keys): a row up
/// or down, to the first or to the `last` row.
fn list_step(cursor: usize, last: usize, action: Action) -> Option<usize> {
    match action {
        Action::ScrollUp => Some(cursor.saturating_sub(1)),
        Action::ScrollDown => Some((cursor + 1).min(last)),
        Action::PageUp | Action::Top => Some(0),
        Action::PageDown | Action::Bottom => Some(last),
        _ => None,
    }
}

impl Overlay {
    /// The same list overlay with its cursor at `cursor` (other overlays as they are).
    fn with_cursor(self, cursor: usize) -> Overlay {
        match self {
            Overlay::Bookmarks { .. } => Overlay::Bookmarks { cursor },
            Overlay::Links { .. } => Overlay::Links { cursor },
            Overlay::Feeds { .. } => Overlay::Feeds { cursor },
            other => other,
        }
    }
}
