//! Turning the raw bytes of an article file into clean text, once, at the door.
//!
//! News files arrive in whatever encoding the site or the scraper used: UTF-8 (with or without
//! a BOM), UTF-16 with a BOM, GBK/GB18030 from mainland sites and Big5 from Taiwan and Hong
//! Kong. File names say nothing reliable about this, so the encoding is detected from the bytes.
//! The decoded text is then sanitised in a single pass so that every later stage (parsing,
//! layout, drawing) can assume plain text: `\n` line ends, no tabs, no control characters, no
//! invisible bidi or zero-width characters that could reorder or hide what is drawn on the
//! terminal. Binary files are refused here rather than drawn as garbage.

mod declared;
mod detect;
mod evidence;
mod sanitize;

use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

use detect::{decode_forced, detect_and_decode};
use sanitize::{Mode, sanitize};

pub use sanitize::{first_unsafe, sanitize_field, sanitize_field_in_place, sanitize_line};

/// A text is considered binary when more than this percentage of its characters are U+FFFD or
/// control characters.
const MAX_SUSPICIOUS_PERCENT: usize = 30;

/// The percentage rule above only applies to texts with at least this many characters: in a
/// tiny text a single replacement character (say, a UTF-8 text cut after two characters) would
/// already be a third of it.
const MIN_CHARS_FOR_RATIO: usize = 16;

/// The result of [`decode`]: sanitised text and the name of the encoding it was read with.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The decoded text with `\n` line ends, tabs expanded and invisible or control
    /// characters removed (see [`decode`]).
    pub text: String,
    /// The encoding used, for display: "UTF-8", "UTF-16LE", "UTF-16BE", "GBK", "GB18030",
    /// "Big5", or another WHATWG encoding name such as "windows-1252".
    pub encoding: &'static str,
}

/// Why bytes could not be turned into article text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not text: the decoded text contains U+0000, or more than 30% of its
    /// characters are replacement or control characters.
    #[error("binary file (contains NUL bytes)")]
    Binary,
    /// An encoding was forced and most of the text does not decode in it.
    #[error("does not read as {0}")]
    NotInEncoding(&'static str),
}

/// Decodes `bytes` into sanitised text, detecting the encoding unless `forced` is given.
///
/// Detection: a BOM (UTF-8, UTF-16LE, UTF-16BE) decides first; then valid UTF-8 is UTF-8;
/// then bytes that are mostly UTF-8 (at most one invalid sequence per ten valid non-ASCII
/// characters, or only a character cut off at the very end) are UTF-8 with U+FFFD in place of
/// the bad bytes; otherwise chardetng guesses, and the guess is steered towards GBK/GB18030
/// when it is not a CJK encoding (or is EUC-KR/EUC-JP for a very short text) but the bytes
/// decode cleanly as GB18030 into text dominated by Chinese ideographs. Big5 is used when
/// chardetng says Big5 and the bytes decode cleanly as Big5.
///
/// A `forced` encoding is used as is, without detection; a BOM is stripped only when it
/// belongs to that encoding.
///
/// Sanitising: CRLF and lone CR become `\n`, a tab becomes four spaces, C0/C1 controls, DEL,
/// bidi controls and zero-width characters (including U+FEFF anywhere) are removed, except
/// that the C1 codes U+0085, U+0091–U+0094, U+0096 and U+0097 (left over from windows-1252
/// mis-decoding) become `…`, `‘`, `’`, `“`, `”`, `–` and `—`. U+2028/U+2029 become `\n`.
/// NBSP, U+2007 and U+202F stay as NBSP only between two non-CJK letters or digits (as in
/// `10 km`); they and the other fixed-width spaces become a plain space everywhere else.
/// The ideographic space U+3000 is kept.
///
/// Empty input gives empty text. Fails with [`DecodeError::Binary`] when the text contains
/// U+0000 or is largely replacement and control characters, and with
/// [`DecodeError::NotInEncoding`] for the latter when the encoding was forced.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    let (raw, encoding) = match forced {
        Some(enc) => decode_forced(bytes, enc),
        None => detect_and_decode(bytes)?,
    };
    let (text, stats) = sanitize(&raw, Mode::Text);
    if stats.nul {
        return Err(DecodeError::Binary);
    }
    if stats.chars >= MIN_CHARS_FOR_RATIO
        && stats.suspicious * 100 > stats.chars * MAX_SUSPICIOUS_PERCENT
    {
        // With a forced encoding the bytes may well be text, just not in that encoding.
        return Err(match forced {
            Some(_) => DecodeError::NotInEncoding(encoding),
            None => DecodeError::Binary,
        });
    }
    Ok(Decoded { text, encoding })
}

