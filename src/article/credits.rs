//! Credit lines: who wrote, edited and published an article, as news sites print it at the
//! head or the foot of the text. One table of role words (`记者`, `责编`, `来源`, `出品`, `校对`…)
//! reads all the shapes: a label and a value (`编辑:陆天逸`, `作者︱春春`, `[责任编辑:肖春芳]`),
//! several credits on one line (`文字：… 图片：… 编辑：… 责编：…`, `编辑 陈薇 李骁晋 校对 郭利琴`),
//! a reporter line (`本报记者 苏雁 本报通讯员 姬尊雨`, `新京报记者 庞礡 实习生 郑洁`), a credit in
//! brackets glued to the last paragraph (`…。（编辑：张铭坤）`), a WeChat account line
//! (`原创：路闻卓立编译人民币交易与研究`) and photo credits (`新华社发（张春雷　摄）`).

mod apart;
mod english;
mod info;
mod roles;
mod sources;

pub(super) use apart::{bare_byline, glued};
pub(super) use info::{Info, info_line};
pub(super) use sources::{is_agency, photo_credit, provenance, provenance_at};

use crate::script::{at_most, is_cjk, is_han};
use crate::search::simplified_char;
use english::english;
use roles::{Kind, role_at, runs_into_name};

/// Characters that separate a role word from its value.
const SEPARATORS: &[char] = &['：', ':', '︱', '|', '｜', '/', '／', '\\', ' ', '\u{3000}'];

/// Decorations that open a credit line (`◎作者`, `■ 记者`, `□ 本报记者`, `> 作者：`).
const LEADERS: &[char] = &['◎', '■', '□', '●', '◆', '▲', '★', '>', ' ', '\u{3000}'];

/// What one or more credits on a line say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Credits {
    /// The byline: a writer's name, or a reporter credit as printed.
    pub(super) byline: Option<String>,
    /// The editors.
    pub(super) editor: Option<String>,
    /// The publisher or the source.
    pub(super) source: Option<String>,
    /// A place the report was filed from (`山东冠县报道`, `发自北京`).
    pub(super) place: Option<String>,
    /// The byline names reporters (`记者`), which outranks a writer label.
    pub(super) reporter: bool,
}

/// `s` without one pair of brackets around the whole of it.
fn unwrap(s: &str) -> &str {
    for (open, close) in [
        ('（', '）'),
        ('(', ')'),
        ('[', ']'),
        ('【', '】'),
        ('〔', '〕'),
    ] {
        if let Some(inner) = s.strip_prefix(open).and_then(|x| x.strip_suffix(close))
            && !inner.contains([open, close])
        {
            return inner.trim();
        }
    }
    s
}

/// Whether the text at byte `i` of `s` starts another credit: a role word after a space or a
/// separator, or one followed by a separator (`…张三参与报道：李四`).
fn next_role(s: &str, from: usize) -> usize {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if i >= from
            && let Some(rest) = s.get(i..)
            && let Some((word, _)) = role_at(rest)
        {
            let after = rest.get(word.len()..).unwrap_or_default();
            let spaced = prev.is_none_or(|p| p.is_whitespace() || SEPARATORS.contains(&p));
            let labelled = after.starts_with(['：', ':', '︱', '｜', '|']);
            // A lone `文`/`图` starts a credit only as a label (`文/`, `图：`).
            let short = word.chars().count() == 1;
            if labelled || spaced && (!short || after.starts_with(['/', '／'])) {
                return i;
            }
        }
        prev = Some(c);
    }
    s.len()
}

/// Splits a value into names at the separators lists use.
fn names(value: &str) -> Vec<&str> {
    value
        .split(|c: char| c.is_whitespace() || "、，,;；&和及".contains(c))
        .filter(|n| !n.is_empty())
        .collect()
}

/// `史建磊_NBJ11331` → `史建磊`: a staff code after an underscore is not part of the name.
fn without_staff_code(name: &str) -> &str {
    match name.split_once('_') {
        Some((n, code)) if !n.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric()) => n,
        _ => name,
    }
}

/// A value that is a list of people: a few short names, no sentence.
fn is_name_list(value: &str) -> bool {
    let list = names(value);
    !list.is_empty()
        && list.len() <= 8
        && !value.contains(['。', '！', '？', '；', ';', '!', '?'])
        && list.iter().all(|n| is_name_token(n))
}

