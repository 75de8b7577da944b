//! What the catalog keeps for sync with a feed server: the server's subscriptions (with
//! folders), which article each of its items is, the server's read and starred state as
//! last seen, where the last sync left off, and the changes made here that wait to be
//! sent. A read mark or a star made here is queued in the same transaction that makes it,
//! so it survives a restart or a kill; it leaves the queue only once the server took it.
//!
//! A sync is a three-way merge: the server's state now, its state as last seen (kept per
//! item), and the state here. A server-side change since the last sync is applied here,
//! unless a change made here waits for that item; a change made here is sent only when it
//! differs from the server's state (Miniflux toggles an item already in the asked state).

use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, params};

use super::articles::OriginKey;
use super::{Catalog, CatalogError, FeedRow, Stored, item_key, now};
use crate::feed::{FeedItem, Subscription};
use crate::model::{ArticleId, Entry, Origin};
use crate::sync::{Cursor, Mark, MarkKind, RemoteFeed, RemoteId};

/// Settings names.
mod merge;

pub(super) use merge::enqueue;
use merge::set_local;

const ACCOUNT: &str = "sync.account";
const MAX_ID: &str = "sync.max_id";
const SINCE: &str = "sync.since";
const LAST_OK: &str = "sync.last_ok";
const LAST_TRY: &str = "sync.last_try";
const LAST_ERROR: &str = "sync.last_error";

/// One of the server's subscriptions as the catalog keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncFeed {
    /// The server's id for it.
    pub id: String,
    /// The feed's address.
    pub url: String,
    /// Its title on the server.
    pub title: String,
    /// Its folder.
    pub folder: Option<String>,
    /// Whether its items' pages are read for their full text.
    pub full_text: bool,
}

impl SyncFeed {
    /// The subscription its items are stored under.
    pub fn subscription(&self) -> Subscription {
        Subscription {
            url: self.url.clone(),
            name: Some(self.title.clone()).filter(|t| !t.trim().is_empty()),
            full_text: self.full_text,
        }
    }
}

/// A change made here, waiting to be sent, with the server's state as last seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    /// Its place in the queue.
    pub seq: i64,
    /// The change.
    pub mark: Mark,
    /// The server's value of the same state, as last seen (`None`: item unknown).
    pub server: Option<bool>,
}

/// When the last sync ran and how it went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncStatus {
    /// When a sync last succeeded (seconds since the epoch).
    pub last_ok: Option<i64>,
    /// When a sync was last tried.
    pub last_try: Option<i64>,
    /// Why the last try failed, when it did.
    pub error: Option<String>,
    /// Changes made here waiting to be sent.
    pub queued: usize,
}

/// One item of a sync, ready to store.
#[derive(Debug, Clone)]
pub struct SyncedItem {
    /// The item, as a feed item.
    pub item: FeedItem,
    /// Its id on the server.
    pub remote: RemoteId,
    /// The server's id of its feed.
    pub feed: String,
    /// Its state on the server.
    pub read: bool,
    /// Its star on the server.
    pub starred: bool,
}

impl Catalog {
    /// Makes the lists show the sync server's subscriptions and items (on) or the local
    /// ones (off): feeds, unread counts and item entries follow.
    pub fn set_synced(&mut self, on: bool) {
        self.synced = on;
    }

    /// Whether the lists show the sync server's subscriptions.
    pub fn synced(&self) -> bool {
        self.synced
    }

    /// Makes `account` the one synced with. Another account's state (subscriptions, item
    /// ids, queued changes, cursor) is dropped first; its articles stay. Says whether the
    /// account is new.
    pub fn use_sync_account(&mut self, account: &str) -> Result<bool, CatalogError> {
        if self.setting(ACCOUNT)?.as_deref() == Some(account) {
            return Ok(false);
        }
        self.batch(|c| {
            c.conn.execute_batch(
                "DELETE FROM sync_feeds; DELETE FROM sync_items; DELETE FROM sync_queue;
                 DELETE FROM settings WHERE name LIKE 'sync.%';",
            )?;
            c.set_setting(ACCOUNT, account)
        })?;
        Ok(true)
    }

    /// Where the last sync left off.
    pub fn sync_cursor(&self) -> Result<Cursor, CatalogError> {
        let num = |name| -> Result<Option<String>, CatalogError> { self.setting(name) };
        Ok(Cursor {
            max_id: num(MAX_ID)?.and_then(|v| v.parse().ok()),
            since: num(SINCE)?.and_then(|v| v.parse().ok()),
        })
    }

