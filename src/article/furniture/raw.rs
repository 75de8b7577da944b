//! The cheap counting pass: the line keys of a text read without parsing it, so that a
//! folder's furniture can be counted before its articles are parsed and printed one by one.
//! Plain text and Markdown give their lines; HTML gives the text between block tags, with
//! inline tags (`<a>`, `<strong>`, …) left out and scripts and styles skipped, which is how
//! the front ends make paragraphs of it.

use super::key;
use crate::article::Format;
use crate::article::entities::decode_entities;
use crate::article::html::kind::{Kind, kind};

/// The keys of the lines of `text` (each once, sorted), read as `format` says without parsing.
pub fn text_keys(text: &str, format: Format) -> Vec<u64> {
    let lines = match format {
        Format::Html | Format::FeedItem => std::borrow::Cow::Owned(html_lines(text)),
        Format::Plain | Format::Markdown => std::borrow::Cow::Borrowed(text),
    };
    let mut keys: Vec<u64> = lines.lines().filter_map(key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The text of an HTML page, one line per block.
fn html_lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = memchr::memchr(b'<', rest.as_bytes()) {
        push_text(&mut out, &rest[..open]);
        rest = &rest[open + 1..];
        let Some(close) = memchr::memchr(b'>', rest.as_bytes()) else {
            return out;
        };
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        let closing_tag = tag.starts_with('/');
        let name: Vec<u8> = tag
            .trim_start_matches('/')
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        match kind(&name) {
            // Never article text, up to its end tag when it has one.
            Kind::Skip if !closing_tag => {
                if let Some(at) = closing(rest, &name) {
                    rest = &rest[at..];
                }
                out.push('\n');
            }
            Kind::Skip | Kind::Para | Kind::Heading(_) | Kind::Block | Kind::Br => out.push('\n'),
            Kind::Link | Kind::Img | Kind::Inline => {}
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Adds the text between two tags to `out`, its character references decoded and its line
/// breaks made spaces.
fn push_text(out: &mut String, text: &str) {
    let text = decode_entities(text);
    if text.contains('\n') {
        out.push_str(&text.replace('\n', " "));
    } else {
        out.push_str(&text);
    }
}

/// Where the closing tag `</name` starts in `rest`, in any case.
fn closing(rest: &str, name: &[u8]) -> Option<usize> {
    let bytes = rest.as_bytes();
    memchr::memmem::find_iter(bytes, b"</").find(|&at| {
        bytes
            .get(at + 2..at + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_blocks_are_lines_and_inline_tags_vanish() {
        let html = "<html><head><style>p{x}</style><script>var a='<p>no</p>';</script></head>\
            <body><p>Share <a href=x>this</a> &amp; more</p><div>Next</div><br>Third\n line</body>";
        let lines = html_lines(html);
        let lines: Vec<&str> = lines.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines, vec!["Share this & more", "Next", "Third  line"]);
    }

    #[test]
    fn a_skipped_element_ends_at_its_own_closing_tag() {
        assert_eq!(closing("a</b></SCRIPT>x", b"script"), Some(5));
        assert_eq!(closing("a < b </scrip", b"script"), None);
        assert_eq!(closing("<</style>", b"style"), Some(1));
        assert_eq!(closing("中文</style", b"style"), Some(6));
    }

    #[test]
    fn keys_are_the_parsed_lines_keys() {
        let keys = text_keys("<p>关注我们</p><p><b>关注</b>我们</p>", Format::Html);
        assert_eq!(keys, vec![key("关注我们").unwrap()]);
        let keys = text_keys("# Title\n\nA line.\n\nA line.\n", Format::Markdown);
        assert_eq!(keys.len(), 2);
    }
}
