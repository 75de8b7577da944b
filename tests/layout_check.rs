//! The layout's promises, checked from the outside: shared by the property, corpus and rule
//! tests (included with `#[path]`) so that every test judges a layout the same way. The
//! forbidden character sets and the widths are spelled out here independently of the
//! implementation, from PRODUCT §3, so a wrong table in `src/layout` cannot hide itself.
#![allow(dead_code)]

use newsreader::layout::{Layout, Piece, TextPos, rules};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Characters no line may start with (PRODUCT §3 and the clreq list).
pub const NO_START: &str = "，。、；：？！”’」』）》】〉…〕｝］〗〙｠｡､・·ー々〻,.;:!?)]}—%％";
/// Characters no line may end with.
pub const NO_END: &str = "“‘「『（《【〈([{";

/// Display width as the tests measure it: `unicode-width` per grapheme cluster.
pub fn measure(s: &str, ambiguous_wide: bool) -> usize {
    s.graphemes(true)
        .map(|g| {
            let w = if ambiguous_wide {
                g.width_cjk()
            } else {
                g.width()
            };
            let marks = g
                .chars()
                .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
                .count();
            w + marks
        })
        .sum()
}

/// Whether a line may legally break at byte `at` of `text`: a UAX #14 opportunity (or the
/// Unicode 15.1 quotation-mark rule) at a grapheme boundary that neither starts a line with
/// a forbidden character (or a space, which a break drops) nor ends one with a forbidden
/// character.
pub fn legal_break(text: &str, at: usize) -> bool {
    if at == 0 || at >= text.len() || !text.is_char_boundary(at) {
        return false;
    }
    let grapheme_boundary = text.grapheme_indices(true).any(|(i, _)| i == at);
    let before = &text[..at];
    let after = &text[at..];
    let (Some(prev), Some(next)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    let uax = unicode_linebreak::linebreaks(text)
        .any(|(i, k)| i == at && k == unicode_linebreak::BreakOpportunity::Allowed)
        || (!rules::is_break_space(prev) && rules::quote_break(prev, next));
    let last_visible = before
        .trim_end_matches(rules::is_break_space)
        .chars()
        .next_back();
    grapheme_boundary
        && uax
        && !rules::is_break_space(next)
        && !NO_START.contains(next)
        && !last_visible.is_some_and(|c| NO_END.contains(c))
}

/// Checks every promise the layout makes for its rows at pane width `width`; returns the
/// first broken one, described with `label`.
pub fn check(layout: &Layout, width: u16, label: &str) -> Result<(), String> {
    let wide = layout.options().ambiguous_wide;
    let column = layout.column_width();
    let blocks = layout.blocks();
    let rows = layout.rows();
    for (i, row) in rows.iter().enumerate() {
        let text = layout.row_text(i);
        let measured = measure(&text, wide);
        let drawn = usize::from(row.margin()) + measured;
        if drawn > usize::from(width.max(1)) || row.width() > column {
            return Err(format!(
                "{label}: row {i} {text:?} is {drawn} columns wide in {width}"
            ));
        }
        if !row.is_placeholder() && measured != usize::from(row.width()) {
            return Err(format!(
                "{label}: row {i} {text:?} claims width {}",
                row.width()
            ));
        }
    }
    // Text conservation: per block, the rows' ranges in order, only whitespace between.
    let mut per_block: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
    for (i, row) in rows.iter().enumerate() {
        if !row.is_blank() {
            per_block
                .get_mut(row.block())
                .ok_or_else(|| format!("{label}: row {i} names block {}", row.block()))?
                .push(i);
        }
    }
    for (b, (block, mine)) in blocks.iter().zip(&per_block).enumerate() {
        if mine.is_empty() {
            return Err(format!("{label}: block {b} has no rows"));
        }
        let mut at = 0;
        for &i in mine {
            let row = rows[i];
            let range = row.range();
            let gap = block.text.get(at..range.start).ok_or_else(|| {
                format!("{label}: row {i} range {range:?} goes back before {at} or splits a char")
            })?;
            if !gap.chars().all(char::is_whitespace) {
                return Err(format!("{label}: row {i} skipped text {gap:?}"));
            }
            let shown = block
                .text
                .get(range.clone())
                .ok_or_else(|| format!("{label}: row {i} range {range:?} is not text"))?;
            if row.is_placeholder() {
                let one = shown.graphemes(true).count() == 1;
                if !one || measure(shown, wide) <= usize::from(column) {
                    return Err(format!("{label}: row {i} placeholder for {shown:?}"));
                }
            } else {
                check_segments(layout, i, shown).map_err(|e| format!("{label}: row {i}: {e}"))?;
            }
            at = range.end;
        }
        let rest = &block.text[at..];
        if !rest.chars().all(char::is_whitespace) {
            return Err(format!("{label}: block {b} lost its end {rest:?}"));
        }
        // Forbidden starts and ends, allowed only where the line had no legal break.
        for pair in mine.windows(2) {
            let (row, next) = (rows[pair[0]], rows[pair[1]]);
            let text = &block.text;
            let gap = &text[row.end()..next.range().start];
            if gap.chars().any(rules::is_line_end) {
                continue;
            }
            let first = text[next.range()].chars().next();
            let last = text[row.range()].chars().next_back();
            let bad_start = first.is_some_and(|c| NO_START.contains(c));
            let bad_end = last.is_some_and(|c| NO_END.contains(c));
            if (bad_start || bad_end)
                && (row.start() + 1..=next.start()).any(|p| legal_break(text, p))
            {
                return Err(format!(
                    "{label}: rows {} / {} break {:?} | {:?} although the line had a legal break",
                    pair[0],
                    pair[1],
                    &text[row.range()],
                    &text[next.range()]
                ));
            }
        }
    }
    check_positions(layout, label)
}

/// What a row draws, piece by piece, against the text it shows (`shown`): the pieces sit side
/// by side from the margin and fill the row's width; the text pieces, read back in order, are
/// exactly `shown` with its characters narrowed only from full-width to half-width forms; the
/// cells that are not text are single blanks that stand for no text.
fn check_segments(layout: &Layout, i: usize, shown: &str) -> Result<(), String> {
    let row = layout.rows()[i];
    let text = &layout.blocks()[row.block()].text;
    let mut column = row.margin();
    let mut source = String::new();
    let mut at = row.start();
    for s in layout.segments(i) {
        if s.column != column {
            return Err(format!(
                "{:?} at column {} after column {column}",
                s.text, s.column
            ));
        }
        column = column.saturating_add(s.width);
        if measure(s.text, layout.options().ambiguous_wide) != usize::from(s.width) {
            return Err(format!("{:?} claims width {}", s.text, s.width));
        }
        match s.piece {
            Piece::Indent => {}
            Piece::Inserted(_) => {
                if s.text != " " || !s.source.is_empty() || s.source.start != at {
                    return Err(format!("inserted {:?} for {:?} at {at}", s.text, s.source));
                }
            }
            Piece::Text | Piece::Narrowed | Piece::Placeholder => {
                if s.source.start != at {
                    return Err(format!(
                        "{:?} starts at {}, expected {at}",
                        s.text, s.source.start
                    ));
                }
                let written = &text[s.source.clone()];
                if s.piece == Piece::Narrowed {
                    let c = written.chars().next().unwrap_or(' ');
                    let half = char::from_u32(u32::from(c).wrapping_sub(0xFEE0));
                    if written.chars().count() != 1 || half.map(String::from) != Some(s.text.into())
                    {
                        return Err(format!("{written:?} drawn as {:?}", s.text));
                    }
                } else if s.text != written {
                    return Err(format!("draws {:?} for {written:?}", s.text));
                }
                source.push_str(written);
                at = s.source.end;
            }
        }
    }
    if source != shown {
        return Err(format!("pieces show {source:?}, the row {shown:?}"));
    }
    let drawn = column.saturating_sub(row.margin());
    if drawn != row.width() {
        return Err(format!(
            "pieces take {drawn} cells, the row claims {}",
            row.width()
        ));
    }
    Ok(())
}

/// Position → row → position round trips.
fn check_positions(layout: &Layout, label: &str) -> Result<(), String> {
    let rows = layout.rows();
    for (i, row) in rows.iter().enumerate() {
        if row.is_blank() {
            let next = layout.row_of(layout.pos_of_row(i));
            if next <= i || rows[next].pos() != row.pos() {
                return Err(format!("{label}: blank row {i} points at row {next}"));
            }
            continue;
        }
        if layout.row_of(layout.pos_of_row(i)) != i {
            return Err(format!("{label}: row {i} does not round-trip"));
        }
        // A few positions inside the row (and in the spaces after it) map back to it.
        let text = &layout.blocks()[row.block()].text;
        let limit = rows
            .get(i + 1)
            .filter(|n| n.block() == row.block() && !n.is_blank())
            .map_or(text.len() + 1, |n| n.start());
        for offset in [row.start() + 1, (row.start() + row.end()) / 2, row.end()] {
            if offset >= limit || !text.is_char_boundary(offset.min(text.len())) {
                continue;
            }
            let pos = TextPos {
                block: row.block(),
                offset,
            };
            let found = layout.row_of(pos);
            if found != i {
                return Err(format!(
                    "{label}: {pos:?} maps to row {found}, expected {i}"
                ));
            }
            if layout.pos_of_row(found) > pos {
                return Err(format!("{label}: row of {pos:?} starts after it"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod checker {
    use super::*;

    #[test]
    fn the_checker_knows_legal_breaks() {
        assert!(legal_break("一二三", 3));
        assert!(!legal_break("一，", 3));
        assert!(!legal_break("一——", 3));
        assert!(!legal_break("“一", 3));
        assert!(legal_break("ab cd", 3));
        assert!(!legal_break("ab cd", 2));
        assert!(!legal_break("services@why.com.cn", 8));
    }

    #[test]
    fn measure_counts_columns() {
        assert_eq!(measure("中a😀e\u{301}", false), 6);
        assert_eq!(measure("“”", true), 4);
    }
}
