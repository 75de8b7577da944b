//! News feeds: subscriptions, fetching over HTTP and turning feed items into articles.
//!
//! A news reader that only opens saved files does not bring the news; this module brings it.
//! It knows the subscriptions (from the config or an OPML file), fetches feeds politely
//! (conditional requests, a few at a time and one per host, bounded sizes, times and
//! redirects), reads RSS, Atom and JSON Feed in whatever charset the publisher chose, and
//! makes every item an [`Article`] through the same front ends as files, fetching the item's
//! page when a feed carries only summaries. It stores nothing: the caller keeps the
//! validators and items it returns. Everything that comes from the network is untrusted:
//! it is sanitised like file text, size-capped and never used to name files.
//!
//! The layout: [`opml`] reads and writes subscription lists; `http` is the client and
//! `gate` the per-host turns; `charset` decodes a response; `repair` makes XML that is not
//! well-formed readable and `json` fits off-spec JSON Feeds to the schema; `parse`, `dates`,
//! `zone`, `text` and `item` turn a feed document into [`FeedItem`]s; `fulltext` fetches item
//! pages; `fetch` runs it all for many feeds at once and reports [`Progress`]; `error` says
//! what went wrong in words a user understands; `remote` makes items of what a sync server
//! sends, by the same rules.

mod charset;
mod dates;
mod error;
mod fetch;
mod fulltext;
mod gate;
mod http;
mod item;
mod json;
pub mod opml;
mod parse;
mod remote;
mod repair;
pub mod secret;
mod text;
mod zone;

pub use error::{FeedError, Problem};
pub use fetch::{FetchOptions, Progress, fetch, fetch_resource};
pub use item::{FeedItem, FullText, KeptBecause};
pub use parse::{ParseContext, ParsedFeed, parse_feed};
pub use remote::{RemoteParts, complete_full_text, item_from_parts};
pub use repair::{Fix, Repair};
pub use zone::Zone;

pub(crate) use http::{USER_AGENT, classify, is_loopback};

use std::collections::HashSet;

use crate::article::Article;
use crate::decode::sanitize_line;

/// One feed someone subscribed to, as written in the config (`[[feeds]]`) or an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The feed's address (http or https).
    pub url: String,
    /// The name to show instead of the feed's own title.
    pub name: Option<String>,
    /// Fetch every item's web page and read the article there, instead of the feed's text.
    pub full_text: bool,
}

impl Subscription {
    /// A subscription to `url` with no name and no full-text fetching.
    pub fn new(url: impl Into<String>) -> Subscription {
        Subscription {
            url: url.into(),
            name: None,
            full_text: false,
        }
    }

    /// What to call the feed on screen and in messages: its name, else its address with
    /// any password masked, sanitised.
    pub fn label(&self) -> String {
        let name = self.name.as_deref().map(str::trim).unwrap_or_default();
        if name.is_empty() {
            sanitize_line(&secret::masked(&self.url))
        } else {
            sanitize_line(name)
        }
    }
}

/// What the server said about the feed's version last time, sent back so that an unchanged
/// feed answers `304 Not Modified` and costs nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// One feed to fetch and what is known about it from earlier fetches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedRequest {
    /// The feed.
    pub subscription: Subscription,
    /// The validators stored from the last successful fetch.
    pub validators: Validators,
    /// Guids of items whose full text the store already holds: their pages are not fetched
    /// again (such items come back with [`FullText::Known`]).
    pub have_full_text: HashSet<String>,
}

impl FeedRequest {
    /// A first fetch of `subscription`: no validators, nothing known.
    pub fn new(subscription: Subscription) -> FeedRequest {
        FeedRequest {
            subscription,
            ..FeedRequest::default()
        }
    }
}

impl Default for Subscription {
    fn default() -> Self {
        Subscription::new("")
    }
}

/// What fetching one feed came to.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedOutcome {
    /// The server answered `304 Not Modified`: nothing changed since the validators were
    /// stored.
    NotModified,
    /// The feed was read.
    Updated {
        /// Validators to store for the next fetch.
        validators: Validators,
        /// The feed's own title (sanitised), when it has one.
        title: Option<String>,
        /// The address the feed was finally read from, after redirects.
        url: String,
        /// The items, in feed order.
        items: Vec<FeedItem>,
    },
    /// The feed could not be fetched or read.
    Failed(FeedError),
}

impl FeedOutcome {
    /// The error, when the fetch failed.
    pub fn error(&self) -> Option<&FeedError> {
        match self {
            FeedOutcome::Failed(e) => Some(e),
            _ => None,
        }
    }
}

/// How many visible (non-space) characters an article's headings and paragraphs hold, for
/// comparing how much text two versions of an article carry.
fn text_chars(article: &Article) -> usize {
    article
        .sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter()))
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}
