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
    fn capitals_decide_case() {
        assert!(has_capital("Rust"));
        assert!(has_capital("Ｒust"));
        assert!(!has_capital("rust 党建"));
    }
}
