//! The Articles list as the library changes under it: the entries known from the catalog at
//! start, then articles added, changed and removed while files are read or change on disk,
//! and the files that failed. The list keeps its order (by path, in the order the library's
//! folders were given) and the cursor stays on the article it was on.

use std::cmp::Ordering;

use unicode_width::UnicodeWidthStr;

use super::{App, Focus};
use crate::library::LoadError;
use crate::model::{ArticleId, Entry, Order, Origin};
use crate::strings;

impl App {
    /// Says whether the library is a collection (folders, several files), in which case the
    /// Articles list is shown even before a second article is known.
    pub(super) fn set_collection(&mut self, collection: bool) {
        self.collection = collection;
        if collection && self.entries.len() <= 1 && self.focus == Focus::Sections {
            self.focus = Focus::Articles;
        }
        self.relayout();
    }

    /// The articles known at start, in any order (they are sorted); the first (or the one
    /// with key `last`) is asked for.
    pub(super) fn set_entries(&mut self, entries: Vec<Entry>, last: Option<&str>) {
        self.articles_width = entries.iter().map(entry_width).max().unwrap_or(0);
        self.place_entries(entries);
        if self.has_list() {
            self.focus = Focus::Articles;
        }
        let open = last
            .and_then(|k| self.entries.iter().position(|e| e.key == k))
            .unwrap_or(0);
        self.article_cursor = open;
        self.open_article(open);
        self.relayout();
    }

    /// Orders the Articles list (`sort` in the config); the cursor stays on its article.
    pub(super) fn set_order(&mut self, order: Order) {
        self.order = order;
        let cursor_id = self.entries.get(self.article_cursor).map(|e| e.id);
        sort_entries(&mut self.entries, order);
        self.reindex();
        self.follow_cursor(cursor_id);
    }

    /// An article that is new or changed.
    pub(super) fn upsert_entry(&mut self, entry: Entry) {
        let cursor_id = self.entries.get(self.article_cursor).map(|e| e.id);
        let id = entry.id;
        let changed_open = self.open.id == Some(id);
        let old = self.by_id.get(&id).copied();
        self.hidden.remove(&id);
        if old.is_none() && !self.filter.admits(&entry) {
            // Not for this list: kept aside until the filter changes.
            self.hidden.insert(id, entry);
            if changed_open {
                self.reopen();
            }
            return;
        }
        self.articles_width = self.articles_width.max(entry_width(&entry));
        if let Some(i) = old {
            self.entries.remove(i);
        }
        let at = self
            .entries
            .partition_point(|e| list_order(e, &entry, self.order) == Ordering::Less);
        self.entries.insert(at, entry);
        // Only the entries from the first that moved on have a new place: appending (as a
        // first read of a library does, in order) costs nothing more.
        self.reindex_from(old.map_or(at, |o| o.min(at)));
        self.follow_cursor(cursor_id);
        if self.open.id.is_none() && self.pending.is_none() {
            // The first article of a library being read for the first time.
            self.open_article(at);
        } else if changed_open {
            // Its file changed: show the new text at the same place, as far as it goes.
            self.reopen();
        }
    }

    /// An article whose file went away (or now fails to read).
    pub(super) fn remove_entry(&mut self, id: ArticleId) {
        if self.hidden.remove(&id).is_some() {
            self.library.forget(id);
            return;
        }
        let Some(i) = self.by_id.get(&id).copied() else {
            return;
        };
        let cursor_id = self.entries.get(self.article_cursor).map(|e| e.id);
        self.entries.remove(i);
        self.by_id.remove(&id);
        self.reindex_from(i);
        self.follow_cursor(cursor_id);
        self.library.forget(id);
    }

    /// A file that could not be read.
    pub(super) fn add_load_error(&mut self, error: LoadError) {
        self.load_errors.push(error);
        self.message = Some(match self.load_errors.as_slice() {
            [one] => format!("{}{one}", strings::STATUS_LOAD_ERROR),
            many => format!("{} {}", many.len(), strings::STATUS_LOAD_ERRORS),
        });
    }

    /// Marks entry `i` read or unread, and asks for it to be remembered.
    pub(super) fn set_read(&mut self, i: usize, read: bool) {
        let Some(e) = self.entries.get_mut(i) else {
            return;
        };
        if e.read != read {
            e.read = read;
            self.effects.push(super::Effect::MarkRead {
                keys: vec![e.key.clone()],
                read,
            });
        }
    }

