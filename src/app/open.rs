//! The open article and the screen it is set for: a new size lays the article out again
//! with the same text at the top; asking for an article ([`super::Effect::Open`]) and
//! receiving it ([`super::Msg::Opened`]) puts it in the reader at the place remembered
//! (or asked for, a bookmark's).

use std::sync::Arc;

use super::{App, Effect, Focus, Open, PLACEHOLDER, placeholder};
use crate::article::Article;
use crate::layout::TextPos;
use crate::model::{ArticleId, StoredPlace};
use crate::strings;

impl App {
    /// Takes a new screen size: the reader is laid out again at its new width and the same
    /// text stays at the top.
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        self.want_excerpts();
        if !self.folded() {
            self.set_lists_open(false);
        } else if !self.lists_open() {
            // Keys go to what is on screen: with the lists folded away, that is the reader.
            self.focus = Focus::Reader;
        }
        self.relayout();
    }

    pub(super) fn relayout(&mut self) {
        let width = self.areas().reader.width;
        let id = self.open.id.map_or(PLACEHOLDER, |id| id.0 as u64);
        let options = &crate::layout::LayoutOptions {
            picture_rows: self.picture_rows(width),
            ..self.options
        };
        let (cache, article) = (&mut self.cache, &self.open.article);
        let laid = crate::guard::catch(|| cache.get_or_layout(id, article, width, options));
        self.layout = laid.unwrap_or_else(|why| {
            // A bug met while setting this article: say so in the pane, keep the program.
            let note = placeholder(&format!(
                "{}{})",
                strings::ERR_LAYOUT_PANE,
                crate::decode::sanitize_line(&why)
            ));
            Arc::new(crate::layout::layout(&note, width, options))
        });
        self.top = self.layout.row_of(self.anchor);
    }

    /// The open article, shown without being asked for, is read now (the reader moved in
    /// it, or it was opened).
    pub(super) fn read_unmarked(&mut self) {
        if let Some(id) = self.unmarked.take()
            && self.open.id == Some(id)
            && let Some(&i) = self.by_id.get(&id)
        {
            self.set_read(i, true);
        }
    }

    pub(super) fn max_top(&self) -> usize {
        self.layout.len().saturating_sub(self.reader_height())
    }

    /// Asks for article `i` of the list to be opened (at its remembered place); the session
    /// answers with [`super::Msg::Opened`].
    pub(super) fn open_article(&mut self, i: usize) {
        self.request(i, None);
    }

    /// Asks for article `i`, at `place` instead of its remembered place when given.
    pub(super) fn request(&mut self, i: usize, place: Option<StoredPlace>) {
        let Some(id) = self.entries.get(i).map(|e| e.id) else {
            return;
        };
        if self.open.id == Some(id) {
            self.read_unmarked();
            if let Some(place) = place {
                self.go_to_stored(place);
            }
            return;
        }
        self.pending = Some((id, place));
        self.effects.push(Effect::Open(id));
    }

    /// Article `id`, asked for with [`Effect::Open`]: it becomes the open article, at
    /// `remembered` (its remembered place) unless a place was asked for with it.
    pub(super) fn opened(
        &mut self,
        id: ArticleId,
        article: Arc<Article>,
        remembered: Option<StoredPlace>,
    ) {
        let asked = match self.pending.take() {
            Some((p, place)) if p == id => place,
            other => {
                self.pending = other;
                None
            }
        };
        self.remember();
        self.clear_search();
        self.drop_search_index();
        let key = self.entry(id).map(|e| e.key.clone());
        self.open = Open {
            id: Some(id),
            key,
            article,
        };
        self.sections_width = self.widest_section();
        self.anchor = TextPos::default();
        self.top = 0;
        self.relayout();
        self.find_link_spans();
        let placed = asked.or(remembered).is_some_and(|p| self.go_to_stored(p));
        if !placed {
            self.section_cursor = self.section_at_top();
        }
        let preview = std::mem::take(&mut self.after_open.preview);
        self.unmarked = None;
        if let Some(i) = self.open_index() {
            self.article_cursor = i;
            if self.touched && !preview {
                self.set_read(i, true);
            } else {
                // Nothing asked for it: read once the reader moves in it.
                self.unmarked = Some(id);
            }
        }
        self.remember();
        if let Some(query) = self.after_open.search.take() {
            self.search_for(&query);
            if std::mem::take(&mut self.after_open.from_end) {
                self.last_match();
            }
        }
        if let Some(notice) = self.after_open.notice.take() {
            self.message = Some(notice.to_string());
        }
    }
}
