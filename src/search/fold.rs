//! Folding text for matching: traditional → simplified Chinese (one character for one, with
//! the `fast2s` tables), full-width ASCII forms → half-width, optionally lower case, and a
//! single space between Chinese and Latin text dropped (the reader draws one there whether
//! the text has it or not, so `Rust语言` and `Rust 语言` must find each other).

use crate::article::meta::half_width_char;
use crate::layout::spacing::{is_cjk_letter, is_latin, is_unit_sign};

/// Whether the character `c` (folded) between `before` and `after` (folded) is a space that
/// matching ignores: one space between a CJK letter and a Latin letter, digit or unit sign.
pub fn ignored_space(before: Option<char>, c: char, after: Option<char>) -> bool {
    if c != ' ' {
        return false;
    }
    let (Some(b), Some(a)) = (before, after) else {
        return false;
    };
    (is_cjk_letter(b) && is_latin(a)) || ((is_latin(b) || is_unit_sign(b)) && is_cjk_letter(a))
}

/// Whether lowering `c` (half-width) changes it. Kana, CJK symbols and ideographs have no
/// case: no table lookup for them.
fn has_lower_case(c: char) -> bool {
    !('\u{3000}'..='\u{9FFF}').contains(&c) && c.is_uppercase()
}

/// The lower case of `c` (half-width) when lowering changes it, `None` when `c` stays as it
/// is: the one rule of lower casing for `fold_char`, [`fold_each`] and the index.
pub fn lowered(c: char) -> Option<std::char::ToLowercase> {
    has_lower_case(c).then(|| c.to_lowercase())
}

/// Folds one character (already converted to simplified) into `out`.
pub fn fold_char(c: char, lower: bool, out: &mut String) {
    let c = half_width_char(c);
    match lowered(c).filter(|_| lower) {
        Some(l) => out.extend(l),
        None => out.push(c),
    }
}

/// The folded form of `text`: simplified, half-width, lower-cased when `lower`, without the
/// spaces [`ignored_space`] names.
pub fn fold(text: &str, lower: bool) -> String {
    let mut out = String::with_capacity(text.len());
    each_simplified(text, |_, c, _| fold_char(c, lower, &mut out));
    out
}

/// Calls `each` with every character of `text` that matching keeps, in order: the original,
/// its simplified form (one character for one, as `fast2s` converts the whole text) and that
/// one's half-width form. In one pass: `fast2s` simplifies a character from it and its two
/// neighbours alone, and all but the [`context_sensitive`] ones from it alone, as
/// [`simplified_char`] does with one table lookup (`fast2s` itself makes three hash lookups
/// and a new string); a context-sensitive one is simplified by `fast2s` with its neighbours.
pub fn each_simplified(text: &str, each: impl FnMut(char, char, char)) {
    let table = Simplifier::get();
    let pairs = text.char_indices().map(|(at, c)| {
        if context_sensitive(c) {
            (c, in_context(text, at, c))
        } else {
            (c, table.simplify(c))
        }
    });
    each_kept(pairs, each);
}

/// How `fast2s` simplifies the [`context_sensitive`] character `c` at byte `at` of `text`:
/// by it and its neighbours, the only characters it looks at.
fn in_context(text: &str, at: usize, c: char) -> char {
    let before = text.get(..at).and_then(|t| t.chars().next_back());
    let after = text.get(at + c.len_utf8()..).and_then(|t| t.chars().next());
    let window: String = before.into_iter().chain([c]).chain(after).collect();
    let simple = fast2s::convert(&window);
    simple
        .chars()
        .nth(usize::from(before.is_some()))
        .unwrap_or(c)
}

/// Calls `each` with every pair (original, simplified) that matching keeps, in order, and
/// the simplified character's half-width form (made once a character).
fn each_kept(pairs: impl Iterator<Item = (char, char)>, mut each: impl FnMut(char, char, char)) {
    let mut pairs = pairs.map(|(o, c)| (o, c, half_width_char(c)));
    let mut before = None;
    let mut current = pairs.next();
    while let Some((o, c, half)) = current {
        let next = pairs.next();
        if !ignored_space(before, half, next.map(|(_, _, h)| h)) {
            each(o, c, half);
        }
        before = Some(half);
        current = next;
    }
}

