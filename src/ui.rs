//! Drawing: `draw(&App)` into a frame, read-only. One small file per pane; the screen
//! geometry comes from [`crate::app::panes`], the same function the app uses for resizes and
//! clicks, and every style from [`crate::theme`].

mod bookmarks;
mod feeds;
mod help;
mod links;
mod lists;
mod pictures;
mod popup_list;
mod reader;
mod source;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear};

use crate::app::{App, Overlay};
use crate::theme::Theme;
pub use help::lines as help_lines;

/// Clears a box of `size` (at most `area`) centred in `area`, draws its border and title, and
/// returns the inside, or `None` when nothing fits.
fn popup(
    frame: &mut Frame,
    area: Rect,
    size: (u16, u16),
    title: &str,
    theme: &Theme,
) -> Option<Rect> {
    let rect = crate::app::panes::popup(area.intersection(frame.area()), size);
    if rect.is_empty() {
        return None;
    }
    frame.render_widget(Clear, rect);
    clear_cut_wide(frame, rect);
    let block = Block::bordered().title(title).style(theme.help);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    (!inner.is_empty()).then_some(inner)
}

/// A double-width character just left of `rect` would cover the box's left border on the
/// terminal (and the border cell would never be sent): it is blanked, on each row.
fn clear_cut_wide(frame: &mut Frame, rect: Rect) {
    use unicode_width::UnicodeWidthStr;
    let Some(x) = rect.x.checked_sub(1) else {
        return;
    };
    let buf = frame.buffer_mut();
    for y in rect.top()..rect.bottom() {
        if let Some(cell) = buf.cell_mut((x, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// `text` cut to `width` columns, ending with `…` when it was cut.
fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Draws the whole screen for `app`, its pictures as the picture worker encoded them.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let keymap = app.keymap();
    let areas = app.areas();
    reader::draw(frame, app, areas.reader, theme);
    if let Some(r) = areas.articles {
        lists::draw_articles(frame, app, r, theme);
    }
    if let Some(r) = areas.sections {
        lists::draw_sections(frame, app, r, theme);
    }
    status::draw(frame, app, keymap, areas.status, theme);
    // Overlays bottom-up, the top one drawn last, above the status bar.
    let screen = frame.area();
    let above = crate::app::panes::overlay_area(screen.width, screen.height);
    for overlay in app.overlays() {
        match *overlay {
            Overlay::Bookmarks { cursor } => {
                bookmarks::draw(frame, app, cursor, above, theme);
            }
            Overlay::Help { scroll } => help::draw(frame, keymap, scroll, above, theme),
            Overlay::Source { scroll } => source::draw(frame, app, scroll, theme),
            Overlay::Links { cursor } => links::draw(frame, app, cursor, above, theme),
            Overlay::Feeds { cursor } => feeds::draw(frame, app, cursor, above, theme),
            // The folded lists are drawn as panes (see `App::areas`), a prompt in the status
            // bar.
            Overlay::Lists | Overlay::Prompt(_) => {}
        }
    }
}
