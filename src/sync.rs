//! Sync with the reader's own feed server: FreshRSS, Miniflux, Inoreader and the other
//! servers that speak the Google Reader API, or Miniflux's own API. With a `[sync]` table in
//! the config, the server holds the subscriptions (with their folders), the read marks and
//! the stars; the reader keeps a copy of everything in the catalog and works from it, so it
//! starts and reads with the server down. A sync brings the server's news (subscriptions,
//! new items, read and starred changes made elsewhere) into the catalog and the search
//! index, and sends the changes made here, which wait in the catalog until one is sent.
//!
//! The layout: [`SyncBackend`] is what a protocol must do, implemented once per protocol
//! (`greader`, `miniflux`) over a small blocking client (`http`, on `ureq`); `ids` reads the
//! three forms an item id comes in; `secret` finds the password (never stored, never
//! printed); `engine` runs one sync against the catalog.

mod engine;
mod greader;
mod http;
mod ids;
mod miniflux;
mod secret;

use std::fmt;

pub use engine::{SyncOptions, SyncProgress, SyncReport, run, sync_with};
pub use ids::RemoteId;
pub use secret::{PASSWORD_ENV, Secret};

use crate::decode::sanitize_line;
use crate::feed::Problem;
use crate::strings as s;

/// Which API the server is spoken to in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// The Google Reader API (FreshRSS, Miniflux's `/reader/api/0`, Inoreader and others).
    GReader,
    /// Miniflux's own REST API (`/v1/...`, an API key in `X-Auth-Token`).
    Miniflux,
}

impl Provider {
    /// The name written in the config (`greader`, `miniflux`).
    pub fn name(self) -> &'static str {
        match self {
            Provider::GReader => "greader",
            Provider::Miniflux => "miniflux",
        }
    }

    /// The provider named `text` in the config.
    pub fn parse(text: &str) -> Option<Provider> {
        match text.trim().to_ascii_lowercase().as_str() {
            "greader" => Some(Provider::GReader),
            "miniflux" => Some(Provider::Miniflux),
            _ => None,
        }
    }
}

/// The `[sync]` table of the config: which server, and how to find the password. The
/// password itself is never part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncSettings {
    /// The API spoken.
    pub provider: Provider,
    /// The API's base address, as the server documents it (FreshRSS:
    /// `https://host/api/greader.php`; Miniflux: its root).
    pub url: String,
    /// The user name (GReader login; Miniflux does not need one with an API key).
    pub user: String,
    /// A command whose first line of output is the password (or Miniflux API key).
    pub password_command: Option<String>,
}

impl SyncSettings {
    /// What identifies the account in the catalog (never the password): a change of server
    /// or user starts the synced state afresh.
    pub fn account(&self) -> String {
        format!(
            "{} {} {}",
            self.provider.name(),
            self.url.trim_end_matches('/'),
            self.user
        )
    }
}

/// One subscription on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFeed {
    /// The server's id for it (`feed/2` in the Google Reader API, `42` in Miniflux's).
    pub id: String,
    /// The feed's own address.
    pub url: String,
    /// Its title on the server.
    pub title: String,
    /// The folder (category) it is filed in.
    pub folder: Option<String>,
}

/// One item as the server sends it.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteItem {
    /// The item's id on the server.
    pub id: RemoteId,
    /// The server's id of its feed.
    pub feed: String,
    /// The title as sent.
    pub title: String,
    /// Whether the title is HTML (the Google Reader API escapes titles; Miniflux does not).
    pub title_is_html: bool,
    /// The item's web page.
    pub link: Option<String>,
    /// When it was published (seconds since the epoch).
    pub published: Option<i64>,
    /// The author as sent.
    pub author: Option<String>,
    /// The content (HTML, or plain text).
    pub content: String,
    /// Whether it is read on the server.
    pub read: bool,
    /// Whether it is starred on the server.
    pub starred: bool,
}

