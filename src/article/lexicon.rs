//! The lexicon: the few words that every Chinese and English news site prints around its
//! articles, in typed tables that every classifier reads (credits and datelines, captions,
//! notices such as copyright and hotlines, page tools, labels of link lists, the class names
//! of page furniture). Nothing here names one site's widget: a line that only one site
//! repeats is that site's furniture, learned from the library, and everything else is judged
//! by shallow text features.
//!
//! Entries are written once, in simplified Chinese (and lower case where case does not
//! matter). Text is folded one character at a time with the search module's folding
//! ([`crate::search::simplified_char`]) before it is compared, so the traditional forms
//! (`記者`, `編輯`, `版權所有`) match without being listed, and byte offsets found in the fold
//! hold in the text.

mod notices;
mod pages;
mod roles;

pub(super) use notices::{
    CAPTION_ENDS, CAPTION_MARKS, COLUMNS, INFO_LABELS, LABELS, NAVIGATION, NOT_HEADINGS, Notice,
    RELATED, SCENES, SECTIONS, notices,
};
pub(super) use pages::{CAPTION_CLASSES, CONTENT_CLASSES, FURNITURE_CLASSES, MAYBE_FURNITURE};
pub(super) use roles::{DATELINE_ENDS, ENGLISH_ROLES, ORGANISATION_ENDS, ROLES, Role};

use std::borrow::Cow;

use crate::search::{simplified_char, simplified_pairs};

/// One character as the lexicon compares it: simplified, and ASCII in lower case when
/// `lower`.
fn fold(c: char, lower: bool) -> char {
    if lower {
        simplified_char(c.to_ascii_lowercase())
    } else {
        simplified_char(c)
    }
}

/// One character as the lexicon compares it when case does not matter.
pub(super) fn fold_nocase(c: char) -> char {
    fold(c, true)
}

/// The characters that fold (case ignored) to one of some words' first characters, as bits
/// by a hash of the character: a character whose bit is clear starts none of the words,
/// whatever it folds to, so most characters of a text are passed over without being folded.
pub(super) struct Firsts([u64; 64]);

impl Firsts {
    /// The set for words starting with `firsts` (folded, case ignored).
    pub(super) fn new(firsts: &[char]) -> Firsts {
        let mut sorted = firsts.to_vec();
        sorted.sort_unstable();
        let mut set = Firsts([0; 64]);
        for &c in firsts {
            set.insert(c);
        }
        // Folding changes only ASCII capitals and the ideographs that simplify.
        let folds = ('A'..='Z')
            .map(|c| (c, c.to_ascii_lowercase()))
            .chain(simplified_pairs());
        for (c, f) in folds {
            if sorted.binary_search(&f).is_ok() {
                set.insert(c);
            }
        }
        set
    }

    fn bit(c: char) -> (usize, u64) {
        let h = (c as u32).wrapping_mul(0x9E37_79B1) >> 20;
        ((h >> 6) as usize, 1 << (h & 63))
    }

    fn insert(&mut self, c: char) {
        let (word, mask) = Firsts::bit(c);
        self.0[word] |= mask;
    }

    /// Whether `c` (not folded) may fold to one of the first characters.
    pub(super) fn may_start(&self, c: char) -> bool {
        let (word, mask) = Firsts::bit(c);
        self.0[word] & mask != 0
    }
}

/// The byte length of `word` at the start of `text`, compared folded (case kept): `Some`
/// when `text` starts with it.
pub(super) fn starts(text: &str, word: &str) -> Option<usize> {
    prefix(text, word, false, false)
}

/// [`starts`] that ignores ASCII case.
pub(super) fn starts_nocase(text: &str, word: &str) -> Option<usize> {
    prefix(text, word, true, false)
}

/// The byte length of `word` at the start of `text`: folded, and with `lower` ASCII case
/// ignored on both sides (`By` as well as `by`), and with `spaced` whitespace ignored on both
/// sides (`版 权 所 有`).
fn prefix(text: &str, word: &str, lower: bool, spaced: bool) -> Option<usize> {
    let mut t = text.char_indices().peekable();
    for w in word.chars() {
        let w = if lower { w.to_ascii_lowercase() } else { w };
        if spaced && w.is_whitespace() {
            continue;
        }
        loop {
            let (_, c) = t.next()?;
            if spaced && c.is_whitespace() {
                continue;
            }
            if fold(c, lower) != w {
                return None;
            }
            break;
        }
    }
    Some(t.peek().map_or(text.len(), |&(i, _)| i))
}

/// `text` folded as the lexicon compares it (case kept). Folding keeps every character's
/// UTF-8 length, so a byte offset in the fold holds in the text.
fn folded(text: &str) -> Cow<'_, str> {
    match text.char_indices().find(|&(_, c)| fold(c, false) != c) {
        None => Cow::Borrowed(text),
        Some((at, _)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..at]);
            out.extend(text[at..].chars().map(|c| fold(c, false)));
            Cow::Owned(out)
        }
    }
}

