//! Articles arriving a batch at a time, as a scan stores them: the new ones are sorted and
//! merged into the list in one pass, so a batch of hundreds costs one walk of the list, not
//! one per article, and the keys pressed meanwhile wait for none of that. Articles the list
//! already has (or hides, or has open) take the one-at-a-time way, which keeps the place.

use std::cmp::Ordering;

use super::App;
use super::entries::{entry_width, list_order};
use crate::model::Entry;

/// Fewer new articles than this are placed one at a time, which is as quick.
const MERGE_FROM: usize = 8;

impl App {
    /// Articles new or changed, a batch at a time.
    pub(super) fn upsert_entries(&mut self, batch: Vec<Entry>) {
        let (mut fresh, known): (Vec<Entry>, Vec<Entry>) = batch.into_iter().partition(|e| {
            !self.by_id.contains_key(&e.id)
                && !self.hidden.contains_key(&e.id)
                && self.open.id != Some(e.id)
                && self.filter.admits(e)
        });
        for e in known {
            self.upsert_entry(e);
        }
        if fresh.len() < MERGE_FROM {
            return fresh.into_iter().for_each(|e| self.upsert_entry(e));
        }
        let cursor_id = self.entries.get(self.article_cursor).map(|e| e.id);
        let widest = fresh.iter().map(entry_width).max().unwrap_or(0);
        self.articles_width = self.articles_width.max(widest);
        let order = self.order;
        fresh.sort_by(|a, b| list_order(a, b, order));
        let first_new = fresh[0].id;
        let old = std::mem::take(&mut self.entries);
        // Where the first new entry goes: everything before it keeps its place.
        let from = old.partition_point(|e| list_order(e, &fresh[0], order) == Ordering::Less);
        self.entries = merge(old, fresh, |a, b| list_order(a, b, order));
        self.reindex_from(from);
        self.follow_cursor(cursor_id);
        if self.open.id.is_none() && self.pending.is_none() {
            // The first articles of a library being read for the first time.
            if let Some(&at) = self.by_id.get(&first_new) {
                self.open_article(at);
            }
        }
    }
}

/// `old` and `new` (each sorted by `cmp`) as one sorted list; a new entry goes before an
/// old one it equals, as one inserted alone would.
fn merge(old: Vec<Entry>, new: Vec<Entry>, cmp: impl Fn(&Entry, &Entry) -> Ordering) -> Vec<Entry> {
    let mut out = Vec::with_capacity(old.len() + new.len());
    let mut old = old.into_iter().peekable();
    for n in new {
        while let Some(o) = old.next_if(|o| cmp(o, &n) == Ordering::Less) {
            out.push(o);
        }
        out.push(n);
    }
    out.extend(old);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Msg, Start};
    use crate::layout::LayoutOptions;
    use crate::library::scan::ScanEvent;
    use crate::model::{ArticleId, Order, Origin};

    fn entry(id: i64) -> Entry {
        Entry {
            id: ArticleId(id),
            origin: Origin::File(format!("/n/{:03}.txt", (id * 37) % 101).into()),
            key: format!("{id:016x}"),
            title: format!("标题{id}"),
            date: (id % 5 != 0).then(|| format!("2024-03-{:02}", 1 + id % 9)),
            time: None,
            source: None,
            sections: 1,
            read: false,
            feeds: Vec::new(),
        }
    }

    fn started(order: Order, known: &[i64]) -> App {
        let mut app = App::new(LayoutOptions::default());
        app.update(Msg::Resize(100, 30));
        app.order = order;
        let entries = known.iter().map(|&i| entry(i)).collect();
        app.update(Msg::Start(Box::new(Start {
            entries,
            collection: true,
            ..Start::default()
        })));
        app
    }

    fn ids(app: &App) -> Vec<i64> {
        app.entries.iter().map(|e| e.id.0).collect()
    }

    #[test]
    fn a_batch_lands_where_the_same_entries_one_at_a_time_would() {
        for order in [Order::NewestFirst, Order::Path] {
            let known = [3, 14, 15, 92, 65];
            let mut batched = started(order, &known);
            let mut single = started(order, &known);
            batched.article_cursor = 2;
            single.article_cursor = 2;
            let cursor_on = ids(&batched)[2];
            // New articles, and one already listed whose file changed.
            let mut batch: Vec<Entry> = (20..60).map(entry).collect();
            let mut changed = entry(15);
            changed.title = "改过".into();
            batch.push(changed);
            for e in batch.clone() {
                single.update(Msg::Scan(ScanEvent::Upserted(vec![e])));
            }
            batched.update(Msg::Scan(ScanEvent::Upserted(batch)));
            assert_eq!(ids(&batched), ids(&single), "{order:?}");
            assert_eq!(ids(&batched).len(), 45);
            let mut sorted = batched.entries.clone();
            sorted.sort_by(|a, b| list_order(a, b, order));
            assert_eq!(batched.entries, sorted);
            for (i, e) in batched.entries.iter().enumerate() {
                assert_eq!(batched.by_id[&e.id], i, "the index follows the merge");
            }
            assert_eq!(ids(&batched)[batched.article_cursor], cursor_on);
            assert_eq!(batched.article_cursor, single.article_cursor);
        }
    }
}
