//! The commands with a sync server (`[sync]` in the config): `newsreader sync` (a progress
//! bar on standard error when it is a terminal, one summary line, status 1 on failure),
//! and `feeds add | remove | import | export | list`, which act on the server's
//! subscriptions instead of the local ones. Every message about the server has been made
//! safe to show by the sync module: none holds the password.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};

use super::{open_index, progress_bar};
use crate::catalog::Catalog;
use crate::cli::FeedsAction;
use crate::config::Config;
use crate::decode::sanitize_line;
use crate::feed::{FetchOptions, Subscription, opml};
use crate::session::Places;
use crate::strings as s;
use crate::sync::{RemoteFeed, Secret, SyncBackend, SyncError, SyncOptions, SyncSettings, connect};

/// The options of a sync run from the command line.
pub fn options(config: &Config, interactive: bool) -> SyncOptions {
    SyncOptions {
        fetch: FetchOptions {
            zone: config.timezone.clone(),
            ..FetchOptions::default()
        },
        full_text: config
            .feeds
            .iter()
            .filter(|f| f.full_text)
            .map(|f| f.url.clone())
            .collect(),
        interactive,
    }
}

/// `newsreader sync`.
pub fn sync(
    catalog: &mut Catalog,
    settings: &SyncSettings,
    config: &Config,
    places: &Places,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let index = places.index.as_deref().and_then(open_index);
    let bar = std::io::stderr().is_terminal();
    catalog.set_synced(true);
    let report = crate::sync::run(
        settings,
        &options(config, true),
        catalog,
        index.as_ref(),
        &mut |p| {
            if bar {
                let mut e = std::io::stderr();
                let _ = write!(
                    e,
                    "\r\x1b[2K{}",
                    progress_bar(s::SYNCING, p.done, p.total, "")
                );
                let _ = e.flush();
            }
        },
        &mut |_| {},
    );
    if bar {
        let _ = write!(std::io::stderr(), "\r\x1b[2K");
    }
    match report {
        Ok(r) => {
            if let Some(e) = &r.index_error {
                writeln!(
                    err,
                    "{}{}{}",
                    s::ERR_PREFIX,
                    s::INDEX_UNUSABLE,
                    sanitize_line(e)
                )?;
            }
            writeln!(
                out,
                "{} {}: {} {}, {} {}, {} {}, {} {} ({} {})",
                r.feeds,
                s::FETCH_FEEDS,
                r.new,
                s::FETCH_NEW,
                r.updated,
                s::FETCH_UPDATED,
                r.changed_here,
                s::SYNC_CHANGED_HERE,
                r.sent,
                s::SYNC_SENT,
                r.requests,
                s::SYNC_REQUESTS
            )?;
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "{}{}", s::ERR_PREFIX, sanitize_line(&e.to_string()))?;
            Ok(1)
        }
    }
}

/// `newsreader feeds …` with sync on: the server's subscriptions.
pub fn feeds(
    catalog: &mut Catalog,
    settings: &SyncSettings,
    action: &FeedsAction,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    catalog.set_synced(true);
    let failed = |err: &mut dyn Write, e: &dyn std::fmt::Display| -> std::io::Result<u8> {
        writeln!(err, "{}{}", s::ERR_PREFIX, sanitize_line(&e.to_string()))?;
        Ok(1)
    };
    if let FeedsAction::List = action {
        return list(catalog, out, err);
    }
    let mut account = match Account::open(settings) {
        Ok(a) => a,
        Err(e) => return failed(err, &e),
    };
    match action {
        FeedsAction::List => list(catalog, out, err),
        FeedsAction::Add {
            url,
            name,
            full_text,
        } => {
            let sub = Subscription {
                url: url.trim().to_string(),
                name: name.clone(),
                full_text: *full_text,
            };
            match account.add(catalog, &sub) {
                Ok(()) => {
                    writeln!(out, "{}{}", s::SYNC_SUBSCRIBED, sub.label())?;
                    writeln!(out, "{}", s::SYNC_HINT)?;
                    Ok(0)
                }
                Err(e) => failed(err, &account.scrub(e)),
            }
        }
        FeedsAction::Remove { url } => {
            let feeds = match account.refresh(catalog) {
                Ok(f) => f,
                Err(e) => return failed(err, &account.scrub(e)),
            };
            let Some(feed) = feeds.iter().find(|f| f.url == url.trim()) else {
                return failed(err, &format!("{url}: {}", s::SYNC_NOT_ON_SERVER));
            };
            if let Err(e) = account
                .backend
                .unsubscribe(&feed.id)
                .and_then(|()| account.refresh(catalog).map(|_| ()))
            {
                return failed(err, &account.scrub(e));
            }
            writeln!(out, "{}{}", s::SYNC_UNSUBSCRIBED, sanitize_line(url))?;
            Ok(0)
        }
        FeedsAction::Import { file } => {
            let bytes = match crate::files::read_capped(file, 8 << 20) {
                Ok(b) => b,
                Err(e) => return failed(err, &format!("{}: {e}", file.display())),
            };
            let subs = match opml::import(&bytes) {
                Ok(subs) => subs,
                Err(e) => return failed(err, &format!("{}: {e}", file.display())),
            };
            let known: HashSet<String> = match account.refresh(catalog) {
                Ok(feeds) => feeds.into_iter().map(|f| f.url).collect(),
                Err(e) => return failed(err, &account.scrub(e)),
            };
            let mut new = 0;
            let mut status = 0;
            for sub in subs.iter().filter(|s| !known.contains(&s.url)) {
                match account.add(catalog, sub) {
                    Ok(()) => new += 1,
                    Err(e) => {
                        let offline = e.is_offline();
                        status = failed(err, &format!("{}: {}", sub.label(), account.scrub(e)))?;
                        if offline {
                            break;
                        }
                    }
                }
            }
            writeln!(
                out,
                "{} {} ({} {})",
                subs.len(),
                s::FEEDS_IMPORTED,
                new,
                s::SYNC_NEW_ON_SERVER
            )?;
            writeln!(out, "{}", s::SYNC_HINT)?;
            Ok(status)
        }
        FeedsAction::Export => match account.refresh(catalog) {
            Ok(feeds) => {
                write!(out, "{}", opml::export(&subscriptions(&feeds)))?;
                Ok(0)
            }
            Err(e) => failed(err, &account.scrub(e)),
        },
    }
}

