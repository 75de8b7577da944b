//! What learning furniture costs a first run (issue goal: < 5% of it). A first run reads,
//! parses and stores every file; furniture adds counting each article's lines under its
//! source when it is stored and looking them up when it is read back. Storing a file counts
//! its lines and storing an embedded article does not, so the difference between the two is
//! the counting alone; the same holds for reading back. A report printed before the
//! measurements gives the share over a batch of generated articles, against the whole of a
//! first run (parse, store and add to the search index, as the scan does) and against the
//! parse and store alone.

// Only its articles are used here, not its library on disk.
#[allow(dead_code)]
#[path = "support/news.rs"]
mod news;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use newsreader::article::Article;
use newsreader::catalog::{Catalog, Outcome, text_key};
use newsreader::index::{LibraryIndex, Prepared};
use newsreader::layout::blocks;
use newsreader::model::{ArticleId, Origin};

const ARTICLES: usize = 1_000;
const SIZE: usize = 3_000;

fn texts() -> Vec<String> {
    (0..ARTICLES).map(|i| news::article(i, SIZE)).collect()
}

fn parse_all(texts: &[String]) -> Vec<Article> {
    texts
        .iter()
        .map(|t| newsreader::library::parse_bytes(t.as_bytes(), Path::new("a.txt"), None).unwrap())
        .collect()
}

/// Stores every article in a fresh catalog, as files of one folder (counted) or as embedded
/// articles (not counted), in transactions of 64 as the scan writes them.
fn store(articles: &[Article], counted: bool) -> (Catalog, Vec<ArticleId>) {
    let mut c = Catalog::memory();
    let mut ids = Vec::with_capacity(articles.len());
    for (n, chunk) in articles.chunks(64).enumerate() {
        c.batch(|c| {
            for (i, a) in chunk.iter().enumerate() {
                let name = format!("{n}-{i}.txt");
                let origin = if counted {
                    Origin::File(Path::new("/news/site").join(name))
                } else {
                    Origin::Embedded(name)
                };
                ids.push(c.put(&origin, 1, 1, 1, Outcome::Article(a, &text_key(a)))?);
            }
            Ok(())
        })
        .unwrap();
    }
    (c, ids)
}

/// Each article's blocks folded and cut for the index, as the scan's parse workers do.
fn prepare_all(articles: &[Article]) -> Vec<Prepared> {
    articles.iter().map(|a| Prepared::of(&blocks(a))).collect()
}

/// Adds the prepared articles to a fresh search index and commits, as the scan's index
/// thread does.
fn index_all(prepared: Vec<Prepared>) {
    let dir = tempfile::tempdir().unwrap();
    let index = LibraryIndex::open(dir.path()).unwrap();
    for (i, p) in prepared.into_iter().enumerate() {
        index.add_prepared(i as u64 + 1, p).unwrap();
    }
    index.commit().unwrap();
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

fn report(texts: &[String]) {
    // The parse workers parse and prepare each article for the index.
    let ((articles, prepared), parse) = timed(|| {
        let articles = parse_all(texts);
        let prepared = prepare_all(&articles);
        (articles, prepared)
    });
    let (_, plain) = timed(|| store(&articles, false));
    let ((counted, ids), with) = timed(|| store(&articles, true));
    let read = |c: &Catalog| {
        for &id in &ids {
            black_box(c.article(id).unwrap());
        }
    };
    let (_, read_with) = timed(|| read(&counted));
    let (uncounted, _) = store(&articles, false);
    let (_, read_plain) = timed(|| read(&uncounted));
    // Opening a fresh index and committing cost the same for one article as for a
    // thousand; a first run pays them once for the whole library, so they are left out.
    let one = prepare_all(&articles[..1]);
    let (_, fixed) = timed(|| index_all(one));
    let (_, all) = timed(|| index_all(prepared));
    let index = all.saturating_sub(fixed);
    let extra = with.saturating_sub(plain) + read_with.saturating_sub(read_plain);
    let share = |whole: Duration| 100.0 * extra.as_secs_f64() / whole.as_secs_f64();
    eprintln!(
        "furniture over {ARTICLES} articles: parse {parse:?}, store {plain:?} (+{:?} counting), \
         index {index:?}, read back {read_plain:?} (+{:?} looking up): {:.1}% of a first run \
         (parse, store, index), {:.1}% of parse and store alone",
        with.saturating_sub(plain),
        read_with.saturating_sub(read_plain),
        share(parse + with + index),
        share(parse + with),
    );
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    report(&texts);
    let articles = parse_all(&texts[..100]);
    let mut g = c.benchmark_group("furniture_100_articles");
    g.sample_size(10);
    g.bench_function("parse", |b| b.iter(|| black_box(parse_all(&texts[..100]))));
    g.bench_function("store_uncounted", |b| {
        b.iter_batched(|| (), |()| store(&articles, false), BatchSize::PerIteration)
    });
    g.bench_function("store_counted", |b| {
        b.iter_batched(|| (), |()| store(&articles, true), BatchSize::PerIteration)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
