//! Measures that tell encodings apart when the bytes do not say: how much of a text is valid
//! UTF-8, whether a GB18030 reading looks like Chinese, and whether its characters are the
//! common ones. Detection ([`super::detect`]) weighs these against chardetng's guess; they
//! live apart because each is a small statistic with its own tests and its own numbers.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030};

use crate::script::is_han as is_ideograph;

/// Strong UTF-8 evidence: at least this many valid non-ASCII characters per damaged place.
/// GBK text read as UTF-8 has about one valid multi-byte sequence per damaged place (0.7–1.25
/// over the corpus and the extraction bench, and never above 3.25 over 20,000 random short
/// GBK strings), so this keeps a margin while a 40-character article with one stray byte
/// is still read as UTF-8.
const STRONG_VALID_PER_DAMAGE: usize = 4;

/// A GB18030 reading with damaged bytes is still Chinese when at least this share of its
/// two-byte characters are GB2312 level-1 hanzi, the 3,755 most common ones. Genuine GBK
/// news measures 0.76–0.96 on the corpus and the bench; UTF-8 Chinese text read as GBK
/// measures 0.10–0.13.
const COMMON_HANZI_SHARE: f64 = 0.5;

/// How much of a text reads as UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Utf8Evidence {
    /// Valid non-ASCII characters.
    valid: usize,
    /// Valid characters of three or four bytes (CJK text is made of these; GBK bytes read as
    /// UTF-8 form mostly two-byte ones by chance).
    valid_wide: usize,
    /// Places where the bytes are not UTF-8: runs of invalid sequences with no valid text
    /// between them (a stray byte inside a character breaks the character too, but it is one
    /// place). A character cut off at the very end is not counted here.
    damaged: usize,
    /// Bytes of a character cut off at the very end.
    cut: usize,
}

impl Utf8Evidence {
    /// Measures `bytes`.
    pub(super) fn of(bytes: &[u8]) -> Utf8Evidence {
        let mut e = Utf8Evidence::default();
        let mut pos = 0usize;
        let mut in_damage = false;
        for chunk in bytes.utf8_chunks() {
            // Lead bytes of multi-byte characters count characters without decoding them.
            e.valid += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
            e.valid_wide += chunk.valid().bytes().filter(|&b| b >= 0xE0).count();
            if !chunk.valid().is_empty() {
                in_damage = false;
            }
            pos += chunk.valid().len() + chunk.invalid().len();
            let bad = chunk.invalid();
            if bad.is_empty() {
                continue;
            }
            // `Utf8Chunks` yields a maximal prefix of a valid sequence as one invalid chunk,
            // so a chunk that starts with a lead byte and ends the input is a character cut
            // short.
            if pos == bytes.len() && (0xC2..=0xF4).contains(&bad[0]) && !in_damage {
                e.cut = bad.len();
            } else if !in_damage {
                e.damaged += 1;
                in_damage = true;
            }
        }
        e
    }

    /// Best read as UTF-8 whatever else the bytes might be: the only defect is a character
    /// cut off at the end (with a valid character or two bytes of the cut one as evidence),
    /// or valid characters far outnumber the damaged places.
    pub(super) fn is_strong(self) -> bool {
        if self.damaged == 0 {
            self.cut > 0 && (self.valid > 0 || self.cut >= 2)
        } else {
            self.valid >= self.damaged.saturating_mul(STRONG_VALID_PER_DAMAGE)
        }
    }

    /// Better read as UTF-8 than in a single-byte encoding: at least as many valid three- or
    /// four-byte characters as damaged places. GBK bytes read as UTF-8 give at most 0.14 such
    /// characters per damaged place over the corpus and the bench.
    pub(super) fn is_weak(self) -> bool {
        self.valid_wide > 0 && self.valid_wide >= self.damaged
    }
}

/// Decodes with `enc`, replacing bad bytes with U+FFFD, and counts the replacements; one at
/// the very end (a character cut off by truncation) is not counted.
pub(super) fn decode_lenient<'a>(bytes: &'a [u8], enc: &'static Encoding) -> (Cow<'a, str>, usize) {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if !had_errors {
        return (text, 0);
    }
    let mut errors = text.matches('\u{FFFD}').count();
    if text.ends_with('\u{FFFD}') {
        errors -= 1;
    }
    (text, errors)
}

/// [`decode_lenient`] in GB18030, the superset of GB2312 and GBK.
pub(super) fn decode_gb_lenient(bytes: &[u8]) -> (Cow<'_, str>, usize) {
    decode_lenient(bytes, GB18030)
}

