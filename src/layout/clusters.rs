//! Grapheme clusters with their display widths, fast. Layout must walk every character of
//! every paragraph, and the general segmentation algorithm (`unicode-segmentation`) is the
//! most expensive step of it; but between two characters that have no grapheme-joining
//! behaviour at all (ASCII, Latin-1, CJK ideographs, kana, CJK and general punctuation,
//! full-width forms) there is always a boundary. This iterator takes that shortcut and asks
//! `unicode-segmentation` only where a cluster may span several characters (combining
//! marks, emoji sequences, Hangul jamo, regional indicators, Indic scripts).

use std::iter::Peekable;
use std::str::CharIndices;

use unicode_segmentation::GraphemeCursor;
use unicode_width::UnicodeWidthChar;

use super::width::grapheme_width;

/// One grapheme cluster of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Grapheme {
    /// Byte offset of the cluster.
    pub start: usize,
    /// Byte offset after the cluster.
    pub end: usize,
    /// The cluster's first character.
    pub first: char,
    /// The cluster's last character.
    pub last: char,
    /// Display width in columns, as [`grapheme_width`] measures it.
    pub width: usize,
}

/// The grapheme clusters of a text, in order.
pub(crate) struct Graphemes<'a> {
    text: &'a str,
    chars: Peekable<CharIndices<'a>>,
    ambiguous_wide: bool,
    /// Whether the next character is known to be simple (saves testing it twice).
    next_simple: bool,
}

impl<'a> Graphemes<'a> {
    /// The clusters of `text`, measured with East Asian ambiguous characters wide or not.
    pub fn new(text: &'a str, ambiguous_wide: bool) -> Self {
        Self {
            text,
            chars: text.char_indices().peekable(),
            ambiguous_wide,
            next_simple: false,
        }
    }
}

impl Iterator for Graphemes<'_> {
    type Item = Grapheme;

    #[inline]
    fn next(&mut self) -> Option<Grapheme> {
        let (start, first) = self.chars.next()?;
        let first_simple = self.next_simple || is_simple(first);
        let next = self.chars.peek().map(|&(_, c)| c);
        self.next_simple = next.is_some_and(is_simple);
        if first_simple && (next.is_none() || self.next_simple) {
            return Some(Grapheme {
                start,
                end: start.saturating_add(first.len_utf8()),
                first,
                last: first,
                width: simple_width(first, self.ambiguous_wide),
            });
        }
        Some(self.complex(start, first))
    }
}

impl Graphemes<'_> {
    /// The cluster starting at `start` with `first` when it may span several characters:
    /// asks `unicode-segmentation` where it ends.
    #[cold]
    #[inline(never)]
    fn complex(&mut self, start: usize, first: char) -> Grapheme {
        let mut cursor = GraphemeCursor::new(start, self.text.len(), true);
        let end = match cursor.next_boundary(self.text, 0) {
            Ok(Some(end)) => end,
            _ => self.text.len(),
        };
        while self.chars.peek().is_some_and(|&(at, _)| at < end) {
            self.chars.next();
        }
        self.next_simple = false;
        let cluster = self.text.get(start..end).unwrap_or_default();
        Grapheme {
            start,
            end,
            first,
            last: cluster.chars().next_back().unwrap_or(first),
            width: grapheme_width(cluster, self.ambiguous_wide),
        }
    }
}

/// Whether `c` never joins a neighbour into one grapheme cluster (its
/// `Grapheme_Cluster_Break` property is `Other`), so that two such characters in a row are
/// always two clusters. A conservative list of the blocks news text is made of.
#[inline]
fn is_simple(c: char) -> bool {
    // The two common cases first, as cheap comparisons.
    if c.is_ascii() {
        return !c.is_ascii_control();
    }
    if matches!(c, '\u{4E00}'..='\u{9FFF}') {
        return true;
    }
    matches!(c,
        '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303F}'
        | '\u{3041}'..='\u{3096}' | '\u{30A0}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{FF01}'..='\u{FF9D}')
}

/// The width of a simple character (see [`is_simple`]), with shortcuts for the common ones.
#[inline]
fn simple_width(c: char, ambiguous_wide: bool) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => 2,
        _ if ambiguous_wide => c.width_cjk().unwrap_or(0),
        _ => c.width().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn clusters(text: &str) -> Vec<&str> {
        Graphemes::new(text, false)
            .map(|g| &text[g.start..g.end])
            .collect()
    }

    #[test]
    fn simple_characters_never_join_a_neighbour() {
        let simple = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c));
        for c in simple {
            for pair in [format!("a{c}"), format!("{c}a"), format!("{c}{c}")] {
                assert_eq!(pair.graphemes(true).count(), 2, "{:04X}", c as u32);
            }
            let s = c.to_string();
            assert_eq!(simple_width(c, false), grapheme_width(&s, false), "{c}");
            assert_eq!(simple_width(c, true), grapheme_width(&s, true), "{c}");
        }
    }

    #[test]
    fn clusters_match_unicode_segmentation() {
        for text in [
            "中文，ab “引号” e\u{301}x 👨\u{200d}👩\u{200d}👧 🇨🇳🇺🇸 한국어 각 \r\n",
            "\u{301}start",
            "ｶﾞｷﾞ क्षि",
            "❤\u{fe0f}a",
            "",
        ] {
            let ours = clusters(text);
            let theirs: Vec<&str> = text.graphemes(true).collect();
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn widths_and_ends_are_reported() {
        let g: Vec<_> = Graphemes::new("中e\u{301}😀", false).collect();
        assert_eq!(g.iter().map(|g| g.width).collect::<Vec<_>>(), [2, 1, 2]);
        assert_eq!((g[1].first, g[1].last), ('e', '\u{301}'));
    }
}
