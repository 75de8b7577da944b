//! Search folding and matching on arbitrary text and queries: never a panic, every match
//! lies on character boundaries of its block, and matches are in order without overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreader::layout::{Block, BlockKind};
use newsreader::search::{Index, fold};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (query, body) = match text.split_once('\u{1}') {
        Some((q, b)) => (q.to_string(), b.to_string()),
        None => (text.chars().take(3).collect(), text.to_string()),
    };
    let _ = fold(&body, true);
    let blocks: Vec<Block> = body
        .split('\n')
        .map(|t| Block {
            kind: BlockKind::Body,
            section: 0,
            paragraph: Some(0),
            text: t.to_string(),
        })
        .collect();
    let index = Index::new(&blocks);
    let found = index.find(&blocks, &query);
    let mut last = (0usize, 0usize);
    for m in &found {
        let t = &blocks[m.block].text;
        assert!(t.is_char_boundary(m.range.start) && t.is_char_boundary(m.range.end));
        assert!(m.range.start < m.range.end);
        assert!((m.block, m.range.start) >= last, "out of order");
        last = (m.block, m.range.end);
    }
    let counted = index.count_and_first(&blocks, &query);
    assert_eq!(counted.map(|c| c.0), (!found.is_empty()).then_some(found.len()));
});
