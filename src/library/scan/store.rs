//! The store step of a scan, the one place where what was read reaches the catalog: a batch
//! of read files written in one transaction (articles with their stored form packed by the
//! workers, failures with their reasons), handed to the search index, then reported (the
//! new and changed entries in one event, so the list takes a batch at a time).

use std::path::PathBuf;

use super::fill::IndexFeed;
use super::read::Read;
use super::{ScanEvent, ScanReport};
use crate::article::PARSER_VERSION;
use crate::catalog::{Catalog, CatalogError, Outcome};
use crate::model::{Entry, Origin};

/// Writes `batch` (emptied) in one transaction, gives it to the index, then reports it.
pub(super) fn store(
    catalog: &mut Catalog,
    feed: &mut IndexFeed<'_>,
    files: &[PathBuf],
    batch: &mut Vec<Read>,
    report: &mut ScanReport,
    send: &mut impl FnMut(ScanEvent),
) -> Result<(), CatalogError> {
    // In the order of the files (the workers finish in any order), so that the list fills
    // as one reader would fill it.
    batch.sort_unstable_by_key(|read| read.file);
    let mut entries = Vec::with_capacity(batch.len());
    let mut events = Vec::new();
    catalog.batch(|c| {
        for read in batch.drain(..) {
            let origin = Origin::File(files[read.file].clone());
            let (size, mtime) = read.stamp;
            match read.result {
                Ok(ready) => {
                    let article = &ready.article;
                    let outcome = Outcome::Packed(article, &ready.key, &ready.packed);
                    let id = c.put(&origin, size, mtime, PARSER_VERSION, outcome)?;
                    report.parsed += 1;
                    if let Some(indexed) = ready.indexed {
                        feed.add(id, indexed);
                    }
                    let read = c.is_read(&ready.key)?;
                    let article = ready.article;
                    entries.push(Entry {
                        id,
                        origin,
                        key: ready.key,
                        title: article.title,
                        date: article.date,
                        time: article.time,
                        source: article.source,
                        sections: u32::try_from(article.sections.len()).unwrap_or(0),
                        read,
                        feeds: Vec::new(),
                    });
                }
                Err(e) => {
                    let why = e.problem.to_string();
                    let id = c.put(&origin, size, mtime, PARSER_VERSION, Outcome::Failed(&why))?;
                    feed.remove(id);
                    report.failed += 1;
                    // A file that was an article and now fails leaves the list.
                    events.push(ScanEvent::Removed(id));
                    events.push(ScanEvent::Failed(e));
                }
            }
        }
        Ok(())
    })?;
    if !entries.is_empty() {
        send(ScanEvent::Upserted(entries));
    }
    events.into_iter().for_each(send);
    Ok(())
}
