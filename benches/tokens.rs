//! What making an article's index tokens costs the parse workers (`Prepared::of`: folding
//! every block and cutting it into the one field value the index reads back), per article
//! and per MB of block text: the seed article and a generated 11 KB one (simplified Chinese).

#[allow(dead_code)]
#[path = "support/news.rs"]
mod news;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsreader::index::Prepared;
use newsreader::layout::{Block, blocks};

fn article_blocks(text: &str) -> Vec<Block> {
    let article = newsreader::library::parse_bytes(text.as_bytes(), Path::new("a.txt"), None)
        .expect("the bench's articles parse");
    blocks(&article)
}

fn bench(c: &mut Criterion) {
    let seed = include_str!("../assets/000_cbc56e87487c11ac.txt");
    let generated = news::article(7, 11_000);
    let mut group = c.benchmark_group("tokens");
    for (name, text) in [("seed", seed), ("generated_11kb", generated.as_str())] {
        let b = article_blocks(text);
        let bytes: usize = b.iter().map(|b| b.text.len()).sum();
        println!("{name}: {} blocks, {bytes} bytes of block text", b.len());
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |bench| bench.iter(|| Prepared::of(black_box(&b))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
