//! [`encode`] gives, byte for byte, what it gave before it folded most blocks in one pass
//! (commit 4b07362): that encoding, kept here as it was (one Char per character through
//! `fold_each`, edges over every block, marks as tokens), against today's over random texts
//! and every article of the shared corpora.

use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::search::fold_each;

/// The encoding as it was: the general path for every block.
fn encoded_before(blocks: &[Block]) -> Result<Encoded, TooLong> {
    let mut units: Vec<Option<char>> = Vec::new();
    let (mut case, mut edge, mut expanding) = (Vec::new(), Vec::new(), false);
    let mut chars: Vec<Char> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            units.extend([None; BLOCK_GAP]);
        }
        chars.clear();
        fold_each(&b.text, |original, kept, full| {
            let unit = units.len();
            let mut lowered = full.chars();
            let first = lowered.next();
            let more = lowered.next().is_some();
            expanding |= more;
            if first != Some(kept) || more {
                case.push(mark(unit, CASE, Some(kept)));
            }
            full.chars().for_each(|c| units.push(Some(c)));
            chars.push(Char {
                original,
                kept,
                unit,
            });
        });
        for (i, c) in chars.iter().enumerate() {
            if !context_sensitive(c.original) {
                continue;
            }
            if let Some(n) = chars.get(i + 1) {
                let alone = fold(&[c.original, n.original].iter().collect::<String>(), false);
                if !alone.starts_with(c.kept) {
                    edge.push(mark(c.unit, EDGE_START, None));
                }
            }
            if let Some(p) = i.checked_sub(1).and_then(|p| chars.get(p)) {
                let alone = fold(&[p.original, c.original].iter().collect::<String>(), false);
                if !alone.ends_with(c.kept) {
                    edge.push(mark(c.unit, EDGE_END, None));
                }
            }
        }
        if u32::try_from(units.len() + 1).is_err() {
            return Err(TooLong);
        }
    }
    let mut value = String::new();
    for u in units {
        match u {
            None => value.push_str("\0\0"),
            Some('\0') => value.extend(['\0', UNIT_NUL]),
            Some(c) => value.push(c),
        }
    }
    value.extend(['\0', THEN_MARKS]);
    for t in case.iter().chain(&edge) {
        match t.text.strip_prefix(CASE) {
            Some(kept) if t.text.len() > CASE.len() => {
                value.push('c');
                value.push_str(kept);
            }
            _ if t.text == EDGE_START => value.push('s'),
            _ => value.push('e'),
        }
        value.push_str(&t.position.to_string());
        value.push(';');
    }
    Ok(Encoded { value, expanding })
}

/// Pieces that exercise every rule: case (ASCII, Greek, `ß`, `İ`), full-width forms and the
/// ideographic space, spaces between Chinese and Latin, traditional characters, the
/// context-sensitive words, NUL and the value's own control characters, combining marks,
/// characters outside the BMP.
const PIECES: &[&str] = &[
    "A",
    "b",
    "Z",
    "q",
    " ",
    "  ",
    "　",
    "Ａ",
    "ｂ",
    "１",
    "：",
    "，",
    "。",
    "5",
    "%",
    ".",
    "Rust",
    "İ",
    "ß",
    "Σ",
    "ς",
    "É",
    "é",
    "\u{301}",
    "😀",
    "𠀀",
    "\0",
    "\u{1}",
    "\u{2}",
    ";",
    "c9",
    "党",
    "黨",
    "建",
    "臺",
    "灣",
    "語言",
    "記者",
    "乾",
    "隆",
    "燥",
    "乾隆",
    "乾燥",
    "於",
    "樊於期",
    "著",
    "看著",
    "著作",
    "畫",
    "計畫",
    "兒",
    "覆",
    "夥",
    "藉",
    "瞭",
    "麽",
    "幺",
    "苧",
    "闔",
    "鍾",
    "讎",
    "かな",
    "한글",
    "Ⅻ",
    "ǅ",
    "\u{3000}",
];

fn texts() -> impl Strategy<Value = Vec<String>> {
    let text = prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat());
    prop::collection::vec(text, 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn encoding_is_what_it_was(texts in texts()) {
        let b: Vec<Block> = texts.iter().map(|t| Block::body(t.as_str())).collect();
        prop_assert_eq!(encode(&b), encoded_before(&b));
    }
}

#[test]
fn encoding_a_corpus_article_is_what_it_was() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let (mut seen, mut sensitive) = (0, 0);
    for folder in ["corpus", "corpus2", "extract-bench"] {
        let mut files = vec![root.join(folder)];
        while let Some(path) = files.pop() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                files.extend(entries.flatten().map(|e| e.path()));
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let Ok(article) = crate::library::parse_bytes(&bytes, &path, None) else {
                continue;
            };
            let b = crate::layout::blocks(&article);
            assert_eq!(encode(&b), encoded_before(&b), "{}", path.display());
            seen += 1;
            sensitive += usize::from(b.iter().any(|b| b.text.chars().any(context_sensitive)));
        }
    }
    if seen == 0 {
        use std::io::Write as _;
        // Straight to stderr: test output capture would hide a println.
        let _ = writeln!(
            std::io::stderr(),
            "{} absent: corpus articles not compared",
            root.display()
        );
    } else {
        assert!(seen >= 100, "only {seen} corpus articles");
        assert!(
            sensitive > 0,
            "no corpus article with a context-sensitive character"
        );
    }
    let seed = include_str!("../../../assets/000_cbc56e87487c11ac.txt");
    let article = crate::library::parse_bytes(seed.as_bytes(), Path::new("a.txt"), None).unwrap();
    let b = crate::layout::blocks(&article);
    assert_eq!(encode(&b), encoded_before(&b));
}
