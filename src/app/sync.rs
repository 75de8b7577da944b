//! Sync with the feed server, in the app. When the feeds come from a server, `R` and the
//! refresh timer ask for the same [`Effect::Refresh`] and the session syncs instead of
//! fetching; a sync also runs at start, after the list is drawn from the catalog. Here the
//! sync worker's news is taken in (its items come as a refresh's do), the status bar keeps
//! saying that the server could not be reached, and since when, until a sync succeeds; and
//! `s` stars or unstars an article, with or without sync (starred articles head the
//! bookmarks list).

use super::{App, Effect, Focus, Overlay, SyncNews};
use crate::strings;

impl App {
    /// The sync worker's news, or the writer's answer to a star.
    pub(super) fn sync_news(&mut self, news: SyncNews) {
        match news {
            SyncNews::Progress(done, total) => self.work.fetch_progress = Some((done, total)),
            SyncNews::Done {
                new,
                updated,
                changed,
                sent,
                reads,
            } => {
                self.fetch_over();
                self.work.sync_note = None;
                for (key, read) in reads {
                    self.read_elsewhere(&key, read);
                }
                self.message = Some(format!(
                    "{}{new} {}, {updated} {}, {changed} {}, {sent} {}",
                    strings::SYNCED,
                    strings::FETCH_NEW,
                    strings::FETCH_UPDATED,
                    strings::SYNC_CHANGED_HERE,
                    strings::SYNC_SENT
                ));
            }
            SyncNews::Failed { why, offline } => {
                self.fetch_over();
                if offline {
                    self.work.sync_note = Some(why);
                } else {
                    self.message = Some(why);
                }
            }
            SyncNews::Marks(marks, toggled) => {
                self.bookmarks = marks;
                let last = self.bookmarks.len().saturating_sub(1);
                for o in &mut self.overlays {
                    if let Overlay::Bookmarks { cursor } = o {
                        *cursor = (*cursor).min(last);
                    }
                }
                if let Some(on) = toggled {
                    self.work.toggles = self.work.toggles.saturating_sub(1);
                    self.message = Some(
                        if on {
                            strings::STARRED
                        } else {
                            strings::UNSTARRED
                        }
                        .to_string(),
                    );
                }
            }
        }
    }

    /// `s`: stars the highlighted article (Articles focused) or the open one, or unstars it.
    pub(super) fn toggle_star(&mut self) {
        let i = if self.focus == Focus::Articles && !self.library.active() {
            Some(self.article_cursor)
        } else {
            self.open_index()
        };
        let key = i
            .and_then(|i| self.entries.get(i))
            .map(|e| e.key.clone())
            .or_else(|| self.open.key.clone());
        let Some(key) = key else {
            return;
        };
        self.work.toggles += 1;
        self.effects.push(Effect::ToggleStar(key));
    }

    /// Why the last sync failed, while the server cannot be reached, and when the last one
    /// succeeded.
    pub fn sync_note(&self) -> Option<&str> {
        self.work.sync_note.as_deref()
    }

    /// Whether the feeds come from a sync server.
    pub fn syncs(&self) -> bool {
        self.work.sync
    }

    /// An article marked read or unread elsewhere (on the sync server): its entry follows,
    /// listed or not, and nothing is written (the catalog has it already).
    fn read_elsewhere(&mut self, key: &str, read: bool) {
        for e in self.entries.iter_mut().chain(self.hidden.values_mut()) {
            if e.key == key {
                e.read = read;
            }
        }
    }
}
