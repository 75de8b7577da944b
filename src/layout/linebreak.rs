//! Line breaking for one paragraph: where a line may end, and the greedy fill that chooses
//! where each line does end. Break opportunities come from Unicode line breaking (UAX #14,
//! `unicode-linebreak`), restricted to grapheme cluster boundaries and tailored by the clreq
//! rules in [`super::rules`]; a line that has no such opportunity at all (a long URL, an
//! e-mail address, a word wider than the pane) is cut at a grapheme boundary instead. The
//! text is walked once per paragraph, a chunk of clusters at a time, and each line costs
//! time in proportion to its length.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::clusters::Graphemes;
use super::rules::{is_break_space, is_line_end, is_no_end, is_no_start, quote_break};

/// The cluster is a single breaking space (dropped at a soft break).
const SPACE: u8 = 1;
/// The cluster is a mandatory line end (never drawn).
const LINE_END: u8 = 1 << 1;
/// A line may legally start with this cluster (UAX #14 and clreq agree).
const BREAK: u8 = 1 << 2;
/// The cluster's first character may not start a line.
const NO_START: u8 = 1 << 3;
/// The cluster's last character may not end a line.
const NO_END: u8 = 1 << 4;

/// One grapheme cluster of the paragraph being broken.
#[derive(Clone, Copy, Debug)]
struct Cluster {
    start: usize,
    end: usize,
    width: usize,
    flags: u8,
}

impl Cluster {
    fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// One line chosen by [`Breaker::fill`]: the byte range it shows and its width in columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// Byte offset of the first shown byte.
    pub start: usize,
    /// Byte offset after the last shown byte (trailing spaces at a soft break excluded).
    pub end: usize,
    /// Display width of `start..end`, or 1 for a placeholder.
    pub width: usize,
    /// The line is one grapheme too wide for any line; it is drawn as a placeholder.
    pub placeholder: bool,
}

/// How many clusters are analysed at a time. The breaker keeps only the clusters of the line
/// being filled plus one such chunk, so a paragraph of millions of characters (a whole
/// article on one line) costs memory for a chunk, not for every character.
const CHUNK: usize = 4096;

/// Breaks paragraphs into lines, reusing its buffer from one paragraph to the next.
#[derive(Debug, Default)]
pub(crate) struct Breaker {
    clusters: Vec<Cluster>,
}

/// Analyses a paragraph as it is walked: its grapheme clusters, their widths, and which
/// cluster boundaries are legal line breaks.
struct Analyser<'t, B> {
    breaks: B,
    graphemes: Graphemes<'t>,
    next_break: usize,
    /// Last character of the previous cluster.
    previous: char,
    /// Whether the last non-space cluster may not end a line.
    open_before: bool,
}

fn analyser(
    text: &str,
    ambiguous_wide: bool,
) -> Analyser<'_, impl Iterator<Item = (usize, BreakOpportunity)> + '_> {
    let mut breaks = linebreaks(text).filter(|&(_, kind)| {
        // Mandatory breaks are found from the line-end clusters themselves.
        kind == BreakOpportunity::Allowed
    });
    let next_break = breaks.next().map_or(usize::MAX, |(at, _)| at);
    Analyser {
        breaks,
        graphemes: Graphemes::new(text, ambiguous_wide),
        next_break,
        previous: '\0',
        open_before: false,
    }
}

impl<B: Iterator<Item = (usize, BreakOpportunity)>> Analyser<'_, B> {
    /// The next cluster of the paragraph.
    fn next_cluster(&mut self) -> Option<Cluster> {
        let g = self.graphemes.next()?;
        let (start, first, last) = (g.start, g.first, g.last);
        let mut flags = if first == last && is_plain(first) {
            0
        } else {
            classify(first, last, g.end == start.saturating_add(first.len_utf8()))
        };
        while self.next_break < start {
            self.next_break = self.breaks.next().map_or(usize::MAX, |(at, _)| at);
        }
        if start > 0 {
            let previous = self.previous;
            let quote = (matches!(first, '“' | '‘') || matches!(previous, '”' | '’'))
                && !is_break_space(previous)
                && quote_break(previous, first);
            // A line never starts with a space (it would be dropped), so no break before
            // one: UAX #14 breaks after spaces.
            if (self.next_break == start || quote)
                && !self.open_before
                && flags & (NO_START | SPACE) == 0
            {
                flags |= BREAK;
            }
        }
        self.previous = last;
        if flags & SPACE == 0 {
            self.open_before = flags & NO_END != 0;
        }
        let width = if flags & LINE_END != 0 { 0 } else { g.width };
        Some(Cluster {
            start,
            end: g.end,
            width,
            flags,
        })
    }

    /// Appends up to [`CHUNK`] more clusters to `clusters`; false when none were left.
    fn more(&mut self, clusters: &mut Vec<Cluster>) -> bool {
        let before = clusters.len();
        while clusters.len() - before < CHUNK {
            match self.next_cluster() {
                Some(c) => clusters.push(c),
                None => break,
            }
        }
        clusters.len() > before
    }
}

