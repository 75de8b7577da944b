//! Choosing the encoding of an article file's bytes and decoding them with it: a BOM first,
//! then UTF-8 (even slightly damaged), then chardetng's guess steered towards GBK/GB18030 and
//! Big5 for Chinese text, or simply the encoding the user forced. It lives apart from
//! `decode.rs` because it changes whenever some file in the wild is mis-detected, which has
//! nothing to do with what clean text is.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, UTF_8};

use super::DecodeError;
use super::declared::declared_encoding;
use super::evidence::{
    Utf8Evidence, chinese_reading, common_hanzi_share, decode_gb_if_chinese, decode_gb_lenient,
    decode_lenient, gb_name, without_one_stray_byte,
};

/// chardetng often mistakes very short GBK texts (two or three words) for EUC-KR or EUC-JP,
/// whose byte structure is the same. Up to this many non-ASCII bytes, a text that decodes
/// cleanly as GB18030 into Chinese-looking text is read as GBK even against such a guess.
const SHORT_TEXT_NON_ASCII_BYTES: usize = 16;

/// Decodes with a caller-chosen encoding, stripping a BOM only if it is that encoding's own.
pub(super) fn decode_forced<'a>(
    bytes: &'a [u8],
    enc: &'static Encoding,
) -> (Cow<'a, str>, &'static str) {
    let body = match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
        _ => bytes,
    };
    let (text, _had_errors) = enc.decode_without_bom_handling(body);
    (text, display_name(enc))
}

/// Detects the encoding of `bytes` and decodes them (with U+FFFD for undecodable bytes).
pub(super) fn detect_and_decode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str), DecodeError> {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        let (text, _had_errors) = enc.decode_without_bom_handling(&bytes[len..]);
        return Ok((text, display_name(enc)));
    }
    // Without a UTF-16 BOM every candidate encoding is ASCII-compatible and no multi-byte
    // sequence contains 0x00, so a zero byte is a NUL character: refuse before spending time
    // on detection of what is almost certainly a binary file.
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    // encoding_rs checks UTF-8 with SIMD instructions where the processor has them.
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok((text, "UTF-8"));
    }
    if let Some(declared) = declared_encoding(bytes)
        && let Some(found) = decode_declared(bytes, declared)
    {
        return Ok(found);
    }
    let utf8 = Utf8Evidence::of(bytes);
    if utf8.is_strong() {
        return Ok((String::from_utf8_lossy(bytes), "UTF-8"));
    }

    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Allow);

    if guess == GBK || guess == GB18030 {
        let (text, _had_errors) = GB18030.decode_without_bom_handling(bytes);
        return Ok((text, gb_name(bytes)));
    }
    if guess == UTF_8 {
        // Not reachable for invalid UTF-8 in practice; decode leniently if it ever happens.
        return Ok((String::from_utf8_lossy(bytes), "UTF-8"));
    }
    if guess == BIG5
        && let Some(text) = BIG5.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok((text, "Big5"));
    }
    // Big5 all but a stray byte: still Big5 (its bytes would also read as GBK, in rare
    // characters).
    if guess == BIG5
        && let Some((text, _)) = chinese_reading(bytes, BIG5)
    {
        return Ok((text, "Big5"));
    }

    let consider_gb = if guess == EUC_KR || guess == EUC_JP {
        bytes.iter().filter(|&&b| b >= 0x80).count() <= SHORT_TEXT_NON_ASCII_BYTES
    } else {
        // Shift_JIS is a reliable guess: its lead bytes rarely form clean GB18030 text.
        !is_cjk_encoding(guess)
    };
    if consider_gb && let Some(text) = decode_gb_if_chinese(bytes, utf8.is_weak()) {
        // Big5 bytes read cleanly as GBK too, in rarer characters: the reading made of the
        // more common characters wins.
        if let Some((big5, share)) = chinese_reading(bytes, BIG5)
            && share > common_hanzi_share(bytes)
        {
            return Ok((big5, "Big5"));
        }
        return Ok((text, gb_name(bytes)));
    }
    // What is left is a single-byte guess (windows-1252, KOI8, ISO-8859-x) or a CJK guess
    // that did not decode. Valid UTF-8 characters outnumbering the damaged places mean UTF-8
    // with a few bad bytes, never Latin mojibake.
    if utf8.is_weak() && !is_cjk_encoding(guess) {
        return Ok((String::from_utf8_lossy(bytes), "UTF-8"));
    }
    // A stray byte in a short GBK or Big5 text throws chardetng off to a Latin guess: a
    // Chinese reading with one U+FFFD is better than mojibake.
    if !is_cjk_encoding(guess)
        && let Some(found) = chinese_despite_stray_bytes(bytes)
    {
        return Ok(found);
    }

    let (text, _had_errors) = guess.decode_without_bom_handling(bytes);
    Ok((text, display_name(guess)))
}

/// Decodes with the encoding a page declares (`<meta charset>`, an XML prolog) when it is a
/// multi-byte CJK encoding and the bytes decode cleanly in it (a character cut off at the very
/// end is allowed). Single-byte declarations (windows-1252, ISO-8859-1) are not trusted:
/// Chinese sites often declare them for GBK pages, and any bytes "decode cleanly" in them.
fn decode_declared<'a>(
    bytes: &'a [u8],
    declared: &'static Encoding,
) -> Option<(Cow<'a, str>, &'static str)> {
    if declared == GBK || declared == GB18030 {
        let (text, errors) = decode_gb_lenient(bytes);
        return (errors == 0).then(|| (text, gb_name(bytes)));
    }
    if declared == BIG5 || is_cjk_encoding(declared) {
        let (text, errors) = decode_lenient(bytes, declared);
        return (errors == 0).then(|| (text, display_name(declared)));
    }
    None
}

/// The GBK or Big5 reading of `bytes` that [`chinese_reading`] accepts with a stray byte or
/// two (or, in a short text, that [`without_one_stray_byte`] finds), the one made of more
/// common characters when both are.
fn chinese_despite_stray_bytes(bytes: &[u8]) -> Option<(Cow<'_, str>, &'static str)> {
    let reading = |enc: &'static Encoding| {
        let lenient = chinese_reading(bytes, enc);
        if lenient
            .as_ref()
            .is_some_and(|(t, _)| !t.contains('\u{FFFD}'))
        {
            return lenient;
        }
        // Taking the stray byte out mends a character it split, which reading around it
        // does not.
        without_one_stray_byte(bytes, enc)
            .map(|(text, share)| (Cow::Owned(text), share))
            .or(lenient)
    };
    let gb = reading(GB18030).map(|(t, share)| (t, share, gb_name(bytes)));
    let big5 = reading(BIG5).map(|(t, share)| (t, share, "Big5"));
    let best = match (gb, big5) {
        (Some(g), Some(b)) => Some(if b.1 > g.1 { b } else { g }),
        (g, b) => g.or(b),
    };
    best.map(|(text, _, name)| (text, name))
}

/// True for the Japanese and Korean encodings chardetng can return. Big5 is deliberately not
/// one of them, so that a Big5 guess whose bytes are not clean Big5 can still fall back to
/// GB18030.
fn is_cjk_encoding(enc: &'static Encoding) -> bool {
    enc == EUC_KR
        || enc == EUC_JP
        || enc == encoding_rs::SHIFT_JIS
        || enc == encoding_rs::ISO_2022_JP
}

/// The name shown for an encoding: encoding_rs names, except "gb18030" in capitals.
pub(super) fn display_name(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

#[cfg(test)]
mod tests;
