//! Building a [`Layout`]: each block broken into rows at the column width, with the indent on
//! a paragraph's first row and blank rows between blocks (or, in the book style, between
//! headings and the rest only). Kept apart from the queries on a finished layout because the
//! two change for different reasons (typesetting choices versus what the reader pane asks).

use super::analyse::Style;
use super::linebreak::Breaker;
use super::{
    Block, BlockKind, INDENT_WIDTH, Indent, Layout, LayoutOptions, Paragraph, PictureBox, Row,
    RowKind, rules,
};

/// What the layout draws differently from the text in a block; `body` says whether the block
/// is a body paragraph (only paragraphs sit on the grid: titles, headings and metadata rows
/// are set as they come).
pub(super) fn style(options: &LayoutOptions, body: bool) -> Style {
    Style {
        ambiguous_wide: options.ambiguous_wide,
        spacing: options.cjk_spacing,
        narrow: options.normalize_width,
        grid: body && options.grid_align,
    }
}

/// The style of one block: a block whose text keeps its line breaks is preformatted (code,
/// `<pre>`, a Markdown fence: the parser joins every other paragraph's lines) and is set as
/// written, with no spacing cell, grid pad or narrowed form.
fn block_style(options: &LayoutOptions, block: &Block) -> Style {
    if block.text.contains('\n') {
        return Style {
            ambiguous_wide: options.ambiguous_wide,
            spacing: false,
            narrow: false,
            grid: false,
        };
    }
    style(options, block.kind == BlockKind::Body)
}

impl Layout {
    /// Lays out any list of blocks, e.g. text that is not an
    /// [`Article`](crate::article::Article). `source_indented`
    /// says whether [`Indent::AsSource`] indents body paragraphs.
    pub fn from_blocks(
        blocks: Vec<Block>,
        source_indented: bool,
        width: u16,
        options: &LayoutOptions,
    ) -> Layout {
        Layout::with_pictures(blocks, source_indented, width, options, &[])
    }

