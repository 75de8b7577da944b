//! The info line that news sites and CMS pages print over or under a story, a row of labelled
//! fields: `发布时间：2022-02-13 04:22:18 来源： 云南日报`, `发布日期：2019-03-06 责任编辑：龙慧`,
//! `作者:zboygirl 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30`, `时间：2004年10月21日14:18
//! 作者：郭励弘`. Only labels followed by a colon count; a value runs to the next label.

use super::roles::{Kind, role_at};
use super::{Credits, collapse, is_source_value};
use crate::article::lexicon::{self, INFO_LABELS};
use crate::script::{alphanumeric, at_most, is_han};
use crate::search::simplified_char;

/// Whether a label of [`INFO_LABELS`] may start with `c`: most text is ruled out before the
/// list is read.
fn starts_an_info_label(c: char) -> bool {
    static FIRSTS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| {
        let mut v: Vec<char> = INFO_LABELS
            .iter()
            .filter_map(|w| w.chars().next())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    firsts.binary_search(&simplified_char(c)).is_ok()
}

/// What an info line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(in crate::article) struct Info {
    /// The credits in it.
    pub(in crate::article) credits: Credits,
    /// The text of its date field, if it has one.
    pub(in crate::article) date: Option<String>,
}

/// A label at the start of `s` followed by a colon: its text, its kind (`None` for an info
/// label) and the byte length through the colon.
fn label_at(s: &str) -> Option<(Option<Kind>, usize)> {
    let (word, kind) = match role_at(s) {
        Some((w, k)) => (w, Some(k)),
        None if !starts_an_info_label(s.chars().next()?) => return None,
        None => {
            let (_, len) = lexicon::starts_any(s, INFO_LABELS)?;
            (s.get(..len)?, None)
        }
    };
    let after = s.get(word.len()..)?;
    let spaced = after.trim_start_matches([' ', '\u{3000}', '\u{a0}']);
    match spaced.strip_prefix(['：', ':', '︱', '｜']) {
        Some(colon) => Some((kind, s.len() - colon.len())),
        // `发表于 2005-9-15 11:46:00`: a date label may go without its colon.
        None if kind.is_none()
            && spaced.len() < after.len()
            && spaced.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            Some((kind, s.len() - spaced.len()))
        }
        None => None,
    }
}

/// The names at the start of a value: words that look like names, up to the first that does
/// not (`zboygirl 阅读(1660)` → `zboygirl`; `宋怡 杨志华` → both).
fn leading_names(value: &str) -> Option<String> {
    // `赵婕出自[人民文学出版社]`: a name run into the next label.
    let value = match INFO_LABELS
        .iter()
        .filter_map(|l| lexicon::find(value, l))
        .min()
    {
        Some(at) if at > 0 => value.get(..at).unwrap_or(value),
        _ => value,
    };
    let names: Vec<&str> = value
        .split_whitespace()
        .take_while(|w| {
            let n = w.chars().count();
            w.chars().all(is_han) && (2..=4).contains(&n)
                || w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                    && (2..=20).contains(&n)
                    && w.chars().any(|c| c.is_ascii_alphabetic())
                || w.contains('、') && w.split('、').all(|p| p.chars().all(is_han))
        })
        .take(4)
        .collect();
    (!names.is_empty()).then(|| names.join(" "))
}