impl Breaker {
    /// Breaks `text` into lines: the first line has `first_width` columns, later lines
    /// `width` (both at least 1). Calls `emit` for each line, in order; an empty text gives
    /// one empty line.
    pub fn fill(
        &mut self,
        text: &str,
        first_width: usize,
        width: usize,
        ambiguous_wide: bool,
        mut emit: impl FnMut(Line),
    ) {
        let mut source = analyser(text, ambiguous_wide);
        let clusters = &mut self.clusters;
        clusters.clear();
        if !source.more(clusters) {
            emit(Line {
                start: 0,
                end: 0,
                width: 0,
                placeholder: false,
            });
            return;
        }
        let mut s = 0;
        let mut leading = true;
        let mut avail = first_width.max(1);
        loop {
            // What earlier lines used is not needed again.
            if s >= CHUNK {
                clusters.drain(..s);
                s = 0;
            }
            if s >= clusters.len() && !source.more(clusters) {
                break;
            }
            let line_start = clusters[s].start;
            let mut i = s;
            let mut used = 0usize;
            let mut content_width = 0usize;
            let mut content_end = line_start;
            // Last legal break seen: (cluster index, content end, content width).
            let mut best: Option<(usize, usize, usize)> = None;
            let mut hard_end = false;
            let mut at_end = false;
            loop {
                if i >= clusters.len() && !source.more(clusters) {
                    at_end = true;
                    break;
                }
                let c = clusters[i];
                if i > s && c.has(BREAK) && content_end > line_start {
                    best = Some((i, content_end, content_width));
                }
                if c.has(LINE_END) {
                    hard_end = true;
                    break;
                }
                if c.has(SPACE) && !leading {
                    // Spaces hang: they never push a line over its width.
                    used = used.saturating_add(c.width);
                    i += 1;
                    continue;
                }
                if used.saturating_add(c.width) > avail {
                    break;
                }
                used = used.saturating_add(c.width);
                content_width = used;
                content_end = c.end;
                leading = leading && c.has(SPACE);
                i += 1;
            }
            if hard_end || at_end {
                emit(Line {
                    start: line_start,
                    end: content_end,
                    width: content_width,
                    placeholder: false,
                });
                s = i.saturating_add(1);
                leading = true;
                if !hard_end {
                    break;
                }
                if s >= clusters.len() && !source.more(clusters) {
                    // A line end as the last cluster still leaves an empty last line.
                    let at = clusters.last().map_or(0, |c| c.end);
                    emit(Line {
                        start: at,
                        end: at,
                        width: 0,
                        placeholder: false,
                    });
                }
            } else if let Some((p, end, w)) = best {
                emit(Line {
                    start: line_start,
                    end,
                    width: w,
                    placeholder: false,
                });
                s = p;
                leading = false;
            } else if i == s {
                // Not even one grapheme fits: show it as a one-column placeholder.
                emit(Line {
                    start: line_start,
                    end: clusters[s].end,
                    width: 1,
                    placeholder: true,
                });
                s += 1;
                leading = false;
            } else {
                let q = emergency_break(clusters, s, i);
                let (end, w) = content_before(clusters, s, q);
                emit(Line {
                    start: line_start,
                    end,
                    width: w,
                    placeholder: false,
                });
                s = q;
                leading = false;
            }
            while !leading
                && (s < clusters.len() || source.more(clusters))
                && clusters[s].has(SPACE)
            {
                s += 1;
            }
            avail = width.max(1);
        }
    }
}

/// Whether `c` is a letter, digit or ideograph that no rule singles out (the common case,
/// classified without looking at the rule tables).
#[inline]
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// The rule flags of a cluster from its first and last characters; `single` says whether
/// the cluster is one character.
fn classify(first: char, last: char, single: bool) -> u8 {
    let mut flags = 0;
    if single && is_break_space(first) {
        flags |= SPACE;
    }
    if is_line_end(first) {
        flags |= LINE_END;
    }
    if is_no_start(first) {
        flags |= NO_START;
    }
    if is_no_end(last) {
        flags |= NO_END;
    }
    flags
}

