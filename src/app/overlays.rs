//! The layers drawn over the panes (help, bookmarks, and the views of one article that take
//! the whole screen): each takes every key while it is on top, moves within itself, and
//! closes on `q` or Esc, leaving the panes behind it where they were.

use super::{App, Overlay};
use crate::keymap::Action;

impl App {
    /// An action while `top` is the top overlay: it moves within it or closes it (`q` and
    /// Esc close it; only Ctrl-C, bound to nothing else, leaves from an overlay).
    pub(super) fn overlay_action(&mut self, top: Overlay, action: Action) {
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

    /// Replaces the top overlay.
    pub(super) fn set_top_overlay(&mut self, overlay: Overlay) {
        if let Some(top) = self.overlays.last_mut() {
            *top = overlay;
        }
    }
}
