//! One sync, against the catalog: the server's subscriptions become the feed list; its new
//! items are stored as articles (the same parser, full-text rule, catalog and index as feed
//! items), each as its contents arrive; its read and starred changes since the last sync
//! are applied here, except where a change made here waits; then the changes made here go
//! out, only those that differ from the server's state, and leave the queue once sent. A
//! failure anywhere leaves the queue and the cursor as they were, so the next sync starts
//! from the same place and nothing is sent twice or lost.

use std::collections::{HashMap, HashSet};

use super::{
    PullProgress, RemoteId, RemoteItem, Secret, SyncBackend, SyncError, SyncSettings, connect,
};
use crate::catalog::{Catalog, Queued, SyncedItem};
use crate::feed::{
    FetchOptions, FullText, KeptBecause, RemoteParts, complete_full_text, item_from_parts,
};
use crate::index::LibraryIndex;
use crate::layout::blocks;
use crate::model::Entry;

/// How a sync behaves besides the server it talks to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncOptions {
    /// The zone for dates, and the limits for fetching item pages for full text.
    pub fetch: FetchOptions,
    /// Feed addresses whose items' pages are read for their full text (from the config).
    pub full_text: HashSet<String>,
    /// Run the password command with its errors shown on the terminal (the command line),
    /// or silently (the reader).
    pub interactive: bool,
}

/// How far a sync has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncProgress {
    /// Items stored.
    pub done: usize,
    /// Items to store (0 while the server has not said).
    pub total: usize,
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Subscriptions on the server.
    pub feeds: usize,
    /// Subscriptions new since the last sync, and gone.
    pub feeds_added: usize,
    /// Subscriptions gone since the last sync.
    pub feeds_removed: usize,
    /// Items seen for the first time.
    pub new: usize,
    /// Items whose text changed.
    pub updated: usize,
    /// Articles whose read or starred state the server changed.
    pub changed_here: usize,
    /// Their keys.
    pub changed_keys: Vec<String>,
    /// Changes made here that were sent.
    pub sent: usize,
    /// HTTP requests made.
    pub requests: usize,
    /// Why the search index could not take the new items, if it could not.
    pub index_error: Option<String>,
}

/// Syncs the catalog with the server of `settings`: finds the password, talks to the
/// server, records the outcome (the time, or the failure without any secret) in the
/// catalog. `progress` hears how far it has come, `changed` each item stored.
pub fn run(
    settings: &SyncSettings,
    options: &SyncOptions,
    catalog: &mut Catalog,
    index: Option<&LibraryIndex>,
    progress: &mut dyn FnMut(SyncProgress),
    changed: &mut dyn FnMut(Entry),
) -> Result<SyncReport, SyncError> {
    let secret = match Secret::find(settings.password_command.as_deref(), options.interactive) {
        Ok(s) => s,
        Err(e) => {
            let _ = catalog.sync_failed(&e.to_string());
            return Err(e);
        }
    };
    let outcome = connect(settings, secret.clone()).and_then(|mut backend| {
        sync_with(
            backend.as_mut(),
            &settings.account(),
            options,
            catalog,
            index,
            progress,
            changed,
        )
    });
    outcome.map_err(|e| {
        // The last guard: no error text leaves with the password in it.
        let e = scrubbed(e, &secret);
        let _ = catalog.sync_failed(&e.to_string());
        e
    })
}

/// One sync over `backend`, for `account`.
pub fn sync_with(
    backend: &mut dyn SyncBackend,
    account: &str,
    options: &SyncOptions,
    catalog: &mut Catalog,
    index: Option<&LibraryIndex>,
    progress: &mut dyn FnMut(SyncProgress),
    changed: &mut dyn FnMut(Entry),
) -> Result<SyncReport, SyncError> {
    let feeds = backend.subscriptions()?;
    // Another server or user: its state goes, once the new one has answered.
    catalog.use_sync_account(account)?;
    let (feeds_added, feeds_removed) = catalog.set_sync_feeds(&feeds, &options.full_text)?;
    let cursor = catalog.sync_cursor()?;
    let known = catalog.known_remote_ids()?;
    let mut report = SyncReport {
        feeds: feeds.len(),
        feeds_added,
        feeds_removed,
        ..SyncReport::default()
    };
    let mut budget: HashMap<String, usize> = HashMap::new();
    let mut sink = |batch: Vec<RemoteItem>, p: PullProgress| -> Result<(), SyncError> {
        let stored = store_batch(catalog, batch, options, &mut budget)?;
        report.new += stored.new.len();
        report.updated += stored.updated.len();
        for (entry, article) in stored.new.into_iter().chain(stored.updated) {
            if let Some(index) = index
                && let Err(e) = index.add(entry.id.0.unsigned_abs(), &blocks(&article))
            {
                report.index_error.get_or_insert(e.to_string());
            }
            changed(entry);
        }
        progress(SyncProgress {
            done: p.done,
            total: p.total,
        });
        Ok(())
    };
    let is_known = |id: &RemoteId| known.contains(id);
    let pulled = backend.pull(&cursor, &is_known, &mut sink)?;
    report.changed_keys = catalog.apply_server_state(&pulled.state)?;
    report.changed_here = report.changed_keys.len();
    let queued = catalog.queued_marks()?;
    let (send, needless): (Vec<Queued>, Vec<Queued>) = queued
        .into_iter()
        .partition(|q| q.server.is_some_and(|s| s != q.mark.on));
    if !send.is_empty() {
        let marks: Vec<_> = send.iter().map(|q| q.mark.clone()).collect();
        backend.push(&marks)?;
    }
    report.sent = send.len();
    catalog.marks_done(&send)?;
    catalog.marks_done(&needless)?;
    catalog.finish_sync(&pulled.cursor)?;
    if let Some(index) = index
        && let Err(e) = index.commit()
    {
        report.index_error.get_or_insert(e.to_string());
    }
    report.requests = backend.requests();
    Ok(report)
}

