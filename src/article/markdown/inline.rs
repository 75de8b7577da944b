//! Inline Markdown and HTML inside one block of text: emphasis, links, images, tags and
//! character references resolved to the text a reader sees. It is apart from the block-level
//! parser in [`super`] because it changes for a different reason (a new inline construct, an
//! entity) and because the assembler also runs front-matter titles through it.

use crate::article::entities::entity_at;

/// The short text shown for an image: `[图片]`, `[image: alt]`. File names and hashes given
/// as alt text are not descriptions and are left out.
pub(super) fn placeholder(alt: &str, cjk: bool) -> String {
    let alt = alt.trim();
    // A file name (`photo.jpg`, `IMG_0042.JPEG`): no spaces and a short ASCII extension.
    let file_name = !alt.contains(' ')
        && alt.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    let meaningless = alt.is_empty()
        || file_name
        || alt.len() >= 16 && alt.chars().all(|c| c.is_ascii_hexdigit());
    match (meaningless, cjk) {
        (true, true) => "[图片]".to_string(),
        (true, false) => "[image]".to_string(),
        (false, true) => format!("[图片：{alt}]"),
        (false, false) => format!("[image: {alt}]"),
    }
}

/// Resolves inline Markdown and HTML: emphasis and strike markers removed, links show their
/// text, images become placeholders, tags dropped, escapes and common entities resolved.
pub(crate) fn inline(s: &str, cjk: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
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
                if let Some((alt, _, used)) = link(&rest[1..]) {
                    out.push_str(&placeholder(alt, cjk));
                    rest = &rest[1 + used..];
                    continue;
                }
                out.push(c);
            }
            '[' => {
                if let Some((text, _, used)) = link(rest) {
                    out.push_str(&inline(text, cjk));
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
            inline("这是**重要**的[链接](http://x.y/z)和~~删除~~。", true),
            "这是重要的链接和删除。"
        );
        assert_eq!(
            inline("<p><strong>新闻</strong>（联播）：今天&nbsp;晴。</p>", true),
            "新闻（联播）：今天 晴。"
        );
        assert_eq!(inline("a \\| b and 2 * 3", false), "a | b and 2 * 3");
        assert_eq!(inline("看![猫](a.png)吧", true), "看[图片：猫]吧");
        assert_eq!(inline("![IMG_0042.JPEG](x)", true), "[图片]");
        assert_eq!(inline("![经济.](x)", true), "[图片：经济.]");
        assert_eq!(inline("snake_case stays", false), "snake_case stays");
        assert_eq!(
            inline("&#2024 and &amp &amp; &#x4E2D;", false),
            "&#2024 and &amp & 中"
        );
    }
}