    /// How many articles of the list are unread.
    pub fn unread(&self) -> usize {
        self.entries.iter().filter(|e| !e.read).count()
    }

    pub(super) fn reindex(&mut self) {
        self.by_id = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
    }

    /// Records the places of the entries from `from` on.
    pub(super) fn reindex_from(&mut self, from: usize) {
        for (i, e) in self.entries.iter().enumerate().skip(from) {
            self.by_id.insert(e.id, i);
        }
    }

    /// Keeps the list cursor on the article it was on when entries move.
    pub(super) fn follow_cursor(&mut self, id: Option<ArticleId>) {
        if let Some(i) = id.and_then(|id| self.by_id.get(&id).copied()) {
            self.article_cursor = i;
        }
        self.article_cursor = self
            .article_cursor
            .min(self.entries.len().saturating_sub(1));
    }

    /// Asks for the open article again (its file changed), keeping the place.
    fn reopen(&mut self) {
        if let Some(id) = self.open.id {
            let place = crate::model::StoredPlace::Place(self.layout.place_of(self.anchor));
            self.pending = Some((id, Some(place)));
            self.effects.push(super::Effect::Open(id));
        }
    }
}

/// Columns the unread mark takes at the start of an Articles entry.
pub const MARK_WIDTH: usize = 2;
/// Columns the date takes in an Articles entry (`2022-11-23` and a space).
pub const DATE_WIDTH: usize = 11;

/// Columns an entry of the Articles list would like: the unread mark, the date when known,
/// and the whole title (the source is shown only where there is room to spare).
pub fn entry_width(e: &Entry) -> u16 {
    let date = if e.date.is_some() { DATE_WIDTH } else { 0 };
    u16::try_from(MARK_WIDTH + date + e.title.width()).unwrap_or(u16::MAX)
}

/// The order of the Articles list: newest first when asked and dates are known; otherwise
/// (and among articles of one date) embedded articles first, then files by path, compared
/// component by component (as the folders were walked). [`sort_entries`] sorts the same way.
pub(super) fn list_order(a: &Entry, b: &Entry, order: Order) -> Ordering {
    if order == Order::NewestFirst {
        let newest = by_date(a, b);
        if newest != Ordering::Equal {
            return newest;
        }
    }
    path_order(a, b)
}

/// Embedded articles first, then files by path, component by component, then feed items
/// (newest first, undated ones last).
fn path_order(a: &Entry, b: &Entry) -> Ordering {
    match (&a.origin, &b.origin) {
        (Origin::Embedded(x), Origin::Embedded(y)) => x.cmp(y),
        (Origin::Embedded(_), _) => Ordering::Less,
        (_, Origin::Embedded(_)) => Ordering::Greater,
        (Origin::File(x), Origin::File(y)) => x.components().cmp(y.components()),
        (Origin::File(_), Origin::Item(_)) => Ordering::Less,
        (Origin::Item(_), Origin::File(_)) => Ordering::Greater,
        (Origin::Item(_), Origin::Item(_)) => by_date(a, b),
    }
}

