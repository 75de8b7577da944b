//! The sync worker: with `[sync]`, a refresh ([`crate::app::Effect::Refresh`]) syncs with
//! the feed server on a connection of its own. Items appear in the list as they are stored
//! ([`Msg::FetchItem`]), the status bar shows how far it has come; at the end the feed list
//! ([`Msg::Feeds`]), the read marks and stars the server changed, and what the sync did
//! arrive ([`Msg::Sync`]). A server that cannot be reached is news like any other: the
//! reader goes on from the catalog and says since when it has not synced.
//!
//! Also here: the bookmarks list the reader shows, starred articles first.

use super::Session;
use super::start::feed_infos;
use super::worker;
use crate::app::{Msg, SyncNews, Worker};
use crate::catalog::{Catalog, CatalogError};
use crate::model::{Bookmark, StoredPlace};
use crate::strings;

impl Session {
    /// Starts a sync with the server of `setup`.
    pub(super) fn start_sync(&mut self, setup: super::SyncSetup) {
        let failed = |why: &str| {
            Msg::Sync(SyncNews::Failed {
                why: why.to_string(),
                offline: false,
            })
        };
        let Some(Ok(mut catalog)) = self.catalog.connect() else {
            return self.answer(failed(strings::FETCH_NEEDS_DATA));
        };
        let index = self.index.clone();
        let started = worker::spawn(Worker::Sync, self.tell.clone(), move |tell| {
            let stars_before = catalog.starred().unwrap_or_default();
            let report = crate::sync::run(
                &setup.settings,
                &setup.options,
                &mut catalog,
                index.as_deref(),
                &mut |p| tell.send(Msg::Sync(SyncNews::Progress(p.done, p.total))),
                &mut |entry| tell.send(Msg::FetchItem(entry)),
            );
            if let Ok(infos) = feed_infos(&catalog) {
                tell.send(Msg::Feeds(infos));
            }
            match report {
                Ok(r) => {
                    if catalog.starred().unwrap_or_default() != stars_before
                        && let Ok(list) = marks(&catalog)
                    {
                        tell.send(Msg::Sync(SyncNews::Marks(list, None)));
                    }
                    let reads = r
                        .changed_keys
                        .iter()
                        .filter_map(|k| catalog.is_read(k).ok().map(|read| (k.clone(), read)))
                        .collect();
                    tell.send(Msg::Sync(SyncNews::Done {
                        new: r.new,
                        updated: r.updated,
                        changed: r.changed_keys.len(),
                        sent: r.sent,
                        reads,
                    }));
                }
                Err(e) if e.is_offline() => {
                    let last = catalog.sync_status().ok().and_then(|s| s.last_ok);
                    tell.send(Msg::Sync(SyncNews::Failed {
                        why: format!("{}{}", strings::SYNC_OFFLINE, when(last)),
                        offline: true,
                    }));
                }
                Err(e) => tell.send(failed(&e.to_string())),
            }
        });
        match started {
            Some(handle) => self.keep(handle),
            None => self.answer(failed(strings::NO_THREAD)),
        }
    }
}

/// The bookmarks list: starred articles first (the latest starred first), each as a mark
/// at its start, then the bookmarks in the order made.
pub(super) fn marks(catalog: &Catalog) -> Result<Vec<Bookmark>, CatalogError> {
    let mut list: Vec<Bookmark> = catalog
        .starred()?
        .into_iter()
        .filter(|s| s.id.is_some())
        .map(|s| Bookmark {
            key: s.key,
            place: StoredPlace::Place(crate::layout::Place {
                section: 0,
                paragraph: None,
                offset: 0,
            }),
            title: s.title,
            snippet: strings::STAR_SNIPPET.to_string(),
        })
        .collect();
    list.extend(catalog.bookmarks()?);
    Ok(list)
}

/// When a sync last succeeded, as the status bar says it: the time today, else the date
/// and time, or "never".
fn when(at: Option<i64>) -> String {
    use chrono::{DateTime, Local};
    let Some(t) = at.and_then(|t| DateTime::from_timestamp(t, 0)) else {
        return strings::SYNC_NEVER.to_string();
    };
    let t = t.with_timezone(&Local);
    if t.date_naive() == Local::now().date_naive() {
        t.format("%H:%M").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M").to_string()
    }
}