/// Where to cut a line that has no legal break: the last grapheme boundary in `(s, i]` that
/// at least keeps the clreq rules (no forbidden start or end, no space at the start), or `i`
/// (the first grapheme that does not fit) when there is none.
fn emergency_break(clusters: &[Cluster], s: usize, i: usize) -> usize {
    (s + 1..=i)
        .rev()
        .find(|&q| {
            let next = &clusters[q];
            let prev = &clusters[q - 1];
            !next.has(SPACE | NO_START) && !prev.has(SPACE | NO_END)
        })
        .unwrap_or(i)
}

/// The end byte and width of clusters `s..q` without trailing spaces.
fn content_before(clusters: &[Cluster], s: usize, q: usize) -> (usize, usize) {
    let shown = &clusters[s..q];
    let keep = shown
        .iter()
        .rposition(|c| !c.has(SPACE))
        .map_or(0, |k| k + 1);
    let end = shown
        .get(keep.wrapping_sub(1))
        .map_or(clusters[s].start, |c| c.end);
    let width = shown[..keep]
        .iter()
        .fold(0usize, |w, c| w.saturating_add(c.width));
    (end, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        let mut out = Vec::new();
        Breaker::default().fill(text, width, width, false, |l| {
            out.push(if l.placeholder {
                "?"
            } else {
                &text[l.start..l.end]
            })
        });
        out
    }

    #[test]
    fn paragraphs_longer_than_a_chunk_break_as_short_ones_do() {
        // Clusters are analysed a chunk at a time; lines that straddle a chunk boundary must
        // obey the same rules. The sentence's lines at each width are known from short text.
        let sentence = "记者今天从有关部门获悉，“今年全国夏粮收购工作进展顺利。”Prices rose 3.5% — \
                        a small rise. ";
        let long = sentence.repeat(CHUNK / 20 * 3);
        assert!(long.chars().count() > 3 * CHUNK);
        for width in [7usize, 40, 80] {
            let got = lines(&long, width);
            let rebuilt: String = got.concat();
            let squeeze = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
            assert_eq!(squeeze(&rebuilt), squeeze(&long), "width {width}");
            for l in &got {
                assert!(super::super::width::str_width(l, false) <= width, "{l:?}");
                let first = l.chars().next().unwrap_or('a');
                assert!(
                    !is_no_start(first),
                    "width {width}: line starts with {first}"
                );
            }
        }
    }

    #[test]
    fn cjk_fills_each_line() {
        assert_eq!(lines("一二三四五六七", 6), ["一二三", "四五六", "七"]);
    }

    #[test]
    fn closing_punctuation_pushes_the_last_character_down() {
        assert_eq!(lines("一二三，四五", 6), ["一二", "三，四", "五"]);
        assert_eq!(lines("一二三,四五", 6), ["一二", "三,四", "五"]);
    }

    #[test]
    fn dashes_stay_whole_and_off_the_line_start() {
        assert_eq!(lines("一二——三四", 6), ["一二——", "三四"]);
        assert_eq!(lines("一二三——四", 6), ["一二", "三——四"]);
        assert_eq!(lines("一二三……四", 6), ["一二", "三……四"]);
    }

    #[test]
    fn latin_wraps_at_spaces_and_drops_them() {
        assert_eq!(lines("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(lines("aaa    bbb", 5), ["aaa", "bbb"]);
    }

    #[test]
    fn leading_spaces_are_kept() {
        assert_eq!(lines("　　一二三", 8), ["　　一二", "三"]);
        assert_eq!(lines("  ab cd", 5), ["  ab", "cd"]);
    }

    #[test]
    fn long_words_break_at_graphemes() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn a_grapheme_wider_than_the_line_is_a_placeholder() {
        assert_eq!(lines("中文", 1), ["?", "?"]);
    }

    #[test]
    fn line_ends_inside_a_paragraph_start_new_lines() {
        assert_eq!(lines("ab\ncd", 10), ["ab", "cd"]);
        assert_eq!(lines("ab\n", 10), ["ab", ""]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn first_line_may_be_narrower() {
        let text = "一二三四五";
        let mut out = Vec::new();
        Breaker::default().fill(text, 4, 6, false, |l| out.push(&text[l.start..l.end]));
        assert_eq!(out, ["一二", "三四五"]);
    }
}