/// Folds `text` exactly as [`fold`] does, one character at a time: `each` gets the original
/// character, its case-kept fold (simplified and half-width: one character of
/// `fold(text, false)`) and its full fold (also lower case: the one or more characters it
/// contributes to `fold(text, true)`). Spaces that matching ignores are skipped. A search
/// index uses this to know, for every character of the folded text, what the reader shows
/// and whether case changed it.
pub fn fold_each(text: &str, mut each: impl FnMut(char, char, &str)) {
    let mut one = [0; 4];
    let mut lowered = String::new();
    each_simplified(text, |original, _, kept| {
        // As `fold_char` lowers, without a string for a character that stays as it is.
        if let Some(l) = self::lowered(kept) {
            lowered.clear();
            lowered.extend(l);
            each(original, kept, &lowered);
        } else {
            each(original, kept, kept.encode_utf8(&mut one));
        }
    });
}

/// The simplified form of one character, as [`fold`] gives it outside the few words where a
/// neighbour changes it (see [`context_sensitive`]); every other character unchanged. One
/// character for one of the same UTF-8 length, so byte offsets in a text hold in its fold.
pub fn simplified_char(c: char) -> char {
    Simplifier::get().simplify(c)
}

/// [`simplified_char`] with its table fetched once, for a loop over many characters.
#[derive(Clone, Copy)]
struct Simplifier(&'static [u16]);

impl Simplifier {
    fn get() -> Simplifier {
        Simplifier(simplified_table())
    }

    fn simplify(self, c: char) -> char {
        // Traditional forms are ideographs of three bytes in two blocks; all else is itself.
        let u = c as u32;
        let slot = match u {
            0x3400..=0x9FFF => u - 0x3400,
            0xF900..=0xFAFF => u - 0xF900 + MAIN_BLOCK,
            _ => return c,
        };
        match self.0.get(slot as usize) {
            Some(&s) if s != 0 => char::from_u32(u32::from(s)).unwrap_or(c),
            _ => c,
        }
    }
}

/// How many ideographs the first block of [`simplified_table`] covers (U+3400–U+9FFF).
const MAIN_BLOCK: u32 = 0x9FFF - 0x3400 + 1;

/// The simplified form of every ideograph `fast2s` simplifies on its own, by position in
/// U+3400–U+9FFF and then U+F900–U+FAFF (0 where the character stays as it is): one lookup
/// per character, which the parser's lexicon and search folding do for every character
/// they read. It is made from [`SIMPLIFIED`], which a test checks against `fast2s`.
fn simplified_table() -> &'static [u16] {
    static TABLE: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![0; (MAIN_BLOCK + 0xFAFF - 0xF900 + 1) as usize];
        for (t, s) in simplified_pairs() {
            let slot = match t as u32 {
                u @ 0x3400..=0x9FFF => u - 0x3400,
                u @ 0xF900..=0xFAFF => u - 0xF900 + MAIN_BLOCK,
                _ => continue,
            };
            if let (Some(entry), Ok(s)) = (table.get_mut(slot as usize), u16::try_from(s as u32)) {
                *entry = s;
            }
        }
        table
    })
}

/// Every pair (traditional, simplified) that [`simplified_char`] maps: the only characters
/// besides ASCII capitals that the parser's lexicon folds.
pub fn simplified_pairs() -> impl Iterator<Item = (char, char)> {
    SIMPLIFIED.lines().filter_map(|line| {
        let mut pair = line.chars();
        Some((pair.next()?, pair.next()?))
    })
}

/// Every ideograph that `fast2s` simplifies on its own to another of the same UTF-8 length,
/// one a line: the traditional form, then the simplified one. Shipped as text rather than
/// made from `fast2s` when a process starts (about 12 million instructions each time).
const SIMPLIFIED: &str = include_str!("../../assets/simplified.txt");

