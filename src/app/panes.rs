//! Where each pane sits on the screen: one pure function of the terminal size and what is
//! shown, used both to draw and to handle resizes and mouse clicks, so the two never disagree.

use ratatui::layout::Rect;

/// Terminals at least this wide show the Articles and Sections lists beside the reader;
/// narrower ones fold them into an overlay.
pub const WIDE: u16 = 80;

/// The rectangles of the panes for one screen size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The Articles list, when shown.
    pub articles: Option<Rect>,
    /// The Sections list, when shown.
    pub sections: Option<Rect>,
    /// The reader pane (may be empty on a tiny terminal).
    pub reader: Rect,
    /// The status bar (the bottom row; empty when the terminal has no rows).
    pub status: Rect,
    /// Whether the lists are drawn over the reader (narrow terminals, full-width reading)
    /// rather than beside it.
    pub overlay: bool,
}

/// What decides where the panes go, besides the terminal's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// The library holds more than one article: the Articles list is shown above Sections.
    pub articles_list: bool,
    /// The folded lists are shown, over the reader.
    pub lists_open: bool,
    /// Full-width reading: the lists are folded away even on a wide screen.
    pub full_width: bool,
    /// Columns the lists' entries would like (the widest entry, without the border).
    pub list_width: u16,
    /// How many entries the Sections list has.
    pub sections: usize,
}

/// The narrowest the lists get, border included.
const LIST_MIN: u16 = 24;
/// The widest the lists get beside the reader, border included, however wide the screen.
const LIST_MAX: u16 = 64;
/// Columns left to the reader beside the lists, at least.
const READER_MIN: u16 = 50;

/// The width of the lists' column beside the reader on a wide screen: wide enough for their
/// entries, within limits that leave the reader most of the screen.
fn side_width(width: u16, want: u16) -> u16 {
    let most = (width * 2 / 5)
        .min(width.saturating_sub(READER_MIN))
        .clamp(LIST_MIN, LIST_MAX);
    want.saturating_add(2).clamp(LIST_MIN, most)
}

/// Lays out a `width` × `height` screen for what `shape` says is shown.
pub fn areas(width: u16, height: u16, shape: &Shape) -> Areas {
    let status_h = height.min(1);
    let body_h = height.saturating_sub(status_h);
    let status = Rect::new(0, body_h, width, status_h);
    let beside = width >= WIDE && !shape.full_width;
    let (left_w, reader) = if beside {
        let left_w = side_width(width, shape.list_width);
        (left_w, pad(Rect::new(left_w, 0, width - left_w, body_h)))
    } else {
        let over = shape
            .list_width
            .saturating_add(2)
            .clamp(LIST_MIN, LIST_MAX.min(width.max(LIST_MIN)));
        (over.min(width), pad(Rect::new(0, 0, width, body_h)))
    };
    let show_lists = beside || shape.lists_open;
    let (articles, sections) = if !show_lists || body_h == 0 {
        (None, None)
    } else if shape.articles_list {
        // Sections as tall as its entries (within half the column), Articles the rest.
        let most = (body_h / 2).max(body_h.min(3));
        let want = u16::try_from(shape.sections.saturating_add(2)).unwrap_or(u16::MAX);
        let sections_h = want.clamp(most.min(3), most);
        let top_h = body_h - sections_h;
        (
            Some(Rect::new(0, 0, left_w, top_h)),
            Some(Rect::new(0, top_h, left_w, sections_h)),
        )
    } else {
        (None, Some(Rect::new(0, 0, left_w, body_h)))
    };
    Areas {
        articles,
        sections,
        reader,
        status,
        overlay: !beside && show_lists,
    }
}

/// Where the source view goes: the whole screen above the status bar, inside a border.
pub fn source_area(width: u16, height: u16) -> Rect {
    let body = Rect::new(0, 0, width, height.saturating_sub(1));
    Rect::new(
        body.x.saturating_add(1).min(width),
        body.y.saturating_add(1).min(body.height),
        body.width.saturating_sub(2),
        body.height.saturating_sub(2),
    )
}

