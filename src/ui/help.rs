//! The help overlay: every action with the keys bound to it, read from the keymap itself so
//! that it always tells the truth.

use ratatui::Frame;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::keymap::{Action, Keymap};
use crate::strings;
use crate::theme::Theme;

/// The help text: one line per action, keys first.
pub fn lines(keymap: &Keymap) -> Vec<(String, &'static str)> {
    Action::ALL
        .iter()
        .map(|&a| {
            let keys: Vec<String> = keymap.keys_for(a).iter().map(|k| k.name()).collect();
            (keys.join(" "), a.describe())
        })
        .collect()
}

/// Draws the overlay centred in `area`, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, keymap: &Keymap, scroll: usize, area: Rect, theme: &Theme) {
    let lines = lines(keymap);
    let key_w = lines.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let desc_w = lines
        .iter()
        .map(|(_, d)| d.width())
        .chain([strings::HELP_FOOTER.width()])
        .max()
        .unwrap_or(0);
    let want_w = u16::try_from(key_w + 2 + desc_w + 2).unwrap_or(u16::MAX);
    let want_h = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let Some(inner) = super::popup(frame, area, (want_w, want_h), strings::HELP_TITLE, theme)
    else {
        return;
    };
    let buf = frame.buffer_mut();
    let width = usize::from(inner.width);
    let mut rows: Vec<(String, String)> = lines
        .into_iter()
        .map(|(k, d)| (format!("{k:<key_w$}  "), d.to_string()))
        .collect();
    rows.push((String::new(), String::new()));
    rows.push((String::new(), strings::HELP_FOOTER.to_string()));
    let scroll = scroll.min(rows.len().saturating_sub(usize::from(inner.height)));
    for (dy, (keys, desc)) in rows
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let (x, _) = buf.set_stringn(inner.x, y, keys, width, theme.help_key);
        let used = usize::from(x - inner.x);
        if used < width {
            let room = width - used;
            buf.set_stringn(x, y, super::fit(desc, room), room, theme.help);
        }
    }
    // On a short screen, the bottom border says there is more below.
    let more = rows.len() > scroll + usize::from(inner.height);
    if more && inner.bottom() < area.bottom() {
        buf.set_stringn(
            inner.x,
            inner.bottom(),
            strings::HELP_MORE,
            width,
            theme.help_key,
        );
    }
}
