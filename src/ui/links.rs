//! The links overlay: the article's own address and every link of its body, each with its
//! text and its address; Enter opens the highlighted one in the browser.

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
        strings::LINKS_TITLE,
        theme,
    ) else {
        return;
    };
    let buf = frame.buffer_mut();
    let width = usize::from(inner.width);
    let links = app.link_entries();
    if links.is_empty() {
        buf.set_stringn(inner.x, inner.y, strings::NO_LINKS, width, theme.help);
        return;
    }
    let visible = usize::from(inner.height) / 2;
    let offset = list_offset(cursor, visible.max(1));
    for (row, (i, link)) in links
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
        buf.set_stringn(inner.x, y, super::fit(&link.text, width), width, style);
        if y + 1 < inner.bottom() {
            let url = super::fit(&format!("  {}", link.url), width);
            buf.set_stringn(inner.x, y + 1, url, width, theme.link);
        }
    }
}
