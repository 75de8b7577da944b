//! Recognising headings in plain text: decorated lines (`◆ x ◆`), `【x】`, `一、x`, `（一）x`,
//! `第一章`, numbered lines, and short title-like lines. Each recogniser looks at one line; the
//! decisions that need context (runs of numbered lines, blank lines around a plain line) are
//! made by the assembler with the [`Style`] returned here.

use super::meta::is_cjk;

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
    /// `◆ x ◆`, `■ x`, `【x】`, a bold line, or a short title-like line.
    Plain,
}

/// Decorations that mark a heading line.
const DECORATIONS: &[char] = &['◆', '◇', '■', '□', '●', '▲', '★', '☆', '◎', '▌', '▍', '▶'];

/// Punctuation that ends a sentence or a clause: a line containing it is prose, not a heading.
const SENTENCE_PUNCT: &[char] = &['。', '；', '！', '？', '，', ';', '!', '?'];

/// Chinese numerals used for section numbers.
fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十百零〇两".contains(c)
}

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

/// Whether a text could be a numbered heading's content (`一、x`, `（一）x`): these may hold a
/// comma (`三、提升农业发展质量，培育乡村发展新动能`) but not a full stop.
pub fn numbered_like(s: &str) -> bool {
    let n = len(s);
    n > 0
        && n <= 40
        && !s.contains(['。', '；', '！', '？', ';', '!', '?'])
        && !s.ends_with(['，', ','])
}

/// A line with a heading marker, with the marker removed.
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
        let note = [
            "略",
            "视频",
            "視頻",
            "图",
            "圖",
            "编者按",
            "編者按",
            "文/",
            "作者",
            "记者",
        ];
        if !inner.contains(['【', '】']) && !note.iter().any(|w| inner.contains(w)) {
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
        if num_end > 0 {
            let after = &rest[num_end..];
            for unit in ["章", "节", "節", "部分", "编", "篇", "卷"] {
                if let Some(title) = after.strip_prefix(unit) {
                    let whole = t.to_string();
                    let title = title.trim_start_matches([' ', '　', ':', '：']);
                    return (title.is_empty() || numbered_like(title))
                        .then_some((Style::Chapter, whole));
                }
            }
        }
    }
    // 一、x
    let mut chars = t.char_indices();
    if let Some((_, c)) = chars.next()
        && is_cn_numeral(c)
    {
        let after_num = t.find(|c: char| !is_cn_numeral(c)).unwrap_or(t.len());
        if let Some(title) = t[after_num..].strip_prefix('、') {
            let title = title.trim();
            return numbered_like(title).then(|| (Style::CnNumber, title.to_string()));
        }
    }
    // （一）x
    if let Some(rest) = t.strip_prefix(['（', '('])
        && let Some(close) = rest.find(['）', ')'])
    {
        let num = &rest[..close];
        if !num.is_empty() && num.chars().all(is_cn_numeral) {
            let title = rest[close..].trim_start_matches(['）', ')']).trim();
            return numbered_like(title).then(|| (Style::CnParen, title.to_string()));
        }
    }
    None
}