/// One name in a credit: a Chinese name of one to four characters (`庞礡`, `欧阳修文`), a
/// transliterated one (`莱斯特·布朗`), or a Latin word or handle (`Alex`, `史建磊_NBJ11331`).
fn is_name_token(n: &str) -> bool {
    let count = n.chars().count();
    if n.chars().all(is_han) {
        (1..=4).contains(&count)
    } else if n.contains('·') {
        count <= 12 && n.split('·').all(|p| !p.is_empty())
    } else {
        count <= 20
            && n.chars().any(|c| c.is_alphabetic())
            && n.chars().all(|c| c.is_alphanumeric() || "_-.'".contains(c))
    }
}

/// A name as a layout printed it, tidied: `赵 培` (a two-character name padded to the width
/// of three) → `赵培`, and an affiliation after a colon left out (`赵 培：北京物资学院` → `赵培`).
pub(super) fn tidy_name(value: &str) -> String {
    let v = value.split(['：', ':']).next().unwrap_or(value).trim();
    let words: Vec<&str> = v.split_whitespace().collect();
    let single = |w: &&str| w.chars().count() == 1 && w.chars().all(is_han);
    if words.len() == 2 && words.iter().all(single) {
        return words.concat();
    }
    collapse(v)
}

/// A value that names a publisher: short and not a sentence.
fn is_source_value(value: &str) -> bool {
    let n = value.chars().count();
    (1..=30).contains(&n)
        && !value.contains(['。', '！', '？', '；', '=', '"', '<', '>'])
        && value.chars().any(char::is_alphanumeric)
}

/// `彭冲 山东冠县报道` → (`彭冲`, `山东冠县`): the place a report was filed from, at the end of a
/// reporter credit.
fn filed_from(value: &str) -> (&str, Option<&str>) {
    let trimmed = value.trim();
    // `秦寬 海舟 發自北京 上海` (most values hold no `自`, which is looked for at once)
    if trimmed.contains('自')
        && let Some((who, place)) = trimmed
            .split_once("发自")
            .or_else(|| trimmed.split_once("發自"))
        && !who.trim().is_empty()
        && !place.trim().is_empty()
    {
        return (who.trim(), Some(place.trim()));
    }
    if (trimmed.ends_with("报道") || trimmed.ends_with("報導"))
        && let Some((who, last)) = trimmed.rsplit_once(char::is_whitespace)
        && let Some(place) = last
            .strip_suffix("报道")
            .or_else(|| last.strip_suffix("報導"))
        && !place.is_empty()
        && place.chars().all(is_han)
    {
        return (who.trim(), Some(place));
    }
    (trimmed, None)
}

/// A reporter's credit run into the lead before a space (`本报记者黄涛报道 经过两天的评审…`):
/// the credit and the byte index where the story starts.
pub(super) fn run_in(text: &str) -> Option<(Credits, usize)> {
    let t = text.trim_start();
    let (at, _) = t
        .char_indices()
        .take(17)
        .find(|&(_, c)| c == ' ' || c == '\u{3000}')?;
    let c = parse(t.get(..at)?)?;
    let story = t.get(at..)?.trim_start();
    let long = !at_most(story, 30);
    // The words after the role are names (`记者了解到 …` is a sentence, not a credit).
    let names = c.byline.as_deref().is_some_and(|b| {
        let who = b.rsplit(['者', ' ']).next().unwrap_or(b);
        let who = who.trim_end_matches("报道").trim();
        who.split(['、', ' ']).all(crate::script::looks_like_name)
    });
    (long && c.reporter && names).then(|| (c, text.len() - story.len()))
}

