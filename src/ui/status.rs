//! The status bar: the open article's title and current section on the left; a message, or
//! the position as a percentage, on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::strings;
use crate::theme::Theme;

/// Draws the status bar into `area`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    let search = app.search();
    let lib = app.library_search();
    if search.typing() || lib.typing() {
        let (query, cursor) = if lib.typing() {
            (lib.query(), lib.edit_cursor())
        } else {
            (search.query(), search.cursor())
        };
        let prompt = format!("{}{}", strings::SEARCH_PROMPT, query);
        let buf = frame.buffer_mut();
        buf.set_style(area, theme.body);
        buf.set_stringn(area.x, area.y, &prompt, usize::from(area.width), theme.body);
        let before = query.get(..cursor).unwrap_or(query);
        let x = strings::SEARCH_PROMPT.width() + before.width();
        if let Ok(x) = u16::try_from(x)
            && x < area.width
        {
            frame.set_cursor_position((area.x + x, area.y));
        }
        return;
    }
    let buf = frame.buffer_mut();
    buf.set_style(area, theme.status);
    let article = app.article();
    let section = app.section_at_top();
    let mut left = format!(" {}", article.title);
    if let Some(h) = article
        .sections
        .get(section)
        .and_then(|s| s.heading.as_deref())
    {
        left.push_str(" › ");
        left.push_str(h);
    }
    let reading = app
        .progress()
        .filter(|(done, total)| done < total)
        .map(|(done, total)| {
            format!(
                "{}{}/{}",
                strings::READING,
                thousands(done),
                thousands(total)
            )
        });
    let fetching = app
        .fetch_progress()
        .map(|(done, total)| format!("{}{done}/{total}", strings::FETCHING));
    let note = [
        reading,
        fetching,
        app.message().map(str::to_string),
        search.status(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("  ");
    let right = if note.is_empty() {
        format!(" {:>3}% ", app.percent())
    } else {
        format!(" {note}  {:>3}% ", app.percent())
    };
    let width = usize::from(area.width);
    let right_w = right.width();
    if right_w >= width {
        buf.set_stringn(area.x, area.y, right.trim_start(), width, theme.status);
        return;
    }
    let style = if !note.is_empty() {
        theme.message
    } else {
        theme.status
    };
    buf.set_stringn(area.x, area.y, &left, width - right_w, theme.status);
    let x = area.x + (width - right_w) as u16;
    buf.set_stringn(x, area.y, &right, right_w, style);
}

/// `50000` → `50,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(3120), "3,120");
        assert_eq!(super::thousands(50000), "50,000");
        assert_eq!(super::thousands(1234567), "1,234,567");
    }
}