/// Newest first (by date, then by time within a day), undated last.
fn by_date(a: &Entry, b: &Entry) -> Ordering {
    match (a.when(), b.when()) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts entries into list order (with one sort key made per entry, which is much quicker
/// than comparing paths component by component at 50,000 entries).
pub fn sort_entries(entries: &mut [Entry], order: Order) {
    let newest = order == Order::NewestFirst;
    entries.sort_by_cached_key(|e| {
        let path = match &e.origin {
            Origin::Embedded(name) => (0, name.clone()),
            // A separator below every other character orders paths as their components do.
            Origin::File(p) => (1, p.to_string_lossy().replace('/', "\u{1}")),
            // Newest first: the digits of date and time turned around sort later ones
            // first, and a day without a time after that day's times. (Undated items last,
            // as `path_order` has them.)
            Origin::Item(_) => (
                2,
                e.when().map_or_else(
                    || "~".to_string(),
                    |d| {
                        let mut key: String = d
                            .chars()
                            .map(|c| c.to_digit(10).map_or(c, |n| char::from(b'9' - n as u8)))
                            .collect();
                        if e.time.is_none() {
                            key.push('~');
                        }
                        key
                    },
                ),
            ),
        };
        let date = e.when().filter(|_| newest);
        (newest && date.is_none(), std::cmp::Reverse(date), path)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn entry(id: i64, origin: Origin) -> Entry {
        Entry {
            id: ArticleId(id),
            origin,
            key: String::new(),
            title: String::new(),
            date: None,
            time: None,
            source: None,
            sections: 1,
            read: false,
            feeds: Vec::new(),
        }
    }

    #[test]
    fn sorting_and_inserting_agree_on_the_order() {
        let paths = [
            "/n/a.txt",
            "/n/a/b.txt",
            "/n/a-b/c.txt",
            "/n/B.txt",
            "/n/a/a.txt",
            "/m.txt",
        ];
        let mut entries: Vec<Entry> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| entry(i as i64, Origin::File(PathBuf::from(p))))
            .collect();
        entries.push(entry(9, Origin::Embedded("x".into())));
        for (id, date) in [
            (20, Some("2024-03-05")),
            (21, None),
            (22, Some("2025-01-01")),
        ] {
            let mut e = entry(id, Origin::Item(format!("g{id}")));
            e.date = date.map(String::from);
            entries.push(e);
        }
        let mut sorted = entries.clone();
        sort_entries(&mut sorted, Order::Path);
        let mut by_compare = entries.clone();
        by_compare.sort_by(|a, b| list_order(a, b, Order::Path));
        assert_eq!(sorted, by_compare);
        let names: Vec<String> = sorted
            .iter()
            .map(|e| match &e.origin {
                Origin::File(p) => p.to_string_lossy().into_owned(),
                Origin::Embedded(n) | Origin::Item(n) => n.clone(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "x",
                "/m.txt",
                "/n/B.txt",
                "/n/a/a.txt",
                "/n/a/b.txt",
                "/n/a-b/c.txt",
                "/n/a.txt",
                "g22",
                "g20",
                "g21"
            ]
        );
    }

    #[test]
    fn regression_one_days_articles_sort_by_their_time() {
        // A flash feed's day, as it was listed before: 13:26, 10:59, 10:43, 13:22.
        let mut entries = Vec::new();
        for (id, time) in [
            (1, Some("13:26")),
            (2, Some("10:59")),
            (3, None),
            (4, Some("10:43")),
            (5, Some("13:22")),
        ] {
            let mut e = entry(id, Origin::Item(format!("g{id}")));
            e.date = Some("2024-05-06".into());
            e.time = time.map(String::from);
            entries.push(e);
        }
        let mut yesterday = entry(6, Origin::Item("g6".into()));
        yesterday.date = Some("2024-05-05".into());
        yesterday.time = Some("23:59".into());
        entries.push(yesterday);
        for order in [Order::NewestFirst, Order::Path] {
            let mut sorted = entries.clone();
            sort_entries(&mut sorted, order);
            let ids: Vec<i64> = sorted.iter().map(|e| e.id.0).collect();
            assert_eq!(ids, [1, 5, 2, 4, 3, 6], "{order:?}");
            let mut by_compare = entries.clone();
            by_compare.sort_by(|a, b| list_order(a, b, order));
            assert_eq!(sorted, by_compare, "{order:?}");
        }
    }

    #[test]
    fn newest_first_puts_dated_articles_first_by_date() {
        let mut entries: Vec<Entry> = ["/n/a.txt", "/n/b.txt", "/n/c.txt", "/n/d.txt"]
            .iter()
            .enumerate()
            .map(|(i, p)| entry(i as i64, Origin::File(PathBuf::from(p))))
            .collect();
        entries[1].date = Some("2022-11-23".into());
        entries[2].date = Some("2023-01-02".into());
        entries[3].date = Some("2022-11-23".into());
        let mut sorted = entries.clone();
        sort_entries(&mut sorted, Order::NewestFirst);
        let ids: Vec<i64> = sorted.iter().map(|e| e.id.0).collect();
        assert_eq!(
            ids,
            [2, 1, 3, 0],
            "newest first, then by path; undated last"
        );
        let mut by_compare = entries.clone();
        by_compare.sort_by(|a, b| list_order(a, b, Order::NewestFirst));
        assert_eq!(sorted, by_compare);
    }
}
