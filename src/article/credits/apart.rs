//! Credits that do not stand on a labelled line: a credit in brackets glued to the end of the
//! last paragraph (`…。（编辑：张铭坤）1100731`), and a byline without a label (`青年报 杨颖`).

use super::{Credits, LEADERS, collapse, parse};
use crate::script::{is_cjk, is_person_name};

/// A credit in brackets glued to the end of a paragraph (`…。（编辑：张铭坤）`,
/// `…。(责编：汤诗瑶、丁涛)`, `…（记者 胡晓蓉）`), optionally followed by a date code
/// (`1100731`): the byte index where the credit starts, and what it says.
pub(in crate::article) fn glued(paragraph: &str) -> Option<(usize, Credits)> {
    let t = paragraph.trim_end();
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let body = if t.len() - body.len() >= 6 { body } else { t };
    let close = body.chars().last()?;
    let open = match close {
        '）' => '（',
        ')' => '(',
        ']' => '[',
        '】' => '【',
        _ => return None,
    };
    let start = body.rfind(open)?;
    let credits = parse(body.get(start..)?)?;
    Some((start, credits))
}

/// A byline set on its own line without a label: a newspaper and a reporter's name
/// (`青年报 杨颖`), or a reporter's name after a role (`■ 纽约华人资讯网主笔  詹涓`).
pub(in crate::article) fn bare_byline(line: &str) -> Option<String> {
    let t = collapse(line.trim_start_matches(LEADERS).trim());
    let n = t.chars().count();
    if !(3..=24).contains(&n) {
        return None;
    }
    let words: Vec<&str> = t.split(' ').collect();
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let all_cjk = t.chars().all(|c| is_cjk(c) || c == ' ' || c == '·');
    // The last word is a personal name.
    let last = words.last().copied().unwrap_or_default();
    (all_cjk && is_person_name(last)).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_glued_to_the_last_paragraph() {
        let p = "这是最后一段话。（编辑：张铭坤）1100731";
        let (at, credits) = glued(p).expect("glued credit");
        assert_eq!(p.get(..at), Some("这是最后一段话。"));
        assert_eq!(credits.editor.as_deref(), Some("张铭坤"));
        let p = "字里行间都是对儿子的爱。(责编：汤诗瑶、丁涛)";
        assert_eq!(
            glued(p).and_then(|(_, c)| c.editor),
            Some("汤诗瑶、丁涛".into())
        );
        assert_eq!(glued("他说（大意如此）。"), None);
        assert_eq!(glued("这是一个（很重要的）问题"), None);
    }

    #[test]
    fn bare_bylines() {
        assert_eq!(bare_byline("青年报 杨颖"), Some("青年报 杨颖".into()));
        assert_eq!(
            bare_byline("■ 纽约华人资讯网主笔  詹涓"),
            Some("纽约华人资讯网主笔 詹涓".into())
        );
        assert_eq!(bare_byline("学习有高潮"), None);
        assert_eq!(bare_byline("他说 我们走吧 现在就走 马上走 好吗"), None);
    }
}
