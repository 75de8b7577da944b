//! Recognising headings in plain text, one line at a time: decorated lines (`◆ x ◆`), `【x】`,
//! `一、x`, `（一）x`, `第一章`, numbered lines (`1、x`, `1x` with the number run in), and the
//! shape of an unmarked subhead (short, no sentence punctuation; a question; a part head
//! ending in `——`). Decisions that need the neighbours (runs of numbered lines, what stands
//! before and after a plain line) are made in [`structure`](super::structure) with what
//! these return. Numbering stays in a heading's text as printed; only decoration goes.

use super::lexicon::{self, ENGLISH_ROLES, NOT_HEADINGS, ROLES, SECTIONS};
use crate::script::{at_most, is_cjk, is_cn_numeral, is_measure_word};

/// How a heading was marked in the source. The order is the nesting order: a style earlier in
/// the list is a higher level than a later one when both appear in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// `第一章 x`, `第二部分 x`.
    Chapter,
    /// `一、x`.
    CnNumber,
    /// `（一）x`.
    CnParen,
    /// `1. x`, `1、x` (only as a run, decided by the assembler).
    Arabic,
    /// A part head over plain subheads: a line ending in `——` that announces the subheads
    /// under it (`如何在美国把贪官送进监狱——`), or a closing section (`结语`).
    Part,
    /// `◆ x ◆`, `■ x`, `【x】`, a bold line, or a short title-like line.
    Plain,
}

/// Decorations that mark a heading line.
const DECORATIONS: &[char] = &['◆', '◇', '■', '□', '●', '▲', '★', '☆', '◎', '▌', '▍', '▶'];

/// Punctuation that ends a sentence or a clause: a line containing it is prose, not a heading.
const SENTENCE_PUNCT: &[char] = &['。', '；', '！', '？', '，', ';', '!', '?'];

/// Counts display characters; headings are short.
fn len(s: &str) -> usize {
    s.chars().count()
}

/// Whether a text could be a heading's content: short, and no sentence punctuation.
pub fn heading_like(s: &str) -> bool {
    let n = len(s);
    if n == 0 || s.contains(SENTENCE_PUNCT) {
        return false;
    }
    let cjk = s.chars().any(is_cjk);
    if cjk {
        n <= 30
    } else {
        n <= 70 && s.split_whitespace().count() <= 10 && !s.contains(". ")
    }
}

/// Whether a text could be a numbered heading's content (`一、x`, `（一）x`, `1、x`): these may
/// hold a comma (`三、提升农业发展质量，培育乡村发展新动能`) and end with a question
/// (`1、一个不知名的开源项目可以带来多少收入？（中文）`), but hold no full stop.
pub fn numbered_like(s: &str) -> bool {
    let n = len(s);
    let question_inside = without_note(s)
        .trim_end_matches(['？', '?'])
        .contains(['？', '?']);
    n > 0
        && n <= 40
        && !s.contains(['。', '；', '！', ';', '!'])
        && !question_inside
        && !s.ends_with(['，', ','])
}

/// `s` without a bracketed note at its end (`…收入？（中文）` → `…收入？`).
fn without_note(s: &str) -> &str {
    let t = s.trim_end();
    if t.ends_with(['）', ')'])
        && let Some(i) = t.rfind(['（', '('])
    {
        return t.get(..i).unwrap_or(t).trim_end();
    }
    t
}

