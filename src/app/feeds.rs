//! Feeds in the reader: the Articles list narrowed to one feed's items or to unread articles
//! (the rest kept aside, in order again when the filter changes), the Feeds overlay with
//! each feed's unread count and last error, and marking articles read or unread.
//!
//! An article that stops matching the filter while it is listed (read in an unread-only
//! list) stays until the filter changes, as in newsboat: the list never jumps under the
//! cursor.

use std::collections::HashMap;

use super::mark::MarkScope;
use super::{App, Effect, Focus, Overlay, sort_entries};
use crate::keymap::Action;
use crate::model::{ArticleId, Entry};
use crate::strings;

/// Which articles the Articles list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only the items of the feed with this address.
    pub feed: Option<String>,
    /// Only unread articles.
    pub unread_only: bool,
}

impl Filter {
    /// Whether `e` belongs in the list.
    pub fn admits(&self, e: &Entry) -> bool {
        (!self.unread_only || !e.read)
            && self
                .feed
                .as_ref()
                .is_none_or(|f| e.feeds.iter().any(|x| x == f))
    }

    /// Whether anything is left out.
    pub fn narrows(&self) -> bool {
        self.unread_only || self.feed.is_some()
    }
}

/// A subscription as the reader shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedInfo {
    /// The feed's address.
    pub url: String,
    /// The name to show: the configured one, else the feed's own title, else the address.
    pub name: String,
    /// Why the last fetch failed, until one succeeds.
    pub error: Option<String>,
}

/// One row of the Feeds overlay: all articles (no address) or one feed, with its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedCount {
    /// The feed's address; `None` for the row of all articles.
    pub url: Option<String>,
    /// What the row says.
    pub name: String,
    /// Unread articles.
    pub unread: usize,
    /// Articles in all.
    pub total: usize,
    /// Why the feed's last fetch failed, until one succeeds.
    pub error: Option<String>,
}

impl App {
    /// The library's feeds (the session hands them over at start and after each refresh).
    pub(super) fn set_feeds(&mut self, feeds: Vec<FeedInfo>) {
        self.feeds = feeds;
        self.open_feeds_home();
        if self.open.id.is_none() && self.entries.is_empty() && self.hidden.is_empty() {
            // Subscribed, nothing fetched yet: say how to get the news.
            self.show_placeholder(strings::NO_ITEMS_YET);
        }
    }

    /// The library's feeds.
    pub fn feeds(&self) -> &[FeedInfo] {
        &self.feeds
    }

    /// Which articles the Articles list shows.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// What the Articles list is narrowed to, for its title: the feed's name and/or
    /// "unread"; `None` when it shows everything.
    pub fn filter_label(&self) -> Option<String> {
        match (self.filter_feed_name(), self.filter.unread_only) {
            (None, false) => None,
            (None, true) => Some(strings::FILTER_UNREAD.to_string()),
            (Some(f), false) => Some(f),
            (Some(f), true) => Some(format!("{f}, {}", strings::FILTER_UNREAD)),
        }
    }

    /// The name of the feed the Articles list is narrowed to, if it is.
    pub fn filter_feed_name(&self) -> Option<String> {
        self.filter.feed.as_ref().map(|url| {
            self.feeds
                .iter()
                .find(|f| &f.url == url)
                .map_or_else(|| url.clone(), |f| f.name.clone())
        })
    }

    /// The rows of the Feeds overlay: all articles, then each feed in the order of the
    /// subscriptions, with unread and total counts over the whole library.
    pub fn feed_counts(&self) -> Vec<FeedCount> {
        let mut rows = vec![FeedCount {
            url: None,
            name: strings::ALL_ARTICLES.to_string(),
            unread: 0,
            total: 0,
            error: None,
        }];
        rows.extend(self.feeds.iter().map(|f| FeedCount {
            url: Some(f.url.clone()),
            name: f.name.clone(),
            unread: 0,
            total: 0,
            error: f.error.clone(),
        }));
        let at: HashMap<&str, usize> = self
            .feeds
            .iter()
            .enumerate()
            .map(|(i, f)| (f.url.as_str(), i + 1))
            .collect();
        let mut count = |i: usize, read: bool| {
            rows[i].total += 1;
            rows[i].unread += usize::from(!read);
        };
        for e in self.entries.iter().chain(self.hidden.values()) {
            count(0, e.read);
            for f in &e.feeds {
                if let Some(&i) = at.get(f.as_str()) {
                    count(i, e.read);
                }
            }
        }
        rows
    }