/// The byte index of the first place `word` starts in `text`, compared folded.
pub(super) fn find(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    folded(text).find(word)
}

/// The first place any word of `words` starts in `text` (compared folded, the text folded
/// once), and the word: of two at the same place, the lesser.
pub(super) fn find_first<'w>(text: &str, words: &[&'w str]) -> Option<(usize, &'w str)> {
    let text = folded(text);
    words
        .iter()
        .filter(|w| !w.is_empty())
        .filter_map(|w| Some((text.find(w)?, *w)))
        .min()
}

/// The byte index where `word` starts when `text` ends with it, compared folded.
pub(super) fn ends(text: &str, word: &str) -> Option<usize> {
    let n = word.chars().count();
    let (at, _) = text.char_indices().rev().nth(n.checked_sub(1)?)?;
    let tail = text.get(at..)?;
    (starts(tail, word)? == tail.len()).then_some(at)
}

/// The first word of `words` that `text` starts with, and its byte length in `text`. The
/// text's first character is folded once and only the words that start with it are tried.
pub(super) fn starts_any<'w>(text: &str, words: &[&'w str]) -> Option<(&'w str, usize)> {
    let first = text.chars().next().map(|c| fold(c, false));
    words
        .iter()
        .filter(|w| w.chars().next().is_none_or(|f| Some(f) == first))
        .find_map(|w| starts(text, w).map(|len| (*w, len)))
}

/// The first word of `words` that `text` ends with, and where it starts in `text`.
pub(super) fn ends_any<'w>(text: &str, words: &[&'w str]) -> Option<(&'w str, usize)> {
    words.iter().find_map(|w| ends(text, w).map(|at| (*w, at)))
}

/// Whether `text` holds any word of `words`, compared folded (the text folded once).
pub(super) fn contains_any(text: &str, words: &[&str]) -> bool {
    let text = folded(text);
    words.iter().any(|w| !w.is_empty() && text.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_forms_match_the_simplified_entries() {
        assert_eq!(starts("記者楊啟芳", "记者"), Some("記者".len()));
        assert_eq!(starts("记者", "记者"), Some(6));
        assert_eq!(starts("記", "记者"), None);
        assert_eq!(find("中央社記者邱俊欽", "记者"), Some("中央社".len()));
        assert!(find("版權所有", "版权所有").is_some());
        assert_eq!(ends("桃園傳真", "传真"), Some("桃園".len()));
        assert_eq!(ends("传", "传真"), None);
        assert_eq!(starts_nocase("COPYRIGHT 2020", "copyright"), Some(9));
        assert_eq!(starts_nocase("by Ana Ruiz", "By "), Some(3));
        assert_eq!(starts("Copyright", "copyright"), None);
        assert_eq!(prefix("版 权 所 有", "版权所有", false, true), Some(15));
        assert_eq!(
            find_first("本文轉載自原文", &["原文", "转载"]),
            Some(("本文".len(), "转载"))
        );
        assert_eq!(find_first("无关", &["原文", ""]), None);
        let firsts = Firsts::new(&['记', 'c']);
        for c in ['记', '記', 'c', 'C'] {
            assert!(firsts.may_start(c), "{c}");
        }
    }

    /// The characters that fold to a first character are the ideographs and capitals that
    /// fold to it: no other character of either block folds to another.
    #[test]
    fn first_characters_come_from_every_folding_character() {
        let firsts = ['记', 'c', '版', '转', '关'];
        let set = Firsts::new(&firsts);
        for c in ('\0'..='\u{FFFF}').filter(|&c| firsts.contains(&fold_nocase(c))) {
            assert!(set.may_start(c), "{c}");
        }
    }

    /// Every entry is written in its simplified form, so that folding finds it.
    #[test]
    fn entries_are_simplified() {
        let mut all: Vec<&str> = Vec::new();
        all.extend(ROLES.iter().map(|(w, _)| *w));
        all.extend(DATELINE_ENDS);
        all.extend(ORGANISATION_ENDS);
        all.extend(notices::NOTICES.iter().map(|(w, _)| *w));
        for list in [
            CAPTION_ENDS,
            CAPTION_MARKS,
            COLUMNS,
            INFO_LABELS,
            LABELS,
            NAVIGATION,
            NOT_HEADINGS,
            RELATED,
            SCENES,
            SECTIONS,
        ] {
            all.extend(list);
        }
        for w in all {
            let folded: String = w.chars().map(|c| fold(c, false)).collect();
            assert_eq!(folded, w, "{w} is not written simplified");
        }
    }
}
