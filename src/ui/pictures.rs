//! Pictures in the reader pane, drawn into the rows the layout keeps for them from what the
//! picture worker encoded ([`crate::images::Shown`]): with the terminal's graphics protocol
//! when the whole picture is on screen, in half blocks when only part of it is (a protocol's
//! picture cannot be cut) or when the terminal has no protocol. Drawing only copies cells:
//! scaling and encoding are the worker's. A picture not here yet is a one-line note;
//! scrolling never waits for one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_image::Image;

use crate::app::{App, PictureState, picture_note};
use crate::images::Fit;
use crate::strings;

/// Draws the pictures whose rows are among those the reader shows in `area`, the row at the
/// top being row `top` of the layout.
pub fn draw(buf: &mut Buffer, app: &App, area: Rect, top: usize, note: Style) {
    let layout = app.layout();
    let boxes = layout.pictures();
    let bottom = top.saturating_add(usize::from(area.height));
    let first = boxes.partition_point(|b| b.row + usize::from(b.rows) <= top);
    let width = layout
        .column_width()
        .min(area.width.saturating_sub(layout.margin()));
    let x = area.x + layout.margin();
    for b in boxes[first..].iter().take_while(|b| b.row < bottom) {
        let state = app.picture(b.image);
        let shown = match state {
            Some(PictureState::Ready(p)) => p.shown.as_deref(),
            _ => None,
        };
        let Some(shown) = shown else {
            let text = picture_note(state, app.picture_refused(b.image))
                .unwrap_or_else(|| strings::PICTURE_LOADING.to_string());
            if b.row >= top {
                let y = area.y + (b.row - top) as u16;
                buf.set_stringn(x, y, text, usize::from(width), note);
            }
            continue;
        };
        let whole = b.row >= top && b.row + usize::from(b.rows) <= bottom;
        let fits = shown.fit
            == Fit {
                width,
                rows: b.rows,
            };
        if let Some(protocol) = &shown.protocol
            && whole
            && fits
        {
            let y = area.y + (b.row - top) as u16;
            Image::new(protocol).render(Rect::new(x, y, width, b.rows), buf);
            continue;
        }
        // The half blocks of the rows on screen, copied (cut to the box while the picture
        // is encoded again for a new size).
        let columns = shown.covered.width.min(width);
        let rows = shown.covered.height.min(b.rows);
        for dy in 0..rows {
            let row = b.row + usize::from(dy);
            if row < top || row >= bottom {
                continue;
            }
            let y = area.y + (row - top) as u16;
            for dx in 0..columns {
                buf[(x + dx, y)] = shown.cells[(dx, dy)].clone();
            }
        }
    }
}
