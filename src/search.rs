//! Finding text in an article the way a Chinese reader means it: Latin letters ignore case
//! unless the query has a capital, full-width and half-width forms are equal (`ＡＢＣ１２３：`
//! finds `ABC123:`), and traditional and simplified characters are equal (`黨建` finds `党建`).
//!
//! Matching runs over folded copies of the reader's blocks ([`Index`], built once per
//! article); every match is then mapped back onto the exact bytes of the original text, so a
//! highlight covers the graphemes the reader shows, whatever folding did to lengths. Matches
//! are text positions (block and byte range): one split across wrapped rows is still one
//! match, and a match never spans two blocks.

mod fold;

use std::ops::Range;

pub use fold::{
    context_sensitive, each_simplified, fold, fold_each, has_capital, ignored_space, lowered,
    simplified_char, simplified_pairs,
};

use crate::article::meta::half_width_char;

use crate::layout::{Block, TextPos};

/// One match: a byte range of one block's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Match {
    /// Index of the block (as in [`crate::layout::Layout::blocks`]).
    pub block: usize,
    /// Byte range in that block's original text.
    pub range: Range<usize>,
}

impl Match {
    /// Where the match starts.
    pub fn start(&self) -> TextPos {
        TextPos {
            block: self.block,
            offset: self.range.start,
        }
    }
}

/// Folded copies of an article's blocks, ready to be searched many times.
#[derive(Debug, Clone, Default)]
pub struct Index {
    folded: Vec<String>,
}

impl Index {
    /// Folds every block once.
    pub fn new(blocks: &[Block]) -> Index {
        Index {
            folded: blocks.iter().map(|b| fold(&b.text, true)).collect(),
        }
    }

    /// Every match of `query` in `blocks` (the blocks this index was built from), in text
    /// order. An empty query matches nothing.
    pub fn find(&self, blocks: &[Block], query: &str) -> Vec<Match> {
        let needle = fold(query, true);
        if needle.is_empty() {
            return Vec::new();
        }
        let exact_case = has_capital(query).then(|| fold(query, false));
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut out = Vec::new();
        for (i, folded) in self.folded.iter().enumerate() {
            let Some(block) = blocks.get(i) else { break };
            let hits: Vec<usize> = finder.find_iter(folded.as_bytes()).collect();
            if hits.is_empty() {
                continue;
            }
            // Non-overlapping, like every pager.
            let mut starts = Vec::with_capacity(hits.len());
            let mut next_free = 0;
            for h in hits {
                if h >= next_free {
                    starts.push(h);
                    next_free = h + needle.len();
                }
            }
            for range in map_back(&block.text, &starts, needle.len()) {
                let keep = exact_case.as_ref().is_none_or(|q| {
                    fold(block.text.get(range.clone()).unwrap_or_default(), false) == *q
                });
                if keep {
                    out.push(Match { block: i, range });
                }
            }
        }
        out
    }

    /// How many times `query` occurs and where first, without mapping every match back:
    /// what a library search needs for each article.
    pub fn count_and_first(&self, blocks: &[Block], query: &str) -> Option<(usize, Match)> {
        if has_capital(query) {
            let all = self.find(blocks, query);
            return all.first().cloned().map(|m| (all.len(), m));
        }
        let needle = fold(query, true);
        if needle.is_empty() {
            return None;
        }
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut count = 0;
        let mut first = None;
        for (i, folded) in self.folded.iter().enumerate() {
            let mut next_free = 0;
            for h in finder.find_iter(folded.as_bytes()) {
                if h < next_free {
                    continue;
                }
                next_free = h + needle.len();
                count += 1;
                if first.is_none()
                    && let Some(block) = blocks.get(i)
                    && let Some(range) = map_back(&block.text, &[h], needle.len()).pop()
                {
                    first = Some(Match { block: i, range });
                }
            }
        }
        first.map(|m| (count, m))
    }

    /// How many blocks the index holds.
    pub fn len(&self) -> usize {
        self.folded.len()
    }

    /// Whether the index holds no block.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }
}

/// One line of context around a match, and where the match is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line: a few characters before the match (after `…` when cut), the match, and
    /// what follows, up to about 60 characters.
    pub text: String,
    /// The byte range of the match in `text` (cut short when the line ends first).
    pub mark: Range<usize>,
}

/// The [`Excerpt`] of `text` around the match at `range`.
pub fn excerpt(text: &str, range: Range<usize>) -> Excerpt {
    let start = range.start.min(text.len());
    let from = text
        .get(..start)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .take(8)
        .last()
        .map_or(start, |(i, _)| i);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut mark = 0..0;
    for (i, c) in text.get(from..).unwrap_or_default().char_indices().take(60) {
        let at = from + i;
        if at == start {
            mark.start = out.len();
        }
        out.push(if c == '\n' { ' ' } else { c });
        if at < range.end {
            mark.end = out.len();
        }
    }
    if mark.end < mark.start {
        mark = out.len()..out.len();
    }
    Excerpt { text: out, mark }
}

/// One line of context around a match ([`Excerpt::text`]).
pub fn snippet(text: &str, range: Range<usize>) -> String {
    excerpt(text, range).text
}

