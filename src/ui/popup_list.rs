//! The list overlays (bookmarks, links, feeds) drawn one way: a centred box, two lines per
//! entry (what it is, with an optional note at the right; then a detail line), the
//! highlighted entry kept in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::fit;
use crate::app::list_offset;
use crate::theme::Theme;

/// One entry of a list overlay.
pub struct Row {
    /// The first line.
    pub text: String,
    /// Said at the right of the first line.
    pub right: Option<String>,
    /// The first line's style when not highlighted.
    pub style: Style,
    /// The second line (indented), and its style.
    pub detail: (String, Style),
}

/// Draws `rows` in a box titled `title` centred in `area`, `cursor` highlighted; `empty` is
/// said when there are none.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    rows: &[Row],
    cursor: usize,
    empty: &str,
    theme: &Theme,
) {
    let Some(inner) = super::popup(frame, area, crate::app::panes::BOOKMARKS_SIZE, title, theme)
    else {
        return;
    };
    draw_rows(frame, inner, rows, cursor, empty, theme);
}

/// Draws `rows` inside `inner` (a box drawn already), `cursor` highlighted and kept in view.
pub fn draw_rows(
    frame: &mut Frame,
    inner: Rect,
    rows: &[Row],
    cursor: usize,
    empty: &str,
    theme: &Theme,
) {
    let buf = frame.buffer_mut();
    let width = usize::from(inner.width);
    if rows.is_empty() {
        buf.set_stringn(inner.x, inner.y, empty, width, theme.help);
        return;
    }
    let visible = usize::from(inner.height) / 2;
    let offset = list_offset(cursor, visible.max(1));
    for (line, (i, row)) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + (line * 2) as u16;
        let style = if i == cursor {
            buf.set_style(
                Rect::new(inner.x, y, inner.width, 1),
                theme.selected_focused,
            );
            theme.selected_focused
        } else {
            row.style
        };
        let right = row
            .right
            .as_deref()
            .map_or(String::new(), |r| format!(" {r}"));
        let room = width.saturating_sub(right.width());
        buf.set_stringn(inner.x, y, fit(&row.text, room), room, style);
        if !right.is_empty() {
            let x = inner.x + u16::try_from(room).unwrap_or(0);
            buf.set_stringn(x, y, &right, width - room, style);
        }
        if y + 1 < inner.bottom() {
            let (detail, st) = &row.detail;
            buf.set_stringn(
                inner.x,
                y + 1,
                fit(&format!("  {detail}"), width),
                width,
                *st,
            );
        }
    }
}
