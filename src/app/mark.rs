//! Marking many articles read, and moving to the next unread one. `A` marks a whole list
//! or feed read only when pressed twice (the first press says how many it would mark; any
//! other key keeps them unread), since there is no way back. `x` opens the next unread
//! article of the list, and from a list narrowed to one feed goes on to the next feed with
//! unread items, as newsboat's `n` does; in the Feeds overlay it opens the highlighted
//! feed's first unread article (or the next feed's that has one).

use super::{App, Filter, Focus, Overlay};
use crate::keymap::Action;
use crate::model::Entry;
use crate::strings;

/// What a confirmed `A` marks read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum MarkScope {
    /// The articles the list shows.
    List,
    /// Every article of the feed with this address (all articles for `None`), listed or not.
    Feed(Option<String>),
}

impl App {
    /// `A` pressed: the first press says how many articles `scope` would mark read and waits
    /// for a second, the very next key.
    pub(super) fn mark_all(&mut self, scope: MarkScope) {
        if self.confirm.take().as_ref() == Some(&scope) {
            return match scope {
                MarkScope::List => self.mark_list_read(),
                MarkScope::Feed(url) => self.mark_feed_read(url.as_deref()),
            };
        }
        let n = match &scope {
            MarkScope::List => self.entries.iter().filter(|e| !e.read).count(),
            MarkScope::Feed(url) => self
                .entries
                .iter()
                .chain(self.hidden.values())
                .filter(|e| !e.read && in_feed(e, url.as_deref()))
                .count(),
        };
        if n == 0 {
            self.message = Some(strings::NOTHING_UNREAD_HERE.to_string());
            return;
        }
        let key = self
            .keymap
            .keys_for(Action::MarkAllRead)
            .first()
            .map_or(String::new(), |k| k.name());
        self.message = Some(format!(
            "{}{n}{}{key}{}",
            strings::MARK_CONFIRM_BEFORE,
            strings::MARK_CONFIRM_MIDDLE,
            strings::MARK_CONFIRM_AFTER
        ));
        self.confirm = Some(scope);
    }

    /// Every article of feed `url` (all articles for `None`) read, listed or not.
    pub(super) fn mark_feed_read(&mut self, url: Option<&str>) {
        let keys: Vec<String> = self
            .entries
            .iter_mut()
            .chain(self.hidden.values_mut())
            .filter(|e| !e.read && in_feed(e, url))
            .map(|e| {
                e.read = true;
                e.key.clone()
            })
            .collect();
        self.marked_read(keys);
    }

    /// `x`: the next unread article after the open one (or the highlighted one) is opened.
    /// Past the end of a list narrowed to one feed, the list goes on to the next feed with
    /// unread items; past the end of any other list, back to its top.
    pub(super) fn next_unread(&mut self) {
        let here = self.open_index().unwrap_or(self.article_cursor);
        let after = |e: &(usize, &Entry)| !e.1.read && e.0 > here;
        let before =
            |e: &(usize, &Entry)| !e.1.read && e.0 <= here && Some(e.0) != self.open_index();
        let found = self.entries.iter().enumerate().find(after).map(|(i, _)| i);
        if let Some(i) = found {
            return self.open_unread(i);
        }
        if let Some(url) = self.filter.feed.clone()
            && let Some(next) = self.next_feed_with_unread(&url)
        {
            let filter = Filter {
                feed: Some(next),
                unread_only: self.filter.unread_only,
            };
            self.set_filter(filter);
            if let Some(i) = self.entries.iter().position(|e| !e.read) {
                self.open_unread(i);
                self.message = self
                    .filter_label()
                    .map(|l| format!("{}{l}", strings::NOW_IN));
            }
            return;
        }
        match self.entries.iter().enumerate().find(before) {
            Some((i, _)) => self.open_unread(i),
            None => self.message = Some(strings::NO_UNREAD.to_string()),
        }
    }

    /// `x` in the Feeds overlay: the highlighted feed's first unread article opened in the
    /// reader, its feed listed; when the feed has none, the next feed's that has (all
    /// articles when the first row is highlighted).
    pub(super) fn feeds_next_unread(&mut self, cursor: usize) {
        let counts = self.feed_counts();
        let feeds = counts.len().saturating_sub(1);
        let row = if cursor == 0 || feeds == 0 {
            (counts[0].unread > 0).then_some(0)
        } else {
            (0..feeds)
                .map(|d| 1 + (cursor - 1 + d) % feeds)
                .find(|&r| counts[r].unread > 0)
        };
        let Some(row) = row else {
            self.message = Some(strings::NO_UNREAD.to_string());
            return;
        };
        self.overlays.pop();
        let feed = row
            .checked_sub(1)
            .and_then(|i| self.feeds.get(i))
            .map(|f| f.url.clone());
        self.set_filter(Filter {
            feed,
            unread_only: self.filter.unread_only,
        });
        if self.library.active() {
            self.close_library_search();
        }
        if let Some(i) = self.entries.iter().position(|e| !e.read) {
            self.open_unread(i);
            self.focus = Focus::Reader;
        }
        if row != cursor {
            self.message = self
                .filter_label()
                .map(|l| format!("{}{l}", strings::NOW_IN));
        }
    }

    fn open_unread(&mut self, i: usize) {
        self.article_cursor = i;
        self.open_article(i);
    }

    /// The first feed after `url`, in the order of the subscriptions and round to the ones
    /// before it, that has unread items.
    fn next_feed_with_unread(&self, url: &str) -> Option<String> {
        let at = self.feeds.iter().position(|f| f.url == url)?;
        let n = self.feeds.len();
        (1..n)
            .map(|d| &self.feeds[(at + d) % n].url)
            .find(|u| {
                self.entries
                    .iter()
                    .chain(self.hidden.values())
                    .any(|e| !e.read && in_feed(e, Some(u)))
            })
            .cloned()
    }

    /// The feeds are known: with `start = "feeds"`, the Feeds overlay opens the first time.
    pub(super) fn open_feeds_home(&mut self) {
        if std::mem::take(&mut self.feeds_home) && !self.feeds.is_empty() {
            self.overlays
                .retain(|o| !matches!(o, Overlay::Feeds { .. }));
            self.open_feeds();
        }
    }
}

/// Whether `e` is an item of feed `url` (any article for `None`).
fn in_feed(e: &Entry, url: Option<&str>) -> bool {
    url.is_none_or(|u| e.feeds.iter().any(|f| f == u))
}