/// Whether `fast2s` may simplify `c` differently depending on its neighbours (`乾隆` keeps
/// `乾`, `乾燥` becomes `干燥`): the characters of its special words in version 0.3. Folding
/// a piece of text on its own can then differ from folding it inside its paragraph. Asked
/// for every character folded, so answered with one bit of a table.
pub fn context_sensitive(c: char) -> bool {
    let Some(offset) = (c as u32).checked_sub(SENSITIVE_FIRST) else {
        return false;
    };
    SENSITIVE_BITS
        .get((offset / 64) as usize)
        .is_some_and(|word| word >> (offset % 64) & 1 == 1)
}

/// The characters [`context_sensitive`] names.
const CONTEXT_SENSITIVE: [char; 15] = [
    '兒', '覆', '夥', '藉', '瞭', '麽', '幺', '於', '乾', '著', '苧', '闔', '鍾', '讎', '畫',
];

/// The first character [`SENSITIVE_BITS`] covers (all of [`CONTEXT_SENSITIVE`] lie in
/// U+4E00–U+9FFF: building the table fails to compile otherwise).
const SENSITIVE_FIRST: u32 = 0x4E00;

/// One bit per character of U+4E00–U+9FFF, set for those of [`CONTEXT_SENSITIVE`].
const SENSITIVE_BITS: [u64; ((0xA000 - SENSITIVE_FIRST) / 64) as usize] = {
    let mut bits = [0; ((0xA000 - SENSITIVE_FIRST) / 64) as usize];
    let mut i = 0;
    while i < CONTEXT_SENSITIVE.len() {
        let offset = CONTEXT_SENSITIVE[i] as u32 - SENSITIVE_FIRST;
        bits[(offset / 64) as usize] |= 1 << (offset % 64);
        i += 1;
    }
    bits
};

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
    fn one_character_at_a_time_simplifies_as_fast2s_does() {
        // Every character fast2s simplifies on its own, and some it keeps, in one text
        // without a context-sensitive character, then with each of those in it.
        let plain: String = ('\u{2E80}'..='\u{FAFF}')
            .chain(['a', 'Ａ', ' ', '1', '😀'])
            .filter(|&c| !context_sensitive(c))
            .collect();
        let mut got = String::new();
        each_simplified(&plain, |_, s, _| got.push(s));
        assert_eq!(got, fast2s::convert(&plain));
        for text in ["乾隆與乾燥", "看著電視", "計畫書", "黨建"] {
            let mut got = String::new();
            each_simplified(text, |_, s, _| got.push(s));
            assert_eq!(got, fast2s::convert(text), "{text}");
        }
    }

    #[test]
    fn the_bit_set_names_exactly_the_context_sensitive_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(context_sensitive(c), CONTEXT_SENSITIVE.contains(&c), "{c}");
        }
        assert!(context_sensitive('乾') && context_sensitive('於') && !context_sensitive('干'));
    }

    proptest::proptest! {
        /// Simplifying a character with its neighbours alone is how `fast2s` simplifies the
        /// whole text.
        #[test]
        fn simplifying_in_one_pass_is_what_fast2s_gives(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "乾", "隆", "燥", "坤", "卦", "於", "樊", "著", "看", "畫", "計", "企", "藉", "口",
                "憑", "慰", "狼", "兒", "寬", "覆", "答", "批", "回", "夥", "甚", "瞭", "望", "麽",
                "幺", "苧", "麻", "闔", "家", "鍾", "書", "讎", "校", "定", "仇", "黨", "臺", "0",
                " ", "a", "Ａ", "😀", "\0",
            ][..]), 0..30)
        ) {
            let text = pieces.concat();
            let mut got = String::new();
            each_simplified(&text, |_, s, _| got.push(s));
            let mut want = String::new();
            each_kept(text.chars().zip(fast2s::convert(&text).chars()), |_, s, _| want.push(s));
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn fast2s_simplifies_nothing_outside_the_table_on_its_own() {
        // fast2s converts three-byte characters only; alone (between spaces), every one that
        // is not context-sensitive becomes what the table gives.
        let all: String = ('\u{800}'..='\u{FFFF}')
            .filter(|&c| !context_sensitive(c))
            .flat_map(|c| [c, ' '])
            .collect();
        let simple = fast2s::convert(&all);
        for (c, s) in all.chars().zip(simple.chars()) {
            assert_eq!(s, simplified_char(c), "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn nothing_from_kana_to_the_ideographs_has_case() {
        for c in '\u{3000}'..='\u{9FFF}' {
            assert!(!c.is_uppercase() && c.to_lowercase().eq([c]), "{c}");
        }
    }

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
        for text in [
            "ＡＢＣ１２３：黨建",
            "xİy Straße",
            "乾隆與乾燥",
            "看著",
            "",
            "用 Rust 寫",
        ] {
            let (mut kept, mut full, mut originals) = (String::new(), String::new(), String::new());
            fold_each(text, |o, k, f| {
                originals.push(o);
                kept.push(k);
                full.push_str(f);
            });
            let shown = if text == "用 Rust 寫" {
                "用Rust寫"
            } else {
                text
            };
            assert_eq!(originals, shown);
            assert_eq!(kept, fold(text, false), "{text}");
            assert_eq!(full, fold(text, true), "{text}");
        }
    }

    #[test]
    fn one_space_between_chinese_and_latin_is_ignored() {
        assert_eq!(fold("Rust 语言", true), fold("Rust语言", true));
        assert_eq!(fold("使用 Ｒｕｓｔ", true), "使用rust");
        assert_eq!(fold("增长 50% 以上", true), "增长50%以上");
        assert_eq!(
            fold("Rust  语言", true),
            "rust  语言",
            "two spaces are the text's own"
        );
        assert_eq!(fold("a b 中 文", true), "a b中 文");
        assert_eq!(fold(" 语言", true), " 语言");
        let mut kept = String::new();
        fold_each("用 Rust", |_, k, _| kept.push(k));
        assert_eq!(kept, "用Rust");
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

    /// [`SIMPLIFIED`] as `fast2s` gives it: each ideograph of both blocks between spaces, so
    /// that no neighbour changes how it is simplified. `NEWSREADER_WRITE_SIMPLIFIED=1` writes
    /// it to `assets/simplified.txt` when `fast2s` changes.
    #[test]
    fn the_shipped_table_is_what_fast2s_gives() {
        let all: String = ('\u{3400}'..='\u{9FFF}')
            .chain('\u{F900}'..='\u{FAFF}')
            .flat_map(|c| [c, ' '])
            .collect();
        let simple = fast2s::convert(&all);
        let mut want = String::new();
        for (t, s) in all.chars().zip(simple.chars()) {
            if t != ' ' && t != s && t.len_utf8() == s.len_utf8() {
                want.extend([t, s, '\n']);
            }
        }
        if std::env::var_os("NEWSREADER_WRITE_SIMPLIFIED").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/simplified.txt");
            std::fs::write(path, &want).expect("assets/simplified.txt is writable");
        }
        assert!(want.lines().count() > 2000);
        assert!(
            SIMPLIFIED == want,
            "assets/simplified.txt differs from fast2s: run this test with \
             NEWSREADER_WRITE_SIMPLIFIED=1"
        );
    }

    /// The table holds one slot for every ideograph of both blocks, so a slot is the
    /// character's position.
    #[test]
    fn the_table_has_a_slot_for_every_ideograph() {
        assert_eq!(
            simplified_table().len(),
            (MAIN_BLOCK + 0xFAFF - 0xF900 + 1) as usize
        );
        assert_eq!(simplified_char('\u{9FFF}'), '\u{9FFF}');
        assert_eq!(simplified_char('龍'), '龙');
    }

    #[test]
    fn one_character_at_a_time() {
        for (t, s) in [
            ('記', '记'),
            ('編', '编'),
            ('聯', '联'),
            ('攝', '摄'),
            ('电', '电'),
        ] {
            assert_eq!(simplified_char(t), s);
        }
        for c in ['a', '：', '，', '𠀀'] {
            assert_eq!(simplified_char(c), c);
        }
        let text = "中央社記者楊啟芳台北31日電";
        let folded: String = text.chars().map(simplified_char).collect();
        assert_eq!(folded, fold(text, false));
        assert_eq!(folded.len(), text.len());
    }
}