/// A numbered line `1. x` / `1、x` / `1 x`: its number and text. Whether it is a heading
/// depends on its neighbours (see the assembler).
pub fn numbered(line: &str) -> Option<(u32, String)> {
    let t = line.trim();
    let digits_end = t.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 || digits_end > 2 {
        return None;
    }
    let n: u32 = t[..digits_end].parse().ok()?;
    let rest = &t[digits_end..];
    let title = rest
        .strip_prefix("、")
        .or_else(|| rest.strip_prefix(". "))
        .or_else(|| rest.strip_prefix('．'))
        .or_else(|| rest.strip_prefix(' '))?
        .trim();
    // `17.00` and `1.5` are numbers, not list markers; `. ` requires the space.
    (heading_like(title) && !title.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| (n, title.to_string()))
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

/// Words that, before a colon, make a line a credit (`原创：某某`, `摄影：某某`) rather than a
/// heading such as `周泽：这是一个冤案`.
const CREDITS: &[&str] = &[
    "原创", "作者", "来源", "编辑", "责编", "记者", "摄影", "图", "文", "出品", "策划", "校对",
    "审核", "监制", "统筹", "翻译", "编译", "Source", "Photo", "By",
];

/// A credit line: a credit word, then a colon.
fn label_line(t: &str) -> bool {
    t.split_once(['：', ':'])
        .is_some_and(|(label, _)| CREDITS.contains(&label.trim()))
}

/// A short title-like line with no marker: a heading candidate when it stands apart (the
/// assembler checks the neighbours).
pub fn plain_candidate(line: &str) -> bool {
    let t = line.trim();
    if !heading_like(t) || len(t) < 2 {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    let last = t.chars().last().unwrap_or(' ');
    // Ends like a sentence or a fragment: not a heading.
    if "。.:：、,，…—-(（“‘「《/".contains(last) {
        return false;
    }
    // A label line (`原创：某某`) or an attribution (`——某某`).
    if t.starts_with("——") || t.starts_with('[') || label_line(t) {
        return false;
    }
    // A fragment of a broken sentence, a timestamp, a bare number or a caption credit.
    if first.is_lowercase()
        || first.is_ascii_digit() && t.chars().all(|c| c.is_ascii_digit() || ".:%".contains(c))
        || t.starts_with("图/")
        || t.starts_with("圖/")
        || t.starts_with("图片")
    {
        return false;
    }
    if t.chars().any(is_cjk) {
        // At least a few characters of real text.
        t.chars().filter(|&c| is_cjk(c)).count() >= 2
    } else {
        // Latin headings start with a capital and have at least two words.
        first.is_uppercase() && t.split_whitespace().count() >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decorated_lines() {
        assert_eq!(
            marked("\u{a0}◆ 学习有高潮 ◆\u{a0}\u{a0}"),
            Some((Style::Plain, "学习有高潮".into()))
        );
        assert_eq!(
            marked("■ 今日要闻"),
            Some((Style::Plain, "今日要闻".into()))
        );
        assert_eq!(
            marked("★★ 春天来了 ★★"),
            Some((Style::Plain, "春天来了".into()))
        );
        assert_eq!(marked("● 他说，今天下雨了。"), None);
    }

    #[test]
    fn bracketed_lines() {
        assert_eq!(marked("【记者手记】"), None);
        assert_eq!(
            marked("【新的开始】"),
            Some((Style::Plain, "新的开始".into()))
        );
        assert_eq!(marked("【视频略】"), None);
    }

    #[test]
    fn numbered_chinese() {
        assert_eq!(
            marked("一、过去五年的工作"),
            Some((Style::CnNumber, "过去五年的工作".into()))
        );
        assert_eq!(marked("十二、结语"), Some((Style::CnNumber, "结语".into())));
        assert_eq!(
            marked("（三）基本原则"),
            Some((Style::CnParen, "基本原则".into()))
        );
        assert_eq!(marked("（一）所有的人都来了，大家很高兴；"), None);
        assert_eq!(marked("一、我们去了公园。然后回家吃饭，一直到晚上。"), None);
        assert_eq!(
            marked("第一章 总则"),
            Some((Style::Chapter, "第一章 总则".into()))
        );
        assert_eq!(marked("第一次来到这里"), None);
    }

    #[test]
    fn numbered_lines() {
        assert_eq!(numbered("1. 准备工作"), Some((1, "准备工作".into())));
        assert_eq!(numbered("2、动手"), Some((2, "动手".into())));
        assert_eq!(numbered("17.00 We are going to leave"), None);
        assert_eq!(numbered("1.5倍的增长"), None);
        assert_eq!(bare_number("3"), Some(3));
        assert_eq!(bare_number("115.395"), None);
    }

    #[test]
    fn plain_candidates() {
        assert!(plain_candidate("群星捧场 谢娜张杰亮相"));
        assert!(plain_candidate("Will winds whip parade balloons"));
        assert!(!plain_candidate("他的表情很复杂。"));
        assert!(!plain_candidate("did"));
        assert!(!plain_candidate("17.00"));
        assert!(!plain_candidate("青年报 杨颖，"));
        assert!(!plain_candidate("图/pixabay"));
        assert!(!plain_candidate("原创：某某编译"));
        assert!(plain_candidate("周泽：这是一个冤案"));
    }
}
