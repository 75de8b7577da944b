//! The library on the command line: `newsreader list` prints the Articles list (the files of
//! the configured folders and the feed items, in the list's order, with its filters);
//! `newsreader search` (in `search.rs`) shares its listing. Both first bring the catalog up
//! to date with the folders, as the reader does when it starts, so that what they print is
//! what the reader would show.

use std::collections::HashSet;
use std::io::Write;
use std::sync::atomic::AtomicBool;

use serde_json::json;

use crate::catalog::{Catalog, FeedRow};
use crate::config::Config;
use crate::index::LibraryIndex;
use crate::library::LoadOptions;
use crate::library::scan::{absolute_roots, reconcile_index, scan};
use crate::model::{Entry, Origin};
use crate::output;
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
pub(super) fn shown(text: &str) -> String {
    output::line(text).into_owned()
}

/// The library as the reader lists it, brought up to date first.
pub(super) struct Listed {
    /// The articles in list order.
    pub(super) entries: Vec<Entry>,
    /// The feeds subscribed to.
    pub(super) feeds: Vec<FeedRow>,
}

/// Brings the catalog (and `index`) up to date with the configured folders, then lists the
/// library in the order of the Articles list. `None` (said on `err`) when the library is
/// empty: no folders and no feeds.
pub(super) fn listed(
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
    match scanned {
        Err(e) => writeln!(
            err,
            "{}{}",
            s::ERR_PREFIX,
            output::line(&format!("{}{e}", s::CATALOG_WRITE_FAILED))
        )?,
        // Then the index is made to hold every article of the catalog and records the
        // parser that built it, as the reader does after its scan: without that label a
        // search cannot trust the index and reads every article.
        Ok(_) => {
            if let Some(index) = index
                && let Err(e) = reconcile_index(catalog, index, &AtomicBool::new(false))
            {
                writeln!(
                    err,
                    "{}{}",
                    s::ERR_PREFIX,
                    output::line(&format!("{}{e}", s::INDEX_UNUSABLE))
                )?;
            }
        }
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
pub(super) struct About {
    pub(super) title: String,
    pub(super) date: Option<String>,
    pub(super) time: Option<String>,
    pub(super) source: Option<String>,
    pub(super) unread: bool,
    pub(super) starred: bool,
    pub(super) path: Option<String>,
    pub(super) url: Option<String>,
    pub(super) feeds: Vec<String>,
}

impl About {
    pub(super) fn of(
        e: &Entry,
        catalog: &Catalog,
        feeds: &[FeedRow],
        stars: &HashSet<String>,
    ) -> About {
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
    pub(super) fn line(&self) -> String {
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

    pub(super) fn json(&self) -> serde_json::Value {
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
pub(super) fn starred_keys(catalog: &Catalog) -> HashSet<String> {
    catalog
        .starred()
        .map(|list| list.into_iter().map(|s| s.key).collect())
        .unwrap_or_default()
}

/// What a feed is called: its name, else its title, else its address.
pub(super) fn feed_name(feeds: &[FeedRow], url: &str) -> String {
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