/// The GB18030 reading of `bytes` when it is Chinese: clean (but for a character cut off at
/// the end) and [`looks_chinese`]; or with a few bad bytes (at most one per hundred
/// characters) and mostly common hanzi. When the bytes are also fair UTF-8 (`rival_utf8`),
/// a clean reading must be mostly common hanzi too: UTF-8 Chinese read as GBK often decodes
/// cleanly into rare characters.
pub(super) fn decode_gb_if_chinese(bytes: &[u8], rival_utf8: bool) -> Option<Cow<'_, str>> {
    let (text, errors) = decode_gb_lenient(bytes);
    if !looks_chinese(&text) {
        return None;
    }
    let common = || common_hanzi_share(bytes) >= COMMON_HANZI_SHARE;
    if errors == 0 {
        return (!rival_utf8 || common()).then_some(text);
    }
    let chars = text.chars().filter(|c| !c.is_ascii()).count();
    (errors.saturating_mul(100) <= chars && common()).then_some(text)
}

/// The reading of `bytes` in `enc` (GB18030 or Big5) when it is Chinese with at most a stray
/// byte or two (one bad place per hundred characters, and one in a short text), with the
/// share of its characters that are the common ones of that encoding (at least half);
/// `None` otherwise. Latin text read as either gives rare characters or no ideographs.
pub(super) fn chinese_reading<'a>(
    bytes: &'a [u8],
    enc: &'static Encoding,
) -> Option<(Cow<'a, str>, f64)> {
    let (text, errors) = decode_lenient(bytes, enc);
    let chars = text.chars().filter(|c| !c.is_ascii()).count();
    if errors > (chars / 100).max(1) || !looks_chinese(&text) {
        return None;
    }
    let share = if enc == encoding_rs::BIG5 {
        common_big5_share(bytes)
    } else {
        common_hanzi_share(bytes)
    };
    (share >= COMMON_HANZI_SHARE).then_some((text, share))
}

/// Texts up to this many bytes get [`without_one_stray_byte`]'s search: one decoding per
/// non-ASCII byte.
const STRAY_SEARCH_BYTES: usize = 400;

/// The reading of a short text in `enc` with one stray byte taken out (and a U+FFFD in its
/// place), when taking out that byte leaves clean Chinese in common characters: a stray
/// byte inside a two-byte character shifts every character after it, which no lenient
/// decoding mends. `None` when no single byte does it, or the text is long.
pub(super) fn without_one_stray_byte(
    bytes: &[u8],
    enc: &'static Encoding,
) -> Option<(String, f64)> {
    if bytes.len() > STRAY_SEARCH_BYTES {
        return None;
    }
    let mut cleaned = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            continue;
        }
        cleaned.clear();
        cleaned.extend_from_slice(&bytes[..i]);
        cleaned.extend_from_slice(&bytes[i + 1..]);
        let Some(text) = enc.decode_without_bom_handling_and_without_replacement(&cleaned) else {
            continue;
        };
        let share = if enc == encoding_rs::BIG5 {
            common_big5_share(&cleaned)
        } else {
            common_hanzi_share(&cleaned)
        };
        if share < COMMON_HANZI_SHARE || !looks_chinese(&text) {
            continue;
        }
        // The mark goes where the byte was, after the character it interrupted.
        let boundary = (i..=cleaned.len())
            .find(|&k| {
                enc.decode_without_bom_handling_and_without_replacement(&cleaned[..k])
                    .is_some()
            })
            .unwrap_or(cleaned.len());
        let (head, tail) = cleaned.split_at(boundary);
        let mut out = enc.decode_without_bom_handling(head).0.into_owned();
        out.push('\u{FFFD}');
        out.push_str(&enc.decode_without_bom_handling(tail).0);
        return Some((out, share));
    }
    None
}

/// The share of two-byte Big5 characters in `bytes` that are among its frequently used
/// ones (lead byte 0xA4–0xC6).
fn common_big5_share(bytes: &[u8]) -> f64 {
    let (mut pairs, mut common) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (0x81..=0xFE).contains(&b) && bytes.get(i + 1).is_some() {
            pairs += 1;
            common += usize::from((0xA4..=0xC6).contains(&b));
            i += 2;
        } else {
            i += 1;
        }
    }
    if pairs == 0 {
        0.0
    } else {
        common as f64 / pairs as f64
    }
}

/// The share of two-byte GB18030 characters in `bytes` that are GB2312 level-1 hanzi (lead
/// byte 0xB0–0xD7, trail 0xA1–0xFE).
pub(super) fn common_hanzi_share(bytes: &[u8]) -> f64 {
    let (mut pairs, mut common) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if !(0x81..=0xFE).contains(&b) {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(0x30..=0x39) => i += 4,
            Some(&t) => {
                pairs += 1;
                if (0xB0..=0xD7).contains(&b) && (0xA1..=0xFE).contains(&t) {
                    common += 1;
                }
                i += 2;
            }
            None => i += 1,
        }
    }
    if pairs == 0 {
        0.0
    } else {
        common as f64 / pairs as f64
    }
}