/// Where the overlays go: the screen above the status bar, which stays in view under them.
pub fn overlay_area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width, height.saturating_sub(1))
}

/// The bookmarks overlay's size, at most (it shrinks to fit the screen).
pub const BOOKMARKS_SIZE: (u16, u16) = (72, 20);

/// A box of `size` (at most `area`) centred in `area`: where an overlay is drawn, and where
/// a click on it lands.
pub fn popup(area: Rect, size: (u16, u16)) -> Rect {
    let (w, h) = (size.0.min(area.width), size.1.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A column of space on each side of the reader, when there is room for it.
fn pad(r: Rect) -> Rect {
    if r.width >= 20 {
        Rect::new(r.x + 1, r.y, r.width - 2, r.height)
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(articles_list: bool, lists_open: bool) -> Shape {
        Shape {
            articles_list,
            lists_open,
            sections: 4,
            ..Shape::default()
        }
    }

    #[test]
    fn wide_screens_show_lists_beside_the_reader() {
        let a = areas(100, 30, &shape(true, false));
        assert_eq!(a.articles, Some(Rect::new(0, 0, 24, 23)));
        assert_eq!(
            a.sections,
            Some(Rect::new(0, 23, 24, 6)),
            "as tall as its entries"
        );
        assert_eq!(a.reader, Rect::new(25, 0, 74, 29));
        assert_eq!(a.status, Rect::new(0, 29, 100, 1));
        assert!(!a.overlay);
    }

    #[test]
    fn the_lists_are_as_wide_as_their_entries_within_limits() {
        let wants = |width, list_width| {
            let s = Shape {
                list_width,
                ..shape(true, false)
            };
            areas(width, 24, &s).sections.map(|r| r.width)
        };
        assert_eq!(wants(80, 10), Some(24), "never narrower than 24");
        assert_eq!(wants(80, 26), Some(28));
        assert_eq!(wants(80, 60), Some(30), "the reader keeps 50 columns");
        assert_eq!(wants(120, 60), Some(48), "two fifths of the screen at most");
        assert_eq!(wants(300, 200), Some(64));
    }

    #[test]
    fn full_width_reading_folds_the_lists_on_a_wide_screen() {
        let s = Shape {
            full_width: true,
            ..shape(true, false)
        };
        let a = areas(100, 30, &s);
        assert_eq!((a.articles, a.sections), (None, None));
        assert_eq!(a.reader, Rect::new(1, 0, 98, 29));
        let a = areas(
            100,
            30,
            &Shape {
                lists_open: true,
                ..s
            },
        );
        assert!(a.overlay && a.sections.is_some());
    }

    #[test]
    fn narrow_screens_fold_the_lists() {
        let a = areas(60, 20, &shape(false, false));
        assert_eq!(a.sections, None);
        assert_eq!(a.reader, Rect::new(1, 0, 58, 19));
        let a = areas(60, 20, &shape(false, true));
        assert_eq!(a.sections, Some(Rect::new(0, 0, 24, 19)));
        assert_eq!(a.reader, Rect::new(1, 0, 58, 19));
        assert!(a.overlay);
    }

    #[test]
    fn tiny_screens_never_underflow() {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (1, 0),
            (0, 1),
            (2, 2),
            (80, 1),
            (80, 2),
            (200, 3),
        ] {
            for multi in [false, true] {
                for list_width in [0, 30, u16::MAX] {
                    let s = Shape {
                        list_width,
                        sections: usize::MAX,
                        ..shape(multi, true)
                    };
                    let a = areas(w, h, &s);
                    assert!(a.reader.bottom() <= h && a.reader.right() <= w);
                    assert!(a.status.bottom() <= h);
                    for r in [a.articles, a.sections].into_iter().flatten() {
                        assert!(r.bottom() <= h && r.right() <= w);
                    }
                }
            }
        }
    }
}
