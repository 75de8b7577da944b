//! Inline Markdown and HTML inside one block of text: emphasis, links, images, tags and
//! character references resolved to the text a reader sees. It is apart from the block-level
//! parser in [`super`] because it changes for a different reason (a new inline construct, an
//! entity) and because the assembler also runs front-matter titles through it.

use crate::article::entities::entity_at;
use crate::article::image;
use crate::article::model::Link;

/// Resolves inline Markdown and HTML: emphasis and strike markers removed, links show their
/// text, images become marks for placeholders, tags dropped, escapes and common entities
/// resolved.
pub(crate) fn inline(s: &str) -> String {
    inline_links(s, &mut Vec::new())
}

/// The bytes that may start inline markup (all ASCII, so a run without them ends on a
/// character boundary): the characters [`inline_links`] treats apart.
const MARKUP_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let marks = b"\\*~`![<&";
    let mut i = 0;
    while i < marks.len() {
        table[marks[i] as usize] = true;
        i += 1;
    }
    table
};

/// [`inline`], also collecting the links met (`[text](url)`) into `links`.
pub(in crate::article) fn inline_links(s: &str, links: &mut Vec<Link>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        // Characters that start no markup are copied a run at a time.
        let plain = rest
            .bytes()
            .position(|b| MARKUP_BYTE[usize::from(b)])
            .unwrap_or(rest.len());
        if plain > 0 {
            out.push_str(&rest[..plain]);
            rest = &rest[plain..];
            continue;
        }
        let len = c.len_utf8();
        match c {
            '\\' => {
                if let Some(n) = rest[1..].chars().next()
                    && n.is_ascii_punctuation()
                {
                    out.push(n);
                    rest = &rest[1 + n.len_utf8()..];
                    continue;
                }
                out.push(c);
            }
            '*' | '~' => {
                // Emphasis and strike markers vanish; a lone `*` between spaces stays.
                let run = rest.bytes().take_while(|&b| b == c as u8).count();
                let lone = run == 1
                    && (out.ends_with(' ') || out.is_empty())
                    && rest[1..].starts_with(' ');
                if lone || c == '~' && run == 1 {
                    out.push(c);
                }
                rest = &rest[run..];
                continue;
            }
            '`' => {}
            '!' if rest.starts_with("![") => {
                if let Some((alt, target, used)) = link(&rest[1..]) {
                    out.push_str(&image::mark(&inline(alt), image_target(target)));
                    rest = &rest[1 + used..];
                    continue;
                }
                out.push(c);
            }
            '[' => {
                if let Some((text, url, used)) = link(rest) {
                    let text = inline_links(text, links);
                    links.push(Link {
                        text: text.clone(),
                        url: url.trim().to_string(),
                    });
                    out.push_str(&text);
                    rest = &rest[used..];
                    continue;
                }
                out.push(c);
            }
            '<' => {
                if let Some(end) = tag_end(rest) {
                    let tag = &rest[..end];
                    if tag.starts_with("<br") || tag.starts_with("</p") {
                        out.push(' ');
                    }
                    rest = &rest[end..];
                    continue;
                }
                out.push(c);
            }
            '&' => {
                // Markdown (CommonMark) takes a reference only with its semicolon: `&#2024`
                // and `AT&T` are text.
                if let Some((ch, used)) = entity_at(rest)
                    && rest.as_bytes().get(used.wrapping_sub(1)) == Some(&b';')
                {
                    // Fixed-width spaces read as plain spaces here, so that they collapse.
                    match ch {
                        '\u{A0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => out.push(' '),
                        _ => out.push(ch),
                    }
                    rest = &rest[used..];
                    continue;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        rest = &rest[len..];
    }
    collapse(&out)
}

/// `[text](url)` at the start of `s`: text, url and bytes used.
fn link(s: &str) -> Option<(&str, &str, usize)> {
    let inner = s.strip_prefix('[')?;
    let mut depth = 1;
    let mut close = None;
    for (i, c) in inner.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let after = inner[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    Some((&inner[..close], &after[..end], 1 + close + 2 + end + 1))
}

/// The address in a Markdown image's target (`url "title"`, `<url>`).
pub(in crate::article) fn image_target(target: &str) -> &str {
    let target = target.trim();
    let url = target.split_whitespace().next().unwrap_or_default();
    url.strip_prefix('<')
        .and_then(|u| u.strip_suffix('>'))
        .unwrap_or(url)
}

/// The length of an HTML tag at the start of `s`, if it is one.
fn tag_end(s: &str) -> Option<usize> {
    let second = s[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!') {
        return None;
    }
    let end = s.find('>')?;
    (!s[1..end].contains('<')).then_some(end + 1)
}

/// Collapses runs of spaces into one and trims the ends, keeping a leading `　` indent.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim_matches(' ').chars() {
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_resolved() {
        assert_eq!(
            inline("这是**重要**的[链接](http://x.y/z)和~~删除~~。"),
            "这是重要的链接和删除。"
        );
        assert_eq!(
            inline("<p><strong>新闻</strong>（联播）：今天&nbsp;晴。</p>"),
            "新闻（联播）：今天 晴。"
        );
        assert_eq!(inline("a \\| b and 2 * 3"), "a | b and 2 * 3");
        assert_eq!(inline("![IMG_0042.JPEG](x)"), image::mark("", "x"));
        assert_eq!(inline("![经济.](x)"), image::mark("经济.", "x"));
        assert_eq!(
            inline("看![猫](a.png \"猫\")吧"),
            format!("看{}吧", image::mark("猫", "a.png"))
        );
        assert_eq!(inline("snake_case stays"), "snake_case stays");
        let mut links = Vec::new();
        assert_eq!(
            inline_links(
                "点击[官网链接](https://x.cn/ )或[**这里**](/a)。",
                &mut links
            ),
            "点击官网链接或这里。"
        );
        assert_eq!(
            links,
            vec![
                Link {
                    text: "官网链接".into(),
                    url: "https://x.cn/".into()
                },
                Link {
                    text: "这里".into(),
                    url: "/a".into()
                },
            ]
        );
        assert_eq!(
            inline("&#2024 and &amp &amp; &#x4E2D;"),
            "&#2024 and &amp & 中"
        );
    }
}
