//! HTML blocks inside Markdown. Clipped transcripts and digests often carry their paragraphs as
//! raw HTML on one line (`<p><strong>央视网消息</strong>…</p><p>…</p>`), captions as
//! `<figcaption>` and rules as `<center>====</center>`. Such a line is cut at its block tags:
//! each `<p>` is a paragraph of its own, a `<p>` that is only `<strong>` is a subhead, and a
//! `<figcaption>` is a caption.

/// One piece of a line cut at its block tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// Ordinary text (with inline markup still in it).
    Text(&'a str),
    /// Text that is bold from end to end (`<strong>…</strong>`): a subhead candidate.
    Bold(&'a str),
    /// The text of a `<figcaption>`.
    Caption(&'a str),
}

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
    ) || name.starts_with("figcap")
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

/// Whether `s` is bold from end to end: `<strong>…</strong>`, `<b>…</b>`, `**…**`.
fn all_bold(s: &str) -> Option<&str> {
    let t = s.trim();
    for (open, close) in [("<strong>", "</strong>"), ("<b>", "</b>"), ("**", "**")] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close))
            && !inner.contains(open)
            && !inner.trim().is_empty()
        {
            return Some(inner);
        }
    }
    None
}

/// Cuts a line at its block tags; `None` when it has none.
pub(super) fn pieces(line: &str) -> Option<Vec<Piece<'_>>> {
    let mut out = Vec::new();
    let mut found = false;
    let mut caption = false;
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = line.get(i..).and_then(|r| r.find('<')) {
        let at = i + off;
        let Some((name, closing, len)) = line.get(at..).and_then(tag_at) else {
            i = at + 1;
            continue;
        };
        if !block_tag(&name) {
            i = at + len;
            continue;
        }
        found = true;
        push(&mut out, line.get(start..at).unwrap_or_default(), caption);
        if name.starts_with("figcap") {
            caption = !closing;
        }
        start = at + len;
        i = start;
    }
    if !found {
        return None;
    }
    push(&mut out, line.get(start..).unwrap_or_default(), caption);
    Some(out)
}

fn push<'a>(out: &mut Vec<Piece<'a>>, text: &'a str, caption: bool) {
    let t = text.trim();
    if t.is_empty() {
        return;
    }
    out.push(if caption {
        Piece::Caption(t)
    } else if let Some(inner) = all_bold(t) {
        Piece::Bold(inner)
    } else {
        Piece::Text(t)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_subheads_and_captions() {
        assert_eq!(
            pieces(
                "<p><strong>央视网消息</strong>（新闻联播）：今天。</p><p><strong>李克强同牙买加总理互致贺电</strong></p><p>同日，国务院总理…</p>"
            ),
            Some(vec![
                Piece::Text("<strong>央视网消息</strong>（新闻联播）：今天。"),
                Piece::Bold("李克强同牙买加总理互致贺电"),
                Piece::Text("同日，国务院总理…"),
            ])
        );
        assert_eq!(
            pieces("<figcaption>▲6月8日，医生为常某进行抢救。视频截图</figcaption>"),
            Some(vec![Piece::Caption(
                "▲6月8日，医生为常某进行抢救。视频截图"
            )])
        );
        assert_eq!(
            pieces("<figcapiton>图为非洲机场</figcapiton>"),
            Some(vec![Piece::Caption("图为非洲机场")])
        );
        assert_eq!(
            pieces("<center>====</center>"),
            Some(vec![Piece::Text("====")])
        );
        assert_eq!(
            pieces("第一行<br>第二行"),
            Some(vec![Piece::Text("第一行"), Piece::Text("第二行")])
        );
        assert_eq!(pieces("只有<u>下划线</u>和<strong>加粗</strong>"), None);
        assert_eq!(pieces("3 < 4 and no tags"), None);
    }
}
