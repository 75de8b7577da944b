//! Every real article we have, laid out at every pane width a person might use: the seed
//! article from `assets/` at widths 10–100 must have no violation at all, and every article
//! of the shared corpus (when present) must keep the layout's promises at widths 10–120.

#[path = "layout_check.rs"]
mod layout_check;

use std::path::Path;

use layout_check::{NO_END, NO_START, check};
use newsreader::article::Article;
use newsreader::layout::{Indent, Layout, LayoutOptions, dump, layout};
use newsreader::library::load_file;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/000_cbc56e87487c11ac.txt"
);
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

fn load(path: &Path) -> Article {
    match load_file(path, None) {
        Ok(article) => article,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// The options a test run alternates between: the defaults, and an uncapped column with
/// full-width indents and wide ambiguous characters.
fn options(width: u16) -> LayoutOptions {
    if width % 2 == 0 {
        LayoutOptions::default()
    } else {
        LayoutOptions {
            max_width: None,
            indent: Indent::FullWidth,
            ambiguous_wide: width % 3 == 0,
            ..LayoutOptions::default()
        }
    }
}

/// Checks the dump: one line per row, the margin as spaces, then the row's text with
/// trailing spaces trimmed (so its width is the row's, which `check` measured), and every
/// non-space character of the shown text present in order.
fn check_dump(article: &Article, l: &Layout, label: &str) {
    let text = l.dump();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), l.len(), "{label}: dump has a line per row");
    for (i, line) in lines.iter().enumerate() {
        let row = l.rows()[i];
        let expected = if row.is_blank() {
            String::new()
        } else {
            format!("{}{}", " ".repeat(usize::from(row.margin())), l.row_text(i))
        };
        assert_eq!(*line, expected.trim_end(), "{label}: dump line {i}");
    }
    let shown: String = newsreader::layout::blocks(article)
        .iter()
        .flat_map(|b| b.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let dumped: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(dumped, shown, "{label}: the dump lost or changed text");
}

#[test]
fn seed_article_has_no_violation_at_any_width() {
    let article = load(Path::new(SEED));
    for width in 10..=100u16 {
        let label = format!("seed at {width}");
        let l = layout(&article, width, &options(width));
        if let Err(e) = check(&l, width, &label) {
            panic!("{e}");
        }
        // The seed has no URL or long word: not a single forbidden start or end.
        let rows: Vec<_> = (0..l.len()).map(|i| l.row_text(i)).collect();
        for pair in l.rows().windows(2).zip(rows.windows(2)) {
            let ([a, b], [ta, tb]) = pair else { continue };
            if a.block() != b.block() || a.is_blank() || b.is_blank() {
                continue;
            }
            let start = tb.chars().next().unwrap_or(' ');
            let end = ta.chars().next_back().unwrap_or(' ');
            assert!(!NO_START.contains(start), "{label}: row starts with {tb:?}");
            assert!(!NO_END.contains(end), "{label}: row ends with {ta:?}");
        }
        check_dump(&article, &l, &label);
        assert_eq!(dump(&article, width, &options(width)), l.dump());
    }
}

#[test]
fn every_corpus_article_keeps_the_promises_at_widths_10_to_120() {
    let dir = Path::new(CORPUS);
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!(
            "corpus absent at {}: corpus articles were not checked (only the seed article was)",
            dir.display()
        );
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != "SOURCES.md") && p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus folder is empty");
    for path in &files {
        let article = load(path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        for width in 10..=120u16 {
            let label = format!("{name} at {width}");
            let l = layout(&article, width, &options(width));
            if let Err(e) = check(&l, width, &label) {
                panic!("{e}");
            }
            check_dump(&article, &l, &label);
        }
    }
}