/// Reads an info line: at least one labelled field, and nothing before the first label but a
/// date or a few words.
pub(in crate::article) fn info_line(line: &str) -> Option<Info> {
    let t = line.trim();
    if !at_most(t, 160) {
        return None;
    }
    // Every labelled field: (kind, start of label, start of value).
    let mut fields: Vec<(Option<Kind>, usize, usize)> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        // A label starts a field after a space or punctuation (`原文：` holds no `文：` label).
        let boundary = prev.is_none_or(|p| !alphanumeric(p));
        if boundary
            && let Some(rest) = t.get(i..)
            && let Some((kind, used)) = label_at(rest)
            && fields.last().is_none_or(|&(_, _, v)| v <= i)
        {
            fields.push((kind, i, i + used));
        }
        prev = Some(c);
    }
    let first = fields.first()?.1;
    let lead = t.get(..first)?.trim();
    if !at_most(lead, 50) || lead.contains(['，', '。', ',']) {
        return None;
    }
    let mut info = Info::default();
    let mut bylines = Vec::new();
    if !lead.is_empty() {
        info.date = super::super::meta::find_date(lead).map(|_| lead.to_string());
        // `ggjjzhzz 发表于 …`, `2004年7月16日08:19 [ 黄宇 ] 来源：…`: the writer before the fields.
        let bracketed = lead
            .rsplit_once('[')
            .and_then(|(_, r)| r.split_once(']'))
            .map(|(name, _)| name.trim());
        let alone = (!lead.contains(char::is_whitespace)).then_some(lead);
        if let Some(name) = bracketed.or(alone)
            && info.date.as_deref() != Some(name)
            && name.chars().count() >= 2
            && leading_names(name).as_deref() == Some(name)
        {
            bylines.push(name.to_string());
        }
    }
    for (n, &(kind, _, value_start)) in fields.iter().enumerate() {
        let end = fields.get(n + 1).map_or(t.len(), |&(_, s, _)| s);
        let value = t.get(value_start..end)?.trim();
        match kind {
            None => {
                if info.date.is_none() && super::super::meta::find_date(value).is_some() {
                    info.date = Some(value.to_string());
                }
                // `发布时间 2005/03/15 22:36:13 by duscha`
                if let Some((_, by)) = value.rsplit_once(" by ")
                    && let Some(name) = leading_names(by.trim_end_matches(['〓', ' ']))
                {
                    bylines.push(name);
                }
            }
            Some(Kind::Author | Kind::Reporter) => bylines.extend(leading_names(value)),
            Some(Kind::Editor) => {
                if info.credits.editor.is_none() {
                    info.credits.editor = leading_names(value);
                }
            }
            Some(Kind::Source) => {
                let v = value.trim_matches(['[', ']', ' ', '【', '】']).trim();
                let v = v.split_whitespace().next().unwrap_or_default();
                if info.credits.source.is_none() && is_source_value(v) {
                    info.credits.source = Some(collapse(v));
                }
            }
            Some(Kind::Account | Kind::Other) => {}
        }
    }
    if !bylines.is_empty() {
        info.credits.byline = Some(bylines.join(" "));
    }
    let c = &info.credits;
    let said =
        info.date.is_some() || c.byline.is_some() || c.editor.is_some() || c.source.is_some();
    said.then_some(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_labels_start_with_their_characters_in_either_script() {
        for c in ['发', '發', '时', '時', '浏', '瀏'] {
            assert!(starts_an_info_label(c), "{c}");
        }
        assert!(!starts_an_info_label('他'));
    }

    /// Info lines from real pages, and what they say.
    #[test]
    fn info_lines() {
        for (line, byline, editor, source, date) in [
            (
                "发布时间：2022-02-13 04:22:18 来源： 云南日报",
                None,
                None,
                Some("云南日报"),
                Some("2022-02-13 04:22:18"),
            ),
            (
                "发布日期：2019-03-06 责任编辑：龙慧",
                None,
                Some("龙慧"),
                None,
                Some("2019-03-06"),
            ),
            (
                "作者:zboygirl 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30",
                Some("zboygirl"),
                None,
                None,
                Some("2005-07-31 12:30"),
            ),
            (
                "时间：2004年10月21日14:18 作者：郭励弘 我来说两句( 0 )",
                Some("郭励弘"),
                None,
                None,
                Some("2004年10月21日14:18"),
            ),
            (
                "2019-09-07 19:53:27 来源：网易",
                None,
                None,
                Some("网易"),
                Some("2019-09-07 19:53:27"),
            ),
            (
                "编辑： 金金 来源： 21世纪经济报道 作者：宋怡 杨志华",
                Some("宋怡 杨志华"),
                Some("金金"),
                Some("21世纪经济报道"),
                None,
            ),
            (
                "主题： 导游为什么热衷购物？ 作者： 芊草凡凡 时间： 2005-08-22 19:13:18",
                Some("芊草凡凡"),
                None,
                None,
                Some("2005-08-22 19:13:18"),
            ),
        ] {
            let info = info_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(info.credits.byline.as_deref(), byline, "{line}");
            assert_eq!(info.credits.editor.as_deref(), editor, "{line}");
            assert_eq!(info.credits.source.as_deref(), source, "{line}");
            assert_eq!(info.date.as_deref(), date, "{line}");
        }
        for line in [
            "他说，时间：就是生命。我们要抓紧，不能浪费任何一分钟，这是最重要的事情，大家都懂的道理，还要再说很多遍才行，这样才好",
            "记者了解到，出席答谢宴的宾客近百人。",
            "这是一段普通的文字",
        ] {
            assert_eq!(info_line(line), None, "{line}");
        }
    }

    /// Blog and forum info lines: a date label without its colon, the writer before the
    /// fields or after `by`.
    #[test]
    fn blog_and_forum_lines() {
        for (line, byline, date) in [
            (
                "ggjjzhzz 发表于 2005-9-15 11:46:00",
                "ggjjzhzz",
                "2005-9-15 11:46:00",
            ),
            (
                "〓 网易娱乐 明星话题 发布时间 2005/03/15 22:36:13 by duscha 〓",
                "duscha",
                "2005/03/15 22:36:13 by duscha 〓",
            ),
            (
                "2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]",
                "黄宇",
                "2004年7月16日08:19 [ 黄宇 ]",
            ),
        ] {
            let info = info_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(info.credits.byline.as_deref(), Some(byline), "{line}");
            assert_eq!(info.date.as_deref(), Some(date), "{line}");
        }
    }
}
