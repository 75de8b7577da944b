//! News feeds in the catalog: the subscriptions (from the config and from `feeds add` or an
//! OPML import), what the server said last time (validators, the last error and success),
//! and the items. An item is an article like any other, once however many feeds carry it,
//! known by its guid: an item whose text changes is replaced in place and keeps its reading
//! position and read mark, which hang on a key made from the guid.
//!
//! A feed is known by its address in normal form without the login (`user:password@`),
//! which is kept in a column of its own (`secret`) and put back only into the subscriptions
//! handed to the fetcher: lists, exports and item rows never carry it.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, params};

use super::articles::OriginKey;
use super::{Catalog, CatalogError};
use crate::article::Article;
use crate::feed::secret;
use crate::feed::{FeedRequest, Subscription, Validators};
use crate::model::{ArticleId, Entry, Origin};

mod store;

/// A subscription as the catalog knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    /// The subscription (address, name, full text).
    pub subscription: Subscription,
    /// Whether it was added from the command line or an OPML file (else: from the config).
    pub added: bool,
    /// The feed's own title, from its last successful fetch.
    pub title: Option<String>,
    /// Why the last fetch failed, until a fetch succeeds again.
    pub error: Option<String>,
    /// When it last succeeded (seconds since the epoch).
    pub success_at: Option<i64>,
    /// How many items it carries.
    pub items: usize,
    /// How many of them are unread.
    pub unread: usize,
    /// The folder it is filed in (on the sync server).
    pub folder: Option<String>,
}

/// What storing one feed's fetch changed.
#[derive(Debug, Default)]
pub struct Stored {
    /// Items seen for the first time, with the articles to index.
    pub new: Vec<(Entry, Article)>,
    /// Items whose text changed, with the articles to index.
    pub updated: Vec<(Entry, Article)>,
}

/// The key an item's position, bookmarks and read mark are kept under: from its guid, so
/// they survive a change of its text.
pub fn item_key(guid: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let h = guid
        .bytes()
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    format!("item:{h:016x}")
}

impl Catalog {
    /// Subscribes to a feed (`added`: by command rather than config); an address already
    /// subscribed keeps its state and takes the new name and full-text choice. Says whether
    /// it was new.
    /// A login in the address is kept apart (and replaces the one stored; an address given
    /// without one keeps the stored login).
    pub fn add_feed(&mut self, sub: &Subscription, added: bool) -> Result<bool, CatalogError> {
        let (url, login) = secret::split(&sub.url);
        let inserted: Option<i64> = self.write_returning(
            "INSERT INTO feeds (url, name, full_text, added, secret)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (url) DO NOTHING
             RETURNING 1",
            params![url, sub.name, sub.full_text, added, login],
            |r| r.get(0),
        )?;
        if inserted.is_none() {
            self.conn.execute(
                "UPDATE feeds SET name = ?2, full_text = ?3, added = max(added, ?4),
                    secret = coalesce(?5, secret)
                 WHERE url = ?1",
                params![url, sub.name, sub.full_text, added, login],
            )?;
        }
        Ok(inserted.is_some())
    }

    /// Makes the config's subscriptions the catalog's config subscriptions: new ones are
    /// added, ones no longer in the config are dropped (their items stay as articles).
    pub fn sync_config_feeds(&mut self, subs: &[Subscription]) -> Result<(), CatalogError> {
        self.batch(|c| {
            let wanted: HashSet<String> = subs.iter().map(|s| secret::public(&s.url)).collect();
            for row in c.feeds()? {
                let url = secret::public(&row.subscription.url);
                if !row.added && !wanted.contains(&url) {
                    c.conn
                        .execute("DELETE FROM feeds WHERE url = ?1", params![url])?;
                }
            }
            for sub in subs {
                c.add_feed(sub, false)?;
            }
            Ok(())
        })
    }

    /// Unsubscribes from the feed at `url` (with or without its login; its items stay as
    /// articles); says whether it was subscribed.
    pub fn remove_feed(&mut self, url: &str) -> Result<bool, CatalogError> {
        let n = self.conn.execute(
            "DELETE FROM feeds WHERE url = ?1",
            params![secret::public(url)],
        )?;
        Ok(n > 0)
    }