    /// Narrows (or widens) the Articles list. The cursor stays on its article when it is
    /// still listed.
    pub(super) fn set_filter(&mut self, filter: Filter) {
        let cursor_id = self.entries.get(self.article_cursor).map(|e| e.id);
        let mut all = std::mem::take(&mut self.entries);
        all.extend(self.hidden.drain().map(|(_, e)| e));
        self.filter = filter;
        self.place_entries(all);
        self.article_cursor = 0;
        self.follow_cursor(cursor_id);
        self.want_excerpts();
        self.relayout();
    }

    /// Sorts `all` and splits it into the listed entries and those the filter leaves out.
    pub(super) fn place_entries(&mut self, mut all: Vec<Entry>) {
        sort_entries(&mut all, self.order);
        let filter = &self.filter;
        let (shown, hidden): (Vec<Entry>, Vec<Entry>) =
            all.into_iter().partition(|e| filter.admits(e));
        self.entries = shown;
        self.hidden = hidden.into_iter().map(|e| (e.id, e)).collect();
        self.by_id.clear();
        self.reindex();
    }

    /// Where article `id` is in the Articles list, widening the list to all articles when
    /// the filter left it out (a library search result or a bookmark elsewhere).
    pub(super) fn reveal(&mut self, id: ArticleId) -> Option<usize> {
        if let Some(&i) = self.by_id.get(&id) {
            return Some(i);
        }
        if !self.hidden.contains_key(&id) {
            return None;
        }
        self.set_filter(Filter::default());
        self.message = Some(strings::FILTER_CLEARED.to_string());
        self.by_id.get(&id).copied()
    }

    /// `U`: only unread articles, or all again.
    pub(super) fn toggle_unread_only(&mut self) {
        let mut filter = self.filter.clone();
        filter.unread_only = !filter.unread_only;
        self.set_filter(filter);
        self.message = Some(
            if self.filter.unread_only {
                strings::SHOWING_UNREAD
            } else {
                strings::SHOWING_ALL
            }
            .to_string(),
        );
    }

    /// `r`: the highlighted article (Articles focused) or the open one, read ⇄ unread.
    pub(super) fn toggle_read(&mut self) {
        let i = if self.focus == Focus::Articles && !self.library.active() {
            Some(self.article_cursor)
        } else {
            self.open_index()
        };
        let Some((i, read)) = i.and_then(|i| self.entries.get(i).map(|e| (i, !e.read))) else {
            return;
        };
        self.set_read(i, read);
        self.message = Some(
            if read {
                strings::MARKED_READ
            } else {
                strings::MARKED_UNREAD
            }
            .to_string(),
        );
    }

    /// `A` confirmed: every article of the list (all of one feed when the list shows one
    /// feed) read.
    pub(super) fn mark_list_read(&mut self) {
        let keys: Vec<String> = self
            .entries
            .iter_mut()
            .filter(|e| !e.read)
            .map(|e| {
                e.read = true;
                e.key.clone()
            })
            .collect();
        self.marked_read(keys);
    }

    pub(super) fn marked_read(&mut self, keys: Vec<String>) {
        self.message = Some(format!("{} {}", keys.len(), strings::MARKED_N_READ));
        if !keys.is_empty() {
            self.effects.push(Effect::MarkRead { keys, read: true });
        }
    }

