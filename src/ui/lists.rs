//! The Articles and Sections lists: bordered, titled, the selected entry highlighted and kept
//! in view. Both lists draw the same way, so one function draws either.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear};

use super::theme::Theme;
use crate::app::{App, Focus, list_offset};
use crate::strings;

/// One list: its title, entries (text and indent level), the selected entry and focus.
struct List<'a> {
    title: &'a str,
    /// Text, indent level, and an optional second line (a search snippet).
    entries: Vec<(String, u8, Option<String>)>,
    cursor: usize,
    focused: bool,
}

/// Draws the Articles list into `area`: the library, or the results of a library search
/// (each with its match count and a line of context).
pub fn draw_articles(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let focused = app.focus() == Focus::Articles;
    let lib = app.library_search();
    if lib.active() {
        let title = format!(
            "{}{}{} ({}) ",
            strings::RESULTS_TITLE,
            strings::SEARCH_PROMPT,
            lib.query(),
            lib.hits().len()
        );
        let entries = lib
            .hits()
            .iter()
            .map(|h| {
                let t = app
                    .articles()
                    .get(h.article)
                    .map_or("", |a| a.title.as_str());
                (format!("{t} ({})", h.count), 0, Some(h.snippet.clone()))
            })
            .collect();
        let list = List {
            title: &title,
            entries,
            cursor: lib.cursor(),
            focused,
        };
        return draw(frame, &list, area, theme);
    }
    let entries = app
        .articles()
        .iter()
        .map(|a| (a.title.clone(), 0, None))
        .collect();
    let list = List {
        title: strings::ARTICLES_TITLE,
        entries,
        cursor: app.article_cursor(),
        focused,
    };
    draw(frame, &list, area, theme);
}

/// Draws the Sections list into `area`.
pub fn draw_sections(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let entries = app
        .section_entries()
        .into_iter()
        .map(|(t, l)| (t.to_string(), l, None))
        .collect();
    let list = List {
        title: strings::SECTIONS_TITLE,
        entries,
        cursor: app.section_cursor(),
        focused: app.focus() == Focus::Sections,
    };
    draw(frame, &list, area, theme);
}

fn draw(frame: &mut Frame, list: &List<'_>, area: Rect, theme: &Theme) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    frame.render_widget(Clear, area);
    let border = if list.focused {
        theme.border_focused
    } else {
        theme.border
    };
    let block = Block::bordered().title(list.title).border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let lines = if list.entries.iter().any(|e| e.2.is_some()) {
        2
    } else {
        1
    };
    let visible = usize::from(inner.height) / lines;
    let offset = list_offset(list.cursor, visible);
    let buf = frame.buffer_mut();
    let width = usize::from(inner.width);
    for (row, (i, (text, level, second))) in list
        .entries
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + (row * lines) as u16;
        let style = if i == list.cursor {
            if list.focused {
                theme.selected_focused
            } else {
                theme.selected
            }
        } else {
            theme.list
        };
        let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
        let line = format!("{indent}{text}");
        if i == list.cursor {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        buf.set_stringn(inner.x, y, &line, width, style);
        if let Some(second) = second
            && y + 1 < inner.bottom()
        {
            buf.set_stringn(inner.x, y + 1, format!("  {second}"), width, theme.meta);
        }
    }
}
