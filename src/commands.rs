//! The commands that do not open the reader: `newsreader fetch`, `newsreader sync`,
//! `newsreader feeds add | import | export | list | remove` (with sync on, the `sync`
//! module's), the library listed and searched (`list`, `search`, in `library`) and printed
//! (`--json`, `--outline`, `--dump`, in [`mod@print`]). Each works on the catalog in the data
//! folder (and keeps the search index current), prints what it did on standard output,
//! problems on standard error, and gives the exit status: 0 when all went well, 1 when
//! something failed (a feed that could not be fetched, a file that could not be read,
//! nothing found), 2 for a usage mistake.

mod furniture;
mod library;
pub mod print;
mod search;
mod sync;

pub use sync::{options as sync_options, status_line as sync_status_line};

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::catalog::Catalog;
use crate::cli::{Command, FeedsAction};
use crate::config::Config;
use crate::decode::sanitize_line;
use crate::feed::{FetchOptions, Progress, Subscription, opml, secret};
use crate::index::LibraryIndex;
use crate::library::refresh::{refresh, subscriptions};
use crate::output;
use crate::session::Places;
use crate::strings as s;

/// Runs `command`, writing to `out` and `err`; returns the exit status.
pub fn run(
    command: &Command,
    config: &Config,
    places: &Places,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    // A command that cannot reach the library on disk stops here: what it did would be
    // forgotten (or, listing, it would show an empty library as if it were the real one).
    let (mut catalog, warnings) = match Catalog::open_on_disk(places.data.as_deref()) {
        Ok(opened) => opened,
        Err(e) => {
            writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&e.to_string()))?;
            return Ok(1);
        }
    };
    for w in warnings {
        writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&w))?;
    }
    // With sync on, the library's feeds and items are the sync server's.
    catalog.set_synced(config.sync.is_some());
    match (command, &config.sync) {
        (Command::Sync, Some(settings)) => {
            sync::sync(&mut catalog, settings, config, places, out, err)
        }
        (Command::Sync, None) => usage(err, s::SYNC_NOT_CONFIGURED),
        // With sync on, the server fetches the feeds: `fetch` syncs.
        (Command::Fetch, Some(settings)) => {
            sync::sync(&mut catalog, settings, config, places, out, err)
        }
        (Command::Fetch, None) => fetch(&mut catalog, config, places, out, err),
        (Command::Feeds { action }, Some(settings)) => {
            sync::feeds(&mut catalog, settings, action, out, err)
        }
        (Command::Feeds { action }, None) => feeds(&mut catalog, config, action, out, err),
        (Command::List { json, unread, feed }, _) => library::list(
            &mut catalog,
            config,
            places,
            (*json, *unread, feed.as_deref()),
            out,
            err,
        ),
        (Command::Search { query, json }, _) => {
            search::search(&mut catalog, config, places, query, *json, out, err)
        }
    }
}

