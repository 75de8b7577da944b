//! Display widths, measured the way the screen will draw them. Layout, the reader pane and any
//! code that places text next to laid-out rows must agree on how wide a grapheme is, or rows
//! overflow their pane; this module is that single measure. It follows ratatui's buffer
//! (`unicode-width` per grapheme cluster, plus one column per halfwidth katakana sound mark as
//! ratatui 0.30 adds, control characters as nothing), with an option to treat East Asian ambiguous characters
//! (`…`, `—`, `“`) as wide for terminals configured that way.

use super::clusters::Graphemes;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Halfwidth katakana voiced and semi-voiced sound marks, which ratatui 0.30's buffer counts
/// one column more than `unicode-width` does; counted the same way here so that a row never
/// takes more cells in the buffer than the layout planned.
const HALFWIDTH_SOUND_MARKS: [char; 2] = ['\u{FF9E}', '\u{FF9F}'];

/// The display width in columns of one grapheme cluster.
///
/// A cluster containing a control character (a line end, a tab that escaped sanitising) is
/// zero columns wide because the screen never draws it. With `ambiguous_wide`, East Asian
/// ambiguous characters count two columns instead of one.
#[inline]
pub fn grapheme_width(grapheme: &str, ambiguous_wide: bool) -> usize {
    let bytes = grapheme.as_bytes();
    if let [b] = bytes {
        return usize::from(!b.is_ascii_control());
    }
    let mut chars = grapheme.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // One scalar value: the char table is cheaper than the string state machine and
        // gives the same answer for everything that is not a control character.
        if c.is_control() {
            return 0;
        }
        let width = if ambiguous_wide {
            c.width_cjk()
        } else {
            c.width()
        };
        return width.unwrap_or(0) + usize::from(HALFWIDTH_SOUND_MARKS.contains(&c));
    }
    if grapheme.chars().any(char::is_control) {
        return 0;
    }
    let width = if ambiguous_wide {
        grapheme.width_cjk()
    } else {
        grapheme.width()
    };
    let marks = grapheme
        .chars()
        .filter(|c| HALFWIDTH_SOUND_MARKS.contains(c))
        .count();
    width.saturating_add(marks)
}

/// The display width in columns of a string: the sum of its grapheme clusters' widths.
pub fn str_width(text: &str, ambiguous_wide: bool) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    Graphemes::new(text, ambiguous_wide)
        .map(|g| g.width)
        .fold(0, usize::saturating_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_two_columns_latin_one() {
        assert_eq!(str_width("中文", false), 4);
        assert_eq!(str_width("abc", false), 3);
        assert_eq!(str_width("ratatui 0.30版本", false), 16);
    }

    #[test]
    fn combining_marks_add_nothing() {
        assert_eq!(grapheme_width("e\u{301}", false), 1);
        assert_eq!(grapheme_width("\u{301}", false), 0);
    }

    #[test]
    fn emoji_clusters_are_two_columns() {
        assert_eq!(grapheme_width("👨\u{200d}👩\u{200d}👧", false), 2);
        assert_eq!(grapheme_width("❤\u{fe0f}", false), 2);
        assert_eq!(grapheme_width("🇨🇳", false), 2);
    }

    #[test]
    fn ambiguous_characters_follow_the_option() {
        for c in ["…", "—", "“"] {
            assert_eq!(grapheme_width(c, false), 1, "{c}");
            assert_eq!(grapheme_width(c, true), 2, "{c}");
        }
        assert_eq!(str_width("中“文”", true), 8);
    }

    #[test]
    fn control_characters_take_no_columns() {
        assert_eq!(grapheme_width("\n", false), 0);
        assert_eq!(grapheme_width("\r\n", false), 0);
        assert_eq!(grapheme_width("\u{85}", false), 0);
        assert_eq!(str_width("a\tb", false), 2);
    }

    #[test]
    fn halfwidth_sound_marks_count_as_ratatui_counts_them() {
        assert_eq!(grapheme_width("\u{FF9E}", false), 2);
        assert_eq!(str_width("ｶﾞ", false), 3);
    }
}
