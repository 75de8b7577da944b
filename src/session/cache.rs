//! Articles read for the reader: from the few kept in memory besides the open one (going
//! back and forth between recent articles costs no catalog read, and memory stays bounded
//! however large the library), else from the catalog, with the place remembered in each.

use std::sync::Arc;

use super::Session;
use crate::app::Msg;
use crate::article::Article;
use crate::model::{ArticleId, Entry};
use crate::strings;

impl Session {
    /// Reads article `id` (from the few kept, else from the catalog) with its remembered
    /// place, for the app.
    pub(super) fn open(&mut self, id: ArticleId) {
        let key = self.app.entry(id).map(|e| e.key.clone());
        let article = match self.cache.get(id) {
            Some(a) => Ok(Some(a)),
            None => self.catalog.article(id).map(|a| a.map(Arc::new)),
        };
        match article {
            Ok(Some(article)) => {
                self.cache.insert(id, Arc::clone(&article));
                let remembered = key.and_then(|k| match self.places.get(&k) {
                    Some(&place) => Some(place),
                    None => self.catalog.position(&k).ok().flatten(),
                });
                self.answer(Msg::Opened {
                    id,
                    article,
                    remembered,
                });
            }
            Ok(None) => self.warn(strings::ARTICLE_GONE.to_string()),
            Err(e) => self.warn(format!("{}{e}", strings::CATALOG_READ_FAILED)),
        }
    }
}

/// How many recently opened articles are kept.
const KEEP: usize = 8;

/// The most recently used articles, the newest last.
#[derive(Debug, Default)]
pub(super) struct ArticleCache {
    recent: Vec<(ArticleId, Arc<Article>)>,
}

impl ArticleCache {
    /// Article `id`, if kept; it becomes the most recent.
    pub(super) fn get(&mut self, id: ArticleId) -> Option<Arc<Article>> {
        let i = self.recent.iter().position(|(k, _)| *k == id)?;
        let item = self.recent.remove(i);
        let article = Arc::clone(&item.1);
        self.recent.push(item);
        Some(article)
    }

    /// Keeps `article`, dropping the least recent one when full.
    pub(super) fn insert(&mut self, id: ArticleId, article: Arc<Article>) {
        self.forget(id);
        if self.recent.len() >= KEEP {
            self.recent.remove(0);
        }
        self.recent.push((id, article));
    }

    /// Drops article `id` (it changed or went away).
    pub(super) fn forget(&mut self, id: ArticleId) {
        self.recent.retain(|(k, _)| *k != id);
    }

    /// Drops the articles of `entries` (they changed).
    pub(super) fn forget_entries(&mut self, entries: &[Entry]) {
        self.recent
            .retain(|(k, _)| entries.iter().all(|e| e.id != *k));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_most_recent_few() {
        let mut c = ArticleCache::default();
        let a = Arc::new(Article::new("a", Vec::new()));
        for i in 0..10 {
            c.insert(ArticleId(i), Arc::clone(&a));
        }
        assert!(c.get(ArticleId(0)).is_none() && c.get(ArticleId(1)).is_none());
        assert!(c.get(ArticleId(2)).is_some());
        c.insert(ArticleId(10), Arc::clone(&a));
        assert!(c.get(ArticleId(2)).is_some(), "used just now, so kept");
        assert!(c.get(ArticleId(3)).is_none());
        c.forget(ArticleId(2));
        assert!(c.get(ArticleId(2)).is_none());
    }
}
