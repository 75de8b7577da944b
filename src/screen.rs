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
    /// Whether the lists are drawn over the reader (narrow terminals) rather than beside it.
    pub overlay: bool,
}

/// Lays out a `width` × `height` screen. `articles_list`: the library holds more than one
/// article. `lists_open`: on a narrow screen, the folded lists are shown as an overlay.
pub fn areas(width: u16, height: u16, articles_list: bool, lists_open: bool) -> Areas {
    let status_h = height.min(1);
    let body_h = height.saturating_sub(status_h);
    let status = Rect::new(0, body_h, width, status_h);
    let wide = width >= WIDE;
    let (left_w, reader) = if wide {
        let left_w = (width * 3 / 10).clamp(24, 40);
        (left_w, pad(Rect::new(left_w, 0, width - left_w, body_h)))
    } else {
        (width.min(40), pad(Rect::new(0, 0, width, body_h)))
    };
    let show_lists = wide || lists_open;
    let (articles, sections) = if !show_lists || body_h == 0 {
        (None, None)
    } else if articles_list {
        let top_h = (body_h / 2).max(body_h.min(3));
        (
            Some(Rect::new(0, 0, left_w, top_h)),
            Some(Rect::new(0, top_h, left_w, body_h - top_h)),
        )
    } else {
        (None, Some(Rect::new(0, 0, left_w, body_h)))
    };
    Areas {
        articles,
        sections,
        reader,
        status,
        overlay: !wide && show_lists,
    }
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

    #[test]
    fn wide_screens_show_lists_beside_the_reader() {
        let a = areas(100, 30, true, false);
        assert_eq!(a.articles, Some(Rect::new(0, 0, 30, 14)));
        assert_eq!(a.sections, Some(Rect::new(0, 14, 30, 15)));
        assert_eq!(a.reader, Rect::new(31, 0, 68, 29));
        assert_eq!(a.status, Rect::new(0, 29, 100, 1));
        assert!(!a.overlay);
    }

    #[test]
    fn narrow_screens_fold_the_lists() {
        let a = areas(60, 20, false, false);
        assert_eq!(a.sections, None);
        assert_eq!(a.reader, Rect::new(1, 0, 58, 19));
        let a = areas(60, 20, false, true);
        assert_eq!(a.sections, Some(Rect::new(0, 0, 40, 19)));
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
                let a = areas(w, h, multi, true);
                assert!(a.reader.bottom() <= h && a.reader.right() <= w);
                assert!(a.status.bottom() <= h);
                for r in [a.articles, a.sections].into_iter().flatten() {
                    assert!(r.bottom() <= h && r.right() <= w);
                }
            }
        }
    }
}
