//! The library at scale (issue goals in brackets): the first frame with 50,000 articles known
//! to the catalog, and on a first run over 50,000 new files [< 150 ms each]; opening an
//! article from the catalog [< 20 ms for 100 KB, < 150 ms for 10 MB]; saving a position with
//! 100,000 articles known [< 5 ms]. A report printed before the measurements gives what
//! criterion cannot: keys answered while a first run reads 50,000 files [< 50 ms], and
//! resident memory at 50,000 articles, idle [< 150 MB]. The library is generated
//! (`support/news.rs`), not taken from the corpus.

#[path = "support/keys.rs"]
mod keys;
#[path = "support/news.rs"]
mod news;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use newsreader::app::Msg;
use newsreader::catalog::{Catalog, Outcome, text_key};
use newsreader::layout::{LayoutOptions, Place, layout};
use newsreader::model::{Origin, StoredPlace};
use newsreader::session::{Places, Session, Setup, Sources};
use newsreader::theme::Theme;
use newsreader::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ARTICLES: usize = 50_000;
const SIZE: usize = 3_000;

fn start(library: &Path, data: &Path) -> Session {
    let setup = Setup {
        sources: Sources::paths(vec![library.to_path_buf()]),
        places: Places {
            data: Some(data.to_path_buf()),
            index: None,
        },
        ..Setup::default()
    };
    Session::start(setup, Arc::new(|| {}))
}

/// Starts a session and draws its first frame at 120×40.
fn first_frame(library: &Path, data: &Path) -> Session {
    let mut s = start(library, data);
    s.send(Msg::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = Theme::default();
    term.draw(|f| ui::draw(f, s.app(), &theme)).unwrap();
    s
}

/// A session whose workers are stopped and waited for when it is dropped.
struct Ended(Session);

impl Drop for Ended {
    fn drop(&mut self) {
        self.0.shutdown();
    }
}

/// A data folder whose catalog knows the whole library (made once and kept).
fn known_catalog(library: &Path) -> PathBuf {
    let data = library.with_extension("data");
    if !data.join("library.db").exists() {
        let mut s = start(library, &data);
        s.settle();
        assert_eq!(s.app().entries().len(), ARTICLES);
    }
    data
}

fn report(library: &Path) {
    // Keys during a first run over every file.
    let data = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut s = first_frame(library, data.path());
    let first = started.elapsed();
    let (keys, worst) = keys::press_while(&mut s, false, |s| {
        s.app().progress().is_some() || s.app().entries().is_empty()
    });
    eprintln!(
        "first run over {ARTICLES} files: first frame {first:?}, all read in {:?}; \
         {keys} keys while reading, slowest answered in {worst:?}",
        started.elapsed()
    );
    s.shutdown();
    drop(s);
    // Memory with the whole library known, idle.
    let data = known_catalog(library);
    let before = news::rss_kb().unwrap_or(0);
    let mut s = first_frame(library, &data);
    s.settle();
    eprintln!(
        "{ARTICLES} articles known, idle: {} MB resident in all ({} MB more than before \
         the session started)",
        news::rss_kb().unwrap_or(0) / 1024,
        news::rss_kb().unwrap_or(0).saturating_sub(before) / 1024
    );
}

fn startup(c: &mut Criterion) {
    let library = news::library(ARTICLES, SIZE);
    report(&library);
    let data = known_catalog(&library);
    let mut g = c.benchmark_group("first_frame_50k");
    g.sample_size(10);
    // Each session's workers are stopped and waited for outside the timing, so that one
    // iteration's scan does not run on into the next.
    g.bench_function("known_to_the_catalog", |b| {
        b.iter_batched(
            || (),
            |()| Ended(first_frame(&library, &data)),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("first_run", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |fresh| (Ended(first_frame(&library, fresh.path())), fresh),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// An article of about `bytes` bytes, stored in a catalog in memory.
fn stored(bytes: usize) -> (Catalog, newsreader::model::ArticleId) {
    let text = news::article(7, bytes);
    let a = newsreader::library::parse_bytes(text.as_bytes(), Path::new("big.txt"), None).unwrap();
    let mut c = Catalog::memory();
    let key = text_key(&a);
    let id = c
        .put(
            &Origin::File("/big.txt".into()),
            0,
            0,
            1,
            Outcome::Article(&a, &key),
        )
        .unwrap();
    (c, id)
}

fn open_article(c: &mut Criterion) {
    let mut g = c.benchmark_group("open_from_catalog");
    g.sample_size(20);
    for (name, bytes) in [("100KB", 100_000), ("10MB", 10_000_000)] {
        let (catalog, id) = stored(bytes);
        g.bench_function(name, |b| {
            b.iter(|| {
                let a = catalog.article(id).unwrap().unwrap();
                black_box(layout(&a, 100, &LayoutOptions::default()))
            })
        });
    }
    g.finish();
}

fn save_position(c: &mut Criterion) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-news/positions-100k");
    std::fs::create_dir_all(&data).unwrap();
    let (mut catalog, _) = Catalog::open(Some(&data));
    let a = newsreader::article::Article::new("t", Vec::new());
    if catalog.len().unwrap() < 100_000 {
        catalog
            .batch(|c| {
                for i in 0..100_000 {
                    let key = format!("{i:016x}");
                    c.put(
                        &Origin::File(format!("/n/{i}.txt").into()),
                        0,
                        0,
                        1,
                        Outcome::Article(&a, &key),
                    )?;
                    let place = StoredPlace::Place(Place {
                        section: 1,
                        paragraph: Some(2),
                        offset: 3,
                    });
                    c.set_position(&key, place)?;
                }
                Ok(())
            })
            .unwrap();
    }
    let mut n = 0u32;
    c.bench_function("save_position_100k_known", |b| {
        b.iter(|| {
            n = n.wrapping_add(7919);
            let key = format!("{:016x}", n % 100_000);
            let place = StoredPlace::Place(Place {
                section: 2,
                paragraph: Some(n % 50),
                offset: n,
            });
            catalog.set_position(&key, place).unwrap();
        })
    });
}

criterion_group!(benches, startup, open_article, save_position);
criterion_main!(benches);
