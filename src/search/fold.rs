//! Folding text for matching: traditional → simplified Chinese (one character for one, with
//! the `fast2s` tables), full-width ASCII forms → half-width, and optionally lower case.

use crate::article::meta::half_width_char;

/// Folds one character (already converted to simplified) into `out`.
pub fn fold_char(c: char, lower: bool, out: &mut String) {
    let c = half_width_char(c);
    if lower && c.is_uppercase() {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

/// The folded form of `text`: simplified, half-width, and lower-cased when `lower`.
pub fn fold(text: &str, lower: bool) -> String {
    let simple = fast2s::convert(text);
    let mut out = String::with_capacity(simple.len());
    for c in simple.chars() {
        fold_char(c, lower, &mut out);
    }
    out
}

/// Folds `text` exactly as [`fold`] does, one character at a time: `each` gets the original
/// character, its case-kept fold (simplified and half-width: one character of
/// `fold(text, false)`) and its full fold (also lower case: the one or more characters it
/// contributes to `fold(text, true)`). A search index uses this to know, for every character
/// of the folded text, what the reader shows and whether case changed it.
pub fn fold_each(text: &str, mut each: impl FnMut(char, char, &str)) {
    // `fast2s` converts one character for one (looking at its neighbours), so the simplified
    // text lines up with the original character by character.
    let simple = fast2s::convert(text);
    let mut full = String::new();
    for (original, s) in text.chars().zip(simple.chars()) {
        full.clear();
        fold_char(s, true, &mut full);
        each(original, half_width_char(s), &full);
    }
}

/// Whether `fast2s` may simplify `c` differently depending on its neighbours (`乾隆` keeps
/// `乾`, `乾燥` becomes `干燥`): the characters of its special words in version 0.3. Folding
/// a piece of text on its own can then differ from folding it inside its paragraph.
pub fn context_sensitive(c: char) -> bool {
    matches!(
        c,
        '兒' | '覆'
            | '夥'
            | '藉'
            | '瞭'
            | '麽'
            | '幺'
            | '於'
            | '乾'
            | '著'
            | '苧'
            | '闔'
            | '鍾'
            | '讎'
            | '畫'
    )
}

/// Whether a query asks for exact case: it has a capital letter (full-width ones count).
pub fn has_capital(query: &str) -> bool {
    query.chars().any(|c| {
        let mut s = String::new();
        fold_char(c, false, &mut s);
        s.chars().any(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        assert_eq!(fold("ＡＢＣ１２３：", true), "abc123:");
        assert_eq!(fold("ＡＢＣ", false), "ABC");
        assert_eq!(fold("黨建　臺灣", true), "党建 台湾");
        assert_eq!(fold("，", true), ",");
        assert_eq!(fold("Straße", true), "straße");
    }

    #[test]
    fn folding_one_character_at_a_time_agrees_with_folding_the_text() {
        for text in ["ＡＢＣ１２３：黨建", "xİy Straße", "乾隆與乾燥", "看著", ""]
        {
            let (mut kept, mut full, mut originals) = (String::new(), String::new(), String::new());
            fold_each(text, |o, k, f| {
                originals.push(o);
                kept.push(k);
                full.push_str(f);
            });
            assert_eq!(originals, text);
            assert_eq!(kept, fold(text, false), "{text}");
            assert_eq!(full, fold(text, true), "{text}");
        }
    }

    #[test]
    fn context_sensitive_characters_change_with_their_neighbours() {
        for (word, c) in [
            ("乾隆", '乾'),
            ("看著", '著'),
            ("計畫", '畫'),
            ("樊於", '於'),
        ] {
            assert!(context_sensitive(c));
            let alone = fold(&c.to_string(), false);
            let inside = fold(word, false);
            assert!(
                !inside.contains(alone.as_str()),
                "{word}: {inside} / {alone}"
            );
        }
        assert!(!context_sensitive('黨'));
    }

    #[test]
    fn capitals_decide_case() {
        assert!(has_capital("Rust"));
        assert!(has_capital("Ｒust"));
        assert!(!has_capital("rust 党建"));
    }
}
