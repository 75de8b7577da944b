//! A library search without an index: every article of the list, read back from the
//! catalog and searched with the in-article matcher, a few at a time between key presses.
//! Exact, but its cost grows with the library.

use std::sync::Arc;

use super::cache::ArticleCache;
use crate::app::LibraryHit;
use crate::catalog::Catalog;
use crate::layout::blocks;
use crate::model::ArticleId;
use crate::search::{self, Index};

/// One library search under way.
#[derive(Debug)]
pub(super) struct LibraryScan {
    query: String,
    ids: Vec<ArticleId>,
    next: usize,
}

impl LibraryScan {
    /// A search for `query` over the articles `ids`, in list order.
    pub(super) fn new(query: String, ids: Vec<ArticleId>) -> LibraryScan {
        LibraryScan {
            query,
            ids,
            next: 0,
        }
    }

    /// The query.
    pub(super) fn query(&self) -> &str {
        &self.query
    }

    /// Searches articles until `enough` says so, adding what matched to `hits`; true when
    /// every article has been searched.
    pub(super) fn step(
        &mut self,
        catalog: &Catalog,
        cache: &mut ArticleCache,
        hits: &mut Vec<LibraryHit>,
        enough: impl Fn() -> bool,
    ) -> bool {
        while let Some(&id) = self.ids.get(self.next) {
            self.next += 1;
            let article = match cache.get(id) {
                Some(a) => Some(a),
                None => catalog.article(id).ok().flatten().map(Arc::new),
            };
            if let Some(article) = article {
                let b = blocks(&article);
                let index = Index::new(&b);
                if let Some((count, first)) = index.count_and_first(&b, &self.query) {
                    let excerpt = b
                        .get(first.block)
                        .map(|block| search::excerpt(&block.text, first.range.clone()));
                    hits.push(LibraryHit { id, count, excerpt });
                }
            }
            if enough() {
                break;
            }
        }
        self.next >= self.ids.len()
    }
}
