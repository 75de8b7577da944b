//! The Articles and Sections lists: bordered, titled, the selected entry highlighted and kept
//! in view. Both lists draw the same way, so one function draws either.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear};

use crate::app::{App, Focus, list_offset};
use crate::strings;
use crate::theme::Theme;

/// One list, as the drawing needs it: only the visible entries are ever built, so a library
/// of ten thousand articles or an article of ten thousand sections costs no more per frame
/// than a short one.
struct List<'a, F: Fn(usize) -> Entry> {
    title: &'a str,
    len: usize,
    /// Entry `i`: its text, indent level, and an optional second line (a search snippet).
    entry: F,
    /// Rows per entry (2 when entries have a second line).
    lines: usize,
    cursor: usize,
    focused: bool,
}

/// Text, indent level, and an optional second line.
type Entry = (String, u8, Option<String>);

/// Draws the Articles list into `area`: the library, or the results of a library search
/// (each with its match count and a line of context).
pub fn draw_articles(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let focused = app.focus() == Focus::Articles;
    let lib = app.library_search();
    let entries = app.entries();
    if lib.active() {
        let title = format!(
            "{}{}{} ({}) ",
            strings::RESULTS_TITLE,
            strings::SEARCH_PROMPT,
            lib.query(),
            lib.hits().len()
        );
        let hits = lib.hits();
        let list = List {
            title: &title,
            len: hits.len(),
            entry: |i| {
                let h = &hits[i];
                let t = app.entry(h.id).map_or("", |e| e.title.as_str());
                (format!("{t} ({})", h.count), 0, Some(h.snippet.clone()))
            },
            lines: 2,
            cursor: lib.cursor(),
            focused,
        };
        return draw(frame, &list, area, theme);
    }
    let list = List {
        title: strings::ARTICLES_TITLE,
        len: entries.len(),
        entry: |i| (entries[i].title.clone(), 0, None),
        lines: 1,
        cursor: app.article_cursor(),
        focused,
    };
    draw(frame, &list, area, theme);
}

/// Draws the Sections list into `area`.
pub fn draw_sections(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let list = List {
        title: strings::SECTIONS_TITLE,
        len: app.article().sections.len(),
        entry: |i| {
            let (text, level) = app.section_entry(i);
            (text.to_string(), level, None)
        },
        lines: 1,
        cursor: app.section_cursor(),
        focused: app.focus() == Focus::Sections,
    };
    draw(frame, &list, area, theme);
}

fn draw<F: Fn(usize) -> Entry>(frame: &mut Frame, list: &List<'_, F>, area: Rect, theme: &Theme) {
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
    let visible = usize::from(inner.height) / list.lines;
    let offset = list_offset(list.cursor, visible);
    let buf = frame.buffer_mut();
    let width = usize::from(inner.width);
    for (row, i) in (offset..list.len).take(visible).enumerate() {
        let (text, level, second) = (list.entry)(i);
        let y = inner.y + (row * list.lines) as u16;
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
        if i == list.cursor {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        buf.set_stringn(inner.x, y, format!("{indent}{text}"), width, style);
        if let Some(second) = second
            && y + 1 < inner.bottom()
        {
            buf.set_stringn(inner.x, y + 1, format!("  {second}"), width, theme.meta);
        }
    }
}
