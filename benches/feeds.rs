//! Refresh speed: 100 feeds of 50 items each from a server on the loopback address (four
//! hosts, so requests to each host take turns while hosts run in parallel). A full fetch
//! reads, parses and makes articles of all 5,000 items (goal: under 10 s); a second refresh,
//! where every feed answers 304 to its stored ETag, costs only the requests (goal: under
//! 1 s). The same two refreshes end to end, as `newsreader fetch` runs them: fetched,
//! stored in the catalog and added to the search index. Before the measurements, a report:
//! the slowest key answered in the reader while `R` refreshes those 100 feeds (goal: under
//! 50 ms).

#[path = "support/keys.rs"]
mod keys;
#[path = "../tests/support/server.rs"]
mod server;

#[path = "../tests/support/feed_farm.rs"]
mod feed_farm;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use newsreader::feed::{FeedOutcome, FetchOptions, fetch};

/// Keys pressed in the reader while it refreshes 100 feeds of 50 items in the background:
/// the slowest answer, measured as the loop answers a key (the workers' news taken in, the
/// key handled, the frame drawn).
fn keys_during_refresh() {
    use newsreader::app::Msg;
    use newsreader::keymap::Action;
    use newsreader::session::{FeedSetup, Places, Session, Setup, Sources};
    use std::sync::Arc;
    use std::time::Instant;

    let server = server::Server::start(4);
    let requests = feed_farm::serve(&server, 100, 50);
    let data = tempfile::tempdir().unwrap();
    let sources = Sources {
        paths: Vec::new(),
        feeds: Some(FeedSetup {
            configured: requests.iter().map(|r| r.subscription.clone()).collect(),
            options: FetchOptions::default(),
            every: None,
            sync: None,
        }),
    };
    let setup = Setup {
        sources,
        places: Places {
            data: Some(data.path().to_path_buf()),
            index: Some(data.path().join("index")),
        },
        ..Setup::default()
    };
    let mut s = Session::start(setup, Arc::new(|| {}));
    s.send(Msg::Resize(120, 40));
    let started = Instant::now();
    s.send(Action::Refresh);
    let (keys, worst) = keys::press_while(&mut s, true, |s| s.app().fetch_progress().is_some());
    eprintln!(
        "refresh of 100 feeds x 50 items in the reader: {:?}, {} articles listed; {keys} keys \
         meanwhile, slowest answered in {worst:?}",
        started.elapsed(),
        s.app().entries().len()
    );
    s.shutdown();
}

fn refresh(c: &mut Criterion) {
    keys_during_refresh();
    let server = server::Server::start(4);
    let first = feed_farm::serve(&server, 100, 50);
    let options = FetchOptions::default();
    let outcomes = fetch(&first, &options, |_| {});
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o, FeedOutcome::Updated { .. }))
    );
    let second = feed_farm::second_round(&first, &outcomes);

    let mut group = c.benchmark_group("feeds");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(40));
    group.bench_function("100 feeds x 50 items, full fetch", |b| {
        b.iter(|| fetch(&first, &options, |_| {}))
    });
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("100 feeds, all 304", |b| {
        b.iter(|| fetch(&second, &options, |_| {}))
    });
    group.finish();
}

fn end_to_end(c: &mut Criterion) {
    use newsreader::catalog::Catalog;
    use newsreader::index::LibraryIndex;
    use newsreader::library::refresh::refresh;

    let server = server::Server::start(4);
    let requests = feed_farm::serve(&server, 100, 50);
    let subs: Vec<_> = requests.iter().map(|r| r.subscription.clone()).collect();
    let options = FetchOptions::default();
    let mut group = c.benchmark_group("fetch_and_store");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    group.bench_function("100 feeds x 50 items, into a new catalog and index", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let (mut catalog, _) = Catalog::open(Some(dir.path()));
                let index = LibraryIndex::open(&dir.path().join("index")).unwrap();
                let r =
                    refresh(&mut catalog, Some(&index), &subs, &options, |_| {}, |_| {}).unwrap();
                assert_eq!(r.new, 5_000);
                dir
            },
            criterion::BatchSize::PerIteration,
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let (mut catalog, _) = Catalog::open(Some(dir.path()));
    let index = LibraryIndex::open(&dir.path().join("index")).unwrap();
    refresh(&mut catalog, Some(&index), &subs, &options, |_| {}, |_| {}).unwrap();
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("100 feeds, all 304, stored", |b| {
        b.iter(|| {
            let r = refresh(&mut catalog, Some(&index), &subs, &options, |_| {}, |_| {}).unwrap();
            assert_eq!(r.unchanged, 100);
        })
    });
    group.finish();
}

criterion_group!(benches, refresh, end_to_end);
criterion_main!(benches);
