//! Searching every article from the Articles list: matches are counted per article and shown
//! with a line of context; Enter opens the article at its first match with the search active.
//! The scan runs in small time slices between key presses, so results stream in and typing
//! is never blocked, however large the library.

use std::time::{Duration, Instant};

use super::{App, Focus, PromptKey};
use crate::layout::{Block, blocks};
use crate::search::{self, Index, Match};
use crate::strings;

/// One article that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryHit {
    /// Index of the article in the library.
    pub article: usize,
    /// How many matches it has.
    pub count: usize,
    /// Its first match.
    pub first: Match,
    /// A line of context around the first match.
    pub snippet: String,
}

/// The state of a library search.
#[derive(Debug, Default)]
pub struct LibrarySearch {
    query: String,
    typing: bool,
    active: bool,
    next: usize,
    hits: Vec<LibraryHit>,
    cursor: usize,
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

    /// The query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The matching articles found so far, in library order.
    pub fn hits(&self) -> &[LibraryHit] {
        &self.hits
    }

    /// The highlighted result.
    pub fn cursor(&self) -> usize {
        self.cursor
    }
}

/// The searchable text of every article, folded once when first searched.
#[derive(Debug, Default)]
pub(super) struct Corpus {
    docs: Vec<Option<(Vec<Block>, Index)>>,
}

impl App {
    /// The library search state, for the view.
    pub fn library_search(&self) -> &LibrarySearch {
        &self.library
    }

    /// Whether a library search still has articles to scan (the event loop then calls
    /// [`App::tick`] instead of waiting for input).
    pub fn busy(&self) -> bool {
        let l = &self.library;
        l.active && !l.query.is_empty() && l.next < self.articles.len()
    }

    pub(super) fn start_library_search(&mut self) {
        let l = &mut self.library;
        l.active = true;
        l.typing = true;
        l.query.clear();
        l.hits.clear();
        l.next = 0;
        l.cursor = 0;
    }

    /// A key typed into the library search prompt.
    pub(super) fn library_prompt(&mut self, key: PromptKey) {
        let l = &mut self.library;
        match key {
            PromptKey::Char(c) if !c.is_control() => {
                l.query.push(c);
                l.restart();
            }
            PromptKey::Char(_) => {}
            PromptKey::Backspace => {
                if l.query.pop().is_none() {
                    l.active = false;
                    l.typing = false;
                } else {
                    l.restart();
                }
            }
            PromptKey::Esc => {
                l.active = false;
                l.typing = false;
            }
            PromptKey::Enter => {
                l.typing = false;
                if l.query.is_empty() {
                    l.active = false;
                }
                self.report_miss();
            }
            PromptKey::Up => l.cursor = l.cursor.saturating_sub(1),
            PromptKey::Down => l.cursor = (l.cursor + 1).min(l.hits.len().saturating_sub(1)),
        }
    }

    /// Scans articles for the library search for about `budget`, then returns.
    pub fn tick(&mut self, budget: Duration) {
        let started = Instant::now();
        if self.corpus.docs.len() != self.articles.len() {
            self.corpus.docs = (0..self.articles.len()).map(|_| None).collect();
        }
        while self.busy() {
            let i = self.library.next;
            self.library.next += 1;
            let doc = self.corpus.docs[i].get_or_insert_with(|| {
                let b = blocks(&self.articles[i]);
                let index = Index::new(&b);
                (b, index)
            });
            if let Some((count, first)) = doc.1.count_and_first(&doc.0, &self.library.query) {
                let text = &doc.0[first.block].text;
                self.library.hits.push(LibraryHit {
                    article: i,
                    count,
                    snippet: search::snippet(text, first.range.clone()),
                    first,
                });
            }
            if started.elapsed() >= budget {
                break;
            }
        }
        self.report_miss();
    }

    /// Says so when a finished library search, no longer being typed, found nothing.
    fn report_miss(&mut self) {
        let l = &self.library;
        if l.active && !self.busy() && !l.typing && l.hits.is_empty() {
            self.message = Some(format!("{}{}", strings::NO_MATCH, l.query));
        }
    }

    /// Opens the highlighted result at its first match, with the search active in it.
    pub(super) fn open_library_hit(&mut self) {
        let Some(hit) = self.library.hits.get(self.library.cursor).cloned() else {
            return;
        };
        let query = self.library.query.clone();
        self.library.active = false;
        self.library.typing = false;
        self.article_cursor = hit.article;
        self.open_article(hit.article);
        self.focus = Focus::Reader;
        self.lists_open = false;
        self.search_for(&query);
    }

    pub(super) fn move_library_cursor(&mut self, delta: isize) {
        let last = self.library.hits.len().saturating_sub(1);
        self.library.cursor = self.library.cursor.saturating_add_signed(delta).min(last);
    }

    /// Esc outside the prompt: back to the plain Articles list.
    pub(super) fn close_library_search(&mut self) -> bool {
        std::mem::replace(&mut self.library.active, false)
    }
}

impl LibrarySearch {
    fn restart(&mut self) {
        self.hits.clear();
        self.next = 0;
        self.cursor = 0;
    }
}

/// How long one slice of library scanning may take before input is read again.
pub const SLICE: Duration = Duration::from_millis(8);
