//! Choosing the encoding of an article file's bytes and decoding them with it: a BOM first,
//! then UTF-8 (even slightly damaged), then chardetng's guess steered towards GBK/GB18030 and
//! Big5 for Chinese text, or simply the encoding the user forced. It lives apart from
//! `decode.rs` because it changes whenever some file in the wild is mis-detected, which has
//! nothing to do with what clean text is.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, UTF_8};

use super::DecodeError;
use crate::script::is_han as is_ideograph;

/// Bytes that are not valid UTF-8 are still read as UTF-8 when they contain at least this many
/// valid non-ASCII characters per invalid sequence. GBK and Big5 text, read as UTF-8, has
/// fewer valid multi-byte sequences than invalid ones (at most 0.86 per invalid one in every
/// 20-character window of a long Chinese text we measured), so this leaves a wide margin while
/// still accepting a short article with one stray byte.
const UTF8_VALID_PER_INVALID: usize = 10;

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
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), "UTF-8"));
    }
    if is_mostly_utf8(bytes) {
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

    let consider_gb = if guess == EUC_KR || guess == EUC_JP {
        bytes.iter().filter(|&&b| b >= 0x80).count() <= SHORT_TEXT_NON_ASCII_BYTES
    } else {
        // Shift_JIS is a reliable guess: its lead bytes rarely form clean GB18030 text.
        !is_cjk_encoding(guess)
    };
    if consider_gb
        && let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(bytes)
        && looks_chinese(&text)
    {
        return Ok((text, gb_name(bytes)));
    }

    let (text, _had_errors) = guess.decode_without_bom_handling(bytes);
    Ok((text, display_name(guess)))
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
fn display_name(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// "GB18030" when the bytes use GB18030's four-byte sequences (characters outside GBK), else
/// "GBK". Walks the GB18030 byte structure from the start, so it is exact for valid input.
fn gb_name(bytes: &[u8]) -> &'static str {
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

/// True when invalid UTF-8 is still best read as UTF-8: the only defect is a multi-byte
/// character cut off at the end (with some other evidence of UTF-8: a valid non-ASCII
/// character or at least two bytes of the cut one), or the invalid sequences are rare
/// compared to valid non-ASCII characters.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_non_ascii = 0usize;
    let mut invalid = 0usize;
    let mut truncated_len = 0usize;
    let mut pos = 0usize;
    for chunk in bytes.utf8_chunks() {
        // Lead bytes of multi-byte characters count characters without decoding them.
        valid_non_ascii += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        pos += chunk.valid().len() + chunk.invalid().len();
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        // `Utf8Chunks` yields a maximal prefix of a valid sequence as one invalid chunk, so a
        // chunk that starts with a lead byte and ends the input is a character cut short.
        let at_end = pos == bytes.len();
        if at_end && (0xC2..=0xF4).contains(&bad[0]) {
            truncated_len = bad.len();
        } else {
            invalid += 1;
        }
    }
    if invalid == 0 {
        truncated_len > 0 && (valid_non_ascii > 0 || truncated_len >= 2)
    } else {
        valid_non_ascii >= invalid.saturating_mul(UTF8_VALID_PER_INVALID)
    }
}

/// True when a GB18030 decoding reads as Chinese rather than as mis-decoded Latin text:
/// there is at least one CJK ideograph, ideographs make up at least 80% of the non-ASCII
/// characters that are not punctuation or spaces, and there are more than two ideographs per
/// run of ASCII letters (windows-1252 text read as GBK gives one ideograph per accented letter,
/// inside otherwise Latin words).
fn looks_chinese(text: &str) -> bool {
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
        if c.is_ascii() {
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
    use crate::decode::decode;
    use crate::decode::tests::{detect, utf16};
    use encoding_rs::UTF_16BE;

    fn enc(encoding: &'static Encoding, s: &str) -> Vec<u8> {
        let (bytes, _, had_unmappable) = encoding.encode(s);
        assert!(
            !had_unmappable,
            "test text not representable in {}",
            encoding.name()
        );
        bytes.into_owned()
    }

    const GB_PARAGRAPH: &str = "新华社北京六月八日电　记者今天从有关部门获悉，今年全国夏粮\
        收购工作进展顺利，小麦价格总体平稳。专家表示，市场供应充足，农民增收有保障。\n\
        “我们对今年的收成很有信心。”一位农民说。";

    #[test]
    fn gbk_paragraph_is_detected_as_gbk() {
        let d = detect(&enc(GB18030, GB_PARAGRAPH));
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.text, GB_PARAGRAPH);
    }

    #[test]
    fn gb18030_four_byte_sequence_is_reported_as_gb18030() {
        let text = format!("{GB_PARAGRAPH}他姓𠮷，住在吉林。");
        let bytes = enc(GB18030, &text);
        let d = detect(&bytes);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, text);
    }

    #[test]
    fn big5_traditional_text() {
        let text = "這是一篇新聞報導，記者今天在臺北採訪了當地居民。\n颱風過後，\
                    市區交通逐漸恢復正常，學校也將於明天復課。";
        let d = detect(&enc(BIG5, text));
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16le_with_bom() {
        let text = "中文新闻 English news\n第二行";
        let d = detect(&utf16(text, false));
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16be_with_bom() {
        let text = "中文新闻 English news\n第二行";
        let d = detect(&utf16(text, true));
        assert_eq!(d.encoding, "UTF-16BE");
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf8_with_bom_drops_the_bom() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("标题\n正文".as_bytes());
        let d = detect(&bytes);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "标题\n正文");
    }

    #[test]
    fn utf8_with_one_bad_byte_stays_utf8() {
        let before = "香港特区政府今天发表声明，";
        let after = "表示将继续推动经济发展和改善民生。";
        let mut bytes = before.as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(after.as_bytes());
        let d = detect(&bytes);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, format!("{before}\u{FFFD}{after}"));
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
    }

    #[test]
    fn utf8_truncated_mid_character_stays_utf8() {
        let text = "记者从北京市气象局获悉，明天将有大雨";
        let bytes = text.as_bytes();
        let cut = &bytes[..bytes.len() - 1];
        let d = detect(cut);
        assert_eq!(d.encoding, "UTF-8");
        let kept: String = text.chars().take(text.chars().count() - 1).collect();
        assert_eq!(d.text, format!("{kept}\u{FFFD}"));

        // A very short cut text is not mistaken for binary either.
        let mut short = "中国".as_bytes().to_vec();
        short.extend_from_slice(&[0xE6, 0x96]);
        let d = detect(&short);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "中国\u{FFFD}");
    }

    #[test]
    fn two_word_gbk_texts_are_gbk() {
        // Several of these get a non-Chinese guess from chardetng on their own (KOI8-U,
        // ISO-8859-5, EUC-KR).
        for text in [
            "中国新闻",
            "新闻 报道",
            "中国",
            "新闻",
            "报道",
            "你好",
            "经济",
        ] {
            let d = detect(&enc(GBK, text));
            assert_eq!(d.encoding, "GBK", "{text}");
            assert_eq!(d.text, text);
        }
    }

    #[test]
    fn latin_windows_1252_is_not_turned_into_gbk() {
        for text in ["café au lait, crème brûlée", "Größe", "élève"] {
            let d = detect(&enc(encoding_rs::WINDOWS_1252, text));
            assert_eq!(d.encoding, "windows-1252", "{text}");
            assert_eq!(d.text, text);
        }
    }

    #[test]
    fn forced_encoding_is_used_without_detection() {
        let gbk = enc(GBK, "中国新闻");
        let d = decode(&gbk, Some(GBK)).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), ("中国新闻", "GBK"));

        let d = decode(&gbk, Some(GB18030)).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), ("中国新闻", "GB18030"));

        // Each forced encoding is reported under its own name.
        let big5 = enc(BIG5, "臺灣新聞");
        let d = decode(&big5, Some(BIG5)).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), ("臺灣新聞", "Big5"));

        let d = decode("é".as_bytes(), Some(encoding_rs::WINDOWS_1252)).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), ("Ã©", "windows-1252"));

        // The forced encoding's own BOM is stripped; a foreign BOM is not treated as one.
        let d = decode(&utf16("双字节", true), Some(UTF_16BE)).expect("decodes");
        assert_eq!((d.text.as_str(), d.encoding), ("双字节", "UTF-16BE"));
        let mut bom_utf8 = vec![0xEF, 0xBB, 0xBF];
        bom_utf8.extend_from_slice("正文".as_bytes());
        let d = decode(&bom_utf8, Some(UTF_8)).expect("decodes");
        assert_eq!(d.text, "正文");
        let d = decode(&bom_utf8, Some(encoding_rs::WINDOWS_1252)).expect("decodes");
        assert!(d.text.starts_with("ï»¿"), "{:?}", d.text);
    }

    #[test]
    fn shared_corpus_gbk_files_decode_cleanly() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
        if !dir.is_dir() {
            {
                use std::io::Write as _;
                // Straight to stderr: test output capture would hide a println.
                let _ = writeln!(
                    std::io::stderr(),
                    "corpus absent at {}: GBK detection of zh_gbk_sogou_*.txt NOT checked",
                    dir.display()
                );
            }
            return;
        }
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus directory readable")
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("zh_gbk_sogou_") && n.ends_with(".txt"))
            })
            .collect();
        files.sort();
        assert_eq!(
            files.len(),
            3,
            "expected three GBK corpus files in {}",
            dir.display()
        );
        for path in files {
            let bytes = std::fs::read(&path).expect("corpus file readable");
            let d = decode(&bytes, None).expect("corpus file decodes");
            assert!(
                d.encoding == "GBK" || d.encoding == "GB18030",
                "{}: {}",
                path.display(),
                d.encoding
            );
            assert!(!d.text.contains('\u{FFFD}'), "{}", path.display());
            assert!(d.text.chars().filter(|&c| is_ideograph(c)).count() > 100);
        }
    }
}
