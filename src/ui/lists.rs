//! The Articles and Sections lists: bordered, titled, the selected entry highlighted and kept
//! in view. Both lists draw the same way, so one function draws either.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

use super::fit;
use crate::app::{App, Focus, Prompt, list_offset};
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

/// One entry as drawn.
struct Entry {
    /// Its text (cut with `…` when too wide).
    text: String,
    /// Its indent level.
    level: u8,
    /// A column on the right, kept whole (a match count).
    right: Option<String>,
    /// A second line and the byte range in it to highlight (a search excerpt).
    second: Option<(String, Range<usize>)>,
    /// Drawn in the style of unread articles.
    unread: bool,
}

impl Entry {
    fn plain(text: String, level: u8) -> Entry {
        Entry {
            text,
            level,
            right: None,
            second: None,
            unread: false,
        }
    }
}

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
            app.search_prompt(Prompt::Library),
            lib.query(),
            lib.hits().len()
        );
        let title = fit(&title, usize::from(area.width.saturating_sub(2)));
        let hits = lib.hits();
        let list = List {
            title: &title,
            len: hits.len(),
            entry: |i| {
                let h = &hits[i];
                let t = app.entry(h.id).map_or("", |e| e.title.as_str());
                Entry {
                    text: t.to_string(),
                    level: 0,
                    right: Some(h.count.to_string()),
                    second: h.excerpt.as_ref().map(|e| (e.text.clone(), e.mark.clone())),
                    unread: false,
                }
            },
            lines: 2,
            cursor: lib.cursor(),
            focused,
        };
        return draw(frame, &list, area, theme);
    }
    let columns = Columns::fit(usize::from(area.width.saturating_sub(2)), app, area);
    let title = articles_title(app, usize::from(area.width.saturating_sub(2)));
    let list = List {
        title: &title,
        len: entries.len(),
        entry: |i| columns.entry(&entries[i]),
        lines: 1,
        cursor: app.article_cursor(),
        focused,
    };
    draw(frame, &list, area, theme);
    if entries.is_empty() && app.filter().narrows() && area.width > 2 && area.height > 2 {
        let inner = Rect::new(area.x + 1, area.y + 1, area.width - 2, 1);
        frame.buffer_mut().set_stringn(
            inner.x,
            inner.y,
            strings::NARROWED_EMPTY,
            usize::from(inner.width),
            theme.meta,
        );
    }
}

/// Columns of a feed's name kept in the Articles list's title before "Articles" goes.
const FEED_NAME_KEPT: usize = 8;

/// The Articles list's title in `width` columns, saying what the list is narrowed to:
/// "unread" kept whole, the feed's name cut with `…` to fit, never cut silently.
fn articles_title(app: &App, width: usize) -> String {
    let filter = app.filter();
    if !filter.narrows() {
        return strings::ARTICLES_TITLE.to_string();
    }
    let unread = if filter.unread_only {
        strings::FILTER_UNREAD
    } else {
        ""
    };
    let title = match app.filter_feed_name() {
        None => format!("{}({unread}) ", strings::ARTICLES_TITLE),
        Some(feed) => {
            let comma = if unread.is_empty() { "" } else { ", " };
            // "Articles" goes before the feed's name is cut to a stub.
            let lead = [strings::ARTICLES_TITLE, " "]
                .into_iter()
                .find(|lead| {
                    let rest = format!("{lead}({unread}{comma}) ").width();
                    width.saturating_sub(rest) >= FEED_NAME_KEPT.min(feed.width())
                })
                .unwrap_or(" ");
            let rest = format!("{lead}({unread}{comma}) ").width();
            let feed = fit(&feed, width.saturating_sub(rest).max(1));
            format!("{lead}({unread}{comma}{feed}) ")
        }
    };
    fit(&title, width)
}

/// The columns of the Articles list that fit its width: the unread mark always, the date
/// and the source when there is room for them beside a useful part of the title.
struct Columns {
    date: bool,
    /// Columns for the source on the right (0: not shown).
    source: usize,
}

