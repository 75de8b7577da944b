//! What a row draws, piece by piece, and where each piece of the text lands: the indent, runs
//! of text as written, characters drawn narrowed, and the blank cells that are not in the text
//! (CJK–Latin spacing, grid pads). Every piece carries the byte range of the text it stands
//! for and its pane column, so a search match or a link given as a text range is highlighted
//! on exactly the cells that show it, whatever was inserted or narrowed around it.

use std::borrow::Cow;
use std::ops::Range;

use super::narrow::{ascii_str, may_narrow, narrow};
use super::row::{Insert, InsertKind, Piece, Row, Segment};
use super::{Layout, width};
use crate::strings;

/// Blank cells to draw inserted cells from.
const BLANK: &str = " ";

/// The pieces one row is drawn from, left to right (see [`Layout::segments`]).
pub struct Segments<'a> {
    text: &'a str,
    row: Option<Row>,
    inserts: &'a [Insert],
    pos: usize,
    column: u16,
    indent_done: bool,
    ambiguous_wide: bool,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let row = self.row?;
        if !self.indent_done {
            self.indent_done = true;
            self.column = row.margin.saturating_add(row.prefix_width());
            if row.indent {
                return Some(Segment {
                    text: row.prefix(),
                    source: row.start..row.start,
                    column: row.margin,
                    width: row.prefix_width(),
                    piece: Piece::Indent,
                });
            }
        }
        if row.placeholder {
            self.row = None;
            return Some(Segment {
                text: strings::WIDE_PLACEHOLDER,
                source: row.range(),
                column: self.column,
                width: row.width.saturating_sub(row.prefix_width()),
                piece: Piece::Placeholder,
            });
        }
        if let Some((first, rest)) = self.inserts.split_first()
            && first.at <= self.pos
        {
            self.inserts = rest;
            let column = self.column;
            self.column = column.saturating_add(1);
            return Some(Segment {
                text: BLANK,
                source: self.pos..self.pos,
                column,
                width: 1,
                piece: Piece::Inserted(first.kind),
            });
        }
        if self.pos >= row.end {
            self.row = None;
            return None;
        }
        let mut stop = self.inserts.first().map_or(row.end, |i| i.at.min(row.end));
        if row.narrowed
            && let Some((at, half)) = first_narrowed(self.text, self.pos, stop)
        {
            if at == self.pos {
                let c = self.text.get(at..).and_then(|t| t.chars().next());
                let len = c.map_or(1, char::len_utf8);
                let column = self.column;
                self.column = column.saturating_add(1);
                self.pos = at.saturating_add(len);
                return Some(Segment {
                    text: half,
                    source: at..self.pos,
                    column,
                    width: 1,
                    piece: Piece::Narrowed,
                });
            }
            stop = at;
        }
        let text = self.text.get(self.pos..stop).unwrap_or_default();
        let w = u16::try_from(width::str_width(text, self.ambiguous_wide)).unwrap_or(u16::MAX);
        let segment = Segment {
            text,
            source: self.pos..stop,
            column: self.column,
            width: w,
            piece: Piece::Text,
        };
        self.column = self.column.saturating_add(w);
        self.pos = stop.max(self.pos.saturating_add(1));
        Some(segment)
    }
}

/// The first character of `text[from..to]` that is drawn narrowed, with what it is drawn as.
fn first_narrowed(text: &str, from: usize, to: usize) -> Option<(usize, &'static str)> {
    let slice = text.get(from..to)?;
    let mut before = text.get(..from).and_then(|t| t.chars().next_back());
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if may_narrow(c) {
            let at = from.saturating_add(i);
            let after = match chars.peek() {
                Some(&(_, n)) => Some(n),
                None => text.get(at.saturating_add(c.len_utf8())..)?.chars().next(),
            };
            if let Some(half) = narrow(before, c, after).and_then(ascii_str) {
                return Some((at, half));
            }
        }
        before = Some(c);
    }
    None
}