/// A line with a heading marker: its style and its text without decoration.
pub fn marked(line: &str) -> Option<(Style, String)> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    // Decorated: ◆ x ◆, ■ x.
    if t.starts_with(DECORATIONS) {
        let inner = t.trim_matches(|c: char| DECORATIONS.contains(&c) || c.is_whitespace());
        return heading_like(inner).then(|| (Style::Plain, inner.to_string()));
    }
    // 【x】 on its own line.
    if let Some(inner) = t.strip_prefix('【').and_then(|x| x.strip_suffix('】')) {
        let inner = inner.trim();
        if !inner.contains(['【', '】']) && !lexicon::contains_any(inner, NOT_HEADINGS) {
            return heading_like(inner).then(|| (Style::Plain, inner.to_string()));
        }
        return None;
    }
    // 第一章 x, 第三部分 x.
    if let Some(rest) = t.strip_prefix('第') {
        let num_end = rest
            .char_indices()
            .find(|&(_, c)| !(is_cn_numeral(c) || c.is_ascii_digit()))
            .map_or(rest.len(), |(i, _)| i);
        if num_end > 0
            && let Some(after) = rest.get(num_end..)
        {
            for unit in ["章", "节", "節", "部分", "编", "篇", "卷"] {
                if let Some(title) = after.strip_prefix(unit) {
                    let title = title.trim_start_matches([' ', '　', ':', '：']);
                    return (title.is_empty() || numbered_like(title))
                        .then(|| (Style::Chapter, t.to_string()));
                }
            }
        }
    }
    // 一、x
    if t.starts_with(is_cn_numeral) {
        let after_num = t.find(|c: char| !is_cn_numeral(c)).unwrap_or(t.len());
        if let Some(title) = t.get(after_num..).and_then(|r| r.strip_prefix('、')) {
            return numbered_like(title.trim()).then(|| (Style::CnNumber, t.to_string()));
        }
    }
    // （一）x
    if let Some(rest) = t.strip_prefix(['（', '('])
        && let Some(close) = rest.find(['）', ')'])
        && let Some(num) = rest.get(..close)
        && !num.is_empty()
        && num.chars().all(is_cn_numeral)
    {
        let title = rest
            .get(close..)
            .unwrap_or_default()
            .trim_start_matches(['）', ')'])
            .trim();
        return numbered_like(title).then(|| (Style::CnParen, t.to_string()));
    }
    None
}

/// A numbered line `1. x` / `1、x` / `1 x`, or `1x` with the number run into a CJK title
/// (`1弯弯怎么录下视频？`): its number and its text as printed. Whether it is a heading depends
/// on its neighbours (see the assembler).
/// Whether the texts `next` open a numbered list: the first is item 1 and item 2 follows
/// within the next three (an item may carry a line of its own under it).
pub(super) fn opens_list<'a>(mut next: impl Iterator<Item = &'a str>) -> bool {
    // `1.浙江…`, `2、…`, `3) …`: a number, a mark, then no digit (`1.5` is a number).
    let number = |t: &str| {
        let t = t.trim();
        let end = t.find(|c: char| !c.is_ascii_digit())?;
        let rest = t.get(end..)?.strip_prefix(['.', '．', '、', ')', '）'])?;
        ((1..=2).contains(&end)
            && !rest.starts_with(|c: char| c.is_ascii_digit())
            && !rest.trim().is_empty())
        .then(|| t.get(..end)?.parse::<u32>().ok())
        .flatten()
    };
    next.next().is_some_and(|t| number(t) == Some(1)) && next.take(3).any(|t| number(t) == Some(2))
}

pub fn numbered(line: &str) -> Option<(u32, String)> {
    let t = line.trim();
    let digits_end = t.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 || digits_end > 2 {
        return None;
    }
    let n: u32 = t.get(..digits_end)?.parse().ok()?;
    let rest = t.get(digits_end..)?;
    if let Some(title) = rest.strip_prefix('、') {
        // After `、` the title may start with a number (`2、5个改善用户体验的 HTML 属性`).
        let title = title.trim();
        let ok = if title.chars().any(is_cjk) {
            numbered_like(title)
        } else {
            heading_like(title)
        };
        return ok.then(|| (n, t.to_string()));
    }
    let title = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix('．'))
        .or_else(|| rest.strip_prefix(' '))
        .or_else(|| {
            rest.starts_with(|c: char| is_cjk(c) && !is_measure_word(c))
                .then_some(rest)
        })?
        .trim();
    // `17.00` and `1.5` are numbers, not list markers; `. ` requires the space.
    let ok = if title.chars().any(is_cjk) {
        numbered_like(title)
    } else {
        heading_like(title)
    };
    (ok && !title.starts_with(|c: char| c.is_ascii_digit())).then(|| (n, t.to_string()))
}