/// The title keeps at least this many columns before a date or source column is shown.
const TITLE_MIN: usize = 16;
/// The widest the source column gets.
const SOURCE_MAX: usize = 12;

impl Columns {
    /// The columns for a list `width` columns wide inside its border, judged by the entries
    /// that can be on screen.
    fn fit(width: usize, app: &App, area: Rect) -> Columns {
        let rows = usize::from(area.height.saturating_sub(2));
        let from = list_offset(app.article_cursor(), rows);
        let visible = || app.entries().iter().skip(from).take(rows);
        let date = visible().any(|e| e.date.is_some())
            && width >= crate::app::MARK_WIDTH + crate::app::DATE_WIDTH + TITLE_MIN;
        let used = crate::app::MARK_WIDTH + if date { crate::app::DATE_WIDTH } else { 0 };
        let widest = visible()
            .filter_map(|e| e.source.as_deref())
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
            .min(SOURCE_MAX);
        let title = visible().map(|e| e.title.width()).max().unwrap_or(0);
        // The source only where the whole title fits beside it, or the title keeps plenty.
        let source = if widest > 0
            && (used + title + 1 + widest <= width || used + 2 * TITLE_MIN + widest <= width)
        {
            widest
        } else {
            0
        };
        Columns { date, source }
    }

    fn entry(&self, e: &crate::model::Entry) -> Entry {
        let mark = if e.read { "  " } else { "* " };
        let date = match (&e.date, self.date) {
            (Some(d), true) => format!("{d:<width$}", width = crate::app::DATE_WIDTH),
            (None, true) => " ".repeat(crate::app::DATE_WIDTH),
            (_, false) => String::new(),
        };
        let right = match (&e.source, self.source) {
            (Some(s), w) if w > 0 => Some(format!("{:<w$}", fit(s, w))),
            _ => None,
        };
        Entry {
            text: format!("{mark}{date}{}", e.title),
            level: 0,
            right,
            second: None,
            unread: !e.read,
        }
    }
}

/// Draws the Sections list into `area`.
pub fn draw_sections(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let list = List {
        title: strings::SECTIONS_TITLE,
        len: app.article().sections.len(),
        entry: |i| {
            let (text, level) = app.section_entry(i);
            Entry::plain(text.to_string(), level)
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
        let entry = (list.entry)(i);
        let y = inner.y + (row * list.lines) as u16;
        let style = if i == list.cursor {
            if list.focused {
                theme.selected_focused
            } else {
                theme.selected
            }
        } else if entry.unread {
            theme.unread
        } else {
            theme.list
        };
        if i == list.cursor {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        let indent = "  ".repeat(usize::from(entry.level.saturating_sub(1)));
        let right = entry.right.map(|r| format!(" {r}")).unwrap_or_default();
        let room = width.saturating_sub(right.width());
        let text = fit(&format!("{indent}{}", entry.text), room);
        buf.set_stringn(inner.x, y, &text, room, style);
        if !right.is_empty() && right.width() <= width {
            let x = inner.x + (width - right.width()) as u16;
            buf.set_stringn(x, y, &right, right.width(), style);
        }
        if let Some((second, mark)) = entry.second
            && y + 1 < inner.bottom()
        {
            let line = format!("  {second}");
            buf.set_stringn(inner.x, y + 1, fit(&line, width), width, theme.meta);
            // The match, highlighted where it shows.
            if let (Some(before), Some(matched)) = (second.get(..mark.start), second.get(mark))
                && !matched.is_empty()
            {
                let at = 2 + before.width();
                if at < width {
                    let x = inner.x + at as u16;
                    buf.set_stringn(x, y + 1, matched, width - at, theme.search_match);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fit;

    #[test]
    fn cut_titles_end_with_an_ellipsis() {
        assert_eq!(fit("临港浦江国际科技城", 8), "临港浦…");
        assert_eq!(fit("临港浦江", 8), "临港浦江");
        assert_eq!(fit("Time Warner profit", 10), "Time Warn…");
        assert_eq!(fit("临港", 1), "…");
        assert_eq!(fit("临港", 0), "");
    }
}