/// Maps match starts in the folded text (sorted byte offsets, each `len` bytes long) back to
/// byte ranges of `original`, walking both texts once.
fn map_back(original: &str, starts: &[usize], len: usize) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(starts.len());
    let mut pending = starts.iter().peekable();
    let mut open: Option<(usize, usize)> = None; // (original start, folded end)
    let mut folded_pos = 0;
    let mut buf = String::new();
    // Traditional → simplified maps a character to one of the same UTF-8 length (the
    // fast2s table holds three-byte characters only), so folded lengths can be measured on
    // the original characters without converting them again.
    let mut chars = original.char_indices().peekable();
    let mut before = None;
    while let Some((orig_i, c)) = chars.next() {
        let half = half_width_char(c);
        let after = chars.peek().map(|&(_, n)| half_width_char(n));
        let ignored = fold::ignored_space(before, half, after);
        before = Some(half);
        if let Some((start, end)) = open
            && folded_pos >= end
        {
            out.push(start..orig_i);
            open = None;
        }
        if ignored {
            // Folded to nothing: inside a match that spans it, never its start or end.
            continue;
        }
        if open.is_none()
            && let Some(&&s) = pending.peek()
            && s <= folded_pos
        {
            pending.next();
            open = Some((orig_i, s + len));
        }
        buf.clear();
        fold::fold_char(c, true, &mut buf);
        folded_pos += buf.len();
    }
    if let Some((start, _)) = open {
        out.push(start..original.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts.iter().map(|t| Block::body(*t)).collect()
    }

    fn found(texts: &[&str], query: &str) -> Vec<String> {
        let b = blocks(texts);
        Index::new(&b)
            .find(&b, query)
            .iter()
            .map(|m| b[m.block].text[m.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn smart_case_for_latin_letters() {
        assert_eq!(
            found(&["Rust and rust and RUST"], "rust"),
            ["Rust", "rust", "RUST"]
        );
        assert_eq!(found(&["Rust and rust and RUST"], "Rust"), ["Rust"]);
    }

    #[test]
    fn full_width_and_half_width_are_equal_and_highlights_land_on_the_original() {
        assert_eq!(
            found(&["代号ＡＢＣ１２３：完成"], "abc123:"),
            ["ＡＢＣ１２３："]
        );
        assert_eq!(found(&["代号ABC123:完成"], "ＡＢＣ１２３："), ["ABC123:"]);
        assert_eq!(found(&["你好，世界"], "好,世"), ["好，世"]);
    }

    #[test]
    fn a_space_between_chinese_and_latin_is_optional_both_ways() {
        assert_eq!(found(&["使用Rust语言开发"], "Rust 语言"), ["Rust语言"]);
        assert_eq!(found(&["使用 Rust 语言开发"], "Rust语言"), ["Rust 语言"]);
        assert_eq!(found(&["使用 Rust 语言开发"], "用Rust"), ["用 Rust"]);
        assert_eq!(found(&["增长 50% 以上"], "50%以"), ["50% 以"]);
        // A match never starts or ends on the ignored space.
        assert_eq!(found(&["用 Rust"], "rust"), ["Rust"]);
    }

    #[test]
    fn simplified_and_traditional_are_equal() {
        assert_eq!(found(&["以高质量党建引领"], "黨建"), ["党建"]);
        assert_eq!(found(&["以高質量黨建引領"], "党建"), ["黨建"]);
        assert_eq!(found(&["臺灣與台湾"], "台湾"), ["臺灣", "台湾"]);
    }

    #[test]
    fn matches_stay_inside_one_block_and_do_not_overlap() {
        assert_eq!(found(&["党", "建"], "党建"), Vec::<String>::new());
        assert_eq!(found(&["aaaa"], "aa"), ["aa", "aa"]);
        assert_eq!(found(&["anything"], ""), Vec::<String>::new());
    }

    #[test]
    fn counting_agrees_with_finding() {
        let b = blocks(&["黨建和党建", "没有", "Rust rust 党建"]);
        let index = Index::new(&b);
        for q in ["党建", "rust", "Rust", "没有", "无"] {
            let all = index.find(&b, q);
            let got = index.count_and_first(&b, q);
            assert_eq!(got, all.first().cloned().map(|m| (all.len(), m)), "{q}");
        }
    }

    #[test]
    fn excerpts_mark_the_match() {
        let text = "一二三四五六七八九十党建引领发展";
        let at = text.find("党建").unwrap();
        let e = excerpt(text, at..at + 6);
        assert_eq!(&e.text[e.mark.clone()], "党建");
        let e = excerpt("党建", 0..6);
        assert_eq!((e.text.as_str(), e.mark), ("党建", 0..6));
        let long = format!("{}尾巴", "长".repeat(80));
        let at = long.find("尾巴").unwrap();
        let e = excerpt(&long, at..at + 6);
        assert!(e.text.starts_with('…'));
        assert_eq!(&e.text[e.mark.clone()], "尾巴");
    }

    #[test]
    fn snippets_show_a_little_before_the_match() {
        let text = "一二三四五六七八九十党建引领发展";
        let at = text.find("党建").unwrap();
        assert_eq!(snippet(text, at..at + 6), "…三四五六七八九十党建引领发展");
        assert_eq!(snippet("党建", 0..6), "党建");
    }

    #[test]
    fn expanding_case_folds_map_back_to_whole_characters() {
        // 'İ' lower-cases to two characters; the match still covers the original.
        assert_eq!(found(&["xİy"], "i̇y"), ["İy"]);
        assert_eq!(found(&["ŞTRASSE straße"], "straße"), ["straße"]);
    }
}
