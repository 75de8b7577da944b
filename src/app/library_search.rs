//! Searching every article from the Articles list: the prompt, the results (each article
//! with its match count and a line of context) and opening one at its first match with the
//! search active. The searching itself is the session's ([`Effect::SearchLibrary`]); results
//! stream in through [`App::library_hits`], so typing is never blocked, however large the
//! library.

use super::{App, Effect, Focus, PromptKey};
use crate::model::ArticleId;
use crate::search::Excerpt;
use crate::strings;

/// One article that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryHit {
    /// The article.
    pub id: ArticleId,
    /// How many matches it has.
    pub count: usize,
    /// A line of context around its first match, once known: the index gives counts only,
    /// and context is fetched for the rows on screen ([`Effect::Excerpts`]).
    pub excerpt: Option<Excerpt>,
}

/// The state of a library search.
#[derive(Debug, Default)]
pub struct LibrarySearch {
    query: String,
    /// Where the cursor is in the query being typed (a byte offset).
    edit_cursor: usize,
    typing: bool,
    active: bool,
    /// Whether results for the query are still coming.
    searching: bool,
    hits: Vec<LibraryHit>,
    cursor: usize,
    /// Articles whose excerpts were asked for (for this query).
    asked: std::collections::HashSet<ArticleId>,
    /// A note on how the search runs (without the index while it is built).
    note: Option<&'static str>,
}

impl LibrarySearch {
    /// Whether results (or the prompt) replace the Articles list.
    pub fn active(&self) -> bool {
        self.active
    }

    /// Whether the prompt is open.
    pub fn typing(&self) -> bool {
        self.typing
    }

    /// Whether results for the query are still coming in.
    pub fn searching(&self) -> bool {
        self.searching
    }

    /// The query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Where the cursor is in the query being typed (a byte offset).
    pub fn edit_cursor(&self) -> usize {
        self.edit_cursor
    }

    /// The matching articles found so far, in library order.
    pub fn hits(&self) -> &[LibraryHit] {
        &self.hits
    }

    /// The highlighted result.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// A note on how the search runs, for the status bar.
    pub fn note(&self) -> Option<&'static str> {
        self.note
    }

    /// Drops the result of an article that left the library.
    pub(super) fn forget(&mut self, id: ArticleId) {
        self.hits.retain(|h| h.id != id);
        self.cursor = self.cursor.min(self.hits.len().saturating_sub(1));
    }
}

impl App {
    /// The library search state, for the view.
    pub fn library_search(&self) -> &LibrarySearch {
        &self.library
    }

    pub(super) fn start_library_search(&mut self) {
        let l = &mut self.library;
        l.active = true;
        l.typing = true;
        l.query.clear();
        l.edit_cursor = 0;
        l.hits.clear();
        l.cursor = 0;
        l.searching = false;
    }

    /// A key typed into the library search prompt.
    pub(super) fn library_prompt(&mut self, key: PromptKey) {
        let l = &mut self.library;
        match super::line::apply(&mut l.query, &mut l.edit_cursor, key) {
            super::line::Edit::Changed => self.restart_library_search(),
            super::line::Edit::Same => {}
            super::line::Edit::NotEditing => match key {
                PromptKey::Esc | PromptKey::Backspace => {
                    self.close_library_search();
                }
                PromptKey::Enter => {
                    l.typing = false;
                    if l.query.is_empty() {
                        self.close_library_search();
                    }
                    self.report_miss();
                }
                PromptKey::Up => l.cursor = l.cursor.saturating_sub(1),
                PromptKey::Down => {
                    l.cursor = (l.cursor + 1).min(l.hits.len().saturating_sub(1));
                }
                _ => {}
            },
        }
    }

    fn restart_library_search(&mut self) {
        let l = &mut self.library;
        l.hits.clear();
        l.asked.clear();
        l.cursor = 0;
        l.searching = !l.query.is_empty();
        self.effects.push(Effect::SearchLibrary(l.query.clone()));
    }

    /// Results of [`Effect::SearchLibrary`] for `query`, in library order, added to those
    /// found so far; `done` when the search is over. Results for an older query are ignored.
    pub fn library_hits(&mut self, query: &str, hits: Vec<LibraryHit>, done: bool) {
        let l = &mut self.library;
        if !l.active || l.query != query {
            return;
        }
        l.hits.extend(hits);
        if done {
            l.searching = false;
            self.report_miss();
        }
        self.want_excerpts();
    }

