//! The links overlay: the article's own address and every link of its body, each with its
//! text and its address; Enter opens the highlighted one in the browser.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::popup_list::{self, Row};
use crate::app::App;
use crate::strings;
use crate::theme::Theme;

/// Draws the overlay centred in `area`, `cursor` highlighted.
pub fn draw(frame: &mut Frame, app: &App, cursor: usize, area: Rect, theme: &Theme) {
    let rows: Vec<Row> = app
        .link_entries()
        .into_iter()
        .map(|l| Row {
            text: l.text,
            right: None,
            style: theme.list,
            detail: (l.url, theme.link),
        })
        .collect();
    let (title, empty) = (strings::LINKS_TITLE, strings::NO_LINKS);
    popup_list::draw(frame, area, title, &rows, cursor, empty, theme);
}
