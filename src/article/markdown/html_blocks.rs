//! HTML blocks inside Markdown. Clipped transcripts, digests and feed items saved as Markdown
//! often carry their paragraphs as raw HTML, many on one line
//! (`<p><strong>央视网消息</strong>…</p><p>…</p>`), captions as `<figcaption>` and rules as
//! `<center>====</center>`. A line holding a block-level tag starts a block of HTML that runs
//! to the next blank line, and the HTML front end reads it as what its markup says.

/// Tags that start or end a block.
fn block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "br"
            | "div"
            | "center"
            | "section"
            | "hr"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figcaption"
            | "figure"
            | "table"
            | "tr"
            | "pre"
            | "dl"
            | "article"
    )
}

/// The tag at the start of `s` (which starts with `<`): its lower-case name, whether it
/// closes, and its length in bytes.
fn tag_at(s: &str) -> Option<(String, bool, usize)> {
    let end = s.find('>')?;
    let inner = s.get(1..end)?;
    if inner.contains('<') {
        return None;
    }
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    (!name.is_empty()).then_some((name, closing, end + 1))
}

/// Whether a line holds a block-level tag (`<p>`, `<div>`, `<h3>`, `<br>`, `<figcaption>`):
/// it starts a block of HTML, read by the HTML front end up to the next blank line.
pub(super) fn has_block_tag(line: &str) -> bool {
    let mut i = 0;
    while let Some(off) = line.get(i..).and_then(|r| r.find('<')) {
        let at = i + off;
        match line.get(at..).and_then(tag_at) {
            Some((name, _, _)) if block_tag(&name) => return true,
            Some((_, _, len)) => i = at + len,
            None => i = at + 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_block_tags_start_html_blocks() {
        for line in [
            "<p><strong>央视网消息</strong>（新闻联播）：今天。</p><p>同日。</p>",
            "<figcaption>▲6月8日，医生为常某进行抢救。视频截图</figcaption>",
            "<center>====</center>",
            "第一行<br>第二行",
            "<div class=\"x\"><h2><a href=\"/a\">标题</a></h2></div>",
        ] {
            assert!(has_block_tag(line), "{line}");
        }
        for line in [
            "只有<u>下划线</u>和<strong>加粗</strong>",
            "3 < 4 and no tags",
            "<",
        ] {
            assert!(!has_block_tag(line), "{line}");
        }
    }
}
