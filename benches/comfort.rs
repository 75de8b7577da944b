//! The reading-comfort figures of the README: every article of the shared corpora (when
//! present) laid out by `--dump`'s layout at every width from 40 to 200, measured by the same
//! checks as `tests/layout_comfort.rs` (rows within the measure, CJK–Latin spacing, Han
//! characters on their paragraph's parity, no split inside `——`, `……`, a number or a Latin
//! word) and by the layout's older promises (no over-wide row, no forbidden start or end where
//! a legal break existed, no text lost). Run with `cargo bench --bench comfort`; it prints the
//! figures for the default options and for spacing without the grid (where every boundary
//! must have exactly one blank).

#[path = "../tests/comfort_check.rs"]
mod comfort_check;
// Its own unit tests are not run here.
#[allow(unused_imports)]
#[path = "../tests/layout_check.rs"]
mod layout_check;

use std::path::{Path, PathBuf};

use comfort_check::{Tally, tally};
use newsreader::layout::{LayoutOptions, layout};
use newsreader::library::load_file;

const CORPORA: [&str; 2] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus2"),
];

fn files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in CORPORA {
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("corpus absent at {dir}: not measured");
            continue;
        };
        out.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.file_name()
                            .is_some_and(|n| n != "SOURCES.md" && n != "labels.json")
                }),
        );
    }
    out.sort();
    out
}

fn main() {
    let files = files();
    if files.is_empty() {
        eprintln!("no corpus: nothing measured");
        return;
    }
    let grid_off = LayoutOptions {
        grid_align: false,
        ..LayoutOptions::default()
    };
    for (name, options) in [
        ("defaults", LayoutOptions::default()),
        ("grid off", grid_off),
    ] {
        let mut total = Tally::default();
        let mut broken = 0usize;
        let mut first_broken = None;
        for path in &files {
            let Ok(article) = load_file(Path::new(path), None) else {
                eprintln!("{}: not readable", path.display());
                continue;
            };
            for width in 40..=200u16 {
                let l = layout(&article, width, &options);
                if let Err(e) = layout_check::check(&l, width, &path.display().to_string()) {
                    broken += 1;
                    first_broken.get_or_insert(e);
                }
                let mut t = Tally::default();
                tally(&l, &mut t);
                total.add(&t);
            }
        }
        println!(
            "{name}: {} articles at widths 40-200: {}; layouts breaking an older promise \
             (over-wide, forbidden start or end, text lost): {broken}",
            files.len(),
            total.report()
        );
        println!(
            "  exact: {} of {} boundaries spaced, {} of {} Han characters on parity",
            total.spaced, total.boundaries, total.han_on_parity, total.han
        );
        if let Some(e) = first_broken {
            println!("  first: {e}");
        }
        for e in &total.examples {
            println!("  {e}");
        }
    }
}
