//! The encoding a web page or XML file declares about itself: `<meta charset="gbk">`,
//! `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` or
//! `<?xml version="1.0" encoding="GB2312"?>`, looked for near the start of the bytes, as
//! browsers do. Detection trusts it only where the bytes agree ([`super::detect`]).

use encoding_rs::Encoding;

/// How far into the bytes a declaration is looked for (browsers look at the first 1024
/// bytes; saved pages often carry a longer `<head>` before it).
const SCAN_BYTES: usize = 4096;

/// The encoding declared by a `<meta>` tag or an XML prolog near the start of `bytes`.
pub(super) fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml")
        && let Some(end) = find(&lower, b"?>", 0)
        && let Some(label) = value_after(&lower[..end], b"encoding")
    {
        return Encoding::for_label_no_replacement(label);
    }
    let mut from = 0;
    while let Some(start) = find(&lower, b"<meta", from) {
        let end = find(&lower, b">", start).unwrap_or(lower.len());
        if let Some(label) = value_after(&lower[start..end], b"charset") {
            return Encoding::for_label_no_replacement(label);
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// The value after `name=` (quoted or not) in a tag.
fn value_after<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = find(tag, name, 0)? + name.len();
    let rest = tag.get(at..)?;
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GBK, UTF_8, WINDOWS_1252};

    #[test]
    fn declarations_are_found() {
        let cases: [(&[u8], Option<&'static Encoding>); 7] = [
            (b"<html><head><meta charset=\"gb2312\"></head>", Some(GBK)),
            (
                b"<HTML><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">",
                Some(GBK),
            ),
            (b"<?xml version=\"1.0\" encoding='Big5'?><rss>", Some(BIG5)),
            (b"<meta charset=utf-8>", Some(UTF_8)),
            (
                b"<meta name=x content=y><meta charset=iso-8859-1>",
                Some(WINDOWS_1252),
            ),
            (b"plain text that mentions charset=gbk", None),
            (b"<meta charset=\"klingon\">", None),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                declared_encoding(bytes),
                want,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
