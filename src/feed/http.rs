//! The HTTP client for feeds and item pages, on `ureq` with rustls. It is polite and
//! careful: conditional requests (`If-None-Match`, `If-Modified-Since`), gzip, a
//! User-Agent naming the program, proxies from the environment (never for the loopback
//! address), connect and read timeouts, and a size cap enforced while the body is read.
//! Redirects are followed here rather than inside `ureq`, so that every hop is checked:
//! only http and https, at most a few hops, no address visited twice, and each hop waits
//! for its host's turn at the [`Gate`].

use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::http::{Response, StatusCode};
use url::{Host, Url};

use super::gate::{Gate, Slot};
use super::{Problem, Validators};
use crate::decode::sanitize_line;

/// The User-Agent header: the program and its version.
pub(crate) const USER_AGENT: &str = concat!(
    env!("CARGO_PKG_NAME"),
    "/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader)"
);

/// What a feed request accepts, best first.
pub(crate) const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, \
    application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, \
    */*;q=0.8";

/// What a page request accepts.
pub(crate) const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.8";

/// Longest validator kept (an `ETag` or `Last-Modified` value), in bytes.
const MAX_VALIDATOR_BYTES: usize = 256;

/// The client's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    pub total_timeout: Duration,
    pub max_bytes: u64,
    pub max_redirects: u32,
    pub proxy_from_env: bool,
}

/// A response worth reading.
#[derive(Debug)]
pub(crate) enum Fetched {
    /// `304 Not Modified`.
    NotModified,
    /// A `2xx` response and its body.
    Body {
        bytes: Vec<u8>,
        content_type: Option<String>,
        validators: Validators,
        /// The address finally read, after redirects.
        url: Url,
    },
}

/// The client: one agent that may use the environment's proxy and one that never does
/// (for loopback addresses), sharing the same limits.
pub(crate) struct Client {
    proxied: Agent,
    direct: Agent,
    limits: Limits,
}

impl Client {
    /// A client with these limits.
    pub(crate) fn new(limits: Limits) -> Client {
        let agent = |proxy: Option<ureq::Proxy>| {
            Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(0)
                .user_agent(USER_AGENT)
                .proxy(proxy)
                .timeout_connect(Some(limits.connect_timeout))
                .timeout_per_read(Some(limits.read_timeout))
                .timeout_global(Some(limits.total_timeout))
                .build()
                .new_agent()
        };
        let env_proxy = if limits.proxy_from_env {
            ureq::Proxy::try_from_env()
        } else {
            None
        };
        Client {
            proxied: agent(env_proxy),
            direct: agent(None),
            limits,
        }
    }

    /// GETs `start`, following redirects, waiting for each host's turn at `gate` (`slot`,
    /// when given, is the turn already held for the first host).
    pub(crate) fn get(
        &self,
        start: &str,
        validators: &Validators,
        accept: &str,
        gate: &Gate,
        slot: Option<Slot<'_>>,
    ) -> Result<Fetched, Problem> {
        self.get_until(start, validators, accept, gate, slot, None)
    }

    /// [`Client::get`], all of it (waiting for turns, redirects, the body) over by
    /// `deadline` when one is given: [`Problem::Timeout`] after that.
    pub(crate) fn get_until(
        &self,
        start: &str,
        validators: &Validators,
        accept: &str,
        gate: &Gate,
        mut slot: Option<Slot<'_>>,
        deadline: Option<Instant>,
    ) -> Result<Fetched, Problem> {
        let mut url = http_url(start)?;
        // A login in the address goes as Basic authentication, to the same origin only
        // (a redirect elsewhere must not learn it), and never in the request line.
        let auth = super::secret::basic_auth(&url).map(|a| (url.origin(), a));
        url = super::secret::without_login(&url);
        let mut seen = vec![url.clone()];
        for _hop in 0..=self.limits.max_redirects {
            let host = host_key(&url);
            let _turn = match slot.take() {
                Some(s) if s.host() == host => s,
                _ => gate.acquire(&host),
            };
            let login = auth
                .as_ref()
                .filter(|(origin, _)| *origin == url.origin())
                .map(|(_, header)| header.as_str());
            let left = match deadline {
                Some(d) => match d.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => Some(left),
                    _ => return Err(Problem::Timeout),
                },
                None => None,
            };
            let mut response = self.request(&url, validators, accept, login, left)?;
            let status = response.status();
            if status == StatusCode::NOT_MODIFIED {
                return Ok(Fetched::NotModified);
            }
            if status.is_redirection() {
                let next = header(&response, "location")
                    .and_then(|l| url.join(l.trim()).ok())
                    .ok_or(Problem::BadRedirect)?;
                if !matches!(next.scheme(), "http" | "https") {
                    return Err(Problem::RedirectScheme(shown(next.as_str())));
                }
                if seen.contains(&next) {
                    return Err(Problem::RedirectLoop(shown(next.as_str())));
                }
                seen.push(next.clone());
                url = next;
                continue;
            }
            if !status.is_success() {
                return Err(Problem::Status {
                    code: status.as_u16(),
                    reason: status.canonical_reason().unwrap_or_default().to_string(),
                });
            }
            let bytes = self.read_body(&mut response, &host)?;
            return Ok(Fetched::Body {
                bytes,
                content_type: header(&response, "content-type").map(str::to_string),
                validators: Validators {
                    etag: header(&response, "etag").and_then(validator),
                    last_modified: header(&response, "last-modified").and_then(validator),
                },
                url,
            });
        }
        Err(Problem::TooManyRedirects(self.limits.max_redirects))
    }

    fn request(
        &self,
        url: &Url,
        validators: &Validators,
        accept: &str,
        login: Option<&str>,
        left: Option<Duration>,
    ) -> Result<Response<ureq::Body>, Problem> {
        let agent = if is_loopback(url) {
            &self.direct
        } else {
            &self.proxied
        };
        let mut request = agent.get(url.as_str()).header("Accept", accept);
        if let Some(header) = login {
            request = request.header("Authorization", header);
        }
        if let Some(etag) = validators.etag.as_deref().and_then(validator) {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = validators.last_modified.as_deref().and_then(validator) {
            request = request.header("If-Modified-Since", date);
        }
        if let Some(left) = left {
            // The whole exchange, body included, ends by the deadline.
            let global = left.min(self.limits.total_timeout);
            request = request.config().timeout_global(Some(global)).build();
        }
        request
            .call()
            .map_err(|e| classify(e, &host_key(url), self.limits.max_bytes))
    }

    /// The body, refused as soon as it is known to pass the cap (from `Content-Length`, or
    /// while reading the decompressed bytes).
    fn read_body(
        &self,
        response: &mut Response<ureq::Body>,
        host: &str,
    ) -> Result<Vec<u8>, Problem> {
        let cap = self.limits.max_bytes;
        let declared =
            header(response, "content-length").and_then(|v| v.trim().parse::<u64>().ok());
        let gzipped = header(response, "content-encoding").is_some_and(|v| v.contains("gzip"));
        if declared.is_some_and(|n| n > cap) && !gzipped {
            return Err(Problem::TooLarge(cap));
        }
        response
            .body_mut()
            .with_config()
            .limit(cap)
            .read_to_vec()
            .map_err(|e| classify(e, host, cap))
    }
}

/// A header's value as text, when it is text.
fn header<'r>(response: &'r Response<ureq::Body>, name: &str) -> Option<&'r str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

/// A validator worth storing and sending back: printable ASCII, not too long.
fn validator(value: &str) -> Option<String> {
    let v = value.trim();
    let ok = !v.is_empty()
        && v.len() <= MAX_VALIDATOR_BYTES
        && v.bytes().all(|b| (0x20..0x7f).contains(&b));
    ok.then(|| v.to_string())
}

/// Parses an address that may be fetched: http or https with a host.
pub(crate) fn http_url(text: &str) -> Result<Url, Problem> {
    let url = Url::parse(text.trim())
        .map_err(|e| Problem::BadUrl(Problem::reason(&format!("{} ({e})", shown(text)))))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Problem::UnsupportedScheme(sanitize_line(url.scheme())));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Problem::BadUrl(Problem::reason(&shown(text))));
    }
    Ok(url)
}

/// An address as it may appear in a message: its password masked, sanitised.
fn shown(text: &str) -> String {
    sanitize_line(&super::secret::masked(text))
}

/// The key under which requests to a host take turns: the host name in lower case,
/// whatever the port and scheme.
pub(crate) fn host_key(url: &Url) -> String {
    url.host_str().unwrap_or_default().to_ascii_lowercase()
}

/// The host part of an address given as text, for taking turns before it is fetched.
pub(crate) fn host_of(text: &str) -> String {
    Url::parse(text.trim())
        .map(|u| host_key(&u))
        .unwrap_or_default()
}

/// Whether the address is this machine (a proxy could not reach it).
pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// A `ureq` error in the user's words.
pub(crate) fn classify(e: ureq::Error, host: &str, cap: u64) -> Problem {
    use std::io::ErrorKind;
    let host = sanitize_line(host);
    match e {
        ureq::Error::HostNotFound => Problem::Dns(host),
        ureq::Error::Timeout(_) => Problem::Timeout,
        ureq::Error::BodyExceedsLimit(_) => Problem::TooLarge(cap),
        ureq::Error::TooManyRedirects => Problem::TooManyRedirects(0),
        ureq::Error::BadUri(u) => Problem::BadUrl(Problem::reason(&u)),
        ureq::Error::ConnectionFailed => Problem::Connect(host),
        ureq::Error::Tls(why) => Problem::Tls(why.to_string()),
        ureq::Error::Rustls(r) => Problem::Tls(Problem::reason(&r.to_string())),
        ureq::Error::Io(io) => {
            let text = io.to_string();
            match io.kind() {
                ErrorKind::ConnectionRefused => Problem::Refused(host),
                ErrorKind::TimedOut | ErrorKind::WouldBlock => Problem::Timeout,
                _ if text.contains("lookup address") || text.contains("Name or service") => {
                    Problem::Dns(host)
                }
                ErrorKind::NotConnected | ErrorKind::AddrNotAvailable => {
                    Problem::Connect(Problem::reason(&text))
                }
                _ => Problem::Network(Problem::reason(&text)),
            }
        }
        other => Problem::Network(Problem::reason(&other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_fetched() {
        assert!(http_url("https://news.example/rss").is_ok());
        assert!(http_url(" http://127.0.0.1:8080/a ").is_ok());
        assert_eq!(
            http_url("file:///etc/passwd").unwrap_err(),
            Problem::UnsupportedScheme("file".into())
        );
        assert_eq!(
            http_url("ftp://x.example/").unwrap_err(),
            Problem::UnsupportedScheme("ftp".into())
        );
        assert!(matches!(http_url("not a url"), Err(Problem::BadUrl(_))));
    }

    #[test]
    fn errors_are_told_apart() {
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(
            classify(ureq::Error::Io(refused), "h.example", 1),
            Problem::Refused("h.example".into())
        );
        assert_eq!(
            classify(ureq::Error::HostNotFound, "nowhere.example", 1),
            Problem::Dns("nowhere.example".into())
        );
        let lookup = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        assert_eq!(
            classify(ureq::Error::Io(lookup), "nowhere.example", 1),
            Problem::Dns("nowhere.example".into())
        );
        assert_eq!(
            classify(ureq::Error::Timeout(ureq::Timeout::PerRead), "h", 1),
            Problem::Timeout
        );
        assert_eq!(
            classify(ureq::Error::BodyExceedsLimit(5), "h", 9),
            Problem::TooLarge(9)
        );
    }

    #[test]
    fn validators_are_checked() {
        assert_eq!(validator(" \"abc\" ").as_deref(), Some("\"abc\""));
        assert_eq!(validator("a\r\nX-Evil: 1"), None);
        assert_eq!(validator(&"x".repeat(300)), None);
        assert_eq!(validator(""), None);
    }

    #[test]
    fn loopback_is_recognised() {
        assert!(is_loopback(&Url::parse("http://127.0.0.2:9/").unwrap()));
        assert!(is_loopback(&Url::parse("http://[::1]/").unwrap()));
        assert!(is_loopback(&Url::parse("http://LOCALHOST/").unwrap()));
        assert!(!is_loopback(&Url::parse("http://news.example/").unwrap()));
    }
}
