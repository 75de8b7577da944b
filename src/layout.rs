//! The reader pane's typesetting: an article and a pane width in, rows out. Chinese line
//! breaking is where terminal readers fall short, so this module owns it: Unicode line breaking
//! (UAX #14) with the clreq rules on top ([`rules`]), widths per grapheme cluster as the
//! screen measures them ([`width`]), paragraph indentation, blank rows between blocks, and the
//! mapping between a text position and a row that keeps the reading position when the pane
//! is resized. Nothing here depends on the terminal; [`LayoutCache`] keeps recent results.

mod analyse;
mod blocks;
mod build;
mod cache;
mod clusters;
mod linebreak;
mod narrow;
mod options;
mod place;
mod row;
pub mod rules;
mod segments;
pub mod spacing;
pub mod width;

pub use blocks::{Block, BlockKind, blocks};
pub use cache::LayoutCache;
pub use options::{Align, Indent, LayoutOptions, Paragraph};
pub use place::Place;
pub use row::{INDENT, INDENT_WIDTH, InsertKind, Piece, Row, RowKind, Segment};
pub use segments::Segments;

use crate::article::Article;
use row::Insert;

/// A place in the text the reader shows: a byte offset (on a char boundary) into the text
/// of one of the layout's [`Block`]s. Positions, not rows, are what the reader remembers, so
/// they survive a change of width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextPos {
    /// Index into [`Layout::blocks`].
    pub block: usize,
    /// Byte offset into that block's text.
    pub offset: usize,
}

/// An article set at one pane width: its blocks and the rows that show them.
#[derive(Clone, Debug)]
pub struct Layout {
    blocks: Vec<Block>,
    rows: Vec<Row>,
    /// The cells drawn that are not text, each row's in one run (see [`Row`]).
    inserts: Vec<Insert>,
    /// Where the pictures are drawn, top to bottom.
    pictures: Vec<PictureBox>,
    width: u16,
    column_width: u16,
    margin: u16,
    options: LayoutOptions,
}

/// The rows kept for one picture of the article: under the paragraph whose placeholder
/// stands for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PictureBox {
    /// The picture's index in the article's `images`.
    pub image: usize,
    /// The first of its rows.
    pub row: usize,
    /// How many rows it has.
    pub rows: u16,
}

/// Lays `article` out for a pane `width` columns wide (0 and 1 are fine: no row is ever
/// wider than `width`, except that a zero-width pane is laid out as one column). With
/// [`LayoutOptions::picture_rows`] set, rows are kept for each picture under its paragraph.
pub fn layout(article: &Article, width: u16, options: &LayoutOptions) -> Layout {
    let blocks = blocks(article);
    if options.picture_rows == 0 || options.images == crate::images::Images::Off {
        return Layout::from_blocks(blocks, article.indented, width, options);
    }
    let at: std::collections::HashMap<(usize, usize), usize> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.paragraph.map(|p| ((b.section, p), i)))
        .collect();
    let mut pictured: Vec<(usize, usize)> = article
        .images
        .iter()
        .enumerate()
        .filter_map(|(image, p)| at.get(&(p.section, p.paragraph)).map(|&b| (b, image)))
        .collect();
    pictured.sort_unstable();
    Layout::with_pictures(blocks, article.indented, width, options, &pictured)
}

/// `text` as the layout draws it before it is broken into rows, with `options`' spacing and
/// narrowing applied (grid pads depend on where rows break and are not included). Applying
/// it twice gives the same text.
pub fn drawn_text(text: &str, options: &LayoutOptions) -> String {
    analyse::drawn(text, build::style(options, false))
}

/// The article laid out at `width` as plain text: each row on its own line, the margin as
/// spaces, trailing spaces trimmed (what `newsreader --dump` prints).
pub fn dump(article: &Article, width: u16, options: &LayoutOptions) -> String {
    layout(article, width, options).dump()
}