/// Reads a line made only of credits. `None` when any part of it is not a credit.
pub(super) fn parse(line: &str) -> Option<Credits> {
    let t = line.trim().trim_start_matches(LEADERS).trim();
    let t = unwrap(t).trim_start_matches(LEADERS).trim();
    if t.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return english(t);
    }
    if t.is_empty() || !at_most(t, 90) {
        return None;
    }
    let unescaped;
    let t = if t.contains('\\') {
        unescaped = t.replace("\\|", "|");
        unescaped.as_str()
    } else {
        t
    };
    if let Some(out) = names_then_role(t) {
        return Some(out);
    }
    // An organisation before the first reporter role: `新京报记者`, `中央社記者`.
    let mut pos = 0;
    let mut org = "";
    if role_at(t).is_none() {
        // `（姚峰 上海报道）`: names and the place filed from, with no role word.
        if let (who, Some(place)) = filed_from(t)
            && is_name_list(who)
        {
            return Some(Credits {
                byline: Some(collapse(who)),
                place: Some(place.to_string()),
                reporter: true,
                ..Credits::default()
            });
        }
        let start = t
            .char_indices()
            .take(13)
            .find(|&(i, _)| {
                i > 0
                    && t.get(i..)
                        .and_then(role_at)
                        .is_some_and(|(_, k)| k == Kind::Reporter)
            })
            .map(|(i, _)| i)?;
        org = t.get(..start)?.trim_end();
        if org.is_empty()
            || !org
                .chars()
                .all(|c| is_cjk(c) || c.is_ascii_alphanumeric() || c == '·')
        {
            return None;
        }
        pos = start;
    }
    let mut out = Credits::default();
    let mut bylines: Vec<String> = Vec::new();
    let mut any = false;
    while pos < t.len() {
        let rest = t.get(pos..)?.trim_start();
        if rest.is_empty() {
            break;
        }
        let (word, kind) = role_at(rest)?;
        let after_word = rest.get(word.len()..)?;
        let value_from = after_word.trim_start_matches(SEPARATORS);
        let separated = value_from.len() != after_word.len();
        if !separated && !runs_into_name(kind) {
            return None;
        }
        let value_start = t.len() - value_from.len();
        let end = next_role(t, value_start);
        let value = t.get(value_start..end)?.trim();
        pos = end;
        any = true;
        // `责任编辑：` with nothing after it is still a credit line.
        if value.is_empty() {
            continue;
        }
        match kind {
            Kind::Author | Kind::Reporter => {
                let (who, place) = filed_from(value);
                // `马俊峰/文`, `张三/摄`: a name and what it did.
                let who = match who.split_once(['/', '／']) {
                    Some((name, did))
                        if did
                            .chars()
                            .next()
                            .is_some_and(|c| "文摄图".contains(simplified_char(c))) =>
                    {
                        name
                    }
                    _ => who,
                };
                let limit = if kind == Kind::Author { 24 } else { 12 };
                let ok = if kind == Kind::Author {
                    who.chars().count() <= limit && !who.contains(['。', '！', '？', '；'])
                } else {
                    is_name_list(who)
                };
                if !ok {
                    return None;
                }
                if out.place.is_none() {
                    out.place = place.map(collapse);
                }
                if kind == Kind::Reporter {
                    out.reporter = true;
                    let role = if bylines.is_empty() {
                        format!("{org}{word}")
                    } else {
                        word.to_string()
                    };
                    let sep = if separated { " " } else { "" };
                    bylines.push(format!("{role}{sep}{}", collapse(who)));
                } else {
                    bylines.push(tidy_name(who));
                }
            }
            Kind::Editor => {
                if !is_name_list(value) {
                    return None;
                }
                let list: Vec<&str> = names(value).into_iter().map(without_staff_code).collect();
                let sep = if value.contains('、') { "、" } else { " " };
                out.editor.get_or_insert_with(|| list.join(sep));
            }
            Kind::Source => {
                if !is_source_value(value) {
                    return None;
                }
                out.source.get_or_insert_with(|| collapse(value));
            }
            Kind::Account => {
                let (author, account) = account_line(value)?;
                bylines.push(author.to_string());
                if let Some(a) = account {
                    out.source.get_or_insert_with(|| a.to_string());
                }
            }
            Kind::Other => {
                if !at_most(value, 40) || value.contains(['。', '！', '？']) {
                    return None;
                }
            }
        }
    }
    if !any {
        return None;
    }
    if !bylines.is_empty() {
        out.byline = Some(bylines.join(" "));
    }
    Some(out)
}

/// `吴靖 吴晔婷|撰稿`, `王吉陆｜责编`: names first, then a bar and the role they had, as
/// WeChat accounts set their credits.
fn names_then_role(t: &str) -> Option<Credits> {
    let (who, role) = t.rsplit_once(['|', '｜', '丨'])?;
    let (role, who) = (role.trim(), who.trim());
    let (word, kind) = role_at(role)?;
    if word.len() != role.len() || !is_name_list(who) {
        return None;
    }
    let mut out = Credits::default();
    match kind {
        Kind::Author | Kind::Reporter => out.byline = Some(collapse(who)),
        Kind::Editor => out.editor = Some(collapse(who)),
        Kind::Other => {}
        Kind::Source | Kind::Account => return None,
    }
    Some(out)
}

/// `路闻卓立编译人民币交易与研究` → (`路闻卓立`, `人民币交易与研究`): a WeChat original-content line
/// names the author, then (after a space or a word such as `编译`) the account.
fn account_line(value: &str) -> Option<(&str, Option<&str>)> {
    for word in ["编译", "整理", "翻译", "编辑"] {
        if let Some((author, account)) = value.split_once(word) {
            let account = account.trim();
            return (!author.trim().is_empty())
                .then(|| (author.trim(), (!account.is_empty()).then_some(account)));
        }
    }
    match value.split_once(char::is_whitespace) {
        Some((author, account)) => Some((author.trim(), Some(account.trim()))),
        None => (at_most(value, 12)).then_some((value, None)),
    }
}

/// Collapses runs of whitespace into one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
