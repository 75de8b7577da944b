//! What the feed-fetching tests share: short timeouts for a server on the loopback address,
//! fetching one feed, and reading an outcome's items or failure.

#![allow(dead_code)]

use std::time::Duration;

use newsreader::feed::{
    FeedItem, FeedOutcome, FeedRequest, FetchOptions, Problem, Subscription, Zone, fetch,
};

pub const RSS: &str = "application/rss+xml";

/// Short timeouts keep the suite fast; the loopback answers in microseconds.
pub fn options() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(400),
        total_timeout: Duration::from_secs(5),
        zone: Zone::Offset(8 * 3600),
        ..FetchOptions::default()
    }
}

/// The outcome of fetching the feed at `url` with [`options`].
pub fn one(url: &str) -> FeedOutcome {
    one_with(FeedRequest::new(Subscription::new(url)), &options())
}

pub fn one_with(request: FeedRequest, options: &FetchOptions) -> FeedOutcome {
    fetch(&[request], options, |_| {}).remove(0)
}

pub fn problem(outcome: &FeedOutcome) -> &Problem {
    match outcome {
        FeedOutcome::Failed(e) => &e.problem,
        other => panic!("expected a failure, got {other:?}"),
    }
}

pub fn items(outcome: &FeedOutcome) -> &[FeedItem] {
    match outcome {
        FeedOutcome::Updated { items, .. } => items,
        other => panic!("expected an update, got {other:?}"),
    }
}