/// "GB18030" when the bytes use GB18030's four-byte sequences (characters outside GBK), else
/// "GBK". Walks the GB18030 byte structure from the start, so it is exact for valid input.
pub(super) fn gb_name(bytes: &[u8]) -> &'static str {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x81..=0xFE).contains(&b) {
            match bytes.get(i + 1) {
                Some(0x30..=0x39) => return "GB18030",
                Some(_) => i += 2,
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    "GBK"
}

/// True when a GB18030 decoding reads as Chinese rather than as mis-decoded Latin text:
/// there is at least one CJK ideograph, ideographs make up at least 80% of the non-ASCII
/// characters that are not punctuation or spaces, and there are more than two ideographs per
/// run of ASCII letters (windows-1252 text read as GBK gives one ideograph per accented letter,
/// inside otherwise Latin words).
pub(super) fn looks_chinese(text: &str) -> bool {
    let mut ideographs = 0usize;
    let mut other = 0usize;
    let mut ascii_words = 0usize;
    let mut in_ascii_word = false;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            if !in_ascii_word {
                ascii_words += 1;
                in_ascii_word = true;
            }
            continue;
        }
        in_ascii_word = false;
        // Replacement characters are judged by the caller, which counts them.
        if c.is_ascii() || c == '\u{FFFD}' {
            continue;
        }
        if is_ideograph(c) {
            ideographs += 1;
        } else if !is_cjk_punctuation(c) && !c.is_whitespace() {
            other += 1;
        }
    }
    ideographs > 0 && ideographs >= other.saturating_mul(4) && ideographs > ascii_words * 2
}

/// Punctuation found in Chinese text: CJK symbols, full-width forms, general punctuation
/// (curly quotes, dashes, ellipsis) and the middle dot.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{2010}'..='\u{205E}'
        | '\u{00B7}'
        | '\u{00D7}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GBK;

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }

    #[test]
    fn one_stray_byte_is_one_damaged_place() {
        let mut bytes = "中国新闻".as_bytes().to_vec();
        bytes.insert(4, 0xFF); // inside 国
        let e = Utf8Evidence::of(&bytes);
        assert_eq!((e.valid, e.valid_wide, e.damaged, e.cut), (3, 3, 1, 0));
        assert!(!e.is_strong() && e.is_weak());
        let cut = &"中国".as_bytes()[..5];
        let e = Utf8Evidence::of(cut);
        assert_eq!((e.valid, e.damaged, e.cut), (1, 0, 2));
        let mut short = "中国".as_bytes().to_vec();
        short.insert(4, 0xFF);
        assert!(Utf8Evidence::of(&short).is_weak());
        assert!(e.is_strong());
    }

    #[test]
    fn gbk_text_is_not_utf8_evidence() {
        let e = Utf8Evidence::of(&gbk(
            "记者今天从有关部门获悉，今年全国夏粮收购工作进展顺利。",
        ));
        assert!(!e.is_strong(), "{e:?}");
        assert!(!e.is_weak(), "{e:?}");
    }

    #[test]
    fn common_hanzi_tell_gbk_from_utf8_read_as_gbk() {
        let text = "记者今天从有关部门获悉，今年全国夏粮收购工作进展顺利，小麦价格总体平稳。";
        assert!(common_hanzi_share(&gbk(text)) > 0.8);
        assert!(common_hanzi_share(text.as_bytes()) < 0.3);
    }

    #[test]
    fn a_cut_or_slightly_damaged_gbk_text_still_reads_as_chinese() {
        let text = "记者今天从有关部门获悉，今年全国夏粮收购工作进展顺利，小麦价格总体平稳。\
                    专家表示，市场供应充足，农民增收有保障。";
        let bytes = gbk(text);
        let cut = &bytes[..bytes.len() - 1];
        assert!(decode_gb_if_chinese(cut, false).is_some());
        let mut damaged = bytes.clone();
        damaged.insert(20, 0xFF);
        damaged.extend(gbk(&text.repeat(2)));
        assert!(decode_gb_if_chinese(&damaged, false).is_some());
        // UTF-8 Chinese with a stray byte is not taken for GBK.
        let mut utf8 = text.as_bytes().to_vec();
        utf8.insert(7, 0xFF);
        assert!(decode_gb_if_chinese(&utf8, true).is_none());
    }
}
