//! The small blocking HTTP client the sync protocols share, on `ureq` with rustls like the
//! feed client: a base address, connect and read timeouts, a size cap per response, a
//! User-Agent, proxies from the environment (never for the loopback address), no redirects
//! followed (a redirect is reported, so the address in the config can be fixed, and the
//! credentials never travel to another host), and a count of the requests made. Every
//! answer is returned whatever its status; the protocols decide what a status means. Each
//! request goes to the debug log (method, path, status, size, time: never a body or header).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ureq::Agent;
use ureq::http::Response;
use url::Url;

use super::SyncError;
use crate::feed::{USER_AGENT, classify, is_loopback};
use crate::strings as s;

/// Largest response read: a page of 250 items with their contents fits many times over.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// An answer: status, the headers the protocols look at, the body.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    /// A header's value (names compared without case).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the status is 2xx.
    pub(crate) fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as text (invalid UTF-8 replaced).
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A reply made up, for tests.
    #[cfg(test)]
    pub(crate) fn for_test(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    /// The server's clock, from the `Date` header (seconds since the epoch).
    pub(crate) fn date(&self) -> Option<i64> {
        let d = self.header("date")?;
        chrono::DateTime::parse_from_rfc2822(d.trim())
            .ok()
            .map(|t| t.timestamp())
    }
}

/// A request body.
pub(crate) enum Body<'a> {
    /// None (GET, DELETE).
    None,
    /// `application/x-www-form-urlencoded`, pairs in this order.
    Form(&'a [(&'a str, &'a str)]),
    /// `application/json`.
    Json(&'a serde_json::Value),
}

/// The client for one server.
pub(crate) struct Client {
    agent: Agent,
    base: String,
    path: String,
    host: String,
    requests: AtomicUsize,
}

impl Client {
    /// A client for the API at `base` (http or https).
    pub(crate) fn new(base: &str) -> Result<Client, SyncError> {
        let url = Url::parse(base.trim())
            .map_err(|e| SyncError::BadUrl(super::short(&format!("{} ({e})", base.trim()))))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
            return Err(SyncError::BadUrl(super::short(base.trim())));
        }
        let proxy = if is_loopback(&url) {
            None
        } else {
            ureq::Proxy::try_from_env()
        };
        let agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .proxy(proxy)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_per_read(Some(Duration::from_secs(30)))
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .new_agent();
        Ok(Client {
            agent,
            base: url.as_str().trim_end_matches('/').to_string(),
            path: url.path().trim_end_matches('/').to_string(),
            host: url.host_str().unwrap_or_default().to_string(),
            requests: AtomicUsize::new(0),
        })
    }

    /// The path of the base address, without a final `/`.
    pub(crate) fn base_path(&self) -> &str {
        &self.path
    }

    /// How many requests were sent.
    pub(crate) fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// Sends `method` to `path` (after the base; it may hold a query) with `headers` and
    /// `body`. A redirect is an error that names where it leads.
    pub(crate) fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Body<'_>,
    ) -> Result<Reply, SyncError> {
        let url = format!("{}{path}", self.base);
        self.requests.fetch_add(1, Ordering::Relaxed);
        let started = std::time::Instant::now();
        let response = match body {
            Body::None => {
                let mut r = match method {
                    "DELETE" => self.agent.delete(&url),
                    _ => self.agent.get(&url),
                };
                for (k, v) in headers {
                    r = r.header(*k, *v);
                }
                r.call()
            }
            Body::Form(pairs) => {
                let text = url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(pairs.iter())
                    .finish();
                let mut r = self.with_body(method, &url);
                for (k, v) in headers {
                    r = r.header(*k, *v);
                }
                r.header("Content-Type", "application/x-www-form-urlencoded")
                    .send(text.as_bytes())
            }
            Body::Json(value) => {
                let text = value.to_string();
                let mut r = self.with_body(method, &url);
                for (k, v) in headers {
                    r = r.header(*k, *v);
                }
                r.header("Content-Type", "application/json")
                    .send(text.as_bytes())
            }
        };
        let mut response = response.map_err(|e| {
            let problem = classify(e, &self.host, MAX_BYTES);
            log::debug!("sync: {method} {path}: {problem}");
            SyncError::Offline(problem)
        })?;
        let reply = read(&mut response, &self.host)?;
        // The path and query hold no secret (passwords and tokens travel in bodies and
        // headers, which are never logged).
        log::debug!(
            "sync: {method} {path} -> {} ({} bytes, {} ms)",
            reply.status,
            reply.body.len(),
            started.elapsed().as_millis()
        );
        if (300..400).contains(&reply.status) {
            let to = reply.header("location").unwrap_or_default();
            return Err(SyncError::BadUrl(super::short(&format!(
                "{} {to}",
                s::SYNC_ERR_REDIRECT
            ))));
        }
        Ok(reply)
    }

    fn with_body(
        &self,
        method: &str,
        url: &str,
    ) -> ureq::RequestBuilder<ureq::typestate::WithBody> {
        match method {
            "PUT" => self.agent.put(url),
            _ => self.agent.post(url),
        }
    }
}

/// The status, headers and body of a response, the body capped.
fn read(response: &mut Response<ureq::Body>, host: &str) -> Result<Reply, SyncError> {
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| SyncError::Offline(classify(e, host, MAX_BYTES)))?;
    Ok(Reply {
        status,
        headers,
        body,
    })
}

/// `pairs` as a query string (`?a=1&b=2`).
pub(crate) fn query(pairs: &[(&str, &str)]) -> String {
    let q = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter())
        .finish();
    if q.is_empty() { q } else { format!("?{q}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_make_a_client() {
        assert!(Client::new("https://rss.example/api/greader.php").is_ok());
        assert!(matches!(
            Client::new("file:///etc/passwd"),
            Err(SyncError::BadUrl(_))
        ));
        assert!(matches!(
            Client::new("not a url"),
            Err(SyncError::BadUrl(_))
        ));
    }

    #[test]
    fn queries_are_encoded() {
        assert_eq!(
            query(&[("s", "user/-/state/com.google/reading-list"), ("n", "2")]),
            "?s=user%2F-%2Fstate%2Fcom.google%2Freading-list&n=2"
        );
        assert_eq!(query(&[]), "");
    }
}
