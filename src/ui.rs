//! Drawing: `draw(&App)` into a frame, read-only. One small file per pane; the screen
//! geometry comes from [`crate::screen`], the same function the app uses for resizes and
//! clicks, and every style from [`theme`].

mod bookmarks;
mod help;
mod lists;
mod reader;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear};

use crate::app::App;
use crate::keymap::Keymap;
pub use help::lines as help_lines;
pub use theme::Theme;

/// Clears a box of `size` (at most `area`) centred in `area`, draws its border and title, and
/// returns the inside, or `None` when nothing fits.
fn popup(
    frame: &mut Frame,
    area: Rect,
    size: (u16, u16),
    title: &str,
    theme: &Theme,
) -> Option<Rect> {
    let area = area.intersection(frame.area());
    let (w, h) = (size.0.min(area.width), size.1.min(area.height));
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    if rect.is_empty() {
        return None;
    }
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(title).style(theme.help);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    (!inner.is_empty()).then_some(inner)
}

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App, keymap: &Keymap, theme: &Theme) {
    let areas = app.areas();
    reader::draw(frame, app, areas.reader, theme);
    if let Some(r) = areas.articles {
        lists::draw_articles(frame, app, r, theme);
    }
    if let Some(r) = areas.sections {
        lists::draw_sections(frame, app, r, theme);
    }
    status::draw(frame, app, areas.status, theme);
    if let Some(cursor) = app.bookmarks_open() {
        bookmarks::draw(frame, app, cursor, frame.area(), theme);
    }
    if let Some(scroll) = app.help() {
        help::draw(frame, keymap, scroll, frame.area(), theme);
    }
}
