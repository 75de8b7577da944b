//! In-article search as the reader runs it: the prompt and its history, incremental matching
//! while typing, the current match, `n`/`N` with wrap-around, and Esc putting the reader back
//! where the search started.

use super::line::Edit;
use super::{App, Prompt};
use crate::layout::TextPos;
use crate::model::ArticleId;
use crate::search::{Index, Match};
use crate::strings;

/// A key typed into the search prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    /// A character of the query.
    Char(char),
    /// Delete the last character; on an empty prompt, close it.
    Backspace,
    /// Keep the search and jump to the first match at or after the top of the reader.
    Enter,
    /// Cancel the search and go back to where it started.
    Esc,
    /// An earlier query.
    Up,
    /// A later query.
    Down,
    /// Move the cursor one character left.
    Left,
    /// Move the cursor one character right.
    Right,
    /// Move the cursor to the start of the line.
    Home,
    /// Move the cursor to the end of the line.
    End,
    /// Delete the character under the cursor.
    Delete,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete everything before the cursor (Ctrl-U).
    ClearToStart,
}

/// The search's state.
#[derive(Debug, Default)]
pub struct Search {
    query: String,
    /// Where the cursor is in the query being typed (a byte offset).
    cursor: usize,
    /// The last query entered: `n` repeats it after Esc, and so does Enter on an empty
    /// prompt.
    last: Option<String>,
    matches: Vec<Match>,
    current: Option<usize>,
    /// The top of the reader when the prompt opened: Esc goes back there.
    origin: Option<TextPos>,
    history: Vec<String>,
    history_pos: Option<usize>,
    /// The folded text of the open article, built at its first search.
    index: Option<(Option<ArticleId>, Index)>,
    /// Search only once typing pauses ([`App::with_quiet_search`]).
    pub(super) quiet: bool,
    /// The query typed (in the article or over the library) changed since it was last
    /// searched for: [`Timer::Search`] searches.
    pub(super) waiting: bool,
    /// How many times the open article has been searched, for tests of how often typing
    /// searches.
    runs: usize,
}

impl Search {
    /// How many times the article has been searched for a query so far (with quiet
    /// searching, not once per key).
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// The query typed so far (or the last one kept).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Where the cursor is in the query being typed (a byte offset).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The last query entered, kept after Esc for `n` and an empty Enter to repeat.
    pub fn last(&self) -> Option<&str> {
        self.last.as_deref()
    }

    /// Every match, in text order.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// Index of the current match in [`Search::matches`].
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The matches in `block`, as a slice of [`Search::matches`] with its first index.
    pub fn in_block(&self, block: usize) -> (usize, &[Match]) {
        let from = self.matches.partition_point(|m| m.block < block);
        let to = self.matches.partition_point(|m| m.block <= block);
        (from, &self.matches[from..to])
    }

    /// What the status bar says about the search, if anything.
    pub fn status(&self) -> Option<String> {
        if self.query.is_empty() {
            return None;
        }
        if self.matches.is_empty() {
            return Some(format!("{}{}", strings::NO_MATCH, self.query));
        }
        let n = self.current.map_or(0, |c| c + 1);
        Some(format!("{} {n}/{}", strings::MATCH, self.matches.len()))
    }
}

impl App {
    /// The search state, for the view.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// Opens the search prompt.
    pub(super) fn start_search(&mut self) {
        self.open_prompt(Prompt::Article);
        let s = &mut self.search;
        s.query.clear();
        s.cursor = 0;
        s.matches.clear();
        s.current = None;
        s.history_pos = None;
        s.origin = Some(self.anchor);
        self.message = None;
    }

    /// Searches the open article for `query` as if it had been typed and entered: the
    /// current match is the first one.
    pub(super) fn search_for(&mut self, query: &str) {
        self.start_search();
        self.search.query = query.to_string();
        self.search.cursor = query.len();
        self.keep_search();
    }

    /// A key typed into the article's search prompt.
    pub(super) fn article_prompt(&mut self, key: PromptKey) {
        let s = &mut self.search;
        match super::line::apply(&mut s.query, &mut s.cursor, key) {
            Edit::Changed => {
                if !self.search_later() {
                    self.refresh_matches(true);
                }
            }
            Edit::Same => {}
            Edit::NotEditing => match key {
                PromptKey::Esc | PromptKey::Backspace => self.cancel_search(),
                PromptKey::Enter => self.keep_search(),
                PromptKey::Up | PromptKey::Down => self.recall(key == PromptKey::Up),
                _ => {}
            },
        }
    }

    fn recall(&mut self, older: bool) {
        let n = self.search.history.len();
        if n == 0 {
            return;
        }
        let pos = match (self.search.history_pos, older) {
            (None, true) => Some(n - 1),
            (None, false) => None,
            (Some(p), true) => Some(p.saturating_sub(1)),
            (Some(p), false) => (p + 1 < n).then_some(p + 1),
        };
        self.search.history_pos = pos;
        self.search.query = pos
            .and_then(|p| self.search.history.get(p).cloned())
            .unwrap_or_default();
        self.search.cursor = self.search.query.len();
        self.refresh_matches(true);
    }

    fn restore_origin(&mut self) {
        if let Some(anchor) = self.search.origin {
            self.go_to(anchor);
        }
    }

