//! Refreshing many feeds at once: a few workers (four by default) take feeds whose host is
//! free, fetch each with its stored validators, read it, fetch item pages where full text is
//! wanted, and report progress after every feed. One bad feed becomes one
//! [`FeedOutcome::Failed`] and never stops the others; the outcomes come back in the order
//! of the requests.

use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::fulltext::complete;
use super::gate::{Gate, Slot};
use super::http::{ACCEPT_FEED, Client, Fetched, Limits, host_of};
use super::parse::{ParseContext, parse_feed};
use super::{FeedError, FeedOutcome, FeedRequest, Problem, Validators, Zone};

/// How a refresh behaves. The defaults suit fetching news over the internet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Feeds fetched at the same time (at least 1).
    pub max_parallel: usize,
    /// Longest wait for a connection.
    pub connect_timeout: Duration,
    /// Longest wait for any single read from the server.
    pub read_timeout: Duration,
    /// Longest a whole request may take, body included.
    pub total_timeout: Duration,
    /// Largest response read, in bytes (after decompression).
    pub max_bytes: u64,
    /// Most redirects followed for one request.
    pub max_redirects: u32,
    /// Most item pages fetched for full text per feed in one refresh.
    pub full_text_limit: usize,
    /// How long one feed's item pages may take together; a page not done by then keeps
    /// the feed's summary until the next refresh.
    pub full_text_budget: Duration,
    /// The zone for feed dates that carry none.
    pub zone: Zone,
    /// Use the proxy named by `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` (and `NO_PROXY`).
    pub proxy_from_env: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            max_parallel: 4,
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_bytes: 8 * 1024 * 1024,
            max_redirects: 5,
            full_text_limit: 30,
            full_text_budget: Duration::from_secs(60),
            zone: Zone::Local,
            proxy_from_env: true,
        }
    }
}

impl FetchOptions {
    pub(super) fn limits(&self) -> Limits {
        Limits {
            connect_timeout: self.connect_timeout,
            read_timeout: self.read_timeout,
            total_timeout: self.total_timeout,
            max_bytes: self.max_bytes,
            max_redirects: self.max_redirects,
            proxy_from_env: self.proxy_from_env,
        }
    }
}

/// Fetches one resource that is not a feed (a picture) with the client and checks a refresh
/// uses: http and https only, every redirect hop checked, `options`' timeouts and size cap.
/// Returns the body.
pub fn fetch_resource(url: &str, accept: &str, options: &FetchOptions) -> Result<Vec<u8>, Problem> {
    let client = Client::new(options.limits());
    match client.get(url, &Validators::default(), accept, &Gate::default(), None)? {
        Fetched::Body { bytes, .. } => Ok(bytes),
        Fetched::NotModified => Err(Problem::Empty),
    }
}

/// How far a refresh has come: reported once at the start and after every feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Feeds finished (read, unchanged or failed).
    pub done: usize,
    /// Feeds in this refresh.
    pub total: usize,
    /// Feeds that failed so far.
    pub failed: usize,
    /// The label of the feed that just finished (`None` in the first report).
    pub last: Option<String>,
}

