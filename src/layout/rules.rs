//! The Chinese line-breaking rules (W3C clreq) that the reader applies on top of Unicode line
//! breaking. UAX #14 alone lets a line start with `——` and forbids breaking next to any
//! quotation mark; these predicates say which characters may not start or end a line, which
//! characters are spaces that vanish at a break, and where a quotation mark between Chinese
//! characters may break. They are public so that tests and other modules judge lines by the
//! same rules the layout follows.

use unicode_width::UnicodeWidthChar;

/// Whether a line may not start with `c`: closing punctuation (Chinese and ASCII), the dash
/// `—` and ellipsis `…` (so `——` and `……` never split and never start a line), iteration
/// marks, the prolonged sound mark, small kana, percent signs, and the interpuncts (`·` in
/// transliterated names such as `斯科特·戈特列布`, and the separator of the metadata rows),
/// which belong with what they follow.
pub fn is_no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '》'
            | '】'
            | '〉'
            | '…'
            | '‥'
            | '—'
            | '⸺'
            | '⸻'
            | '〕'
            | '｝'
            | '］'
            | '〗'
            | '〙'
            | '〛'
            | '｠'
            | '｡'
            | '､'
            | '｣'
            | '・'
            | '･'
            | '·'
            | '‧'
            | 'ー'
            | '々'
            | '〻'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '〞'
            | '〟'
            | '．'
            | '％'
            | '‰'
            | '%'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
    ) || is_small_kana(c)
}

/// Whether a line may not end with `c`: opening brackets and quotation marks, Chinese and
/// ASCII.
pub fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '「'
            | '『'
            | '（'
            | '《'
            | '【'
            | '〈'
            | '〔'
            | '｛'
            | '［'
            | '〖'
            | '〘'
            | '〚'
            | '｟'
            | '｢'
            | '〝'
            | '('
            | '['
            | '{'
    )
}

/// Small kana, which Japanese typesetting keeps off the start of a line.
fn is_small_kana(c: char) -> bool {
    matches!(
        c,
        'ぁ' | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ゕ'
            | 'ゖ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | '\u{31F0}'..='\u{31FF}'
    )
}

/// Whether `c` is a space that disappears when a line breaks after it: ASCII and ideographic
/// spaces and the other breaking space separators. No-break spaces are not among them.
pub fn is_break_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\u{1680}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200A}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Whether `c` ends a line by itself (a line feed or another mandatory break that escaped
/// sanitising); the layout starts a new row after it and never draws it.
pub fn is_line_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether UAX #14 as of Unicode 15.1 (rule LB19a) allows a break between `before` and
/// `after` because of a quotation mark next to an East Asian wide character, which the
/// Unicode 15.0 tables of `unicode-linebreak` forbid: before an opening `“`/`‘` that follows
/// a wide character, and after a closing `”`/`’` that precedes one. The clreq predicates
/// still apply on top (no break before `”。`).
pub fn quote_break(before: char, after: char) -> bool {
    let wide = |c: char| c.width() == Some(2);
    (matches!(after, '“' | '‘') && wide(before)) || (matches!(before, '”' | '’') && wide(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_closing_punctuation_may_not_start_a_line() {
        for c in "，。、；：？！”’」』）》】〉…,.;:!?)]}——·".chars() {
            assert!(is_no_start(c), "{c}");
        }
        for c in "中a1“（(".chars() {
            assert!(!is_no_start(c), "{c}");
        }
    }

    #[test]
    fn product_opening_punctuation_may_not_end_a_line() {
        for c in "“‘「『（《【〈([{".chars() {
            assert!(is_no_end(c), "{c}");
        }
        for c in "中a”）)".chars() {
            assert!(!is_no_end(c), "{c}");
        }
    }

    #[test]
    fn spaces_that_vanish_at_a_break() {
        assert!(is_break_space(' '));
        assert!(is_break_space('\u{3000}'));
        assert!(!is_break_space('\u{A0}'));
        assert!(!is_break_space('a'));
    }

    #[test]
    fn quotes_next_to_chinese_may_break() {
        assert!(quote_break('的', '“'));
        assert!(quote_break('”', '的'));
        assert!(!quote_break('a', '“'));
        assert!(!quote_break('”', 'a'));
        assert!(!quote_break('“', '的'));
    }
}
