//! What the command line prints, made safe for the terminal it lands on. Titles, feed
//! names, file names and addresses come from files, servers and users, and may hold escape
//! sequences (`ESC ] 0 ;` retitles a terminal), C1 controls, line breaks or bidi overrides
//! (U+202E shows `txt.exe` as `exe.txt`). The reader drops such characters from what it
//! draws; the command line, whose output is also read by scripts, shows them instead, so a
//! name can still be told from another:
//!
//! - [`line()`] for text output: each such character as a visible escape (`\n`, `\t`,
//!   `\u{1b}`, `\u{202e}`);
//! - [`json`] for JSON output: the same characters as JSON `\u` escapes, which every JSON
//!   reader turns back into the original text;
//! - [`address`] for a web address: its password masked, then as [`line()`].
//!
//! Every string a command prints that it did not write itself goes through one of these.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use serde::Serialize;

/// Whether `c` must not reach a terminal as it is: control characters (C0 including line
/// breaks and tabs, DEL, C1), bidi controls and isolates, zero-width characters, U+FEFF and
/// the Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}')
}

/// Whether a character starting with the byte `b` may be [`is_unsafe`]: only C0 controls and
/// DEL, and characters whose UTF-8 form starts with `C2` (C1 controls), `D8` (U+061C), `E2`
/// (separators, bidi and zero-width characters) or `EF` (U+FEFF) can be. Never true of a
/// byte inside a character, so the bytes of a text can be scanned without decoding it.
fn may_be_unsafe(b: u8) -> bool {
    b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2 | 0xEF)
}

/// `s` as one line of text output: every character of [`is_unsafe`] shown as an escape
/// (`\n`, `\r`, `\t`, otherwise `\u{…}` in hex), everything else as it is.
///
/// ```
/// use newsreader::output::line;
/// assert_eq!(line("a\nb\u{1b}]0;x\u{7}\u{202e}.txt"), "a\\nb\\u{1b}]0;x\\u{7}\\u{202e}.txt");
/// assert_eq!(line("人民网"), "人民网");
/// ```
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A web address as one line of text output: a password in it masked, then as [`line()`].
pub fn address(url: &str) -> String {
    line(&crate::feed::secret::masked(url)).into_owned()
}

/// `value` as one line of JSON in which every character of [`is_unsafe`] is a `\u` escape
/// (serde_json itself escapes only C0 controls, leaving C1 and bidi controls raw).
///
/// ```
/// let out = newsreader::output::json(&"x\u{9b}\u{202e}y");
/// assert_eq!(out, r#""x\u009b\u202ey""#);
/// ```
pub fn json(value: &impl Serialize) -> String {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, SafeFormatter);
    // Serialising into memory fails only for a value whose `Serialize` fails, which none of
    // the program's types do; an empty line is what such a value would print.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    // serde_json writes UTF-8; encoding_rs checks it with SIMD instructions, which with the
    // copy costs less than the standard library's check of a large article.
    encoding_rs::UTF_8
        .decode_without_bom_handling_and_without_replacement(&bytes)
        .map(std::borrow::Cow::into_owned)
        .unwrap_or_default()
}

/// serde_json's compact output with [`is_unsafe`] characters escaped.
struct SafeFormatter;

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if !may_be_unsafe(b) {
                continue;
            }
            let Some(c) = fragment.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if is_unsafe(c) {
                writer.write_all(&bytes[start..i])?;
                // Every unsafe character is in the Basic Multilingual Plane: one escape.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&bytes[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unsafe_character_starts_with_a_byte_the_scan_stops_at() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if is_unsafe(c) {
                assert!(
                    may_be_unsafe(c.encode_utf8(&mut [0; 4]).as_bytes()[0]),
                    "{c:?}"
                );
            }
        }
        assert_eq!(json(&"中\u{85}文\u{202e}"), r#""中\u0085文\u202e""#);
    }

    #[test]
    fn everything_the_reader_drops_is_shown() {
        for c in [
            '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{200b}', '\u{200f}',
            '\u{2028}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{feff}',
        ] {
            let raw = format!("a{c}b");
            let shown = line(&raw);
            assert!(!shown.contains(c), "{c:?} reached the output");
            assert!(shown.starts_with("a\\") && shown.ends_with('b'), "{shown}");
            assert_eq!(crate::decode::first_unsafe(&shown), None);
        }
        assert!(matches!(line("plain 文字 ½"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escapes_what_the_terminal_must_not_see_and_reads_back() {
        let raw = "a\nb\u{1b}]0;t\u{7}\u{9b}\u{202e}.txt 文";
        let out = json(&serde_json::json!({ "path": raw }));
        assert!(out.chars().all(|c| !is_unsafe(c)), "{out:?}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["path"], raw);
    }

    #[test]
    fn addresses_lose_their_password() {
        assert_eq!(
            address("http://alice:s3cret@news.example/rss\u{1b}x"),
            "http://alice:***@news.example/rss%1Bx"
        );
    }
}
