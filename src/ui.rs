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

use crate::app::App;
use crate::keymap::Keymap;
pub use help::lines as help_lines;
pub use theme::Theme;

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
