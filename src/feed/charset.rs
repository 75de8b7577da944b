//! Decoding a feed's bytes. Three sources may name the charset: the HTTP `Content-Type`
//! header, the XML prolog (`<?xml version="1.0" encoding="gb2312"?>`) and the bytes
//! themselves; Chinese sites get the first two wrong often enough that neither can be
//! trusted alone. A byte order mark decides first; then a declared charset is used when the
//! bytes decode cleanly under it, and when the header and the prolog disagree the one that
//! decodes cleanly wins (valid UTF-8 with non-ASCII text beats a legacy charset, and
//! detection breaks a tie between two legacy ones); with no clean declaration the project's
//! detector decides. The text handed to `feed-rs` is UTF-8 with the prolog's `encoding=`
//! rewritten to `UTF-8`, so nothing is decoded twice.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

use super::error::Problem;
use crate::decode::{self, DecodeError, encoding_for_label};

/// A feed document as UTF-8 text, sanitised, and the charset it was read in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FeedText {
    /// The document, its XML prolog (if any) declaring UTF-8.
    pub text: String,
    /// The name of the charset used (`UTF-8`, `GBK`, `Big5`, …).
    pub encoding: &'static str,
}

/// Decodes a feed or page body; `content_type` is the HTTP header, when there was one.
pub(crate) fn decode_body(bytes: &[u8], content_type: Option<&str>) -> Result<FeedText, Problem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::Empty);
    }
    let chosen = if Encoding::for_bom(bytes).is_some() {
        None
    } else {
        choose(
            bytes,
            content_type.and_then(header_charset),
            prolog_charset(bytes),
        )
    };
    // A declaration is only used when the bytes decode cleanly under it, so it can hardly
    // fail; if it ever does, detection decides after all.
    let decoded = match decode::decode(bytes, chosen) {
        Err(DecodeError::NotInEncoding(_)) => decode::decode(bytes, None),
        other => other,
    }
    .map_err(|_| Problem::Binary)?;
    Ok(FeedText {
        text: declare_utf8(&decoded.text),
        encoding: decoded.encoding,
    })
}

/// The charset to decode with, or `None` to let the detector decide.
fn choose(
    bytes: &[u8],
    header: Option<&'static Encoding>,
    prolog: Option<&'static Encoding>,
) -> Option<&'static Encoding> {
    let mut declared: Vec<&'static Encoding> = Vec::with_capacity(2);
    for enc in [header, prolog].into_iter().flatten() {
        if !declared.iter().any(|d| same(d, enc)) {
            declared.push(enc);
        }
    }
    let clean: Vec<&'static Encoding> = declared
        .into_iter()
        .filter(|enc| decodes_cleanly(bytes, enc))
        .collect();
    match clean.as_slice() {
        [] => None,
        [one] => Some(one),
        several => {
            let non_ascii = bytes.iter().any(|b| !b.is_ascii());
            if non_ascii && several.contains(&UTF_8) && std::str::from_utf8(bytes).is_ok() {
                return Some(UTF_8);
            }
            // The detector believes an XML prolog; ask it about the bytes after the prolog.
            let detected = decode::decode(after_prolog(bytes), None)
                .ok()
                .map(|d| d.encoding);
            several
                .iter()
                .find(|enc| detected.is_some_and(|name| name_matches(enc, name)))
                .or(several.first())
                .copied()
        }
    }
}

/// The bytes after an XML prolog (all of them when there is none).
fn after_prolog(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    match bytes.get(start..) {
        Some(rest) if rest.starts_with(b"<?xml") => rest
            .windows(2)
            .position(|w| w == b"?>")
            .and_then(|end| rest.get(end + 2..))
            .unwrap_or(rest),
        _ => bytes,
    }
}

/// Whether two encodings decode the same way (GBK and GB18030 do).
fn same(a: &'static Encoding, b: &'static Encoding) -> bool {
    a == b || (is_gb(a) && is_gb(b))
}

fn is_gb(e: &'static Encoding) -> bool {
    e == GBK || e == GB18030
}

/// Whether the detector's display name stands for `enc`.
fn name_matches(enc: &'static Encoding, name: &str) -> bool {
    enc.name().eq_ignore_ascii_case(name) || (is_gb(enc) && (name == "GBK" || name == "GB18030"))
}

/// Whether `bytes` decode under `enc` without a replacement character.
fn decodes_cleanly(bytes: &[u8], enc: &'static Encoding) -> bool {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
}

/// The `charset` parameter of a `Content-Type` header, when it names a known encoding.
fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        encoding_for_label(value.trim().trim_matches(['"', '\'']))
    })
}

/// The `encoding` named by an XML prolog at the start of the bytes (after optional
/// whitespace), when it names a known encoding.
fn prolog_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(512)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = head.get(start..)?;
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = rest.windows(2).position(|w| w == b"?>")?;
    let prolog = std::str::from_utf8(rest.get(..end)?).ok()?;
    let (_, value) = encoding_attr(prolog)?;
    encoding_for_label(value)
}

/// In the text of an XML prolog, the text before the encoding's value (including the
/// opening quote) and the value.
fn encoding_attr(prolog: &str) -> Option<(&str, &str)> {
    let (_, after) = prolog.split_once("encoding")?;
    let after_eq = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after_eq
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')?;
    let value = after_eq.get(1..)?.split(quote).next()?;
    // `after_eq` is a suffix of `prolog`; the prefix ends just after the (ASCII) quote.
    let consumed = prolog.len() - after_eq.len() + 1;
    Some((prolog.get(..consumed)?, value))
}

