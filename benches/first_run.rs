//! The first run over a library of new files against parsing the same files: the scan's
//! pipeline (read and parse on every core, store in batches, index as it goes) into a fresh
//! catalog and search index, then the index made to hold every article, as the reader's scan
//! worker does; and the files parsed alone, in order on one thread, as `--json` does without
//! printing. The goal is a first run within 2.5× the parse; the ratio is printed
//! before the measurements. The library is generated (`support/news.rs`): 2,000 Chinese
//! articles of about 8.5 KB (the size of the 50,000-file library), kept under
//! `target/`.

#[path = "support/news.rs"]
mod news;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use newsreader::catalog::Catalog;
use newsreader::index::LibraryIndex;
use newsreader::library::scan::{absolute_roots, reconcile_index, scan};
use newsreader::library::{LoadOptions, expand, load_file_with};

const ARTICLES: usize = 2_000;
const SIZE: usize = 8_500;

/// A first run into `state` (a fresh folder): the catalog and the index filled.
fn first_run(roots: &[PathBuf], state: &Path) -> usize {
    let (mut catalog, _) = Catalog::open(Some(&state.join("data")));
    let index = LibraryIndex::open(&state.join("index")).unwrap();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let cancel = AtomicBool::new(false);
    let options = LoadOptions::default();
    let report = scan(
        &mut catalog,
        Some(&index),
        roots,
        &options,
        threads,
        &cancel,
        |_| {},
    );
    reconcile_index(&catalog, &index, &cancel).unwrap();
    report.unwrap().parsed
}

/// Every file parsed, in order, on this thread.
fn parse_all(files: &[PathBuf]) -> usize {
    let options = LoadOptions::default();
    files
        .iter()
        .filter(|f| black_box(load_file_with(f, &options)).is_ok())
        .count()
}

fn timed(f: impl FnOnce() -> usize) -> Duration {
    let started = Instant::now();
    assert_eq!(f(), ARTICLES);
    started.elapsed()
}

fn first_run_against_parse(c: &mut Criterion) {
    let library = news::library(ARTICLES, SIZE);
    let roots = absolute_roots(std::slice::from_ref(&library));
    let (files, _) = expand(&library);
    // One of each, side by side, before criterion's samples.
    let parse = timed(|| parse_all(&files));
    let fresh = tempfile::tempdir().unwrap();
    let run = timed(|| first_run(&roots, fresh.path()));
    eprintln!(
        "{ARTICLES} files of {SIZE} bytes: parsed in {parse:?}, first run (stored and indexed) \
         in {run:?}: {:.2}× the parse (goal ≤ 2.5×); {} MB resident after",
        run.as_secs_f64() / parse.as_secs_f64(),
        news::rss_kb().unwrap_or(0) / 1024
    );
    let mut g = c.benchmark_group("first_run_2k");
    g.sample_size(10);
    g.bench_function("parse_only", |b| b.iter(|| parse_all(&files)));
    g.bench_function("stored_and_indexed", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |fresh| (first_run(&roots, fresh.path()), fresh),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, first_run_against_parse);
criterion_main!(benches);
