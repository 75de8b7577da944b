//! Which writing system a character belongs to, and what Chinese text looks like. Decoding,
//! parsing, layout and the HTML front end all ask "is this Chinese?", "does this end a
//! sentence?", "is this a Chinese numeral?"; they ask here, so they agree on the answer.

/// A Han ideograph: the CJK Unified Ideographs, Extension A, the compatibility ideographs, and
/// the supplementary ideographic planes.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// A Han ideograph, or Japanese kana, or a Hangul syllable: the letters of CJK text.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
}

/// A Chinese numeral as section numbers and counts use them (`一`…`十`, `百`, `零`, `两`).
pub fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十百零〇两".contains(c)
}

/// Punctuation that ends a sentence, Chinese and Latin, with the closing quotes and brackets
/// that may follow it: a line ending in one of these is a finished sentence.
pub const SENTENCE_END: &[char] = &[
    '。', '！', '？', '”', '’', '」', '』', '…', '.', '!', '?', '"', '）', ')', '】',
];

/// Punctuation that cannot start a line of text: a line starting with one is the tail of the
/// sentence before it.
pub const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '】', ',', ';', ')', ']', '”',
];

/// Punctuation after which a sentence cannot have ended: the next line continues it.
pub const CONTINUING: &[char] = &['，', '、', '（', '《', '「', '『', '“', ',', '(', '['];

/// Punctuation inside a sentence or at its end (not quotes or brackets): text holding one is
/// prose, not a name or a headline fragment.
pub const CLAUSE_PUNCT: &[char] = &['。', '；', '！', '？', '，', ';', '!', '?'];

/// Whether `s` ends a sentence (so the next line starts a new paragraph).
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(SENTENCE_END)
}

/// The shape of a Chinese personal name: two to four Han characters, or two names joined by
/// `·` (transliterated foreign names such as `莱斯特·布朗`).
pub fn is_person_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n) && s.chars().all(is_han)
        || (3..=12).contains(&n)
            && s.contains('·')
            && s.split('·').all(|p| !p.is_empty() && p.chars().all(is_han))
}

/// The writing an article is set in, which decides the words the reader adds to it (an image
/// placeholder in the article's own script).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Mostly not Chinese.
    Other,
    /// Chinese in simplified characters.
    Simplified,
    /// Chinese in traditional characters.
    Traditional,
}

/// The script of a text: Chinese when ideographs make up a quarter of its visible characters
/// or more; traditional when enough of its first few thousand ideographs have a simplified
/// form that differs.
pub fn script_of(text: &str) -> Script {
    let mut visible = 0usize;
    let mut han = String::new();
    let mut han_count = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        if is_han(c) {
            han_count += 1;
            if han_count <= 3000 {
                han.push(c);
            }
        }
    }
    if han_count == 0 || han_count * 4 < visible {
        return Script::Other;
    }
    let simplified = fast2s::convert(&han);
    let changed = han
        .chars()
        .zip(simplified.chars())
        .filter(|(a, b)| a != b)
        .count();
    let sampled = han_count.min(3000);
    if changed >= 3 && changed * 20 >= sampled {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        for c in ['党', '黨', '㐀', '𠀀', '丽'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['あ', 'カ', '한'] {
            assert!(is_cjk(c) && !is_han(c), "{c}");
        }
        for c in ['a', '1', '，', '。', '　', 'Ａ'] {
            assert!(!is_cjk(c), "{c}");
        }
    }

    #[test]
    fn simplified_traditional_or_other() {
        for (text, want) in [
            (
                "桃園市平鎮區一家輪胎行今天清晨發生大火，7人從火場中疏散。",
                Script::Traditional,
            ),
            (
                "這是嚴搏非留給他親手創辦的季風書園的話。",
                Script::Traditional,
            ),
            (
                "桃园市平镇区一家轮胎行今天清晨发生大火，7人从火场中疏散。",
                Script::Simplified,
            ),
            (
                "高圆圆和赵又廷在京举行答谢宴，诸多明星现身捧场。",
                Script::Simplified,
            ),
            (
                "The ferry across the bay restarted its morning service.",
                Script::Other,
            ),
            (
                "An English story that quotes one word, 党建, in passing.",
                Script::Other,
            ),
            ("", Script::Other),
        ] {
            assert_eq!(script_of(text), want, "{text}");
        }
    }

    #[test]
    fn sentence_ends_and_names() {
        assert!(ends_sentence("他说：“好。”"));
        assert!(ends_sentence("Done. "));
        assert!(!ends_sentence("龙湖方面也承认，虽然负责该项目的"));
        for name in ["张曦", "欧阳修文", "莱斯特·布朗"] {
            assert!(is_person_name(name), "{name}");
        }
        for not in ["张", "新华社记者", "Tom", "记者 张曦"] {
            assert!(!is_person_name(not), "{not}");
        }
    }
}
