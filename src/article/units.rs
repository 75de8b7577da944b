//! From blocks to units: each front end's blocks become the units the assembler works on,
//! with paragraphs a scraper flattened into one line split again and rules left out.

use super::block::Block;
use super::heading::{self, Style};
use super::why::Why;
use super::{Role, Unit, fields, image};

/// Splits a paragraph that a scraper flattened into one line: at a `　` after a sentence end
/// or after a numbered heading (`一、质检部门努力履行监管职能　食品安全…`), and at an ASCII `?`
/// between Chinese characters, which is what a lost paragraph break becomes when text is
/// decoded with the wrong table.
pub(super) fn split_flattened(text: &str) -> Vec<&str> {
    if !text.contains('\u{3000}') && !text.contains('?') {
        return vec![text];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let segment = || text.get(start..i).unwrap_or_default();
        let after_sentence = || prev.is_some_and(|p| "。！？”".contains(p));
        let after_heading = || {
            matches!(
                heading::marked(segment()),
                Some((Style::CnNumber | Style::CnParen, _))
            )
        };
        let lost_break =
            c == '?' && prev.is_some_and(|p| !p.is_ascii()) && next.is_some_and(|n| !n.is_ascii());
        if i > 0 && (c == '\u{3000}' && (after_sentence() || after_heading()) || lost_break) {
            out.push(segment());
            start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    out.push(text.get(start..).unwrap_or_default());
    out
}

/// Whether a block's text is only a rule or decoration (`=====`, `<center>====</center>`).
pub(super) fn rule_only(text: &str) -> bool {
    fields::decoration_line(text) && !image::only_images(text)
}

/// The units of `blocks`, whether the source indents its paragraphs, and the addresses of
/// the pictures, numbered in the units' marks.
pub(super) fn units(blocks: Vec<Block>) -> (Vec<Unit>, bool, Vec<String>) {
    let mut out = Vec::with_capacity(blocks.len());
    let (mut lines, mut indented) = (0usize, 0usize);
    let mut addresses = Vec::new();
    for mut b in blocks {
        match &mut b {
            Block::Blank => {}
            Block::Line(s) | Block::Para(s) | Block::Code(s) | Block::Caption(s) => {
                image::number(s, &mut addresses);
            }
            Block::Heading { text, .. } | Block::Dropped(text, _) => {
                image::number(text, &mut addresses);
            }
        }
        match b {
            Block::Blank => {}
            Block::Line(s) => {
                let t = s.trim_start_matches(['\u{3000}', ' ']);
                if rule_only(t) {
                    continue;
                }
                lines += 1;
                if t.len() != s.len() {
                    indented += 1;
                }
                for part in split_flattened(t) {
                    if !part.trim().is_empty() {
                        out.push(Unit::new(part.to_string(), Role::Body, true));
                    }
                }
            }
            Block::Para(s) if rule_only(&s) => {}
            Block::Para(s) => out.push(Unit::new(s, Role::Body, false)),
            Block::Code(s) => {
                let mut u = Unit::new(s, Role::Body, false);
                u.verbatim = true;
                u.why = Some(Why::markup("preformatted"));
                out.push(u);
            }
            Block::Heading { level, text, mark } => {
                let mut u = Unit::new(text, Role::Heading(level.max(1)), false);
                u.why = Some(Why::markup(mark));
                out.push(u);
            }
            Block::Caption(s) => {
                let mut u = Unit::new(s, Role::Body, false);
                u.drop_for(Why::markup("caption"));
                out.push(u);
            }
            Block::Dropped(s, why) => {
                let mut u = Unit::new(s, Role::Body, false);
                u.drop_for(why);
                out.push(u);
            }
        }
    }
    (out, lines > 0 && indented * 2 > lines, addresses)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_paragraphs_split_at_their_breaks() {
        assert_eq!(
            split_flattened("第一句。　第二句。　新华社记者裴鑫摄"),
            vec!["第一句。", "第二句。", "新华社记者裴鑫摄"]
        );
        assert_eq!(
            split_flattened("表示：?一、质检部门努力履行监管职能　食品安全关系到民生。"),
            vec![
                "表示：",
                "一、质检部门努力履行监管职能",
                "食品安全关系到民生。"
            ]
        );
        assert_eq!(
            split_flattened("上海，２０１２年６月８日　上海老相机"),
            vec!["上海，２０１２年６月８日　上海老相机"]
        );
        assert_eq!(split_flattened("What? Yes."), vec!["What? Yes."]);
    }
}