fn feeds(
    catalog: &mut Catalog,
    config: &Config,
    action: &FeedsAction,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let failed = |err: &mut dyn Write, what: String| -> std::io::Result<u8> {
        writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&what))?;
        Ok(1)
    };
    match action {
        FeedsAction::Add {
            url,
            name,
            full_text,
        } => {
            if !is_web_address(url) {
                return usage(
                    err,
                    &format!("{}: {}", output::address(url), s::FEEDS_NOT_WEB),
                );
            }
            let sub = Subscription {
                url: url.trim().to_string(),
                name: name.clone(),
                full_text: *full_text,
            };
            match catalog.add_feed(&sub, true) {
                Ok(true) => writeln!(out, "{}{}", s::FEEDS_ADDED, shown(&sub))?,
                Ok(false) => writeln!(out, "{}{}", s::FEEDS_ALREADY, shown(&sub))?,
                Err(e) => return failed(err, format!("{}{e}", s::CATALOG_WRITE_FAILED)),
            }
            writeln!(out, "{}", s::FEEDS_FETCH_HINT)?;
            Ok(0)
        }
        FeedsAction::Import { file } => {
            let bytes = match crate::files::read_capped(file, 8 << 20) {
                Ok(b) => b,
                Err(e) => return failed(err, format!("{}: {e}", file.to_string_lossy())),
            };
            let subs = match opml::import(&bytes) {
                Ok(subs) => subs,
                Err(e) => return failed(err, format!("{}: {e}", file.to_string_lossy())),
            };
            let mut new = 0;
            let added = catalog.batch(|c| {
                for sub in &subs {
                    if c.add_feed(sub, true)? {
                        new += 1;
                    }
                }
                Ok(())
            });
            if let Err(e) = added {
                return failed(err, format!("{}{e}", s::CATALOG_WRITE_FAILED));
            }
            writeln!(
                out,
                "{} {} ({} {})",
                subs.len(),
                s::plural(subs.len(), s::FEEDS_IMPORTED_ONE, s::FEEDS_IMPORTED),
                new,
                s::FEEDS_NEW
            )?;
            writeln!(out, "{}", s::FEEDS_FETCH_HINT)?;
            Ok(0)
        }
        FeedsAction::Export => {
            match subscriptions(catalog, &config.feeds).and_then(|_| catalog.feeds()) {
                Ok(rows) => {
                    // A feed subscribed without a name is exported with its own title.
                    let subs: Vec<Subscription> = rows
                        .into_iter()
                        .map(|row| Subscription {
                            name: row.subscription.name.clone().or(row.title),
                            ..row.subscription
                        })
                        .collect();
                    write!(out, "{}", opml::export(&subs))?;
                    Ok(0)
                }
                Err(e) => failed(err, format!("{}{e}", s::CATALOG_READ_FAILED)),
            }
        }
        FeedsAction::List => {
            if let Err(e) = subscriptions(catalog, &config.feeds) {
                return failed(err, format!("{}{e}", s::CATALOG_READ_FAILED));
            }
            let rows = match catalog.feeds() {
                Ok(rows) => rows,
                Err(e) => return failed(err, format!("{}{e}", s::CATALOG_READ_FAILED)),
            };
            if rows.is_empty() {
                writeln!(out, "{}", s::FEEDS_NONE)?;
            }
            for row in rows {
                let origin = if row.added { "" } else { s::FEEDS_FROM_CONFIG };
                writeln!(
                    out,
                    "{}{origin}\n  {}\n  {} {}, {} {}",
                    feed_label(&row),
                    output::address(&row.subscription.url),
                    row.items,
                    s::plural(row.items, s::FEEDS_ITEM, s::FEEDS_ITEMS),
                    row.unread,
                    s::FEEDS_UNREAD
                )?;
                if let Some(e) = row.error {
                    writeln!(out, "  {}{}", s::FEEDS_LAST_ERROR, output::line(&e))?;
                }
            }
            Ok(0)
        }
        FeedsAction::Remove { url } => {
            if config
                .feeds
                .iter()
                .any(|f| secret::public(&f.url) == secret::public(url))
            {
                return failed(
                    err,
                    format!("{}: {}", output::address(url), s::FEEDS_IN_CONFIG),
                );
            }
            match catalog.remove_feed(url.trim()) {
                Ok(true) => {
                    writeln!(out, "{}{}", s::FEEDS_REMOVED, output::address(url))?;
                    Ok(0)
                }
                Ok(false) => failed(
                    err,
                    format!("{}: {}", output::address(url), s::FEEDS_NOT_SUBSCRIBED),
                ),
                Err(e) => failed(err, format!("{}{e}", s::CATALOG_WRITE_FAILED)),
            }
        }
    }
}

