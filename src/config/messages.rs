//! The config's error messages in the user's words: quoted values cut short, number errors
//! said plainly, and where in the file a key or value is (line and column).

/// The longest value quoted in an error message, in characters; a longer one is cut with
/// `…` (a 900 KB value once made a 1.8 MB message).
pub(super) const MAX_QUOTED_CHARS: usize = 80;

/// `message` with every quoted value (`"…"` or `` `…` ``) longer than [`MAX_QUOTED_CHARS`]
/// cut short.
pub(super) fn shorten_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4096));
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = &rest[open..=open];
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(quote) else {
            rest = after;
            break;
        };
        let value = &after[..close];
        if value.chars().count() > MAX_QUOTED_CHARS {
            out.extend(value.chars().take(MAX_QUOTED_CHARS - 1));
            out.push('…');
        } else {
            out.push_str(value);
        }
        out.push_str(quote);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A number error from the TOML reader in the user's words: every number in the config is a
/// whole number from 0 to 18446744073709551615 (the largest meaning "no limit" where a
/// number is a limit).
pub(super) fn plain_numbers(message: &str) -> String {
    let range = format!("expected a whole number from 0 to {}", u64::MAX);
    message
        .replace(" as i128", "")
        .replace("invalid type: integer", "invalid value: integer")
        .replace("expected u64", &range)
        .replace("expected u32", &range)
        .replace("expected u16", &range)
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Where a table key is written, given the span of its value: the key (with its opening
/// quote) on the value's line.
pub(super) fn key_offset(text: &str, value_at: usize, key: &str) -> usize {
    let value_at = value_at.min(text.len());
    let line_start = text[..value_at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..value_at];
    match line.find(key) {
        Some(i) if i > 0 && line[..i].ends_with(['"', '\'']) => line_start + i - 1,
        Some(i) => line_start + i,
        None => line_start,
    }
}
