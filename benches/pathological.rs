//! HTML that once took quadratic time (unclosed attributes, runs of half tags, endless
//! comments and character references), parsed whole: the time per input, which stays well
//! under the second it took when quadratic. `cargo test` only checks that they parse
//! (`pathological_inputs_parse`); the time is measured here, where a busy machine can only
//! make it look longer.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("unclosed quote", "<a b='>x".repeat(40_000)),
        ("unclosed attribute", "<a b=\"".repeat(40_000)),
        ("half tags", "<p".repeat(100_000)),
        ("open comments", "<!--".repeat(50_000)),
        ("end-tag starts", "</".repeat(100_000)),
        ("titles", "<title>".repeat(50_000)),
        ("scripts", "<script>".repeat(30_000)),
        ("references", "&#x".repeat(100_000)),
        ("headings", "<h1 class=title>".repeat(20_000)),
        ("bylines", "<div class=author>".repeat(20_000)),
    ]
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological html");
    group.sample_size(10);
    for (name, text) in inputs() {
        group.bench_function(name, |b| {
            b.iter(|| {
                newsreader::library::parse_bytes(
                    std::hint::black_box(text.as_bytes()),
                    Path::new("bad.html"),
                    None,
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, pathological);
criterion_main!(benches);