/// `feeds list` with sync on: the server's subscriptions as last synced, with folders and
/// counts, and when the last sync was (works with the server down).
fn list(catalog: &Catalog, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let rows = match catalog.feeds() {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "{}{}{e}", s::ERR_PREFIX, s::CATALOG_READ_FAILED)?;
            return Ok(1);
        }
    };
    if rows.is_empty() {
        writeln!(out, "{}", s::SYNC_NO_FEEDS)?;
    }
    for row in rows {
        let folder = row
            .folder
            .as_deref()
            .map(|f| format!(" [{}]", sanitize_line(f)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}{folder}\n  {}\n  {} {}, {} {}",
            row.subscription.label(),
            sanitize_line(&row.subscription.url),
            row.items,
            s::FEEDS_ITEMS,
            row.unread,
            s::FEEDS_UNREAD
        )?;
    }
    if let Ok(status) = catalog.sync_status() {
        writeln!(out, "{}", status_line(&status))?;
    }
    Ok(0)
}

/// When the last sync was, how it went, and what waits to be sent.
pub fn status_line(status: &crate::catalog::SyncStatus) -> String {
    let when = |t: Option<i64>| {
        t.and_then(|t| chrono::DateTime::from_timestamp(t, 0))
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_else(|| s::SYNC_NEVER.to_string())
    };
    let mut line = format!("{}{}", s::SYNC_LAST, when(status.last_ok));
    if let Some(e) = &status.error {
        line.push_str(&format!("; {}{}", s::SYNC_LAST_FAILED, sanitize_line(e)));
    }
    if status.queued > 0 {
        line.push_str(&format!("; {} {}", status.queued, s::SYNC_WAITING));
    }
    line
}

/// Subscriptions made of the server's feeds (names as on the server).
fn subscriptions(feeds: &[RemoteFeed]) -> Vec<Subscription> {
    feeds
        .iter()
        .map(|f| Subscription {
            url: f.url.clone(),
            name: Some(f.title.clone()).filter(|t| !t.trim().is_empty()),
            full_text: false,
        })
        .collect()
}

/// A connection to the server for the subscription commands.
struct Account {
    backend: Box<dyn SyncBackend>,
    secret: Secret,
    account: String,
}

impl Account {
    fn open(settings: &SyncSettings) -> Result<Account, SyncError> {
        let secret = Secret::find(settings.password_command.as_deref(), true)?;
        Ok(Account {
            backend: connect(settings, secret.clone())?,
            secret,
            account: settings.account(),
        })
    }

    /// The server's subscriptions, recorded in the catalog.
    fn refresh(&mut self, catalog: &mut Catalog) -> Result<Vec<RemoteFeed>, SyncError> {
        let feeds = self.backend.subscriptions()?;
        catalog.use_sync_account(&self.account)?;
        catalog.set_sync_feeds(&feeds, &HashSet::new())?;
        Ok(feeds)
    }

    /// Subscribes on the server; the full-text choice is kept here.
    fn add(&mut self, catalog: &mut Catalog, sub: &Subscription) -> Result<(), SyncError> {
        let name = sub.name.as_deref().filter(|n| !n.trim().is_empty());
        self.backend.subscribe(&sub.url, name, None)?;
        self.refresh(catalog)?;
        if sub.full_text {
            catalog.set_sync_full_text(&sub.url, true)?;
        }
        Ok(())
    }

    fn scrub(&self, e: SyncError) -> String {
        self.secret.scrub(&e.to_string())
    }
}
