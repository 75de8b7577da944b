//! The library on the command line: `newsreader list` prints the Articles list (the files of
//! the configured folders and the feed items, in the list's order, with its filters), and
//! `newsreader search QUERY` searches every article with the reader's folding and counts
//! (the index, or every article read back when the index cannot be used). Both first bring
//! the catalog up to date with the folders, as the reader does when it starts, so that
//! what they print is what the reader would show.

use std::collections::HashSet;
use std::io::Write;
use std::sync::atomic::AtomicBool;

use serde_json::json;

use crate::catalog::{Catalog, FeedRow};
use crate::config::Config;
use crate::index::{LibraryIndex, first_match};
use crate::layout::blocks;
use crate::library::scan::{absolute_roots, index_source, reconcile_index, scan};
use crate::library::stream::{Job, each_in_order};
use crate::library::{LoadError, LoadOptions};
use crate::model::{Entry, Origin};
use crate::output;
use crate::search;
use crate::session::Places;
use crate::strings as s;

/// The items of the subscribed feeds as list entries, `None` when no feed is subscribed
/// (the config's feeds are recorded in the catalog first, as the reader records them).
pub(super) fn feed_items(
    catalog: &mut Catalog,
    config: &Config,
    err: &mut dyn Write,
) -> std::io::Result<Option<Vec<Entry>>> {
    let recorded = catalog
        .sync_config_feeds(&config.feeds)
        .and_then(|()| catalog.feeds());
    match recorded {
        Ok(rows) if rows.is_empty() => Ok(None),
        Ok(_) => match catalog.item_entries() {
            Ok(items) => Ok(Some(items)),
            Err(e) => {
                writeln!(
                    err,
                    "{}{}",
                    s::ERR_PREFIX,
                    output::line(&format!("{}{e}", s::CATALOG_READ_FAILED))
                )?;
                Ok(Some(Vec::new()))
            }
        },
        Err(e) => {
            writeln!(
                err,
                "{}{}",
                s::ERR_PREFIX,
                output::line(&format!("{}{e}", s::CATALOG_READ_FAILED))
            )?;
            Ok(None)
        }
    }
}

/// A string the command line prints that came from a file, a feed or the catalog: one
/// line, anything in it that could drive the terminal shown as an escape.
fn shown(text: &str) -> String {
    output::line(text).into_owned()
}

/// The library as the reader lists it, brought up to date first.
struct Listed {
    /// The articles in list order.
    entries: Vec<Entry>,
    /// The feeds subscribed to.
    feeds: Vec<FeedRow>,
}