/// `text` with its XML prolog's `encoding` value replaced by `UTF-8` (text without a prolog,
/// or without `encoding`, is returned as is).
fn declare_utf8(text: &str) -> String {
    let trimmed = text.trim_start();
    if !trimmed.starts_with("<?xml") {
        return trimmed.to_string();
    }
    let Some((prolog, rest)) = trimmed.split_once("?>") else {
        return trimmed.to_string();
    };
    let Some((head, value)) = encoding_attr(prolog) else {
        return trimmed.to_string();
    };
    let tail = prolog.get(head.len() + value.len()..).unwrap_or_default();
    format!("{head}UTF-8{tail}?>{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::BIG5;

    fn encode(enc: &'static Encoding, s: &str) -> Vec<u8> {
        let (bytes, _, bad) = enc.encode(s);
        assert!(!bad);
        bytes.into_owned()
    }

    const DOC: &str = "<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<rss version=\"2.0\">\
        <channel><title>新闻中心</title><item><title>国务院常务会议部署稳就业工作</title>\
        </item></channel></rss>";

    #[test]
    fn the_prolog_is_rewritten_to_utf8() {
        let got = decode_body(&encode(GBK, DOC), None).unwrap();
        assert_eq!(got.encoding, "GBK");
        assert!(
            got.text
                .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss")
        );
        assert!(got.text.contains("国务院常务会议部署稳就业工作"));
        assert_eq!(
            declare_utf8("<?xml version='1.0' encoding = 'big5' standalone='yes'?><a/>"),
            "<?xml version='1.0' encoding = 'UTF-8' standalone='yes'?><a/>"
        );
        assert_eq!(
            declare_utf8("  <?xml version=\"1.0\"?><a/>"),
            "<?xml version=\"1.0\"?><a/>"
        );
        assert_eq!(declare_utf8("{\"version\": 1}"), "{\"version\": 1}");
        assert_eq!(after_prolog(b" <?xml version='1.0'?><a/>"), b"<a/>");
        assert_eq!(after_prolog(b"<a/>"), b"<a/>");
    }

    #[test]
    fn the_header_wins_when_both_decode_cleanly() {
        // ASCII-only: every candidate is clean; the header is first.
        assert_eq!(choose(b"<a/>", Some(BIG5), Some(GBK)), Some(BIG5));
    }

    #[test]
    fn the_declaration_under_which_the_bytes_decode_cleanly_wins() {
        let gbk = encode(GBK, DOC);
        // Header says UTF-8, prolog says GB2312: the bytes are GBK.
        assert_eq!(choose(&gbk, Some(UTF_8), Some(GBK)), Some(GBK));
        // Header says GBK, prolog says UTF-8, the bytes are UTF-8 (which also happen to be
        // valid GBK): valid UTF-8 wins.
        let utf8 = DOC.replace("gb2312", "utf-8");
        assert_eq!(choose(utf8.as_bytes(), Some(GBK), Some(UTF_8)), Some(UTF_8));
        let text = decode_body(utf8.as_bytes(), Some("text/xml; charset=GBK")).unwrap();
        assert!(text.text.contains("国务院常务会议"));
        // Big5 declared in the header, GB2312 in the prolog, the bytes are Big5.
        let big5 = encode(
            BIG5,
            "<?xml version=\"1.0\" encoding=\"gb2312\"?><rss version=\"2.0\"><channel>\
             <title>新聞中心</title><item><title>臺北市政府今日宣布颱風假</title></item>\
             </channel></rss>",
        );
        let text = decode_body(&big5, Some("application/rss+xml; charset=\"big5\"")).unwrap();
        assert_eq!(text.encoding, "Big5");
        assert!(text.text.contains("臺北市政府今日宣布颱風假"));
    }

    #[test]
    fn nothing_declared_is_detected() {
        let bytes = encode(GBK, &DOC.replace(" encoding=\"gb2312\"", ""));
        let text = decode_body(&bytes, Some("text/xml")).unwrap();
        assert_eq!(text.encoding, "GBK");
        assert!(text.text.contains("新闻中心"));
    }

    #[test]
    fn a_bom_decides() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(DOC.as_bytes());
        let text = decode_body(&bytes, Some("text/xml; charset=gbk")).unwrap();
        assert_eq!(text.encoding, "UTF-8");
        assert!(text.text.contains("新闻中心"));
        assert!(
            text.text
                .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        );
    }

    #[test]
    fn empty_and_binary_bodies_are_refused() {
        assert_eq!(decode_body(b"  \n", None), Err(Problem::Empty));
        assert_eq!(
            decode_body(b"<rss>\0\0\0</rss>", None),
            Err(Problem::Binary)
        );
    }

    #[test]
    fn header_charset_is_read() {
        assert_eq!(header_charset("text/xml; charset=GB2312"), Some(GBK));
        assert_eq!(header_charset("text/xml;charset=\"utf-8\""), Some(UTF_8));
        assert_eq!(header_charset("text/xml"), None);
        assert_eq!(header_charset("text/xml; charset=klingon"), None);
    }
}