    /// Records where this sync left off, and that it succeeded.
    pub fn finish_sync(&mut self, cursor: &Cursor) -> Result<(), CatalogError> {
        self.batch(|c| {
            if let Some(m) = cursor.max_id {
                c.set_setting(MAX_ID, &m.to_string())?;
            }
            if let Some(s) = cursor.since {
                c.set_setting(SINCE, &s.to_string())?;
            }
            let at = now().to_string();
            c.set_setting(LAST_OK, &at)?;
            c.set_setting(LAST_TRY, &at)?;
            c.conn
                .execute("DELETE FROM settings WHERE name = ?1", params![LAST_ERROR])?;
            Ok(())
        })
    }

    /// Records that a sync failed, and why (the text must hold no secret).
    pub fn sync_failed(&mut self, why: &str) -> Result<(), CatalogError> {
        self.set_setting(LAST_TRY, &now().to_string())?;
        self.set_setting(LAST_ERROR, why)
    }

    /// When the last sync ran and how it went.
    pub fn sync_status(&self) -> Result<SyncStatus, CatalogError> {
        let time = |name| -> Result<Option<i64>, CatalogError> {
            Ok(self.setting(name)?.and_then(|v| v.parse().ok()))
        };
        let queued: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sync_queue", [], |r| r.get(0))?;
        Ok(SyncStatus {
            last_ok: time(LAST_OK)?,
            last_try: time(LAST_TRY)?,
            error: self.setting(LAST_ERROR)?,
            queued: usize::try_from(queued).unwrap_or(0),
        })
    }

