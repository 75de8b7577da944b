//! Parse speed: every article of `../shared/corpus` decoded, parsed and written as one line of
//! `--json`, each file a benchmark of its own so that a rule that slows one shape of text down
//! shows on that file. The corpus is kept out of this repository; when it is absent the bench
//! says so and measures the embedded sample alone.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use newsreader::library::parse_bytes;

/// The corpus files (not its notes), in name order.
fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "corpus absent at {}: only the sample article is measured",
            dir.display()
        );
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().is_some_and(|n| n != "SOURCES.md")
                && p.extension()
                    .is_some_and(|e| e == "txt" || e == "html" || e == "md")
        })
        .collect();
    files.sort();
    files
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse_json");
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_secs(1));
    g.sample_size(20);
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/000_cbc56e87487c11ac.txt");
    let mut files = vec![sample];
    files.extend(corpus());
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        g.bench_function(&name, |b| {
            b.iter(|| {
                parse_bytes(black_box(&bytes), &path, None)
                    .map(|a| a.to_json())
                    .unwrap_or_default()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
