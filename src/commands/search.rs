//! `newsreader search QUERY` searches every article with the reader's folding and counts:
//! the index, or every article read back when the index cannot be used.

use std::io::Write;
use std::sync::atomic::AtomicBool;

use super::library::{About, listed, shown, starred_keys};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::index::{LibraryIndex, first_match};
use crate::layout::blocks;
use crate::library::scan::{index_source, reconcile_index};
use crate::library::stream::{Job, each_in_order};
use crate::library::{LoadError, LoadOptions};
use crate::output;
use crate::search;
use crate::session::Places;
use crate::strings as s;

/// `newsreader search QUERY`: every matching article in list order with its match count
/// and a line of context; status 1 when nothing matches, 2 for an empty query.
pub(super) fn search(
    catalog: &mut Catalog,
    config: &Config,
    places: &Places,
    query: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    if query.trim().is_empty() {
        writeln!(err, "{}{}", s::ERR_PREFIX, s::SEARCH_EMPTY_QUERY)?;
        return Ok(2);
    }
    let index = places.index.as_deref().and_then(usable_index);
    let Some(library) = listed(catalog, config, index.as_ref(), err)? else {
        return Ok(1);
    };
    let stars = starred_keys(catalog);
    // Counts from the index when it holds the whole library, else from every article.
    let counts = index
        .as_ref()
        .and_then(|i| complete_counts(catalog, i, query));
    let jobs: Vec<(usize, Option<usize>)> = match &counts {
        Some(counts) => library
            .entries
            .iter()
            .enumerate()
            .filter_map(|(k, e)| counts.get(&e.id.0.unsigned_abs()).map(|c| (k, Some(*c))))
            .collect(),
        None => (0..library.entries.len()).map(|k| (k, None)).collect(),
    };
    let stored: Vec<Job> = jobs
        .iter()
        .map(|&(k, _)| Job::Stored(library.entries[k].id))
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let from_index = counts.is_some();
    let mut found = 0;
    let mut k = 0;
    each_in_order(
        &stored,
        Some(catalog),
        &LoadOptions::default(),
        None,
        threads,
        |_, article: Result<_, LoadError>| {
            let a = article.ok()?;
            let blocks = blocks(&a);
            let count = if from_index {
                0
            } else {
                search::Index::new(&blocks)
                    .count_and_first(&blocks, query)?
                    .0
            };
            Some((count, first_match(query, &blocks)?.snippet))
        },
        |hit| -> std::io::Result<()> {
            let (entry, indexed) = jobs[k];
            k += 1;
            let Some((count, snippet)) = hit else {
                return Ok(());
            };
            found += 1;
            let about = About::of(&library.entries[entry], catalog, &library.feeds, &stars);
            let count = indexed.unwrap_or(count);
            let snippet = shown(&snippet);
            if json {
                let mut v = about.json();
                v["count"] = count.into();
                v["snippet"] = snippet.into();
                writeln!(out, "{}", output::json(&v))
            } else {
                writeln!(out, "{count:>5} {}\n        {snippet}", about.line())
            }
        },
    )?;
    out.flush()?;
    if found == 0 {
        writeln!(err, "{}{}", s::SEARCH_NOTHING, shown(query))?;
    }
    Ok(u8::from(found == 0))
}

/// The index in `dir`, opened (an outdated or damaged one is started again, to be filled).
fn usable_index(dir: &std::path::Path) -> Option<LibraryIndex> {
    match LibraryIndex::open(dir) {
        Ok(index) => Some(index),
        Err(e) if e.needs_rebuild() => LibraryIndex::rebuild(dir).ok(),
        Err(_) => None,
    }
}

/// Match counts by article id from the index, once it holds exactly what the catalog holds
/// (filled from the catalog if it does not yet); `None` when it cannot be made to, or was
/// written by another version of the parser.
fn complete_counts(
    catalog: &Catalog,
    index: &LibraryIndex,
    query: &str,
) -> Option<std::collections::HashMap<u64, usize>> {
    let source = index.info().ok()?.source;
    if !index.is_empty() && source.as_deref() != Some(index_source().as_str()) {
        // Written by another parser: the reader builds it again; every article is read.
        return None;
    }
    let whole = catalog
        .parsed_ids()
        .is_ok_and(|ids| ids.len() == index.len());
    if !whole || source.is_none() {
        reconcile_index(catalog, index, &AtomicBool::new(false)).ok()?;
    }
    let hits = index.search(query).ok()?;
    Some(hits.into_iter().map(|h| (h.id, h.count)).collect())
}
