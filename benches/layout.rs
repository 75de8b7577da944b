//! How fast the layout is against what it replaces: for the seed article and for a 1 MB text
//! (the seed repeated), at width 80, side by side in one run: our layout with the default
//! options (measure, CJK–Latin spacing, grid, narrowing all on) and verbatim (none of the
//! reading-comfort drawing); ratatui 0.30's
//! `Paragraph` with `Wrap` (every wrapped line computed, by scrolling past the end of a
//! one-row buffer); `textwrap` 0.16 first-fit; and a naive greedy fill by `unicode-width`
//! per grapheme cluster with no rules at all, the floor.
//!
//! The goals: our layout within 2× of the naive floor (issue #3), and at least 3× faster
//! than ratatui's `Paragraph` on the 1 MB text with every reading-comfort option on.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsreader::article::{Article, Section};
use newsreader::layout::{LayoutOptions, layout};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const SEED: &str = include_str!("../assets/000_cbc56e87487c11ac.txt");
const WIDTH: u16 = 80;

/// The seed text repeated to at least `bytes` bytes.
fn repeated(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + SEED.len());
    while text.len() < bytes {
        text.push_str(SEED);
        text.push('\n');
    }
    text
}

/// The text as an article: first line the title, every other non-blank line a paragraph.
/// (No parser: the benchmark measures layout only.)
fn article(text: &str) -> Article {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or_default().to_owned();
    Article::new(
        title,
        vec![Section {
            heading: None,
            level: 0,
            paragraphs: lines.map(str::to_owned).collect(),
        }],
    )
}

/// The floor: fill each line greedily by character width; no break rules, no spaces dropped,
/// no grapheme clusters (so it splits emoji sequences and combining marks).
fn naive(text: &str, width: usize) -> usize {
    let mut rows = 0;
    for line in text.lines() {
        let mut used = 0;
        rows += 1;
        for c in line.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                rows += 1;
                used = 0;
            }
            used += w;
        }
    }
    rows
}

/// The floor that still measures as the screen does: greedy fill by grapheme cluster width
/// (`unicode-segmentation`), no break rules.
fn naive_graphemes(text: &str, width: usize) -> usize {
    let mut rows = 0;
    for line in text.lines() {
        let mut used = 0;
        rows += 1;
        for g in line.graphemes(true) {
            let w = g.width();
            if used + w > width {
                rows += 1;
                used = 0;
            }
            used += w;
        }
    }
    rows
}

/// ratatui: wraps every line by scrolling a wrapped paragraph past its end.
fn ratatui_rows(paragraph: &Paragraph<'_>, buffer: &mut Buffer) {
    paragraph.render(buffer.area, buffer);
}

fn textwrap_rows(text: &str, width: usize) -> usize {
    let options = textwrap::Options::new(width).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    text.lines()
        .map(|l| textwrap::wrap(l, &options).len())
        .sum()
}

fn wrap_group(c: &mut Criterion) {
    let big = repeated(1 << 20);
    let inputs = [("sample", SEED.to_owned()), ("1MB", big)];
    // The measure would cap the column below 80; the comparison is at 80 columns.
    let options = LayoutOptions {
        measure: WIDTH,
        ..LayoutOptions::default()
    };
    let verbatim = LayoutOptions {
        measure: WIDTH,
        ..LayoutOptions::verbatim()
    };
    let mut group = c.benchmark_group("layout-80");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        let art = article(text);
        group.bench_with_input(BenchmarkId::new("newsreader", name), &art, |b, a| {
            b.iter(|| layout(black_box(a), WIDTH, &options).len())
        });
        group.bench_with_input(
            BenchmarkId::new("newsreader-verbatim", name),
            &art,
            |b, a| b.iter(|| layout(black_box(a), WIDTH, &verbatim).len()),
        );
        let paragraph = Paragraph::new(text.as_str())
            .wrap(Wrap { trim: false })
            .scroll((u16::MAX, 0));
        let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, 1));
        eprintln!(
            "{name}: {} bytes; rows at width {WIDTH}: newsreader {} (with blank rows), \
             textwrap {}, naive {}",
            text.len(),
            layout(&art, WIDTH, &options).len(),
            textwrap_rows(text, usize::from(WIDTH)),
            naive(text, usize::from(WIDTH)),
        );
        group.bench_function(BenchmarkId::new("ratatui-paragraph", name), |b| {
            b.iter(|| ratatui_rows(black_box(&paragraph), &mut buffer))
        });
        group.bench_with_input(
            BenchmarkId::new("textwrap-first-fit", name),
            text,
            |b, t| b.iter(|| textwrap_rows(black_box(t), usize::from(WIDTH))),
        );
        group.bench_with_input(BenchmarkId::new("naive-floor", name), text, |b, t| {
            b.iter(|| naive(black_box(t), usize::from(WIDTH)))
        });
        group.bench_with_input(BenchmarkId::new("naive-graphemes", name), text, |b, t| {
            b.iter(|| naive_graphemes(black_box(t), usize::from(WIDTH)))
        });
    }
    group.finish();
}

criterion_group!(benches, wrap_group);
criterion_main!(benches);