/// A line that is only a section number (`1`, `01`, `**02**` once bold is removed): it
/// belongs to the heading that follows.
pub fn bare_number(line: &str) -> Option<u32> {
    let t = line.trim();
    if (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

/// A credit line: a role word of the lexicon (`原创`, `摄影`, `作者`, `Source`), then a colon,
/// rather than a heading such as `周泽：这是一个冤案`.
fn label_line(t: &str) -> bool {
    t.split_once(['：', ':']).is_some_and(|(label, _)| {
        let label = label.trim();
        ROLES
            .iter()
            .any(|(w, _)| lexicon::starts(label, w) == Some(label.len()))
            || ENGLISH_ROLES.iter().any(|(w, _)| *w == label)
    })
}

/// Text decoded with the wrong table: Japanese kana sprinkled through Chinese characters
/// (`Ｆ殉こ乔康鳎`), where real Japanese has kana in every phrase.
fn garbled(t: &str) -> bool {
    let kana = t
        .chars()
        .filter(|c| matches!(c, '\u{3040}'..='\u{30FF}'))
        .count();
    let cjk = t.chars().filter(|&c| is_cjk(c)).count();
    kana > 0 && kana * 4 < cjk
}

/// The shape of an unmarked subhead line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A short title-like line.
    Plain,
    /// A question (`狂奔之下的“暗伤”曝露？`), a subhead only when questions are rare.
    Question,
    /// A part head (`…——`, `结语`).
    Part,
}

/// The shape of a short line with no marker that could be a subhead when it stands between
/// paragraphs (the assembler checks the neighbours): short, no sentence punctuation inside, not
/// ending like a sentence or a fragment, not a credit, an attribution, a timestamp or a
/// caption credit.
pub fn subhead(line: &str) -> Option<Shape> {
    let t = line.trim();
    if !at_most(t, 70) {
        return None;
    }
    let n = len(t);
    let cjk = t.chars().any(is_cjk);
    if n < 2 || cjk && n > 40 || !cjk && t.split_whitespace().count() > 12 {
        return None;
    }
    if SECTIONS
        .iter()
        .any(|w| lexicon::starts(t, w) == Some(t.len()))
    {
        return Some(Shape::Part);
    }
    if let Some(head) = t.strip_suffix("——") {
        return (cjk && numbered_like(head)).then_some(Shape::Part);
    }
    // `Planes, trains ...` / `... and automobiles`: an English subhead set in two parts. A
    // Chinese line trailing off in `……` is a sentence.
    let ellipsis = !cjk && (t.ends_with("...") || t.ends_with('…') || t.starts_with("..."));
    let body = t.trim_end_matches(['？', '?']).trim_end_matches("...");
    let body = body.trim_start_matches("...").trim();
    if body.is_empty()
        || body
            .chars()
            .any(|c| matches!(c, '。' | '；' | '！' | ';' | '!' | '？' | '?'))
    {
        return None;
    }
    if cjk && t.ends_with('…') || garbled(t) {
        return None;
    }
    // Commas belong to Chinese subheads (`宾客近百人，获赠礼物`) but make Latin lines sentences.
    if !cjk && body.contains(',') && !ellipsis {
        return None;
    }
    let first = t.chars().next().unwrap_or(' ');
    let last = body.chars().last().unwrap_or(' ');
    // Ends like a fragment: not a heading.
    if !ellipsis && "。.:：、,，—-(（“‘「《/".contains(last) {
        return None;
    }
    // A label line (`原创：某某`) or an attribution (`——某某`).
    if t.starts_with("——") || t.starts_with('[') || label_line(t) {
        return None;
    }
    // A fragment of a broken sentence, a timestamp, a bare number or a caption credit.
    if first.is_lowercase()
        || first.is_ascii_digit() && t.chars().all(|c| c.is_ascii_digit() || ".:%".contains(c))
        || t.starts_with("图/")
        || t.starts_with("圖/")
        || t.starts_with("图片")
    {
        return None;
    }
    let real = if cjk {
        // At least a few characters of real text.
        t.chars().filter(|&c| is_cjk(c)).count() >= 2
    } else {
        // Latin headings start with a capital (or an ellipsis) and have two words.
        (first.is_uppercase() || t.starts_with("...")) && t.split_whitespace().count() >= 2
    };
    let question = t.ends_with(['？', '?']);
    real.then_some(if question {
        Shape::Question
    } else {
        Shape::Plain
    })
}

#[cfg(test)]
mod tests;
