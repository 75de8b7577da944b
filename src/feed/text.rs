//! Short feed strings (titles, author and feed names) as plain text. RSS leaves it open
//! whether a title is text or HTML, and publishers escape it zero, one or two times: after
//! the XML parser has done its part, `AT&amp;T` still stands for `AT&T` and `&lt;b&gt;` is
//! markup. So HTML character references are decoded exactly once (never `&amp;lt;` into
//! `<`), inline tags are removed when the string is HTML, and the result is sanitised and
//! cut to a sensible length.

use crate::decode::sanitize_line;

/// Longest title or name kept, in characters.
const MAX_CHARS: usize = 500;

/// Inline HTML elements whose tags are removed from a title even when the feed did not say
/// it is HTML (RSS titles never say).
const INLINE_TAGS: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "font", "br", "sup", "sub", "u", "small", "big", "cite",
    "q", "mark", "abbr", "code",
];

/// A feed string as one clean line: tags removed (all tags when `html`, only common inline
/// ones otherwise), character references decoded once, whitespace collapsed, sanitised and
/// cut to 500 characters. `None` when nothing is left.
pub(crate) fn clean_line(raw: &str, html: bool) -> Option<String> {
    let stripped = strip_tags(raw, html);
    let decoded = decode_once(&stripped);
    let line = sanitize_line(&decoded);
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        return None;
    }
    if out.chars().count() > MAX_CHARS {
        out = out.chars().take(MAX_CHARS).collect();
        out.push('…');
    }
    Some(out)
}

/// `s` without its tags: every `<…>` that looks like a tag when `html`, else only the tags
/// of [`INLINE_TAGS`]. A `<` that starts no tag (`a < b`) stays.
fn strip_tags(s: &str, html: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((before, after)) = rest.split_once('<') {
        out.push_str(before);
        let name: String = after
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let is_tag = !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && (html || INLINE_TAGS.contains(&name.as_str()));
        match after.split_once('>') {
            Some((_, tail)) if is_tag => {
                // Keep words apart where a line break or block ended.
                if html && matches!(name.as_str(), "br" | "p" | "div" | "li") {
                    out.push(' ');
                }
                rest = tail;
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// HTML character references decoded once, by the decoder every front end uses:
/// `&amp;lt;` becomes `&lt;`, not `<`.
pub(crate) fn decode_once(s: &str) -> String {
    crate::article::entities::decode_entities(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_exactly_once() {
        assert_eq!(decode_once("AT&amp;T"), "AT&T");
        assert_eq!(decode_once("a &amp;lt; b"), "a &lt; b");
        assert_eq!(decode_once("&#20013;&#x6587;"), "中文");
        assert_eq!(decode_once("R&D and &unknown; &"), "R&D and &unknown; &");
        assert_eq!(decode_once("&#0;x"), "\u{FFFD}x");
        assert_eq!(decode_once("“引号”&hellip;"), "“引号”…");
    }

    #[test]
    fn titles_become_one_clean_line() {
        assert_eq!(
            clean_line("  两会 &amp; 民生\n 观察 ", false).as_deref(),
            Some("两会 & 民生 观察")
        );
        assert_eq!(
            clean_line("<b>快讯</b>：股市收盘", false).as_deref(),
            Some("快讯：股市收盘")
        );
        assert_eq!(
            clean_line("Vec<T> in a < b", false).as_deref(),
            Some("Vec<T> in a < b")
        );
        assert_eq!(
            clean_line("<p>one</p><p>two</p>", true).as_deref(),
            Some("one two")
        );
        // Escaped markup in an HTML title is text.
        assert_eq!(
            clean_line("&lt;b&gt; is bold", true).as_deref(),
            Some("<b> is bold")
        );
        assert_eq!(
            clean_line("bad\u{1b}[2J\u{202e}name", false).as_deref(),
            Some("bad[2Jname")
        );
        assert_eq!(clean_line(" <br> ", true), None);
        let long = "长".repeat(600);
        assert_eq!(
            clean_line(&long, false).unwrap().chars().count(),
            MAX_CHARS + 1
        );
    }
}
