//! The reader pane: draws only the rows of the layout that are visible, each piece styled by
//! what it shows. The layout was made for this pane's width, so nothing is wrapped here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::App;
use crate::layout::RowKind;
use crate::theme::Theme;
use crate::ui::pictures;

/// The style of a row of `kind`.
fn style(kind: RowKind, theme: &Theme) -> Style {
    match kind {
        RowKind::Title => theme.title,
        RowKind::Meta => theme.meta,
        RowKind::Heading(1) => theme.heading,
        RowKind::Heading(_) => theme.subheading,
        RowKind::Body | RowKind::Blank | RowKind::Picture => theme.body,
    }
}

/// Draws the visible slice of the open article into `area`, with its pictures.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    let layout = app.layout();
    let buf = frame.buffer_mut();
    let top = app.top_row();
    for (dy, i) in (top..layout.len())
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + dy as u16;
        let Some(row) = layout.row(i) else { break };
        let st = style(row.kind(), theme);
        for seg in layout.segments(i) {
            if seg.column >= area.width {
                break;
            }
            let x = area.x + seg.column;
            let room = usize::from(area.width - seg.column);
            buf.set_stringn(x, y, seg.text, room, st);
        }
        // Link texts on this row.
        let spans = app.link_spans();
        let from = spans.partition_point(|(b, r)| (*b, r.end) <= (row.block(), row.start()));
        for (b, r) in &spans[from..] {
            if *b != row.block() || r.start >= row.end() {
                break;
            }
            if let Some(cols) = layout.columns(i, r.clone()) {
                let (from, to) = (cols.start.min(area.width), cols.end.min(area.width));
                if to > from {
                    buf.set_style(Rect::new(area.x + from, y, to - from, 1), theme.link);
                }
            }
        }
        // Search matches on this row, the current one styled apart.
        let search = app.search();
        let (first, matches) = search.in_block(row.block());
        // Matches are sorted and do not overlap: find this row's by binary search, so a
        // paragraph with a million matches costs no more to draw than one with a few.
        let skip = matches.partition_point(|m| m.range.end < row.start());
        for (k, m) in matches.iter().enumerate().skip(skip) {
            if m.range.start > row.end() {
                break;
            }
            let Some(cols) = layout.columns(i, m.range.clone()) else {
                continue;
            };
            let from = cols.start.min(area.width);
            let to = cols.end.min(area.width);
            if to <= from {
                continue;
            }
            let style = if search.current() == Some(first + k) {
                theme.search_current
            } else {
                theme.search_match
            };
            buf.set_style(Rect::new(area.x + from, y, to - from, 1), style);
        }
    }
    pictures::draw(frame.buffer_mut(), app, area, top, theme.meta);
}
