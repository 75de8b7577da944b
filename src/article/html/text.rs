//! Text as a reader sees it: whitespace collapsed the way a browser displays it (a line break
//! between CJK characters joins them), visible-character counts, and the squeezed form used for
//! loose comparisons. Metadata, scoring, rendering and the final touches all measure text
//! through these helpers, so they live in one place and agree.

use crate::article::entities::decode_entities;

/// CJK ideographs (the characters that make a page Chinese).
pub(super) use crate::script::is_han as is_ideograph;

/// Characters between which a source line break is not shown as a space (CJK text).
fn is_cjk_like(c: char) -> bool {
    is_ideograph(c)
        || matches!(c as u32, 0x3000..=0x30FF | 0xFF00..=0xFFEF | 0x2018..=0x201F | 0x2014)
}

/// Whitespace collapsed as a browser displays it (a line break between two CJK characters
/// disappears), zero-width characters removed, and the ends trimmed (ideographic indent too).
pub(super) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    let mut newline = false;
    let mut last = ' ';
    for c in s.chars() {
        if matches!(
            c,
            '\u{200B}' | '\u{FEFF}' | '\u{AD}' | '\u{200C}' | '\u{200D}'
        ) {
            continue;
        }
        if c.is_whitespace() && c != '\u{3000}' {
            pending = true;
            newline |= c == '\n' || c == '\r';
            continue;
        }
        if pending {
            let joined = newline && is_cjk_like(last) && is_cjk_like(c);
            if !out.is_empty() && !joined {
                out.push(' ');
            }
            pending = false;
            newline = false;
        }
        out.push(c);
        last = c;
    }
    let trimmed = out.trim_matches(char::is_whitespace);
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// `s` with entities decoded and whitespace collapsed.
pub(super) fn clean_text(s: &str) -> String {
    collapse_ws(&decode_entities(s))
}

/// Visible (non-whitespace) characters of raw text, entities decoded.
pub(super) fn visible_chars(s: &str) -> u32 {
    let n = decode_entities(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `s` without any whitespace, for loose comparisons.
pub(super) fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