/// The read and starred state on the server, as one pull learned it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServerState {
    /// With the Google Reader API, every unread and every starred item (complete sets):
    /// an item in neither is read and not starred.
    pub full: Option<FullState>,
    /// Items whose state is known one by one (Miniflux: those changed since the last
    /// sync, and those that came whole): id, read, starred.
    pub items: Vec<(RemoteId, bool, bool)>,
}

/// Every unread and every starred item on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FullState {
    /// The unread items.
    pub unread: std::collections::HashSet<RemoteId>,
    /// The starred items.
    pub starred: std::collections::HashSet<RemoteId>,
}

impl ServerState {
    /// What the server says of item `id` (read, starred), when it says anything.
    pub fn of(&self, id: &RemoteId) -> Option<(bool, bool)> {
        if let Some((_, r, s)) = self.items.iter().rev().find(|(i, _, _)| i == id) {
            return Some((*r, *s));
        }
        self.full
            .as_ref()
            .map(|f| (!f.unread.contains(id), f.starred.contains(id)))
    }
}

/// Where the last sync left off, so that the next one asks only for what is new.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The highest item id seen (the Google Reader API's ids as numbers; Miniflux's entry
    /// ids). `None` before the first sync.
    pub max_id: Option<u64>,
    /// When the last sync started, by the server's clock (seconds since the epoch).
    pub since: Option<i64>,
}

/// What a pull brought besides the items it handed over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pulled {
    /// The read and starred state on the server.
    pub state: ServerState,
    /// Where the next sync starts.
    pub cursor: Cursor,
}

/// A change of state made here, to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The item.
    pub id: RemoteId,
    /// What changed.
    pub kind: MarkKind,
    /// The new value (read, or starred).
    pub on: bool,
}

/// Which state a [`Mark`] changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// Read (on) or unread (off).
    Read,
    /// Starred (on) or not (off).
    Star,
}

impl MarkKind {
    /// How the kind is stored in the catalog's queue.
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Read => "read",
            MarkKind::Star => "star",
        }
    }

    /// The kind stored as `name`.
    pub fn parse(name: &str) -> Option<MarkKind> {
        match name {
            "read" => Some(MarkKind::Read),
            "star" => Some(MarkKind::Star),
            _ => None,
        }
    }
}

/// How far a pull has come: items whose contents have arrived, of those wanted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PullProgress {
    /// Items received.
    pub done: usize,
    /// Items wanted (0 while not yet known).
    pub total: usize,
}

/// Receives the items of a pull, a batch at a time, as they arrive.
pub type ItemSink<'a> = dyn FnMut(Vec<RemoteItem>, PullProgress) -> Result<(), SyncError> + 'a;

/// What talking to a sync server takes; one implementation per protocol. Every method may
/// log in first (and again once, when the server says the login went stale).
pub trait SyncBackend: Send {
    /// The subscriptions, with their folders.
    fn subscriptions(&mut self) -> Result<Vec<RemoteFeed>, SyncError>;

    /// The server's news since `cursor`: items not known here are handed to `sink` in
    /// batches as their contents arrive (each item once), and the read and starred state
    /// is returned. `known` says whether an item is already in the catalog.
    fn pull(
        &mut self,
        cursor: &Cursor,
        known: &dyn Fn(&RemoteId) -> bool,
        sink: &mut ItemSink<'_>,
    ) -> Result<Pulled, SyncError>;

    /// Sends changes of state made here; each is a real change (the server's state
    /// differs), batched as the protocol allows.
    fn push(&mut self, marks: &[Mark]) -> Result<(), SyncError>;

    /// Subscribes to the feed at `url` (named `title`, in `folder`); the server's id.
    fn subscribe(
        &mut self,
        url: &str,
        title: Option<&str>,
        folder: Option<&str>,
    ) -> Result<String, SyncError>;