/// `newsreader fetch`: a progress bar on standard error when it is a terminal, each failed
/// feed on its own line, and a summary.
fn fetch(
    catalog: &mut Catalog,
    config: &Config,
    places: &Places,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let index = places.index.as_deref().and_then(open_index);
    let options = FetchOptions {
        zone: config.timezone.clone(),
        ..FetchOptions::default()
    };
    let bar = std::io::stderr().is_terminal();
    let progress = |p: Progress| {
        if bar {
            let mut e = std::io::stderr();
            let _ = write!(e, "\r\x1b[2K{}", progress_line(&p));
            let _ = e.flush();
        }
    };
    let report = refresh(
        catalog,
        index.as_ref(),
        &config.feeds,
        &options,
        progress,
        |_| {},
    );
    if bar {
        let _ = write!(std::io::stderr(), "\r\x1b[2K");
    }
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            let why = format!("{}{e}", s::CATALOG_WRITE_FAILED);
            writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&why))?;
            return Ok(1);
        }
    };
    if report.feeds == 0 {
        writeln!(out, "{}", s::FEEDS_NONE)?;
        return Ok(0);
    }
    for e in &report.failed {
        writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&e.to_string()))?;
    }
    if let Some(e) = &report.index_error {
        writeln!(
            err,
            "{}{}{}",
            s::ERR_PREFIX,
            s::INDEX_UNUSABLE,
            output::line(e)
        )?;
    }
    writeln!(
        out,
        "{} {}: {} {}, {} {}, {} {}, {} {}",
        report.feeds,
        s::plural(report.feeds, s::FETCH_FEED, s::FETCH_FEEDS),
        report.new,
        s::plural(report.new, s::FETCH_NEW_ONE, s::FETCH_NEW),
        report.updated,
        s::FETCH_UPDATED,
        report.unchanged,
        s::FETCH_UNCHANGED,
        report.failed.len(),
        s::FETCH_FAILED
    )?;
    Ok(u8::from(!report.failed.is_empty()))
}

/// What `feeds list` calls a feed: the name it was given, else its own title (from its
/// last fetch), else its address with the password masked; as [`shown`].
fn feed_label(row: &crate::catalog::FeedRow) -> String {
    match row
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(title) if row.subscription.name.is_none() => output::line(title).into_owned(),
        _ => shown(&row.subscription),
    }
}

/// One line of the progress bar: `fetching 3/10 [######    ] 人民网`.
pub fn progress_line(p: &Progress) -> String {
    let last = p.last.as_deref().map(sanitize_line).unwrap_or_default();
    progress_bar(s::FETCHING, p.done, p.total, &last)
}

/// A progress bar: `label done/total [####      ] last` (`last` cut to 30 characters).
pub fn progress_bar(label: &str, done: usize, total: usize, last: &str) -> String {
    const WIDTH: usize = 20;
    let filled = (done.min(total) * WIDTH).checked_div(total).unwrap_or(0);
    let last: String = last.chars().take(30).collect();
    format!(
        "{label}{done}/{total} [{}{}] {last}",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled)
    )
}

/// The search index, to keep current; `None` (and the reader fills it later) when it
/// cannot be used now.
fn open_index(dir: &Path) -> Option<LibraryIndex> {
    LibraryIndex::open(dir).ok()
}

/// What a subscription is called in output: its name, else its address with the password
/// masked, either shown with [`output::line`].
fn shown(sub: &Subscription) -> String {
    match sub.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => output::line(name).into_owned(),
        None => output::address(&sub.url),
    }
}

/// Whether `url` is an http or https address.
fn is_web_address(url: &str) -> bool {
    url::Url::parse(url.trim())
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
}

/// A usage mistake: the message, status 2.
fn usage(err: &mut dyn Write, what: &str) -> std::io::Result<u8> {
    writeln!(err, "{}{}", s::ERR_PREFIX, output::line(what))?;
    Ok(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_feeds() {
        assert!(is_web_address("https://example.com/rss.xml"));
        assert!(is_web_address(" http://127.0.0.1:8080/feed "));
        for bad in [
            "file:///etc/passwd",
            "ftp://x.org/f",
            "example.com/rss",
            "https://",
            "",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn the_progress_bar_fills() {
        let p = Progress {
            done: 5,
            total: 10,
            failed: 0,
            last: Some("人民网".into()),
        };
        assert_eq!(
            progress_line(&p),
            format!("{}5/10 [##########          ] 人民网", s::FETCHING)
        );
    }
}