    /// Says how the session runs library searches (a note such as "without the index while
    /// it is built"), or `None` for the usual way.
    pub fn set_library_note(&mut self, note: Option<&'static str>) {
        self.library.note = note;
    }

    /// Excerpts asked for with [`Effect::Excerpts`], for `query`'s results.
    pub fn library_excerpts(&mut self, query: &str, found: Vec<(ArticleId, Excerpt)>) {
        if self.library.query != query {
            return;
        }
        for (id, excerpt) in found {
            if let Some(hit) = self.library.hits.iter_mut().find(|h| h.id == id) {
                hit.excerpt = Some(excerpt);
            }
        }
    }

    /// Asks for the excerpts of the results on screen that have none yet.
    pub(super) fn want_excerpts(&mut self) {
        let Some(area) = self.areas().articles else {
            return;
        };
        if !self.library.active {
            return;
        }
        let visible = usize::from(area.height.saturating_sub(2)) / 2;
        let from = super::list_offset(self.library.cursor, visible.max(1));
        let l = &mut self.library;
        let ids: Vec<ArticleId> = l
            .hits
            .iter()
            .skip(from)
            .take(visible.max(1))
            .filter(|h| h.excerpt.is_none())
            .map(|h| h.id)
            .filter(|id| l.asked.insert(*id))
            .collect();
        if !ids.is_empty() {
            self.effects.push(Effect::Excerpts {
                query: l.query.clone(),
                ids,
            });
        }
    }

    /// Says so when a finished library search, no longer being typed, found nothing.
    fn report_miss(&mut self) {
        let l = &self.library;
        if l.active && !l.searching && !l.typing && l.hits.is_empty() {
            self.message = Some(format!("{}{}", strings::NO_MATCH, l.query));
        }
    }

    /// Opens the highlighted result at its first match, with the search active in it. The
    /// results stay in the Articles list, so `n` can go on to the next article.
    pub(super) fn open_library_hit(&mut self) {
        let Some(hit) = self.library.hits.get(self.library.cursor).cloned() else {
            return;
        };
        let Some(i) = self.reveal(hit.id) else {
            return;
        };
        let query = self.library.query.clone();
        self.library.typing = false;
        self.article_cursor = i;
        self.open_article(i);
        self.focus = Focus::Reader;
        self.lists_open = false;
        if self.open.id == Some(hit.id) {
            self.search_for(&query);
        } else {
            self.search_after_open = Some(query);
        }
    }

    pub(super) fn move_library_cursor(&mut self, delta: isize) {
        let last = self.library.hits.len().saturating_sub(1);
        self.library.cursor = self.library.cursor.saturating_add_signed(delta).min(last);
        self.want_excerpts();
    }

    /// `n` past the last match (or `N` before the first) of an article opened from library
    /// results: the next (or previous) article of the results, at its first (or last)
    /// match. False when there is none, or no results.
    pub(super) fn step_library_article(&mut self, forward: bool) -> bool {
        let l = &self.library;
        if !l.active || l.typing {
            return false;
        }
        let Some(here) = self
            .open
            .id
            .and_then(|id| l.hits.iter().position(|h| h.id == id))
        else {
            return false;
        };
        let next = if forward {
            here + 1
        } else {
            match here.checked_sub(1) {
                Some(n) => n,
                None => return false,
            }
        };
        let Some(hit) = l.hits.get(next).cloned() else {
            return false;
        };
        let query = l.query.clone();
        let Some(i) = self.reveal(hit.id) else {
            return false;
        };
        self.library.cursor = next;
        self.article_cursor = i;
        self.open_article(i);
        self.search_after_open = Some(query);
        self.search_from_end = !forward;
        self.notice_after_open = Some(if forward {
            strings::NEXT_ARTICLE_MATCHES
        } else {
            strings::PREVIOUS_ARTICLE_MATCHES
        });
        true
    }

    /// Esc outside the prompt: back to the plain Articles list.
    pub(super) fn close_library_search(&mut self) -> bool {
        let l = &mut self.library;
        l.typing = false;
        if l.searching {
            l.searching = false;
            self.effects.push(Effect::SearchLibrary(String::new()));
        }
        std::mem::replace(&mut self.library.active, false)
    }
}
