//! Keeps the last few layouts so that redrawing, scrolling and search never lay an article
//! out again, and flipping between two pane widths (a resize and back, the side lists
//! folding away) costs nothing the second time.

use std::sync::Arc;

use super::{Layout, LayoutOptions, layout};
use crate::article::Article;

/// What a cached layout was made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key {
    article: u64,
    width: u16,
    options: LayoutOptions,
}

/// A small most-recently-used cache of layouts keyed by (article id, pane width, options).
///
/// The article id is the caller's: any number that changes whenever the article's content
/// does (its index in the library, for an unchanging library).
#[derive(Debug)]
pub struct LayoutCache {
    capacity: usize,
    /// Most recently used first.
    entries: Vec<(Key, Arc<Layout>)>,
}

impl Default for LayoutCache {
    /// A cache of four layouts: the current one, the one before a resize, and two articles.
    fn default() -> Self {
        Self::new(4)
    }
}

impl LayoutCache {
    /// An empty cache that keeps at most `capacity` layouts (at least one).
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            entries: Vec::new(),
        }
    }

    /// The layout of `article` (known to the caller as `article_id`) at `width` with
    /// `options`: from the cache when present, otherwise laid out now and cached, evicting
    /// the least recently used entry when full.
    pub fn get_or_layout(
        &mut self,
        article_id: u64,
        article: &Article,
        width: u16,
        options: &LayoutOptions,
    ) -> Arc<Layout> {
        let key = Key {
            article: article_id,
            width,
            options: *options,
        };
        if let Some(found) = self.entries.iter().position(|(k, _)| *k == key) {
            let entry = self.entries.remove(found);
            let layout = Arc::clone(&entry.1);
            self.entries.insert(0, entry);
            return layout;
        }
        let made = Arc::new(layout(article, width, options));
        self.entries.truncate(self.capacity.saturating_sub(1));
        self.entries.insert(0, (key, Arc::clone(&made)));
        made
    }

    /// Forgets every layout of `article_id` (after the article was reloaded).
    pub fn forget(&mut self, article_id: u64) {
        self.entries.retain(|(k, _)| k.article != article_id);
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// How many layouts are cached.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the cache is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Section;

    fn article() -> Article {
        Article::new(
            "标题",
            vec![Section {
                heading: None,
                level: 0,
                paragraphs: vec!["正文。".into()],
            }],
        )
    }

    #[test]
    fn a_second_request_is_served_from_the_cache() {
        let mut cache = LayoutCache::new(2);
        let a = article();
        let o = LayoutOptions::default();
        let first = cache.get_or_layout(1, &a, 40, &o);
        let again = cache.get_or_layout(1, &a, 40, &o);
        assert!(Arc::ptr_eq(&first, &again));
        let other = cache.get_or_layout(1, &a, 30, &o);
        assert!(!Arc::ptr_eq(&first, &other));
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn the_least_recently_used_layout_is_evicted() {
        let mut cache = LayoutCache::new(2);
        let a = article();
        let o = LayoutOptions::default();
        let w40 = cache.get_or_layout(1, &a, 40, &o);
        cache.get_or_layout(1, &a, 30, &o);
        cache.get_or_layout(1, &a, 40, &o);
        cache.get_or_layout(1, &a, 20, &o); // evicts 30
        assert!(Arc::ptr_eq(&w40, &cache.get_or_layout(1, &a, 40, &o)));
        assert_eq!(cache.len(), 2);
        cache.forget(1);
        assert!(cache.is_empty());
    }
}