/// Fetches every feed in `requests`, at most `options.max_parallel` at once and one
/// request per host at a time, calling `progress` (from the worker threads, one call at a
/// time, `done` rising by one each call) as feeds finish. Returns one outcome per request,
/// in the same order.
pub fn fetch(
    requests: &[FeedRequest],
    options: &FetchOptions,
    progress: impl Fn(Progress) + Sync,
) -> Vec<FeedOutcome> {
    let total = requests.len();
    let client = Client::new(options.limits());
    let gate = Gate::default();
    let now = Utc::now();
    let hosts: Vec<String> = requests
        .iter()
        .map(|r| host_of(&r.subscription.url))
        .collect();
    let pending = Mutex::new((0..total).collect::<Vec<usize>>());
    let results: Vec<Mutex<Option<FeedOutcome>>> = (0..total).map(|_| Mutex::new(None)).collect();
    let report = Mutex::new(Progress {
        done: 0,
        total,
        failed: 0,
        last: None,
    });
    progress(Progress {
        done: 0,
        total,
        failed: 0,
        last: None,
    });
    let workers = options.max_parallel.clamp(1, total.max(1));
    let work = || {
        while let Some((index, slot)) = next_job(&pending, &hosts, &gate) {
            // A bug met on one feed's bytes fails that feed, never the others.
            let request = &requests[index];
            let outcome =
                crate::guard::catch(|| fetch_one(request, &client, &gate, slot, options, now))
                    .unwrap_or_else(|why| {
                        FeedOutcome::Failed(FeedError::new(
                            &request.subscription.label(),
                            super::Problem::Network(format!(
                                "{} ({why})",
                                crate::strings::FEED_WHY_INTERNAL
                            )),
                        ))
                    });
            let failed = matches!(outcome, FeedOutcome::Failed(_));
            if let Ok(mut cell) = results[index].lock() {
                *cell = Some(outcome);
            }
            if let Ok(mut p) = report.lock() {
                p.done += 1;
                p.failed += usize::from(failed);
                p.last = Some(requests[index].subscription.label());
                progress(p.clone());
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(work);
        }
    });
    results
        .into_iter()
        .zip(requests)
        .map(|(cell, request)| {
            cell.into_inner().ok().flatten().unwrap_or_else(|| {
                // Only reachable if a worker stopped mid-feed.
                FeedOutcome::Failed(FeedError::new(
                    &request.subscription.label(),
                    super::Problem::Network(crate::strings::FEED_WHY_INTERNAL.to_string()),
                ))
            })
        })
        .collect()
}

/// The next feed to fetch, with its host's turn: the first pending feed whose host is free,
/// waiting for a turn to be given back when every pending feed's host is busy. `None` when
/// nothing is pending.
fn next_job<'g>(
    pending: &Mutex<Vec<usize>>,
    hosts: &[String],
    gate: &'g Gate,
) -> Option<(usize, Slot<'g>)> {
    loop {
        let seen = gate.releases();
        {
            let mut queue = pending.lock().ok()?;
            if queue.is_empty() {
                return None;
            }
            for pos in 0..queue.len() {
                let index = queue[pos];
                if let Some(slot) = gate.try_acquire(&hosts[index]) {
                    queue.remove(pos);
                    return Some((index, slot));
                }
            }
        }
        gate.wait_for_release(seen);
    }
}

/// Fetches, reads and completes one feed.
fn fetch_one(
    request: &FeedRequest,
    client: &Client,
    gate: &Gate,
    slot: Slot<'_>,
    options: &FetchOptions,
    now: DateTime<Utc>,
) -> FeedOutcome {
    let sub = &request.subscription;
    let fail = |p| FeedOutcome::Failed(FeedError::new(&sub.label(), p));
    let fetched = client.get(&sub.url, &request.validators, ACCEPT_FEED, gate, Some(slot));
    let (bytes, content_type, validators, url) = match fetched {
        Err(p) => return fail(p),
        Ok(Fetched::NotModified) => return FeedOutcome::NotModified,
        Ok(Fetched::Body {
            bytes,
            content_type,
            validators,
            url,
        }) => (bytes, content_type, validators, url),
    };
    let cx = ParseContext {
        url: url.to_string(),
        zone: options.zone.clone(),
        now,
    };
    match parse_feed(&bytes, content_type.as_deref(), &cx) {
        Err(p) => fail(p),
        Ok(parsed) => {
            let mut items = parsed.items;
            complete(
                &mut items,
                request,
                client,
                gate,
                options.full_text_limit,
                options.full_text_budget,
            );
            FeedOutcome::Updated {
                validators,
                title: parsed.title,
                url: url.to_string(),
                items,
            }
        }
    }
}
