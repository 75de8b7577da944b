//! The Feeds overlay: all articles, then each feed, with unread and total counts; under
//! each, the feed's address, or why its last fetch failed. The highlighted feed's failure
//! is also written out whole at the bottom of the box, however long. The bottom border says
//! which of the list's keys work here too (`x`, `U`), each hint only when it fits whole.

use ratatui::Frame;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::popup_list::{self, Row};
use crate::app::{App, wrap};
use crate::strings;
use crate::theme::Theme;

/// Draws the overlay centred in `area`, `cursor` highlighted.
pub fn draw(frame: &mut Frame, app: &App, cursor: usize, area: Rect, theme: &Theme) {
    let counts = app.feed_counts();
    let failure = counts.get(cursor).and_then(|f| f.error.clone());
    let rows: Vec<Row> = counts
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
    let size = crate::app::panes::BOOKMARKS_SIZE;
    let room = usize::from(crate::app::panes::popup(area, size).width.saturating_sub(2));
    let title = if strings::FEEDS_TITLE.width() <= room {
        strings::FEEDS_TITLE
    } else {
        strings::FEEDS_TITLE_SHORT
    };
    let Some(inner) = super::popup(frame, area, size, title, theme) else {
        return;
    };
    let keys = if app.filter().unread_only {
        strings::FEEDS_KEYS_UNREAD
    } else {
        strings::FEEDS_KEYS
    };
    if keys.width() <= usize::from(inner.width) {
        // On the bottom border, below the rows.
        let buf = frame.buffer_mut();
        buf.set_stringn(inner.x, inner.bottom(), keys, keys.len(), theme.help);
    }
    let Some(why) = failure else {
        return popup_list::draw_rows(frame, inner, &rows, cursor, "", theme);
    };
    // The failure whole, below the rows: at most half the box, the rows keep the rest.
    let text = format!("{}{why}", strings::FEED_ERROR_DETAIL);
    let lines = wrap(&text, usize::from(inner.width));
    let most = usize::from(inner.height / 2).saturating_sub(1);
    let shown = lines.len().min(most);
    let below = u16::try_from(shown + 1).unwrap_or(0);
    if shown == 0 || below >= inner.height {
        return popup_list::draw_rows(frame, inner, &rows, cursor, "", theme);
    }
    let list = Rect::new(inner.x, inner.y, inner.width, inner.height - below);
    popup_list::draw_rows(frame, list, &rows, cursor, "", theme);
    let buf = frame.buffer_mut();
    let width = usize::from(inner.width);
    let top = list.bottom() + 1;
    for (i, line) in lines.iter().take(shown).enumerate() {
        let y = top + u16::try_from(i).unwrap_or(0);
        // A failure longer than the room ends with `…` on its last line shown.
        let line = if i + 1 == shown && shown < lines.len() {
            super::fit(&format!("{line}{}", lines[i + 1]), width)
        } else {
            (*line).to_string()
        };
        buf.set_stringn(inner.x, y, line, width, theme.message);
    }
}
