//! Library search at 50,000 articles: the on-disk index against today's scan and `rg`/`grep`.
//!
//! The library is generated (deterministic seed): Chinese news-like text drawn from a word
//! frequency table, with a few Latin words and numbers, about 2,000–3,000 characters per
//! article. Building the index takes minutes, so it is built once into a folder under
//! `target/` and reused while its format and the generator's version match.
//!
//! Measured in one run, side by side: a two-character query to the full result list (warm;
//! goal < 30 ms), the first query after opening the index (goal < 200 ms), adding or
//! replacing one article and committing (goal < 20 ms), adding alone and in batches of 100
//! with one commit; printed: index size against text size (goal
//! ≤ 1.5×) and resident memory added by opening and searching (goal < 50 MB). Today's scan:
//! folding every article once (the cost of the in-memory copies) and counting over them
//! (warm); and `rg -F -c` (or `grep -r -F -c`) over the same articles written as files.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use newsreader::article::{Article, Section};
use newsreader::index::{FORMAT, LibraryIndex};
use newsreader::layout::{Block, blocks};
use newsreader::search::Index;

const ARTICLES: usize = 50_000;
/// Changes whenever the generator changes, so an index built from other text is rebuilt.
const GENERATOR: u32 = 1;
const QUERY: &str = "党建";

#[path = "support/words.rs"]
mod words;

use words::{LATIN, PLACES, WORDS};

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Draws words by 1/rank weights.
struct Words {
    cumulative: Vec<f64>,
}