    /// Unsubscribes from the feed with the server's id `feed`.
    fn unsubscribe(&mut self, feed: &str) -> Result<(), SyncError>;

    /// How many HTTP requests this backend has made.
    fn requests(&self) -> usize;
}

/// A backend for `settings`, holding `secret` for logging in.
pub fn connect(settings: &SyncSettings, secret: Secret) -> Result<Box<dyn SyncBackend>, SyncError> {
    let client = http::Client::new(&settings.url)?;
    Ok(match settings.provider {
        Provider::GReader => Box::new(greader::GReader::new(client, &settings.user, secret)),
        Provider::Miniflux => Box::new(miniflux::Miniflux::new(client, secret)),
    })
}

/// Why a sync (or a subscription change on the server) failed. Nothing here holds the
/// password: every value from the server is sanitised and cut short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// The server could not be reached (or answered nothing in time).
    Offline(Problem),
    /// The server refused the user name or password.
    LoginRefused,
    /// The server answered an unexpected status; the request's name, status, body start.
    Status {
        /// What was asked (`subscription/list`).
        what: String,
        /// The HTTP status.
        code: u16,
        /// The start of the body, sanitised.
        said: String,
    },
    /// The server answered something this client cannot read; what, and why.
    Protocol {
        /// What was asked.
        what: String,
        /// What was wrong with the answer.
        why: String,
    },
    /// The server refused a request in its body (`Already subscribed!`).
    Refused(String),
    /// The password could not be found; why.
    Password(String),
    /// The config's address is not usable; why.
    BadUrl(String),
    /// The catalog could not be read or written.
    Catalog(String),
}

impl SyncError {
    /// Whether the server could not be reached at all (the reader says so and goes on).
    pub fn is_offline(&self) -> bool {
        matches!(self, SyncError::Offline(_))
    }

    /// A status error with the body's start, made safe to show.
    pub(crate) fn status(what: &str, code: u16, body: &[u8]) -> SyncError {
        SyncError::Status {
            what: what.to_string(),
            code,
            said: short(&String::from_utf8_lossy(body)),
        }
    }

    /// A protocol error, made safe to show.
    pub(crate) fn protocol(what: &str, why: &str) -> SyncError {
        SyncError::Protocol {
            what: what.to_string(),
            why: short(why),
        }
    }
}

impl From<crate::catalog::CatalogError> for SyncError {
    fn from(e: crate::catalog::CatalogError) -> Self {
        SyncError::Catalog(short(&e.to_string()))
    }
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::Offline(p) => write!(f, "{} ({p})", s::SYNC_ERR_OFFLINE),
            SyncError::LoginRefused => f.write_str(s::SYNC_ERR_LOGIN),
            SyncError::Status { what, code, said } if said.is_empty() => {
                write!(f, "{what}: {} {code}", s::FEED_ERR_STATUS)
            }
            SyncError::Status { what, code, said } => {
                write!(f, "{what}: {} {code} ({said})", s::FEED_ERR_STATUS)
            }
            SyncError::Protocol { what, why } => {
                write!(f, "{what}: {} ({why})", s::SYNC_ERR_PROTOCOL)
            }
            SyncError::Refused(why) => write!(f, "{} {why}", s::SYNC_ERR_REFUSED),
            SyncError::Password(why) => write!(f, "{} {why}", s::SYNC_ERR_PASSWORD),
            SyncError::BadUrl(why) => write!(f, "{} {why}", s::SYNC_ERR_URL),
            SyncError::Catalog(why) => write!(f, "{}{why}", s::CATALOG_WRITE_FAILED),
        }
    }
}

impl std::error::Error for SyncError {}

/// Text from the server made safe to show: one sanitised line of at most 120 characters.
pub(crate) fn short(text: &str) -> String {
    let line = sanitize_line(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if line.chars().count() <= 120 {
        line
    } else {
        let mut cut: String = line.chars().take(120).collect();
        cut.push('…');
        cut
    }
}
