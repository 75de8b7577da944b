//! The Feeds overlay: all articles, then each feed, with unread and total counts; under
//! each, the feed's address, or why its last fetch failed.

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
        strings::FEEDS_TITLE,
        theme,
    ) else {
        return;
    };
    let buf = frame.buffer_mut();
    let width = usize::from(inner.width);
    let rows = app.feed_counts();
    let visible = usize::from(inner.height) / 2;
    let offset = list_offset(cursor, visible.max(1));
    for (row, (i, f)) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + (row * 2) as u16;
        let style = if i == cursor {
            theme.selected_focused
        } else if f.unread > 0 {
            theme.unread
        } else {
            theme.list
        };
        if i == cursor {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        let counts = format!(" {} {} {}", f.unread, strings::FEED_UNREAD, f.total);
        let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(counts.as_str()));
        buf.set_stringn(inner.x, y, super::fit(&f.name, room), room, style);
        let cx = inner.x + u16::try_from(room).unwrap_or(0);
        buf.set_stringn(cx, y, &counts, width - room, style);
        if y + 1 < inner.bottom() {
            let (text, st) = match (&f.error, &f.url) {
                (Some(e), _) => (format!("  ! {e}"), theme.message),
                (None, Some(u)) => (format!("  {u}"), theme.meta),
                (None, None) => (String::new(), theme.meta),
            };
            buf.set_stringn(inner.x, y + 1, super::fit(&text, width), width, st);
        }
    }
}
