//! Moving around: scrolling and paging the reader, jumping between sections, moving the list
//! cursors, passing focus between the panes, and the mouse wheel and clicks. It lives apart
//! from `app.rs` because it changes for a different reason: how the reader moves through what
//! it holds, not what it holds or how actions reach it.

use super::{App, Focus, Overlay, panes};
use crate::keymap::Action;
use crate::layout::TextPos;
use crate::strings;

/// A list's first visible entry such that `cursor` is visible in `visible` rows.
pub fn list_offset(cursor: usize, visible: usize) -> usize {
    cursor.saturating_sub(visible.saturating_sub(1))
}

impl App {
    /// The section whose text is at the top of the reader.
    pub fn section_at_top(&self) -> usize {
        let rows = self.layout.rows();
        let first_text = rows[self.top.min(rows.len())..]
            .iter()
            .find(|r| !r.is_blank())
            .or_else(|| rows.last());
        first_text
            .and_then(|r| self.layout.location(r.pos()))
            .map_or(0, |(s, _)| s)
    }

    /// The mouse wheel at (`column`, `row`): scrolls the top overlay, or the pane under the
    /// pointer, by `delta` steps (negative: up).
    pub(super) fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        self.touched = true;
        self.confirm = None;
        if let Some(top) = self.modal_top() {
            let action = if delta > 0 {
                Action::ScrollDown
            } else {
                Action::ScrollUp
            };
            let mut top = Some(top);
            for _ in 0..delta.unsigned_abs().max(1) {
                let Some(t) = top else { break };
                self.overlay_action(t, action);
                top = self.modal_top();
            }
            return;
        }
        let a = self.areas();
        if contains(a.articles, column, row) {
            self.move_article_cursor(delta);
        } else if contains(a.sections, column, row) {
            self.move_section_cursor(delta);
        } else if a.reader.contains((column, row).into()) {
            self.scroll_rows(delta.saturating_mul(3));
        }
    }

    /// A click at (`column`, `row`): on the top overlay, it acts there (a bookmark is chosen;
    /// a click outside closes the overlay); otherwise it selects an article or section, or
    /// focuses the reader.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        self.touched = true;
        self.confirm = None;
        if let Some(top) = self.modal_top() {
            return self.click_overlay(top, column, row);
        }
        let a = self.areas();
        if let Some(r) = a.articles.filter(|r| r.contains((column, row).into())) {
            if self.library.active() {
                let hits = self.library.hits().len();
                if let Some(i) = list_hit(r, row, self.library.cursor(), hits, 2) {
                    self.move_library_cursor(i as isize - self.library.cursor() as isize);
                    self.focus = Focus::Articles;
                    self.open_library_hit();
                }
                return;
            }
            if let Some(i) = list_hit(r, row, self.article_cursor, self.entries.len(), 1) {
                self.article_cursor = i;
                self.open_article(i);
            }
            self.focus = Focus::Articles;
        } else if let Some(r) = a.sections.filter(|r| r.contains((column, row).into())) {
            let n = self.article().sections.len();
            if let Some(i) = list_hit(r, row, self.section_cursor, n, 1) {
                self.jump_to_section(i);
            }
            self.focus = Focus::Sections;
        } else if a.reader.contains((column, row).into()) {
            self.focus = Focus::Reader;
            self.set_lists_open(false);
        }
    }

    fn click_overlay(&mut self, top: Overlay, column: u16, row: u16) {
        let screen = panes::overlay_area(self.width, self.height);
        match top {
            Overlay::Bookmarks { cursor } => {
                let r = panes::popup(screen, panes::BOOKMARKS_SIZE);
                if !r.contains((column, row).into()) {
                    self.overlays.pop();
                } else if let Some(i) = list_hit(r, row, cursor, self.bookmarks.len(), 2) {
                    self.overlays.pop();
                    self.jump_to_bookmark(i);
                }
            }
            Overlay::Links { cursor } => {
                let r = panes::popup(screen, panes::BOOKMARKS_SIZE);
                let n = self.link_entries().len();
                if !r.contains((column, row).into()) {
                    self.overlays.pop();
                } else if let Some(i) = list_hit(r, row, cursor, n, 2) {
                    self.set_top_overlay(Overlay::Links { cursor: i });
                    self.open_link(i);
                }
            }
            Overlay::Feeds { cursor } => {
                let r = panes::popup(screen, panes::BOOKMARKS_SIZE);
                let n = self.feeds().len() + 1;
                if !r.contains((column, row).into()) {
                    self.overlays.pop();
                } else if let Some(i) = list_hit(r, row, cursor, n, 2) {
                    self.choose_feed(i);
                }
            }
            Overlay::Help { .. } | Overlay::Source { .. } => {
                self.overlays.pop();
            }
            // Not modal: clicks on them go to the panes.
            Overlay::Lists | Overlay::Prompt(_) => {}
        }
    }

    pub(super) fn page(&self) -> usize {
        self.reader_height().saturating_sub(1).max(1)
    }

    /// Moves the top of the reader by `delta` rows, keeping the last page full, and lets
    /// the Sections list follow.
    pub(super) fn scroll_rows(&mut self, delta: isize) {
        let top = if delta >= 0 {
            // Never past the last full page; a section jump near the end may already be
            // further down, and then scrolling down stays put.
            let limit = self.max_top().max(self.top);
            self.top.saturating_add(delta.unsigned_abs()).min(limit)
        } else {
            self.top.saturating_sub(delta.unsigned_abs())
        };
        self.read_unmarked();
        self.set_top(top);
        self.section_cursor = self.section_at_top();
    }

    fn set_top(&mut self, top: usize) {
        self.top = top.min(self.layout.len().saturating_sub(1));
        self.anchor = self.layout.pos_of_row(self.top);
    }

    /// Moves in the focused pane by `delta` entries (a list) or rows (the reader).
    pub(super) fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::Articles if self.library.active() => self.move_library_cursor(delta),
            Focus::Articles => self.move_article_cursor(delta),
            Focus::Sections => self.move_section_cursor(delta),
            Focus::Reader => self.scroll_rows(delta),
        }
    }

    /// How far a page moves the focused pane: the entries a list shows at once, or the
    /// reader's height less one row.
    pub(super) fn focused_page(&self) -> usize {
        let a = self.areas();
        let entries = |r: Option<ratatui::layout::Rect>, lines: usize| {
            r.map_or(1, |r| usize::from(r.height.saturating_sub(2)) / lines)
                .saturating_sub(1)
                .max(1)
        };
        match self.focus {
            Focus::Articles if self.library.active() => entries(a.articles, 2),
            Focus::Articles => entries(a.articles, 1),
            Focus::Sections => entries(a.sections, 1),
            Focus::Reader => self.page(),
        }
    }

    /// `J` or `K`: opens the next (or previous) article of the list, staying where the keys
    /// were (the reader, usually); at either end, says so.
    pub(super) fn step_article(&mut self, forward: bool) {
        let here = self.open_index().unwrap_or(self.article_cursor);
        let next = if forward {
            Some(here + 1).filter(|&n| n < self.entries.len())
        } else {
            here.checked_sub(1)
        };
        match next {
            Some(n) => {
                self.article_cursor = n;
                self.open_article(n);
            }
            None => {
                self.message = Some(
                    if forward {
                        strings::LAST_ARTICLE
                    } else {
                        strings::FIRST_ARTICLE
                    }
                    .to_string(),
                );
            }
        }
    }

    fn move_article_cursor(&mut self, delta: isize) {
        let last = self.entries.len().saturating_sub(1);
        self.article_cursor = self.article_cursor.saturating_add_signed(delta).min(last);
    }

    fn move_section_cursor(&mut self, delta: isize) {
        let last = self.article().sections.len().saturating_sub(1);
        let i = self.section_cursor.saturating_add_signed(delta).min(last);
        self.jump_to_section(i);
    }

    /// Puts section `i`'s heading (the title, for the lead) at the top of the reader.
    pub(super) fn jump_to_section(&mut self, i: usize) {
        let block = if i == 0 {
            Some(0)
        } else {
            self.layout.block_of(i, None)
        };
        if let Some(block) = block {
            let row = self.layout.row_of(TextPos { block, offset: 0 });
            self.set_top(row);
        }
        self.section_cursor = i;
    }

    pub(super) fn next_section(&mut self) {
        let last = self.article().sections.len().saturating_sub(1);
        let next = (self.section_at_top() + 1).min(last);
        self.jump_to_section(next);
    }

    pub(super) fn prev_section(&mut self) {
        let current = self.section_at_top();
        let start = if current == 0 {
            0
        } else {
            self.layout.block_of(current, None).map_or(0, |b| {
                self.layout.row_of(TextPos {
                    block: b,
                    offset: 0,
                })
            })
        };
        // Within a section, `[` goes back to its start; at its start, to the one before.
        let target = if self.top > start {
            current
        } else {
            current.saturating_sub(1)
        };
        self.jump_to_section(target);
    }

    /// Puts `pos` at the top of the reader when it names a place in the open article's text
    /// (a remembered position may be stale); the Sections list follows. Says whether it did.
    pub(super) fn go_to(&mut self, pos: TextPos) -> bool {
        let valid = self
            .layout
            .blocks()
            .get(pos.block)
            .is_some_and(|b| b.text.is_char_boundary(pos.offset));
        if valid {
            self.anchor = pos;
            self.top = self.layout.row_of(pos);
            self.section_cursor = self.section_at_top();
        }
        valid
    }

    pub(super) fn focus_left(&mut self) {
        match self.focus {
            Focus::Reader => {
                self.focus = Focus::Sections;
                if self.folded() {
                    self.set_lists_open(true);
                }
            }
            Focus::Sections if self.has_list() => {
                self.focus = Focus::Articles;
                self.article_cursor = self.open_index().unwrap_or(self.article_cursor);
            }
            _ => {}
        }
    }

    pub(super) fn focus_right(&mut self) {
        match self.focus {
            Focus::Articles => {
                self.open_article(self.article_cursor);
                self.focus = Focus::Sections;
            }
            Focus::Sections => {
                self.focus = Focus::Reader;
                self.set_lists_open(false);
                self.read_unmarked();
            }
            Focus::Reader => {}
        }
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let mut order = vec![Focus::Sections, Focus::Reader];
        if self.has_list() {
            order.insert(0, Focus::Articles);
        }
        let i = order.iter().position(|&f| f == self.focus).unwrap_or(0);
        let n = order.len();
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        self.focus = order[next];
        if self.folded() {
            self.set_lists_open(self.focus != Focus::Reader);
        }
    }

    /// `o`: on a wide screen, folds the lists away for full-width reading or brings them
    /// back beside the reader; on a narrow one, shows or hides them over the reader.
    pub(super) fn toggle_lists(&mut self) {
        if self.width >= panes::WIDE {
            self.full_width = !self.full_width;
            self.set_lists_open(false);
            if self.full_width {
                self.focus = Focus::Reader;
            }
            self.relayout();
            return;
        }
        self.set_lists_open(!self.lists_open());
        self.focus = if self.lists_open() {
            Focus::Sections
        } else {
            Focus::Reader
        };
    }
}

fn contains(r: Option<ratatui::layout::Rect>, column: u16, row: u16) -> bool {
    r.is_some_and(|r| r.contains((column, row).into()))
}

/// The list entry drawn at screen `row` of a bordered list in `area`, whose entries are
/// `lines` rows tall.
fn list_hit(
    area: ratatui::layout::Rect,
    row: u16,
    cursor: usize,
    len: usize,
    lines: usize,
) -> Option<usize> {
    let inner_top = area.y.saturating_add(1);
    let visible = usize::from(area.height.saturating_sub(2)) / lines.max(1);
    if row < inner_top || visible == 0 {
        return None;
    }
    let i = list_offset(cursor, visible) + usize::from(row - inner_top) / lines.max(1);
    (i < len).then_some(i)
}