impl Layout {
    /// The blocks the rows show; [`TextPos::block`] indexes this list.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Every row, top to bottom.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Row `i`, if there is one.
    pub fn row(&self, i: usize) -> Option<&Row> {
        self.rows.get(i)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows (never the case for an article, which always has a title).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The pane width this layout was made for.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// The width of the text column: the pane width capped at the maximum text width.
    pub fn column_width(&self) -> u16 {
        self.column_width
    }

    /// Columns between the pane's left edge and the text column.
    pub fn margin(&self) -> u16 {
        self.margin
    }

    /// Where the pictures are drawn, top to bottom (none unless
    /// [`LayoutOptions::picture_rows`] was set).
    pub fn pictures(&self) -> &[PictureBox] {
        &self.pictures
    }

    /// The options this layout was made with.
    pub fn options(&self) -> &LayoutOptions {
        &self.options
    }

    /// The row containing `pos`: the last row that starts at or before it (spaces dropped at a
    /// break belong to the row before them). Positions before a block's first row map to that
    /// row, positions past the end to the last row.
    pub fn row_of(&self, pos: TextPos) -> usize {
        let key = (pos.block, pos.offset);
        let after = self.rows.partition_point(|r| (r.block, r.start) <= key);
        match after.checked_sub(1).and_then(|i| self.rows.get(i)) {
            Some(row) if row.block == pos.block && !row.is_blank() => after - 1,
            _ => {
                let next_text = self.rows[after.min(self.rows.len())..]
                    .iter()
                    .position(|r| !r.is_blank())
                    .map(|k| after.saturating_add(k));
                next_text.unwrap_or_else(|| self.rows.len().saturating_sub(1))
            }
        }
    }

    /// The text position row `i` starts at (the next text, for a blank row); rows past the
    /// end give the last row's position.
    pub fn pos_of_row(&self, i: usize) -> TextPos {
        self.rows
            .get(i)
            .or_else(|| self.rows.last())
            .map(Row::pos)
            .unwrap_or_default()
    }

    /// The section and paragraph `pos` lies in (paragraph `None` for the title, metadata and
    /// headings), or `None` when `pos` names no block.
    pub fn location(&self, pos: TextPos) -> Option<(usize, Option<usize>)> {
        self.blocks.get(pos.block).map(|b| (b.section, b.paragraph))
    }

    /// The first block of `section` with the given paragraph (`None`: the section's heading,
    /// or its first paragraph when it has no heading).
    pub fn block_of(&self, section: usize, paragraph: Option<usize>) -> Option<usize> {
        self.blocks.iter().position(|b| {
            b.section == section
                && !matches!(b.kind, BlockKind::Title | BlockKind::Meta)
                && (paragraph.is_none() || b.paragraph == paragraph)
        })
    }

    /// All rows as plain text, one per line, the margin as spaces and trailing spaces
    /// trimmed; see [`dump`].
    pub fn dump(&self) -> String {
        let mut out = String::new();
        for i in 0..self.rows.len() {
            let start = out.len();
            if self.rows.get(i).is_some_and(|r| !r.is_blank()) {
                out.extend(std::iter::repeat_n(' ', usize::from(self.margin)));
                out.push_str(&self.row_text(i));
            }
            let kept = out[start..].trim_end().len();
            out.truncate(start.saturating_add(kept));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Section;

    fn article(paragraphs: &[&str], indented: bool) -> Article {
        let mut a = Article::new(
            "标题",
            vec![
                Section {
                    heading: None,
                    level: 0,
                    paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                },
                Section {
                    heading: Some("小标题".into()),
                    level: 1,
                    paragraphs: vec!["尾段。".into()],
                },
            ],
        );
        a.date = Some("2022-11-23".into());
        a.indented = indented;
        a
    }

    #[test]
    fn wide_column_is_centred_and_segments_carry_columns() {
        let a = article(&["一二三"], true);
        let centred = LayoutOptions {
            measure: 80,
            align: Align::Center,
            ..LayoutOptions::default()
        };
        let l = layout(&a, 100, &centred);
        assert_eq!((l.column_width(), l.margin()), (80, 10));
        let segs: Vec<_> = l.segments(3).collect();
        assert_eq!(segs.len(), 2);
        assert_eq!((segs[0].text, segs[0].column), (INDENT, 10));
        assert_eq!(
            (segs[1].text, segs[1].column, segs[1].source.clone()),
            ("一二三", 14, 0..9)
        );
        assert_eq!(l.columns(3, 3..6), Some(16..18));
        assert_eq!(l.columns(3, 20..30), None);
        assert!(
            l.dump()
                .lines()
                .nth(3)
                .is_some_and(|s| s == format!("{}　　一二三", " ".repeat(10)))
        );
    }

    #[test]
    fn highlights_land_on_the_cells_that_show_the_text() {
        // 用Ｒｕｓｔ写了3个 drawn as 用 Rust 写了 3  个 (spacing, narrowing, one grid pad).
        let text = "用Ｒｕｓｔ写了3个";
        let l = Layout::from_blocks(
            vec![Block::body(text)],
            false,
            40,
            &LayoutOptions::default(),
        );
        assert_eq!(l.row_text(0), "用 Rust 写了 3  个");
        let pieces: Vec<_> = l.segments(0).map(|s| (s.text, s.piece)).collect();
        assert_eq!(pieces[1], (" ", Piece::Inserted(InsertKind::Spacing)));
        assert_eq!(pieces[2], ("R", Piece::Narrowed));
        assert!(pieces.contains(&(" ", Piece::Inserted(InsertKind::Pad))));
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            l.columns(0, start..start + needle.len())
        };
        assert_eq!(at("Ｒｕｓｔ"), Some(3..7));
        assert_eq!(
            at("ｔ写"),
            Some(6..10),
            "the space inside the match is covered"
        );
        assert_eq!(at("写了"), Some(8..12));
        assert_eq!(at("3"), Some(13..14));
        assert_eq!(at("个"), Some(16..18));
        assert_eq!(l.inserted(), (4, 1));
    }

    #[test]
    fn positions_map_to_rows_and_back() {
        let a = article(&["一二三四五六七八九十"], false);
        let l = layout(&a, 8, &LayoutOptions::default());
        for i in 0..l.len() {
            let row = l.rows()[i];
            if !row.is_blank() {
                assert_eq!(l.row_of(l.pos_of_row(i)), i);
            }
        }
        let r = l.row_of(TextPos {
            block: 2,
            offset: 15,
        });
        assert!(l.rows()[r].range().contains(&15));
        assert_eq!(
            l.location(TextPos {
                block: 2,
                offset: 0
            }),
            Some((0, Some(0)))
        );
        assert_eq!(l.block_of(1, None), Some(3));
        assert_eq!(
            l.row_of(TextPos {
                block: 99,
                offset: 0
            }),
            l.len() - 1
        );
    }

    #[test]
    fn tiny_panes_never_overflow() {
        let a = article(&["中文ab😀"], true);
        for w in 0..4u16 {
            let l = layout(&a, w, &LayoutOptions::default());
            for row in l.rows() {
                assert!(row.width() <= w.max(1), "width {w}: {row:?}");
            }
        }
        let l = layout(&a, 1, &LayoutOptions::default());
        assert!(l.rows().iter().any(Row::is_placeholder));
        assert!(l.dump().lines().all(|s| width::str_width(s, false) <= 1));
    }
}
