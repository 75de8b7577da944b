//! How fast the search prompts search: the reader searches once the keys pause, not at
//! every key, and a prompt takes a bounded query. A paste of 16,000 characters once cost
//! 4.5 s of CPU (every character searched the article, or the library, for the query so
//! far); now each key is a constant amount of work and a paste is one search.

use std::time::Duration;

use super::{App, Effect, Prompt, Timer};

/// The longest query the search prompts take, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;

/// How long the keys must pause before a quiet search searches.
pub const SEARCH_QUIET: Duration = Duration::from_millis(100);

impl App {
    /// The same app searching only once typing pauses ([`SEARCH_QUIET`]), not at every
    /// key: pasting thousands of characters is then one search, not one per character.
    /// The reader runs so; tests that look at every key's matches need not.
    pub fn with_quiet_search(mut self) -> App {
        self.search.quiet = true;
        self
    }

    /// With quiet searching, puts the search off until the keys pause (each key moves the
    /// timer); without, searches now. True when put off.
    pub(super) fn search_later(&mut self) -> bool {
        if !self.search.quiet {
            return false;
        }
        self.search.waiting = true;
        self.effects
            .push(Effect::After(SEARCH_QUIET, Timer::Search));
        true
    }

    /// Searches for the query typed, if it changed since the last search ([`Timer::Search`],
    /// or a key that needs the search done: Enter, ↑, ↓).
    pub(super) fn run_waiting_search(&mut self) {
        if !std::mem::take(&mut self.search.waiting) {
            return;
        }
        match self.typing() {
            Some(Prompt::Library) => self.restart_library_search(),
            Some(Prompt::Article) => self.refresh_matches(true),
            None => {}
        }
    }

    /// Whether the query being typed has reached [`MAX_QUERY_CHARS`]: bytes first, as a
    /// character is at most four of them, so a long query costs nothing to check.
    pub(super) fn query_full(&self) -> bool {
        let q = match self.typing() {
            Some(Prompt::Library) => self.library.query(),
            _ => self.search.query(),
        };
        q.len() >= MAX_QUERY_CHARS
            && (q.len() >= 4 * MAX_QUERY_CHARS || q.chars().count() >= MAX_QUERY_CHARS)
    }
}
