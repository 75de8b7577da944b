//! The Feeds overlay: all articles, then each feed, with unread and total counts; under
//! each, the feed's address, or why its last fetch failed.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::popup_list::{self, Row};
use crate::app::App;
use crate::strings;
use crate::theme::Theme;

/// Draws the overlay centred in `area`, `cursor` highlighted.
pub fn draw(frame: &mut Frame, app: &App, cursor: usize, area: Rect, theme: &Theme) {
    let rows: Vec<Row> = app
        .feed_counts()
        .into_iter()
        .map(|f| Row {
            right: Some(format!("{} {} {}", f.unread, strings::FEED_UNREAD, f.total)),
            style: if f.unread > 0 {
                theme.unread
            } else {
                theme.list
            },
            detail: match (f.error, f.url) {
                (Some(e), _) => (format!("! {e}"), theme.message),
                (None, Some(u)) => (u, theme.meta),
                (None, None) => (String::new(), theme.meta),
            },
            text: f.name,
        })
        .collect();
    popup_list::draw(frame, area, strings::FEEDS_TITLE, &rows, cursor, "", theme);
}
