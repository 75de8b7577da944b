//! Sync speed against the replay server on the loopback address (the Google Reader API as
//! the recorded FreshRSS answers it), with 1,000 unread items of a few Chinese paragraphs
//! each in two feeds. A first sync brings every item into the catalog and the search index
//! (goal: under 10 s); a sync with nothing new costs the few requests that say so (goal:
//! under 0.5 s). Before the measurements, a report: the slowest key answered in the reader
//! while a first sync of those items runs in the background (goal: under 50 ms).

#[path = "../tests/support/greader_server.rs"]
mod greader_server;
#[path = "../tests/support/http_server.rs"]
mod http_server;
#[path = "support/keys.rs"]
mod keys;
#[path = "../tests/support/recordings.rs"]
mod recordings;

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use greader_server::{Dialect, GReaderServer, GState, seed};
use newsreader::catalog::Catalog;
use newsreader::index::LibraryIndex;
use newsreader::sync::{Provider, Secret, SyncOptions, SyncSettings, connect, sync_with};

const PASSWORD: &str = "a password for the bench";
const ITEMS: usize = 1_000;

/// A server holding the seed's feeds and `ITEMS` unread items spread over two of them.
fn server() -> GReaderServer {
    let mut state = GState::new(Dialect::FreshRss, "reader", PASSWORD);
    state.feeds = GState::seeded(Dialect::FreshRss, "reader", PASSWORD, &seed()).feeds;
    let body = "<p>城市更新进入新阶段，老旧小区改造与社区服务同步推进，居民的日常出行更加便利。</p>\
                <p>记者在现场看到，施工单位按照计划有序作业，预计年底前完成主体工程。</p>\
                <p>有关部门表示，下一步将继续听取居民意见，完善配套设施。</p>";
    for i in 0..ITEMS {
        state.add_item(
            1 + (i % 2) as u64,
            &format!("第{i}条：社区改造的新进展"),
            body,
            1_767_225_600 + i as i64 * 60,
        );
    }
    GReaderServer::start(state)
}

fn settings(server: &GReaderServer) -> SyncSettings {
    SyncSettings {
        provider: Provider::GReader,
        url: server.base(),
        user: "reader".into(),
        password_command: None,
    }
}

/// One sync of `catalog` and `index` with `server`; the number of new items.
fn sync(server: &GReaderServer, catalog: &mut Catalog, index: &LibraryIndex) -> usize {
    let s = settings(server);
    let mut backend = connect(&s, Secret::new(PASSWORD)).unwrap();
    catalog.set_synced(true);
    let report = sync_with(
        backend.as_mut(),
        &s.account(),
        &SyncOptions::default(),
        catalog,
        Some(index),
        &mut |_| {},
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(report.index_error, None);
    report.new
}

/// Keys pressed in the reader while it runs a first sync of `ITEMS` items: the slowest
/// answer, measured as the loop answers a key (the workers' news taken in, the key
/// handled, the frame drawn).
fn keys_during_sync() {
    use newsreader::app::Msg;
    use newsreader::session::{FeedSetup, Places, Session, Setup, Sources, SyncSetup};

    let server = server();
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret");
    std::fs::write(&secret, PASSWORD).unwrap();
    let mut settings = settings(&server);
    settings.password_command = Some(format!("cat {}", secret.display()));
    let setup = Setup {
        sources: Sources {
            paths: Vec::new(),
            feeds: Some(FeedSetup {
                sync: Some(SyncSetup {
                    settings,
                    options: SyncOptions::default(),
                }),
                ..FeedSetup::default()
            }),
        },
        places: Places {
            data: Some(dir.path().join("data")),
            index: Some(dir.path().join("index")),
        },
        ..Setup::default()
    };
    let started = Instant::now();
    let mut s = Session::start(setup, Arc::new(|| {}));
    s.send(Msg::Resize(120, 40));
    let (keys, worst) = keys::press_while(&mut s, true, |s| s.app().busy());
    s.settle();
    eprintln!(
        "first sync of {ITEMS} items in the reader: {:?}, {} articles listed; {keys} keys \
         meanwhile, slowest answered in {worst:?}",
        started.elapsed(),
        s.app().entries().len()
    );
}

fn bench(c: &mut Criterion) {
    keys_during_sync();
    let server = server();
    let mut group = c.benchmark_group("sync");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("first sync of 1,000 items into catalog and index", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().unwrap();
                let (mut catalog, _) = Catalog::open(Some(&dir.path().join("data")));
                let index = LibraryIndex::open(&dir.path().join("index")).unwrap();
                let t = Instant::now();
                assert_eq!(sync(&server, &mut catalog, &index), ITEMS);
                total += t.elapsed();
            }
            total
        })
    });
    let dir = tempfile::tempdir().unwrap();
    let (mut catalog, _) = Catalog::open(Some(&dir.path().join("data")));
    let index = LibraryIndex::open(&dir.path().join("index")).unwrap();
    assert_eq!(sync(&server, &mut catalog, &index), ITEMS);
    group.bench_function("sync with nothing new", |b| {
        b.iter(|| assert_eq!(sync(&server, &mut catalog, &index), 0))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
