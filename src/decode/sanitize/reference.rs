//! The character-by-character cleaning pass that [`super::sanitize`] replaced, kept to check
//! that the faster pass gives the same text and counts on every input.

use super::{Mode, Stats, is_word_char};

/// One pass over `s`, one character at a time: runs of characters that need nothing are
/// copied as slices, the others are replaced by a static string (possibly empty).
pub(super) fn sanitize(s: &str, mode: Mode) -> (String, Stats) {
    let mut out = String::with_capacity(s.len());
    let mut stats = Stats::default();
    let line = mode == Mode::Line;
    let newline = if line { " " } else { "\n" };
    let mut run_start = 0usize;
    let mut chars = s.char_indices().peekable();

    while let Some((i, c)) = chars.next() {
        stats.chars += 1;
        let mut end = i + c.len_utf8();
        let replacement: &'static str = match c {
            ' '..='~' => continue,
            '\n' if !line => continue,
            '\n' | '\u{2028}' | '\u{2029}' => newline,
            '\r' => {
                if let Some((j, _)) = chars.next_if(|&(_, next)| next == '\n') {
                    stats.chars += 1;
                    end = j + 1;
                }
                newline
            }
            '\t' => {
                if line {
                    " "
                } else {
                    super::TAB_EXPANSION
                }
            }
            '\0' => {
                stats.nul = true;
                if mode == Mode::Text {
                    return (out, stats);
                }
                stats.suspicious += 1;
                ""
            }
            '\u{85}' => "…",
            '\u{91}' => "‘",
            '\u{92}' => "’",
            '\u{93}' => "“",
            '\u{94}' => "”",
            '\u{96}' => "–",
            '\u{97}' => "—",
            '\u{1}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => {
                stats.suspicious += 1;
                ""
            }
            '\u{FFFD}' => {
                stats.suspicious += 1;
                continue;
            }
            '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => "",
            '\u{A0}' | '\u{2007}' | '\u{202F}' => {
                // Flush first so the previous character is the last one written.
                out.push_str(&s[run_start..i]);
                run_start = i;
                let prev = out.chars().next_back();
                let next = chars.peek().map(|&(_, next)| next);
                if prev.is_some_and(is_word_char) && next.is_some_and(is_word_char) {
                    "\u{A0}"
                } else {
                    " "
                }
            }
            '\u{2000}'..='\u{200A}' | '\u{205F}' => " ",
            _ => continue,
        };
        out.push_str(&s[run_start..i]);
        out.push_str(replacement);
        run_start = end;
    }
    out.push_str(&s[run_start..]);
    (out, stats)
}
