//! Search speed. In one run: all matches of a two-character query in a 10 MB article (goal:
//! under 20 ms), and a library search over 10,000 generated articles (about 85 MB) side by
//! side with `grep -F -c -r` over the same files (goal: no slower than grep). Folding the text
//! (case, width, traditional → simplified) happens once per article when it is first
//! searched; that cost is measured on its own.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use newsreader::layout::{Block, blocks};
use newsreader::library::Library;
use newsreader::search::Index;

const QUERY: &str = "党建";

/// The sample's blocks repeated to about `bytes` of text.
fn big_blocks(bytes: usize) -> Vec<Block> {
    let one = blocks(&Library::embedded().articles[0]);
    let per: usize = one.iter().map(|b| b.text.len()).sum();
    let mut out = Vec::new();
    for _ in 0..bytes.div_ceil(per) {
        out.extend(one.iter().cloned());
    }
    out
}

/// Writes 10,000 articles into `dir`: the sample with a serial number and a varying phrase,
/// so that some contain the query and some do not.
fn write_library(dir: &Path) -> usize {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/000_cbc56e87487c11ac.txt"
    ))
    .unwrap();
    let mut total = 0;
    for i in 0..10_000 {
        let sub = dir.join(format!("{:02}", i % 100));
        std::fs::create_dir_all(&sub).unwrap();
        let text = if i % 3 == 0 {
            sample.replace(QUERY, "组织")
        } else {
            sample.clone()
        };
        let text = format!("第{i}号文章\n\n{text}");
        total += text.len();
        std::fs::write(sub.join(format!("{i:05}.txt")), text).unwrap();
    }
    total
}

fn in_article(c: &mut Criterion) {
    let blocks = big_blocks(10_000_000);
    let mut g = c.benchmark_group("article_10MB");
    g.sample_size(20);
    g.bench_function("fold_once", |b| b.iter(|| Index::new(black_box(&blocks))));
    let index = Index::new(&blocks);
    let n = index.find(&blocks, QUERY).len();
    eprintln!("10 MB article: {n} matches of {QUERY}");
    g.bench_function("find_all_党建", |b| {
        b.iter(|| index.find(&blocks, black_box(QUERY)))
    });
    g.bench_function("find_all_黨建", |b| {
        b.iter(|| index.find(&blocks, black_box("黨建")))
    });
    g.finish();
}

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let bytes = write_library(dir.path());
    eprintln!("library: 10,000 articles, {} MB", bytes / 1_000_000);
    let lib = Library::load(&[dir.path().to_path_buf()], None);
    assert_eq!(lib.articles.len(), 10_000);
    let docs: Vec<(Vec<Block>, Index)> = lib
        .articles
        .iter()
        .map(|a| {
            let b = blocks(a);
            let i = Index::new(&b);
            (b, i)
        })
        .collect();
    let mut g = c.benchmark_group("library_10k");
    g.sample_size(10);
    g.bench_function("newsreader_search", |b| {
        b.iter(|| {
            docs.iter()
                .filter_map(|(bl, ix)| ix.count_and_first(bl, black_box(QUERY)))
                .count()
        })
    });
    let hits = docs
        .iter()
        .filter(|(bl, ix)| !ix.find(bl, QUERY).is_empty())
        .count();
    eprintln!("newsreader: {hits} articles match");
    g.bench_function("grep_-F_-c_-r", |b| {
        b.iter(|| {
            let out = Command::new("grep")
                .args(["-F", "-c", "-r", QUERY])
                .arg(dir.path())
                .output()
                .expect("grep runs");
            black_box(out.stdout.len())
        })
    });
    g.bench_function("newsreader_load_and_fold_once", |b| {
        b.iter(|| {
            lib.articles
                .iter()
                .map(|a| Index::new(&blocks(a)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(std::time::Duration::from_secs(4));
    targets = in_article, library
}
criterion_main!(benches);
