//! What mixed Chinese and Latin text needs on a cell grid, as character classes: where clreq
//! (and every Chinese style guide) puts a space between Han or kana and Latin letters or
//! digits, which characters end a number's unit (`50%`, `30°C`), which opening punctuation
//! sits against what follows it, and where a web address runs (no space is ever put inside
//! one). The layout asks these per grapheme cluster; nothing here changes text.

use unicode_width::UnicodeWidthChar;

use crate::script::is_han;

/// A Chinese or Japanese letter: a Han ideograph (with `々` and `〇`), kana, bopomofo. These
/// are the characters a space separates from Latin text.
#[inline]
pub fn is_cjk_letter(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3005}' | '\u{3007}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30A1}'..='\u{30FA}'
            | '\u{30FC}'..='\u{30FF}'
            | '\u{3105}'..='\u{312F}'
            | '\u{31F0}'..='\u{31FF}')
}

/// A Latin (or Greek, Cyrillic, …) letter or a digit as a terminal draws it: alphanumeric,
/// one cell wide, not a CJK letter. Full-width letters count only once narrowed.
#[inline]
pub fn is_latin(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Ideographs and Chinese punctuation, answered without the standard library's tables:
    // general and CJK punctuation hold no narrow letter or digit, full-width forms are wide.
    if matches!(c,
        '\u{2000}'..='\u{206F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF60}')
    {
        return false;
    }
    !is_cjk_letter(c) && c.is_alphanumeric() && c.width() == Some(1)
}

/// Signs that end a quantity and belong to its number (`50%`, `30°C`, `5‰`): a Latin run
/// ending in one is still a Latin run (`增长 50% 以上`), and none is ever parted from its
/// number.
#[inline]
pub fn is_unit_sign(c: char) -> bool {
    matches!(c, '%' | '‰' | '‱' | '°' | '℃' | '℉' | '′' | '″')
}

/// Narrow opening punctuation, which belongs with what follows it: drawn against the next
/// character, with any grid padding on its outer side (as a full-width `“` sits at the right
/// of its cell).
#[inline]
pub fn is_narrow_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '(' | '[' | '{')
}

/// Whether a space may be drawn between `before` (the last character of a cluster) and
/// `after` (the first of the next): one is a CJK letter and the other side is Latin text
/// (`before_latin`: the cluster before ends a Latin word or number, unit sign included;
/// `after_latin`: the cluster after starts one, a number's sign included).
#[inline]
pub fn wants_space(before: char, before_latin: bool, after: char, after_latin: bool) -> bool {
    (after_latin && is_cjk_letter(before)) || (before_latin && is_cjk_letter(after))
}

/// Address prefixes that start a web address in running text.
const URL_PREFIXES: [&str; 5] = ["https://", "http://", "ftp://", "mailto:", "www."];

/// Whether `c` may be part of an address: printable ASCII but the delimiters that never are.
fn url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '`' | '{' | '}' | '|' | '\\' | '^')
}

/// The length in bytes of the web address `rest` starts with, or 0 when it starts with none.
///
/// An address runs over ASCII address characters; a Chinese word continues it only right
/// after a path or query delimiter (`/wiki/中文`, `?q=新闻`), and then the address runs on
/// through the Chinese word. Punctuation at its end (`.` `,` `)` …) is the sentence's.
pub fn url_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let starts = URL_PREFIXES.iter().any(|p| {
        bytes
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    });
    if !starts {
        return 0;
    }
    let mut end = 0;
    let mut previous = '\0';
    let mut in_word = false;
    for (i, c) in rest.char_indices() {
        let keep = if url_char(c) {
            in_word = false;
            true
        } else if is_cjk_letter(c) {
            in_word = in_word || matches!(previous, '/' | '=' | '?' | '#' | '&' | '-' | '_' | '%');
            in_word
        } else {
            false
        };
        if !keep {
            break;
        }
        end = i + c.len_utf8();
        previous = c;
    }
    let trimmed = rest
        .get(..end)
        .unwrap_or_default()
        .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', ')', ']']);
    trimmed.len()
}

/// Whether a cluster starting with `c` after `previous` might start an address (a letter
/// after a character that cannot be inside one): the cheap test before [`url_len`].
#[inline]
pub fn may_start_url(previous: char, c: char) -> bool {
    matches!(c, 'h' | 'H' | 'f' | 'F' | 'm' | 'M' | 'w' | 'W')
        && !(previous.is_ascii_alphanumeric() || matches!(previous, '.' | '/' | '-' | '_' | '@'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for c in "中文々〇かなカナーㄅ".chars() {
            assert!(is_cjk_letter(c), "{c}");
        }
        for c in "，。“（Ａa1".chars() {
            assert!(!is_cjk_letter(c), "{c}");
        }
        for c in "aZ09éΩж".chars() {
            assert!(is_latin(c), "{c}");
        }
        for c in "中Ａ１한%_ ".chars() {
            assert!(!is_latin(c), "{c}");
        }
        // The ranges answered without the tables agree with the tables.
        let slow = |c: char| !is_cjk_letter(c) && c.is_alphanumeric() && c.width() == Some(1);
        let quick = [
            '\u{2000}'..='\u{206F}',
            '\u{3000}'..='\u{303F}',
            '\u{3400}'..='\u{4DBF}',
            '\u{4E00}'..='\u{9FFF}',
            '\u{FF01}'..='\u{FF60}',
        ];
        for c in quick.into_iter().flatten() {
            assert_eq!(is_latin(c), slow(c), "{:04X}", c as u32);
        }
    }

    #[test]
    fn spaces_go_between_cjk_and_latin_only() {
        assert!(wants_space('用', false, 'R', true));
        assert!(wants_space('t', true, '语', false));
        assert!(!wants_space('%', false, '以', false));
        assert!(!wants_space('，', false, 'R', true));
        assert!(!wants_space('R', true, '，', false));
        assert!(!wants_space('中', false, '文', false));
        assert!(!wants_space('a', true, 'b', true));
    }

    #[test]
    fn addresses_in_running_text() {
        fn len(s: &str) -> &str {
            &s[..url_len(s)]
        }
        assert_eq!(
            len("https://example.com/a?b=1，然后"),
            "https://example.com/a?b=1"
        );
        assert_eq!(len("https://example.com了解"), "https://example.com");
        assert_eq!(
            len("https://zh.wikipedia.org/wiki/中文 词"),
            "https://zh.wikipedia.org/wiki/中文"
        );
        assert_eq!(len("www.gov.cn."), "www.gov.cn");
        assert_eq!(len("HTTP://A.CN)"), "HTTP://A.CN");
        assert_eq!(len("http"), "");
        assert_eq!(len("whatever"), "");
        assert!(may_start_url('访', 'h'));
        assert!(!may_start_url('a', 'h'));
    }
}
