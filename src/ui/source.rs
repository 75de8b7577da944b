//! The source view: the article's text as read, over the whole screen above the status bar,
//! long lines wrapped, the lines the parser dropped marked and dimmed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear};

use crate::app::{App, SOURCE_GUTTER, wrap};
use crate::strings;
use crate::theme::Theme;

/// Draws the view, from source line `scroll` on.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize, theme: &Theme) {
    let (w, h) = app.size();
    let outer = Rect::new(0, 0, w, h.saturating_sub(1)).intersection(frame.area());
    if outer.is_empty() {
        return;
    }
    frame.render_widget(Clear, outer);
    let block = Block::bordered()
        .title(strings::SOURCE_TITLE)
        .border_style(theme.border_focused);
    frame.render_widget(block, outer);
    let inner = crate::app::panes::source_area(w, h).intersection(frame.area());
    if inner.is_empty() {
        return;
    }
    let width = usize::from(inner.width);
    let text_w = width.saturating_sub(SOURCE_GUTTER).max(1);
    let buf = frame.buffer_mut();
    let mut y = inner.y;
    for line in app.source().lines.iter().skip(scroll) {
        let style = if line.dropped {
            theme.dropped
        } else {
            theme.body
        };
        let shown = line.shown();
        for (k, piece) in wrap(&shown, text_w).into_iter().enumerate() {
            if y >= inner.bottom() {
                return;
            }
            if line.dropped && k == 0 {
                buf.set_stringn(inner.x, y, strings::SOURCE_DROPPED_MARK, width, style);
            }
            if width > SOURCE_GUTTER {
                let x = inner.x + SOURCE_GUTTER as u16;
                buf.set_stringn(x, y, piece, text_w, style);
            }
            y += 1;
        }
    }
}