    /// The server's subscriptions, in the server's order.
    pub fn sync_feeds(&self) -> Result<Vec<SyncFeed>, CatalogError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, url, title, folder, full_text FROM sync_feeds ORDER BY position, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SyncFeed {
                id: r.get(0)?,
                url: r.get(1)?,
                title: r.get(2)?,
                folder: r.get(3)?,
                full_text: r.get(4)?,
            })
        })?;
        rows.collect::<Result<_, _>>().map_err(CatalogError::from)
    }

    /// Makes `feeds` the server's subscriptions: new ones added, gone ones dropped (their
    /// items stay as articles), titles and folders updated. A feed keeps its full-text
    /// choice; `full_text` names addresses that want it (from the config). Returns how
    /// many were added and removed.
    pub fn set_sync_feeds(
        &mut self,
        feeds: &[RemoteFeed],
        full_text: &HashSet<String>,
    ) -> Result<(usize, usize), CatalogError> {
        self.batch(|c| {
            let before: HashSet<String> = c.sync_feeds()?.into_iter().map(|f| f.id).collect();
            let now_ids: HashSet<&str> = feeds.iter().map(|f| f.id.as_str()).collect();
            let mut removed = 0;
            for id in &before {
                if !now_ids.contains(id.as_str()) {
                    c.conn
                        .execute("DELETE FROM sync_feeds WHERE id = ?1", params![id])?;
                    removed += 1;
                }
            }
            let mut added = 0;
            for (position, f) in feeds.iter().enumerate() {
                added += usize::from(!before.contains(&f.id));
                c.conn.execute(
                    "INSERT INTO sync_feeds (id, url, title, folder, full_text, position)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title,
                        folder = excluded.folder, position = excluded.position,
                        full_text = max(sync_feeds.full_text, excluded.full_text)",
                    params![
                        f.id,
                        f.url,
                        f.title,
                        f.folder,
                        full_text.contains(&f.url),
                        i64::try_from(position).unwrap_or(i64::MAX)
                    ],
                )?;
            }
            Ok((added, removed))
        })
    }

    /// Asks for (or stops asking for) the full text of the items of the synced feed at
    /// `url`; says whether there is such a feed.
    pub fn set_sync_full_text(&mut self, url: &str, on: bool) -> Result<bool, CatalogError> {
        let n = self.conn.execute(
            "UPDATE sync_feeds SET full_text = ?2 WHERE url = ?1",
            params![url, on],
        )?;
        Ok(n > 0)
    }

    /// The server's ids of every item the catalog holds.
    pub fn known_remote_ids(&self) -> Result<HashSet<RemoteId>, CatalogError> {
        let mut stmt = self.conn.prepare_cached("SELECT remote FROM sync_items")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = HashSet::new();
        for r in rows {
            out.insert(RemoteId::stored(&r?));
        }
        Ok(out)
    }

    /// Stores the items of a sync in one transaction: each an article like a feed item (a
    /// known one replaced when its text changed), its read and starred state here set from
    /// the server's when it is new. Returns the articles to index.
    pub fn store_synced(&mut self, items: &[SyncedItem]) -> Result<Stored, CatalogError> {
        let feeds: HashMap<String, SyncFeed> = self
            .sync_feeds()?
            .into_iter()
            .map(|f| (f.id.clone(), f))
            .collect();
        let at = now();
        let mut stored = Stored::default();
        self.batch(|c| {
            for s in items {
                let (sub, label) = match feeds.get(&s.feed) {
                    Some(f) => (f.subscription(), f.title.clone()),
                    None => (
                        Subscription::new(format!("sync:{}", s.feed)),
                        s.feed.clone(),
                    ),
                };
                let known = c
                    .conn
                    .query_row(
                        "SELECT 1 FROM sync_items WHERE remote = ?1",
                        params![s.remote.as_str()],
                        |_| Ok(()),
                    )
                    .optional()?
                    .is_some();
                if !known {
                    let key = item_key(&s.item.guid);
                    set_local(&c.conn, &key, MarkKind::Read, s.read, at)?;
                    set_local(&c.conn, &key, MarkKind::Star, s.starred, at)?;
                }
                c.store_item(&sub.url, &label, &s.item, at, &mut stored)?;
                let id: i64 = c.conn.query_row(
                    "SELECT id FROM articles WHERE origin = ?1",
                    params![Origin::Item(s.item.guid.clone()).key()],
                    |r| r.get(0),
                )?;
                c.conn.execute(
                    "INSERT INTO sync_items (remote, id, feed, read, starred)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (remote) DO UPDATE SET id = excluded.id, feed = excluded.feed",
                    params![s.remote.as_str(), id, s.feed, s.read, s.starred],
                )?;
            }
            Ok(())
        })?;
        Ok(stored)
    }

    /// The list entries of the synced items of the server's subscriptions.
    pub(super) fn synced_entries(&self) -> Result<Vec<Entry>, CatalogError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.origin, a.key, a.title, a.date, a.source, a.sections,
                    r.key IS NOT NULL, group_concat(f.url, char(10)), a.time
             FROM sync_items s
             JOIN articles a ON a.id = s.id
             JOIN sync_feeds f ON f.id = s.feed
             LEFT JOIN reads r ON r.key = a.key
             WHERE a.error IS NULL AND a.key IS NOT NULL
             GROUP BY a.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let feeds: String = r.get(8)?;
            Ok(Entry {
                id: ArticleId(r.get(0)?),
                origin: Origin::from_key(&r.get::<_, String>(1)?),
                key: r.get(2)?,
                title: r.get(3)?,
                date: r.get(4)?,
                time: r.get(9)?,
                source: r.get(5)?,
                sections: u32::try_from(r.get::<_, i64>(6)?).unwrap_or(0),
                read: r.get(7)?,
                feeds: feeds.split('\n').map(str::to_string).collect(),
            })
        })?;
        rows.collect::<Result<_, _>>().map_err(CatalogError::from)
    }

    /// The server's subscriptions as rows of the feeds list, with their item and unread
    /// counts here.
    pub(super) fn synced_feed_rows(&self) -> Result<Vec<FeedRow>, CatalogError> {
        let counts = self.synced_counts()?;
        let status = self.sync_status()?;
        Ok(self
            .sync_feeds()?
            .into_iter()
            .map(|f| {
                let (items, unread) = counts.get(&f.id).copied().unwrap_or((0, 0));
                FeedRow {
                    subscription: f.subscription(),
                    added: true,
                    title: Some(f.title),
                    error: None,
                    success_at: status.last_ok,
                    items,
                    unread,
                    folder: f.folder,
                }
            })
            .collect())
    }

    /// Per synced feed (by the server's id): items, unread.
    pub(super) fn synced_counts(&self) -> Result<HashMap<String, (usize, usize)>, CatalogError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.feed, count(*), count(*) - count(r.key)
             FROM sync_items s JOIN articles a ON a.id = s.id
             LEFT JOIN reads r ON r.key = a.key
             GROUP BY s.feed",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                (
                    usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                    usize::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                ),
            ))
        })?;
        rows.collect::<Result<_, _>>().map_err(CatalogError::from)
    }
}