    /// Every subscription, config ones first, each by address (with its login, for
    /// fetching: show it with [`secret::masked`] and identify it with [`secret::public`]);
    /// with sync on, the sync server's, in its order.
    pub fn feeds(&self) -> Result<Vec<FeedRow>, CatalogError> {
        if self.synced {
            return self.synced_feed_rows();
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.url, f.name, f.full_text, f.added, f.title, f.error, f.success_at,
                    count(i.id), count(i.id) - count(r.key), f.secret
             FROM feeds f
             LEFT JOIN item_feeds i ON i.feed = f.url
             LEFT JOIN articles a ON a.id = i.id
             LEFT JOIN reads r ON r.key = a.key
             GROUP BY f.url
             ORDER BY f.added, f.rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FeedRow {
                subscription: Subscription {
                    url: secret::join(
                        &r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(9)?.as_deref(),
                    ),
                    name: r.get(1)?,
                    full_text: r.get(2)?,
                },
                added: r.get(3)?,
                title: r.get(4)?,
                error: r.get(5)?,
                success_at: r.get(6)?,
                items: usize::try_from(r.get::<_, i64>(7)?).unwrap_or(0),
                unread: usize::try_from(r.get::<_, i64>(8)?).unwrap_or(0),
                folder: None,
            })
        })?;
        rows.collect::<Result<_, _>>().map_err(CatalogError::from)
    }

    /// What to send when fetching `sub`: the stored validators, and the guids whose full
    /// text is already stored.
    pub fn feed_request(&self, sub: &Subscription) -> Result<FeedRequest, CatalogError> {
        let url = secret::public(&sub.url);
        let validators = self
            .conn
            .query_row(
                "SELECT etag, last_modified FROM feeds WHERE url = ?1",
                params![url],
                |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default();
        let mut have_full_text = HashSet::new();
        if sub.full_text {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT guid FROM item_feeds WHERE feed = ?1 AND full_text = 1")?;
            let rows = stmt.query_map(params![url], |r| r.get::<_, String>(0))?;
            for g in rows {
                have_full_text.insert(g?);
            }
        }
        Ok(FeedRequest {
            subscription: sub.clone(),
            validators,
            have_full_text,
        })
    }

    /// The addresses of the feeds that carry item `id`.
    fn feeds_of(&self, id: ArticleId) -> Result<Vec<String>, CatalogError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT feed FROM item_feeds WHERE id = ?1 ORDER BY rowid")?;
        let rows = stmt.query_map(params![id.0], |r| r.get::<_, String>(0))?;
        rows.collect::<Result<_, _>>().map_err(CatalogError::from)
    }

    /// The list entries of every item of the feeds subscribed to, each with its feeds;
    /// with sync on, the sync server's items.
    pub fn item_entries(&self) -> Result<Vec<Entry>, CatalogError> {
        if self.synced {
            return self.synced_entries();
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.origin, a.key, a.title, a.date, a.source, a.sections,
                    r.key IS NOT NULL, group_concat(i.feed, char(10)), a.time
             FROM articles a
             JOIN item_feeds i ON i.id = a.id
             JOIN feeds f ON f.url = i.feed
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

    /// The web address of item `id` (its link), if it has one.
    pub fn item_link(&self, id: ArticleId) -> Result<Option<String>, CatalogError> {
        self.conn
            .query_row(
                "SELECT link FROM item_feeds WHERE id = ?1 AND link IS NOT NULL LIMIT 1",
                params![id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(CatalogError::from)
    }
}

/// Migration: stored feed addresses put in the form they are now looked up by (normal form,
/// no login), the login moved to the `secret` column and the items' rows following their
/// feed. Finds nothing to do the second time.
pub(super) fn addresses_in_normal_form(tx: &rusqlite::Transaction<'_>) -> Result<(), CatalogError> {
    let urls: Vec<String> = tx
        .prepare("SELECT url FROM feeds")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for old in urls {
        let (url, login) = secret::split(&old);
        if url == old {
            continue;
        }
        let taken: bool = tx
            .prepare("SELECT 1 FROM feeds WHERE url = ?1")?
            .exists(params![url])?;
        if taken {
            tx.execute(
                "UPDATE feeds SET secret = coalesce(?2, secret) WHERE url = ?1",
                params![url, login],
            )?;
            tx.execute("DELETE FROM feeds WHERE url = ?1", params![old])?;
        } else {
            tx.execute(
                "UPDATE feeds SET url = ?2, secret = ?3 WHERE url = ?1",
                params![old, url, login],
            )?;
        }
        tx.execute(
            "UPDATE OR IGNORE item_feeds SET feed = ?2 WHERE feed = ?1",
            params![old, url],
        )?;
        tx.execute("DELETE FROM item_feeds WHERE feed = ?1", params![old])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