/// Looks up an encoding by name for the `--encoding` option.
///
/// Accepts every WHATWG label ("utf-8", "gbk", "gb2312", "gb18030", "big5", "utf-16le",
/// "utf-16be", "windows-1252", ...), case-insensitively and ignoring surrounding whitespace,
/// plus the Windows code page names "cp936"/"ms936"/"windows-936" (GBK) and
/// "cp950"/"ms950"/"windows-950" (Big5) and "utf16le"/"utf16be". Labels that WHATWG maps to
/// the "replacement" encoding (such as "iso-2022-kr") are rejected, since decoding with it
/// would throw the whole text away.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    if let Some(enc) = Encoding::for_label_no_replacement(label.as_bytes()) {
        return Some(enc);
    }
    match label.to_ascii_lowercase().as_str() {
        "cp936" | "ms936" | "windows-936" | "gb-2312" => Some(GBK),
        "gb-18030" | "gb_18030" => Some(GB18030),
        "cp950" | "ms950" | "windows-950" => Some(BIG5),
        "utf16le" | "utf16" => Some(UTF_16LE),
        "utf16be" => Some(UTF_16BE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::UTF_8;

    pub(super) fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in s.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&pair);
        }
        out
    }

    pub(super) fn detect(bytes: &[u8]) -> Decoded {
        decode(bytes, None).expect("decodes")
    }

    #[test]
    fn empty_input_is_empty_text() {
        let d = detect(b"");
        assert_eq!(d.text, "");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn nul_is_binary() {
        assert_eq!(decode(b"text\0more", None), Err(DecodeError::Binary));
        assert_eq!(
            decode(&utf16("with\0nul", false), None),
            Err(DecodeError::Binary)
        );
        assert_eq!(
            decode(b"abc\0", Some(encoding_rs::WINDOWS_1252)),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn mostly_control_characters_is_binary() {
        let mut bytes = b"some text here".to_vec();
        bytes.extend_from_slice(&[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]);
        assert_eq!(decode(&bytes, None), Err(DecodeError::Binary));
        // The same number of controls in a longer text is just removed.
        let mut long = "some text here, and a good deal more of it."
            .as_bytes()
            .to_vec();
        long.extend_from_slice(&[0x01, 0x02, 0x03]);
        assert_eq!(
            detect(&long).text,
            "some text here, and a good deal more of it."
        );
    }

    #[test]
    fn labels_are_looked_up() {
        assert_eq!(encoding_for_label("gbk"), Some(GBK));
        assert_eq!(encoding_for_label("GB2312"), Some(GBK));
        assert_eq!(encoding_for_label("gb18030"), Some(GB18030));
        assert_eq!(encoding_for_label(" Big5 "), Some(BIG5));
        assert_eq!(encoding_for_label("utf-16le"), Some(UTF_16LE));
        assert_eq!(encoding_for_label("UTF-16BE"), Some(UTF_16BE));
        assert_eq!(encoding_for_label("utf-8"), Some(UTF_8));
        assert_eq!(encoding_for_label("UTF8"), Some(UTF_8));
        assert_eq!(
            encoding_for_label("latin1"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(encoding_for_label("CP936"), Some(GBK));
        assert_eq!(encoding_for_label("cp950"), Some(BIG5));
        assert_eq!(encoding_for_label("iso-2022-kr"), None);
        assert_eq!(encoding_for_label("klingon"), None);
        assert_eq!(encoding_for_label(""), None);
    }
}