    fn cancel_search(&mut self) {
        self.restore_origin();
        self.close_prompt();
        let s = &mut self.search;
        s.query.clear();
        s.matches.clear();
        s.current = None;
        s.origin = None;
    }

    fn keep_search(&mut self) {
        self.close_prompt();
        if self.search.query.is_empty() {
            // An empty Enter repeats the last search, as in less and vim.
            match self.search.last.clone() {
                Some(last) => self.search.query = last,
                None => {
                    self.cancel_search();
                    return;
                }
            }
        }
        let q = self.search.query.clone();
        if self.search.history.last() != Some(&q) {
            self.search.history.push(q.clone());
        }
        self.search.last = Some(q);
        self.restore_origin();
        self.refresh_matches(false);
        // A miss is said by the search's status, once.
        if let Some(i) = self.search.current {
            self.show_match(i);
        }
    }

    /// Recomputes the matches for the query; the current match becomes the first at or
    /// after the position the search started from. While typing, the reader follows it.
    pub(super) fn refresh_matches(&mut self, follow: bool) {
        self.search.runs += 1;
        if self
            .search
            .index
            .as_ref()
            .is_none_or(|(a, _)| *a != self.open.id)
        {
            self.search.index = Some((self.open.id, Index::new(self.layout.blocks())));
        }
        let matches = match &self.search.index {
            Some((_, index)) => index.find(self.layout.blocks(), &self.search.query),
            None => Vec::new(),
        };
        let from = self.search.origin.unwrap_or(self.anchor);
        let first = matches
            .iter()
            .position(|m| m.start() >= from)
            .or((!matches.is_empty()).then_some(0));
        self.search.matches = matches;
        self.search.current = first;
        if follow {
            match first {
                Some(i) => self.show_match(i),
                None => self.restore_origin(),
            }
        }
    }

    /// Scrolls so that match `i` is on screen: when it was not, it comes to about a third
    /// of the way down the reader, with the text before it above.
    fn show_match(&mut self, i: usize) {
        let Some(m) = self.search.matches.get(i) else {
            return;
        };
        self.search.current = Some(i);
        let row = self.layout.row_of(m.start());
        let h = self.reader_height().max(1);
        if row < self.top || row >= self.top + h {
            let top = row.saturating_sub(h / 3).min(self.max_top());
            self.top = top;
            self.anchor = self.layout.pos_of_row(top);
        }
        self.section_cursor = self.section_at_top();
    }

    /// Shows the last match (an article entered backwards from library results).
    pub(super) fn last_match(&mut self) {
        if let Some(last) = self.search.matches.len().checked_sub(1) {
            self.show_match(last);
        }
    }

    /// `n` (forward) or `N`: the next or previous match, wrapping around with a message; past
    /// the last match of an article opened from library results, the next article's.
    pub(super) fn step_match(&mut self, forward: bool) {
        if self.search.query.is_empty()
            && self.typing() != Some(Prompt::Article)
            && let Some(last) = self.search.last.clone()
        {
            return self.repeat_search(&last, forward);
        }
        let n = self.search.matches.len();
        let at_edge = match self.search.current {
            Some(c) => (forward && c + 1 >= n) || (!forward && c == 0),
            None => n == 0,
        };
        if at_edge && self.step_library_article(forward) {
            return;
        }
        if n == 0 {
            // A search that found nothing says so in its status; only no search at all
            // needs a message.
            if self.search.status().is_none() {
                self.message = Some(strings::NO_SEARCH.to_string());
            }
            return;
        }
        let cur = self.search.current.unwrap_or(0);
        let (next, wrapped) = if forward {
            if cur + 1 < n {
                (cur + 1, false)
            } else {
                (0, true)
            }
        } else if cur > 0 {
            (cur - 1, false)
        } else {
            (n - 1, true)
        };
        self.show_match(next);
        self.message = wrapped.then(|| {
            if forward {
                strings::WRAPPED_TO_TOP.to_string()
            } else {
                strings::WRAPPED_TO_BOTTOM.to_string()
            }
        });
    }

    /// `n` or `N` after Esc put the last search away: it is searched again, and the match
    /// shown is the first at or after the top of the reader (`n`) or the last before it.
    fn repeat_search(&mut self, query: &str, forward: bool) {
        self.search.query = query.to_string();
        self.search.cursor = query.len();
        self.search.origin = None;
        self.refresh_matches(false);
        if !forward {
            let before = self
                .search
                .matches
                .iter()
                .rposition(|m| m.start() < self.anchor)
                .or(self.search.matches.len().checked_sub(1));
            self.search.current = before;
        }
        if let Some(i) = self.search.current {
            self.show_match(i);
        }
    }

    /// A new article is open: its text has to be folded again at the next search.
    pub(super) fn drop_search_index(&mut self) {
        self.search.index = None;
    }

    /// Esc outside the prompt: stop highlighting the last search (`n` brings it back).
    pub(super) fn clear_search(&mut self) -> bool {
        if self.search.query.is_empty() {
            return false;
        }
        self.search.query.clear();
        self.search.cursor = 0;
        self.search.matches.clear();
        self.search.current = None;
        true
    }
}
