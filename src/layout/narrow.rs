//! Full-width letters and digits drawn half-width (`ＡＢＣ１２３` as `ABC123`), with the
//! few full-width signs that belong to a number once its digits are narrow (`１２．５％` as
//! `12.5%`, `１２：３０` as `12:30`). Only the drawing changes: the text, search and the JSON
//! keep the full-width forms, and search already finds one form from the other.

use unicode_width::UnicodeWidthChar;

/// Every printable ASCII character, so that a narrowed character can be drawn from a
/// `&'static str` without allocating.
const ASCII: &str = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// `c` as a one-character static string when it is printable ASCII.
pub fn ascii_str(c: char) -> Option<&'static str> {
    let i = usize::try_from(u32::from(c)).ok()?.checked_sub(0x21)?;
    ASCII.get(i..i + 1)
}

/// Whether `c` is a full-width digit (`０`–`９`).
fn full_digit(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}')
}

/// Whether `c` is a digit, ASCII or full-width.
fn any_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || full_digit(c))
}

/// The ASCII form of a full-width form `c` (U+FF01–U+FF5E).
fn half(c: char) -> Option<char> {
    char::from_u32(u32::from(c).checked_sub(0xFEE0)?).filter(|h| h.is_ascii_graphic())
}

/// Whether `c` is one of the full-width forms this module may narrow: the cheap test the
/// layout runs on every character before [`narrow`].
#[inline]
pub fn may_narrow(c: char) -> bool {
    matches!(c, '\u{FF05}'..='\u{FF5A}')
}

/// What `c` is drawn as when full-width letters and digits are shown half-width, given the
/// characters before and after it in the text; `None` when it is drawn as it is.
///
/// Letters and digits always narrow; `．` and `：` and `／` between two digits, `％` after a
/// digit, and `＋` `－` before a digit narrow with the number. A character followed by a
/// combining mark is left alone (the cluster is drawn whole).
pub fn narrow(before: Option<char>, c: char, after: Option<char>) -> Option<char> {
    if !may_narrow(c) {
        return None;
    }
    if after.is_some_and(|a| !a.is_control() && a.width() == Some(0)) {
        return None;
    }
    let narrows = c.is_alphanumeric()
        || match c {
            '．' | '：' | '／' => any_digit(before) && any_digit(after),
            '％' => any_digit(before),
            '＋' | '－' => any_digit(after),
            _ => false,
        };
    if narrows { half(c) } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrowed(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        (0..chars.len())
            .map(|i| {
                let before = i.checked_sub(1).map(|j| chars[j]);
                narrow(before, chars[i], chars.get(i + 1).copied()).unwrap_or(chars[i])
            })
            .collect()
    }

    #[test]
    fn letters_digits_and_number_signs_narrow() {
        assert_eq!(narrowed("ＡＢＣ１２３"), "ABC123");
        assert_eq!(narrowed("增长１２．５％，约－３"), "增长12.5%，约-3");
        assert_eq!(narrowed("１２：３０／１"), "12:30/1");
        assert_eq!(narrowed("问：Ａ．好％"), "问：A．好％");
        assert_eq!(narrowed("（ｂ）"), "（b）");
    }

    #[test]
    fn a_letter_with_a_combining_mark_is_left_whole() {
        assert_eq!(narrow(None, 'Ａ', Some('\u{301}')), None);
        assert_eq!(narrow(None, 'Ａ', Some('\n')), Some('A'));
    }

    #[test]
    fn every_ascii_character_has_a_static_string() {
        for c in '!'..='~' {
            assert_eq!(ascii_str(c), Some(c.to_string().as_str()));
        }
        assert_eq!(ascii_str(' '), None);
        assert_eq!(ascii_str('中'), None);
    }
}
