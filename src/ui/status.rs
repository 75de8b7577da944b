//! The status bar: the open article's title and current section on the left; a message, or
//! the position as a percentage, on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Prompt};
use crate::keymap::{Action, Keymap};
use crate::strings;
use crate::theme::Theme;

/// Draws the status bar into `area`.
pub fn draw(frame: &mut Frame, app: &App, keymap: &Keymap, area: Rect, theme: &Theme) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    let search = app.search();
    let lib = app.library_search();
    if let Some(prompt) = app.typing() {
        let (query, cursor) = match prompt {
            Prompt::Library => (lib.query(), lib.edit_cursor()),
            Prompt::Article => (search.query(), search.cursor()),
        };
        let lead = app.search_prompt(prompt);
        let prompt = format!("{lead}{query}");
        let buf = frame.buffer_mut();
        buf.set_style(area, theme.body);
        buf.set_stringn(area.x, area.y, &prompt, usize::from(area.width), theme.body);
        // A message while typing (the query is full) shows at the right end.
        if let Some(message) = app.message() {
            let width = message.width().min(usize::from(area.width));
            let x = area
                .right()
                .saturating_sub(u16::try_from(width).unwrap_or(0));
            buf.set_stringn(x, area.y, message, width, theme.message);
        }
        let before = query.get(..cursor).unwrap_or(query);
        let x = lead.width() + before.width();
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
    let section = article
        .sections
        .get(app.section_at_top())
        .and_then(|s| s.heading.as_deref());
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
    let search_status = search.status();
    // A message that repeats the search's status is said once.
    let message = app
        .message()
        .filter(|m| search_status.as_deref() != Some(*m))
        .map(str::to_string);
    let label = if app.syncs() {
        strings::SYNCING
    } else {
        strings::FETCHING
    };
    let fetching = app
        .fetch_progress()
        .map(|(done, total)| format!("{label}{done}/{total}"));
    let offline = app.sync_note().map(str::to_string);
    let note = [reading, fetching, message, offline, search_status]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("  ");
    let mut extras = Vec::new();
    if let (true, Some(i)) = (app.has_list(), app.open_index()) {
        extras.push(format!(
            "{}{}/{}",
            strings::ARTICLE_COUNT,
            thousands(i + 1),
            thousands(app.entries().len())
        ));
    }
    if app.folded() && !app.areas().overlay {
        extras.push(hint(keymap, Action::ToggleLists, strings::HINT_LISTS));
    }
    if app.first_run() {
        extras.push(hint(keymap, Action::Help, strings::HINT_HELP));
    }
    if app.has_list() {
        let unread = app.unread();
        if unread > 0 {
            extras.push(format!("{} {}", thousands(unread), strings::UNREAD));
        }
    }
    let percent = format!("{:>3}%", app.percent());
    let (left, right) = compose(
        usize::from(area.width),
        &article.title,
        section,
        &note,
        &extras,
        &percent,
    );
    let right_w = right.width();
    let width = usize::from(area.width);
    buf.set_stringn(area.x, area.y, &left, width, theme.status);
    let style = if note.is_empty() {
        theme.status
    } else {
        theme.message
    };
    if right_w <= width {
        let x = area.x + (width - right_w) as u16;
        buf.set_stringn(x, area.y, &right, right_w, style);
    } else {
        buf.set_stringn(area.x, area.y, right.trim_start(), width, style);
    }
}

/// Columns of the title kept before the extras when no section heading is shown.
const TITLE_KEPT: usize = 12;

/// `? help`: the first key bound to `action` and what it does.
fn hint(keymap: &Keymap, action: Action, what: &str) -> String {
    match keymap.keys_for(action).first() {
        Some(k) => format!("{} {what}", k.name()),
        None => String::new(),
    }
}

/// The status bar's text for `width` columns: on the left the title and the section, on the
/// right the note (messages, search), the `extras` in the order given, and the position.
/// When space is short, the title is cut first, then the extras go from the last, then the
/// section and the note are cut; the position always shows.
fn compose(
    width: usize,
    title: &str,
    section: Option<&str>,
    note: &str,
    extras: &[String],
    percent: &str,
) -> (String, String) {
    let percent = format!(" {percent} ");
    let mut room = width.saturating_sub(percent.width());
    let note = if note.is_empty() {
        String::new()
    } else {
        let n = super::fit(note, room.saturating_sub(2));
        room = room.saturating_sub(n.width() + 2);
        n
    };
    let section = section.map(|s| {
        let s = super::fit(s, room.saturating_sub(1));
        room = room.saturating_sub(s.width() + 1);
        s
    });
    // In the lead, the title is all that says where the reader is: a part of it is kept
    // before the extras.
    let title_kept = if section.is_none() {
        title.width().min(TITLE_KEPT).min(room.saturating_sub(1))
    } else {
        0
    };
    room -= title_kept;
    let mut kept = Vec::new();
    for e in extras.iter().filter(|e| !e.is_empty()) {
        if e.width() + 2 <= room {
            room -= e.width() + 2;
            kept.push(e.as_str());
        } else {
            break;
        }
    }
    let mut left = String::from(" ");
    let separator = " › ";
    match section {
        Some(s) => {
            // The title gets what is left, if a useful part of it fits.
            if room >= separator.width() + 4 {
                left.push_str(&super::fit(title, room - separator.width()));
                left.push_str(separator);
            }
            left.push_str(&s);
        }
        None => left.push_str(&super::fit(title, room + title_kept)),
    }
    let mut right = String::new();
    for part in std::iter::once(note.as_str()).chain(kept) {
        if !part.is_empty() {
            right.push(' ');
            right.push_str(part);
            right.push(' ');
        }
    }
    right.push_str(&percent);
    (left, right)
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
    use unicode_width::UnicodeWidthStr;

    fn bar(width: usize, extras: &[&str]) -> String {
        let extras: Vec<String> = extras.iter().map(|e| e.to_string()).collect();
        let (left, right) = super::compose(
            width,
            "临港浦江国际科技城:以高质量党建引领高质量发展",
            Some("学习有高潮"),
            "",
            &extras,
            " 42%",
        );
        let gap = width.saturating_sub(left.width() + right.width());
        format!("{left}{}{right}", " ".repeat(gap))
    }

    #[test]
    fn the_title_is_cut_before_the_section_and_the_position() {
        let extras = ["article 3/40", "? help"];
        assert_eq!(
            bar(100, &extras),
            format!(
                " 临港浦江国际科技城:以高质量党建引领高质量发展 › 学习有高潮{}article 3/40  \
                 ? help   42% ",
                " ".repeat(14)
            )
        );
        assert_eq!(
            bar(60, &extras),
            " 临港浦江国际科技… › 学习有高潮  article 3/40  ? help   42% "
        );
        // The extras go, last first, before the section is cut.
        assert_eq!(bar(36, &extras), " 学习有高潮      article 3/40   42% ");
        assert_eq!(bar(24, &extras), " 临… › 学习有高潮   42% ");
        assert_eq!(bar(8, &extras), " …  42% ");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(3120), "3,120");
        assert_eq!(super::thousands(50000), "50,000");
        assert_eq!(super::thousands(1234567), "1,234,567");
    }
}