/// Brings the catalog (and `index`) up to date with the configured folders, then lists the
/// library in the order of the Articles list. `None` (said on `err`) when the library is
/// empty: no folders and no feeds.
fn listed(
    catalog: &mut Catalog,
    config: &Config,
    index: Option<&LibraryIndex>,
    err: &mut dyn Write,
) -> std::io::Result<Option<Listed>> {
    let items = feed_items(catalog, config, err)?;
    if config.library.is_empty() && items.is_none() {
        writeln!(err, "{}{}", s::ERR_PREFIX, s::LIBRARY_EMPTY)?;
        return Ok(None);
    }
    let roots = absolute_roots(&config.library);
    let options = LoadOptions {
        max_bytes: config.max_file_bytes,
        ..LoadOptions::default()
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let scanned = scan(
        catalog,
        index,
        &roots,
        &options,
        threads,
        &AtomicBool::new(false),
        |_| {},
    );
    if let Err(e) = scanned {
        writeln!(
            err,
            "{}{}",
            s::ERR_PREFIX,
            output::line(&format!("{}{e}", s::CATALOG_WRITE_FAILED))
        )?;
    }
    let mut entries = match catalog.entries_under(&roots) {
        Ok((files, failures)) => {
            for (path, why) in failures {
                writeln!(
                    err,
                    "{}{}",
                    s::ERR_PREFIX,
                    shown(&crate::library::scan::recorded_failure(&path, why).to_string())
                )?;
            }
            files
        }
        Err(e) => {
            writeln!(
                err,
                "{}{}",
                s::ERR_PREFIX,
                output::line(&format!("{}{e}", s::CATALOG_READ_FAILED))
            )?;
            Vec::new()
        }
    };
    entries.extend(items.unwrap_or_default());
    crate::app::sort_entries(&mut entries, config.order);
    let feeds = catalog.feeds().unwrap_or_default();
    Ok(Some(Listed { entries, feeds }))
}

/// What a list line or object says about an article.
struct About {
    title: String,
    date: Option<String>,
    time: Option<String>,
    source: Option<String>,
    unread: bool,
    starred: bool,
    path: Option<String>,
    url: Option<String>,
    feeds: Vec<String>,
}

impl About {
    fn of(e: &Entry, catalog: &Catalog, feeds: &[FeedRow], stars: &HashSet<String>) -> About {
        let (path, url) = match &e.origin {
            Origin::File(p) => (Some(p.to_string_lossy().into_owned()), None),
            Origin::Item(guid) => (
                None,
                catalog
                    .item_link(e.id)
                    .ok()
                    .flatten()
                    .or_else(|| Some(guid.clone())),
            ),
            Origin::Embedded(name) => (Some(name.clone()), None),
        };
        About {
            title: shown(&e.title),
            date: e.date.as_deref().map(shown),
            time: e.time.as_deref().map(shown),
            source: e.source.as_deref().map(shown),
            unread: !e.read,
            starred: stars.contains(&e.key),
            path: path.as_deref().map(shown),
            url: url.as_deref().map(shown),
            feeds: e
                .feeds
                .iter()
                .map(|url| shown(&feed_name(feeds, url)))
                .collect(),
        }
    }

    /// `* 2024-05-06 13:26  Title  [Source]  path-or-address`: the unread mark, the date
    /// and time (blank when unknown), a star when starred, the title, the source, where it
    /// is.
    fn line(&self) -> String {
        let mark = if self.unread { '*' } else { ' ' };
        let when = match (&self.date, &self.time) {
            (Some(d), Some(t)) => format!("{d} {t}"),
            (Some(d), None) => d.clone(),
            (None, _) => String::new(),
        };
        let star = if self.starred { "★ " } else { "" };
        let mut line = format!("{mark} {when:<16}  {star}{}", self.title);
        if let Some(source) = &self.source {
            line.push_str(&format!("  [{source}]"));
        }
        if let Some(at) = self.path.as_ref().or(self.url.as_ref()) {
            line.push_str("  ");
            line.push_str(at);
        }
        line
    }

    fn json(&self) -> serde_json::Value {
        json!({
            "title": self.title,
            "date": self.date,
            "time": self.time,
            "source": self.source,
            "unread": self.unread,
            "starred": self.starred,
            "feeds": self.feeds,
            "path": self.path,
            "url": self.url,
        })
    }
}

/// The keys of the starred articles.
fn starred_keys(catalog: &Catalog) -> HashSet<String> {
    catalog
        .starred()
        .map(|list| list.into_iter().map(|s| s.key).collect())
        .unwrap_or_default()
}

/// What a feed is called: its name, else its title, else its address.
fn feed_name(feeds: &[FeedRow], url: &str) -> String {
    feeds
        .iter()
        .find(|f| f.subscription.url == url)
        .and_then(|f| f.subscription.name.clone().or_else(|| f.title.clone()))
        .unwrap_or_else(|| url.to_string())
}

/// `newsreader list`: the Articles list, as lines or JSON, with its filters.
pub(super) fn list(
    catalog: &mut Catalog,
    config: &Config,
    places: &Places,
    (json, unread, feed): (bool, bool, Option<&str>),
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let index = places
        .index
        .as_deref()
        .and_then(|d| LibraryIndex::open(d).ok());
    let Some(library) = listed(catalog, config, index.as_ref(), err)? else {
        return Ok(0);
    };
    let wanted = match feed {
        None => None,
        Some(name) => match find_feed(&library.feeds, name) {
            Some(url) => Some(url),
            None => {
                writeln!(
                    err,
                    "{}{}: {}",
                    s::ERR_PREFIX,
                    shown(name),
                    s::LIST_NO_SUCH_FEED
                )?;
                return Ok(2);
            }
        },
    };
    let stars = starred_keys(catalog);
    for e in &library.entries {
        if (unread && e.read) || wanted.as_ref().is_some_and(|u| !e.feeds.contains(u)) {
            continue;
        }
        let about = About::of(e, catalog, &library.feeds, &stars);
        if json {
            writeln!(out, "{}", output::json(&about.json()))?;
        } else {
            writeln!(out, "{}", about.line())?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// The address of the feed called `name`: by address, name or title, ignoring case.
fn find_feed(feeds: &[FeedRow], name: &str) -> Option<String> {
    let name = name.trim();
    let same = |s: &Option<String>| {
        s.as_deref()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case(name))
    };
    feeds
        .iter()
        .find(|f| f.subscription.url == name)
        .or_else(|| feeds.iter().find(|f| same(&f.subscription.name)))
        .or_else(|| feeds.iter().find(|f| same(&f.title)))
        .map(|f| f.subscription.url.clone())
}

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