    /// `F`: the Feeds overlay, on the row of the feed the list shows.
    pub(super) fn open_feeds(&mut self) {
        if self.feeds.is_empty() {
            self.message = Some(strings::NO_FEEDS_HERE.to_string());
            return;
        }
        let cursor = self
            .filter
            .feed
            .as_ref()
            .and_then(|u| self.feeds.iter().position(|f| &f.url == u))
            .map_or(0, |i| i + 1);
        self.overlays.push(Overlay::Feeds { cursor });
    }

    /// Keys while the Feeds overlay is on top.
    pub(super) fn feeds_action(&mut self, cursor: usize, action: Action) {
        match action {
            Action::FocusRight => self.choose_feed(cursor),
            Action::MarkAllRead => {
                let url = cursor
                    .checked_sub(1)
                    .and_then(|i| self.feeds.get(i))
                    .map(|f| f.url.clone());
                self.mark_all(MarkScope::Feed(url));
            }
            Action::NextUnread => self.feeds_next_unread(cursor),
            Action::UnreadOnly => self.toggle_unread_only(),
            Action::Feeds | Action::FocusLeft => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    /// Row `row` of the Feeds overlay chosen: the list shows that feed (or all articles),
    /// focused.
    pub(super) fn choose_feed(&mut self, row: usize) {
        self.overlays.pop();
        let feed = row
            .checked_sub(1)
            .and_then(|i| self.feeds.get(i))
            .map(|f| f.url.clone());
        let filter = Filter {
            feed,
            unread_only: self.filter.unread_only,
        };
        self.set_filter(filter);
        if self.library.active() {
            self.close_library_search();
        }
        self.show_listed();
        if self.filter.unread_only {
            // The filter stays on for the new list: said, not silent.
            self.message = Some(strings::STILL_UNREAD_ONLY.to_string());
        }
        if self.has_list() {
            self.focus = Focus::Articles;
            if self.folded() {
                self.set_lists_open(true);
            }
        }
    }

    /// The reader shows an article of the list: the open one when still listed, else the
    /// highlighted one (not marked read until the reader moves in it), else says the list
    /// is empty.
    fn show_listed(&mut self) {
        if self.open_index().is_some() {
            return;
        }
        if self.entries.is_empty() {
            self.pending = None;
            self.unmarked = None;
            self.open.id = None;
            self.open.key = None;
            self.show_placeholder(strings::NARROWED_EMPTY);
        } else {
            self.after_open.preview = true;
            self.open_article(self.article_cursor.min(self.entries.len() - 1));
        }
    }

    /// `O`: the open article's own address in the browser.
    pub(super) fn open_in_browser(&mut self) {
        match self.open.article.url.clone() {
            Some(url) => self.effects.push(Effect::OpenUrl(url)),
            None => self.message = Some(strings::NO_ADDRESS.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn entry(id: u32, read: bool, feeds: &[&str]) -> Entry {
        Entry {
            id: ArticleId(i64::from(id)),
            origin: Origin::Embedded(format!("{id}")),
            key: format!("k{id}"),
            title: format!("t{id}"),
            date: None,
            time: None,
            source: None,
            sections: 1,
            read,
            feeds: feeds.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_filter_admits_by_feed_and_by_read_state() {
        let any = Filter::default();
        let unread = Filter {
            unread_only: true,
            ..Filter::default()
        };
        let feed = Filter {
            feed: Some("https://a.example/rss".into()),
            unread_only: false,
        };
        let a_read = entry(1, true, &["https://a.example/rss"]);
        let b_unread = entry(2, false, &["https://b.example/rss"]);
        let file = entry(3, false, &[]);
        assert!(any.admits(&a_read) && any.admits(&b_unread) && any.admits(&file));
        assert!(!any.narrows() && unread.narrows() && feed.narrows());
        assert!(!unread.admits(&a_read) && unread.admits(&b_unread) && unread.admits(&file));
        assert!(feed.admits(&a_read) && !feed.admits(&b_unread) && !feed.admits(&file));
    }
}
