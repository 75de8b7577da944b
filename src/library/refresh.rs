//! Refreshing the library's feeds: every subscription fetched (the `feed` module does the
//! network), what came back stored in the catalog and the search index, and a report of
//! what changed. `newsreader fetch` and the reader's `R` both run this; the reader runs it
//! on a worker and hears about each new or changed item as it is stored.

use crate::catalog::{Catalog, CatalogError};
use crate::feed::{FeedError, FeedOutcome, FetchOptions, Progress, Subscription, fetch};
use crate::index::LibraryIndex;
use crate::layout::blocks;
use crate::model::Entry;

/// What a refresh did.
#[derive(Debug, Default)]
pub struct RefreshReport {
    /// Feeds fetched.
    pub feeds: usize,
    /// Feeds that answered "not modified".
    pub unchanged: usize,
    /// Items seen for the first time.
    pub new: usize,
    /// Items whose text changed.
    pub updated: usize,
    /// Feeds that failed, and why.
    pub failed: Vec<FeedError>,
    /// Why the search index could not take the new items, if it could not.
    pub index_error: Option<String>,
}

/// Every subscription: the config's (`configured`) and those added by command, each once.
/// The config's are recorded in the catalog first, so their state can be kept.
pub fn subscriptions(
    catalog: &mut Catalog,
    configured: &[Subscription],
) -> Result<Vec<Subscription>, CatalogError> {
    catalog.sync_config_feeds(configured)?;
    Ok(catalog
        .feeds()?
        .into_iter()
        .map(|f| f.subscription)
        .collect())
}

/// Fetches every subscription and stores what came back, calling `progress` as feeds finish
/// (from worker threads) and `changed` for each new or changed item once it is stored.
pub fn refresh(
    catalog: &mut Catalog,
    index: Option<&LibraryIndex>,
    configured: &[Subscription],
    options: &FetchOptions,
    progress: impl Fn(Progress) + Sync,
    mut changed: impl FnMut(Entry),
) -> Result<RefreshReport, CatalogError> {
    let subs = subscriptions(catalog, configured)?;
    let requests = subs
        .iter()
        .map(|s| catalog.feed_request(s))
        .collect::<Result<Vec<_>, _>>()?;
    let outcomes = fetch(&requests, options, progress);
    let mut report = RefreshReport {
        feeds: subs.len(),
        ..RefreshReport::default()
    };
    for (sub, outcome) in subs.iter().zip(&outcomes) {
        // What the items' source says: the subscription's name, else the feed's own title.
        let label = match outcome {
            FeedOutcome::Updated {
                title: Some(title), ..
            } if sub.name.as_deref().is_none_or(|n| n.trim().is_empty())
                && !title.trim().is_empty() =>
            {
                crate::decode::sanitize_line(title.trim())
            }
            _ => sub.label(),
        };
        let stored = catalog.store_feed(sub, &label, outcome)?;
        match outcome {
            FeedOutcome::NotModified => report.unchanged += 1,
            FeedOutcome::Failed(e) => report.failed.push(e.clone()),
            FeedOutcome::Updated { .. } => {}
        }
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
    }
    if let Some(index) = index
        && let Err(e) = index.commit()
    {
        report.index_error.get_or_insert(e.to_string());
    }
    Ok(report)
}
