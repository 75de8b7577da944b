//! Searching every article from the Articles list: the prompt, the results (each article
//! with its match count and a line of context) and opening one at its first match with the
//! search active. The searching itself is a worker's ([`Effect::SearchLibrary`]); results
//! stream in as [`super::Msg::LibraryHits`], so typing is never blocked, however large the
//! library.

use super::{App, Effect, Focus, IndexState, Prompt, PromptKey};
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
    active: bool,
    /// Whether results for the query are still coming.
    searching: bool,
    /// Excerpt requests not answered yet.
    excerpts_due: usize,
    hits: Vec<LibraryHit>,
    cursor: usize,
    /// Articles whose excerpts were asked for (for this query).
    asked: std::collections::HashSet<ArticleId>,
    /// A note on how the search runs (without the index while it is built).
    pub(super) note: Option<&'static str>,
}

impl LibrarySearch {
    /// Whether results (or the prompt) replace the Articles list.
    pub fn active(&self) -> bool {
        self.active
    }

    /// Whether results for the query (or excerpts for them) are still coming in.
    pub fn searching(&self) -> bool {
        self.searching || self.excerpts_due > 0
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

    /// No more results are coming (the search's worker failed).
    pub(super) fn stop(&mut self) {
        self.searching = false;
        self.excerpts_due = 0;
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

    /// What the search prompt starts with: `/`, and for a library search from a narrowed
    /// list, what it searches (the articles listed).
    pub fn search_prompt(&self, prompt: Prompt) -> String {
        match (prompt, self.filter_label()) {
            (Prompt::Library, Some(label)) => format!(
                "{}{label}{}{}",
                strings::SEARCH_IN,
                strings::SEARCH_IN_END,
                strings::SEARCH_PROMPT
            ),
            _ => strings::SEARCH_PROMPT.to_string(),
        }
    }

    pub(super) fn start_library_search(&mut self) {
        self.open_prompt(Prompt::Library);
        let l = &mut self.library;
        l.active = true;
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
            super::line::Edit::Changed => {
                if !self.search_later() {
                    self.restart_library_search();
                }
            }
            super::line::Edit::Same => {}
            super::line::Edit::NotEditing => match key {
                PromptKey::Esc | PromptKey::Backspace => {
                    self.close_library_search();
                }
                PromptKey::Enter => {
                    self.close_prompt();
                    if self.library.query.is_empty() {
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

    pub(super) fn restart_library_search(&mut self) {
        let indexed = self.work.index == IndexState::Ready;
        let l = &mut self.library;
        l.hits.clear();
        l.asked.clear();
        l.cursor = 0;
        l.searching = !l.query.is_empty();
        l.note = match self.work.index {
            IndexState::Filling | IndexState::Failed if l.searching => {
                Some(strings::SEARCH_WITHOUT_INDEX)
            }
            _ => None,
        };
        let query = l.query.clone();
        let ids = if l.searching && !indexed {
            self.entries.iter().map(|e| e.id).collect()
        } else {
            Vec::new()
        };
        self.effects.push(Effect::SearchLibrary {
            query,
            ids,
            indexed,
        });
    }

    /// Results of [`Effect::SearchLibrary`] for `query`, added to those found so far and
    /// kept in list order (articles no longer listed are left out); `done` when the search
    /// is over. Results for an older query are ignored.
    pub(super) fn library_hits(&mut self, query: &str, mut hits: Vec<LibraryHit>, done: bool) {
        let l = &mut self.library;
        if !l.active || l.query != query {
            return;
        }
        let by_id = &self.by_id;
        // A search asked again (the index found damaged, Enter on the same query) can meet
        // the end of the one before it, whose last results were already on their way: an
        // article is listed once.
        let known: std::collections::HashSet<ArticleId> = l.hits.iter().map(|h| h.id).collect();
        hits.retain(|h| by_id.contains_key(&h.id) && !known.contains(&h.id));
        l.hits.extend(hits);
        // Usually in order already (a scan goes in list order); an index answers in any.
        l.hits
            .sort_by_key(|h| by_id.get(&h.id).copied().unwrap_or(usize::MAX));
        if done {
            l.searching = false;
            self.report_miss();
        }
        self.want_excerpts();
    }

    /// The search index went wrong while a search used it: the search goes on without it
    /// (the session's worker reads every article instead), and says so.
    pub(super) fn library_without_index(&mut self) {
        if self.library.searching {
            self.library.note = Some(strings::SEARCH_WITHOUT_INDEX);
        }
    }

    /// Excerpts asked for with [`Effect::Excerpts`], for `query`'s results.
    pub(super) fn library_excerpts(&mut self, query: &str, found: Vec<(ArticleId, Excerpt)>) {
        self.library.excerpts_due = self.library.excerpts_due.saturating_sub(1);
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
            l.excerpts_due += 1;
            self.effects.push(Effect::Excerpts {
                query: l.query.clone(),
                ids,
            });
        }
    }

    /// Says so when a finished library search, no longer being typed, found nothing.
    fn report_miss(&mut self) {
        let l = &self.library;
        let typing = self.typing() == Some(Prompt::Library);
        if l.active && !l.searching && !typing && l.hits.is_empty() {
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
        self.close_prompt();
        self.article_cursor = i;
        self.open_article(i);
        self.focus = Focus::Reader;
        self.set_lists_open(false);
        if self.open.id == Some(hit.id) {
            self.search_for(&query);
        } else {
            self.after_open.search = Some(query);
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
        if !l.active || self.typing() == Some(Prompt::Library) {
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
        self.after_open.search = Some(query);
        self.after_open.from_end = !forward;
        self.after_open.notice = Some(if forward {
            strings::NEXT_ARTICLE_MATCHES
        } else {
            strings::PREVIOUS_ARTICLE_MATCHES
        });
        true
    }

    /// Esc outside the prompt: back to the plain Articles list.
    pub(super) fn close_library_search(&mut self) -> bool {
        if self.typing() == Some(Prompt::Library) {
            self.close_prompt();
        }
        let l = &mut self.library;
        if l.searching {
            l.searching = false;
            self.effects.push(Effect::SearchLibrary {
                query: String::new(),
                ids: Vec::new(),
                indexed: false,
            });
        }
        std::mem::replace(&mut self.library.active, false)
    }
}
