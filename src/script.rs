//! Which writing system a character belongs to. Decoding, parsing, layout and the HTML front
//! end all ask "is this Chinese?"; they ask here, so they agree on the answer.

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
}