impl Layout {
    /// The pieces row `i` is drawn from, left to right: the indent (if any), then runs of
    /// text, narrowed characters and inserted blank cells, or the placeholder for a grapheme
    /// too wide for the pane. Blank rows have none.
    pub fn segments(&self, i: usize) -> Segments<'_> {
        let row = self.rows.get(i).filter(|r| !r.is_blank()).copied();
        let inserts = row
            .and_then(|r| {
                let first = usize::try_from(r.first_insert).ok()?;
                self.inserts
                    .get(first..first.saturating_add(usize::from(r.inserts)))
            })
            .unwrap_or_default();
        Segments {
            text: row
                .and_then(|r| self.blocks.get(r.block))
                .map_or("", |b| b.text.as_str()),
            row,
            inserts,
            pos: row.map_or(0, |r| r.start),
            column: 0,
            indent_done: false,
            ambiguous_wide: self.options.ambiguous_wide,
        }
    }

    /// The text row `i` draws (indent included, margin not), as plain text; empty for a
    /// blank row or a row past the end.
    pub fn row_text(&self, i: usize) -> Cow<'_, str> {
        let Some(row) = self.rows.get(i).filter(|r| !r.is_blank()) else {
            return Cow::Borrowed("");
        };
        if !row.indent && !row.narrowed && row.inserts == 0 && !row.placeholder {
            let text = self.blocks.get(row.block).map_or("", |b| b.text.as_str());
            return Cow::Borrowed(text.get(row.range()).unwrap_or_default());
        }
        let mut out = String::new();
        for s in self.segments(i) {
            out.push_str(s.text);
        }
        Cow::Owned(out)
    }

    /// The pane columns (margin included) that the part of `range` (bytes of the row's
    /// block) shown on row `i` occupies, or `None` when the row shows none of it. Cells
    /// inserted inside the range are covered, cells inserted at its edges are not. This is
    /// how the reader highlights a search match that may span rows.
    pub fn columns(&self, i: usize, range: Range<usize>) -> Option<Range<u16>> {
        let row = self.rows.get(i).filter(|r| !r.is_blank())?;
        let start = range.start.max(row.start);
        let end = range.end.min(row.end);
        if start >= end && !(range.is_empty() && row.range().contains(&range.start)) {
            return None;
        }
        let left = row.margin.saturating_add(row.prefix_width());
        if row.placeholder {
            return Some(left..left.saturating_add(1));
        }
        let from = self.column_at(i, start, true);
        let to = self.column_at(i, end, false).max(from);
        Some(from..to)
    }

    /// The pane column where the text at byte `offset` is drawn on row `i`; with `after`,
    /// after the cells inserted before that text, otherwise before them.
    fn column_at(&self, i: usize, offset: usize, after: bool) -> u16 {
        let row = self.rows.get(i);
        let text = row
            .and_then(|r| self.blocks.get(r.block))
            .map_or("", |b| b.text.as_str());
        let mut last = row.map_or(0, |r| r.margin.saturating_add(r.prefix_width()));
        for s in self.segments(i) {
            match s.piece {
                Piece::Indent => {}
                Piece::Inserted(_) => {
                    if s.source.start > offset || (s.source.start == offset && !after) {
                        return s.column;
                    }
                }
                Piece::Text | Piece::Narrowed | Piece::Placeholder => {
                    if offset < s.source.end {
                        if offset <= s.source.start || s.piece != Piece::Text {
                            return s.column;
                        }
                        let a = floor_boundary(text, s.source.start);
                        let b = floor_boundary(text, offset);
                        let w = width::str_width(
                            text.get(a..b).unwrap_or_default(),
                            self.options.ambiguous_wide,
                        );
                        return s
                            .column
                            .saturating_add(u16::try_from(w).unwrap_or(u16::MAX));
                    }
                }
            }
            last = s.column.saturating_add(s.width);
        }
        last
    }

    /// How many cells of each kind the layout inserted (spacing, pads): for measurements.
    pub fn inserted(&self) -> (usize, usize) {
        let pads = self
            .inserts
            .iter()
            .filter(|i| i.kind == InsertKind::Pad)
            .count();
        (self.inserts.len() - pads, pads)
    }
}

/// `at`, moved back to the nearest char boundary of `text` (and into it).
pub(super) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at = at.saturating_sub(1);
    }
    at
}
