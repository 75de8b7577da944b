//! The layers drawn over the panes (help, bookmarks, and the views of one article that take
//! the whole screen): each takes every key while it is on top, moves within itself, and
//! closes on `q` or Esc, leaving the panes behind it where they were.

use super::{App, Overlay};
use crate::keymap::Action;

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
        }
    }

    /// For a list overlay, its cursor and how many entries it has.
    fn list_overlay(&self, overlay: Overlay) -> Option<(usize, usize)> {
        match overlay {
            Overlay::Bookmarks { cursor } => Some((cursor, self.bookmarks().len())),
            Overlay::Links { cursor } => Some((cursor, self.link_entries().len())),
            Overlay::Feeds { cursor } => Some((cursor, self.feeds().len() + 1)),
            Overlay::Help { .. } | Overlay::Source { .. } => None,
        }
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