/// Makes a batch of the server's items articles (fetching pages for full text where the
/// feed's rule wants it, within the per-feed budget of one refresh) and stores them.
fn store_batch(
    catalog: &mut Catalog,
    batch: Vec<RemoteItem>,
    options: &SyncOptions,
    budget: &mut HashMap<String, usize>,
) -> Result<crate::catalog::Stored, SyncError> {
    if batch.is_empty() {
        return Ok(crate::catalog::Stored::default());
    }
    let prefix = if batch[0].id.as_str().len() == 16 {
        "greader"
    } else {
        "miniflux"
    };
    let mut by_feed: HashMap<String, Vec<SyncedItem>> = HashMap::new();
    for r in batch {
        let guid = format!("{prefix}:{}", r.id);
        let parts = RemoteParts {
            guid: &guid,
            link: r.link.as_deref(),
            title: &r.title,
            title_is_html: r.title_is_html,
            content: &r.content,
            published: r
                .published
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0)),
            author: r.author.as_deref(),
        };
        let item = item_from_parts(&parts, &options.fetch.zone);
        by_feed.entry(r.feed.clone()).or_default().push(SyncedItem {
            item,
            remote: r.id,
            feed: r.feed,
            read: r.read,
            starred: r.starred,
        });
    }
    let feeds: HashMap<String, crate::catalog::SyncFeed> = catalog
        .sync_feeds()?
        .into_iter()
        .map(|f| (f.id.clone(), f))
        .collect();
    let mut all = Vec::new();
    for (feed, mut items) in by_feed {
        if let Some(f) = feeds.get(&feed) {
            let sub = f.subscription();
            let wants = sub.full_text || items.iter().any(|i| i.item.summary_only);
            let used = budget.entry(feed.clone()).or_default();
            let left = options.fetch.full_text_limit.saturating_sub(*used);
            if wants && left > 0 {
                let have = catalog.feed_request(&sub)?.have_full_text;
                let mut plain: Vec<_> = items.iter().map(|i| i.item.clone()).collect();
                let limited = FetchOptions {
                    full_text_limit: left,
                    ..options.fetch.clone()
                };
                complete_full_text(&mut plain, &sub, have, &limited);
                *used += plain.iter().filter(|i| fetched_page(&i.full_text)).count();
                for (s, p) in items.iter_mut().zip(plain) {
                    s.item = p;
                }
            }
        }
        all.extend(items);
    }
    Ok(catalog.store_synced(&all)?)
}

/// Whether an item's page was fetched (counted against the feed's budget).
fn fetched_page(full_text: &FullText) -> bool {
    matches!(
        full_text,
        FullText::Fetched | FullText::Kept(KeptBecause::PageFailed(_) | KeptBecause::Shorter)
    )
}

/// `e` with the password taken out of every text it holds.
fn scrubbed(e: SyncError, secret: &Secret) -> SyncError {
    match e {
        SyncError::Status { what, code, said } => SyncError::Status {
            what: secret.scrub(&what),
            code,
            said: secret.scrub(&said),
        },
        SyncError::Protocol { what, why } => SyncError::Protocol {
            what: secret.scrub(&what),
            why: secret.scrub(&why),
        },
        SyncError::Refused(why) => SyncError::Refused(secret.scrub(&why)),
        SyncError::Password(why) => SyncError::Password(secret.scrub(&why)),
        SyncError::BadUrl(why) => SyncError::BadUrl(secret.scrub(&why)),
        SyncError::Catalog(why) => SyncError::Catalog(secret.scrub(&why)),
        other => other,
    }
}