    /// [`Layout::from_blocks`], keeping [`LayoutOptions::picture_rows`] rows under a block
    /// for each picture in `pictured`: (block, the picture's index in the article), in block
    /// order.
    pub(super) fn with_pictures(
        blocks: Vec<Block>,
        source_indented: bool,
        width: u16,
        options: &LayoutOptions,
        pictured: &[(usize, usize)],
    ) -> Layout {
        let mut pictures = Vec::new();
        let mut pictured = pictured.iter().peekable();
        let column_width = options.column_width(width);
        let margin = options.margin(width);
        let column = usize::from(column_width);
        // The indent takes at most half of the line.
        let room_for_indent = column_width >= INDENT_WIDTH.saturating_mul(2);
        // An upper estimate: a full row holds at least one byte per column.
        let bytes: usize = blocks.iter().map(|b| b.text.len()).sum();
        let estimate = (bytes / column.max(1)).saturating_add(blocks.len().saturating_mul(3));
        let mut rows = Vec::with_capacity(estimate);
        let mut inserts = Vec::new();
        let mut breaker = Breaker::default();
        let book = options.paragraph == Paragraph::Indent;
        let indent_option = if book {
            Indent::FullWidth
        } else {
            options.indent
        };
        let mut previous: Option<BlockKind> = None;
        for (index, block) in blocks.iter().enumerate() {
            let trimmed = block.text.trim_start_matches(rules::is_break_space);
            let leading = block.text.len().saturating_sub(trimmed.len());
            let (skip, indent) = match (block.kind, indent_option) {
                (BlockKind::Body, Indent::AsSource) if leading > 0 => {
                    (if room_for_indent { 0 } else { leading }, false)
                }
                (BlockKind::Body, Indent::AsSource) => (0, source_indented && room_for_indent),
                (BlockKind::Body, Indent::None) => (leading, false),
                (BlockKind::Body, Indent::FullWidth) => (leading, room_for_indent),
                _ => (0, false),
            };
            // No blank row above the first block, between the title and metadata rows, or
            // (in the book style) between two paragraphs.
            let head = matches!(
                (previous, block.kind),
                (None, _) | (Some(BlockKind::Title | BlockKind::Meta), BlockKind::Meta)
            );
            let book_paragraphs =
                book && previous == Some(BlockKind::Body) && block.kind == BlockKind::Body;
            let separated = !head && !book_paragraphs;
            if separated {
                rows.push(Row::blank(margin, index, skip));
            }
            previous = Some(block.kind);
            let kind = match block.kind {
                BlockKind::Title => RowKind::Title,
                BlockKind::Meta => RowKind::Meta,
                BlockKind::Heading(level) => RowKind::Heading(level),
                BlockKind::Body => RowKind::Body,
            };
            let text = block.text.get(skip..).unwrap_or_default();
            let prefix = if indent { INDENT_WIDTH } else { 0 };
            let first_width = column.saturating_sub(usize::from(prefix));
            let mut first = true;
            let style = block_style(options, block);
            breaker.fill(text, first_width, column, style, |line, cells| {
                let shown = if first { prefix } else { 0 };
                let width = u16::try_from(line.width).unwrap_or(u16::MAX);
                let first_insert = u32::try_from(inserts.len()).unwrap_or(u32::MAX);
                inserts.extend(cells.iter().map(|c| super::row::Insert {
                    at: c.at.saturating_add(skip),
                    kind: c.kind,
                }));
                rows.push(Row {
                    kind,
                    indent: first && indent,
                    placeholder: line.placeholder,
                    narrowed: line.narrowed,
                    width: width.saturating_add(shown),
                    margin,
                    inserts: u16::try_from(cells.len()).unwrap_or(u16::MAX),
                    first_insert,
                    block: index,
                    start: line.start.saturating_add(skip),
                    end: line.end.saturating_add(skip),
                });
                first = false;
            });
            // The rows kept for the block's pictures, each after a blank row.
            while let Some(&&(_, image)) = pictured.peek().filter(|p| p.0 <= index) {
                pictured.next();
                let end = block.text.len();
                let kept = Row::blank(margin, index, end);
                rows.push(kept);
                pictures.push(PictureBox {
                    image,
                    row: rows.len(),
                    rows: options.picture_rows,
                });
                for _ in 0..options.picture_rows {
                    rows.push(Row {
                        kind: RowKind::Picture,
                        ..kept
                    });
                }
            }
        }
        Layout {
            blocks,
            rows,
            inserts,
            pictures,
            width,
            column_width,
            margin,
            options: *options,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{TextPos, layout};
    use super::*;
    use crate::article::{Article, Section};

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

    fn texts(l: &Layout) -> Vec<String> {
        (0..l.len()).map(|i| l.row_text(i).into_owned()).collect()
    }

    #[test]
    fn blank_rows_separate_blocks_but_not_title_from_metadata() {
        let l = layout(
            &article(&["一段。", "二段。"], false),
            20,
            &LayoutOptions::default(),
        );
        assert_eq!(
            texts(&l),
            [
                "标题",
                "2022-11-23",
                "",
                "一段。",
                "",
                "二段。",
                "",
                "小标题",
                "",
                "尾段。"
            ]
        );
        assert_eq!(l.rows()[7].kind(), RowKind::Heading(1));
        assert_eq!(
            l.rows()[2].pos(),
            TextPos {
                block: 2,
                offset: 0
            }
        );
    }

    #[test]
    fn indentation_follows_the_option() {
        let a = article(&["一二三四五六七八"], true);
        let as_source = layout(&a, 12, &LayoutOptions::default());
        assert_eq!(as_source.row_text(3), "　　一二三四");
        assert_eq!(as_source.rows()[3].width(), 12);
        assert_eq!(as_source.row_text(4), "五六七八");
        let none = LayoutOptions {
            indent: Indent::None,
            ..LayoutOptions::default()
        };
        assert_eq!(layout(&a, 12, &none).row_text(3), "一二三四五六");
        let plain = article(&["一二三"], false);
        assert_eq!(
            layout(&plain, 12, &LayoutOptions::default()).row_text(3),
            "一二三"
        );
        let full = LayoutOptions {
            indent: Indent::FullWidth,
            ..LayoutOptions::default()
        };
        assert_eq!(layout(&plain, 12, &full).row_text(3), "　　一二三");
        // Too narrow for an indent: none is drawn.
        let narrow = layout(&plain, 6, &full);
        let body = narrow.rows().iter().position(|r| r.kind() == RowKind::Body);
        assert_eq!(body.map(|i| narrow.row_text(i)), Some("一二三".into()));
    }

    #[test]
    fn source_indent_in_the_text_is_kept_or_dropped() {
        let a = article(&["　　一二三"], false);
        assert_eq!(
            layout(&a, 20, &LayoutOptions::default()).row_text(3),
            "　　一二三"
        );
        let full = LayoutOptions {
            indent: Indent::FullWidth,
            ..LayoutOptions::default()
        };
        let l = layout(&a, 20, &full);
        assert_eq!(l.row_text(3), "　　一二三");
        assert_eq!(l.rows()[3].range(), 6..15);
    }
}