impl Words {
    fn new() -> Words {
        let mut total = 0.0;
        let cumulative = (1..=WORDS.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Words { cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> &'static str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        WORDS[i.min(WORDS.len() - 1)]
    }

    fn text(&self, rng: &mut Rng, chars: usize) -> String {
        let mut out = String::new();
        while out.chars().count() < chars {
            if rng.below(40) == 0 {
                out.push_str(LATIN[rng.below(LATIN.len())]);
            } else {
                out.push_str(self.draw(rng));
            }
        }
        out
    }
}

fn article(words: &Words, rng: &mut Rng, n: usize) -> Article {
    let mut sections = Vec::new();
    let target = 2000 + rng.below(1000);
    let mut chars = 0;
    while chars < target {
        let paragraphs: Vec<String> = (0..2 + rng.below(4))
            .map(|_| {
                let n = 60 + rng.below(240);
                words.text(rng, n)
            })
            .collect();
        chars += paragraphs.iter().map(|p| p.chars().count()).sum::<usize>();
        let n = 6 + rng.below(8);
        let heading = (!sections.is_empty()).then(|| words.text(rng, n));
        sections.push(Section {
            level: u8::from(heading.is_some()),
            heading,
            paragraphs,
        });
    }
    let title = words.text(rng, 14);
    let mut a = Article::new(format!("第{n}号：{title}"), sections);
    a.date = Some(format!("2022-{:02}-{:02}", 1 + n % 12, 1 + n % 28));
    a.place = Some(PLACES[rng.below(PLACES.len())].to_owned());
    a.source = Some("新闻网".to_owned());
    a.editor = Some("编辑部".to_owned());
    a
}

fn library() -> Vec<Vec<Block>> {
    let words = Words::new();
    let mut rng = Rng(20_221_123);
    (0..ARTICLES)
        .map(|n| blocks(&article(&words, &mut rng, n)))
        .collect()
}

fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/index-bench")
}

fn label() -> String {
    format!("generator {GENERATOR}, {ARTICLES} articles")
}

/// The index of `library`, built unless a matching one is already there.
fn ensure_index(dir: &Path, library: &[Vec<Block>]) {
    if let Ok(index) = LibraryIndex::open(dir)
        && let Ok(info) = index.info()
        && info.source.as_deref() == Some(label().as_str())
        && info.articles == library.len()
    {
        eprintln!("index: reusing {} (format {FORMAT})", dir.display());
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    let started = Instant::now();
    let index = LibraryIndex::open(dir).expect("index opens");
    for (id, b) in library.iter().enumerate() {
        index.add(id as u64, b).expect("article added");
        // Committing now and then bounds the documents waiting in memory.
        if id % 2_000 == 1_999 {
            index.commit().expect("commit");
        }
        if id % 10_000 == 9_999 {
            eprintln!("index: {} articles, {:.0?}", id + 1, started.elapsed());
        }
    }
    index.set_source(&label()).expect("label");
    index.finish_merges().expect("merges finish");
    eprintln!("index: built in {:.1?}", started.elapsed());
}

/// The articles as text files, written once.
fn ensure_files(dir: &Path, library: &[Vec<Block>]) {
    let done = dir.join("complete");
    if done.exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    for (i, b) in library.iter().enumerate() {
        let sub = dir.join(format!("{:03}", i % 500));
        std::fs::create_dir_all(&sub).expect("folder");
        let text: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        std::fs::write(sub.join(format!("{i:05}.txt")), text.join("\n\n")).expect("file");
    }
    std::fs::write(done, "").expect("marker");
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Resident memory of this process, in kB.
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn scan(docs: &[(Vec<Block>, Index)], query: &str) -> Vec<(u64, usize)> {
    docs.iter()
        .enumerate()
        .filter_map(|(id, (b, ix))| ix.count_and_first(b, query).map(|(n, _)| (id as u64, n)))
        .collect()
}

fn library_50k(c: &mut Criterion) {
    let started = Instant::now();
    let library = library();
    let text_bytes: usize = library.iter().flatten().map(|b| b.text.len()).sum();
    let chars: usize = library
        .iter()
        .flatten()
        .map(|b| b.text.chars().count())
        .sum();
    eprintln!(
        "library: {ARTICLES} articles, {} characters, {:.0} MB of text, generated in {:.1?}",
        chars,
        text_bytes as f64 / 1e6,
        started.elapsed()
    );
    let root = bench_dir();
    let dir = root.join(format!("index-f{FORMAT}-g{GENERATOR}"));
    ensure_index(&dir, &library);
    let index_bytes = dir_size(&dir);
    eprintln!(
        "index size: {:.0} MB for {:.0} MB of text = {:.2}×",
        index_bytes as f64 / 1e6,
        text_bytes as f64 / 1e6,
        index_bytes as f64 / text_bytes as f64
    );

    // Memory added by opening the index and searching it.
    let before = rss_kb();
    let index = LibraryIndex::open(&dir).expect("index opens");
    let opened = rss_kb();
    let t = Instant::now();
    let hits = index.search(QUERY).expect("search");
    let first = t.elapsed();
    let after_one = rss_kb();
    for q in [
        "中国",
        "发展",
        "的",
        "党建引领",
        "5G",
        "gdp",
        "哈哈",
        "Liverpool",
        "高质量发展",
    ] {
        black_box(index.search(q).expect("search"));
    }
    let after_many = rss_kb();
    eprintln!(
        "memory: +{} kB opening, +{} kB after the first search ({first:.1?}), +{} kB after ten",
        opened - before,
        after_one - before,
        after_many - before
    );
    eprintln!("index: {} articles match {QUERY}", hits.len());

    let mut g = c.benchmark_group("library_50k");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("index_warm_党建", |b| {
        b.iter(|| index.search(black_box(QUERY)).expect("search").len())
    });
    g.bench_function("index_warm_中国", |b| {
        b.iter(|| index.search(black_box("中国")).expect("search").len())
    });
    g.bench_function("index_warm_高质量发展", |b| {
        b.iter(|| index.search(black_box("高质量发展")).expect("search").len())
    });
    g.bench_function("index_open_and_first_query", |b| {
        b.iter(|| {
            let fresh = LibraryIndex::open(&dir).expect("index opens");
            fresh.search(black_box(QUERY)).expect("search").len()
        })
    });
    // A changed article: replacing one and committing. A commit writes a segment durably
    // (tantivy syncs each of its files), so its cost is mostly the disk's.
    g.bench_function("index_replace_one_and_commit", |b| {
        let mut id = 0;
        b.iter_batched(
            || {
                id = (id + 7) % ARTICLES;
                id
            },
            |id| {
                index.add(id as u64, &library[id]).expect("add");
                index.commit().expect("commit");
            },
            BatchSize::PerIteration,
        )
    });
    // A new article, then a commit; removed again (and committed) outside the timing.
    g.bench_function("index_add_new_and_commit", |b| {
        b.iter_batched(
            || (),
            |()| {
                index.add(ARTICLES as u64, &library[0]).expect("add");
                index.commit().expect("commit");
            },
            BatchSize::PerIteration,
        );
        index.remove(ARTICLES as u64).expect("remove");
        index.commit().expect("commit");
    });
    // Adding alone (the commit comes later, for many articles at once): timed by hand,
    // since criterion would queue tens of thousands of uncommitted articles.
    let t = Instant::now();
    for id in (0..ARTICLES).step_by(ARTICLES / 200).take(200) {
        index.add(id as u64, &library[id]).expect("add");
    }
    let per_add = t.elapsed() / 200;
    index.commit().expect("commit");
    eprintln!("index: adding one article without committing takes {per_add:.2?}");
    // A batch of 100 changed articles and one commit: the per-article cost of batching.
    g.bench_function("index_replace_100_and_commit", |b| {
        let mut id = 0;
        b.iter(|| {
            for _ in 0..100 {
                id = (id + 7) % ARTICLES;
                index.add(id as u64, &library[id]).expect("add");
            }
            index.commit().expect("commit");
        })
    });
    drop(index);

    // Today's scan: folded copies of every article, then a count over each.
    let before = rss_kb();
    let t = Instant::now();
    let docs: Vec<(Vec<Block>, Index)> =
        library.iter().map(|b| (b.clone(), Index::new(b))).collect();
    eprintln!(
        "scan: folding every article took {:.1?}, +{} MB resident (blocks and folded copies)",
        t.elapsed(),
        (rss_kb() - before) / 1024
    );
    let index = LibraryIndex::open(&dir).expect("index opens");
    for q in [
        QUERY,
        "中国",
        "的",
        "5G",
        "gdp",
        "哈哈",
        "高质量发展",
        "黨建",
    ] {
        let got: Vec<(u64, usize)> = index
            .search(q)
            .expect("search")
            .iter()
            .map(|h| (h.id, h.count))
            .collect();
        assert_eq!(got, scan(&docs, q), "index and scan differ for {q}");
    }
    eprintln!("index and scan agree on eight queries");
    g.bench_function("scan_warm_党建", |b| {
        b.iter(|| scan(&docs, black_box(QUERY)).len())
    });
    g.bench_function("scan_fold_every_article", |b| {
        b.iter(|| library.iter().map(|b| Index::new(b).len()).sum::<usize>())
    });
    drop(docs);

    let files = root.join("files-g1");
    ensure_files(&files, &library);
    let (tool, args): (&str, &[&str]) = if Command::new("rg").arg("--version").output().is_ok() {
        ("rg", &["-F", "-c"])
    } else {
        ("grep", &["-r", "-F", "-c"])
    };
    g.bench_function(format!("{tool}_-F_-c_党建"), |b| {
        b.iter(|| {
            let out = Command::new(tool)
                .args(args)
                .arg(QUERY)
                .arg(&files)
                .output()
                .expect("search tool runs");
            black_box(out.stdout.len())
        })
    });
    g.finish();
}

criterion_group!(benches, library_50k);
criterion_main!(benches);
