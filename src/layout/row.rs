//! One row of laid-out text and the pieces it is drawn from. A row stores only ranges into
//! its block's text (and, for the cells drawn that are not text, a range of the layout's
//! list of such cells), so a laid-out 10 MB article costs a few dozen bytes per row rather
//! than a copy of the text.

use std::ops::Range;

use super::TextPos;

/// The indent drawn before a paragraph's first row: two full-width spaces.
pub const INDENT: &str = "\u{3000}\u{3000}";
/// The display width of [`INDENT`].
pub const INDENT_WIDTH: u16 = 4;

/// What a row shows, which decides its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// Part of the headline.
    Title,
    /// Part of a metadata row.
    Meta,
    /// Part of a heading, with the heading's level.
    Heading(u8),
    /// Part of a body paragraph.
    Body,
    /// An empty row separating blocks.
    Blank,
    /// A row kept for a picture of the paragraph above (see [`super::PictureBox`]); it shows
    /// no text.
    Picture,
}

/// A cell drawn that is not in the text: why it is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InsertKind {
    /// The space between Chinese and Latin text (`cjk-spacing`).
    Spacing,
    /// A pad that keeps the next wide character on the paragraph's column parity
    /// (`grid-align`).
    Pad,
}

/// One blank cell drawn before the text at byte `at` of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Insert {
    /// Byte offset of the text the cell is drawn before.
    pub at: usize,
    /// Why the cell is there.
    pub kind: InsertKind,
}

/// One row of the reader pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub(super) kind: RowKind,
    pub(super) indent: bool,
    pub(super) placeholder: bool,
    /// Some character of the row is drawn narrowed.
    pub(super) narrowed: bool,
    pub(super) width: u16,
    pub(super) margin: u16,
    /// How many inserted cells the row draws, from `first_insert` on.
    pub(super) inserts: u16,
    /// Index of the row's first inserted cell in the layout's list.
    pub(super) first_insert: u32,
    pub(super) block: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Row {
    /// An empty row of `block`, at byte `at` of its text, indented by `margin`.
    pub(super) fn blank(margin: u16, block: usize, at: usize) -> Row {
        Row {
            kind: RowKind::Blank,
            indent: false,
            placeholder: false,
            narrowed: false,
            width: 0,
            margin,
            inserts: 0,
            first_insert: 0,
            block,
            start: at,
            end: at,
        }
    }

    /// What the row shows.
    pub fn kind(&self) -> RowKind {
        self.kind
    }

    /// Whether the row shows no text: a blank separator row, or a row kept for a picture.
    pub fn is_blank(&self) -> bool {
        matches!(self.kind, RowKind::Blank | RowKind::Picture)
    }

    /// Index of the block whose text the row shows; for a blank row, the block that follows.
    pub fn block(&self) -> usize {
        self.block
    }

    /// Byte range of the block's text that the row shows. Spaces dropped at a line break
    /// lie between one row's range and the next; a blank row's range is empty and sits where
    /// the next text starts.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Byte offset of the row's first shown byte in its block's text.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset after the row's last shown byte.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The text position the row starts at.
    pub fn pos(&self) -> TextPos {
        TextPos {
            block: self.block,
            offset: self.start,
        }
    }

    /// What the row draws before its text: [`INDENT`] on an indented paragraph's first row,
    /// otherwise nothing.
    pub fn prefix(&self) -> &'static str {
        if self.indent { INDENT } else { "" }
    }

    /// Display width of [`Row::prefix`].
    pub fn prefix_width(&self) -> u16 {
        if self.indent { INDENT_WIDTH } else { 0 }
    }

    /// Display width of the row as drawn, prefix included, margin excluded. Never more than
    /// the layout's column width.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Columns between the pane's left edge and the row (the text column's margin).
    pub fn margin(&self) -> u16 {
        self.margin
    }

    /// Whether the row's text is one grapheme too wide for the pane, drawn as the one-column
    /// placeholder [`crate::strings::WIDE_PLACEHOLDER`] instead.
    pub fn is_placeholder(&self) -> bool {
        self.placeholder
    }
}

/// What a [`Segment`] draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Piece {
    /// Text as written.
    Text,
    /// One character of the text drawn narrowed (`Ａ` as `A`).
    Narrowed,
    /// The paragraph indent.
    Indent,
    /// A blank cell that is not in the text.
    Inserted(InsertKind),
    /// The placeholder for a grapheme wider than the pane.
    Placeholder,
}

/// A piece of a row to draw: its text, the byte range of the block it shows (empty for the
/// indent and inserted cells), and the pane column it starts at (margin included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    /// What to draw.
    pub text: &'a str,
    /// The block's bytes this piece stands for; empty for the indent prefix and inserted
    /// cells (which sit at the position of the text after them).
    pub source: Range<usize>,
    /// The pane column of the piece's first cell.
    pub column: u16,
    /// Display width of the piece.
    pub width: u16,
    /// What the piece is.
    pub piece: Piece,
}
