//! The bookmarks overlay: every bookmark in the library, with its article's title and a line
//! of the text it marks; Enter jumps there.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::popup_list::{self, Row};
use crate::app::App;
use crate::strings;
use crate::theme::Theme;

/// Draws the overlay centred in `area`, `cursor` highlighted.
pub fn draw(frame: &mut Frame, app: &App, cursor: usize, area: Rect, theme: &Theme) {
    let rows: Vec<Row> = app
        .bookmarks()
        .iter()
        .map(|b| Row {
            text: b.title.clone(),
            right: None,
            style: theme.list,
            detail: (b.snippet.clone(), theme.meta),
        })
        .collect();
    let (title, empty) = (strings::BOOKMARKS_TITLE, strings::NO_BOOKMARKS);
    popup_list::draw(frame, area, title, &rows, cursor, empty, theme);
}
