//! What can go wrong with a feed, in words a user understands: which feed, and whether the
//! name did not resolve, the server refused, timed out, answered an error status, sent too
//! much, redirected in circles or somewhere not allowed, or sent something that is not a
//! feed. Every value that came from the network is sanitised before it is stored here.

use std::fmt;

use crate::decode::sanitize_line;
use crate::strings as s;

/// Longest parser reason or system message kept in a [`Problem`], in characters.
const MAX_REASON_CHARS: usize = 300;

/// A feed that could not be fetched or read, and why. Displays as `feed: problem`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{feed}: {problem}")]
pub struct FeedError {
    /// The feed's name or address, sanitised.
    pub feed: String,
    /// What went wrong.
    pub problem: Problem,
}

impl FeedError {
    /// The error `problem` for the feed shown as `feed` (sanitised here).
    pub fn new(feed: &str, problem: Problem) -> FeedError {
        let feed = sanitize_line(feed.trim());
        FeedError {
            feed: if feed.is_empty() {
                s::FEED_UNNAMED.to_string()
            } else {
                feed
            },
            problem,
        }
    }
}

/// Why a feed (or an item's page) could not be fetched or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The address does not parse.
    BadUrl(String),
    /// The address is not http or https (`file:`, `ftp:`, …); the scheme.
    UnsupportedScheme(String),
    /// A redirect pointed at an address that is not http or https; the target.
    RedirectScheme(String),
    /// The host name could not be resolved; the host.
    Dns(String),
    /// The server refused the connection; the host.
    Refused(String),
    /// Another failure to connect; the reason.
    Connect(String),
    /// The server took longer than the timeouts allow.
    Timeout,
    /// The server answered an error status.
    Status {
        /// The HTTP status code.
        code: u16,
        /// Its standard meaning (`Not Found`), when it has one.
        reason: String,
    },
    /// The response is larger than the size cap; the cap in bytes.
    TooLarge(u64),
    /// Following redirects led back to an address already visited; that address.
    RedirectLoop(String),
    /// More redirects than allowed; the limit.
    TooManyRedirects(u32),
    /// A redirect without a usable `Location` header.
    BadRedirect,
    /// TLS failed; the reason.
    Tls(String),
    /// Another network or protocol error; the reason.
    Network(String),
    /// The body is binary data.
    Binary,
    /// The body is empty.
    Empty,
    /// The document is not RSS, Atom or JSON Feed; the parser's reason.
    NotAFeed(String),
    /// The XML is not well-formed; the parser's reason.
    BadXml(String),
    /// The JSON is not valid; the parser's reason.
    BadJson(String),
}

impl Problem {
    /// `reason` made safe to show: sanitised and cut to a readable length.
    pub(crate) fn reason(reason: &str) -> String {
        let clean = sanitize_line(reason)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if clean.chars().count() <= MAX_REASON_CHARS {
            clean
        } else {
            let mut cut: String = clean.chars().take(MAX_REASON_CHARS).collect();
            cut.push('…');
            cut
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::BadUrl(url) => write!(f, "{}: {url}", s::FEED_ERR_BAD_URL),
            Problem::UnsupportedScheme(scheme) => write!(f, "{} {scheme}:", s::FEED_ERR_SCHEME),
            Problem::RedirectScheme(to) => write!(f, "{} {to}", s::FEED_ERR_REDIRECT_SCHEME),
            Problem::Dns(host) => write!(f, "{} {host}", s::FEED_ERR_DNS),
            Problem::Refused(host) => write!(f, "{} {host}", s::FEED_ERR_REFUSED),
            Problem::Connect(why) => write!(f, "{} {why}", s::FEED_ERR_CONNECT),
            Problem::Timeout => f.write_str(s::FEED_ERR_TIMEOUT),
            Problem::Status { code, reason } if reason.is_empty() => {
                write!(f, "{} {code}", s::FEED_ERR_STATUS)
            }
            Problem::Status { code, reason } => write!(f, "{} {code} {reason}", s::FEED_ERR_STATUS),
            Problem::TooLarge(cap) => write!(f, "{} {}", s::FEED_ERR_TOO_LARGE, size(*cap)),
            Problem::RedirectLoop(url) => write!(f, "{} {url}", s::FEED_ERR_REDIRECT_LOOP),
            Problem::TooManyRedirects(n) => write!(f, "{} {n}", s::FEED_ERR_TOO_MANY_REDIRECTS),
            Problem::BadRedirect => f.write_str(s::FEED_ERR_BAD_REDIRECT),
            Problem::Tls(why) => write!(f, "{} {why}", s::FEED_ERR_TLS),
            Problem::Network(why) => write!(f, "{} {why}", s::FEED_ERR_NETWORK),
            Problem::Binary => f.write_str(s::FEED_ERR_BINARY),
            Problem::Empty => f.write_str(s::FEED_ERR_EMPTY),
            Problem::NotAFeed(why) => write!(f, "{} {why}", s::FEED_ERR_NOT_A_FEED),
            Problem::BadXml(why) => write!(f, "{} {why}", s::FEED_ERR_BAD_XML),
            Problem::BadJson(why) => write!(f, "{} {why}", s::FEED_ERR_BAD_JSON),
        }
    }
}

impl std::error::Error for Problem {}

/// A byte count as people say it: `8 MB`, `512 KB`, `100 bytes`.
fn size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= KB && bytes.is_multiple_of(KB) {
        format!("{} KB", bytes / KB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_feed_and_say_what_happened() {
        let e = FeedError::new("人民网\u{1b}[31m", Problem::Dns("news.example".into()));
        assert_eq!(
            e.to_string(),
            format!("人民网[31m: {} news.example", s::FEED_ERR_DNS)
        );
        let e = FeedError::new(
            "",
            Problem::Status {
                code: 404,
                reason: "Not Found".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "(feed): the server answered HTTP 404 Not Found"
        );
        assert_eq!(
            Problem::TooLarge(8 * 1024 * 1024).to_string(),
            "the response is larger than the limit of 8 MB"
        );
        assert_eq!(
            Problem::UnsupportedScheme("file".into()).to_string(),
            "only http:// and https:// addresses can be fetched, not file:"
        );
    }

    #[test]
    fn reasons_are_sanitised_and_cut() {
        assert_eq!(Problem::reason(" bad\u{202e}tag\n here "), "badtag here");
        let long = "x".repeat(1000);
        assert_eq!(Problem::reason(&long).chars().count(), MAX_REASON_CHARS + 1);
    }
}
