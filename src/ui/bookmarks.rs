//! The bookmarks overlay: every bookmark in the library, with its article's title and a line
//! of the text it marks; Enter jumps there.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::{App, list_offset};
use crate::strings;
use crate::theme::Theme;

/// Draws the overlay centred in `area`, `cursor` highlighted.
pub fn draw(frame: &mut Frame, app: &App, cursor: usize, area: Rect, theme: &Theme) {
    let Some(inner) = super::popup(
        frame,
        area,
        crate::screen::BOOKMARKS_SIZE,
        strings::BOOKMARKS_TITLE,
        theme,
    ) else {
        return;
    };
    let buf = frame.buffer_mut();
    let width = usize::from(inner.width);
    let marks = app.bookmarks();
    if marks.is_empty() {
        buf.set_stringn(inner.x, inner.y, strings::NO_BOOKMARKS, width, theme.help);
        return;
    }
    let visible = usize::from(inner.height) / 2;
    let offset = list_offset(cursor, visible.max(1));
    for (row, (i, b)) in marks
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + (row * 2) as u16;
        let style = if i == cursor {
            theme.selected_focused
        } else {
            theme.list
        };
        if i == cursor {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        buf.set_stringn(inner.x, y, &b.title, width, style);
        if y + 1 < inner.bottom() {
            buf.set_stringn(
                inner.x,
                y + 1,
                format!("  {}", b.snippet),
                width,
                theme.meta,
            );
        }
    }
}
