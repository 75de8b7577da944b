//! The refresh of 100 feeds from the local server, counted: a full fetch brings every item,
//! and a second refresh where every feed answers 304 brings none, one request per host at a
//! time. The times are printed but not judged here (a shared machine makes a time budget in
//! `cargo test` flaky): the goals (full fetch under 10 s, all 304 under 1 s) are measured by
//! `cargo bench --bench feeds`. An unoptimised test build parses about thirty times slower,
//! so there the feeds carry five items each.

#[path = "support/server.rs"]
mod server;

#[path = "support/feed_farm.rs"]
mod feed_farm;

use std::time::Instant;

use newsreader::feed::{FeedOutcome, FetchOptions, fetch};

#[test]
fn a_hundred_feeds_then_all_304() {
    let optimised = !cfg!(debug_assertions);
    let per_feed = if optimised { 50 } else { 5 };
    let server = server::Server::start(4);
    let first = feed_farm::serve(&server, 100, per_feed);
    let options = FetchOptions::default();

    let started = Instant::now();
    let outcomes = fetch(&first, &options, |_| {});
    let full = started.elapsed();
    let items: usize = outcomes
        .iter()
        .map(|o| match o {
            FeedOutcome::Updated { items, .. } => items.len(),
            other => panic!("{other:?}"),
        })
        .sum();
    assert_eq!(items, 100 * per_feed);

    let second = feed_farm::second_round(&first, &outcomes);
    let started = Instant::now();
    let outcomes = fetch(&second, &options, |_| {});
    let unchanged = started.elapsed();
    assert!(outcomes.iter().all(|o| *o == FeedOutcome::NotModified));

    eprintln!(
        "100 feeds × {per_feed} items{}: full fetch {full:?}, all 304 {unchanged:?}",
        if optimised {
            ""
        } else {
            " (unoptimised build)"
        }
    );
    assert_eq!(server.max_per_host(), 1);
}
